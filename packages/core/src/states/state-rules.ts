/**
 * The shape of a state's special-education rules: where a state may differ from the federal floor
 * (34 CFR Part 300) and Lantern needs to know it. The navigator, the wizard, the plan checks, the
 * deadlines and the letters all read one `StateRules` object, chosen by `stateRules(code)` in
 * `state-table.ts`: a state listed there gets its own rules, any other state the federal defaults.
 *
 * Each rule carries its citation and how sure the project is of it, in the words of the legal fact
 * sheet (shared/domain/LAW.md): `checked` against the text, `secondary` (a secondary summary only),
 * or `unchecked`. A rule marked anything but `checked` says so wherever it is documented.
 */

export const CERTAINTIES = ["checked", "secondary", "unchecked"] as const;
export type Certainty = (typeof CERTAINTIES)[number];

/** One rule: its value, the law it rests on, and how sure the fact sheet is of it. */
export type StateRule<T> = {
  value: T;
  citation: string;
  certainty: Certainty;
  /** Plain-language note for families and staff (shown in explanations and letters). */
  note?: string;
};

/** A time limit counted in calendar, school or business days. */
export type DayCount = { days: number; unit: "calendar" | "school" | "business" };

/** Counting rules of a state's initial-evaluation clocks. */
export type EvaluationClocks = {
  /** The agency gives the parent a proposed assessment plan within this many days of a referral (null: no state rule). */
  assessmentPlan: StateRule<DayCount | null>;
  /** Days the parent has to decide on the assessment plan (null: no state rule). */
  parentConsentPeriod: StateRule<DayCount | null>;
  /** Evaluation (and, where the state says so, the IEP) within this many days of consent. */
  initialEvaluation: StateRule<DayCount>;
  /** The clock also covers the IEP meeting, not eligibility alone (California: 56344(a)). */
  iepWithinEvaluationClock: StateRule<boolean>;
  /** The parent may extend the evaluation timeline in writing (federal rules allow no such extension, 300.301(c)–(e)). */
  parentMayExtendInWriting: StateRule<boolean>;
  /** Days between school years and vacations of more than 5 school days are not counted. */
  skipsLongBreaks: StateRule<boolean>;
  /**
   * End-of-year rules: a referral this many days or fewer before the last day of the school year
   * moves the clock to the next year (null: no state rule).
   */
  assessmentPlanEndOfYear: StateRule<{ referralDaysBeforeEnd: number; dueDaysIntoNextYear: number } | null>;
  evaluationEndOfYear: StateRule<{ referralDaysBeforeEnd: number; dueDaysIntoNextYear: number } | null>;
};

export type StateRules = {
  /** Two-letter USPS code; "US" for the federal defaults. */
  code: string;
  name: string;
  /** Related services the state counts as special education, not only as a related service (34 CFR 300.39(a)(2)(i)). */
  relatedServicesAsSpecialEducation: StateRule<readonly string[]>;
  /** The ages at which developmental delay may be used for Part B; null when the state does not use it (34 CFR 300.8(b)). */
  developmentalDelayAges: StateRule<{ from: number; to: number } | null>;
  /**
   * The last age Part B serves (21 in most states) and, where the state has one, the rule that
   * lets a student who turns one year older in part of the school year finish that year.
   */
  partBEnd: StateRule<{
    lastAge: number;
    /** A student who turns lastAge + 1 in these months (1–12) continues until `until` (MM-DD) of that year. */
    continuesIfBirthdayIn: { fromMonth: number; toMonth: number; until: string } | null;
  }>;
  /** The age by which the IEP in effect must contain transition planning (34 CFR 300.320(b)). */
  transitionAge: StateRule<number>;
  /** Age of majority: rights transfer, and the IEP says so a year before (300.320(c), 300.520). */
  ageOfMajority: StateRule<number>;
  evaluation: EvaluationClocks;
  /** An IEP meeting within this many days of a parent's written request (null: no state rule). */
  iepMeetingOnRequest: StateRule<DayCount | null>;
  /** Access to or copies of the child's records within this time of a request. */
  recordsAccess: StateRule<DayCount>;
  /** The right to an independent educational evaluation at public expense. */
  independentEvaluation: StateRule<true>;
  /** When a parent refuses part of an IEP the district thinks is needed for FAPE, the district must file for due process. */
  refusedComponentRequiresDueProcess: StateRule<boolean>;
  /** Parent participation in IEP meetings: notice, a mutually agreed time, other ways to take part. */
  parentParticipation: StateRule<true>;
};
