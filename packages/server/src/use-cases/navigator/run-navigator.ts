/**
 * The navigator for anyone, before any record exists: facts in, the recommendation with its cited
 * trace, a plain-language comparison, next steps, the letters for them and whose rules were used
 * out. Nothing is stored. (The letters themselves: write-letter.ts.)
 */
import {
  explainResult,
  type NavigatorFacts,
  type NavigatorLanguage,
  type NavigatorReport,
  navigate,
} from "@lantern/core";
import type { UseCaseDeps } from "../deps.ts";

/** The report, written in `language` (English unless asked): the decision is the same in every language. */
export async function runNavigator(
  _deps: UseCaseDeps,
  facts: NavigatorFacts,
  language: NavigatorLanguage = "en",
): Promise<NavigatorReport> {
  return explainResult(navigate(facts, language), facts, language);
}
