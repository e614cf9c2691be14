/**
 * The IEP document: every element of 34 CFR 300.320, plus the meeting, team, signatures,
 * consent and notices around it. One schema validates drafts and finished plans; the
 * compliance checks decide completeness.
 */
import { z } from "zod";
import { ZServicePrescription } from "../services/service-prescription.ts";
import { ZIsoDate } from "../shared/dates.ts";
import {
  ZDisciplineRemoval,
  ZPlanAttendee,
  ZPlanDate,
  ZPlanDisabilityCategory,
  ZPlanItemId,
  ZPlanLabel,
  ZPlanMeeting,
  ZPlanSignature,
  ZPlanStudent,
  ZPlanText,
  ZPlanTimestamp,
  ZPriorWrittenNotice,
  ZSafeguardsNotice,
} from "./plan-common.ts";
import { CONSENT_SOURCES } from "./signature-rules.ts";

/** A need or weakness; goals, services and accommodations point to it by id (34 CFR 300.324(a)(1)(iv)). */
export const ZIepNeed = z.object({
  id: ZPlanItemId,
  area: ZPlanLabel.meta({ example: "Reading comprehension" }),
  description: ZPlanText,
});
export type IepNeed = z.infer<typeof ZIepNeed>;

export const ZPresentLevels = z
  .object({
    academic: ZPlanText.meta({ description: "Present level of academic achievement" }),
    functional: ZPlanText.meta({ description: "Present level of functional performance" }),
    /** How the disability affects involvement and progress in the general curriculum (preschool: activities). */
    impactOnGeneralCurriculum: ZPlanText.meta({ citation: "34 CFR 300.320(a)(1)(i)" }),
    /** Evaluation results considered (300.324(a)(1)(iii)). */
    evaluationSummary: ZPlanText,
    strengths: z.array(ZPlanText).default([]).meta({ citation: "34 CFR 300.324(a)(1)(i)" }),
    needs: z.array(ZIepNeed).default([]).meta({ citation: "34 CFR 300.324(a)(1)(iv)" }),
  })
  .meta({
    title: "Present levels of academic achievement and functional performance (PLAAFP)",
    description: "Present levels, how the disability affects progress in the general curriculum, strengths and needs",
    citation: "34 CFR 300.320(a)(1)",
  });
export type PresentLevels = z.infer<typeof ZPresentLevels>;

export const ZShortTermObjective = z.object({
  id: ZPlanItemId,
  text: ZPlanText,
  criterion: ZPlanLabel,
  byDate: ZPlanDate,
});
export type ShortTermObjective = z.infer<typeof ZShortTermObjective>;

export const ZGoalMeasure = z.object({
  /** A number when the goal is quantified (e.g. 42 words per minute); null when described only in words. */
  value: z.number().nullable().default(null),
  description: ZPlanText,
  /** When the baseline was measured. */
  measuredOn: ZPlanDate,
});

export const ZAnnualGoal = z
  .object({
    id: ZPlanItemId,
    area: ZPlanLabel.meta({ example: "Reading fluency" }),
    domain: z.enum(["academic", "functional"]).nullable().default(null),
    /** The goal as written for the family: "By June 2027, given a grade-level passage, …". */
    statement: ZPlanText,
    baseline: ZGoalMeasure.prefault({}),
    target: ZGoalMeasure.omit({ measuredOn: true }).prefault({}),
    unit: ZPlanLabel.meta({ example: "words correct per minute" }),
    direction: z.enum(["increase", "decrease"]).default("increase"),
    criterion: ZPlanLabel.meta({ example: "in 4 of 5 consecutive probes" }),
    measurementMethod: ZPlanLabel.meta({ example: "Curriculum-based measurement probes" }),
    byDate: ZPlanDate,
    needIds: z.array(ZPlanItemId).default([]),
    /** Benchmarks or short-term objectives: required when the student takes an alternate assessment (300.320(a)(2)(ii)). */
    shortTermObjectives: z.array(ZShortTermObjective).default([]),
  })
  .meta({ description: "A measurable annual goal", citation: "34 CFR 300.320(a)(2)" });
export type AnnualGoal = z.infer<typeof ZAnnualGoal>;

export const ZProgressSchedule = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("every"),
    times: z.number().int().min(1).max(52),
    per: z.enum(["month", "quarter", "semester", "year"]),
  }),
  z.object({ kind: z.literal("report-card-periods") }),
]);
export type ProgressSchedule = z.infer<typeof ZProgressSchedule>;

