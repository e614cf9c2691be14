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
import { type DateLocale, formatLongDate } from "../shared/date-format.ts";
import { addYears, type IsoDate } from "../shared/dates.ts";

export const RETENTION_CITATION = "34 CFR 300.624(a)";
export const PERMANENT_RECORD_CITATION = "34 CFR 300.624(b)";
export const OPEN_REQUEST_CITATION = "34 CFR 99.10(e)";

/**
 * Kinds of records Lantern can destroy once the district's schedule for them has passed. Every
 * kind that holds a student's personal information is here, in the permanent record, or kept with
 * the record (below). The first four date from migration 0085; decision 0029 added the rest:
 * - `plans`: a plan that has ended (its end date starts the period), with every version — sealed
 *   ones too —, its meetings, signatures, scanned signature pages and compliance results. A plan
 *   still running is needed to provide services (300.624(a)) and is never offered.
 * - `meetings`: a meeting about a version that is no longer the plan's current or in-effect one
 *   (its notice, attendees, attendance, notes, the family's preparation and shared drafts).
 * - `navigator-results`, `complaint-drafts`: dated when saved or last changed.
 * - `amendment-requests`: a request to amend a record and its history, unless the family added a
 *   statement of disagreement, which is kept as long as the record it contests (34 CFR 300.620(c);
 *   99.21(c)).
 */
export const RETENTION_RECORD_TYPES = [
  "service-log",
  "progress-data",
  "communications",
  "letters",
  "plans",
  "meetings",
  "navigator-results",
  "amendment-requests",
  "complaint-drafts",
] as const;
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

/**
 * Kept as long as the student's other records are, never on their own schedule: the logs of who
 * saw or asked for the record (34 CFR 300.614; FERPA 99.32, "kept with the record"), and the
 * audit trail, which holds no content and whose seals prove nothing was changed (decision 0008).
 */
export const KEPT_WITH_RECORD_TYPES = ["record-of-access", "records-requests", "audit-trail"] as const;
export type KeptWithRecordType = (typeof KEPT_WITH_RECORD_TYPES)[number];
export const KEPT_WITH_RECORD_CITATION = "34 CFR 300.614; 34 CFR 99.32";
export const KEPT_WITH_RECORD_LABELS: Record<KeptWithRecordType, string> = {
  "record-of-access": "Record of who saw the record",
  "records-requests": "Requests to see the record",
  "audit-trail": "Audit trail (what was done, never the content)",
};

export const RETENTION_RECORD_TYPE_LABELS: Record<RetentionRecordType | PermanentRecordType, string> = {
  "service-log": "Service sessions logged",
  "progress-data": "Progress data on goals",
  communications: "Communication log",
  letters: "Letters saved to the record",
  plans: "Ended plans, with their versions, meetings and signatures",
  meetings: "Meetings about earlier versions of a plan",
  "navigator-results": "Saved navigator results",
  "amendment-requests": "Requests to change the record",
  "complaint-drafts": "Complaint drafts",
  "name-address-phone": "Name, address and phone",
  grades: "Grades",
  attendance: "Attendance record",
  classes: "Classes attended",
  "grade-level-completed": "Grade level completed",
  "year-completed": "Year completed",
};

/** The same names, in Spanish, for what families read (34 CFR 300.503(c)). */
export const RETENTION_RECORD_TYPE_LABELS_ES: Record<RetentionRecordType | PermanentRecordType, string> = {
  "service-log": "Sesiones de servicios registradas",
  "progress-data": "Datos de progreso en las metas",
  communications: "Registro de comunicaciones",
  letters: "Cartas guardadas en el expediente",
  plans: "Planes terminados, con sus versiones, reuniones y firmas",
  meetings: "Reuniones sobre versiones anteriores de un plan",
  "navigator-results": "Resultados guardados del navegador",
  "amendment-requests": "Pedidos de cambiar el expediente",
  "complaint-drafts": "Borradores de quejas",
  "name-address-phone": "Nombre, dirección y teléfono",
  grades: "Calificaciones",
  attendance: "Registro de asistencia",
  classes: "Clases tomadas",
  "grade-level-completed": "Grado completado",
  "year-completed": "Año completado",
};

/** What starts each kind's period: the record's own date. */
export const RETENTION_RECORD_TYPE_DATES: Record<RetentionRecordType, string> = {
  "service-log": "the session's date",
  "progress-data": "the data point's date",
  communications: "the day of the communication",
  letters: "the letter's date",
  plans: "the day the plan ended",
  meetings: "the meeting's day",
  "navigator-results": "the day it was saved",
  "amendment-requests": "the day the request was made",
  "complaint-drafts": "the day the draft was last changed",
};

/** A kind's name in the reader's language. */
export function retentionRecordTypeLabel(
  type: RetentionRecordType | PermanentRecordType,
  language: DateLocale,
): string {
  return (language === "es" ? RETENTION_RECORD_TYPE_LABELS_ES : RETENTION_RECORD_TYPE_LABELS)[type];
}

/**
 * The notice to the family that records past the schedule will be destroyed (300.624(a)), naming
 * the kind in plain words and the child by first name only; the permanent record stays (300.624(b)).
 */
export function destructionNoticeText(
  language: DateLocale,
  input: { firstName: string; recordType: RetentionRecordType; before: IsoDate; records: number },
): { title: string; body: string } {
  const kind = retentionRecordTypeLabel(input.recordType, language);
  const before = formatLongDate(input.before, language);
  if (language === "es") {
    return {
      title: `La escuela ya no necesita algunos registros de ${input.firstName}`,
      body: [
        `La escuela ya no necesita estos registros de ${input.firstName}: ${kind}, con fecha anterior al ${before} (${input.records} en total).`,
        `Se van a destruir. Si quiere una copia antes, puede descargar todo el expediente desde el expediente del caso o pedirla a la escuela. (${RETENTION_CITATION})`,
        `El registro permanente (nombre, dirección, teléfono, calificaciones, asistencia, clases, grado y año completados) se guarda. (${PERMANENT_RECORD_CITATION})`,
      ].join("\n\n"),
    };
  }
  return {
    title: `Records about ${input.firstName} are no longer needed`,
    body: [
      `The school no longer needs these records about ${input.firstName}: ${kind}, dated before ${before} (${input.records} in all).`,
      `They will be destroyed. If you want a copy first, you can download the whole record from the case file or ask the school. (${RETENTION_CITATION})`,
      `The permanent record — name, address, phone, grades, attendance, classes, grade level and year completed — is kept. (${PERMANENT_RECORD_CITATION})`,
    ].join("\n\n"),
  };
}

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
