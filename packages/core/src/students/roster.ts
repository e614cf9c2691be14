/**
 * The student roster a district loads from its student information system (SIS): one CSV row per
 * student, with the student's school, grade, date of birth and stable SIS id, and optionally up to
 * two guardians and the student's case manager. Format: docs/roster-format.md.
 *
 * This module validates rows that were already split into fields (the CSV parser lives in the
 * server): it maps the header to known columns, parses every row with one schema and answers each
 * problem with the line and the column it is on, so a person can fix the file in a spreadsheet.
 *
 * Only the columns below are kept. Anything else an SIS export carries (addresses, demographics,
 * health notes…) is ignored and never stored: Lantern holds what the plans need.
 */
import { z } from "zod";
import { addDays, type IsoDate, isIsoDate } from "../shared/dates.ts";
import { LANGUAGE_PROBLEM, parseLanguage, parseYesNo } from "./guardian-language.ts";

// ---------------------------------------------------------------------------------------------
// Columns

export const ROSTER_COLUMNS = [
  "sis_id",
  "first_name",
  "last_name",
  "date_of_birth",
  "grade",
  "school",
  "school_code",
  "case_manager_email",
  "guardian1_first_name",
  "guardian1_last_name",
  "guardian1_email",
  "guardian1_relationship",
  "guardian1_language",
  "guardian1_interpreter",
  "guardian2_first_name",
  "guardian2_last_name",
  "guardian2_email",
  "guardian2_relationship",
  "guardian2_language",
  "guardian2_interpreter",
] as const;
export type RosterColumn = (typeof ROSTER_COLUMNS)[number];

export const REQUIRED_ROSTER_COLUMNS: readonly RosterColumn[] = [
  "sis_id",
  "first_name",
  "last_name",
  "date_of_birth",
  "grade",
  "school",
];

/** Other headers SIS exports commonly use for the same column. */
export const ROSTER_COLUMN_ALIASES: Readonly<Record<string, RosterColumn>> = {
  student_id: "sis_id",
  local_id: "sis_id",
  sis_student_id: "sis_id",
  birth_date: "date_of_birth",
  birthdate: "date_of_birth",
  dob: "date_of_birth",
  grade_level: "grade",
  school_name: "school",
  guardian1_home_language: "guardian1_language",
  guardian1_preferred_language: "guardian1_language",
  guardian1_interpreter_needed: "guardian1_interpreter",
  guardian2_home_language: "guardian2_language",
  guardian2_preferred_language: "guardian2_language",
  guardian2_interpreter_needed: "guardian2_interpreter",
};

/** "Guardian 1 Email" → "guardian1_email": lower case, spaces and dashes as underscores. */
export function normalizeRosterHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase()
    .replace(/[\s\-.]+/g, "_")
    .replace(/^guardian_(\d)/, "guardian$1");
}

// ---------------------------------------------------------------------------------------------
// Values

const GRADE_ALIASES: Readonly<Record<string, string>> = {
  pk: "PK",
  prek: "PK",
  "pre-k": "PK",
  tk: "TK",
  k: "K",
  kg: "K",
  "0": "K",
  "00": "K",
  ug: "UG",
};

/** The stored form of a grade ("KG" → "K", "03" → "3"), or null when it is not one. */
export function normalizeGrade(value: string): string | null {
  const v = value.trim().toLowerCase();
  const alias = GRADE_ALIASES[v];
  if (alias) return alias;
  if (/^\d{1,2}$/.test(v)) {
    const n = Number(v);
    if (n >= 1 && n <= 12) return String(n);
  }
  return null;
}

/** YYYY-MM-DD, or the US form M/D/YYYY many SIS exports use; null when it is not a real date. */
export function normalizeRosterDate(value: string): IsoDate | null {
  const v = value.trim();
  if (isIsoDate(v)) return v;
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
  if (us) {
    const iso = `${us[3]}-${(us[1] as string).padStart(2, "0")}-${(us[2] as string).padStart(2, "0")}`;
    if (isIsoDate(iso)) return iso;
  }
  return null;
}