export const ZProgressReporting = z
  .object({
    /** How progress toward the goals is measured. */
    howMeasured: ZPlanText,
    /** When periodic reports are given (e.g. each report-card period). */
    schedule: ZProgressSchedule.nullable().default(null),
    /** The report dates the schedule gives for this plan year. */
    reportDates: z.array(ZIsoDate).default([]),
    format: ZPlanLabel.meta({ example: "Written progress report sent home with the report card" }),
    /** Reports actually sent to the family; a sent report stops its deadline. */
    reportsSent: z.array(z.object({ date: ZIsoDate, method: ZPlanLabel })).optional(),
  })
  .meta({ description: "How progress is measured and when reports are given", citation: "34 CFR 300.320(a)(3)" });
export type ProgressReporting = z.infer<typeof ZProgressReporting>;

/**
 * A service on the IEP: special education, related service or supplementary aid, with the
 * projected start date, frequency, duration and location (300.320(a)(4), (a)(7)).
 * Drafts may leave start date, frequency, minutes, location and provider unset; a service missing
 * them is reported by the checks (`iep.service.incomplete`), not rejected here.
 */
export const ZIepService = ZServicePrescription.extend({
  goalIds: z.array(ZPlanItemId).default([]).meta({ description: "Goals this service works on" }),
  needIds: z.array(ZPlanItemId).default([]),
})
  .partial({ startDate: true, frequency: true, minutesPerSession: true, location: true, providerRole: true })
  .meta({
    description: "A service, with start date, frequency, duration and location",
    citation: "34 CFR 300.320(a)(4), (a)(7)",
  });
export type IepService = z.infer<typeof ZIepService>;

export const PROGRAM_MODIFICATION_KINDS = ["program-modification", "support-for-staff"] as const;

export const ZProgramModification = z
  .object({
    id: ZPlanItemId,
    kind: z.enum(PROGRAM_MODIFICATION_KINDS),
    description: ZPlanText,
    providedBy: ZPlanLabel,
    when: ZPlanLabel,
    goalIds: z.array(ZPlanItemId).default([]),
  })
  .meta({ description: "Program modification or support for school personnel", citation: "34 CFR 300.320(a)(4)" });
export type ProgramModification = z.infer<typeof ZProgramModification>;

/** School-age educational environments (CEDS / Ed-Fi codes). */
export const LRE_SETTING_CODES = ["RC80", "RC79TO40", "RC39", "SS", "RF", "HH", "CF", "PPPS"] as const;
export const ZLreSettingCode = z.enum(LRE_SETTING_CODES).meta({
  description:
    "RC80 regular class 80%+; RC79TO40 40–79%; RC39 under 40%; SS separate school; RF residential; HH homebound/hospital; CF correctional; PPPS parentally placed in private school",
});

export const ZPlacement = z
  .object({
    settingCode: ZLreSettingCode.nullable().default(null),
    percentInGeneralEducation: z.number().min(0).max(100).nullable().default(null),
    /** The extent, if any, to which the child will not participate with nondisabled children, and why. */
    nonParticipationExplanation: ZPlanText.meta({ citation: "34 CFR 300.320(a)(5)" }),
    school: ZPlanLabel,
    /** The school the child would attend if not disabled (300.116(c)). */
    isSchoolOfResidence: z.boolean().nullable().default(null),
    optionsConsidered: ZPlanText,
    harmfulEffectsConsidered: ZPlanText.meta({ citation: "34 CFR 300.116(d)" }),
  })
  .meta({
    title: "Placement and least restrictive environment (LRE)",
    description: "Placement, time in general education and the explanation of any non-participation",
    citation: "34 CFR 300.320(a)(5); 300.114–300.116",
  });
export type Placement = z.infer<typeof ZPlacement>;

export const ACCOMMODATION_CATEGORIES = ["instructional", "testing", "environmental", "behavioral"] as const;
export const ZAccommodationCategory = z.enum(ACCOMMODATION_CATEGORIES);

export const ZIepAccommodation = z
  .object({
    id: ZPlanItemId,
    category: ZAccommodationCategory,
    text: ZPlanText,
    providedBy: ZPlanLabel.meta({ example: "General and special education teachers" }),
    when: ZPlanLabel.meta({ example: "On all tests and quizzes longer than 15 minutes" }),
    needIds: z.array(ZPlanItemId).default([]),
  })
  .meta({ description: "An individual accommodation, tied to a need", citation: "34 CFR 300.320(a)(4), (a)(6)" });
