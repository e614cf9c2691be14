/**
 * Legal clocks of a plan, computed as pure functions over calendar dates and a district's school
 * calendar. Each deadline carries the finding code it raises when missed, its citation, a
 * plain-language label, the due date and its state on a given day.
 *
 * Counting conventions (34 CFR 300.11: "day" means calendar day unless stated otherwise):
 * - "within N days of X" → due on X + N; the day X itself is day 0.
 * - "within a year of X" → due on X + 1 year; 29 February + 1 year = 28 February.
 * - California (Cal. Ed. Code 56302.1, 56344(a)): the 60 days do not count days between regular
 *   school sessions or school vacations of more than 5 school days. A non-counted stretch is a
 *   run of consecutive non-school days (weekends and holidays included) containing more than 5
 *   weekdays; the clock resumes on the day school reconvenes. When the referral comes 30 days
 *   or less before the last day of the school year, the IEP is due within 30 days after the
 *   first day of the next school year.
 */
import { z } from "zod";
import type { SchoolCalendar, SchoolYear } from "../calendar/school-calendar.ts";
import { DEFAULT_DATE_LOCALE } from "../shared/date-format.ts";
import {
  addDays,
  addMonths,
  addYears,
  daysBetween,
  formatLongDate,
  fromDayNumber,
  type IsoDate,
  minDate,
  toDayNumber,
  ZIsoDate,
} from "../shared/dates.ts";

export const DEADLINE_STATES = ["due", "due-soon", "overdue", "met"] as const;
export const ZDeadlineState = z.enum(DEADLINE_STATES);
export type DeadlineState = z.infer<typeof ZDeadlineState>;

/** What the clock is for. One kind per legal clock. */
export const DEADLINE_KINDS = [
  "initial-evaluation",
  "iep-after-eligibility",
  "annual-review",
  "reevaluation",
  "transition-plan",
  "transfer-of-rights",
  "progress-report",
  "section504-reevaluation",
  "safeguards-notice",
] as const;
export const ZDeadlineKind = z.enum(DEADLINE_KINDS);
export type DeadlineKind = z.infer<typeof ZDeadlineKind>;

/** The finding code (see the findings contract) each kind raises when it is overdue or due soon. */
export const DEADLINE_FINDING_CODES = {
  "initial-evaluation": "deadline.initial-evaluation",
  "iep-after-eligibility": "deadline.iep-after-eligibility",
  "annual-review": "deadline.annual-review",
  reevaluation: "deadline.reevaluation",
  "transition-plan": "iep.transition.missing",
  "transfer-of-rights": "iep.transfer-of-rights.missing",
  "progress-report": "deadline.progress-report",
  "section504-reevaluation": "section504.reevaluation",
  "safeguards-notice": "notice.safeguards-overdue",
} as const satisfies Record<DeadlineKind, string>;

export const ZDeadline = z.object({
  kind: ZDeadlineKind,
  /** Finding code raised when the deadline is missed (stable contract). */
  code: z.string(),
  citation: z.string(),
  /** What has to happen, in plain language. */
  label: z.string(),
  dueDate: ZIsoDate,
  state: ZDeadlineState,
  /** The event that started the clock (consent, eligibility, last review…), when there is one. */
  startDate: ZIsoDate.nullable(),
  /** When the obligation was fulfilled, if it was. */
  metOn: ZIsoDate.nullable(),
  /** Days from `today` to the due date (negative when past). */
  daysLeft: z.number().int(),
  /** True when the deadline was missed (overdue, or met after the due date). */
  late: z.boolean(),
  /** Which rule set counted the days. */
  basis: z.enum(["federal", "state"]),
  /** Plain-language notes on how the date was counted (breaks not counted, end-of-year rule…). */
  notes: z.array(z.string()),
});
export type Deadline = z.infer<typeof ZDeadline>;

