/**
 * The eligibility navigator's contract: the facts it reads and the result it returns.
 *
 * One schema serves the core function, `POST /api/navigator` and `lantern navigate`. In the facts,
 * `null` means "not known"; missing optional booleans default to `false` and missing arrays to `[]`.
 * Missing yes/no/unknown answers default to `null` (unknown), so an unanswered question never
 * silently becomes "no".
 */
import { z } from "zod";
import { ZIsoDate } from "../shared/dates.ts";
import { ZStateCode } from "../states/state-table.ts";

/**
 * IDEA disability categories, 34 CFR 300.8(b)–(c). Developmental delay applies only at the ages the
 * state allows (federal: 3 through 9; California does not use it for Part B).
 */
export const IDEA_CATEGORIES = [
  "autism",
  "deaf-blindness",
  "deafness",
  "developmental-delay",
  "emotional-disturbance",
  "hearing-impairment",
  "intellectual-disability",
  "multiple-disabilities",
  "orthopedic-impairment",
  "other-health-impairment",
  "specific-learning-disability",
  "speech-or-language-impairment",
  "traumatic-brain-injury",
  "visual-impairment",
] as const;
export const ZIdeaCategory = z.enum(IDEA_CATEGORIES);
export type IdeaCategory = z.infer<typeof ZIdeaCategory>;

/**
 * Categories whose definition in 34 CFR 300.8(c) includes "adversely affects a child's educational
 * performance". Specific learning disability, deaf-blindness, multiple disabilities and
 * developmental delay have no such clause (300.8(b), (c)(2), (c)(7), (c)(10)).
 */
export const CATEGORIES_WITH_ADVERSE_EFFECT_CLAUSE: ReadonlySet<IdeaCategory> = new Set([
  "autism",
  "deafness",
  "emotional-disturbance",
  "hearing-impairment",
  "intellectual-disability",
  "orthopedic-impairment",
  "other-health-impairment",
  "speech-or-language-impairment",
  "traumatic-brain-injury",
  "visual-impairment",
]);

/** (v2) What the evaluation found about an impairment's IDEA category: a category, "none" (fits none), or null (not known). */
export const ZImpairmentCategory = z.union([ZIdeaCategory, z.literal("none")]);
export type ImpairmentCategory = z.infer<typeof ZImpairmentCategory>;

/**
 * Services that are always special education when they are specially designed instruction
 * (34 CFR 300.39(a)(2)(ii)–(iii)), whatever the state says about related services.
 */
export const ALWAYS_SPECIAL_EDUCATION = ["travel-training", "vocational-education"] as const;
export const ZAlwaysSpecialEducation = z.enum(ALWAYS_SPECIAL_EDUCATION);
export type AlwaysSpecialEducation = z.infer<typeof ZAlwaysSpecialEducation>;

/** How long an impairment is expected to last (the "transitory" test of 42 USC 12102(3)(B) is six months or less). */
export const EXPECTED_DURATIONS = ["six-months-or-less", "more-than-six-months"] as const;
export const ZExpectedDuration = z.enum(EXPECTED_DURATIONS);
export type ExpectedDuration = z.infer<typeof ZExpectedDuration>;

/** Related services listed in 34 CFR 300.34. */
export const RELATED_SERVICES = [
  "speech-language-pathology",
  "audiology",
  "interpreting-services",
  "psychological-services",
  "physical-therapy",
  "occupational-therapy",
  "recreation",
  "early-identification-and-assessment",
  "counseling",
  "rehabilitation-counseling",
  "orientation-and-mobility",
  "medical-diagnostic-services",
  "school-health-services",
  "school-nurse-services",
  "social-work-services",
  "parent-counseling-and-training",
  "transportation",
] as const;
export const ZRelatedService = z.enum(RELATED_SERVICES);
export type RelatedService = z.infer<typeof ZRelatedService>;

export const EVALUATION_STATES = ["none", "requested", "in-progress", "completed"] as const;
export const ZEvaluationState = z.enum(EVALUATION_STATES);
export type EvaluationState = z.infer<typeof ZEvaluationState>;

/** Which prong of the disability definition the facts support (34 CFR 104.3(j)(1); 42 USC 12102(1)). */
export const DISABILITY_BASES = ["actual", "record-of", "regarded-as"] as const;
export const ZDisabilityBasis = z.enum(DISABILITY_BASES);
export type DisabilityBasis = z.infer<typeof ZDisabilityBasis>;