/** A blank cell is an absent value. */
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const required = (what: string, max: number) =>
  z
    .string({ error: `Enter the ${what}` })
    .trim()
    .min(1, `Enter the ${what}`)
    .max(max, `Keep the ${what} to ${max} characters or fewer`);

const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

const ZEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "Keep the email to 254 characters or fewer")
  .pipe(z.email("Enter an email address like name@example.org"));

const ZRosterDate = z
  .string({ error: "Enter the date of birth" })
  .trim()
  .min(1, "Enter the date of birth")
  .transform((v, ctx) => {
    const iso = normalizeRosterDate(v);
    if (iso === null) {
      ctx.addIssue({
        code: "custom",
        message: "Write the date of birth as YYYY-MM-DD (for example 2015-04-09) or MM/DD/YYYY",
      });
      return z.NEVER;
    }
    return iso;
  });

const ZRosterGrade = z
  .string({ error: "Enter the grade" })
  .trim()
  .min(1, "Enter the grade")
  .transform((v, ctx) => {
    const grade = normalizeGrade(v);
    if (grade === null) {
      ctx.addIssue({ code: "custom", message: "Use PK, TK, K, 1 to 12, or UG (ungraded)" });
      return z.NEVER;
    }
    return grade;
  });

const ZGuardianName = (part: "first" | "last") => optional(required(`guardian's ${part} name`, 100));
const ZRelationship = optional(required("relationship", 40).toLowerCase());

/** A guardian's preferred language: a code ("es") or a known language's name ("Spanish"). */
const ZRosterLanguage = optional(
  z
    .string()
    .trim()
    .transform((v, ctx) => {
      const code = parseLanguage(v);
      if (!code) {
        ctx.addIssue({ code: "custom", message: LANGUAGE_PROBLEM });
        return z.NEVER;
      }
      return code;
    }),
);

/** Whether a guardian needs an interpreter at meetings (34 CFR 300.322(e)): yes or no. */
const ZRosterYesNo = optional(
  z
    .string()
    .trim()
    .transform((v, ctx) => {
      const yes = parseYesNo(v);
      if (yes === undefined) {
        ctx.addIssue({ code: "custom", message: "Write yes or no" });
        return z.NEVER;
      }
      return yes;
    }),
);

const GUARDIAN_PARTS = ["first_name", "last_name", "email"] as const;
const GUARDIAN_PART_NAMES: Record<(typeof GUARDIAN_PARTS)[number], string> = {
  first_name: "first name",
  last_name: "last name",
  email: "email",
};

/**
 * One roster row, keyed by column name, as the CSV gives it (strings; blank cells may be "").
 * The output is the row as Lantern stores it: trimmed, dates as YYYY-MM-DD, grades normalized,
 * emails in lower case, guardians as a list.
 */