/** District settings that shape deadlines. */
export const ZDeadlineSettings = z.object({
  /** A deadline within this many days is "due soon". */
  dueSoonDays: z.number().int().min(0).max(365).default(30),
  /** Section 504 periodic reevaluation interval (34 CFR 104.35(d) leaves it to the district). */
  section504ReevaluationYears: z.number().int().min(1).max(6).default(3),
  /** State age of majority (transfer of rights, 34 CFR 300.320(c), 300.520). */
  ageOfMajority: z.number().int().min(16).max(21).default(18),
});
export type DeadlineSettings = z.infer<typeof ZDeadlineSettings>;
export const DEFAULT_DEADLINE_SETTINGS: DeadlineSettings = ZDeadlineSettings.parse({});

export type DeadlineContext = {
  today: IsoDate;
  calendar: SchoolCalendar;
  /** Two-letter state code; "CA" applies California counting. Anything else: federal rules. */
  state?: string | undefined;
  settings?: Partial<DeadlineSettings> | undefined;
};

export const DEADLINE_CITATIONS = {
  initialEvaluationFederal: "34 CFR 300.301(c)(1)",
  initialEvaluationCA: "34 CFR 300.301(c)(1); Cal. Ed. Code 56302.1, 56344(a)",
  iepAfterEligibility: "34 CFR 300.323(c)(1)",
  iepAfterEligibilityCA: "34 CFR 300.323(c)(1); Cal. Ed. Code 56344(a)",
  annualReview: "34 CFR 300.324(b)(1)(i)",
  reevaluation: "34 CFR 300.303(b)(2)",
  reevaluationTooFrequent: "34 CFR 300.303(b)(1)",
  transition: "34 CFR 300.320(b)",
  transferOfRights: "34 CFR 300.320(c), 300.520",
  progressReport: "34 CFR 300.320(a)(3)(ii)",
  section504Reevaluation: "34 CFR 104.35(d)",
  safeguards: "34 CFR 300.504(a)",
} as const;

/** Dates in notes and sentences for people: "March 12, 2027". */
function longDate(date: IsoDate, locale: string = DEFAULT_DATE_LOCALE): string {
  return formatLongDate(date, locale);
}

function settingsOf(ctx: DeadlineContext): DeadlineSettings {
  return { ...DEFAULT_DEADLINE_SETTINGS, ...(ctx.settings ?? {}) };
}

function isCalifornia(state: string | undefined): boolean {
  return (state ?? "").toUpperCase() === "CA";
}

/** The state of a deadline on `today`. */
export function deadlineState(
  dueDate: IsoDate,
  today: IsoDate,
  metOn: IsoDate | null,
  dueSoonDays = DEFAULT_DEADLINE_SETTINGS.dueSoonDays,
): DeadlineState {
  if (metOn !== null) return "met";
  const left = daysBetween(today, dueDate);
  if (left < 0) return "overdue";
  if (left <= dueSoonDays) return "due-soon";
  return "due";
}

type DeadlineParts = {
  kind: DeadlineKind;
  citation: string;
  label: string;
  dueDate: IsoDate;
  startDate: IsoDate | null;
  metOn: IsoDate | null;
  basis?: "federal" | "state";
  notes?: string[];
};

function makeDeadline(parts: DeadlineParts, ctx: DeadlineContext): Deadline {
  const { dueSoonDays } = settingsOf(ctx);
  const state = deadlineState(parts.dueDate, ctx.today, parts.metOn, dueSoonDays);
  return {
    kind: parts.kind,
    code: DEADLINE_FINDING_CODES[parts.kind],
    citation: parts.citation,
    label: parts.label,
    dueDate: parts.dueDate,
    state,
    startDate: parts.startDate,
    metOn: parts.metOn,
    daysLeft: daysBetween(ctx.today, parts.dueDate),
    late: state === "overdue" || (parts.metOn !== null && parts.metOn > parts.dueDate),
    basis: parts.basis ?? "federal",
    notes: parts.notes ?? [],
  };
}

