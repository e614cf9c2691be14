/**
 * Keep one plan's stored compliance results current: check the plan version that counts (the one
 * in effect, else the current draft) with core's `checkPlan`, and replace the stored findings and
 * deadlines. Call it after every change to a plan; `refreshStalePlans` also catches plans changed
 * since their last check (and day-dependent results) before a dashboard answers.
 *
 * Deadline findings are not stored: their state depends on the day, so queries derive them from
 * the stored due dates (and `readPlanCompliance` with core's `findingsFromDeadlines`).
 *
 * Boilerplate: each plan's accommodation signature is stored with its results; a per-school
 * MinHash index (kept in memory, loaded from the stored signatures on first use) yields the
 * plan's near-duplicates, and other plans whose counts the change affects are marked stale.
 */
import {
  addDays,
  addYears,
  BoilerplateIndex,
  type BoilerplateMatch,
  checkPlan,
  DEADLINE_DERIVED_FINDING_CODES,
  type Deadline,
  type DeadlineSettings,
  daysBetween,
  deadlineState,
  defaultSchoolCalendar,
  describePlanCheckForGuardian,
  type Finding,
  findingsFromDeadlines,
  type IsoDate,
  type PlanCheck,
  type PlanDocument,
  type SchoolCalendar,
  signPlanAccommodations,
  ZPlanDocument,
} from "@lantern/core";
import { type Kysely, sql } from "kysely";
import type { Database } from "../db/schema.ts";
import { type ComplianceRepository, createComplianceRepository } from "../repositories/compliance-repository.ts";

export type RefreshOutcome = { planId: string; status: "refreshed" | "removed" | "missing"; affected: string[] };

let fallbackCalendar: SchoolCalendar | null = null;

/** The district's calendar, or the default one Lantern ships. */
export async function calendarForDistrict(repo: ComplianceRepository, districtId: string): Promise<SchoolCalendar> {
  const own = await repo.calendar(districtId);
  if (own) return own;
  fallbackCalendar ??= defaultSchoolCalendar(2020, 2032);
  return fallbackCalendar;
}

/** Per database and school: the boilerplate index over stored signatures. */
const indexes = new WeakMap<object, Map<string, Promise<BoilerplateIndex>>>();

async function schoolIndex(
  db: Kysely<Database>,
  repo: ComplianceRepository,
  schoolId: string,
  minOtherStudents: number,
): Promise<BoilerplateIndex> {
  let perDb = indexes.get(db);
  if (!perDb) {
    perDb = new Map();
    indexes.set(db, perDb);
  }
  const key = `${schoolId}:${minOtherStudents}`;
  let index = perDb.get(key);
  if (!index) {
    index = repo.schoolSignatures(schoolId).then((sigs) => {
      const idx = new BoilerplateIndex({ minOtherStudents });
      idx.load(sigs);
      return idx;
    });
    perDb.set(key, index);
  }
  return index;
}

/** Forget cached indexes (tests, or after a bulk import). */
export function resetBoilerplateIndexes(db: Kysely<Database>): void {
  indexes.delete(db);
}

type PlanRow = {
  id: string;
  student_id: string;
  district_id: string;
  school_id: string;
  type: string;
  status: string;
  updated_at: Date | string;
  current_version_id: string | null;
  in_effect_version_id: string | null;
};

/** Merge signatures recorded beside the version into the document (the checks read `signatures`). */
async function withRecordedSignatures(
  db: Kysely<Database>,
  versionId: string,
  doc: PlanDocument,
): Promise<PlanDocument> {
  const rows = await db
    .selectFrom("plan_signatures")
    .select(["attendee_id", "method", "signature_text", "meaning", "signed_at", "signer_person_id"])
    .where("version_id", "=", versionId)
    .execute();
  if (rows.length === 0) return doc;
  const have = new Set(doc.signatures.map((s) => s.attendeeId));
  const extra = rows
    .filter((r) => !have.has(r.attendee_id))
    .map((r) => ({
      attendeeId: r.attendee_id,
      method: r.method as "typed" | "drawn",
      typedName: r.signature_text,
      drawing: null,
      signedAt: new Date(r.signed_at).toISOString(),
      signerAccountId: r.signer_person_id,
      meaning: r.meaning as "attendance" | "agreement",
    }));
  return { ...doc, signatures: [...doc.signatures, ...extra] } as PlanDocument;
}

/**
 * The first day after `today` on which the plan's results can change with time alone: a meeting,
 * start or consent date passing (team and signature checks, "in effect"), a birthday that brings
 * the transition or transfer-of-rights requirement, or a new school year (safeguards notice).
 */
