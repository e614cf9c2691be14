/**
 * A parent asks for prior written notice of a refusal: when the school refuses to start or change
 * the identification, evaluation, placement or services of a child, it must say so in writing with
 * the seven contents of 34 CFR 300.503(b), in the parent's native language (300.503(c)).
 */
import { z } from "zod";
import { ZIsoDate } from "../shared/dates.ts";
import { formatLetterDate, type Letter, letterFrame, studentWords, ZLetterParties } from "./letter.ts";

export const ZPriorWrittenNoticeLetterInput = ZLetterParties.extend({
  /** What the parent asked for and the school refused, in the parent's words. */
  refusedRequest: z.string().trim().min(1).max(1000),
  /** When the parent asked (optional). */
  requestedOn: ZIsoDate.optional(),
});
export type PriorWrittenNoticeLetterInput = z.infer<typeof ZPriorWrittenNoticeLetterInput>;

export function buildPriorWrittenNoticeRequestLetter(input: PriorWrittenNoticeLetterInput): Letter {
  const { studentName, schoolName } = input;
  const when = input.requestedOn ? ` On ${formatLetterDate(input.requestedOn)}` : " Earlier";
  const paragraphs = [
    `I am the parent of ${studentWords(input)}, who attends ${schoolName}.${when}, I asked the school for the following: ${input.refusedRequest} The school has refused, or has not agreed.`,
  ];
  if (input.concerns) paragraphs.push(input.concerns);
  paragraphs.push(
    "When a school refuses to start or change a child's identification, evaluation, educational placement or services, it must give the parent prior written notice (34 CFR 300.503(a)(2)). I request that notice, in my native language (34 CFR 300.503(c)).",
  );
  return letterFrame(input, {
    subject: `Request for prior written notice of a refusal about ${studentName}`,
    paragraphs,
    requests: [
      "a description of what the school refuses to do (34 CFR 300.503(b)(1));",
      "why the school refuses (34 CFR 300.503(b)(2));",
      "each evaluation, assessment, record or report the school used to decide (34 CFR 300.503(b)(3));",
      "a statement of my procedural safeguards and how to get a copy of them (34 CFR 300.503(b)(4));",
      "sources I can contact for help understanding my rights (34 CFR 300.503(b)(5));",
      "the other options the school considered and why it rejected them (34 CFR 300.503(b)(6));",
      "any other factors relevant to the refusal (34 CFR 300.503(b)(7)).",
    ],
    citations: ["34 CFR 300.503(a)(2)", "34 CFR 300.503(b)", "34 CFR 300.503(c)"],
  });
}
