/**
 * Legal clocks of a plan, computed as pure functions over calendar dates and a district's school
 * calendar. Each deadline carries the finding code it raises when missed, its citation, a
 * plain-language label, the due date and its state on a given day.
 *
 * Counting conventions (34 CFR 300.11: "day" means calendar day unless stated otherwise):
 * - "within N days of X" → due on X + N; the day X itself is day 0.
 * - "within a year of X" → due on X + 1 year; 29 February + 1 year = 28 February.
 * - The state's rules come from the state table (`stateRules(ctx.state)`). California (Cal. Ed.
 *   Code 56302.1, 56344(a)): the 60 days do not count days between regular school sessions or
 *   school vacations of more than 5 school days. A non-counted stretch is a run of consecutive
 *   non-school days (weekends and holidays included) containing more than 5 weekdays; the clock
 *   resumes on the day school reconvenes. The 60 days cover the IEP itself, not eligibility alone.
 *   When the referral comes 30 days or less before the last day of the school year, the IEP is due
 *   within 30 days after the first day of the next school year. The assessment plan is due within
 *   15 days of the referral, counted the same way (56321(a)); a referral 10 days or less before
 *   the end of the year → within 10 days after the next year starts.
 */
import { z } from "zod";
import type { SchoolCalendar, SchoolYear } from "../calendar/school-calendar.ts";
import type { SafeguardsEvent } from "../plans/plan-common.ts";
import { DEFAULT_DATE_LOCALE } from "../shared/date-format.ts";
import {
  addDays,
  addMonths,
  addYears,
  daysBetween,
  formatLongDate,
  fromDayNumber,
  type IsoDate,
  maxDate,
  minDate,
  toDayNumber,
  ZIsoDate,
} from "../shared/dates.ts";
import { type StateRules, stateRules } from "../states/state-table.ts";

export const DEADLINE_STATES = ["due", "due-soon", "overdue", "met"] as const;
export const ZDeadlineState = z.enum(DEADLINE_STATES);
export type DeadlineState = z.infer<typeof ZDeadlineState>;

/** What the clock is for. One kind per legal clock. */
export const DEADLINE_KINDS = [
  "assessment-plan",
  "parent-consent-period",
  "initial-evaluation",
  "iep-after-eligibility",
  "annual-review",
  "reevaluation",
  "transition-plan",
  "transfer-of-rights",
  "progress-report",
  "section504-reevaluation",
  "safeguards-notice",
  "safeguards-notice-event",
] as const;
export const ZDeadlineKind = z.enum(DEADLINE_KINDS);
export type DeadlineKind = z.infer<typeof ZDeadlineKind>;

/** The finding code (see the findings contract) each kind raises when it is overdue or due soon. */
export const DEADLINE_FINDING_CODES = {
  "assessment-plan": "deadline.assessment-plan",
  // The parent's period to decide: shown to families, never a finding against anyone.
  "parent-consent-period": "deadline.parent-consent-period",
  "initial-evaluation": "deadline.initial-evaluation",
  "iep-after-eligibility": "deadline.iep-after-eligibility",
  "annual-review": "deadline.annual-review",
  reevaluation: "deadline.reevaluation",
  "transition-plan": "iep.transition.missing",
  "transfer-of-rights": "iep.transfer-of-rights.missing",
  "progress-report": "deadline.progress-report",
  "section504-reevaluation": "section504.reevaluation",
  "safeguards-notice": "notice.safeguards-overdue",
  "safeguards-notice-event": "notice.safeguards-overdue",
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
  /** Two-letter state code: the state table's rules (California first); any other state, federal rules. */
  state?: string | undefined;
  settings?: Partial<DeadlineSettings> | undefined;
};

export const DEADLINE_CITATIONS = {
  assessmentPlanCA: "Cal. Ed. Code 56321(a); 56043(a)",
  parentConsentPeriodCA: "Cal. Ed. Code 56321(c)(4); 56043(b)",
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
  safeguardsEvents: "34 CFR 300.504(a)(1)-(4)",
  extensionFederal: "34 CFR 300.301(d)-(e); 34 CFR 300.309(c)",
} as const;

/** Dates in notes and sentences for people: "March 12, 2027". */
function longDate(date: IsoDate, locale: string = DEFAULT_DATE_LOCALE): string {
  return formatLongDate(date, locale);
}

