/**
 * The navigator for anyone, before any record exists: facts in, the recommendation with its cited
 * trace, a plain-language comparison and next steps out; and the parent's evaluation-request
 * letter as a PDF. Nothing is stored.
 */
import {
  buildEvaluationRequestLetter,
  type EvaluationLetterInput,
  explainResult,
  type NavigatorFacts,
  type NavigatorReport,
  navigate,
} from "@lantern/core";
import { renderEvaluationLetterPdf } from "../../pdf/evaluation-letter-pdf.ts";
import type { UseCaseDeps } from "../deps.ts";

export async function runNavigator(_deps: UseCaseDeps, facts: NavigatorFacts): Promise<NavigatorReport> {
  return explainResult(navigate(facts));
}

export async function printEvaluationLetter(_deps: UseCaseDeps, input: EvaluationLetterInput): Promise<Buffer> {
  return renderEvaluationLetterPdf(buildEvaluationRequestLetter(input));
}