export function nextRecheck(doc: PlanDocument, today: IsoDate, calendar: SchoolCalendar): IsoDate | null {
  const candidates: Array<string | null | undefined> = [doc.meeting.date, doc.dates.planStart];
  if (doc.type === "iep") {
    candidates.push(doc.dates.initialConsentToServices);
    const birth = doc.student.dateOfBirth;
    if (birth) for (const age of [16, 17, 18]) candidates.push(addYears(birth, age));
  } else {
    candidates.push(doc.dates.ended);
  }
  for (const y of calendar.data.years) candidates.push(y.firstDay, addDays(y.lastDay, 1));
  let next: IsoDate | null = null;
  for (const c of candidates) if (c && c > today && (next === null || c < next)) next = c;
  return next;
}

/** Recompute and store one plan's results as of `today`. */
export async function refreshPlanCompliance(
  db: Kysely<Database>,
  planId: string,
  today: IsoDate,
): Promise<RefreshOutcome> {
  const repo = createComplianceRepository(db);
  const plan = (await db
    .selectFrom("plans")
    .select([
      "id",
      "student_id",
      "district_id",
      "school_id",
      "type",
      "status",
      "updated_at",
      "current_version_id",
      "in_effect_version_id",
    ])
    .where("id", "=", planId)
    .executeTakeFirst()) as PlanRow | undefined;
  if (!plan) return { planId, status: "missing", affected: [] };
  const settings = await repo.settings(plan.district_id);
  const index = await schoolIndex(db, repo, plan.school_id, settings.boilerplateMinStudents);

  if (plan.status === "ended") {
    const affected = index.remove(plan.id);
    await db.transaction().execute(async (trx) => {
      const r = createComplianceRepository(trx);
      await r.removePlan(plan.id);
      await r.markStale(affected);
      await r.bump(plan.district_id);
    });
    return { planId, status: "removed", affected };
  }

  const versionId = plan.in_effect_version_id ?? plan.current_version_id;
  const version = versionId
    ? await db
        .selectFrom("plan_versions")
        .select(["id", "content", "updated_at"])
        .where("id", "=", versionId)
        .executeTakeFirst()
    : undefined;
  const raw = version ? (typeof version.content === "string" ? JSON.parse(version.content) : version.content) : null;
  const parsed = raw ? ZPlanDocument.safeParse(raw) : null;

  let check: PlanCheck = { findings: [], deadlines: [] };
  let recheckOn: IsoDate | null = null;
  let signature = null;
  let affected: string[] = [];
  if (parsed?.success && version) {
    const doc = await withRecordedSignatures(db, version.id, parsed.data);
    signature = signPlanAccommodations(
      plan.id,
      plan.student_id,
      doc.accommodations.map((a) => ({ id: a.id, text: a.text })),
    );
    affected = index.upsert(signature);
    const matches: BoilerplateMatch[] = index.matchesFor(plan.id);
    const [district, others, calendar] = await Promise.all([
      db.selectFrom("districts").select("state").where("id", "=", plan.district_id).executeTakeFirst(),
      db
        .selectFrom("plans")
        .select(["id", "type"])
        .where("student_id", "=", plan.student_id)
        .where("status", "=", "in-effect")
        .where("id", "!=", plan.id)
        .execute(),
      calendarForDistrict(repo, plan.district_id),
    ]);
    recheckOn = nextRecheck(doc, today, calendar);
    check = checkPlan(doc, {
      today,
      calendar,
      state: district?.state,
      settings: {
        dueSoonDays: settings.dueSoonDays,
        section504ReevaluationYears: settings.section504ReevaluationYears,
      },
      // Only a plan in effect next to another plan in effect is "both active".
      otherActivePlans:
        plan.status === "in-effect" ? others.map((o) => ({ type: o.type as "iep" | "section-504", id: o.id })) : [],
      boilerplate: matches,
    });
  }
  const stored = check.findings.filter((f) => !DEADLINE_DERIVED_FINDING_CODES.has(f.code));
  await db.transaction().execute(async (trx) => {
    const r = createComplianceRepository(trx);
    await r.replace(
      { planId: plan.id, districtId: plan.district_id, schoolId: plan.school_id, studentId: plan.student_id },
      {
        versionId: version?.id ?? null,
        planType: plan.type,
        planStatus: plan.status,
        planUpdatedAt: new Date(plan.updated_at),
        versionUpdatedAt: version ? new Date(version.updated_at as Date | string) : null,
        computedFor: today,
        recheckOn,
        signature,
      },
      stored,
      check.deadlines,
    );
    await r.markStale(affected);
    await r.bump(plan.district_id);
  });
  return { planId, status: "refreshed", affected };
}

/**
 * Plans in scope whose stored results are missing or out of date (plan or version changed since,
 * or computed for an earlier day), refreshed now — at most `limit` per call.
 */
export async function refreshStalePlans(
  db: Kysely<Database>,
  scope: { districtId: string; schoolId?: string | null; studentIds?: string[] | null },
  today: IsoDate,
  limit = 50,
): Promise<number> {
  // A refresh can mark boilerplate neighbours stale; a second pass settles them (their
  // signatures are unchanged, so it marks no one else).
  let total = 0;
  for (let pass = 0; pass < 3; pass++) {
    const n = await refreshStaleOnce(db, scope, today, limit);
    total += n;
    if (n === 0) break;
  }
  return total;
}