export type IepAccommodation = z.infer<typeof ZIepAccommodation>;

export const ASSESSMENT_SCOPES = ["state", "district"] as const;
export const ASSESSMENT_PARTICIPATIONS = ["regular", "regular-with-accommodations", "alternate"] as const;

export const ZAssessmentParticipation = z
  .object({
    id: ZPlanItemId,
    name: ZPlanLabel.meta({ example: "State assessment in English language arts" }),
    scope: z.enum(ASSESSMENT_SCOPES),
    participation: z.enum(ASSESSMENT_PARTICIPATIONS).nullable().default(null),
    /** Testing accommodations used (ids of accommodations in this plan). */
    accommodationIds: z.array(ZPlanItemId).default([]),
    /** Alternate only: why the child cannot participate in the regular assessment (300.320(a)(6)(ii)(A)). */
    whyRegularNotAppropriate: ZPlanText,
    /** Alternate only: why the alternate assessment is appropriate (300.320(a)(6)(ii)(B)). */
    whyAlternateAppropriate: ZPlanText,
  })
  .meta({ description: "Participation in a state or district assessment", citation: "34 CFR 300.320(a)(6)" });
export type AssessmentParticipation = z.infer<typeof ZAssessmentParticipation>;

export const ZSpecialFactor = z.object({
  considered: z.boolean().default(false),
  /** Whether the team found the factor applies (null: not decided). */
  applies: z.boolean().nullable().default(null),
  notes: ZPlanText,
});
export type SpecialFactor = z.infer<typeof ZSpecialFactor>;

export const SPECIAL_FACTOR_KEYS = [
  "behavior",
  "limitedEnglishProficiency",
  "braille",
  "communication",
  "assistiveTechnology",
] as const;
export type SpecialFactorKey = (typeof SPECIAL_FACTOR_KEYS)[number];

export const ZSpecialFactors = z
  .object({
    behavior: ZSpecialFactor.prefault({}).meta({
      description: "Behavior: positive behavioral interventions and supports",
    }),
    limitedEnglishProficiency: ZSpecialFactor.prefault({}).meta({
      description: "Language needs of a child with limited English proficiency",
    }),
    braille: ZSpecialFactor.prefault({}).meta({ description: "Braille for a child who is blind or visually impaired" }),
    communication: ZSpecialFactor.prefault({}).meta({
      description: "Communication needs (deaf or hard of hearing: language and mode)",
    }),
    assistiveTechnology: ZSpecialFactor.prefault({}).meta({ description: "Assistive technology devices and services" }),
  })
  .meta({ description: "The five special factors the team considers", citation: "34 CFR 300.324(a)(2)" });
export type SpecialFactors = z.infer<typeof ZSpecialFactors>;

export const ESY_DECISIONS = ["required", "not-required", "to-be-determined"] as const;

export const ZExtendedSchoolYear = z
  .object({
    decision: z.enum(ESY_DECISIONS).nullable().default(null),
    rationale: ZPlanText,
    /** Services provided during ESY (ids of services in this plan). */
    serviceIds: z.array(ZPlanItemId).default([]),
    decideBy: ZPlanDate,
  })
  .meta({
    title: "Extended school year (ESY)",
    description: "Extended school year decision",
    citation: "34 CFR 300.106",
  });
export type ExtendedSchoolYear = z.infer<typeof ZExtendedSchoolYear>;

export const POSTSECONDARY_GOAL_AREAS = ["education-training", "employment", "independent-living"] as const;

export const ZPostsecondaryGoal = z.object({
  id: ZPlanItemId,
  area: z.enum(POSTSECONDARY_GOAL_AREAS),
  text: ZPlanText,
});
export type PostsecondaryGoal = z.infer<typeof ZPostsecondaryGoal>;

/** Transition service categories of 34 CFR 300.43(a)(2). */
export const TRANSITION_SERVICE_AREAS = [
  "instruction",
  "related-services",
  "community-experiences",
  "employment",
  "adult-living",
  "daily-living-skills",
  "functional-vocational-evaluation",
] as const;

export const ZTransitionService = z.object({
  id: ZPlanItemId,
  area: z.enum(TRANSITION_SERVICE_AREAS).nullable().default(null),
  description: ZPlanText,
  providedBy: ZPlanLabel,
  /** Postsecondary goals this service supports. */
  postsecondaryGoalIds: z.array(ZPlanItemId).default([]),
});
export type TransitionService = z.infer<typeof ZTransitionService>;