function settingsOf(ctx: DeadlineContext): DeadlineSettings {
  return { ...DEFAULT_DEADLINE_SETTINGS, ...(ctx.settings ?? {}) };
}

function rulesOf(ctx: DeadlineContext): StateRules {
  return stateRules(ctx.state);
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
  /** A written extension: to this date. */
  extendedTo?: IsoDate | null | undefined;
  /**
   * Why it was extended. Federal rules honour only a specific learning disability (300.309(c)),
   * a transfer with an agreed date (300.301(d)(2), (e)) or a child not made available (300.301(d)(1));
   * a state may also allow the parent's written agreement (California). Missing: the parent's agreement.
   */
  extensionBasis?:
    | "parent-written-agreement"
    | "specific-learning-disability"
    | "transfer"
    | "child-not-produced"
    | undefined;
};

/** Count `days` from `start` with the state's rules: calendar days, or California's (long breaks not counted). */
function countStateDays(
  rules: StateRules,
  calendar: SchoolCalendar,
  start: IsoDate,
  days: number,
  notes: string[],
): IsoDate {
  if (!rules.evaluation.skipsLongBreaks.value) return addDays(start, days);
  const counted = addCaliforniaDays(calendar, start, days);
  for (const s of counted.skipped) {
    notes.push(`${longDate(s.start)} to ${longDate(s.end)} is not counted (a break of more than 5 school days).`);
  }
  if (counted.beyondCalendar) {
    notes.push("The school calendar does not reach the due date; later breaks were not taken into account.");
  }
  return counted.dueDate;
}

/**
 * Initial evaluation: 60 days from consent (300.301(c)(1)), met by the eligibility decision. In a
 * state whose clock covers the IEP (California, 56344(a)) it is met only by the IEP meeting:
 * eligibility alone does not meet it.
 */
export function initialEvaluationDeadline(facts: InitialEvaluationFacts, ctx: DeadlineContext): Deadline {
  const rules = rulesOf(ctx);
  const e = rules.evaluation;
  const notes: string[] = [];
  let dueDate: IsoDate;
  const stateCounts = e.skipsLongBreaks.value || e.iepWithinEvaluationClock.value;
  const basis: "federal" | "state" = stateCounts ? "state" : "federal";
  // California: "34 CFR 300.301(c)(1); Cal. Ed. Code 56302.1, 56344(a)".
  const citation: string = stateCounts
    ? `${DEADLINE_CITATIONS.initialEvaluationFederal}; ${e.initialEvaluation.citation.replace("; ", ", ")}`
    : DEADLINE_CITATIONS.initialEvaluationFederal;
  const coversIep = e.iepWithinEvaluationClock.value;
  const label = coversIep
    ? "Finish the initial assessment, decide eligibility and hold the IEP meeting"
    : "Finish the initial evaluation and decide eligibility";
  const metOn = coversIep ? (facts.initialIepMeetingOn ?? null) : (facts.eligibilityDeterminedOn ?? null);
  if (coversIep && !facts.initialIepMeetingOn && facts.eligibilityDeterminedOn) {
    notes.push(
      `Eligibility was decided on ${longDate(facts.eligibilityDeterminedOn)}, but in ${rules.name} the IEP itself is due within the same 60 days.`,
    );
  }
  const referral = facts.referralOn ?? facts.consentOn;
  const endOfYear = e.evaluationEndOfYear.value
    ? endOfYearRule(ctx.calendar, referral, e.evaluationEndOfYear.value)
    : null;
  if (endOfYear) {
    dueDate = endOfYear.dueDate;
    notes.push(
      `The referral came ${endOfYear.daysBeforeEnd} days before the last day of the school year, so the IEP is due within ${e.evaluationEndOfYear.value?.dueDaysIntoNextYear ?? 30} days after school starts again (${longDate(endOfYear.nextFirstDay)}).`,
    );
  } else {
    dueDate = countStateDays(rules, ctx.calendar, facts.consentOn, e.initialEvaluation.value.days, notes);
  }
  if (facts.extendedTo && facts.extendedTo > dueDate) {
    const basisOfExtension = facts.extensionBasis ?? "parent-written-agreement";
    const allowed = basisOfExtension !== "parent-written-agreement" || e.parentMayExtendInWriting.value;
    if (allowed) {
      notes.push(`Extended in writing to ${longDate(facts.extendedTo)}.`);
      dueDate = facts.extendedTo;
    } else {
      notes.push(
        `An extension to ${longDate(facts.extendedTo)} was recorded, but federal rules allow no extension of the 60 days by agreement except for a suspected specific learning disability, a transfer, or a child not made available (${DEADLINE_CITATIONS.extensionFederal}); the due date stays.`,
      );
    }
  }
  return makeDeadline(
    { kind: "initial-evaluation", citation, label, dueDate, startDate: facts.consentOn, metOn, basis, notes },
    ctx,
  );
}

