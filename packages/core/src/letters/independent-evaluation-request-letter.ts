/**
 * A parent who disagrees with the school's evaluation asks for an independent educational
 * evaluation at public expense (34 CFR 300.502(b); California Ed. Code 56329(b)–(c)): the school
 * must, without unnecessary delay, either pay for it or file for a hearing to show its own
 * evaluation is appropriate, and give the parent its criteria and where an evaluation can be had.
 */
import { z } from "zod";
import { ZIsoDate } from "../shared/dates.ts";
import { stateRules } from "../states/state-table.ts";
import { formatLetterDate, type Letter, letterFrame, studentWords, ZLetterParties } from "./letter.ts";

export const ZIndependentEvaluationLetterInput = ZLetterParties.extend({
  /** Which of the school's evaluations the parent disagrees with, e.g. "the psychoeducational assessment". */
  evaluationDescription: z.string().trim().min(1).max(300).optional(),
  evaluationDate: ZIsoDate.optional(),
});
export type IndependentEvaluationLetterInput = z.infer<typeof ZIndependentEvaluationLetterInput>;

export function buildIndependentEvaluationRequestLetter(input: IndependentEvaluationLetterInput): Letter {
  const { studentName, schoolName } = input;
  const rules = stateRules(input.state);
  const which = input.evaluationDescription ?? "the school's evaluation";
  const when = input.evaluationDate ? ` dated ${formatLetterDate(input.evaluationDate)}` : "";
  const paragraphs = [
    `I am the parent of ${studentWords(input)}, who attends ${schoolName}. I disagree with ${which}${when}, and I request an independent educational evaluation of ${studentName} at public expense (${rules.independentEvaluation.citation}).`,
  ];
  if (input.concerns) paragraphs.push(input.concerns);
  paragraphs.push(
    "I understand that the district must, without unnecessary delay, either make sure the independent evaluation is provided at public expense or file for a due process hearing to show that its evaluation is appropriate, and that the district must consider the results of the independent evaluation (34 CFR 300.502(b)(2), (c)).",
  );
  return letterFrame(input, {
    subject: `Request for an independent educational evaluation for ${studentName}`,
    paragraphs,
    requests: [
      "the district's criteria for independent evaluations and information about where one can be obtained (34 CFR 300.502(a)(2));",
      "the district's answer in writing: that it will pay for the evaluation, or that it has filed for a hearing;",
      "written confirmation of the date this request was received.",
    ],
    citations: ["34 CFR 300.502", rules.independentEvaluation.citation],
  });
}