export const ZTransitionAssessment = z.object({
  name: ZPlanLabel,
  date: ZPlanDate,
  summary: ZPlanText,
});

export const ZTransitionPlan = z
  .object({
    postsecondaryGoals: z.array(ZPostsecondaryGoal).default([]),
    transitionServices: z.array(ZTransitionService).default([]),
    courseOfStudy: ZPlanText,
    /** Age-appropriate transition assessments the goals are based on. */
    assessments: z.array(ZTransitionAssessment).default([]),
    /** The student was invited to the meeting (300.321(b)(1)). */
    studentInvited: z.boolean().nullable().default(null),
    studentPreferences: ZPlanText.meta({ citation: "34 CFR 300.321(b)(2)" }),
    /** Agencies likely to provide or pay for transition services, invited with consent (300.321(b)(3)). */
    agenciesInvited: z.array(z.object({ name: ZPlanLabel, consentDate: ZPlanDate })).default([]),
    /** Whether any outside agency is likely to provide or pay for transition services (null: not decided). */
    outsideAgenciesLikelyResponsible: z.boolean().nullable().optional().meta({ citation: "34 CFR 300.321(b)(3)" }),
  })
  .meta({
    title: "Transition plan",
    description: "Postsecondary goals, transition services and course of study, from the first IEP in effect at 16",
    citation: "34 CFR 300.320(b); 300.43",
  });
export type TransitionPlan = z.infer<typeof ZTransitionPlan>;

export const ZTransferOfRights = z
  .object({
    ageOfMajority: z.number().int().min(16).max(21).default(18),
    /** Date the student was informed that rights will transfer. */
    studentInformedOn: ZPlanDate,
    statement: ZPlanText,
  })
  .meta({
    title: "Transfer of rights",
    description: "Statement that rights transfer at the age of majority",
    citation: "34 CFR 300.320(c); 300.520",
  });
export type TransferOfRights = z.infer<typeof ZTransferOfRights>;

/** A named part of the plan the parent does not consent to (partial consent). */
export const ZConsentExclusion = z.object({
  section: ZPlanLabel.meta({ example: "services" }),
  itemId: ZPlanItemId.nullable().default(null),
  description: ZPlanText,
  /** The district finds this part necessary for a free appropriate public education (California: 56346(f)). */
  neededForFape: z.boolean().nullable().optional(),
  /** The day the district filed for due process over it (California: 56346(f)). */
  dueProcessFiledOn: ZIsoDate.nullable().optional(),
});
export type ConsentExclusion = z.infer<typeof ZConsentExclusion>;

/** The parent's answer to a proposed IEP (34 CFR 300.300(b)): all of it, all but named parts, or none. */
export const CONSENT_CHOICES = ["consent", "consent-except", "refuse"] as const;

export const ZIepConsent = z
  .object({
    choice: z.enum(CONSENT_CHOICES).nullable().default(null),
    /** With "consent-except": the parts the parent does not consent to. */
    exclusions: z.array(ZConsentExclusion).default([]),
    date: ZPlanDate,
    /** Attendee id of the parent (or adult student) who gave or refused consent. */
    givenBy: ZPlanItemId.nullable().default(null),
    notes: ZPlanText,
    /**
     * Who recorded the decision, how and when: the parent in the app, signed in as themselves, or
     * staff entering a form the parent signed on paper (absent on decisions recorded before this was kept).
     */
    recorded: z
      .object({
        source: z.enum(CONSENT_SOURCES),
        byAccountId: z.string().max(64),
        byName: z.string().max(300),
        at: ZPlanTimestamp,
        /** Paper: the date written on the form. */
        paperDate: ZIsoDate.nullable(),
        signInMethod: z.string().max(40).nullable(),
      })
      .nullable()
      .optional()
      .meta({ citation: "34 CFR 300.9; 300.300(b)" }),
    /** A written revocation of consent to services: prior written notice comes before services stop (300.300(b)(4)). */
    revocation: z
      .object({
        receivedOn: ZIsoDate,
        priorWrittenNoticeOn: ZPlanDate,
        servicesEndOn: ZPlanDate,
      })
      .nullable()
      .optional()
      .meta({ citation: "34 CFR 300.300(b)(4)" }),
  })
  .meta({ description: "The parent's consent choice", citation: "34 CFR 300.300(b); 300.9" });
export type IepConsent = z.infer<typeof ZIepConsent>;

