/**
 * A parent consents to part of an IEP and records disagreement with the rest. The parts agreed to
 * should be carried out (California: at once, Ed. Code 56346(e)); for the parts refused, the parent
 * asks for prior written notice (34 CFR 300.503). In California, if the district finds a refused
 * part necessary for a free appropriate public education, it must file for due process
 * (56346(f), from the state table); during a hearing the child stays put (300.518).
 */
import { z } from "zod";
import { ZIsoDate } from "../shared/dates.ts";
import { stateRules } from "../states/state-table.ts";
import { formatLetterDate, type Letter, letterFrame, studentWords, ZLetterParties } from "./letter.ts";

export const ZPartialConsentLetterInput = ZLetterParties.extend({
  /** The date of the IEP (optional). */
  iepDate: ZIsoDate.optional(),
  /** The parts the parent does not consent to, in the parent's words. */
  disagreedParts: z.string().trim().min(1).max(2000),
  /** The parent's reasons (optional). */
  reasons: z.string().trim().min(1).max(2000).optional(),
});
export type PartialConsentLetterInput = z.infer<typeof ZPartialConsentLetterInput>;

export function buildPartialConsentDisagreementLetter(input: PartialConsentLetterInput): Letter {
  const { studentName, schoolName } = input;
  const rules = stateRules(input.state);
  const iep = input.iepDate ? `the IEP dated ${formatLetterDate(input.iepDate)}` : "the proposed IEP";
  const paragraphs = [
    `I am the parent of ${studentWords(input)}, who attends ${schoolName}. I consent to ${iep} except for the following parts, to which I do not consent: ${input.disagreedParts}`,
  ];
  if (input.reasons) paragraphs.push(`My reasons: ${input.reasons}`);
  if (input.concerns) paragraphs.push(input.concerns);
  const refusal = rules.refusedComponentRequiresDueProcess;
  paragraphs.push(
    rules.code === "CA"
      ? "Please carry out the parts I consented to without delay (Cal. Ed. Code 56346(e)), and keep this letter with the IEP."
      : "Please carry out the parts I consented to, and keep this letter with the IEP (34 CFR 300.300(b); 34 CFR 300.9).",
    refusal.value
      ? `I understand that if the district believes a part I did not consent to is necessary for a free appropriate public education, it must file for a due process hearing (${refusal.citation}). While a hearing is pending, my child stays in the current placement (34 CFR 300.518).`
      : "If we cannot agree, I may ask for mediation or a due process hearing; while a hearing is pending, my child stays in the current placement (34 CFR 300.518).",
  );
  const citations = ["34 CFR 300.300(b)", "34 CFR 300.9", "34 CFR 300.503", "34 CFR 300.518"];
  if (rules.code === "CA") citations.push("Cal. Ed. Code 56346(e)");
  if (refusal.value) citations.push(refusal.citation);
  return letterFrame(input, {
    subject: `Partial consent to ${studentName}'s IEP, and the parts I disagree with`,
    paragraphs,
    requests: [
      "written confirmation of the parts of the IEP that will be carried out, and when they start;",
      "prior written notice explaining the school's position on the parts I did not consent to (34 CFR 300.503);",
      "a copy of the procedural safeguards notice, including how to ask for mediation or a hearing (34 CFR 300.504).",
    ],
    citations,
  });
}
