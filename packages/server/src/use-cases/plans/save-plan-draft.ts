/**
 * Autosave a draft with optimistic concurrency: the client sends the revision it edited. When
 * someone saved in between, nothing is overwritten: a 409 carries the current content and
 * revision so the client can merge and save again.
 */
import { DomainError, type SaveDraftResult } from "@lantern/core";
import { auditAs, inTransaction, type UseCaseDeps } from "../deps.ts";
import { type PlanActor, parsePlanContent } from "./plan-support.ts";

export type SavePlanDraftInput = {
  studentId: string;
  planId: string;
  revision: number;
  content: unknown;
  actor: PlanActor;
};

export async function savePlanDraft(deps: UseCaseDeps, input: SavePlanDraftInput): Promise<SaveDraftResult> {
  return inTransaction(deps, async (tx) => {
    const { plans } = tx.repos;
    const audit = auditAs(tx.audit, input.actor);
    const plan = await plans.findPlan(input.studentId, input.planId);
    const version = await plans.currentVersion(plan);
    if (version.status !== "draft") {
      throw new DomainError(
        version.sealedAt ? "sealed" : "invalid-transition",
        version.sealedAt
          ? "This version is signed and sealed: amend the plan to change it"
          : `Only a draft can be edited; this version is ${version.status}`,
        { details: { status: version.status } },
      );
    }
    const content = parsePlanContent(plan.type, input.content);
    // The snapshot of who the plan is for is kept from the record, not from the client.
    const kept = { ...content, student: { ...content.student, studentId: plan.studentId } } as typeof content;
    const saved = await plans.replaceContent({
      versionId: version.id,
      revision: input.revision,
      content: kept,
      personId: input.actor.personId,
      statuses: ["draft"],
    });
    if (!saved) {
      const current = await plans.findVersion(plan.id, version.id);
      throw new DomainError(
        "conflict",
        `Someone else saved this draft (now at revision ${current.revision}; you edited revision ${input.revision}). Compare and merge, then save again.`,
        {
          details: {
            versionId: current.id,
            revision: current.revision,
            updatedAt: current.updatedAt,
            updatedBy: current.updatedBy,
            content: current.content,
          },
        },
      );
    }
    await audit({
      action: "plan.draft-saved",
      studentId: plan.studentId,
      subject: `plan:${plan.id}`,
      details: { planId: plan.id, versionId: version.id, revision: saved.revision },
    });
    return { versionId: version.id, ...saved };
  });
}