async function refreshStaleOnce(
  db: Kysely<Database>,
  scope: { districtId: string; schoolId?: string | null; studentIds?: string[] | null },
  today: IsoDate,
  limit: number,
): Promise<number> {
  const { ids } = await staleIds(db, scope, today, limit);
  for (const id of ids) await refreshPlanCompliance(db, id, today);
  return ids.length;
}

async function staleIds(
  db: Kysely<Database>,
  scope: { districtId: string; schoolId?: string | null; studentIds?: string[] | null },
  today: IsoDate,
  limit: number | null,
): Promise<{ ids: string[]; total: number }> {
  if (scope.studentIds && scope.studentIds.length === 0) return { ids: [], total: 0 };
  const rows = await sql<{ id: string; total: number }>`
    select p.id, count(*) over ()::int as total
    from plans p
    left join plan_compliance c on c.plan_id = p.id
    left join plan_versions v on v.id = coalesce(p.in_effect_version_id, p.current_version_id)
    where p.district_id = ${scope.districtId}
      ${scope.schoolId ? sql`and p.school_id = ${scope.schoolId}` : sql``}
      ${scope.studentIds ? sql`and p.student_id in (${sql.join(scope.studentIds)})` : sql``}
      and (
        (c.plan_id is null and p.status <> 'ended')
        or (c.plan_id is not null and (
          -- Stored stamps come back through JavaScript dates (milliseconds): compare with that precision.
          c.plan_updated_at < p.updated_at - interval '1 millisecond'
          or c.version_id is distinct from v.id
          or (v.updated_at is not null
            and (c.version_updated_at is null or c.version_updated_at < v.updated_at - interval '1 millisecond'))
          or c.recheck_on <= ${today}::date
          or c.computed_for > ${today}::date
        ))
      )
    order by p.id
    ${limit === null ? sql`` : sql`limit ${limit}`}`.execute(db);
  return { ids: rows.rows.map((r) => r.id), total: Number(rows.rows[0]?.total ?? 0) };
}

/**
 * Bring every plan in scope up to date (after an import, a bulk load or a settings change), in
 * batches; returns the number of plans refreshed. Use from jobs, not from request handlers.
 */
export async function refreshAllPlansCompliance(
  db: Kysely<Database>,
  scope: { districtId: string; schoolId?: string | null },
  today: IsoDate,
  onProgress?: (done: number) => void,
): Promise<number> {
  let done = 0;
  for (;;) {
    const n = await refreshStaleOnce(db, scope, today, 1000);
    done += n;
    onProgress?.(done);
    if (n === 0) return done;
  }
}

/** Plans in scope whose stored results are out of date and not yet refreshed. */
export async function countStalePlans(
  db: Kysely<Database>,
  scope: { districtId: string; schoolId?: string | null; studentIds?: string[] | null },
  today: IsoDate,
): Promise<number> {
  return (await staleIds(db, scope, today, 1)).total;
}

export type PlanComplianceView = {
  planId: string;
  planType: string;
  today: IsoDate;
  findings: Finding[];
  deadlines: Deadline[];
  /** Plain-language sentences for families. */
  plainLanguage: string[];
};

/** One plan's findings and deadlines as of `today` (refreshing first when stale). */
export async function readPlanCompliance(
  db: Kysely<Database>,
  plan: { planId: string; districtId: string; studentId: string },
  today: IsoDate,
): Promise<PlanComplianceView | null> {
  await refreshStalePlans(db, { districtId: plan.districtId, studentIds: [plan.studentId] }, today);
  const repo = createComplianceRepository(db);
  const stored = await repo.stored(plan.planId);
  if (!stored) return null;
  const settings = await repo.settings(plan.districtId);
  const deadlines = stored.deadlines.map((d) => withState(d, today, settings));
  const findings = [...stored.findings, ...findingsFromDeadlines(deadlines)];
  const order = { error: 0, warning: 1, info: 2 } as const;
  findings.sort((a, b) => order[a.severity] - order[b.severity]);
  const check = { findings, deadlines };
  return {
    planId: plan.planId,
    planType: stored.planType,
    today,
    findings,
    deadlines,
    plainLanguage: describePlanCheckForGuardian(check),
  };
}

export function withState(d: Deadline, today: IsoDate, settings: Pick<DeadlineSettings, "dueSoonDays">): Deadline {
  const state = deadlineState(d.dueDate, today, d.metOn, settings.dueSoonDays);
  return {
    ...d,
    state,
    daysLeft: daysBetween(today, d.dueDate),
    late: state === "overdue" || (d.metOn !== null && d.metOn > d.dueDate),
  };
}
