/**
 * Plain-language explanations of a navigator result: what the other plan would and would not give
 * this student (contents, legal protections, team), and the next steps behind each action.
 * Every statement carries the citation it rests on (see the project's legal fact sheet).
 */
import { z } from "zod";
import { lettersForActions, ZLetterKind } from "../letters/letters.ts";
import { hasStateRules } from "../states/state-table.ts";
import {
  type NavigatorAction,
  type NavigatorResult,
  ZNavigatorAction,
  ZNavigatorResult,
  ZTraceEntry,
} from "./navigator-facts.ts";
import { NAVIGATOR_LANGUAGES, type NavigatorLanguage } from "./navigator-words.ts";
import { NOT_GIVEN_ES, PLAN_PROFILES_ES, STEP_TEXT_ES } from "./plan-comparison-es.ts";

export const ZPlanKind = z.enum(["iep", "section-504"]);
export type PlanKind = z.infer<typeof ZPlanKind>;

export const ZPlanPoint = z.object({ text: z.string(), citation: z.string() });
export type PlanPoint = z.infer<typeof ZPlanPoint>;

/** What a result can point to and be described: the two plans, and adult services (v2). */
export const ZProfileKind = z.enum(["iep", "section-504", "adult-services"]);
export type ProfileKind = z.infer<typeof ZProfileKind>;

export const ZPlanProfile = z.object({
  plan: ZProfileKind,
  title: z.string(),
  law: z.string(),
  contents: z.array(ZPlanPoint),
  protections: z.array(ZPlanPoint),
  team: z.array(ZPlanPoint),
});
export type PlanProfile = z.infer<typeof ZPlanProfile>;