/** An amendment after the annual meeting (34 CFR 300.324(a)(4), (a)(6)). */
export const ZIepAmendment = z
  .object({
    /** Made at a team meeting, or by written document without one. */
    madeAtMeeting: z.boolean().nullable().default(null),
    /** Without a meeting: the date of the parent's written agreement (300.324(a)(4)(i)). */
    parentWrittenAgreementDate: ZPlanDate,
    description: ZPlanText,
    /** The team was informed of the changes (300.324(a)(4)(ii)). */
    teamInformedOn: ZPlanDate,
  })
  .meta({ description: "Amendment to the IEP", citation: "34 CFR 300.324(a)(4)" });
export type IepAmendment = z.infer<typeof ZIepAmendment>;

/** Why the initial evaluation's 60 days may run longer (34 CFR 300.301(d)–(e), 300.309(c); states may allow a parent's written extension). */
export const EVALUATION_EXTENSION_BASES = [
  "parent-written-agreement",
  "specific-learning-disability",
  "transfer",
  "child-not-produced",
] as const;

export const ZEvaluationExtension = z
  .object({
    extendedTo: ZIsoDate,
    basis: z.enum(EVALUATION_EXTENSION_BASES),
    agreedOn: ZPlanDate,
  })
  .meta({
    description: "A written extension of the initial evaluation timeline",
    citation: "34 CFR 300.301(d)-(e); 34 CFR 300.309(c)",
  });
export type EvaluationExtension = z.infer<typeof ZEvaluationExtension>;

export const ZIepDates = z
  .object({
    /** The day the referral (or the parent's request for an evaluation) reached the district. */
    referral: ZPlanDate.meta({ citation: "Cal. Ed. Code 56321(a); 34 CFR 300.301(b)" }),
    /** The day the proposed assessment plan went to the parent (California: within 15 days of referral). */
    assessmentPlanSentOn: ZPlanDate.meta({ citation: "Cal. Ed. Code 56321(a); 56043(a)" }),
    evaluationExtension: ZEvaluationExtension.nullable().default(null),
    initialConsentToEvaluate: ZPlanDate,
    eligibilityDetermination: ZPlanDate,
    initialConsentToServices: ZPlanDate,
    planStart: ZPlanDate,
    planEnd: ZPlanDate,
    nextAnnualReview: ZPlanDate,
    lastEvaluation: ZPlanDate,
    nextReevaluation: ZPlanDate,
  })
  .meta({ description: "Key dates", citation: "34 CFR 300.301; 300.303; 300.323; 300.324(b)" });

/** An evaluation or reevaluation done (34 CFR 300.303). */
export const ZEvaluationRecord = z
  .object({
    date: ZIsoDate,
    kind: z.enum(["initial", "reevaluation"]).default("reevaluation"),
    /** Parent and district agreed to this reevaluation within a year of the last one (300.303(b)(1)). */
    agreedWithinAYear: z.boolean().default(false),
  })
  .meta({ description: "An evaluation done", citation: "34 CFR 300.303" });

/** An agreement that a reevaluation is unnecessary: covers that reevaluation only; the 3-year clock restarts from it. */
export const ZReevaluationWaiver = z
  .object({ agreedOn: ZIsoDate, notes: ZPlanText })
  .meta({ description: "Parent and district agreed a reevaluation is unnecessary", citation: "34 CFR 300.303(b)(2)" });

/** How the IEP ended (34 CFR 300.305(e), 300.102(a)(3)). */
export const ZIepExit = z
  .object({
    date: ZIsoDate,
    reason: z.enum([
      "graduated-regular-diploma",
      "graduated-certificate",
      "exceeded-age",
      "no-longer-eligible",
      "consent-revoked",
      "moved-away",
      "other",
    ]),
    /**
     * The reevaluation before ending eligibility (300.305(e)(1)); not needed after a regular diploma
     * or ageing out (e)(2). A certificate of completion or a GED is not a regular diploma
     * (300.102(a)(3)(ii)), so leaving with one still needs it.
     */
    reevaluationOn: ZPlanDate,
    /** Summary of academic achievement and functional performance, for a diploma or ageing out (300.305(e)(3)). */
    summaryOfPerformanceOn: ZPlanDate,
    /** Prior written notice of the exit (a regular diploma is a change in placement: 300.102(a)(3)(iii), 300.503). */
    priorWrittenNoticeOn: ZPlanDate,
  })
  .meta({ description: "How special education ended", citation: "34 CFR 300.305(e); 34 CFR 300.102(a)(3)" });
