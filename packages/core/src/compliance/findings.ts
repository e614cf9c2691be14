/**
 * Finding codes and their rules: the stable contract of the compliance checks. Codes are never
 * renamed or reused; new ones may be added. Each rule names its default severity, citation, a
 * plain-language summary for staff, how to fix it, and a sentence for families.
 */
import { z } from "zod";
import { ZIsoDate } from "../shared/dates.ts";

export const SEVERITIES = ["error", "warning", "info"] as const;
export const ZSeverity = z.enum(SEVERITIES);
export type Severity = z.infer<typeof ZSeverity>;

type Rule = {
  severity: Severity;
  citation: string;
  /** What is wrong, for staff, in plain language. */
  summary: string;
  /** How to fix it. */
  fix: string;
  /** The same, for a family (no jargon). */
  guardian: string;
};

export const FINDING_RULES = {
  "iep.present-levels.missing": {
    severity: "error",
    citation: "34 CFR 300.320(a)(1)",
    summary: "The present levels of academic achievement and functional performance are missing.",
    fix: "Describe how the student is doing now, both academically and in daily functioning, using evaluation results and classroom data.",
    guardian: "The plan does not yet describe how your child is doing now in school work and everyday skills.",
  },
  "iep.present-levels.no-impact": {
    severity: "error",
    citation: "34 CFR 300.320(a)(1)(i)",
    summary:
      "The present levels do not say how the disability affects involvement and progress in the general curriculum.",
    fix: "Add a statement of how the disability affects the student's involvement and progress in the general education curriculum (for a preschool child: in appropriate activities).",
    guardian: "The plan does not yet explain how your child's disability affects learning in the regular classroom.",
  },
  "iep.strengths.missing": {
    severity: "warning",
    citation: "34 CFR 300.324(a)(1)(i)",
    summary: "No strengths are recorded.",
    fix: "Record the student's strengths; the team must consider them.",
    guardian: "The plan does not yet list your child's strengths.",
  },
  "iep.needs.missing": {
    severity: "error",
    citation: "34 CFR 300.320(a)(1), 300.324(a)(1)(iv)",
    summary: "No needs are recorded.",
    fix: "List each academic, developmental and functional need the goals, services and accommodations will address.",
    guardian: "The plan does not yet list what your child needs help with.",
  },
  "iep.goals.missing": {
    severity: "error",
    citation: "34 CFR 300.320(a)(2)(i)",
    summary: "There is no measurable annual goal.",
    fix: "Write at least one measurable annual goal for each area of need.",
    guardian: "The plan does not yet have yearly goals for your child.",
  },
  "iep.goal.not-measurable": {
    severity: "error",
    citation: "34 CFR 300.320(a)(2)(i)",
    summary: "A goal is not measurable.",
    fix: "Give the goal a baseline, a target with a criterion, how it will be measured and a date.",
    guardian: "One of the goals does not yet say clearly how progress will be measured.",
  },
  "iep.goal.objectives-missing": {
    severity: "error",
    citation: "34 CFR 300.320(a)(2)(ii)",
    summary: "The student takes an alternate assessment and a goal has no short-term objectives or benchmarks.",
    fix: "Add short-term objectives or benchmarks to the goal.",
    guardian: "One of the goals still needs smaller steps (benchmarks) on the way to the yearly goal.",
  },
  "iep.progress-reporting.missing": {
    severity: "error",
    citation: "34 CFR 300.320(a)(3)",
    summary: "The plan does not say how progress is measured or when progress reports are given.",
    fix: "Describe how progress toward the goals is measured and when reports go to the family (for example, with each report card).",
    guardian: "The plan does not yet say how and when you will get reports on your child's progress.",
  },
  "iep.services.missing": {
    severity: "error",
    citation: "34 CFR 300.320(a)(4)",
    summary: "There is no special education service.",
    fix: "Add the specially designed instruction the student will receive.",
    guardian: "The plan does not yet list the special teaching your child will get.",
  },
  "iep.service.incomplete": {
    severity: "error",
    citation: "34 CFR 300.320(a)(7)",
    summary: "A service lacks its start date, frequency, duration, location or provider.",
    fix: "Give each service a projected start date, how often, how long each time, where, and who provides it.",
    guardian: "One of the services does not yet say when it starts, how often, for how long or where.",
  },
  "iep.lre.explanation-missing": {
    severity: "error",
    citation: "34 CFR 300.320(a)(5)",
    summary: "Time outside general education is not explained.",
    fix: "Explain the extent, if any, to which the student will not take part with nondisabled peers in the regular class and activities, and why.",
    guardian: "The plan does not yet explain why your child spends time away from the regular classroom.",
  },
  "iep.assessment.missing": {
    severity: "error",
    citation: "34 CFR 300.320(a)(6)(i)",
    summary: "Participation in state and district assessments is not addressed.",
    fix: "For each state and district assessment, record how the student takes part and any testing accommodations.",
    guardian: "The plan does not yet say how your child will take state and district tests.",
  },
  "iep.assessment.alternate-unjustified": {
    severity: "error",
    citation: "34 CFR 300.320(a)(6)(ii)",
    summary:
      "An alternate assessment is chosen without saying why the regular one is not appropriate and why the alternate one is.",
    fix: "Explain why the student cannot take the regular assessment and why the alternate assessment is appropriate.",
    guardian: "The plan chooses a different state test for your child but does not yet explain why.",
  },
  "iep.special-factors.not-considered": {
    severity: "warning",
    citation: "34 CFR 300.324(a)(2)",
    summary: "A special factor has not been considered.",
    fix: "Record whether the team considered behavior, English language needs, Braille, communication needs and assistive technology, and what it decided.",
    guardian:
      "The team has not yet recorded that it considered one of the special factors (behavior, language, Braille, communication, technology).",
  },
  "iep.esy.not-addressed": {
    severity: "warning",
    citation: "34 CFR 300.106",
    summary: "There is no extended school year decision.",
    fix: "Record whether the student needs extended school year services, or the date by which the team will decide.",
    guardian:
      "The plan does not yet say whether your child needs services during school breaks (extended school year).",
  },
  "iep.transition.missing": {
    severity: "error",
    citation: "34 CFR 300.320(b)",
    summary: "The student is 16, or turns 16 while this IEP is in effect, and there is no transition plan.",
    fix: "Add measurable postsecondary goals (training or education, employment, and where appropriate independent living) based on transition assessments, and the transition services and courses of study to reach them.",
    guardian:
      "Your child is old enough to need a transition plan (goals for life after high school), and the plan does not yet have one.",
  },
  "iep.transfer-of-rights.missing": {
    severity: "error",
    citation: "34 CFR 300.320(c), 300.520",
    summary: "The student is within a year of the age of majority and the transfer-of-rights statement is missing.",
    fix: "State that the student has been told which rights will transfer at the age of majority, and when the student was told.",
    guardian:
      "Your child will soon reach the age when rights pass to them, and the plan does not yet say they were told.",
  },
  "team.role-missing": {
    severity: "error",
    citation: "34 CFR 300.321(a)",
    summary: "A required team member is neither present nor properly excused.",
    fix: "Invite the member, or record a written excusal that meets 300.321(e).",
    guardian: "Someone who must be on the team was not at the meeting and was not properly excused.",
  },
  "team.excusal-invalid": {
    severity: "error",
    citation: "34 CFR 300.321(e)",
    summary: "An excusal lacks the written agreement or consent, or the member's written input before the meeting.",
    fix: "Record the parent's written agreement (area not discussed) or written consent plus the member's written input given before the meeting (area discussed), and the school's agreement.",
    guardian:
      "A team member was excused from the meeting without everything the law requires (your written agreement, and their written input).",
  },
  "team.student-not-invited": {
    severity: "error",
    citation: "34 CFR 300.321(b)(1)",
    summary: "Transition is discussed and the student was not invited.",
    fix: "Invite the student to the meeting, and record the invitation.",
    guardian: "The meeting talks about your child's life after high school, and your child was not invited.",
  },
  "consent.initial-services-missing": {
    severity: "error",
    citation: "34 CFR 300.300(b)",
    summary: "An initial IEP is in effect without the parent's written consent to services.",
    fix: "Obtain the parent's written consent before providing services for the first time; without it, services may not start.",
    guardian: "Services should not start until you give written consent, and the plan does not show your consent.",
  },
  "signature.missing": {
    severity: "warning",
    citation: "34 CFR 300.321; district practice",
    summary: "A team member who attended has not signed.",
    fix: "Ask each member who attended to sign.",
    guardian: "Someone who attended the meeting has not signed yet.",
  },
  "notice.prior-written-missing": {
    severity: "error",
    citation: "34 CFR 300.503",
    summary: "The plan proposes or refuses an action without complete prior written notice.",
    fix: "Give the parent prior written notice with all seven contents of 300.503(b), in the parent's native language.",
    guardian: "The school has not yet given you the written notice that explains what it proposes and why.",
  },
  "notice.safeguards-overdue": {
    severity: "warning",
    citation: "34 CFR 300.504(a)",
    summary: "No procedural safeguards notice has been given in the current school year.",
    fix: "Give the parent a copy of the procedural safeguards notice and record the date.",
    guardian: "You have not yet received this school year's notice explaining your rights.",
  },
  "deadline.initial-evaluation": {
    severity: "error",
    citation: "34 CFR 300.301(c)(1); Cal. Ed. Code 56302.1, 56344(a)",
    summary: "The initial evaluation and eligibility decision are not done within 60 days of consent.",
    fix: "Complete the evaluation and hold the eligibility meeting, or record the parent's written extension.",
    guardian: "The evaluation of your child is late.",
  },
  "deadline.iep-after-eligibility": {
    severity: "error",
    citation: "34 CFR 300.323(c)(1)",
    summary: "No IEP meeting within 30 days of the eligibility determination.",
    fix: "Hold the meeting to develop the IEP.",
    guardian: "The meeting to write your child's first IEP is late.",
  },
  "deadline.annual-review": {
    severity: "error",
    citation: "34 CFR 300.324(b)(1)(i)",
    summary: "The IEP has not been reviewed within a year.",
    fix: "Hold the annual review meeting.",
    guardian: "The yearly review of your child's IEP is late.",
  },
  "deadline.reevaluation": {
    severity: "error",
    citation: "34 CFR 300.303(b)(2)",
    summary: "No reevaluation within 3 years.",
    fix: "Reevaluate the student, or record that the parent and the school agreed a reevaluation is unnecessary.",
    guardian: "Your child's three-year reevaluation is late.",
  },
  "deadline.reevaluation-too-frequent": {
    severity: "warning",
    citation: "34 CFR 300.303(b)(1)",
    summary: "More than one reevaluation in a year without the parent's and school's agreement.",
    fix: "Record the parent's and the school's agreement, or wait a year after the last evaluation.",
    guardian: "Your child was reevaluated twice within a year without a recorded agreement from you.",
  },
  "deadline.progress-report": {
    severity: "warning",
    citation: "34 CFR 300.320(a)(3)(ii)",
    summary: "A progress report is past the schedule the plan states.",
    fix: "Send the progress report and record the date.",
    guardian: "A report on your child's progress is late.",
  },
  "section504.basis-missing": {
    severity: "error",
    citation: "34 CFR 104.35(c)",
    summary: "No impairment and limited major life activity are documented.",
    fix: "Record the impairment and the major life activity it substantially limits, with the information sources relied on.",
    guardian: "The plan does not yet say what your child's condition is and what it makes harder.",
  },
  "section504.impairment-without-activity": {
    severity: "error",
    citation: "34 CFR 104.3(j)(1); 42 USC 12102(1)–(2), applied to Section 504 by 29 USC 705(9)(B) and 705(20)(B)",
    summary:
      "An impairment is recorded without a major life activity it substantially limits: a disability under Section 504 is an impairment that substantially limits a major life activity.",
    fix: "Add the major life activity or major bodily function the impairment substantially limits (for example learning, concentrating, or the endocrine system), or remove the impairment.",
    guardian: "The plan names a condition your child has but not yet what it makes harder.",
  },
  "section504.accommodations-missing": {
    severity: "error",
    citation: "34 CFR 104.33(b)",
    summary: "There is no accommodation, aid or service.",
    fix: "Add the accommodations, related aids and services the student needs.",
    guardian: "The plan does not yet list any support for your child.",
  },
  "section504.reevaluation": {
    severity: "warning",
    citation: "34 CFR 104.35(d)",
    summary: "The periodic reevaluation is past the district's interval.",
    fix: "Reevaluate the student and review the plan.",
    guardian: "The regular review of your child's Section 504 plan is late.",
  },
  "quality.accommodation.boilerplate": {
    severity: "warning",
    citation: "34 CFR 104.33(b)(1), 300.320(a)(4) (individualized)",
    summary: "The accommodations are near-duplicates of many other students' in the school.",
    fix: "Review each accommodation against this student's own needs; keep, reword or remove it.",
    guardian: "Some supports in the plan read the same as in many other students' plans; ask how they fit your child.",
  },
  "quality.accommodation.vague": {
    severity: "warning",
    citation: "34 CFR 104.33(b)(1), 300.320(a)(4) (individualized)",
    summary: "An accommodation is vague: it does not say who, when or how much.",
    fix: "Replace words like 'as needed' with who provides it, when, and how much (for example, '1.5 times the standard time on tests over 15 minutes').",
    guardian: "One support is worded vaguely (like 'as needed'); ask who gives it, when and how much.",
  },
  "quality.accommodation.untied": {
    severity: "info",
    citation: "34 CFR 104.33(b)(1), 300.320(a)(4) (individualized)",
    summary: "An accommodation is tied to no documented need or limitation.",
    fix: "Link the accommodation to the need or limitation it addresses, or remove it.",
    guardian: "One support is not linked to a need the plan describes.",
  },
  "quality.need.unaddressed": {
    severity: "warning",
    citation: "34 CFR 300.320(a)(2), (a)(4)",
    summary: "A documented need has no goal, service or accommodation.",
    fix: "Address the need with a goal, a service or an accommodation, and link it.",
    guardian: "One of your child's needs does not yet have a goal, service or support.",
  },
  "quality.goal.unsupported": {
    severity: "warning",
    citation: "34 CFR 300.320(a)(4)",
    summary: "A goal has no service that works on it.",
    fix: "Link the goal to the service that works on it, or add one.",
    guardian: "One of the goals does not yet have a service to help your child reach it.",
  },
  "deadline.assessment-plan": {
    severity: "error",
    citation: "Cal. Ed. Code 56321(a); 56043(a)",
    summary: "The proposed assessment plan was not given to the parent within 15 days of the referral.",
    fix: "Give the parent the proposed assessment plan with the notice of rights, and record the date it was sent.",
    guardian: "The school's plan for testing your child (the assessment plan) is late.",
  },
  "meeting.notice-incomplete": {
    severity: "error",
    citation: "34 CFR 300.322(a)(1), (b)",
    summary: "The meeting notice is missing, was not sent early enough, or lacks required contents.",
    fix: "Send the parent a notice early enough to attend, with the purpose, time, location and who will attend, the right to bring others, and (for transition) that the student is invited.",
    guardian: "The school's notice of the meeting came too late or left out something it must tell you.",
  },
  "meeting.parent-participation": {
    severity: "error",
    citation: "34 CFR 300.322(a)-(d); 34 CFR 300.328",
    summary:
      "The parent's participation was not arranged as the law requires: a mutually agreed time, other ways to take part, and more than one documented attempt before meeting without the parent.",
    fix: "Agree the time and place with the parent, offer a phone or video call, and before meeting without the parent record more than one attempt (calls, letters, visits) and their results.",
    guardian:
      "The meeting was not arranged with you as the law requires (a time you agreed to, other ways to join, several tries to reach you).",
  },
  "team.interpreter-missing": {
    severity: "error",
    citation: "34 CFR 300.322(e)",
    summary: "The parent needs an interpreter and none took part in the meeting.",
    fix: "Arrange an interpreter for the parent at every meeting, and record that the interpreter attended.",
    guardian: "You needed an interpreter at the meeting and one was not there.",
  },
  "notice.language": {
    severity: "error",
    citation: "34 CFR 300.503(c); 34 CFR 300.322(e)",
    summary: "A notice was not given in the parent's native language.",
    fix: "Give the prior written notice and the meeting notice in the parent's native language (or, if it is not written, translate it orally and keep written evidence).",
    guardian: "A notice from the school was not in your language.",
  },
  "translation.notice-missing": {
    severity: "warning",
    citation: "34 CFR 300.503(c); 34 CFR 300.322(e)",
    summary:
      "The family reads Spanish, and parts of a notice the team wrote are only in English: the Spanish notice prints them in English.",
    fix: "Open each part named in the editor and add its Spanish translation beside the English (or arrange an oral translation and keep written evidence of it).",
    guardian: "Parts of a notice from the school are only in English.",
  },
  "translation.plan-missing": {
    severity: "warning",
    citation: "34 CFR 300.322(e)-(f); 34 CFR 300.503(c)",
    summary:
      "The family reads Spanish, and parts of the plan the team wrote are only in English: the family's Spanish copy shows them in English.",
    fix: "Add a Spanish translation beside each part named (present levels, goals, services, accommodations, placement), so the family's copy of the plan is in their language.",
    guardian: "Parts of your child's plan are only in English.",
  },
  "iep.transition.incomplete": {
    severity: "error",
    citation: "34 CFR 300.320(b); 34 CFR 300.321(b)(3)",
    summary:
      "The transition plan lacks the course of study, the transition assessments the goals are based on, or the invitation of an agency likely to provide or pay for services.",
    fix: "Add the courses of study, the age-appropriate transition assessments, and, with the parent's consent, invite any agency likely to provide or pay for transition services.",
    guardian:
      "The plan for life after high school is missing part of what it needs (courses, the assessments behind the goals, or outside agencies).",
  },
  "iep.amendment.team-not-informed": {
    severity: "error",
    citation: "34 CFR 300.324(a)(4)(ii)",
    summary: "The IEP was amended without a meeting and the team was not informed.",
    fix: "Inform the IEP team of the changes and record the date.",
    guardian: "The IEP was changed without a meeting, and the team has not been told about the change.",
  },
  "consent.refused-part-needed": {
    severity: "error",
    citation: "Cal. Ed. Code 56346(f)",
    summary:
      "The parent did not consent to a part of the IEP the district finds necessary for a free appropriate public education, and the district has not filed for due process.",
    fix: "File for a due process hearing on the refused part, or record that the district no longer finds it necessary.",
    guardian:
      "You did not agree to part of the IEP that the district says your child needs; in California the district must then ask for a hearing.",
  },
  "consent.revocation-notice-missing": {
    severity: "error",
    citation: "34 CFR 300.300(b)(4)",
    summary: "The parent revoked consent to services and prior written notice was not given before services stopped.",
    fix: "Give prior written notice of ending services, a reasonable time before they stop, and record its date.",
    guardian:
      "You withdrew consent to services, and the school has not given you the written notice it must give first.",
  },
  "exit.requirements-missing": {
    severity: "error",
    citation: "34 CFR 300.305(e); 34 CFR 300.102(a)(3)(iii)",
    summary:
      "Special education ended without what the exit requires: a reevaluation (not eligible any more), a summary of performance (diploma or age), or prior written notice (diploma).",
    fix: "Record the reevaluation, the summary of academic achievement and functional performance, and the prior written notice of the exit, as the reason requires.",
    guardian:
      "Special education ended without a step the law requires (a reevaluation, a summary of performance, or a written notice).",
  },
  "section504.evaluation-sources": {
    severity: "warning",
    citation: "34 CFR 104.35(c)(1)",
    summary: "The 504 decision does not draw on a variety of sources.",
    fix: "Record the sources the group relied on (for example parent input, teacher reports, grades, medical information, observations), more than one kind.",
    guardian: "The 504 decision does not show that the school looked at enough different kinds of information.",
  },
  "section504.placement-change-unevaluated": {
    severity: "error",
    citation: "34 CFR 104.35(a)",
    summary:
      "A significant change in placement (a removal of more than 10 school days) was made without evaluating the student first.",
    fix: "Evaluate the student (including whether the behavior is caused by the disability) before a removal of more than 10 school days, and record the date.",
    guardian: "Your child was removed from school for more than 10 days without the evaluation the law requires first.",
  },
  "plans.both-active": {
    severity: "warning",
    citation: "34 CFR 104.33(b)(2)",
    summary: "The student has an IEP and a Section 504 plan in effect at once.",
    fix: "Fold the Section 504 accommodations into the IEP and end the 504 plan; an IEP that is carried out meets Section 504.",
    guardian: "Your child has both an IEP and a 504 plan; the supports usually belong in the IEP alone.",
  },
} as const satisfies Record<string, Rule>;