export const CURRENT_PLANS = ["iep", "section-504"] as const;
export const ZCurrentPlan = z.enum(CURRENT_PLANS);
export type CurrentPlan = z.infer<typeof ZCurrentPlan>;

/**
 * Mitigating measures the law lets a team consider: only ordinary eyeglasses and contact lenses
 * (42 USC 12102(4)(E)(ii)). Every other measure is ignored when judging a substantial limitation.
 */
export const ORDINARY_LENSES = ["ordinary-eyeglasses", "contact-lenses"] as const;

/** Common mitigating measures, as named in 42 USC 12102(4)(E)(i). Other strings are accepted too. */
export const COMMON_MITIGATING_MEASURES = [
  "medication",
  "medical-supplies",
  "equipment",
  "low-vision-devices",
  "prosthetics",
  "hearing-aids",
  "cochlear-implants",
  "mobility-devices",
  "oxygen",
  "assistive-technology",
  "reasonable-accommodations",
  "learned-behavioral-adaptations",
  "ordinary-eyeglasses",
] as const;

const nullableBoolean = () => z.boolean().nullable().default(null);

export const ZImpairment = z.object({
  name: z.string().trim().min(1).max(200).meta({ example: "Dyslexia" }),
  /** The IDEA category the evaluation supports; "none" = fits no category; null = not known (never read as "none"). */
  ideaCategory: ZImpairmentCategory.nullable().default(null),
  /** Major life activities (e.g. "reading") or major bodily functions ("major-bodily-function:respiratory"). */
  majorLifeActivities: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
  /** Substantially limits a major life activity now, with whatever mitigating measures are in use. */
  limitsNow: nullableBoolean(),
  /** Would substantially limit without mitigating measures. */
  limitsWithoutMitigation: nullableBoolean(),
  mitigatingMeasures: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
  episodicOrInRemission: z.boolean().default(false),
  /** Substantially limits when active (episodic or in-remission impairments). */
  limitsWhenActive: nullableBoolean(),
  basis: ZDisabilityBasis.default("actual"),
  /**
   * Optional addition: how long the impairment is expected to last (null: not known). Only the
   * "regarded as" prong excludes impairments that are transitory (six months or less) and minor.
   */
  expectedDuration: ZExpectedDuration.nullable().default(null),
  /**
   * Optional addition: the team found that the determining factor for this impairment's category is
   * a lack of appropriate reading or math instruction, or limited English proficiency (34 CFR 300.306(b)).
   */
  determiningFactorIsInstructionOrEnglish: z.boolean().default(false),
});
export type Impairment = z.infer<typeof ZImpairment>;
export type ImpairmentInput = z.input<typeof ZImpairment>;

export const ZNavigatorFacts = z.object({
  ageYears: z.number().int().min(0).max(30),
  evaluation: ZEvaluationState,
  impairments: z.array(ZImpairment).max(50).default([]),
  /** The impairment adversely affects educational performance (IDEA). */
  adverseEducationalEffect: nullableBoolean(),
  /** The student needs specially designed instruction (34 CFR 300.39). */
  needsSpecializedInstruction: nullableBoolean(),
  relatedServicesNeeded: z.array(ZRelatedService).max(RELATED_SERVICES.length).default([]),
  /** The student needs accommodations, aids or services to access school (Section 504). */
  accommodationsNeeded: nullableBoolean(),
  /** Informational: grades alone never decide Section 504 eligibility. */
  performingAtGradeLevel: nullableBoolean(),
  currentPlans: z.array(ZCurrentPlan).max(2).default([]),
  /** (v2) Where the student goes to school: selects the state's rules; null = unknown (federal rules). */
  state: ZStateCode.nullable().default(null),
  /**
   * The state counts speech-language pathology as special education (34 CFR 300.39(a)(2)(i)).
   * (v2) null = taken from the state table (California: yes); a boolean overrides the table.
   */
  speechIsSpecialEducationInState: z.boolean().nullable().default(null),
  graduatedWithRegularDiploma: z.boolean().default(false),
  /**
   * Optional addition: the student left high school with a certificate of completion, a GED or
   * another credential that is not a regular diploma; it does not end special education (34 CFR
   * 300.102(a)(3)(ii)), and the trace says so.
   */
  graduatedWithCertificate: z.boolean().default(false),
  /**
   * Optional addition (v1 reading): the eligibility team found that the determining factor for a
   * specific learning disability is a lack of appropriate reading or math instruction, or limited
   * English proficiency (34 CFR 300.306(b)). Applies to the impairments in that category only; an
   * impairment's own `determiningFactorIsInstructionOrEnglish` applies to that impairment.
   */
  determiningFactorIsInstructionOrEnglish: z.boolean().default(false),
  /** Optional addition: travel training or vocational education the student needs (always special education, 34 CFR 300.39(a)(2)(ii)–(iii)). */
  specialEducationServicesNeeded: z.array(ZAlwaysSpecialEducation).max(ALWAYS_SPECIAL_EDUCATION.length).default([]),
  /** Optional addition: the birth date and the day the facts describe, for a state's rule on the last school year (California 56026(c)(4)). */
  dateOfBirth: ZIsoDate.nullable().default(null),
  asOf: ZIsoDate.nullable().default(null),
  /** Optional addition: `ageYears` stands for an age range the family chose, not a known age; explanations never state it as exact. */
  ageIsApproximate: z.boolean().default(false),
});
export type NavigatorFacts = z.infer<typeof ZNavigatorFacts>;
export type NavigatorFactsInput = z.input<typeof ZNavigatorFacts>;