export type IepExit = z.infer<typeof ZIepExit>;
export type IepDates = z.infer<typeof ZIepDates>;

export const ZIepDocument = z
  .object({
    type: z.literal("iep"),
    schemaVersion: z.literal(1).default(1),
    student: ZPlanStudent.prefault({}),
    primaryDisability: ZPlanDisabilityCategory.nullable()
      .default(null)
      .meta({ description: "Primary IDEA disability category", citation: "34 CFR 300.8(c)" }),
    secondaryDisabilities: z
      .array(ZPlanDisabilityCategory)
      .default([])
      .meta({ description: "Other IDEA disability categories", citation: "34 CFR 300.8(c)" }),
    meeting: ZPlanMeeting.prefault({}),
    dates: ZIepDates.prefault({}),
    evaluationHistory: z
      .array(ZEvaluationRecord)
      .default([])
      .meta({ description: "Evaluations and reevaluations done", citation: "34 CFR 300.303" }),
    reevaluationWaivers: z
      .array(ZReevaluationWaiver)
      .default([])
      .meta({ description: "Agreements that a reevaluation is unnecessary", citation: "34 CFR 300.303(b)(2)" }),
    presentLevels: ZPresentLevels.prefault({}),
    goals: z
      .array(ZAnnualGoal)
      .default([])
      .meta({ description: "Measurable annual goals", citation: "34 CFR 300.320(a)(2)" }),
    progressReporting: ZProgressReporting.prefault({}),
    services: z.array(ZIepService).default([]).meta({
      description: "Special education, related services and supplementary aids",
      citation: "34 CFR 300.320(a)(4), (a)(7)",
    }),
    programModifications: z.array(ZProgramModification).default([]).meta({
      description: "Program modifications and supports for school personnel",
      citation: "34 CFR 300.320(a)(4)",
    }),
    placement: ZPlacement.prefault({}),
    accommodations: z.array(ZIepAccommodation).default([]).meta({
      description: "Accommodations: instructional, testing, environmental, behavioral",
      citation: "34 CFR 300.320(a)(4), (a)(6)",
    }),
    assessments: z
      .array(ZAssessmentParticipation)
      .default([])
      .meta({ description: "Participation in state and district assessments", citation: "34 CFR 300.320(a)(6)" }),
    specialFactors: ZSpecialFactors.prefault({}),
    extendedSchoolYear: ZExtendedSchoolYear.prefault({}),
    /** Null when the team has not written one (required from the first IEP in effect at 16). */
    transition: ZTransitionPlan.nullable()
      .default(null)
      .meta({ description: "Transition plan (null until written)", citation: "34 CFR 300.320(b)" }),
    transferOfRights: ZTransferOfRights.nullable().default(null).meta({
      description: "Transfer-of-rights statement (null until written)",
      citation: "34 CFR 300.320(c); 300.520",
    }),
    amendment: ZIepAmendment.nullable()
      .default(null)
      .meta({ description: "Amendment recorded on an amending version", citation: "34 CFR 300.324(a)(4)" }),
    attendees: z
      .array(ZPlanAttendee)
      .default([])
      .meta({ description: "Team members, attendance and excusals", citation: "34 CFR 300.321" }),
    signatures: z
      .array(ZPlanSignature)
      .default([])
      .meta({ description: "Signatures", citation: "34 CFR 300.321; 300.9" }),
    consent: ZIepConsent.prefault({}),
    priorWrittenNotice: ZPriorWrittenNotice.nullable()
      .default(null)
      .meta({ description: "Prior written notice of the proposal or refusal", citation: "34 CFR 300.503" }),
    safeguardsNotice: ZSafeguardsNotice.prefault({}),
    disciplineRemovals: z
      .array(ZDisciplineRemoval)
      .default([])
      .meta({ description: "Removals for discipline", citation: "34 CFR 300.530-300.536" }),
    exit: ZIepExit.nullable().default(null).meta({
      description: "How special education ended (null while it continues)",
      citation: "34 CFR 300.305(e); 34 CFR 300.102(a)(3)",
    }),
  })
  .meta({
    title: "Individualized education program (IEP)",
    description:
      "An IEP document: every element of 34 CFR 300.320, with the meeting, team, signatures, consent and notices",
    citation: "34 CFR 300.320–300.324",
  });
export type IepDocument = z.infer<typeof ZIepDocument>;
export type IepDocumentInput = z.input<typeof ZIepDocument>;