export type FindingCode = keyof typeof FINDING_RULES;
export const FINDING_CODES = Object.keys(FINDING_RULES) as FindingCode[];
export const ZFindingCode = z.enum(FINDING_CODES as [FindingCode, ...FindingCode[]]);

export const ZFinding = z
  .object({
    code: ZFindingCode,
    severity: ZSeverity,
    citation: z.string(),
    /** What is wrong, in plain language, specific to this plan. */
    message: z.string(),
    /** JSON pointer into the plan document ("/goals/0/criterion"), so the editor can link to the place. */
    place: z.string(),
    /** How to fix it. */
    fix: z.string(),
    /** For deadline findings: the due date. */
    dueDate: ZIsoDate.optional(),
  })
  .meta({ description: "A compliance or quality finding on a plan" });
export type Finding = z.infer<typeof ZFinding>;

/** Build a finding from its code: default severity, citation and fix, plus a specific message and place. */
export function finding(
  code: FindingCode,
  place: string,
  message?: string,
  extra?: { severity?: Severity; citation?: string; dueDate?: string; fix?: string },
): Finding {
  const rule: Rule = FINDING_RULES[code];
  const out: Finding = {
    code,
    severity: extra?.severity ?? rule.severity,
    citation: extra?.citation ?? rule.citation,
    message: message ?? rule.summary,
    place,
    fix: extra?.fix ?? rule.fix,
  };
  if (extra?.dueDate) out.dueDate = extra.dueDate;
  return out;
}