// ---------------------------------------------------------------------------------------------
// School-calendar helpers

type DayRange = { start: number; end: number };

/** Non-counted stretches per calendar (computed once per calendar; the calendar is immutable). */
const excludedCache = new WeakMap<SchoolCalendar, DayRange[]>();

/**
 * Runs of non-school days with more than 5 weekdays (vacations of more than 5 school days, and
 * the days between school years), as day numbers.
 */
export function californiaExcludedRanges(calendar: SchoolCalendar): Array<{ start: IsoDate; end: IsoDate }> {
  return excludedRanges(calendar).map((r) => ({ start: fromDayNumber(r.start), end: fromDayNumber(r.end) }));
}

function excludedRanges(calendar: SchoolCalendar): DayRange[] {
  let ranges = excludedCache.get(calendar);
  if (!ranges) {
    ranges = calendar
      .breaksLongerThan(5)
      .map((r) => ({ start: toDayNumber(r.start), end: toDayNumber(r.end) }))
      .sort((a, b) => a.start - b.start);
    excludedCache.set(calendar, ranges);
  }
  return ranges;
}

function sortedYears(calendar: SchoolCalendar): SchoolYear[] {
  return [...calendar.data.years].sort((a, b) => (a.firstDay < b.firstDay ? -1 : 1));
}

/** The school year containing `date`; between years, the one that starts next. */
export function currentOrNextSchoolYear(calendar: SchoolCalendar, date: IsoDate): SchoolYear | null {
  for (const y of sortedYears(calendar)) if (date <= y.lastDay) return y;
  return null;
}

/** The school year containing `date`; between years, the one that just ended. */
export function currentOrLastSchoolYear(calendar: SchoolCalendar, date: IsoDate): SchoolYear | null {
  let found: SchoolYear | null = null;
  for (const y of sortedYears(calendar)) if (y.firstDay <= date) found = y;
  return found;
}

/**
 * Count `days` calendar days after `start`, skipping the California non-counted stretches.
 * Returns the due date and the stretches that were skipped.
 */
export function addCaliforniaDays(
  calendar: SchoolCalendar,
  start: IsoDate,
  days: number,
): { dueDate: IsoDate; skipped: Array<{ start: IsoDate; end: IsoDate }>; beyondCalendar: boolean } {
  const ranges = excludedRanges(calendar);
  const coverageEnd = toDayNumber(calendar.coverage.to);
  let d = toDayNumber(start);
  let left = days;
  const skipped: Array<{ start: IsoDate; end: IsoDate }> = [];
  let i = 0;
  while (i < ranges.length && (ranges[i] as DayRange).end <= d) i++;
  while (left > 0) {
    const next = d + 1;
    const r = ranges[i];
    if (r && next >= r.start && next <= r.end) {
      // Skip the whole stretch; the clock resumes the day school reconvenes.
      skipped.push({ start: fromDayNumber(Math.max(r.start, next)), end: fromDayNumber(r.end) });
      d = r.end;
      i++;
      continue;
    }
    if (r && next > r.end) {
      i++;
      continue;
    }
    d = next;
    left--;
  }
  return { dueDate: fromDayNumber(d), skipped, beyondCalendar: d > coverageEnd };
}

// ---------------------------------------------------------------------------------------------
// Individual clocks

export type InitialEvaluationFacts = {
  /** The day the agency received the parent's written consent to evaluate (day 0). */
  consentOn: IsoDate;
  /** The day of the referral (California end-of-year rule); defaults to the consent date. */
  referralOn?: IsoDate | null | undefined;
  /** Eligibility determined (federal clock met). */
  eligibilityDeterminedOn?: IsoDate | null | undefined;
  /** The initial IEP meeting (California clock met: eligibility and the IEP within 60 days). */
  initialIepMeetingOn?: IsoDate | null | undefined;
  /** A written extension agreed by the parent, or an agreed completion date after a transfer (300.301(d)). */
  extendedTo?: IsoDate | null | undefined;
};

