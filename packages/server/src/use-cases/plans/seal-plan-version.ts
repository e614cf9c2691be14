/**
 * Seal a proposed version once every required signature and the consent are present: it moves to
 * "signed" (34 CFR 300.300(b); 300.9), the SHA-256 of its canonical JSON is computed by core and
 * stored with sealed_at. From then on the database refuses any change to its content.
 */
import { DomainError, type ErrorIssue, PLAN_SEALING_CITATION, sealingProblems } from "@lantern/core";
import type { PlanRecord } from "../../repositories/plans-repository.ts";
import { auditAs, inTransaction, todayFor, type UseCaseDeps } from "../deps.ts";
import { type PlanActor, refreshPlanStatus } from "./plan-support.ts";

/** Seal the version inside the caller's transaction when nothing is missing. */
export async function sealIfComplete(
  tx: UseCaseDeps,
  actor: PlanActor,
  plan: PlanRecord,
  versionId: string,
  today: string,
): Promise<{ sealed: boolean; sha256: string | null; problems: ErrorIssue[] }> {
  const version = await tx.repos.plans.findVersion(plan.id, versionId, { forUpdate: true });
  const problems = sealingProblems(version.status, version.content, today);
  if (problems.length > 0) return { sealed: false, sha256: null, problems };
  const seal = await tx.repos.plans.seal(version.id, actor.personId, tx.clock.now());
  await refreshPlanStatus(tx.repos, plan.id);
  await auditAs(
    tx.audit,
    actor,
  )({
    action: "plan.sealed",
    studentId: plan.studentId,
    subject: `plan:${plan.id}`,
    details: { planId: plan.id, versionId: version.id, sha256: seal.sha256, citation: PLAN_SEALING_CITATION },
  });
  return { sealed: true, sha256: seal.sha256, problems: [] };
}

export async function sealPlanVersion(
  deps: UseCaseDeps,
  input: { studentId: string; planId: string; actor: PlanActor },
): Promise<{ sha256: string }> {
  return inTransaction(deps, async (tx) => {
    const plan = await tx.repos.plans.findPlan(input.studentId, input.planId, { forUpdate: true });
    const version = await tx.repos.plans.currentVersion(plan);
    if (version.sealedAt) throw new DomainError("sealed", "This version is already sealed");
    const result = await sealIfComplete(tx, input.actor, plan, version.id, await todayFor(tx, plan.districtId));
    if (!result.sealed || !result.sha256) {
      const first = result.problems[0];
      throw new DomainError("invalid-transition", first ? first.message : "The plan cannot be sealed yet", {
        issues: result.problems,
      });
    }
    return { sha256: result.sha256 };
  });
}
