/**
 * A parent asks the school for an initial evaluation. It cites the parent's right to ask
 * (34 CFR 300.301(b)) and Section 504's evaluation before placement (104.35(a)), asks for the
 * assessment plan and consent form (300.300(a), 300.503) and the procedural safeguards notice
 * (300.504(a)(1)), and states the state's timelines from the state table: in California the
 * 15-day assessment plan with its break and end-of-year rules (Ed. Code 56321(a)), the parent's
 * 15 days (56321(c)(4)) and the IEP within 60 days of consent, breaks not counted, with its own
 * end-of-year rule (56302.1, 56344(a)); elsewhere the federal 60 days (300.301(c)).
 */
import type { z } from "zod";
import { IDEA_CATEGORIES, type IdeaCategory, ZNavigatorFacts } from "../eligibility/navigator-facts.ts";
import { type StateRules, stateRules } from "../states/state-table.ts";
import { dayCountWords, type Letter, letterFrame, studentWords, ZLetterParties } from "./letter.ts";

export const ZEvaluationLetterInput = ZLetterParties.extend({
  facts: ZNavigatorFacts,
});
export type EvaluationLetterInput = z.infer<typeof ZEvaluationLetterInput>;
export type EvaluationLetterInputRaw = z.input<typeof ZEvaluationLetterInput>;

/** The evaluation-request letter: one `Letter` among the others. */
export type EvaluationLetter = Letter;

const CATEGORY_WORDS: Record<IdeaCategory, string> = Object.fromEntries(
  IDEA_CATEGORIES.map((c) => [c, c.replaceAll("-", " ")]),
) as Record<IdeaCategory, string>;

/** The state's evaluation timelines, as sentences for the parent's letter, with their citations. */
export function evaluationTimelineSentences(rules: StateRules): { sentences: string[]; citations: string[] } {
  const e = rules.evaluation;
  const sentences: string[] = [];
  const citations: string[] = [];
  const plan = e.assessmentPlan.value;
  if (plan) {
    const breaks = e.skipsLongBreaks.value
      ? " (not counting days between school sessions or school vacations of more than five school days)"
      : "";
    const endOfYear = e.assessmentPlanEndOfYear.value;
    const late = endOfYear
      ? ` If this referral arrives within ${endOfYear.referralDaysBeforeEnd} days of the end of the regular school year, the plan is due within ${endOfYear.dueDaysIntoNextYear} days after the next school year begins.`
      : "";
    sentences.push(
      `I understand that the district must give me a proposed assessment plan within ${dayCountWords(plan)} of receiving this referral${breaks}, with a notice of my rights (${e.assessmentPlan.citation}).${late}`,
    );
    citations.push(e.assessmentPlan.citation);
  }
  const consentPeriod = e.parentConsentPeriod.value;
  if (consentPeriod) {
    sentences.push(
      `I have at least ${dayCountWords(consentPeriod)} to decide whether to consent (${e.parentConsentPeriod.citation}).`,
    );
    citations.push(e.parentConsentPeriod.citation);
  }
  const clock = e.initialEvaluation.value;
  if (e.iepWithinEvaluationClock.value) {
    const breaks = e.skipsLongBreaks.value
      ? ", not counting days between school sessions or school vacations of more than five school days"
      : "";
    const endOfYear = e.evaluationEndOfYear.value;
    const late = endOfYear
      ? ` If the referral comes ${endOfYear.referralDaysBeforeEnd} days or less before the end of the regular school year, the IEP is due within ${endOfYear.dueDaysIntoNextYear} days after the next school year begins.`
      : "";
    sentences.push(
      `The assessment, the decision on eligibility and the IEP itself must be completed within ${dayCountWords(clock)} of receiving my written consent${breaks} (${e.initialEvaluation.citation}); deciding eligibility alone does not meet this deadline.${late}`,
    );
    citations.push(e.initialEvaluation.citation, e.iepWithinEvaluationClock.citation);
  } else {
    sentences.push(
      `I understand that the evaluation must be completed within ${dayCountWords(clock)} of receiving my consent, or within the timeline set by our state (34 CFR 300.301(c)), and that an IEP meeting must follow within 30 days of a decision that my child is eligible (34 CFR 300.323(c)(1)).`,
    );
    citations.push("34 CFR 300.301(c)", "34 CFR 300.323(c)(1)");
  }
  sentences.push(
    "Section 504 sets no federal number of days, but the school should evaluate within a reasonable time once it has reason to believe a student needs services (OCR Parent and Educator Resource Guide to Section 504).",
  );
  return { sentences, citations };
}

/** Build the letter. Pure: the same input always gives the same words. */
export function buildEvaluationRequestLetter(input: EvaluationLetterInput): Letter {
  const { facts, studentName, schoolName } = input;
  const rules = stateRules(input.state);
  const suspected = facts.impairments.map((i) =>
    i.ideaCategory && i.ideaCategory !== "none" ? `${i.name} (possibly ${CATEGORY_WORDS[i.ideaCategory]})` : i.name,
  );
  const paragraphs: string[] = [
    `I am the parent of ${studentWords(input)}, who attends ${schoolName}. I am writing to request a full and individual initial evaluation of ${studentName} to find out whether ${studentName} has a disability and needs special education and related services under the Individuals with Disabilities Education Act (IDEA), or aids and services under Section 504 of the Rehabilitation Act. A parent may request an initial evaluation (34 CFR 300.301(b)), and Section 504 requires an evaluation before placement (34 CFR 104.35(a)).`,
  ];
  if (suspected.length > 0) paragraphs.push(`My concerns include: ${suspected.join("; ")}.`);
  if (input.concerns) paragraphs.push(input.concerns);
  paragraphs.push(
    "Please assess all areas related to the suspected disability, including, as appropriate, health, vision, hearing, social and emotional status, general intelligence, academic performance, communication and motor abilities (34 CFR 300.304(c)(4)).",
  );
  const timeline = evaluationTimelineSentences(rules);
  paragraphs.push(timeline.sentences.join(" "));
  return letterFrame(input, {
    subject: `Request for a special education and Section 504 evaluation for ${studentName}`,
    paragraphs,
    requests: [
      "the proposed assessment plan (evaluation plan) and the consent form, so that I can give my written consent (34 CFR 300.300(a); 34 CFR 300.503);",
      "a copy of the procedural safeguards notice, which is given when a parent requests an evaluation (34 CFR 300.504(a)(1));",
      "written confirmation of the date this request was received, and a copy of this letter placed in my child's educational record.",
    ],
    citations: [
      "34 CFR 300.301(b)",
      "34 CFR 104.35(a)",
      "34 CFR 300.304(c)(4)",
      ...timeline.citations,
      "34 CFR 300.300(a)",
      "34 CFR 300.503",
      "34 CFR 300.504(a)(1)",
    ],
  });
}