/** Initial evaluation: 60 days from consent (300.301(c)(1)); California counting (56302.1, 56344(a)). */
export function initialEvaluationDeadline(facts: InitialEvaluationFacts, ctx: DeadlineContext): Deadline {
  const notes: string[] = [];
  let dueDate: IsoDate;
  let basis: "federal" | "state" = "federal";
  let citation: string = DEADLINE_CITATIONS.initialEvaluationFederal;
  let metOn: IsoDate | null = facts.eligibilityDeterminedOn ?? null;
  let label = "Finish the initial evaluation and decide eligibility";

  if (isCalifornia(ctx.state)) {
    basis = "state";
    citation = DEADLINE_CITATIONS.initialEvaluationCA;
    label = "Finish the initial assessment, decide eligibility and hold the IEP meeting";
    metOn = facts.initialIepMeetingOn ?? facts.eligibilityDeterminedOn ?? null;
    const referral = facts.referralOn ?? facts.consentOn;
    const endOfYear = endOfYearRule(ctx.calendar, referral);
    if (endOfYear) {
      dueDate = endOfYear.dueDate;
      notes.push(
        `The referral came ${endOfYear.daysBeforeEnd} days before the last day of the school year, so the IEP is due within 30 days after school starts again (${longDate(endOfYear.nextFirstDay)}).`,
      );
    } else {
      const counted = addCaliforniaDays(ctx.calendar, facts.consentOn, 60);
      dueDate = counted.dueDate;
      for (const s of counted.skipped) {
        notes.push(`${longDate(s.start)} to ${longDate(s.end)} is not counted (a break of more than 5 school days).`);
      }
      if (counted.beyondCalendar) {
        notes.push("The school calendar does not reach the due date; later breaks were not taken into account.");
      }
    }
  } else {
    dueDate = addDays(facts.consentOn, 60);
  }
  if (facts.extendedTo && facts.extendedTo > dueDate) {
    notes.push(`Extended in writing to ${longDate(facts.extendedTo)}.`);
    dueDate = facts.extendedTo;
  }
  return makeDeadline(
    { kind: "initial-evaluation", citation, label, dueDate, startDate: facts.consentOn, metOn, basis, notes },
    ctx,
  );
}

/**
 * California end-of-year rule (56344(a)): a referral 30 days or less before the last day of the
 * regular school year → IEP within 30 days after the next school year starts. Null when the
 * rule does not apply (or the calendar has no next year).
 */
export function endOfYearRule(
  calendar: SchoolCalendar,
  referralOn: IsoDate,
): { dueDate: IsoDate; daysBeforeEnd: number; nextFirstDay: IsoDate } | null {
  const years = sortedYears(calendar);
  const idx = years.findIndex((y) => y.firstDay <= referralOn && referralOn <= y.lastDay);
  const year = years[idx];
  if (!year) return null;
  const daysBeforeEnd = daysBetween(referralOn, year.lastDay);
  if (daysBeforeEnd > 30) return null;
  const next = years[idx + 1];
  if (!next) return null;
  return { dueDate: addDays(next.firstDay, 30), daysBeforeEnd, nextFirstDay: next.firstDay };
}

/** IEP meeting within 30 days of the eligibility determination (300.323(c)(1)). */
export function iepAfterEligibilityDeadline(
  facts: { eligibilityDeterminedOn: IsoDate; initialIepMeetingOn?: IsoDate | null | undefined },
  ctx: DeadlineContext,
): Deadline {
  const ca = isCalifornia(ctx.state);
  return makeDeadline(
    {
      kind: "iep-after-eligibility",
      citation: ca ? DEADLINE_CITATIONS.iepAfterEligibilityCA : DEADLINE_CITATIONS.iepAfterEligibility,
      label: "Hold the meeting to write the first IEP",
      dueDate: addDays(facts.eligibilityDeterminedOn, 30),
      startDate: facts.eligibilityDeterminedOn,
      metOn: facts.initialIepMeetingOn ?? null,
      basis: "federal",
    },
    ctx,
  );
}