export const ZRosterRow = z
  .object({
    sis_id: required("student's SIS id", 64).regex(/^\S+$/, "Write the SIS id without spaces"),
    first_name: required("student's first name", 100),
    last_name: required("student's last name", 100),
    date_of_birth: ZRosterDate,
    grade: ZRosterGrade,
    school: required("school name", 200),
    school_code: optional(required("school code", 40)),
    case_manager_email: optional(ZEmail),
    guardian1_first_name: ZGuardianName("first"),
    guardian1_last_name: ZGuardianName("last"),
    guardian1_email: optional(ZEmail),
    guardian1_relationship: ZRelationship,
    guardian1_language: ZRosterLanguage,
    guardian1_interpreter: ZRosterYesNo,
    guardian2_first_name: ZGuardianName("first"),
    guardian2_last_name: ZGuardianName("last"),
    guardian2_email: optional(ZEmail),
    guardian2_relationship: ZRelationship,
    guardian2_language: ZRosterLanguage,
    guardian2_interpreter: ZRosterYesNo,
  })
  .superRefine(
    (row, ctx) => {
      // A guardian is given whole (first name, last name and email) or not at all. The email is
      // how Lantern recognises the same person on another row or in another import.
      for (const n of [1, 2] as const) {
        const value = (part: string) => (row as Record<string, unknown>)[`guardian${n}_${part}`];
        // Runs even when other cells failed (so every problem of the row is listed at once).
        const given = [...GUARDIAN_PARTS, "relationship", "language", "interpreter"].some(
          (p) => value(p) !== undefined,
        );
        if (!given) continue;
        for (const part of GUARDIAN_PARTS) {
          if (value(part) === undefined) {
            ctx.addIssue({
              code: "custom",
              path: [`guardian${n}_${part}`],
              message: `Enter guardian ${n}'s ${GUARDIAN_PART_NAMES[part]}, or leave all guardian ${n} columns empty`,
            });
          }
        }
      }
      if (row.guardian1_email !== undefined && row.guardian1_email === row.guardian2_email) {
        ctx.addIssue({
          code: "custom",
          path: ["guardian2_email"],
          message: "Guardian 2 has the same email as guardian 1",
        });
      }
    },
    { when: () => true },
  )
  .transform((row) => {
    const r = row as Record<string, string | undefined>;
    const flags = row as unknown as Record<string, boolean | undefined>;
    const guardians: RosterGuardian[] = [];
    for (const n of [1, 2] as const) {
      const email = r[`guardian${n}_email`];
      if (email === undefined) continue;
      guardians.push({
        firstName: r[`guardian${n}_first_name`] ?? "",
        lastName: r[`guardian${n}_last_name`] ?? "",
        email,
        relationship: r[`guardian${n}_relationship`] ?? null,
        language: r[`guardian${n}_language`] ?? null,
        interpreterNeeded: flags[`guardian${n}_interpreter`] ?? null,
      });
    }
    return {
      sisId: row.sis_id,
      firstName: row.first_name,
      lastName: row.last_name,
      dateOfBirth: row.date_of_birth,
      grade: row.grade,
      school: row.school,
      schoolCode: row.school_code ?? null,
      caseManagerEmail: row.case_manager_email ?? null,
      guardians,
    };
  });
export type RosterRow = z.output<typeof ZRosterRow>;
export type RosterGuardian = {
  firstName: string;
  lastName: string;
  /** Lower case; identifies the person. */
  email: string;
  /** "parent", "grandparent"…; null when the file leaves it blank (new links are "parent"). */
  relationship: string | null;
  /** The guardian's preferred language as a code ("es"); null when the file leaves it blank (kept as it is). */
  language: string | null;
  /** Needs an interpreter at meetings; null when the file leaves it blank (kept as it is). */
  interpreterNeeded: boolean | null;
};

// ---------------------------------------------------------------------------------------------
// Problems and answers (the API's shapes)

/** One problem with the file: where it is (line 1 is the header) and what to do about it. */
export const ZRosterProblem = z.object({
  line: z.number().int().min(1),
  /** The column's name as Lantern knows it; null for a problem with the whole line or file. */
  column: z.string().nullable(),
  message: z.string(),
});
export type RosterProblem = z.infer<typeof ZRosterProblem>;

/** At most this many problems are listed; the count says how many there were. */
export const MAX_ROSTER_PROBLEMS = 100;

// ---------------------------------------------------------------------------------------------
// Validation

/** One CSV record: its first line in the file (the header is line 1) and its fields. */
export type RosterRecord = { line: number; fields: readonly string[] };

export type RosterValidation = {
  rows: Array<{ line: number; row: RosterRow }>;
  /** The first MAX_ROSTER_PROBLEMS problems, in line and column order. */
  problems: RosterProblem[];
  problemCount: number;
  ignoredColumns: string[];
};

export type RosterValidationOptions = {
  /** Today, to reject dates of birth in the future or implausibly long ago. */
  today: IsoDate;
  maxProblems?: number;
};

/** How long ago a date of birth may be before it is taken for a typo in the year. */
const OLDEST_AGE_YEARS = 30;

/**
 * Validate a roster: the header (line 1) and each record. Answers every problem with its line
 * and column; the rows are usable only when there is none.
 */
