/**
 * The navigator for anyone, before any record exists: facts in, the recommendation with its cited
 * trace, a plain-language comparison, next steps, the letters for them and whose rules were used
 * out. Nothing is stored. (The letters themselves: write-letter.ts.)
 */
import { explainResult, type NavigatorFacts, type NavigatorReport, navigate } from "@lantern/core";
import type { UseCaseDeps } from "../deps.ts";

export async function runNavigator(_deps: UseCaseDeps, facts: NavigatorFacts): Promise<NavigatorReport> {
  return explainResult(navigate(facts), facts);
}
