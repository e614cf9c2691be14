/**
 * Federal defaults: the rules of 34 CFR Part 300 where a state has not been added to the table.
 * Any state not listed in `state-table.ts` gets these, and explanations say where the state's own
 * rule could change the answer.
 */
import type { StateRules } from "./state-rules.ts";

export const FEDERAL_RULES: StateRules = {
  code: "US",
  name: "federal rules",
  relatedServicesAsSpecialEducation: {
    value: [],
    citation: "34 CFR 300.8(a)(2); 34 CFR 300.39(a)(2)(i)",
    certainty: "checked",
    note: "Under federal rules a related service on its own (such as speech therapy) is not special education; a state may count it as special education.",
  },
  developmentalDelayAges: {
    value: { from: 3, to: 9 },
    citation: "34 CFR 300.8(b)",
    certainty: "checked",
    note: "A state may use developmental delay for ages 3 through 9, or a part of that range.",
  },
  partBEnd: {
    value: { lastAge: 21, continuesIfBirthdayIn: null },
    // 300.101(a) and 300.102(a)(3) are not in the legal fact sheet: unchecked there.
    citation: "34 CFR 300.101(a); 34 CFR 300.102(a)(3)(i)",
    certainty: "unchecked",
    note: "Special education under IDEA runs from 3 through 21 and ends with a regular high-school diploma; the state's own upper age may differ.",
  },
  transitionAge: { value: 16, citation: "34 CFR 300.320(b)", certainty: "checked" },
  ageOfMajority: { value: 18, citation: "34 CFR 300.320(c); 34 CFR 300.520", certainty: "secondary" },
  evaluation: {
    assessmentPlan: { value: null, citation: "34 CFR 300.301(c)", certainty: "checked" },
    parentConsentPeriod: { value: null, citation: "34 CFR 300.300(a)", certainty: "checked" },
    initialEvaluation: {
      value: { days: 60, unit: "calendar" },
      citation: "34 CFR 300.301(c)(1)",
      certainty: "checked",
    },
    iepWithinEvaluationClock: { value: false, citation: "34 CFR 300.323(c)(1)", certainty: "checked" },
    parentMayExtendInWriting: {
      value: false,
      // 300.309(c) is not in the legal fact sheet: unchecked there.
      citation: "34 CFR 300.301(c)-(e); 34 CFR 300.309(c)",
      certainty: "checked",
      note: "Federal rules allow no extension of the 60 days by agreement, except by mutual written agreement for a suspected specific learning disability, after a transfer when a completion date is agreed, or when the parent repeatedly does not make the child available.",
    },
    skipsLongBreaks: { value: false, citation: "34 CFR 300.301(c)(1); 34 CFR 300.11", certainty: "checked" },
    assessmentPlanEndOfYear: { value: null, citation: "34 CFR 300.301(c)", certainty: "checked" },
    evaluationEndOfYear: { value: null, citation: "34 CFR 300.301(c)", certainty: "checked" },
  },
  iepMeetingOnRequest: {
    value: null,
    citation: "34 CFR 300.324(b)(1)",
    certainty: "checked",
    note: "Federal rules set no number of days for a meeting a parent asks for; the IEP must be revised as needed, and the meeting held at a mutually agreed time.",
  },
  recordsAccess: {
    value: { days: 45, unit: "calendar" },
    citation: "34 CFR 300.613(a)",
    certainty: "secondary",
    note: "Without unnecessary delay, before any IEP meeting or hearing, and in no case more than 45 days after the request.",
  },
  independentEvaluation: { value: true, citation: "34 CFR 300.502", certainty: "secondary" },
  refusedComponentRequiresDueProcess: {
    value: false,
    citation: "34 CFR 300.300(b)(3)",
    certainty: "checked",
    note: "If a parent refuses consent to initial services, the school may not use due process to override it.",
  },
  parentParticipation: { value: true, citation: "34 CFR 300.322; 34 CFR 300.328", certainty: "checked" },
};