export function validateRoster(
  header: readonly string[],
  records: readonly RosterRecord[],
  options: RosterValidationOptions,
): RosterValidation {
  const problems: RosterProblem[] = [];
  const ignoredColumns: string[] = [];
  const columns: Array<RosterColumn | null> = [];
  const seen = new Set<RosterColumn>();
  for (const raw of header) {
    const name = normalizeRosterHeader(raw);
    const column = (ROSTER_COLUMNS as readonly string[]).includes(name)
      ? (name as RosterColumn)
      : (ROSTER_COLUMN_ALIASES[name] ?? null);
    if (column === null) {
      if (name !== "") ignoredColumns.push(raw.trim());
      columns.push(null);
      continue;
    }
    if (seen.has(column)) {
      problems.push({ line: 1, column, message: `The header names the ${column} column twice` });
      columns.push(null);
      continue;
    }
    seen.add(column);
    columns.push(column);
  }
  for (const column of REQUIRED_ROSTER_COLUMNS) {
    if (!seen.has(column)) problems.push({ line: 1, column, message: `The file has no ${column} column` });
  }
  if (problems.length === 0 && records.length === 0) {
    problems.push({ line: 2, column: null, message: "The file has a header but no students" });
  }
  if (problems.length > 0) return finish([], problems, ignoredColumns, options);

  const rows: RosterValidation["rows"] = [];
  const firstLineOf = new Map<string, number>();
  const latest = options.today;
  const earliest = addDays(options.today, -Math.round(OLDEST_AGE_YEARS * 365.25));
  for (const record of records) {
    const values: Record<string, string> = {};
    let extra = 0;
    record.fields.forEach((value, i) => {
      const column = columns[i];
      if (column) values[column] = value;
      else if (i >= columns.length && value.trim() !== "") extra++;
    });
    if (extra > 0) {
      problems.push({
        line: record.line,
        column: null,
        message: `This row has ${record.fields.length} values but the header has ${columns.length} columns`,
      });
    }
    const parsed = ZRosterRow.safeParse(values);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push({ line: record.line, column: String(issue.path[0] ?? "") || null, message: issue.message });
      }
      continue;
    }
    const row = parsed.data;
    if (row.dateOfBirth > latest) {
      problems.push({ line: record.line, column: "date_of_birth", message: "The date of birth is after today" });
    } else if (row.dateOfBirth < earliest) {
      problems.push({
        line: record.line,
        column: "date_of_birth",
        message: `The date of birth is more than ${OLDEST_AGE_YEARS} years ago: check the year`,
      });
    }
    const first = firstLineOf.get(row.sisId);
    if (first !== undefined) {
      problems.push({ line: record.line, column: "sis_id", message: `This SIS id is also on line ${first}` });
      continue;
    }
    firstLineOf.set(row.sisId, record.line);
    rows.push({ line: record.line, row });
  }
  return finish(rows, problems, ignoredColumns, options);
}

function finish(
  rows: RosterValidation["rows"],
  problems: RosterProblem[],
  ignoredColumns: string[],
  options: RosterValidationOptions,
): RosterValidation {
  return {
    rows: problems.length > 0 ? [] : rows,
    ...limitRosterProblems(problems, options.maxProblems),
    ignoredColumns,
  };
}

const COLUMN_ORDER = new Map<string, number>(ROSTER_COLUMNS.map((c, i) => [c, i]));

/** Problems in line and column order, the first `max` of them, and how many there were. */
export function limitRosterProblems(
  problems: readonly RosterProblem[],
  max = MAX_ROSTER_PROBLEMS,
): { problems: RosterProblem[]; problemCount: number } {
  const order = (p: RosterProblem) => (p.column === null ? -1 : (COLUMN_ORDER.get(p.column) ?? ROSTER_COLUMNS.length));
  const sorted = [...problems].sort((a, b) => a.line - b.line || order(a) - order(b));
  return { problems: sorted.slice(0, max), problemCount: problems.length };
}

/** "line 3, date_of_birth: Write the date … (and 4 more problems)": one line for a command line. */
export function firstRosterProblemLine(problems: readonly RosterProblem[], problemCount = problems.length): string {
  const first = problems[0];
  if (!first) return "the roster has a problem";
  const more = problemCount > 1 ? ` (and ${problemCount - 1} more ${problemCount === 2 ? "problem" : "problems"})` : "";
  return `line ${first.line}${first.column ? `, ${first.column}` : ""}: ${first.message}${more}`;
}
