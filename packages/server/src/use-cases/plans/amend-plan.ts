/**
 * Start a new version of a plan in effect: an amendment (34 CFR 300.324(a)(4), (a)(6)) or the
 * annual review (300.324(b)). The new version is a draft that points to its parent; the parent is
 * kept exactly as it was. An amendment made without a meeting needs the parent's written agreement.
 */
import {
  type AmendBody,
  checkPlanTransition,
  DomainError,
  type IepAmendment,
  type PlanDocument,
  ZIepAmendment,
} from "@lantern/core";
import { auditAs, inTransaction, todayFor, type UseCaseDeps } from "../deps.ts";
import { cloneDocument, type PlanActor, refreshPlanStatus } from "./plan-support.ts";

export async function amendPlan(
  deps: UseCaseDeps,
  input: { studentId: string; planId: string; amend: AmendBody; actor: PlanActor },
): Promise<{ versionId: string; number: number }> {
  return inTransaction(deps, async (tx) => {
    const { plans } = tx.repos;
    const audit = auditAs(tx.audit, input.actor);
    const plan = await plans.findPlan(input.studentId, input.planId, { forUpdate: true });
    const parent = await plans.currentVersion(plan);
    if (parent.status !== "in-effect") {
      throw new DomainError(
        "invalid-transition",
        parent.status === "draft" || parent.status === "proposed"
          ? "A new version is already being written for this plan"
          : `Only a plan in effect can be amended; this version is ${parent.status}`,
        { details: { status: parent.status } },
      );
    }
    const amendment: IepAmendment | null = input.amend.kind === "amendment" ? input.amend.amendment : null;
    if (input.amend.kind === "amendment" && parent.content.type === "iep") {
      const check = checkPlanTransition("in-effect", "amend", {
        document: parent.content,
        on: await todayFor(tx, plan.districtId),
        amendment: amendment ?? ZIepAmendment.parse({}),
      });
      if (!check.allowed) {
        const first = check.problems[0];
        // What the request left out (the agreement's date, a description) is bad input, named by
        // its field; anything else about the plan is a refused transition.
        const missingInput = check.problems.length > 0 && check.problems.every((p) => p.path.startsWith("/amendment/"));
        throw new DomainError(
          missingInput ? "invalid-input" : "invalid-transition",
          first ? `${first.message} (${first.citation})` : "Not allowed",
          {
            issues: check.problems.map(({ path, message }) => ({ path, message })),
            details: { citation: check.citation },
          },
        );
      }
    }
    const base = cloneDocument(parent.content);
    const cleared = {
      ...base,
      signatures: [],
      attendees: base.attendees.map((a) => ({ ...a, attendance: "invited" as const, excusal: null })),
      meeting: { ...base.meeting, notes: "", parentConcerns: "", notice: null, parentContactAttempts: [] },
    } as PlanDocument;
    let content: PlanDocument = cleared;
    if (cleared.type === "iep") {
      content = {
        ...cleared,
        amendment,
        consent: { choice: null, exclusions: [], date: null, givenBy: null, notes: "" },
        priorWrittenNotice: cleared.priorWrittenNotice ? { ...cleared.priorWrittenNotice, date: null } : null,
        meeting: { ...cleared.meeting, type: input.amend.kind === "annual-review" ? "annual" : "amendment" },
      };
    }
    const number = parent.number + 1;
    const versionId = await plans.insertVersion({
      planId: plan.id,
      number,
      parentVersionId: parent.id,
      content,
      createdBy: input.actor.personId,
    });
    await plans.updatePlan(plan.id, { current_version_id: versionId });
    await refreshPlanStatus(tx.repos, plan.id);
    await audit({
      action: "plan.amended",
      studentId: plan.studentId,
      subject: `plan:${plan.id}`,
      details: {
        planId: plan.id,
        versionId,
        parentVersionId: parent.id,
        kind: input.amend.kind,
        withoutMeeting: amendment?.madeAtMeeting === false,
        citation: input.amend.kind === "amendment" ? "34 CFR 300.324(a)(4)" : "34 CFR 300.324(b)",
      },
    });
    return { versionId, number };
  });
}