export const PLAN_PROFILES: Record<ProfileKind, PlanProfile> = {
  iep: {
    plan: "iep",
    title: "Individualized Education Program (IEP)",
    law: "Individuals with Disabilities Education Act (IDEA), 34 CFR Part 300",
    contents: [
      {
        text: "Specially designed instruction: teaching adapted to the student in what is taught, how it is taught, or how it is delivered. The family pays nothing.",
        citation: "34 CFR 300.39",
      },
      {
        text: "Related services, when the student needs them to benefit from special education. Examples are speech-language therapy, occupational therapy, counseling or a ride to school.",
        citation: "34 CFR 300.34",
      },
      {
        text: "A written plan. It says how the student is doing now (present levels), sets yearly goals that can be measured, and gives the family regular progress reports.",
        citation: "34 CFR 300.320(a)(1)-(3)",
      },
      {
        text: "Accommodations and supplementary aids (supports in class and other settings). For every service: when it starts, how often, where and for how long.",
        citation: "34 CFR 300.320(a)(4), (a)(6), (a)(7)",
      },
      {
        text: "Transition planning for life after school, starting no later than the IEP in effect at age 16.",
        citation: "34 CFR 300.320(b)",
      },
    ],
    protections: [
      {
        text: "Your written consent (permission) before the first evaluation and before services begin.",
        citation: "34 CFR 300.300",
      },
      {
        text: "Prior written notice: a letter with the school's reasons whenever it proposes or refuses a change.",
        citation: "34 CFR 300.503",
      },
      {
        text: "A procedural safeguards notice (a paper that explains the family's rights), at least once a year.",
        citation: "34 CFR 300.504",
      },
      {
        text: "An evaluation within 60 days of your consent, or the state's own deadline. A new evaluation at least every 3 years. A review of the IEP at least once a year.",
        citation: "34 CFR 300.301(c); 34 CFR 300.303; 34 CFR 300.324(b)",
      },
      {
        text: "Ways to settle disagreements, with set deadlines: resolution meetings and due process hearings (formal hearings).",
        citation: "34 CFR 300.507-300.515",
      },
      {
        text: "Protections in discipline. Before a long removal, the school must check whether the behavior was caused by the disability, or directly and substantially related to it, or came from not following the IEP (a manifestation determination). Services continue.",
        citation: "34 CFR 300.530",
      },
    ],
    team: [
      {
        text: "A team the law requires. It includes the parents, a general education teacher, a special education teacher or provider, a school representative, someone who can explain the evaluation, and the student when appropriate.",
        citation: "34 CFR 300.321(a)",
      },
      {
        text: "Meetings scheduled at a time and place agreed with the parents, who take part in every decision.",
        citation: "34 CFR 300.322",
      },
    ],
  },
  "section-504": {
    plan: "section-504",
    title: "Section 504 plan",
    law: "Section 504 of the Rehabilitation Act, 34 CFR Part 104, read with the ADA Amendments Act",
    contents: [
      {
        text: "Regular or special education and related aids and services. They must meet the student's needs as well as other students' needs are met. Most often these are accommodations, such as extra time, breaks or access to medication.",
        citation: "34 CFR 104.33(b)(1)",
      },
      {
        text: "Free of charge, apart from fees every student pays.",
        citation: "34 CFR 104.33(c)",
      },
      {
        text: "Learning with students without disabilities as much as is appropriate.",
        citation: "34 CFR 104.34",
      },
    ],
    protections: [
      {
        text: "An evaluation before placement and before any significant change in placement, and a new evaluation from time to time. Federal rules set no number of days. The Office for Civil Rights expects the evaluation within a reasonable time. An unreasonable delay can break Section 504.",
        citation: "34 CFR 104.35(a), (d); OCR Parent and Educator Resource Guide to Section 504 (2016)",
      },
      {
        text: "Protections in discipline. Removing the student for more than 10 school days in a row is a significant change in placement. So is a pattern of removals that add up to more than 10 days. Before either, the school must reevaluate, including whether the disability caused the behavior.",
        citation: "34 CFR 104.35(a)",
      },
      {
        text: "Notice, a chance to see records, and an impartial (fair and neutral) hearing, with a lawyer if you wish. Then a way to have the decision reviewed.",
        citation: "34 CFR 104.36",
      },
      {
        text: "Protection from unfair treatment (discrimination) in every school program and activity.",
        citation: "34 CFR 104.4",
      },
    ],
    team: [
      {
        text: "A group of people who know the student, the evaluation data and the placement options; federal law does not list the members.",
        citation: "34 CFR 104.35(c)",
      },
    ],
  },
  // 104.44 and 29 USC 720-722 are not in the legal fact sheet (unchecked there); 300.305(e)(3) is marked unchecked.
  "adult-services": {
    plan: "adult-services",
    title: "Adult services: college, training and work",
    law: "Section 504 of the Rehabilitation Act (34 CFR Part 104, Subpart E), the Americans with Disabilities Act, and the Rehabilitation Act's vocational rehabilitation program",
    contents: [
      {
        text: "Colleges and training programs give academic adjustments and auxiliary aids (such as extra test time or note-takers) to a student who asks and shows a disability. Colleges and programs do not write an IEP or a 504 plan. They need not change what a program requires.",
        citation: "34 CFR 104.44",
      },
      {
        text: "The state's vocational rehabilitation agency (job help for people with disabilities) can help plan and pay for training and support at work.",
        citation: "29 USC 720-722",
      },
      {
        text: "A student who leaves special education by graduating or reaching the last age gets a summary of performance. It sums up school and everyday skills (academic achievement and functional performance), with advice for reaching goals after high school.",
        citation: "34 CFR 300.305(e)(3)",
      },
    ],
    protections: [
      {
        text: "Protection from unfair treatment (discrimination) in college, training programs and work.",
        citation: "34 CFR 104.4; 42 USC 12132",
      },
    ],
    team: [
      {
        text: "The student asks for help. At college, that is the disability services office. For work, it is the vocational rehabilitation counselor.",
        citation: "34 CFR 104.44",
      },
    ],
  },
};

/** What a 504 plan does not require compared with an IEP, and the reverse. */
const NOT_GIVEN: Record<PlanKind, PlanPoint[]> = {
  // Points an IEP has that a 504 plan would not give.
  "section-504": [
    {
      text: "No yearly goals that must be measured (measurable annual goals), and no required progress reports.",
      citation: "34 CFR 300.320(a)(2)-(3)",
    },
    {
      text: "No list of who must be on the team, and no federal form for the written plan.",
      citation: "34 CFR 104.35(c)",
    },
    {
      text: "No federal number of days for the evaluation or the plan. The Office for Civil Rights expects a reasonable time. Deadlines come from district policy.",
      citation: "34 CFR 104.35; OCR Parent and Educator Resource Guide to Section 504 (2016)",
    },
    {
      text: "No prior written notice with IDEA's seven required contents.",
      citation: "34 CFR 300.503",
    },
  ],
  // Points a 504 plan has that an IEP would not change: an IEP adds, it does not take away.
  iep: [
    {
      text: "An IEP replaces a 504 plan rather than adding to it: carrying out an IEP is one way to meet Section 504, so the accommodations move into the IEP.",
      citation: "34 CFR 104.33(b)(2)",
    },
  ],
};

