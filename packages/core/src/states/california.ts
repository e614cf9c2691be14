/**
 * California (Education Code and Title 5 of the California Code of Regulations).
 *
 * Certainty follows the legal fact sheet: 56026(c)(4), 56302.1/56344(a) and 56321 are checked;
 * speech as special education (56333, 5 CCR 3051.1), 56441.11, 56343.5, 56345, 56346, 56329 and
 * 56504 come from secondary summaries; 56341.5 is not in the fact sheet at all (unchecked).
 */
import { FEDERAL_RULES } from "./federal.ts";
import type { StateRules } from "./state-rules.ts";

export const CALIFORNIA_RULES: StateRules = {
  ...FEDERAL_RULES,
  code: "CA",
  name: "California",
  relatedServicesAsSpecialEducation: {
    value: ["speech-language-pathology"],
    citation: "Cal. Ed. Code 56333; 5 CCR 3051.1; 34 CFR 300.39(a)(2)(i)",
    certainty: "secondary",
    note: "In California a speech or language disorder is a basis for eligibility, and speech-language services can be the student's special education: a speech-only IEP is lawful.",
  },
  developmentalDelayAges: {
    value: null,
    citation: "Cal. Ed. Code 56441.11",
    certainty: "secondary",
    note: "California does not use developmental delay for special education from age 3: preschool children qualify under the other categories or as having an established medical disability.",
  },
  partBEnd: {
    value: { lastAge: 21, continuesIfBirthdayIn: { fromMonth: 1, toMonth: 6, until: "06-30" } },
    citation: "Cal. Ed. Code 56026(c)(4)",
    certainty: "checked",
    note: "In California special education continues through age 21; a student who turns 22 between January and June may finish that school year (to June 30). A regular diploma ends it; a certificate of completion does not.",
  },
  transitionAge: {
    value: 16,
    citation: "Cal. Ed. Code 56345; 34 CFR 300.320(b)",
    certainty: "secondary",
  },
  ageOfMajority: { value: 18, citation: "Cal. Ed. Code 56345; 34 CFR 300.520", certainty: "secondary" },
  evaluation: {
    assessmentPlan: {
      value: { days: 15, unit: "calendar" },
      citation: "Cal. Ed. Code 56321(a); 56043(a)",
      certainty: "checked",
      note: "Days between school sessions and school vacations of more than five school days are not counted, unless the parent agrees in writing to an extension.",
    },
    parentConsentPeriod: {
      value: { days: 15, unit: "calendar" },
      citation: "Cal. Ed. Code 56321(c)(4); 56043(b)",
      certainty: "checked",
    },
    initialEvaluation: {
      value: { days: 60, unit: "calendar" },
      citation: "Cal. Ed. Code 56302.1; 56344(a)",
      certainty: "checked",
      note: "Days between school sessions and school vacations of more than five school days are not counted; the clock restarts when school reconvenes.",
    },
    iepWithinEvaluationClock: {
      value: true,
      citation: "Cal. Ed. Code 56344(a)",
      certainty: "checked",
      note: "The eligibility decision and the IEP itself are due within the 60 days.",
    },
    parentMayExtendInWriting: {
      value: true,
      citation: "Cal. Ed. Code 56302.1; 56344(a)",
      certainty: "checked",
      note: "The parent may agree in writing to extend the timeline.",
    },
    skipsLongBreaks: { value: true, citation: "Cal. Ed. Code 56321(a); 56344(a)", certainty: "checked" },
    assessmentPlanEndOfYear: {
      value: { referralDaysBeforeEnd: 10, dueDaysIntoNextYear: 10 },
      citation: "Cal. Ed. Code 56321(a)",
      certainty: "checked",
    },
    evaluationEndOfYear: {
      value: { referralDaysBeforeEnd: 30, dueDaysIntoNextYear: 30 },
      citation: "Cal. Ed. Code 56344(a)",
      certainty: "checked",
      note: "Older sources say 20 days; the fact sheet records 30.",
    },
  },
  iepMeetingOnRequest: {
    value: { days: 30, unit: "calendar" },
    citation: "Cal. Ed. Code 56343.5",
    certainty: "secondary",
    note: "An IEP meeting within 30 days of the parent's written request.",
  },
  recordsAccess: {
    value: { days: 5, unit: "business" },
    citation: "Cal. Ed. Code 56504",
    certainty: "secondary",
    note: "Copies of the records within 5 business days of a request, at no more than the cost of copying.",
  },
  independentEvaluation: {
    value: true,
    citation: "34 CFR 300.502; Cal. Ed. Code 56329(b)-(c)",
    certainty: "secondary",
  },
  refusedComponentRequiresDueProcess: {
    value: true,
    citation: "Cal. Ed. Code 56346(f)",
    certainty: "secondary",
    note: "If the parent does not consent to a part of the IEP that the district finds necessary for a free appropriate public education, the district must file for due process.",
  },
  parentParticipation: {
    value: true,
    citation: "34 CFR 300.322; 34 CFR 300.328; Cal. Ed. Code 56341.5",
    // 56341.5 is not in the legal fact sheet.
    certainty: "unchecked",
  },
};