/** Annual review: the IEP is reviewed at least once a year (300.324(b)(1)(i)). */
export function annualReviewDeadline(
  facts: { lastReviewOn: IsoDate; nextReviewOn?: IsoDate | null | undefined },
  ctx: DeadlineContext,
): Deadline {
  return makeDeadline(
    {
      kind: "annual-review",
      citation: DEADLINE_CITATIONS.annualReview,
      label: "Hold the annual IEP review meeting",
      dueDate: addYears(facts.lastReviewOn, 1),
      startDate: facts.lastReviewOn,
      metOn: facts.nextReviewOn ?? null,
    },
    ctx,
  );
}

/**
 * Reevaluation at least every 3 years (300.303(b)(2)), unless the parent and the agency agree
 * it is unnecessary (then null: no clock).
 */
export function reevaluationDeadline(
  facts: {
    lastEvaluationOn: IsoDate;
    nextEvaluationOn?: IsoDate | null | undefined;
    waivedByAgreement?: boolean | undefined;
  },
  ctx: DeadlineContext,
): Deadline | null {
  if (facts.waivedByAgreement) return null;
  return makeDeadline(
    {
      kind: "reevaluation",
      citation: DEADLINE_CITATIONS.reevaluation,
      label: "Reevaluate (at least once every 3 years)",
      dueDate: addYears(facts.lastEvaluationOn, 3),
      startDate: facts.lastEvaluationOn,
      metOn: facts.nextEvaluationOn ?? null,
    },
    ctx,
  );
}

/**
 * Reevaluations closer than one year apart without the parent's and agency's agreement
 * (300.303(b)(1)). Returns each offending pair (earlier, later).
 */
export function tooFrequentReevaluations(
  evaluations: ReadonlyArray<{ date: IsoDate; agreed?: boolean | undefined }>,
): Array<{ earlier: IsoDate; later: IsoDate }> {
  const sorted = [...evaluations].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const out: Array<{ earlier: IsoDate; later: IsoDate }> = [];
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1] as { date: IsoDate };
    const cur = sorted[i] as { date: IsoDate; agreed?: boolean | undefined };
    if (!cur.agreed && cur.date < addYears(prev.date, 1)) out.push({ earlier: prev.date, later: cur.date });
  }
  return out;
}

/**
 * Transition plan: required in the first IEP in effect when the student turns 16 (300.320(b)).
 * If the current plan is in effect on the 16th birthday, it must already contain it (due on the
 * plan's start date); if the birthday falls within a year after the plan ends, the next IEP
 * (due by the plan's end) must contain it. Otherwise null: not yet relevant.
 */
export function transitionPlanDeadline(
  facts: { birthDate: IsoDate; planStart: IsoDate; planEnd: IsoDate; presentSince?: IsoDate | null | undefined },
  ctx: DeadlineContext,
): Deadline | null {
  const sixteen = addYears(facts.birthDate, 16);
  let dueDate: IsoDate;
  if (sixteen <= facts.planEnd) dueDate = facts.planStart;
  else if (sixteen <= addYears(facts.planEnd, 1)) dueDate = facts.planEnd;
  else return null;
  return makeDeadline(
    {
      kind: "transition-plan",
      citation: DEADLINE_CITATIONS.transition,
      label: "Include a transition plan (postsecondary goals and services) in the IEP in effect at 16",
      dueDate,
      startDate: sixteen,
      metOn: facts.presentSince ?? null,
      notes: [`The student turns 16 on ${longDate(sixteen)}.`],
    },
    ctx,
  );
}