/** The plans' profiles in each language the navigator writes (the Spanish: plan-comparison-es.ts). */
const PROFILES: Record<NavigatorLanguage, Record<ProfileKind, PlanProfile>> = {
  en: PLAN_PROFILES,
  es: {
    iep: { plan: "iep", ...PLAN_PROFILES_ES.iep },
    "section-504": { plan: "section-504", ...PLAN_PROFILES_ES["section-504"] },
    "adult-services": { plan: "adult-services", ...PLAN_PROFILES_ES["adult-services"] },
  },
};

const NOT_GIVEN_IN: Record<NavigatorLanguage, Record<PlanKind, PlanPoint[]>> = { en: NOT_GIVEN, es: NOT_GIVEN_ES };

export const ZPlanComparison = z.object({
  /** The plan the result points to (the recommendation, or the likely plan with `evaluate`). */
  plan: ZPlanKind.nullable(),
  /** (v2) What the plan pointed to gives (adult services included), so the result explains its own answer. */
  pointedProfile: ZPlanProfile.nullable(),
  /** The other plan, described for this student. */
  other: ZPlanKind.nullable(),
  otherProfile: ZPlanProfile.nullable(),
  /** What the other plan would give (from its profile). */
  otherWouldGive: z.array(ZPlanPoint),
  /** What the other plan would not give, compared with the plan pointed to. */
  otherWouldNotGive: z.array(ZPlanPoint),
  /** Why the facts do not point to the other plan: the rules not met or unknown, from the trace. */
  whyNotOther: z.array(ZTraceEntry),
});
export type PlanComparison = z.infer<typeof ZPlanComparison>;

function pointedPlan(result: NavigatorResult): PlanKind | null {
  const r = result.recommendation === "evaluate" ? result.likely : result.recommendation;
  return r === "iep" || r === "section-504" ? r : null;
}

function pointedProfile(result: NavigatorResult, language: NavigatorLanguage): PlanProfile | null {
  const r = result.recommendation === "evaluate" ? result.likely : result.recommendation;
  return r === "iep" || r === "section-504" || r === "adult-services" ? PROFILES[language][r] : null;
}

const IDEA_RULES = new Set([
  "idea-age-range",
  "idea-developmental-delay-age",
  "idea-category",
  "idea-adverse-effect",
  "idea-need-for-special-education",
  "idea-related-service-only",
  "idea-exclusion",
  "idea-child-find",
]);
const SECTION_504_RULES = new Set([
  "section-504-substantial-limitation",
  "section-504-record-or-regarded",
  "section-504-needs",
]);

/** What the other plan would and would not give this student, in `language` (default English). */
export function comparePlans(result: NavigatorResult, language: NavigatorLanguage = "en"): PlanComparison {
  const plan = pointedPlan(result);
  if (plan === null) {
    return {
      plan,
      pointedProfile: pointedProfile(result, language),
      other: null,
      otherProfile: null,
      otherWouldGive: [],
      otherWouldNotGive: [],
      whyNotOther: [],
    };
  }
  const other: PlanKind = plan === "iep" ? "section-504" : "iep";
  const profile = PROFILES[language][other];
  const rules = other === "iep" ? IDEA_RULES : SECTION_504_RULES;
  const whyNotOther =
    other === "iep"
      ? result.trace.filter((t) => rules.has(t.rule) && (t.outcome === "not-met" || t.outcome === "unknown"))
      : [];
  return {
    plan,
    pointedProfile: pointedProfile(result, language),
    other,
    otherProfile: profile,
    otherWouldGive: [...profile.contents, ...profile.protections, ...profile.team],
    otherWouldNotGive: NOT_GIVEN_IN[language][other],
    whyNotOther,
  };
}

export const ZNextStep = z.object({
  action: ZNavigatorAction,
  title: z.string(),
  text: z.string(),
  citation: z.string(),
});
export type NextStep = z.infer<typeof ZNextStep>;

