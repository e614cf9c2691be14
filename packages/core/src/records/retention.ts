/**
 * Retention and destruction of education records (34 CFR 300.624; FERPA 34 CFR 99.10(e);
 * Cal. Code Regs. tit. 5, §§ 16020–16027).
 *
 * - A district sets how many years it keeps each kind of record Lantern can destroy; the
 *   information is "no longer needed to provide educational services" once that time has passed
 *   since the record's date, and it is then offered for destruction.
 * - The family is told before anything is destroyed (300.624(a)): destruction needs a notice
 *   given earlier.
 * - Records are not destroyed while a request to inspect them is open (FERPA 99.10(e)).
 * - The permanent record — name, address, phone, grades, attendance, classes, grade level and
 *   year completed — may be kept without time limit and is never destroyed (300.624(b)).
 * - A family's request to destroy records no longer needed is tracked to its end; a refusal says why.
 */
import { addYears, type IsoDate } from "../shared/dates.ts";

export const RETENTION_CITATION = "34 CFR 300.624(a)";
export const PERMANENT_RECORD_CITATION = "34 CFR 300.624(b)";
export const OPEN_REQUEST_CITATION = "34 CFR 99.10(e)";

/** Kinds of records Lantern can destroy once the district's schedule for them has passed. */
export const RETENTION_RECORD_TYPES = ["service-log", "progress-data", "communications", "letters"] as const;
export type RetentionRecordType = (typeof RETENTION_RECORD_TYPES)[number];

/** The permanent record (300.624(b)): kept without time limit, never offered for destruction. */
export const PERMANENT_RECORD_TYPES = [
  "name-address-phone",
  "grades",
  "attendance",
  "classes",
  "grade-level-completed",
  "year-completed",
] as const;
export type PermanentRecordType = (typeof PERMANENT_RECORD_TYPES)[number];

export const RETENTION_RECORD_TYPE_LABELS: Record<RetentionRecordType | PermanentRecordType, string> = {
  "service-log": "Service sessions logged",
  "progress-data": "Progress data on goals",
  communications: "Communication log",
  letters: "Letters saved to the record",
  "name-address-phone": "Name, address and phone",
  grades: "Grades",
  attendance: "Attendance record",
  classes: "Classes attended",
  "grade-level-completed": "Grade level completed",
  "year-completed": "Year completed",
};

export function isPermanentRecordType(type: string): type is PermanentRecordType {
  return (PERMANENT_RECORD_TYPES as readonly string[]).includes(type);
}

export const MAX_RETENTION_YEARS = 100;

/**
 * The fewest years a district may keep a record before offering it for destruction. California's
 * disposable (Class 3) records are kept until the third school year after the one they were made
 * in (5 CCR 16027); elsewhere, records that support IDEA Part B funds are kept three years
 * (2 CFR 200.334; 34 CFR 76.731).
 */
export function minimumRetention(state: string | undefined): { years: number; citation: string } {
  if (state === "CA") return { years: 3, citation: "Cal. Code Regs. tit. 5, § 16027" };
  return { years: 3, citation: "2 CFR 200.334" };
}

/** Records dated before this day are past a schedule of `years` (no longer needed, 300.624(a)). */
export function retentionCutoff(today: IsoDate, years: number): IsoDate {
  return addYears(today, -years);
}

export type RetentionIssue = { path: string; message: string };

/** What is wrong with a schedule a district wants to set (nothing: an empty list). */
export function retentionScheduleIssues(
  state: string | undefined,
  entries: ReadonlyArray<{ recordType: string; years: number }>,
): RetentionIssue[] {
  const issues: RetentionIssue[] = [];
  const minimum = minimumRetention(state);
  const seen = new Set<string>();
  entries.forEach((entry, i) => {
    if (isPermanentRecordType(entry.recordType)) {
      issues.push({
        path: `/entries/${i}/recordType`,
        message: `${entry.recordType} is part of the permanent record, which may be kept without time limit and is never destroyed (${PERMANENT_RECORD_CITATION})`,
      });
    } else if (!(RETENTION_RECORD_TYPES as readonly string[]).includes(entry.recordType)) {
      issues.push({ path: `/entries/${i}/recordType`, message: `must be one of ${RETENTION_RECORD_TYPES.join(", ")}` });
    } else if (seen.has(entry.recordType)) {
      issues.push({ path: `/entries/${i}/recordType`, message: `${entry.recordType} is listed twice` });
    }
    seen.add(entry.recordType);
    if (entry.years < minimum.years) {
      issues.push({
        path: `/entries/${i}/years`,
        message: `must be at least ${minimum.years} years (${minimum.citation})`,
      });
    }
  });
  return issues;
}

/** Why records may not be destroyed now, or null when they may. */
export function destructionRefusal(input: {
  recordType: string;
  /** When the family was told (null: not yet). */
  noticedAt: Date | string | null;
  /** Requests to inspect the child's records still open. */
  openRecordsRequests: number;
}): { code: "invalid-input" | "conflict"; message: string; citation: string } | null {
  if (isPermanentRecordType(input.recordType)) {
    return {
      code: "invalid-input",
      message: `The permanent record (${input.recordType}) may be kept without time limit and is never destroyed`,
      citation: PERMANENT_RECORD_CITATION,
    };
  }
  if (input.noticedAt === null) {
    return {
      code: "conflict",
      message: "The family must be told before these records are destroyed: send the notice first",
      citation: RETENTION_CITATION,
    };
  }
  if (input.openRecordsRequests > 0) {
    return {
      code: "conflict",
      message: "A request to see this child's records is still open: records are not destroyed until it is answered",
      citation: OPEN_REQUEST_CITATION,
    };
  }
  return null;
}

/** A family's request to destroy records no longer needed (300.624(b)), from received to its end. */
export const DESTRUCTION_REQUEST_STATUSES = ["received", "granted", "refused", "completed"] as const;
export type DestructionRequestStatus = (typeof DESTRUCTION_REQUEST_STATUSES)[number];

const NEXT: Record<DestructionRequestStatus, readonly DestructionRequestStatus[]> = {
  received: ["granted", "refused"],
  granted: ["completed"],
  refused: [],
  completed: [],
};

/** Why a request may not move from `from` to `to` (with `note`), or null when it may. */
export function destructionRequestTransitionProblem(
  from: DestructionRequestStatus,
  to: DestructionRequestStatus,
  note: string,
): string | null {
  if (!NEXT[from].includes(to)) {
    return NEXT[from].length === 0
      ? `The request is already ${from}`
      : `A ${from} request can only become ${NEXT[from].join(" or ")}`;
  }
  if (to === "refused" && note.trim() === "") {
    return `A refusal says why: the records are still needed (${RETENTION_CITATION}) or are part of the permanent record (${PERMANENT_RECORD_CITATION})`;
  }
  return null;
}
