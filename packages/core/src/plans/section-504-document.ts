/**
 * The Section 504 plan document (34 CFR 104.33–104.36): the impairments and the major life
 * activities they limit, the evaluation sources relied on, accommodations and related aids and
 * services each tied to a limitation, the review date, meeting, team, signatures and the
 * procedural-safeguards notice. Drafts validate; the checks decide completeness.
 */
import { z } from "zod";
import {
  ZDisciplineRemoval,
  ZPlanAttendee,
  ZPlanDate,
  ZPlanItemId,
  ZPlanLabel,
  ZPlanMeeting,
  ZPlanSignature,
  ZPlanStudent,
  ZPlanText,
  ZSafeguardsNotice,
} from "./plan-common.ts";

/** A major life activity (or major bodily function) the impairment substantially limits. */
export const ZSection504Limitation = z
  .object({
    id: ZPlanItemId,
    /** e.g. "learning", "concentrating", "reading", or "major-bodily-function:endocrine" (42 USC 12102(2)). */
    majorLifeActivity: ZPlanLabel.meta({ example: "concentrating" }),
    description: ZPlanText,
  })
  .meta({
    description: "A major life activity the impairment substantially limits",
    citation: "34 CFR 104.3(j)(2)(ii); 42 USC 12102(2)",
  });
export type Section504Limitation = z.infer<typeof ZSection504Limitation>;

export const ZSection504Impairment = z
  .object({
    id: ZPlanItemId,
    name: ZPlanLabel.meta({ example: "Type 1 diabetes" }),
    description: ZPlanText,
    episodicOrInRemission: z.boolean().default(false),
    /** Mitigating measures in use; ignored when deciding whether the limit is substantial (42 USC 12102(4)(E)). */
    mitigatingMeasures: z.array(ZPlanLabel).default([]),
    limitations: z.array(ZSection504Limitation).default([]),
  })
  .meta({ description: "A physical or mental impairment", citation: "34 CFR 104.3(j)" });
export type Section504Impairment = z.infer<typeof ZSection504Impairment>;

export const EVALUATION_SOURCE_KINDS = [
  "parent-input",
  "teacher-report",
  "student-input",
  "medical-information",
  "evaluation-report",
  "test-scores",
  "grades",
  "observation",
  "attendance-records",
  "discipline-records",
  "other",
] as const;

export const ZEvaluationSource = z
  .object({
    id: ZPlanItemId,
    kind: z.enum(EVALUATION_SOURCE_KINDS),
    description: ZPlanText,
    date: ZPlanDate,
  })
  .meta({ description: "An information source relied on", citation: "34 CFR 104.35(c)(1)" });
export type EvaluationSource = z.infer<typeof ZEvaluationSource>;

export const ZSection504Accommodation = z
  .object({
    id: ZPlanItemId,
    category: z.enum(["instructional", "testing", "environmental", "behavioral", "health"]),
    text: ZPlanText,
    providedBy: ZPlanLabel,
    when: ZPlanLabel,
    limitationIds: z.array(ZPlanItemId).default([]),
  })
  .meta({
    description: "An accommodation, tied to a limitation and naming who provides it",
    citation: "34 CFR 104.33(b)(1)",
  });
export type Section504Accommodation = z.infer<typeof ZSection504Accommodation>;

export const ZSection504AidOrService = z
  .object({
    id: ZPlanItemId,
    kind: z.enum(["related-aid", "related-service", "special-education"]),
    description: ZPlanText,
    providedBy: ZPlanLabel,
    frequency: ZPlanLabel.meta({ example: "Before lunch and as symptoms require, per the health plan" }),
    location: ZPlanLabel,
    limitationIds: z.array(ZPlanItemId).default([]),
  })
  .meta({ description: "A related aid or service", citation: "34 CFR 104.33(b)(1)" });
export type Section504AidOrService = z.infer<typeof ZSection504AidOrService>;

export const ZSection504Dates = z
  .object({
    consentToEvaluate: ZPlanDate,
    eligibilityDetermination: ZPlanDate,
    planStart: ZPlanDate,
    reviewDate: ZPlanDate.meta({ description: "Next review of the plan" }),
    nextReevaluation: ZPlanDate.meta({ citation: "34 CFR 104.35(d)" }),
    ended: ZPlanDate,
  })
  .meta({ description: "Key dates", citation: "34 CFR 104.35" });
export type Section504Dates = z.infer<typeof ZSection504Dates>;

export const ZSection504Document = z
  .object({
    type: z.literal("section-504"),
    schemaVersion: z.literal(1).default(1),
    student: ZPlanStudent.prefault({}),
    meeting: ZPlanMeeting.prefault({}),
    dates: ZSection504Dates.prefault({}),
    impairments: z.array(ZSection504Impairment).default([]).meta({
      description: "Impairments and the major life activities they substantially limit",
      citation: "34 CFR 104.3(j); 104.35(c)",
    }),
    evaluationSources: z
      .array(ZEvaluationSource)
      .default([])
      .meta({ description: "Evaluation sources relied on", citation: "34 CFR 104.35(c)" }),
    accommodations: z
      .array(ZSection504Accommodation)
      .default([])
      .meta({ description: "Accommodations", citation: "34 CFR 104.33(b)" }),
    aidsAndServices: z
      .array(ZSection504AidOrService)
      .default([])
      .meta({ description: "Related aids and services", citation: "34 CFR 104.33(b)" }),
    placement: ZPlanText.meta({ description: "Educational setting", citation: "34 CFR 104.34" }),
    attendees: z
      .array(ZPlanAttendee)
      .default([])
      .meta({ description: "The group of persons knowledgeable about the student", citation: "34 CFR 104.35(c)(3)" }),
    signatures: z.array(ZPlanSignature).default([]).meta({ description: "Signatures", citation: "34 CFR 104.36" }),
    safeguardsNotice: ZSafeguardsNotice.prefault({}).meta({ citation: "34 CFR 104.36" }),
    disciplineRemovals: z.array(ZDisciplineRemoval).default([]).meta({
      description: "Removals for discipline (more than 10 school days: a significant change in placement)",
      citation: "34 CFR 104.35(a)",
    }),
    /** When the plan ended and why (e.g. an IEP took effect: 104.33(b)(2)). */
    endReason: ZPlanText.meta({ description: "Why the plan ended", citation: "34 CFR 104.33(b)(2)" }),
  })
  .meta({
    title: "Section 504 plan",
    description:
      "A Section 504 plan: impairments, limitations, evaluation sources, accommodations and aids, team, signatures and safeguards",
    citation: "34 CFR 104.33–104.36",
  });
export type Section504Document = z.infer<typeof ZSection504Document>;
export type Section504DocumentInput = z.input<typeof ZSection504Document>;