const STEP_TEXT: Record<NavigatorAction, Omit<NextStep, "action">> = {
  "contact-early-intervention": {
    title: "Contact your state's early intervention program",
    text: "Children under 3 get help through early intervention (IDEA Part C). Ask your pediatrician or the program for an evaluation; it is free to families.",
    citation: "20 USC 1432(5); 34 CFR 303.21",
  },
  "plan-transition-at-3": {
    title: "Plan the move to school services at 3",
    text: "Before your child turns 3, ask the early intervention team to plan the transition to the school district's preschool special education.",
    citation: "34 CFR 300.101(a)",
  },
  "request-evaluation-in-writing": {
    title: "Ask the school for an evaluation, in writing",
    text: "A parent may ask for an initial evaluation. Put the request in writing and keep a dated copy; the letter below does this for you.",
    citation: "34 CFR 300.301(b)",
  },
  "ask-for-assessment-plan": {
    title: "Ask for the assessment plan and your rights notice",
    text: "The school must ask for your written consent before evaluating and give you the procedural safeguards notice when an evaluation is requested.",
    citation: "34 CFR 300.300(a); 34 CFR 300.504(a)(1)",
  },
  "follow-evaluation-timeline": {
    title: "Keep track of the evaluation deadline",
    text: "The evaluation must be finished within 60 days of your consent, or your state's timeline. Note the date you signed.",
    citation: "34 CFR 300.301(c)",
  },
  "ask-for-evaluation-report": {
    title: "Ask for the evaluation report",
    text: "You are part of the group that decides eligibility and get a copy of the evaluation report at no cost. The report should answer the open questions below.",
    citation: "34 CFR 300.306(a)",
  },
  "ask-for-iep-meeting": {
    title: "Ask for the IEP meeting",
    text: "Once the student is found to need special education, the IEP meeting must be held within 30 days, and services start as soon as possible after it.",
    citation: "34 CFR 300.323(c)",
  },
  "fold-504-into-iep": {
    title: "Move the 504 accommodations into the IEP",
    text: "An IEP also meets Section 504. Ask the team to carry every accommodation from the 504 plan into the IEP so nothing is lost.",
    citation: "34 CFR 104.33(b)(2)",
  },
  "ask-for-504-meeting": {
    title: "Ask for a Section 504 meeting",
    text: "Ask the school's 504 coordinator to call a meeting of the group that decides placement and writes down the accommodations.",
    citation: "34 CFR 104.35(c)",
  },
  "review-current-plan": {
    title: "Review the current plan",
    text: "The student already has this kind of plan. Check that it still matches the needs found here, and ask for a meeting if it does not.",
    citation: "34 CFR 300.324(b); 34 CFR 104.35(d)",
  },
  "ask-for-prior-written-notice": {
    title: "Ask for the decision in writing",
    text: "When the school decides the student is not eligible, or proposes to end or change special education, it must tell you in writing why, what it relied on and what other options it considered. You may disagree through a hearing.",
    citation: "34 CFR 300.503; 34 CFR 104.36",
  },
  "ask-again-if-needs-change": {
    title: "Ask again if things change",
    text: "A parent or teacher may ask for a reevaluation when the student's needs change.",
    citation: "34 CFR 300.303(a)",
  },
  "find-out-impairment": {
    title: "Find out whether there is a disability",
    text: "An evaluation looks at health, vision, hearing, emotions, thinking, school skills, communication and movement to find any disability.",
    citation: "34 CFR 300.304(c)(4)",
  },
  "find-out-idea-category": {
    title: "Find out which kind of disability the evaluation supports",
    text: "IDEA lists 13 categories (such as specific learning disability or other health impairment). The evaluation decides which, if any, fits.",
    citation: "34 CFR 300.8(c)",
  },
  "find-out-adverse-educational-effect": {
    title: "Find out whether the disability affects schoolwork",
    text: "Ask how the disability affects grades, skills, behavior or progress. Teachers' notes on what they see, and samples of work, help.",
    citation: "34 CFR 300.8(c)",
  },
  "find-out-needs-specialized-instruction": {
    title: "Find out whether the student needs specially designed instruction",
    text: "This question separates an IEP from a 504 plan. Does the student need teaching adapted in what is taught, how, or how it is delivered, not only accommodations?",
    citation: "34 CFR 300.8(a)(1); 34 CFR 300.39",
  },
  "find-out-substantial-limitation": {
    title: "Find out whether the condition substantially limits a major life activity",
    text: "Judge it as if the student had no medication or other supports. Ordinary eyeglasses and contact lenses are the one exception. For a condition that comes and goes, judge it when it is active.",
    citation: "42 USC 12102(4)",
  },
  "find-out-accommodations-needed": {
    title: "Find out what help the student needs at school",
    text: "List what would let the student take part fully: extra time, breaks, seating, access to medication, or any service.",
    citation: "34 CFR 104.33(b)(1)",
  },
  "find-out-date-of-birth": {
    title: "Check the date your child turned the last age the state serves",
    text: "In some states a student who turns 22 during part of the school year may finish that year. Give the birth date, or ask the district whether your child is still served.",
    citation: "Cal. Ed. Code 56026(c)(4)",
  },
  "reevaluate-before-exit": {
    title: "Ask for a reevaluation before special education ends or the category changes",
    text: "The school must reevaluate a student with an IEP before deciding the student no longer qualifies. It must also reevaluate before a category stops applying. Ask for it in writing.",
    citation: "34 CFR 300.305(e)(1); 34 CFR 300.303",
  },
  "know-stay-put-rights": {
    title: "Know your child's right to keep the current services during a disagreement",
    text: 'If you disagree and file for a hearing, your child generally stays in the current placement with the current IEP. This lasts until the disagreement is resolved ("stay-put").',
    citation: "34 CFR 300.518",
  },
  "consider-independent-evaluation": {
    title: "Consider an independent evaluation",
    text: "If you disagree with the school's evaluation, you may ask for an independent educational evaluation. Someone outside the school does it, at public expense. The school must pay for it or ask for a hearing.",
    citation: "34 CFR 300.502",
  },
  "ask-about-postsecondary-accommodations": {
    title: "Ask the college or training program about accommodations",
    text: "After high school there is no IEP or 504 plan. Contact the disability services office. Show papers that document the disability, and ask for the adjustments and aids you need.",
    citation: "34 CFR 104.44; 42 USC 12132",
  },
  "contact-vocational-rehabilitation": {
    title: "Contact the state's vocational rehabilitation agency",
    text: "It helps people with disabilities get ready for work, find work and keep it. In some cases it pays for training or college.",
    citation: "29 USC 720-722",
  },
  "request-summary-of-performance": {
    title: "Ask for the summary of performance",
    text: "Special education ends when the student graduates with a regular diploma or reaches the last age. Then the school gives a summary of school and everyday skills (academic and functional performance), with advice for the goals after school. Colleges and agencies often ask for it.",
    citation: "34 CFR 300.305(e)(3)",
  },
};

