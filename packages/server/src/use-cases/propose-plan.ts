/**
 * Propose a draft to the family (with prior written notice, 34 CFR 300.503), or take a proposal
 * back to draft to revise it. The rules and their citations are core's plan lifecycle.
 */
import { transitionPlan } from "@lantern/core";
import { inPlanTransaction, type PlanActor, type PlanDeps, refreshPlanStatus } from "./plan-support.ts";

export async function proposePlan(
  deps: PlanDeps,
  input: { studentId: string; planId: string; action?: "propose" | "return-to-draft"; actor: PlanActor },
): Promise<{ status: string; citation: string }> {
  const action = input.action ?? "propose";
  return inPlanTransaction(deps, input.actor, async ({ plans, audit }) => {
    const plan = await plans.findPlan(input.studentId, input.planId, { forUpdate: true });
    const version = await plans.currentVersion(plan, { forUpdate: true });
    const { to, citation } = transitionPlan(version.status, action, {
      document: version.content,
      on: deps.clock.today(),
    });
    await plans.setVersionStatus(version.id, to, input.actor.personId);
    await refreshPlanStatus(plans, plan.id);
    await audit({
      action: action === "propose" ? "plan.proposed" : "plan.draft-saved",
      studentId: plan.studentId,
      subject: `plan:${plan.id}`,
      details: { planId: plan.id, versionId: version.id, from: version.status, to, citation },
    });
    return { status: to, citation };
  });
}
