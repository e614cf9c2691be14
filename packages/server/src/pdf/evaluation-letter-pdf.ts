/**
 * The parent's evaluation-request letter as a tagged PDF: core's `buildEvaluationRequestLetter`
 * writes the words, `renderLetterPdf` prints them.
 */
import { type EvaluationLetter, letterKindTitle } from "@lantern/core";
import { renderLetterPdf } from "./letter-pdf.ts";

/** Render the letter to PDF bytes. */
export async function renderEvaluationLetterPdf(letter: EvaluationLetter): Promise<Buffer> {
  return renderLetterPdf(letter, { kind: letterKindTitle("evaluation-request", letter.language) });
}