// ---------------------------------------------------------------------------------------------
// Result

export const RECOMMENDATIONS = [
  "iep",
  "section-504",
  "evaluate",
  "no-plan",
  "early-intervention",
  "adult-services",
] as const;
export const ZRecommendation = z.enum(RECOMMENDATIONS);
export type Recommendation = z.infer<typeof ZRecommendation>;

export const LIKELY_PLANS = ["iep", "section-504", "no-plan", "early-intervention", "adult-services"] as const;
export const ZLikelyPlan = z.enum(LIKELY_PLANS);
export type LikelyPlan = z.infer<typeof ZLikelyPlan>;

/** Facts that can be unknown and change the answer; each has a `find-out-…` action. */
export const UNKNOWN_FACTS = [
  "impairment",
  "idea-category",
  "adverse-educational-effect",
  "needs-specialized-instruction",
  "substantial-limitation",
  "accommodations-needed",
  "date-of-birth",
] as const;
export const ZUnknownFact = z.enum(UNKNOWN_FACTS);
export type UnknownFact = z.infer<typeof ZUnknownFact>;

export const NAVIGATOR_ACTIONS = [
  "contact-early-intervention",
  "plan-transition-at-3",
  "request-evaluation-in-writing",
  "ask-for-assessment-plan",
  "follow-evaluation-timeline",
  "ask-for-evaluation-report",
  "ask-for-iep-meeting",
  "fold-504-into-iep",
  "ask-for-504-meeting",
  "review-current-plan",
  "ask-for-prior-written-notice",
  "ask-again-if-needs-change",
  "find-out-impairment",
  "find-out-idea-category",
  "find-out-adverse-educational-effect",
  "find-out-needs-specialized-instruction",
  "find-out-substantial-limitation",
  "find-out-accommodations-needed",
  "find-out-date-of-birth",
  // v2
  "reevaluate-before-exit",
  "know-stay-put-rights",
  "consider-independent-evaluation",
  "ask-about-postsecondary-accommodations",
  "contact-vocational-rehabilitation",
  "request-summary-of-performance",
] as const;
export const ZNavigatorAction = z.enum(NAVIGATOR_ACTIONS);
export type NavigatorAction = z.infer<typeof ZNavigatorAction>;

export const TRACE_OUTCOMES = ["met", "not-met", "unknown", "not-applicable"] as const;
export const ZTraceOutcome = z.enum(TRACE_OUTCOMES);
export type TraceOutcome = z.infer<typeof ZTraceOutcome>;

export const ZTraceEntry = z.object({
  /** Stable slug of the rule, e.g. "idea-need-for-special-education". */
  rule: z.string(),
  /** The law the rule applies, e.g. "34 CFR 300.8(a)(1)". */
  citation: z.string().min(1),
  outcome: ZTraceOutcome,
  /** Plain-language reason. */
  explanation: z.string(),
});
export type TraceEntry = z.infer<typeof ZTraceEntry>;

export const ZNavigatorResult = z.object({
  recommendation: ZRecommendation,
  likely: ZLikelyPlan.nullable(),
  actions: z.array(ZNavigatorAction),
  trace: z.array(ZTraceEntry),
  /** Optional addition: facts that are unknown and would change the answer. */
  unknowns: z.array(ZUnknownFact),
});
export type NavigatorResult = z.infer<typeof ZNavigatorResult>;
