/**
 * End a plan (exit from services, replaced, or no longer needed: 34 CFR 300.324(b), 300.305(e)),
 * set aside an unused draft, or record the parent's written revocation of consent (300.300(b)(4)).
 * The reason is kept on the plan; no version is deleted.
 */
import { DomainError, type EndPlanBody, transitionPlan } from "@lantern/core";
import { auditAs, inTransaction, todayFor, type UseCaseDeps } from "../deps.ts";
import { type PlanActor, refreshPlanStatus } from "./plan-support.ts";

export async function endPlan(
  deps: UseCaseDeps,
  input: { studentId: string; planId: string; end: EndPlanBody; actor: PlanActor },
): Promise<{ status: string }> {
  return inTransaction(deps, async (tx) => {
    const { plans } = tx.repos;
    const audit = auditAs(tx.audit, input.actor);
    const plan = await plans.findPlan(input.studentId, input.planId, { forUpdate: true });
    const today = await todayFor(tx, plan.districtId);
    const current = await plans.currentVersion(plan, { forUpdate: true });
    // Ending or revoking applies to the version in effect; discarding to the draft being written.
    const target =
      input.end.action === "discard" || !plan.inEffectVersionId
        ? current
        : await plans.findVersion(plan.id, plan.inEffectVersionId, { forUpdate: true });
    const { to, citation } = transitionPlan(target.status, input.end.action, {
      document: target.content,
      on: today,
      reason: input.end.reason,
      revokedOn: input.end.revokedOn,
    });
    await plans.setVersionStatus(target.id, to, input.actor.personId);
    const planEnds = input.end.action !== "discard" || !plan.inEffectVersionId;
    if (input.end.action === "discard" && plan.inEffectVersionId && target.parentVersionId) {
      // A discarded amendment draft: the version in effect stays the plan's current version.
      await plans.updatePlan(plan.id, { current_version_id: target.parentVersionId });
    } else if (target.id !== current.id && current.status === "draft") {
      throw new DomainError("invalid-transition", "Discard the draft amendment before ending the plan");
    }
    if (planEnds) {
      await plans.updatePlan(plan.id, {
        in_effect_version_id: null,
        ended_on: input.end.revokedOn ?? today,
        ended_reason: input.end.reason,
        ended_citation: citation,
      });
    }
    await refreshPlanStatus(tx.repos, plan.id);
    await audit({
      action: "plan.ended",
      studentId: plan.studentId,
      subject: `plan:${plan.id}`,
      details: { planId: plan.id, versionId: target.id, action: input.end.action, citation },
    });
    return { status: planEnds ? "ended" : "in-effect" };
  });
}