/**
 * End-of-year rules (California): a referral `referralDaysBeforeEnd` days or less before the last
 * day of the regular school year → due `dueDaysIntoNextYear` days after the next school year
 * starts (56344(a): 30 and 30; 56321(a): 10 and 10). Null when the rule does not apply (or the
 * calendar has no next year).
 */
export function endOfYearRule(
  calendar: SchoolCalendar,
  referralOn: IsoDate,
  rule: { referralDaysBeforeEnd: number; dueDaysIntoNextYear: number } = {
    referralDaysBeforeEnd: 30,
    dueDaysIntoNextYear: 30,
  },
): { dueDate: IsoDate; daysBeforeEnd: number; nextFirstDay: IsoDate } | null {
  const years = sortedYears(calendar);
  const idx = years.findIndex((y) => y.firstDay <= referralOn && referralOn <= y.lastDay);
  const year = years[idx];
  if (!year) return null;
  const daysBeforeEnd = daysBetween(referralOn, year.lastDay);
  if (daysBeforeEnd > rule.referralDaysBeforeEnd) return null;
  const next = years[idx + 1];
  if (!next) return null;
  return { dueDate: addDays(next.firstDay, rule.dueDaysIntoNextYear), daysBeforeEnd, nextFirstDay: next.firstDay };
}

/**
 * The proposed assessment plan within the state's days of the referral (California: 15 days, long
 * breaks not counted, 56321(a), 56043(a); a referral 10 days or less before the end of the year →
 * within 10 days after the next year starts). Null in a state with no such rule.
 */
export function assessmentPlanDeadline(
  facts: { referralOn: IsoDate; sentOn?: IsoDate | null | undefined },
  ctx: DeadlineContext,
): Deadline | null {
  const rules = rulesOf(ctx);
  const rule = rules.evaluation.assessmentPlan;
  if (!rule.value) return null;
  const notes: string[] = [];
  let dueDate: IsoDate;
  const endOfYearRuleValue = rules.evaluation.assessmentPlanEndOfYear.value;
  const endOfYear = endOfYearRuleValue ? endOfYearRule(ctx.calendar, facts.referralOn, endOfYearRuleValue) : null;
  if (endOfYear && endOfYearRuleValue) {
    dueDate = endOfYear.dueDate;
    notes.push(
      `The referral came ${endOfYear.daysBeforeEnd} days before the last day of the school year, so the plan is due within ${endOfYearRuleValue.dueDaysIntoNextYear} days after school starts again (${longDate(endOfYear.nextFirstDay)}).`,
    );
  } else {
    dueDate = countStateDays(rules, ctx.calendar, facts.referralOn, rule.value.days, notes);
  }
  return makeDeadline(
    {
      kind: "assessment-plan",
      citation: rule.citation,
      label: "Give the parent the proposed assessment plan",
      dueDate,
      startDate: facts.referralOn,
      metOn: facts.sentOn ?? null,
      basis: "state",
      notes,
    },
    ctx,
  );
}

/**
 * The parent's time to decide on the assessment plan (California: at least 15 days, 56321(c)(4)).
 * A right of the parent, shown so the family knows; it never raises a finding.
 */
export function parentConsentPeriodDeadline(
  facts: { planSentOn: IsoDate; consentOn?: IsoDate | null | undefined },
  ctx: DeadlineContext,
): Deadline | null {
  const rule = rulesOf(ctx).evaluation.parentConsentPeriod;
  if (!rule.value) return null;
  return makeDeadline(
    {
      kind: "parent-consent-period",
      citation: rule.citation,
      label: "The parent decides on the assessment plan (at least this long to consider it)",
      dueDate: addDays(facts.planSentOn, rule.value.days),
      startDate: facts.planSentOn,
      metOn: facts.consentOn ?? null,
      basis: "state",
    },
    ctx,
  );
}