const STEPS_IN: Record<NavigatorLanguage, Record<NavigatorAction, Omit<NextStep, "action">>> = {
  en: STEP_TEXT,
  es: STEP_TEXT_ES,
};

/** The next steps for a result, in the order of its actions, in `language` (default English). */
export function nextSteps(result: NavigatorResult, language: NavigatorLanguage = "en"): NextStep[] {
  return result.actions.map((action) => ({ action, ...STEPS_IN[language][action] }));
}

/** The navigator result with its plain-language explanation: what `POST /api/navigator` returns. */
export const ZNavigatorReport = ZNavigatorResult.extend({
  comparison: ZPlanComparison,
  nextSteps: z.array(ZNextStep),
  /** The letters that carry out the next steps (none for early intervention or adult services). */
  letters: z.array(ZLetterKind),
  /** Whose rules were used: the state's own (from the state table) or the federal defaults. */
  rulesUsed: z.object({
    /** The state given, upper-cased, or null. */
    state: z.string().nullable(),
    /** True when the state table holds the state's own rules. */
    ownRules: z.boolean(),
  }),
});
export type NavigatorReport = z.infer<typeof ZNavigatorReport>;

/** `?lang=` of `POST /api/navigator`: the language the reasons, comparison and next steps are written in. */
export const ZNavigatorQuery = z.object({
  lang: z.enum(NAVIGATOR_LANGUAGES).default("en").meta({ description: "en (default) or es" }),
});

/**
 * A result with its explanation. Pass the result `navigate` wrote in the same `language`: the
 * reasons come from it, the comparison and next steps from here.
 */
export function explainResult(
  result: NavigatorResult,
  facts?: { state?: string | null | undefined },
  language: NavigatorLanguage = "en",
): NavigatorReport {
  return {
    ...result,
    comparison: comparePlans(result, language),
    nextSteps: nextSteps(result, language),
    letters: lettersForActions(result.actions),
    rulesUsed: {
      state: facts?.state ? facts.state.toUpperCase() : null,
      ownRules: hasStateRules(facts?.state ?? null),
    },
  };
}
