/**
 * Load a district's student roster from CSV (docs/roster-format.md): parse, validate every row
 * (core's roster schema), then in ONE transaction add or update schools, students (by the
 * district and the SIS id), guardians and their links, and case managers' caseloads, in batches.
 *
 * A file with any problem changes nothing and answers every problem with its line and column (the
 * first 100, and how many there were). A dry run does all the work and rolls it back, so it
 * answers exactly what an import would do. Students not in the file are left as they are;
 * guardians are only ever added (removing a parent's access is a decision for a person, not a
 * file).
 *
 * Nothing personal is logged: errors name lines and columns, never values.
 */
import { randomUUID } from "node:crypto";
import {
  type IsoDate,
  limitRosterProblems,
  type RosterImportResult,
  type RosterProblem,
  type RosterRecord,
  type RosterRow,
  validateRoster,
} from "@lantern/core";
import { CsvError, parse } from "csv-parse/sync";
import type {
  ExistingSchool,
  ExistingStudent,
  GuardianLanguageWrite,
  GuardianLink,
  NewPerson,
  RosterRepository,
  StudentEvent,
  StudentWrite,
} from "../../repositories/roster-repository.ts";
import { INVITATION_DAYS, invitationMail, setPasswordLink } from "../accounts/account-mail.ts";
import { inTransaction, todayFor, type UseCaseDeps } from "../deps.ts";
import { notify } from "../inbox/notify.ts";

export type ImportRosterInput = {
  districtId: string;
  csv: string;
  dryRun: boolean;
  /** The day the roster is checked against (ages); default today in the district. */
  today?: IsoDate | undefined;
  /** The administrator importing (audit trail and record of access); null from the command line. */
  actor: { personId: string; basis: string; name?: string } | null;
  requestId?: string | null;
  /** Email an invitation to each guardian the import adds (links point at `baseUrl`). */
  invite?: { baseUrl: string } | null;
};

export type ImportRosterOutcome =
  | { ok: true; result: RosterImportResult }
  | { ok: false; problems: RosterProblem[]; problemCount: number };

/** Why each record-of-access row is written. */
const ROSTER_PURPOSE = "roster import from the student information system";

// ---------------------------------------------------------------------------------------------
// CSV

export type ParsedCsv = { header: string[]; records: RosterRecord[] } | { problem: RosterProblem };

/**
 * Split CSV text into a header and records, each with the line it starts on. Accepts a UTF-8
 * byte-order mark, CRLF or LF line ends, and comma, semicolon or tab as the separator (whichever
 * the header uses most). Rows with every cell blank are skipped.
 */
