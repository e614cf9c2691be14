/**
 * A request to amend a record (34 CFR 300.618-300.621; FERPA 34 CFR 99.20-99.22).
 *
 * - A parent who believes information in the child's education records is inaccurate, misleading,
 *   or violates the child's privacy or other rights may ask the agency to amend it (300.618(a);
 *   99.20(a)). The family names the record, what is wrong with it, and what it should say.
 * - The agency decides within a reasonable period of time (300.618(b); 99.20(b)). Lantern counts
 *   that time as a date the district sets on the request, by default
 *   `AMENDMENT_DEFAULT_DAYS` calendar days after the request (decision 0021).
 * - If the agency refuses, it tells the parent of the refusal and of the right to a hearing
 *   (300.618(c); 300.619; 99.20(c)), and the parent may place a statement in the record commenting
 *   on it or saying why they disagree (300.620(b); 99.21(b)(2)). The statement is kept with the
 *   contested record for as long as the record is kept, and disclosed whenever that part of the
 *   record is disclosed (300.620(c); 99.21(c)).
 *
 * The history is append-only: requested, optionally a decision date the district set, the decision
 * (amended or refused), and after a refusal the family's statement.
 */
import { z } from "zod";
import type { DeadlineState } from "../compliance/deadlines.ts";
import { addDays, daysBetween, type IsoDate } from "../shared/dates.ts";

export const AMENDMENT_CITATIONS = {
  request: "34 CFR 300.618(a); 34 CFR 99.20(a)",
  decision: "34 CFR 300.618(b); 34 CFR 99.20(b)",
  refusal: "34 CFR 300.618(c); 34 CFR 300.619; 34 CFR 99.20(c)",
  hearing: "34 CFR 300.619; 34 CFR 300.621; 34 CFR 99.21-99.22",
  statement: "34 CFR 300.620(b)-(c); 34 CFR 99.21(b)(2), (c)",
} as const;

/**
 * The default time to decide, in calendar days (34 CFR 300.11), when the district sets no other
 * date. The regulations say only "a reasonable period of time" and the project's legal fact sheet
 * gives no figure: 30 days is Lantern's choice, not a rule of law (decision 0021). It stays below
 * the 45 days 300.613(a) allows for giving access to the records themselves.
 */
export const AMENDMENT_DEFAULT_DAYS = 30;

/** Days before the decision date at which the request counts as due soon. */
export const AMENDMENT_DUE_SOON_DAYS = 5;

/** What the family says is wrong with the record (300.618(a); 99.20(a)). */
export const AMENDMENT_PROBLEMS = ["inaccurate", "misleading", "privacy"] as const;
export const ZAmendmentProblem = z.enum(AMENDMENT_PROBLEMS);
export type AmendmentProblem = z.infer<typeof ZAmendmentProblem>;

export const AMENDMENT_EVENTS = ["requested", "deadline-set", "amended", "refused", "statement"] as const;
export const ZAmendmentEventKind = z.enum(AMENDMENT_EVENTS);
export type AmendmentEventKind = z.infer<typeof ZAmendmentEventKind>;

/** Where a request stands. */
export const AMENDMENT_STATUSES = ["open", "amended", "refused"] as const;
export const ZAmendmentStatus = z.enum(AMENDMENT_STATUSES);
export type AmendmentStatus = z.infer<typeof ZAmendmentStatus>;

export function amendmentStatus(events: ReadonlyArray<{ kind: AmendmentEventKind }>): AmendmentStatus {
  if (events.some((e) => e.kind === "amended")) return "amended";
  if (events.some((e) => e.kind === "refused")) return "refused";
  return "open";
}

/** The decision date the district did not change: the default after the request (300.618(b)). */
export function defaultDecisionDate(requestedOn: IsoDate): IsoDate {
  return addDays(requestedOn, AMENDMENT_DEFAULT_DAYS);
}

export type AmendmentClock = {
  decideBy: IsoDate;
  /** True when the district set the date; false when it is the default. */
  setByDistrict: boolean;
  state: DeadlineState;
  daysLeft: number;
  /** Days the decision came after the date, or is still owed past it (0 when on time). */
  daysLate: number;
  citation: string;
};

/** The decision clock: the last date the district set, or the default; met when decided. */
export function amendmentClock(input: {
  requestedOn: IsoDate;
  today: IsoDate;
  events: ReadonlyArray<{ kind: AmendmentEventKind; on: IsoDate; decideBy?: IsoDate | null | undefined }>;
}): AmendmentClock {
  let decideBy = defaultDecisionDate(input.requestedOn);
  let setByDistrict = false;
  for (const e of input.events) {
    if (e.kind === "deadline-set" && e.decideBy) {
      decideBy = e.decideBy;
      setByDistrict = true;
    }
  }
  const decision = input.events.find((e) => e.kind === "amended" || e.kind === "refused");
  const daysLeft = daysBetween(input.today, decideBy);
  let state: DeadlineState;
  let daysLate = 0;
  if (decision) {
    state = "met";
    daysLate = Math.max(0, daysBetween(decideBy, decision.on));
  } else if (daysLeft < 0) {
    state = "overdue";
    daysLate = -daysLeft;
  } else {
    state = daysLeft <= AMENDMENT_DUE_SOON_DAYS ? "due-soon" : "due";
  }
  return { decideBy, setByDistrict, state, daysLeft, daysLate, citation: AMENDMENT_CITATIONS.decision };
}

/**
 * Whether a step may follow the history so far, and if not, why (a sentence for people):
 * - the district sets the decision date only while the request is open, never before the request;
 * - the decision (amended or refused) comes once, not before the request;
 * - the family's statement only after a refusal, and once (300.620(b)).
 */
export function amendmentStepProblem(
  history: { requestedOn: IsoDate; events: ReadonlyArray<{ kind: AmendmentEventKind }> },
  step: { kind: Exclude<AmendmentEventKind, "requested">; on: IsoDate; decideBy?: IsoDate | undefined },
): string | null {
  const status = amendmentStatus(history.events);
  switch (step.kind) {
    case "deadline-set":
      if (status !== "open") return "The district has already decided this request";
      if (!step.decideBy || step.decideBy < history.requestedOn)
        return "The decision date cannot be before the request";
      return null;
    case "amended":
    case "refused":
      if (status !== "open") return "The district has already decided this request";
      if (step.on < history.requestedOn) return "The decision cannot be before the request";
      return null;
    case "statement":
      if (status !== "refused") return "A statement can be added only after the district refuses to amend the record";
      if (history.events.some((e) => e.kind === "statement")) return "The family's statement is already in the record";
      return null;
  }
}