/**
 * Transfer of rights: beginning at least one year before the age of majority, the IEP states that
 * the student has been told of the rights that transfer (300.320(c), 300.520). Due on the
 * birthday one year before majority; null when that birthday is more than a year after the plan.
 */
export function transferOfRightsDeadline(
  facts: { birthDate: IsoDate; planEnd: IsoDate; presentSince?: IsoDate | null | undefined },
  ctx: DeadlineContext,
): Deadline | null {
  const { ageOfMajority } = settingsOf(ctx);
  const dueDate = addYears(facts.birthDate, ageOfMajority - 1);
  if (dueDate > addYears(facts.planEnd, 1)) return null;
  return makeDeadline(
    {
      kind: "transfer-of-rights",
      citation: DEADLINE_CITATIONS.transferOfRights,
      label: `State in the IEP that the student has been told which rights transfer at ${ageOfMajority}`,
      dueDate,
      startDate: null,
      metOn: facts.presentSince ?? null,
      notes: [`The student turns ${ageOfMajority} on ${longDate(addYears(facts.birthDate, ageOfMajority))}.`],
    },
    ctx,
  );
}

/** How often the plan promises progress reports (300.320(a)(3)(ii)). */
export const ZProgressInterval = z.object({
  every: z.number().int().min(1).max(52),
  unit: z.enum(["week", "month"]),
});
export type ProgressInterval = z.infer<typeof ZProgressInterval>;

export function addProgressInterval(date: IsoDate, interval: ProgressInterval): IsoDate {
  return interval.unit === "week" ? addDays(date, interval.every * 7) : addMonths(date, interval.every);
}

/**
 * Next periodic progress report: the latest report on or after the plan start (or the plan start)
 * plus the stated interval; or, when the plan lists report dates, the first listed date not yet
 * covered by a report (the n-th listed date is covered by the n-th report).
 */
export function progressReportDeadline(
  facts: {
    planStart: IsoDate;
    planEnd?: IsoDate | null | undefined;
    interval?: ProgressInterval | null | undefined;
    scheduledDates?: ReadonlyArray<IsoDate> | undefined;
    reportsOn: ReadonlyArray<IsoDate>;
  },
  ctx: DeadlineContext,
): Deadline | null {
  const reports = facts.reportsOn.filter((d) => d >= facts.planStart).sort();
  const last = reports[reports.length - 1] ?? null;
  const from = last ?? facts.planStart;
  let dueDate: IsoDate | null = null;
  if (facts.scheduledDates && facts.scheduledDates.length > 0) {
    // The n-th listed date is covered once n reports have been sent (early or late).
    dueDate = [...facts.scheduledDates].filter((d) => d >= facts.planStart).sort()[reports.length] ?? null;
  } else if (facts.interval) {
    dueDate = addProgressInterval(from, facts.interval);
  }
  if (dueDate === null) return null;
  if (facts.planEnd && dueDate > facts.planEnd) return null;
  return makeDeadline(
    {
      kind: "progress-report",
      citation: DEADLINE_CITATIONS.progressReport,
      label: "Send the family the next report on progress toward the annual goals",
      dueDate,
      startDate: from,
      metOn: null,
    },
    ctx,
  );
}

/** Section 504 periodic reevaluation at the district's interval (104.35(d); default 3 years). */
export function section504ReevaluationDeadline(
  facts: { lastEvaluationOn: IsoDate; nextEvaluationOn?: IsoDate | null | undefined },
  ctx: DeadlineContext,
): Deadline {
  const { section504ReevaluationYears } = settingsOf(ctx);
  return makeDeadline(
    {
      kind: "section504-reevaluation",
      citation: DEADLINE_CITATIONS.section504Reevaluation,
      label: `Reevaluate the Section 504 plan (district interval: every ${section504ReevaluationYears} years)`,
      dueDate: addYears(facts.lastEvaluationOn, section504ReevaluationYears),
      startDate: facts.lastEvaluationOn,
      metOn: facts.nextEvaluationOn ?? null,
    },
    ctx,
  );
}