export function parseRosterCsv(text: string): ParsedCsv {
  const bad = text.indexOf("\uFFFD");
  if (bad >= 0) {
    return {
      problem: {
        line: lineAt(text, bad),
        column: null,
        message: "The file is not UTF-8 text: save it as “CSV UTF-8” and try again",
      },
    };
  }
  const normalized = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (normalized.trim() === "") return { problem: { line: 1, column: null, message: "The file is empty" } };
  const end = normalized.indexOf("\n");
  const firstLine = end < 0 ? normalized : normalized.slice(0, end);
  const delimiter = [",", ";", "\t"].map((d) => ({ d, n: firstLine.split(d).length })).sort((a, b) => b.n - a.n)[0]
    ?.d as string;
  let parsed: Array<{ record: string[]; info: { lines: number } }>;
  try {
    parsed = parse(normalized, {
      delimiter,
      record_delimiter: "\n",
      relax_column_count: true,
      // A quotation mark inside an unquoted value (Ann "Annie" Lee) is kept as written.
      relax_quotes: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  } catch (error) {
    if (error instanceof CsvError) {
      const line = typeof error.lines === "number" ? error.lines : 1;
      return { problem: { line: Math.max(1, line), column: null, message: csvErrorMessage(error.code) } };
    }
    throw error;
  }
  const records: RosterRecord[] = [];
  for (const { record, info } of parsed) {
    // info.lines is the line the record ends on; a quoted value may span lines.
    const inner = record.reduce((n, field) => n + (field.match(/\n/g)?.length ?? 0), 0);
    records.push({ line: info.lines - inner, fields: record });
  }
  const [header, ...rows] = records;
  return {
    header: [...(header?.fields ?? [])],
    records: rows.filter((r) => r.fields.some((f) => f.trim() !== "")),
  };
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function csvErrorMessage(code: string): string {
  switch (code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return "A quoted value is not closed: check the quotation marks from this line on";
    case "CSV_INVALID_CLOSING_QUOTE":
    case "CSV_INVALID_OPENING_QUOTE":
    case "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE":
      return 'A quotation mark inside a value must be doubled (""), and a quoted value must end at a separator';
    default:
      return "This line cannot be read as CSV";
  }
}

// ---------------------------------------------------------------------------------------------
// The import

/** Thrown inside the transaction to roll it back: the file has problems, or this is a dry run. */
class Rollback extends Error {
  constructor(readonly outcome: ImportRosterOutcome) {
    super("roster import rolled back");
  }
}

export async function importRoster(deps: UseCaseDeps, input: ImportRosterInput): Promise<ImportRosterOutcome> {
  const started = performance.now();
  const parsed = parseRosterCsv(input.csv);
  if ("problem" in parsed) return { ok: false, problems: [parsed.problem], problemCount: 1 };
  const today = input.today ?? (await todayFor(deps, input.districtId));
  const validation = validateRoster(parsed.header, parsed.records, { today });
  if (validation.problemCount > 0) {
    return { ok: false, problems: validation.problems, problemCount: validation.problemCount };
  }
  try {
    return await inTransaction(deps, async (tx) => {
      const repo = tx.repos.roster;
      await repo.lockDistrict(input.districtId);
      const plan = await planImport(repo, input.districtId, validation.rows);
      if (plan.problems.length > 0) throw new Rollback({ ok: false, ...limitRosterProblems(plan.problems) });
      await applyImport(repo, input, plan);
      const pendingGuardianLinks = await repo.insertPendingGuardianLinks(
        input.districtId,
        plan.pendingLinks,
        input.actor?.personId ?? null,
      );
      if (pendingGuardianLinks > 0 && !input.dryRun) {
        const districtName = await tx.repos.accounts.districtName(input.districtId);
        await notify(tx, [...new Set(plan.pendingLinks.map((l) => l.personId))], {
          kind: "guardian-link-pending",
          title: `${districtName} asks you to confirm a child`,
          body: `${districtName} lists you as a parent or guardian of a student. Sign in to Lantern and confirm it in your inbox, or decline it. Until you confirm, you do not see the student's record.`,
          link: "/inbox",
          districtId: input.districtId,
        });
      }
      for (const link of plan.pendingLinks) {
        await tx.audit.append({
          action: "guardian.link-pending",
          personId: input.actor?.personId ?? null,
          studentId: link.studentId,
          subject: `person:${link.personId}`,
          details: { via: "roster" },
          requestId: input.requestId ?? null,
        });
      }
      const invitations = input.invite && !input.dryRun ? await inviteGuardians(tx, input, plan) : 0;
      const counts = {
        rows: validation.rows.length,
        created: plan.created.length,
        updated: plan.updated.length,
        unchanged: validation.rows.length - plan.created.length - plan.updated.length,
        schools: plan.newSchools.length,
        guardians: plan.newLinks.length,
        invitations,
        pendingGuardianLinks,
      };
      if (!input.dryRun) {
        await tx.audit.append({
          action: "roster.imported",
          personId: input.actor?.personId ?? null,
          subject: `district:${input.districtId}`,
          details: { ...counts, via: input.actor ? "api" : "command line", ignoredColumns: validation.ignoredColumns },
          requestId: input.requestId ?? null,
        });
      }
      const result: RosterImportResult = {
        dryRun: input.dryRun,
        ...counts,
        seconds: Math.round((performance.now() - started) / 10) / 100,
        ignoredColumns: validation.ignoredColumns,
      };
      if (input.dryRun) throw new Rollback({ ok: true, result });
      return { ok: true, result } as const;
    });
  } catch (error) {
    if (error instanceof Rollback) return error.outcome;
    throw error;
  }
}

type ImportPlan = {
  problems: RosterProblem[];
  newSchools: ExistingSchool[];
  changedSchools: ExistingSchool[];
  created: StudentWrite[];
  updated: Array<StudentWrite & { changes: string[] }>;
  newPeople: NewPerson[];
  guardianIds: string[];
  newLinks: GuardianLink[];
  /** Links to accounts of another district: they wait for the person's acceptance (no access before). */
  pendingLinks: GuardianLink[];
  changedLinks: GuardianLink[];
  /** Languages and interpreter needs the file gives that differ from the links' (new links included). */
  languages: GuardianLanguageWrite[];
  caseManagers: Array<{ studentId: string; personId: string }>;
};

/** Read what the district holds for these rows and work out every write (nothing written yet). */
async function planImport(
  repo: RosterRepository,
  districtId: string,
  rows: Array<{ line: number; row: RosterRow }>,
): Promise<ImportPlan> {
  const problems: RosterProblem[] = [];
  const schools = resolveSchools(await repo.schools(districtId), rows, problems);

  const managerEmails = [...new Set(rows.flatMap(({ row }) => (row.caseManagerEmail ? [row.caseManagerEmail] : [])))];
  const managers = await repo.caseManagersByEmail(districtId, managerEmails);
  for (const { line, row } of rows) {
    if (row.caseManagerEmail && !managers.has(row.caseManagerEmail)) {
      problems.push({
        line,
        column: "case_manager_email",
        message: "No case manager in this district has this email",
      });
    }
  }
  const plan: ImportPlan = {
    problems,
    newSchools: schools.created,
    changedSchools: schools.changed,
    created: [],
    updated: [],
    newPeople: [],
    guardianIds: [],
    newLinks: [],
    pendingLinks: [],
    changedLinks: [],
    languages: [],
    caseManagers: [],
  };
  if (problems.length > 0) return plan;

  const existing = await repo.studentsBySisId(
    districtId,
    rows.map(({ row }) => row.sisId),
  );
  const existingIds = [...existing.values()].map((s) => s.id);
  const [links, caseManagersOf, languagesOf] = await Promise.all([
    repo.guardianLinks(existingIds),
    repo.caseManagersOf(existingIds),
    repo.guardianLanguages(existingIds),
  ]);

  const guardianEmails = [...new Set(rows.flatMap(({ row }) => row.guardians.map((g) => g.email)))];
  const people = await repo.peopleByEmail(guardianEmails);
  // An account that holds no role in this district belongs to someone the district does not know
  // yet (another district's staff or family): a roster row alone must not give it access.
  const known = await repo.withRoleIn(districtId, [...people.values()]);
  const outsiders = new Set([...people.values()].filter((id) => !known.has(id)));
  for (const { row } of rows) {
    for (const g of row.guardians) {
      if (people.has(g.email)) continue;
      const id = randomUUID();
      people.set(g.email, id);
      plan.newPeople.push({ id, firstName: g.firstName, lastName: g.lastName, email: g.email });
    }
  }
  plan.guardianIds = guardianEmails.map((e) => people.get(e) as string).filter((id) => !outsiders.has(id));

  for (const { line, row } of rows) {
    const schoolId = schools.idForLine.get(line) as string;
    const before = existing.get(row.sisId);
    const write: StudentWrite = {
      id: before?.id ?? randomUUID(),
      localId: row.sisId,
      schoolId,
      firstName: row.firstName,
      lastName: row.lastName,
      dateOfBirth: row.dateOfBirth,
      grade: row.grade,
    };
    const changes = before ? changedFields(before, write) : [];
    const linked = links.get(write.id) ?? new Map<string, string>();
    for (const g of row.guardians) {
      const personId = people.get(g.email) as string;
      const relationship = linked.get(personId);
      if (relationship === undefined && outsiders.has(personId)) {
        plan.pendingLinks.push({ studentId: write.id, personId, relationship: g.relationship ?? "parent" });
      } else if (relationship === undefined) {
        plan.newLinks.push({ studentId: write.id, personId, relationship: g.relationship ?? "parent" });
        if (!changes.includes("guardians")) changes.push("guardians");
      } else if (g.relationship !== null && g.relationship !== relationship) {
        plan.changedLinks.push({ studentId: write.id, personId, relationship: g.relationship });
        if (!changes.includes("guardians")) changes.push("guardians");
      }
      // A link waiting for the person's acceptance takes the language at a later import.
      if (relationship === undefined && outsiders.has(personId)) continue;
      if (g.language === null && g.interpreterNeeded === null) continue;
      const now = languagesOf.get(`${write.id}:${personId}`);
      const differs =
        !now ||
        (g.language !== null && g.language !== now.language) ||
        (g.interpreterNeeded !== null && g.interpreterNeeded !== now.interpreterNeeded);
      if (!differs) continue;
      plan.languages.push({
        studentId: write.id,
        personId,
        language: g.language,
        interpreterNeeded: g.interpreterNeeded,
      });
      if (before && !changes.includes("guardian language")) changes.push("guardian language");
    }
    if (row.caseManagerEmail) {
      const personId = managers.get(row.caseManagerEmail) as string;
      const current = caseManagersOf.get(write.id) ?? [];
      if (current.length !== 1 || current[0] !== personId) {
        plan.caseManagers.push({ studentId: write.id, personId });
        if (before) changes.push("case manager");
      }
    }
    if (!before) plan.created.push(write);
    else if (changes.length > 0) plan.updated.push({ ...write, changes });
  }
  return plan;
}

function changedFields(before: ExistingStudent, after: StudentWrite): string[] {
  const changes: string[] = [];
  if (before.schoolId !== after.schoolId) changes.push("school");
  if (before.firstName !== after.firstName || before.lastName !== after.lastName) changes.push("name");
  if (before.dateOfBirth !== after.dateOfBirth) changes.push("date of birth");
  if (before.grade !== after.grade) changes.push("grade");
  return changes;
}

async function applyImport(repo: RosterRepository, input: ImportRosterInput, plan: ImportPlan): Promise<void> {
  await repo.insertSchools(input.districtId, plan.newSchools);
  await repo.updateSchools(plan.changedSchools);
  const stored = await repo.insertPeople(plan.newPeople);
  const idOf = new Map(plan.newPeople.map((p) => [p.id, stored.get(p.email) ?? p.id]));
  const actual = (personId: string) => idOf.get(personId) ?? personId;
  plan.guardianIds = plan.guardianIds.map(actual);
  plan.newLinks = plan.newLinks.map((link) => ({ ...link, personId: actual(link.personId) }));
  await repo.ensureGuardianRoles(input.districtId, plan.guardianIds);
  await repo.insertStudents(input.districtId, plan.created);
  await repo.updateStudents(plan.updated.filter((s) => s.changes.some((c) => STUDENT_FIELDS.has(c))));
  await repo.insertGuardianships(plan.newLinks);
  await repo.updateRelationships(plan.changedLinks);
  await repo.setGuardianLanguages(plan.languages.map((l) => ({ ...l, personId: actual(l.personId) })));
  await repo.setCaseManagers(plan.caseManagers);
  const events: StudentEvent[] = [
    ...plan.created.map((s) => ({
      action: "student.created" as const,
      studentId: s.id,
      details: JSON.stringify({ via: "roster" }),
    })),
    ...plan.updated.map((s) => ({
      action: "student.updated" as const,
      studentId: s.id,
      details: JSON.stringify({ via: "roster", changes: s.changes }),
    })),
  ];
  await repo.appendStudentEvents(events, input.actor?.personId ?? null, input.requestId ?? null);
  if (input.actor) {
    await repo.recordWrites(
      events.map((e) => e.studentId),
      { ...input.actor, purpose: ROSTER_PURPOSE, requestId: input.requestId ?? null },
    );
  }
}

/** Email each guardian the import added a one-time link to choose a password (decision 0009). */
async function inviteGuardians(tx: UseCaseDeps, input: ImportRosterInput, plan: ImportPlan): Promise<number> {
  if (!input.invite || plan.newPeople.length === 0) return 0;
  const added = await tx.repos.accounts.withoutPassword(plan.newPeople.map((p) => p.email));
  const districtName = await tx.repos.accounts.districtName(input.districtId);
  const timeZone = await tx.repos.districts.timeZone(input.districtId);
  const now = tx.clock.now();
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000);
  for (const person of added) {
    const token = await tx.repos.accounts.createToken(person.id, "invitation", input.actor?.personId ?? null, {
      now,
      expiresAt,
    });
    const message = invitationMail({
      firstName: person.firstName,
      districtName,
      role: "guardian",
      invitedBy: input.actor?.name ?? null,
      link: setPasswordLink(input.invite.baseUrl, token),
      expiresAt,
      timeZone,
    });
    await tx.repos.mail.enqueue({ districtId: input.districtId, kind: "invitation", to: person.email, ...message });
    await tx.audit.append({
      action: "account.invited",
      personId: input.actor?.personId ?? null,
      subject: `person:${person.id}`,
      details: { role: "guardian", via: "roster" },
      requestId: input.requestId ?? null,
    });
  }
  return added.length;
}

const STUDENT_FIELDS = new Set(["school", "name", "date of birth", "grade"]);

// ---------------------------------------------------------------------------------------------
// Schools

type SchoolEntry = ExistingSchool & { isNew: boolean; isChanged: boolean; namedOnLine: number | null };

/**
 * Match each row's school to one of the district's schools: by code when the row has one (the
 * school's name follows the file), otherwise by name (ignoring case). Schools not found are added.
 */
function resolveSchools(
  existing: ExistingSchool[],
  rows: Array<{ line: number; row: RosterRow }>,
  problems: RosterProblem[],
): { idForLine: Map<number, string>; created: ExistingSchool[]; changed: ExistingSchool[] } {
  const entries: SchoolEntry[] = existing.map((s) => ({ ...s, isNew: false, isChanged: false, namedOnLine: null }));
  const byName = (name: string) => entries.filter((s) => s.name.toLowerCase() === name.toLowerCase());
  const idForLine = new Map<number, string>();
  const add = (name: string, code: string | null, line: number) => {
    const entry: SchoolEntry = { id: randomUUID(), name, code, isNew: true, isChanged: false, namedOnLine: line };
    entries.push(entry);
    return entry;
  };
  for (const { line, row } of rows) {
    let entry: SchoolEntry | undefined;
    if (row.schoolCode !== null) {
      entry = entries.find((s) => s.code === row.schoolCode);
      if (entry) {
        if (entry.name !== row.school) {
          if (entry.namedOnLine !== null) {
            problems.push({
              line,
              column: "school",
              message: `School code ${row.schoolCode} is “${entry.name}” on line ${entry.namedOnLine}`,
            });
            continue;
          }
          entry.name = row.school;
          entry.isChanged = !entry.isNew;
        }
        entry.namedOnLine ??= line;
      } else {
        const named = byName(row.school);
        const uncoded = named.filter((s) => s.code === null);
        if (uncoded.length === 1 && uncoded[0]) {
          entry = uncoded[0];
          entry.code = row.schoolCode;
          entry.isChanged = !entry.isNew;
          entry.namedOnLine ??= line;
        } else if (named.length > 0) {
          problems.push({
            line,
            column: "school_code",
            message: `Lantern already has a school named “${row.school}” with another code`,
          });
          continue;
        } else {
          entry = add(row.school, row.schoolCode, line);
        }
      }
    } else {
      const named = byName(row.school);
      if (named.length > 1) {
        problems.push({
          line,
          column: "school",
          message: `Several schools are named “${row.school}”: add a school_code column to tell them apart`,
        });
        continue;
      }
      entry = named[0] ?? add(row.school, null, line);
    }
    idForLine.set(line, entry.id);
  }
  return {
    idForLine,
    created: entries.filter((s) => s.isNew).map(({ id, name, code }) => ({ id, name, code })),
    changed: entries.filter((s) => s.isChanged).map(({ id, name, code }) => ({ id, name, code })),
  };
}