/** How findings are ranked everywhere (checks, dashboards, CSV): errors, then warnings, then information. */
export const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** For `sort`: the more serious first. */
export function compareSeverity(a: Severity, b: Severity): number {
  return SEVERITY_ORDER[a] - SEVERITY_ORDER[b];
}

/** Errors first, then warnings, then information; in document order within a severity. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => compareSeverity(a.f.severity, b.f.severity) || a.i - b.i)
    .map(({ f }) => f);
}

/**
 * What the law's clock deadlines say when they are due soon rather than late: the same code
 * is then raised as a warning (see `deadlineFindingSeverity`), and "has not been reviewed
 * within a year" would be untrue.
 */
const DUE_SOON_SUMMARIES: Partial<Record<FindingCode, string>> = {
  "deadline.assessment-plan": "The proposed assessment plan is due to the parent soon (15 days from the referral).",
  "deadline.initial-evaluation": "The initial evaluation and eligibility decision are due soon (60 days from consent).",
  "deadline.iep-after-eligibility":
    "The meeting to develop the IEP is due soon (30 days from the eligibility determination).",
  "deadline.annual-review": "The annual review of the IEP is due soon.",
  "deadline.reevaluation": "The three-year reevaluation is due soon.",
};

/** One sentence for staff about a finding at the severity it was raised with. */
export function describeFinding(f: Pick<Finding, "code" | "severity">): string {
  const rule = FINDING_RULES[f.code];
  if (f.severity !== rule.severity) return DUE_SOON_SUMMARIES[f.code] ?? rule.summary;
  return rule.summary;
}

/** One plain-language sentence for a family about a finding. */
export function describeFindingForGuardian(f: Pick<Finding, "code">): string {
  return FINDING_RULES[f.code].guardian;
}
