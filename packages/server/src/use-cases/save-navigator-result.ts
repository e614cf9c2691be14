/**
 * Save an eligibility navigator result to a student's record. The result is computed here from
 * the facts (never taken from the client), stored with the facts, and the save is audited.
 */
import { type AuditLog, type NavigatorFacts, navigate, type SavedNavigatorResult } from "@lantern/core";
import type { NavigatorResultsRepository } from "../repositories/navigator-results-repository.ts";

export async function saveNavigatorResult(
  deps: { results: NavigatorResultsRepository; audit: AuditLog },
  input: { studentId: string; personId: string; facts: NavigatorFacts; requestId: string },
): Promise<SavedNavigatorResult> {
  const result = navigate(input.facts);
  const saved = await deps.results.insert({
    studentId: input.studentId,
    savedBy: input.personId,
    facts: input.facts,
    result,
  });
  await deps.audit.append({
    action: "navigator.result-saved",
    personId: input.personId,
    studentId: input.studentId,
    subject: `navigator-result:${saved.id}`,
    details: { resultId: saved.id, recommendation: result.recommendation, likely: result.likely },
    requestId: input.requestId,
  });
  return saved;
}
