/**
 * How far a request may reach in time. A report "through" a day decades away counts every school
 * day up to it for every service on a caseload, and one such request can hold a server for
 * seconds; no one plans services, progress or deadlines more than a year ahead. So a date a
 * request looks ahead to is at most a year after today in the district, and a range (from …
 * through) spans at most a year. Refusals are 400s that name the field and the limit.
 */
import { addDays, daysBetween, type IsoDate } from "./dates.ts";
import { DomainError, type ErrorIssue } from "./errors.ts";

/** Days after today a request may look ahead to, and the longest range, in days. */
export const MAX_DAYS_AHEAD = 366;
export const MAX_RANGE_DAYS = 366;

export type DateWindow = {
  /** Dates that may be at most MAX_DAYS_AHEAD after today, by field name. */
  ahead?: Record<string, IsoDate | undefined>;
  /** A range, both ends by field name: from ≤ through, at most MAX_RANGE_DAYS apart. */
  range?: { from: [string, IsoDate | undefined]; through: [string, IsoDate | undefined] };
};

export function dateWindowIssues(today: IsoDate, window: DateWindow): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  const latest = addDays(today, MAX_DAYS_AHEAD);
  for (const [field, value] of Object.entries(window.ahead ?? {})) {
    if (value !== undefined && value > latest) {
      issues.push({ path: `/${field}`, message: `must be no later than ${latest}, a year after today` });
    }
  }
  const { from, through } = window.range ?? {};
  if (from?.[1] !== undefined && through?.[1] !== undefined) {
    if (from[1] > through[1]) {
      issues.push({ path: `/${through[0]}`, message: `must not be before ${from[0]}` });
    } else if (daysBetween(from[1], through[1]) > MAX_RANGE_DAYS) {
      issues.push({ path: `/${through[0]}`, message: `must be at most ${MAX_RANGE_DAYS} days after ${from[0]}` });
    }
  }
  return issues;
}

/** Throws a 400 (invalid-input) naming the first date out of bounds. */
export function assertDateWindow(today: IsoDate, window: DateWindow): void {
  const issues = dateWindowIssues(today, window);
  const first = issues[0];
  if (first) throw new DomainError("invalid-input", `${first.path.slice(1)} ${first.message}`, { issues });
}
