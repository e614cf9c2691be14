/**
 * A signed version takes effect (34 CFR 300.323). The version it amends is kept as it was and
 * marked amended; last year's version is marked ended. When an IEP takes effect, the student's
 * Section 504 plan in effect ends, with the reason recorded (34 CFR 104.33(b)(2)).
 */
import { end504ForIep, type Section504Document, transitionPlan } from "@lantern/core";
import { auditAs, inTransaction, todayFor, type UseCaseDeps } from "../deps.ts";
import { type PlanActor, refreshPlanStatus } from "./plan-support.ts";

export async function putPlanInEffect(
  deps: UseCaseDeps,
  input: { studentId: string; planId: string; actor: PlanActor },
): Promise<{ status: "in-effect"; ended504PlanIds: string[] }> {
  return inTransaction(deps, async (tx) => {
    const { plans } = tx.repos;
    const audit = auditAs(tx.audit, input.actor);
    const plan = await plans.findPlan(input.studentId, input.planId, { forUpdate: true });
    const today = await todayFor(tx, plan.districtId);
    const version = await plans.currentVersion(plan, { forUpdate: true });
    const { citation } = transitionPlan(version.status, "take-effect", { document: version.content, on: today });
    await plans.setVersionStatus(version.id, "in-effect", input.actor.personId);

    // The version this one replaces: an amendment's parent is "amended", an earlier year's plan "ended".
    if (plan.inEffectVersionId && plan.inEffectVersionId !== version.id) {
      const isAmendment = version.content.type === "iep" && version.content.amendment !== null;
      await plans.setVersionStatus(plan.inEffectVersionId, isAmendment ? "amended" : "ended", input.actor.personId);
    }
    const start = version.content.dates.planStart ?? today;
    const end = version.content.type === "iep" ? version.content.dates.planEnd : version.content.dates.reviewDate;
    await plans.updatePlan(plan.id, {
      in_effect_version_id: version.id,
      effective_from: start,
      effective_to: end,
      ended_on: null,
      ended_reason: null,
      ended_citation: null,
    });
    await refreshPlanStatus(tx.repos, plan.id);
    await audit({
      action: "plan.put-in-effect",
      studentId: plan.studentId,
      subject: `plan:${plan.id}`,
      details: { planId: plan.id, versionId: version.id, effectiveFrom: start, citation },
    });

    const ended504PlanIds: string[] = [];
    if (plan.type === "iep") {
      for (const other of await plans.listForStudent(plan.studentId)) {
        if (other.type !== "section-504" || !other.inEffectVersionId) continue;
        const v504 = await plans.findVersion(other.id, other.inEffectVersionId, { forUpdate: true });
        if (v504.status !== "in-effect") continue;
        const ending = end504ForIep(v504.content as Section504Document, start);
        const step = transitionPlan("in-effect", "end", {
          document: v504.content,
          on: today,
          reason: ending.reason,
        });
        // The sealed 504 content is not touched: the end and its reason are recorded on the plan.
        await plans.setVersionStatus(v504.id, step.to, input.actor.personId);
        await plans.updatePlan(other.id, {
          in_effect_version_id: null,
          effective_to: start,
          ended_on: start,
          ended_reason: ending.reason,
          ended_citation: ending.citation,
        });
        await refreshPlanStatus(tx.repos, other.id);
        await audit({
          action: "plan.ended",
          studentId: plan.studentId,
          subject: `plan:${other.id}`,
          details: {
            planId: other.id,
            versionId: v504.id,
            reason: "iep-took-effect",
            iepPlanId: plan.id,
            citation: ending.citation,
          },
        });
        ended504PlanIds.push(other.id);
      }
    }
    return { status: "in-effect" as const, ended504PlanIds };
  });
}
