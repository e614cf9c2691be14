/**
 * A request to inspect or copy a child's education records, and its clock.
 *
 * - Federal floor, 34 CFR 300.613(a): the agency complies "without unnecessary delay and before any
 *   meeting regarding an IEP, or any hearing", and in no case more than 45 days after the request.
 * - California, Ed. Code 56504: copies within 5 business days of the parent's oral or written
 *   request.
 * The state's time limit is the state table's `recordsAccess` rule (with its citation and how sure
 * the legal fact sheet is of it); a scheduled IEP meeting or hearing before that day brings the
 * due date forward to the day before it.
 *
 * Counting: the day of the request is day 0 (34 CFR 300.11: "day" means calendar day unless the
 * rule says otherwise). Business days are Monday to Friday, less the holidays given (the district's
 * calendar); a request made on a weekend or holiday starts counting on the next business day.
 */
import { z } from "zod";
import { type DeadlineState, ZDeadlineState } from "../compliance/deadlines.ts";
import { addDays, daysBetween, type IsoDate, isWeekend, minDate, ZIsoDate } from "../shared/dates.ts";
import type { DayCount } from "../states/state-rules.ts";
import { stateRules } from "../states/state-table.ts";

export const RECORDS_REQUEST_CHANNELS = ["app", "written", "oral"] as const;
export const ZRecordsRequestChannel = z.enum(RECORDS_REQUEST_CHANNELS);
export type RecordsRequestChannel = z.infer<typeof ZRecordsRequestChannel>;

/** The steps of a request's history, in order. */
export const RECORDS_REQUEST_EVENTS = ["received", "acknowledged", "fulfilled"] as const;
export const ZRecordsRequestEventKind = z.enum(RECORDS_REQUEST_EVENTS);
export type RecordsRequestEventKind = z.infer<typeof ZRecordsRequestEventKind>;

/** The federal rule, always cited beside the state's. */
export const RECORDS_ACCESS_FEDERAL_CITATION = "34 CFR 300.613(a)";

export const ZRecordsClock = z.object({
  dueDate: ZIsoDate,
  /** The state's limit in English words: "5 business days", "45 calendar days" (screens use the two fields below). */
  limit: z.string(),
  /** The state's limit as a number of days, and the kind of days counted: readers word it in their language. */
  limitDays: z.number().int().min(0),
  limitUnit: z.enum(["calendar", "school", "business"]),
  citation: z.string(),
  /** Whether the fact sheet checked the rule against its text ("secondary": a summary only). */
  certainty: z.enum(["checked", "secondary", "unchecked"]),
  state: ZDeadlineState,
  /** Days from today to the due date (negative when past). */
  daysLeft: z.number().int(),
  /** Days past the due date the records were provided, or are still owed (0 when on time). */
  daysLate: z.number().int().min(0),
  /** Plain-language notes on how the date was counted. */
  notes: z.array(z.string()),
});
export type RecordsClock = z.infer<typeof ZRecordsClock>;

export type RecordsClockInput = {
  receivedOn: IsoDate;
  /** Two-letter state code of the district (any other state: federal rules). */
  state: string | null | undefined;
  today: IsoDate;
  /** When the records were provided, if they were. */
  fulfilledOn?: IsoDate | null | undefined;
  /** The next IEP meeting or hearing after the request, when one is scheduled. */
  meetingOn?: IsoDate | null | undefined;
  /** Days that are not business days besides weekends (the district's holidays). */
  holidays?: ReadonlySet<IsoDate> | undefined;
  /** Days before the due date that count as "due soon" (default 2). */
  dueSoonDays?: number | undefined;
};

/** `count` business days after `from` (Monday–Friday, holidays left out); `from` itself is day 0. */
export function addBusinessDays(from: IsoDate, count: number, holidays: ReadonlySet<IsoDate> = new Set()): IsoDate {
  let day = from;
  let left = count;
  while (left > 0) {
    day = addDays(day, 1);
    if (!isWeekend(day) && !holidays.has(day)) left--;
  }
  return day;
}

/** "5 business days", "45 calendar days". */
export function dayCountText(count: DayCount): string {
  return `${count.days} ${count.unit} day${count.days === 1 ? "" : "s"}`;
}

/** The due date of a records request under the state's rule, and where it stands on `today`. */
export function recordsRequestClock(input: RecordsClockInput): RecordsClock {
  const rule = stateRules(input.state).recordsAccess;
  const limit = rule.value;
  const byRule =
    limit.unit === "business"
      ? addBusinessDays(input.receivedOn, limit.days, input.holidays)
      : addDays(input.receivedOn, limit.days);
  const notes: string[] = [`${dayCountText(limit)} from the request (${rule.citation}).`];
  if (limit.unit === "business") notes.push("Weekends and school holidays are not business days.");
  let dueDate = byRule;
  if (input.meetingOn && input.meetingOn > input.receivedOn) {
    const before = addDays(input.meetingOn, -1);
    if (before < byRule) {
      dueDate = minDate(byRule, before);
      notes.push(
        `An IEP meeting or hearing is set for ${input.meetingOn}: the records are due before it (${RECORDS_ACCESS_FEDERAL_CITATION}).`,
      );
    }
  }
  const citation =
    rule.citation === RECORDS_ACCESS_FEDERAL_CITATION
      ? rule.citation
      : `${rule.citation}; ${RECORDS_ACCESS_FEDERAL_CITATION}`;
  const fulfilledOn = input.fulfilledOn ?? null;
  const dueSoonDays = input.dueSoonDays ?? 2;
  const daysLeft = daysBetween(input.today, dueDate);
  let state: DeadlineState;
  let daysLate: number;
  if (fulfilledOn) {
    state = "met";
    daysLate = Math.max(0, daysBetween(dueDate, fulfilledOn));
  } else if (daysLeft < 0) {
    state = "overdue";
    daysLate = -daysLeft;
  } else {
    state = daysLeft <= dueSoonDays ? "due-soon" : "due";
    daysLate = 0;
  }
  return {
    dueDate,
    limit: dayCountText(limit),
    limitDays: limit.days,
    limitUnit: limit.unit,
    citation,
    certainty: rule.certainty,
    state,
    daysLeft,
    daysLate,
    notes,
  };
}

/** Where a request stands: the last step of its history. */
export function recordsRequestStatus(
  events: ReadonlyArray<{ kind: RecordsRequestEventKind }>,
): RecordsRequestEventKind {
  let status: RecordsRequestEventKind = "received";
  for (const e of events) {
    if (RECORDS_REQUEST_EVENTS.indexOf(e.kind) > RECORDS_REQUEST_EVENTS.indexOf(status)) status = e.kind;
  }
  return status;
}

/** Whether a step may follow the request's history so far (each once, in order; fulfilling may skip acknowledging). */
export function canAddRecordsEvent(
  events: ReadonlyArray<{ kind: RecordsRequestEventKind }>,
  next: RecordsRequestEventKind,
): boolean {
  if (next === "received") return false;
  const status = recordsRequestStatus(events);
  return RECORDS_REQUEST_EVENTS.indexOf(next) > RECORDS_REQUEST_EVENTS.indexOf(status);
}
