/**
 * Start a plan for a student: version 1, a draft, from the student's record. An IEP for a student
 * with a Section 504 plan in effect can carry its accommodations over (34 CFR 104.33(b)(2)).
 */
import {
  carryOver504IntoIep,
  DomainError,
  type PlanDocument,
  type PlanType,
  type Section504Document,
  ZPlanDocument,
} from "@lantern/core";
import { auditAs, inTransaction, type UseCaseDeps } from "../deps.ts";
import { type PlanActor, parsePlanContent, studentSnapshot } from "./plan-support.ts";

export type CreatePlanInput = {
  studentId: string;
  type: PlanType;
  /** For an IEP: carry the accommodations of the student's 504 plan in effect into the draft. */
  carryOver504?: boolean | undefined;
  /** Starting content (the student snapshot is always taken from the record). */
  content?: unknown;
  actor: PlanActor;
};

export async function createPlan(
  deps: UseCaseDeps,
  input: CreatePlanInput,
): Promise<{ planId: string; versionId: string; carried: number }> {
  return inTransaction(deps, async (tx) => {
    const { plans } = tx.repos;
    const audit = auditAs(tx.audit, input.actor);
    const existing = await plans.listForStudent(input.studentId);
    const open = existing.find((p) => p.type === input.type && p.status !== "ended");
    if (open) {
      throw new DomainError(
        "conflict",
        `The student already has ${input.type === "iep" ? "an IEP" : "a Section 504 plan"} that has not ended: amend it or start its annual review`,
        { details: { planId: open.id } },
      );
    }
    const snap = await tx.repos.students.snapshotFacts(input.studentId);
    const student = studentSnapshot(snap);
    let doc: PlanDocument =
      input.content === undefined
        ? ZPlanDocument.parse({ type: input.type, student })
        : parsePlanContent(input.type, { ...(input.content as object), type: input.type });
    doc = { ...doc, student } as PlanDocument;
    let carried = 0;
    if (doc.type === "iep" && input.carryOver504) {
      const active504 = existing.find((p) => p.type === "section-504" && p.inEffectVersionId !== null);
      if (!active504?.inEffectVersionId) {
        throw new DomainError("invalid-input", "The student has no Section 504 plan in effect to carry over", {
          issues: [{ path: "/carryOver504", message: "no Section 504 plan in effect" }],
        });
      }
      const v = await plans.findVersion(active504.id, active504.inEffectVersionId);
      const result = carryOver504IntoIep(v.content as Section504Document, doc);
      doc = result.document;
      carried = result.carried.length;
    }
    const planId = await plans.insertPlan({
      studentId: input.studentId,
      districtId: snap.districtId,
      schoolId: snap.schoolId,
      type: input.type,
      createdBy: input.actor.personId,
    });
    const versionId = await plans.insertVersion({
      planId,
      number: 1,
      parentVersionId: null,
      content: doc,
      createdBy: input.actor.personId,
    });
    await plans.updatePlan(planId, { current_version_id: versionId, status: "draft" });
    await audit({
      action: "plan.created",
      studentId: input.studentId,
      subject: `plan:${planId}`,
      details: { planId, versionId, type: input.type, carriedFrom504: carried },
    });
    return { planId, versionId, carried };
  });
}