/**
 * Procedural safeguards notice: at least once a school year (300.504(a)).
 * - A notice given in the current school year (between years: the one just ended) → met.
 * - Otherwise due a year after the last notice, and no later than the last day of the current
 *   school year; with no notice on record, due on the first day of the current school year.
 */
export function safeguardsNoticeDeadline(
  facts: { noticesOn: ReadonlyArray<IsoDate> },
  ctx: DeadlineContext,
): Deadline | null {
  const year = currentOrLastSchoolYear(ctx.calendar, ctx.today);
  if (!year) return null;
  const notices = [...facts.noticesOn].filter((d) => d <= ctx.today).sort();
  const inYear = notices.filter((d) => d >= year.firstDay && d <= year.lastDay);
  const last = notices[notices.length - 1] ?? null;
  let dueDate: IsoDate;
  if (inYear.length > 0) dueDate = year.lastDay;
  else if (last) dueDate = minDate(addYears(last, 1), year.lastDay);
  else dueDate = year.firstDay;
  return makeDeadline(
    {
      kind: "safeguards-notice",
      citation: DEADLINE_CITATIONS.safeguards,
      label: `Give the family the procedural safeguards notice for the ${year.label} school year`,
      dueDate,
      startDate: last,
      metOn: inYear[0] ?? null,
    },
    ctx,
  );
}

// ---------------------------------------------------------------------------------------------
// All clocks of one plan

/** The dates a plan's clocks run on, extracted from a plan document (or given directly). */
export type PlanClockFacts = {
  planKind: "iep" | "section504";
  birthDate?: IsoDate | null | undefined;
  /** Plan in effect from / until (an IEP: until the next annual review). */
  planStart?: IsoDate | null | undefined;
  planEnd?: IsoDate | null | undefined;
  /** Initial plan only: the evaluation clocks. */
  isInitial?: boolean | undefined;
  referralOn?: IsoDate | null | undefined;
  consentToEvaluateOn?: IsoDate | null | undefined;
  evaluationExtendedTo?: IsoDate | null | undefined;
  eligibilityDeterminedOn?: IsoDate | null | undefined;
  initialIepMeetingOn?: IsoDate | null | undefined;
  /** Last annual review (or the initial IEP meeting). */
  lastReviewOn?: IsoDate | null | undefined;
  /** Evaluations and reevaluations, oldest first or in any order. */
  evaluations?: ReadonlyArray<{ date: IsoDate; agreed?: boolean | undefined }> | undefined;
  reevaluationWaivedByAgreement?: boolean | undefined;
  transitionPlanPresent?: boolean | undefined;
  transferOfRightsPresent?: boolean | undefined;
  progressInterval?: ProgressInterval | null | undefined;
  progressScheduledDates?: ReadonlyArray<IsoDate> | undefined;
  progressReportsOn?: ReadonlyArray<IsoDate> | undefined;
  safeguardsNoticesOn?: ReadonlyArray<IsoDate> | undefined;
};

