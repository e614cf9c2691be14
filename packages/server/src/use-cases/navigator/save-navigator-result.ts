/**
 * Save an eligibility navigator result to a student's record. The result is computed here from
 * the facts (never taken from the client), stored with the facts, and the save is audited in the
 * same transaction.
 */
import { type NavigatorFacts, navigate, type SavedNavigatorResult, type SavedNavigatorResults } from "@lantern/core";
import { type Actor, auditAs, inTransaction, type UseCaseDeps } from "../deps.ts";

export async function saveNavigatorResult(
  deps: UseCaseDeps,
  input: { studentId: string; facts: NavigatorFacts; actor: Actor },
): Promise<SavedNavigatorResult> {
  const result = navigate(input.facts);
  return inTransaction(deps, async (tx) => {
    const saved = await tx.repos.navigatorResults.insert({
      studentId: input.studentId,
      savedBy: input.actor.personId,
      facts: input.facts,
      result,
    });
    await auditAs(
      tx.audit,
      input.actor,
    )({
      action: "navigator.result-saved",
      studentId: input.studentId,
      subject: `navigator-result:${saved.id}`,
      details: { resultId: saved.id, recommendation: result.recommendation, likely: result.likely },
    });
    return saved;
  });
}

/** Results saved to a student's record, newest first. */
export async function listNavigatorResults(
  deps: UseCaseDeps,
  input: { studentId: string },
): Promise<SavedNavigatorResults> {
  return { items: await deps.repos.navigatorResults.listForStudent(input.studentId) };
}
