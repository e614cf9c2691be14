/**
 * Propose a draft to the family (with prior written notice, 34 CFR 300.503), or take a proposal
 * back to draft to revise it. The rules and their citations are core's plan lifecycle.
 */
import { transitionPlan } from "@lantern/core";
import { auditAs, inTransaction, todayFor, type UseCaseDeps } from "../deps.ts";
import { planWaitsForFamily } from "../inbox/plan-events.ts";
import { type PlanActor, refreshPlanStatus } from "./plan-support.ts";

export async function proposePlan(
  deps: UseCaseDeps,
  input: { studentId: string; planId: string; action?: "propose" | "return-to-draft"; actor: PlanActor },
): Promise<{ status: string; citation: string }> {
  const action = input.action ?? "propose";
  return inTransaction(deps, async (tx) => {
    const { plans } = tx.repos;
    const audit = auditAs(tx.audit, input.actor);
    const plan = await plans.findPlan(input.studentId, input.planId, { forUpdate: true });
    const version = await plans.currentVersion(plan, { forUpdate: true });
    const { to, citation } = transitionPlan(version.status, action, {
      document: version.content,
      on: await todayFor(tx, plan.districtId),
    });
    await plans.setVersionStatus(version.id, to, input.actor.personId);
    await refreshPlanStatus(tx.repos, plan.id);
    await audit({
      action: action === "propose" ? "plan.proposed" : "plan.draft-saved",
      studentId: plan.studentId,
      subject: `plan:${plan.id}`,
      details: { planId: plan.id, versionId: version.id, from: version.status, to, citation },
    });
    if (action === "propose" && to === "proposed") await planWaitsForFamily(tx, plan);
    return { status: to, citation };
  });
}