/**
 * IEP meeting within 30 days of the eligibility determination (300.323(c)(1)). Where the state's
 * evaluation clock also covers the IEP (California, 56344(a)), it is due by the earlier of the two.
 */
export function iepAfterEligibilityDeadline(
  facts: {
    eligibilityDeterminedOn: IsoDate;
    initialIepMeetingOn?: IsoDate | null | undefined;
    /** The state's evaluation due date when that clock covers the IEP. */
    evaluationDueDate?: IsoDate | null | undefined;
  },
  ctx: DeadlineContext,
): Deadline {
  const rules = rulesOf(ctx);
  const thirty = addDays(facts.eligibilityDeterminedOn, 30);
  const coversIep = rules.evaluation.iepWithinEvaluationClock.value && facts.evaluationDueDate;
  const dueDate = coversIep && facts.evaluationDueDate ? minDate(thirty, facts.evaluationDueDate) : thirty;
  const notes =
    coversIep && dueDate !== thirty
      ? [`The IEP is also due within the 60-day timeline, so the earlier date applies (${longDate(dueDate)}).`]
      : [];
  return makeDeadline(
    {
      kind: "iep-after-eligibility",
      citation: coversIep ? DEADLINE_CITATIONS.iepAfterEligibilityCA : DEADLINE_CITATIONS.iepAfterEligibility,
      label: "Hold the meeting to write the first IEP",
      dueDate,
      startDate: facts.eligibilityDeterminedOn,
      metOn: facts.initialIepMeetingOn ?? null,
      basis: coversIep ? "state" : "federal",
      notes,
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
 * Reevaluation at least every 3 years (300.303(b)(2)). An agreement that a reevaluation is
 * unnecessary covers that reevaluation only: the 3-year clock restarts from the agreement. The
 * older boolean `waivedByAgreement` (no date) counts as an agreement on the day the reevaluation
 * was due.
 */
export function reevaluationDeadline(
  facts: {
    lastEvaluationOn: IsoDate;
    nextEvaluationOn?: IsoDate | null | undefined;
    /** Days the parent and the district agreed a reevaluation was unnecessary. */
    waiversOn?: ReadonlyArray<IsoDate> | undefined;
    waivedByAgreement?: boolean | undefined;
  },
  ctx: DeadlineContext,
): Deadline | null {
  let start = facts.lastEvaluationOn;
  const notes: string[] = [];
  const waivers = [...(facts.waiversOn ?? [])].filter((d) => d >= facts.lastEvaluationOn).sort();
  if (facts.waivedByAgreement && waivers.length === 0) waivers.push(addYears(facts.lastEvaluationOn, 3));
  const lastWaiver = waivers[waivers.length - 1];
  if (lastWaiver) {
    start = maxDate(start, lastWaiver);
    notes.push(
      `The parent and the school agreed on ${longDate(lastWaiver)} that a reevaluation was not needed. That covers that reevaluation only: the next is due 3 years from the agreement.`,
    );
  }
  return makeDeadline(
    {
      kind: "reevaluation",
      citation: DEADLINE_CITATIONS.reevaluation,
      label: "Reevaluate (at least once every 3 years)",
      dueDate: addYears(start, 3),
      startDate: start,
      metOn: facts.nextEvaluationOn ?? null,
      notes,
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
 * Transition plan: required in the first IEP in effect when the student turns the state's age (16;
 * 300.320(b)), and in every IEP after, so also when the birthday fell before this plan began. If
 * the current plan is in effect on or after the birthday, it must already contain it (due on the
 * plan's start date); if the birthday falls within a year after the plan ends, the next IEP (due by
 * the plan's end) must contain it. Otherwise null: not yet relevant.
 */
export function transitionPlanDeadline(
  facts: { birthDate: IsoDate; planStart: IsoDate; planEnd: IsoDate; presentSince?: IsoDate | null | undefined },
  ctx: DeadlineContext,
): Deadline | null {
  const rule = rulesOf(ctx).transitionAge;
  const age = rule.value;
  const birthday = addYears(facts.birthDate, age);
  let dueDate: IsoDate;
  if (birthday <= facts.planEnd) dueDate = facts.planStart;
  else if (birthday <= addYears(facts.planEnd, 1)) dueDate = facts.planEnd;
  else return null;
  return makeDeadline(
    {
      kind: "transition-plan",
      citation: rule.citation === DEADLINE_CITATIONS.transition ? DEADLINE_CITATIONS.transition : rule.citation,
      label: `Include a transition plan (postsecondary goals and services) in the IEP in effect at ${age}`,
      dueDate,
      startDate: birthday,
      metOn: facts.presentSince ?? null,
      notes: [
        birthday < facts.planStart
          ? `The student turned ${age} on ${longDate(birthday)}, before this plan began, so this plan must include it.`
          : `The student turns ${age} on ${longDate(birthday)}.`,
      ],
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

/**
 * The safeguards notice on the events of 300.504(a)(1)–(4): the initial referral or a parent's
 * request for an evaluation; the first state complaint and the first due process complaint in a
 * school year; a disciplinary change of placement (on the day of the decision, 300.530(h)); a
 * parent's request. Each event is due on its day and met by a notice given that day or later. One
 * deadline: the earliest event still without a notice, else the latest event.
 */
export function safeguardsEventDeadline(
  facts: { events: ReadonlyArray<SafeguardsEvent>; noticesOn: ReadonlyArray<IsoDate> },
  ctx: DeadlineContext,
): Deadline | null {
  const notices = [...facts.noticesOn].sort();
  const seenInYear = new Set<string>();
  const due: Array<{ event: SafeguardsEvent; metOn: IsoDate | null }> = [];
  for (const event of [...facts.events].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))) {
    if (event.event === "state-complaint" || event.event === "due-process-complaint") {
      // Only the first of each kind in a school year.
      const year = currentOrNextSchoolYear(ctx.calendar, event.date)?.label ?? event.date.slice(0, 4);
      const key = `${event.event}:${year}`;
      if (seenInYear.has(key)) continue;
      seenInYear.add(key);
    }
    due.push({ event, metOn: notices.find((n) => n >= event.date) ?? null });
  }
  const pick = due.find((d) => d.metOn === null) ?? due[due.length - 1];
  if (!pick) return null;
  return makeDeadline(
    {
      kind: "safeguards-notice-event",
      citation: DEADLINE_CITATIONS.safeguardsEvents,
      label: `Give the family the procedural safeguards notice (${SAFEGUARDS_EVENT_WORDS[pick.event.event]})`,
      dueDate: pick.event.date,
      startDate: pick.event.date,
      metOn: pick.metOn,
    },
    ctx,
  );
}

const SAFEGUARDS_EVENT_WORDS: Record<SafeguardsEvent["event"], string> = {
  "initial-referral": "on the initial referral",
  "parent-evaluation-request": "on the parent's request for an evaluation",
  "state-complaint": "on the first state complaint of the school year",
  "due-process-complaint": "on the first due process complaint of the school year",
  "disciplinary-change-of-placement": "on the day of a disciplinary change of placement",
  "parent-request": "on the parent's request",
};

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
  assessmentPlanSentOn?: IsoDate | null | undefined;
  consentToEvaluateOn?: IsoDate | null | undefined;
  evaluationExtendedTo?: IsoDate | null | undefined;
  evaluationExtensionBasis?: InitialEvaluationFacts["extensionBasis"];
  eligibilityDeterminedOn?: IsoDate | null | undefined;
  initialIepMeetingOn?: IsoDate | null | undefined;
  /** Last annual review (or the initial IEP meeting). */
  lastReviewOn?: IsoDate | null | undefined;
  /** Evaluations and reevaluations, oldest first or in any order. */
  evaluations?: ReadonlyArray<{ date: IsoDate; agreed?: boolean | undefined }> | undefined;
  reevaluationWaivedByAgreement?: boolean | undefined;
  /** Days the parent and district agreed a reevaluation was unnecessary (300.303(b)(2)). */
  reevaluationWaiversOn?: ReadonlyArray<IsoDate> | undefined;
  transitionPlanPresent?: boolean | undefined;
  transferOfRightsPresent?: boolean | undefined;
  progressInterval?: ProgressInterval | null | undefined;
  progressScheduledDates?: ReadonlyArray<IsoDate> | undefined;
  progressReportsOn?: ReadonlyArray<IsoDate> | undefined;
  safeguardsNoticesOn?: ReadonlyArray<IsoDate> | undefined;
  /** Events that call for the safeguards notice (300.504(a)(1)–(4)). */
  safeguardsEvents?: ReadonlyArray<SafeguardsEvent> | undefined;
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
    if (facts.isInitial && facts.referralOn) {
      push(assessmentPlanDeadline({ referralOn: facts.referralOn, sentOn: facts.assessmentPlanSentOn }, ctx));
    }
    if (facts.isInitial && facts.assessmentPlanSentOn) {
      push(
        parentConsentPeriodDeadline(
          { planSentOn: facts.assessmentPlanSentOn, consentOn: facts.consentToEvaluateOn },
          ctx,
        ),
      );
    }
    let evaluation: Deadline | null = null;
    if (facts.isInitial && facts.consentToEvaluateOn) {
      evaluation = initialEvaluationDeadline(
        {
          consentOn: facts.consentToEvaluateOn,
          referralOn: facts.referralOn,
          eligibilityDeterminedOn: facts.eligibilityDeterminedOn,
          initialIepMeetingOn: facts.initialIepMeetingOn,
          extendedTo: facts.evaluationExtendedTo,
          extensionBasis: facts.evaluationExtensionBasis,
        },
        ctx,
      );
      push(evaluation);
    }
    if (facts.isInitial && facts.eligibilityDeterminedOn) {
      push(
        iepAfterEligibilityDeadline(
          {
            eligibilityDeterminedOn: facts.eligibilityDeterminedOn,
            initialIepMeetingOn: facts.initialIepMeetingOn,
            evaluationDueDate: evaluation?.dueDate ?? null,
          },
          ctx,
        ),
      );
    }
    const lastReview = facts.lastReviewOn ?? facts.initialIepMeetingOn ?? null;
    if (lastReview) push(annualReviewDeadline({ lastReviewOn: lastReview }, ctx));
    if (lastEvaluation) {
      push(
        reevaluationDeadline(
          {
            lastEvaluationOn: lastEvaluation,
            waivedByAgreement: facts.reevaluationWaivedByAgreement,
            waiversOn: facts.reevaluationWaiversOn,
          },
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
    if ((facts.safeguardsEvents ?? []).length > 0) {
      push(
        safeguardsEventDeadline(
          { events: facts.safeguardsEvents ?? [], noticesOn: facts.safeguardsNoticesOn ?? [] },
          ctx,
        ),
      );
    }
  } else {
    if (lastEvaluation) push(section504ReevaluationDeadline({ lastEvaluationOn: lastEvaluation }, ctx));
  }
  return out.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
}

// ---------------------------------------------------------------------------------------------
// Plain language for families

const GUARDIAN_SUBJECT: Record<DeadlineKind, string> = {
  "assessment-plan": "The school's proposed assessment plan (what it will test, for your consent)",
  "parent-consent-period": "Your time to decide on the assessment plan",
  "initial-evaluation": "The evaluation to decide whether your child is eligible",
  "iep-after-eligibility": "The meeting to write your child's first IEP",
  "annual-review": "The annual review of the IEP",
  reevaluation: "The three-year reevaluation",
  "transition-plan": "The transition plan (goals and services for life after high school)",
  "transfer-of-rights": "The statement about the rights that pass to your child at the age of majority",
  "progress-report": "The next report on your child's progress",
  "section504-reevaluation": "The reevaluation of the Section 504 plan",
  "safeguards-notice": "This school year's notice of your rights (procedural safeguards)",
  "safeguards-notice-event": "The notice of your rights (procedural safeguards) that this event calls for",
};

/** One sentence for a family: "The annual review of the IEP is due by March 12, 2027." */
export function describeDeadlineForGuardian(deadline: Deadline, locale: string = DEFAULT_DATE_LOCALE): string {
  const subject = GUARDIAN_SUBJECT[deadline.kind];
  const due = longDate(deadline.dueDate, locale);
  if (deadline.kind === "parent-consent-period") {
    return deadline.state === "met"
      ? "You have answered the assessment plan."
      : `You have until ${due} to decide whether to consent to the assessment plan; you may take that long.`;
  }
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