/** Every clock that applies to a plan on `ctx.today`, soonest first. */
export function computeDeadlines(facts: PlanClockFacts, ctx: DeadlineContext): Deadline[] {
  const out: Deadline[] = [];
  const push = (d: Deadline | null) => {
    if (d) out.push(d);
  };
  const evaluations = [...(facts.evaluations ?? [])].sort((a, b) => (a.date < b.date ? -1 : 1));
  const lastEvaluation = evaluations[evaluations.length - 1]?.date ?? facts.eligibilityDeterminedOn ?? null;

  if (facts.planKind === "iep") {
    if (facts.isInitial && facts.consentToEvaluateOn) {
      push(
        initialEvaluationDeadline(
          {
            consentOn: facts.consentToEvaluateOn,
            referralOn: facts.referralOn,
            eligibilityDeterminedOn: facts.eligibilityDeterminedOn,
            initialIepMeetingOn: facts.initialIepMeetingOn,
            extendedTo: facts.evaluationExtendedTo,
          },
          ctx,
        ),
      );
    }
    if (facts.isInitial && facts.eligibilityDeterminedOn) {
      push(
        iepAfterEligibilityDeadline(
          { eligibilityDeterminedOn: facts.eligibilityDeterminedOn, initialIepMeetingOn: facts.initialIepMeetingOn },
          ctx,
        ),
      );
    }
    const lastReview = facts.lastReviewOn ?? facts.initialIepMeetingOn ?? null;
    if (lastReview) push(annualReviewDeadline({ lastReviewOn: lastReview }, ctx));
    if (lastEvaluation) {
      push(
        reevaluationDeadline(
          { lastEvaluationOn: lastEvaluation, waivedByAgreement: facts.reevaluationWaivedByAgreement },
          ctx,
        ),
      );
    }
    if (facts.birthDate && facts.planStart && facts.planEnd) {
      push(
        transitionPlanDeadline(
          {
            birthDate: facts.birthDate,
            planStart: facts.planStart,
            planEnd: facts.planEnd,
            presentSince: facts.transitionPlanPresent ? facts.planStart : null,
          },
          ctx,
        ),
      );
      push(
        transferOfRightsDeadline(
          {
            birthDate: facts.birthDate,
            planEnd: facts.planEnd,
            presentSince: facts.transferOfRightsPresent ? facts.planStart : null,
          },
          ctx,
        ),
      );
    }
    if (facts.planStart && (facts.progressInterval || (facts.progressScheduledDates?.length ?? 0) > 0)) {
      push(
        progressReportDeadline(
          {
            planStart: facts.planStart,
            planEnd: facts.planEnd,
            interval: facts.progressInterval,
            scheduledDates: facts.progressScheduledDates,
            reportsOn: facts.progressReportsOn ?? [],
          },
          ctx,
        ),
      );
    }
    push(safeguardsNoticeDeadline({ noticesOn: facts.safeguardsNoticesOn ?? [] }, ctx));
  } else {
    if (lastEvaluation) push(section504ReevaluationDeadline({ lastEvaluationOn: lastEvaluation }, ctx));
  }
  return out.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
}

// ---------------------------------------------------------------------------------------------
// Plain language for families

const GUARDIAN_SUBJECT: Record<DeadlineKind, string> = {
  "initial-evaluation": "The evaluation to decide whether your child is eligible",
  "iep-after-eligibility": "The meeting to write your child's first IEP",
  "annual-review": "The annual review of the IEP",
  reevaluation: "The three-year reevaluation",
  "transition-plan": "The transition plan (goals and services for life after high school)",
  "transfer-of-rights": "The statement about the rights that pass to your child at the age of majority",
  "progress-report": "The next report on your child's progress",
  "section504-reevaluation": "The reevaluation of the Section 504 plan",
  "safeguards-notice": "This school year's notice of your rights (procedural safeguards)",
};

/** One sentence for a family: "The annual review of the IEP is due by March 12, 2027." */
export function describeDeadlineForGuardian(deadline: Deadline, locale: string = DEFAULT_DATE_LOCALE): string {
  const subject = GUARDIAN_SUBJECT[deadline.kind];
  const due = longDate(deadline.dueDate, locale);
  switch (deadline.state) {
    case "met":
      return deadline.metOn
        ? `${subject} was done on ${longDate(deadline.metOn, locale)}.`
        : `${subject} has been done.`;
    case "overdue":
      return `${subject} was due by ${due} and is late. You can ask the school when it will happen.`;
    case "due-soon":
      return `${subject} is due soon, by ${due}.`;
    default:
      return `${subject} is due by ${due}.`;
  }
}
