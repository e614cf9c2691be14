/**
 * Record the parent's consent choice on a proposed IEP: consent, consent to all but named parts
 * (partial consent), or refusal (34 CFR 300.300(b); 300.9). A refusal ends the proposal
 * (300.300(b)(3)); a consent seals the version when the signatures are complete.
 *
 * Who may record it: in the app, only the parent (or adult student) themself, signed in and linked
 * to the student; staff who may change the plan enter a consent form the parent signed on paper,
 * and it is kept as entered from paper, by whom and when. Nobody else records a parent's decision.
 */
import { type ConsentBody, DomainError, type PlanDocument, transitionPlan } from "@lantern/core";
import type { PlanRecord } from "../../repositories/plans-repository.ts";
import { auditAs, inTransaction, todayFor, type UseCaseDeps } from "../deps.ts";
import { isOwnPlace, type PlanActor, refreshPlanStatus, updateOpenContent } from "./plan-support.ts";
import { sealIfComplete } from "./seal-plan-version.ts";

/** Inside a transaction: write the consent on the version, then end (refusal) or try to seal. */
export async function applyConsent(
  tx: UseCaseDeps,
  actor: PlanActor,
  plan: PlanRecord,
  versionId: string,
  consent: ConsentBody,
): Promise<{ sealed: boolean; sha256: string | null; ended: boolean }> {
  const { plans } = tx.repos;
  const audit = auditAs(tx.audit, actor);
  if (consent.source === "app" && actor.basis !== "guardian") {
    throw new DomainError(
      "forbidden",
      "Only the parent, signed in as themselves, records their consent decision in the app. Staff enter a consent form the parent signed on paper as a paper record.",
    );
  }
  if (consent.source === "paper" && actor.basis === "guardian") {
    throw new DomainError("forbidden", "A parent gives consent in the app; a paper form is entered by the school");
  }
  const version = await plans.findVersion(plan.id, versionId);
  if (version.content.type !== "iep") {
    throw new DomainError("invalid-input", "Consent is recorded on an IEP; a Section 504 plan is signed", {
      issues: [{ path: "/choice", message: "not an IEP" }],
    });
  }
  const attendee = version.content.attendees.find((a) => a.id === consent.attendeeId);
  if (!attendee || (attendee.role !== "parent" && attendee.role !== "student")) {
    throw new DomainError("invalid-input", "Consent is given by a parent (or an adult student) on the team", {
      issues: [{ path: "/attendeeId", message: "not a parent or student on the team" }],
    });
  }
  if (consent.source === "app" && !isOwnPlace(attendee, actor)) {
    throw new DomainError("forbidden", "You can give consent only for yourself");
  }
  const today = await todayFor(tx, plan.districtId);
  const recorded = {
    source: consent.source,
    byAccountId: actor.personId,
    byName: actor.name ?? "",
    at: tx.clock.now().toISOString(),
    paperDate: consent.source === "paper" ? (consent.paperDate ?? today) : null,
    signInMethod: actor.signInMethod ?? null,
  };
  await updateOpenContent(plans, version.id, plan.id, actor.personId, ["proposed"], (doc) => {
    if (doc.type !== "iep") return doc;
    return {
      ...doc,
      consent: {
        choice: consent.choice,
        exclusions: consent.choice === "consent-except" ? consent.exclusions : [],
        date: recorded.paperDate ?? today,
        givenBy: consent.attendeeId,
        notes: consent.notes,
        recorded,
      },
    } satisfies PlanDocument;
  });
  await audit({
    action: "plan.consent-recorded",
    studentId: plan.studentId,
    subject: `plan:${plan.id}`,
    details: {
      planId: plan.id,
      versionId: version.id,
      choice: consent.choice,
      exclusions: consent.exclusions.length,
      source: consent.source,
      citation: "34 CFR 300.300(b)",
    },
  });
  if (consent.choice === "refuse") {
    const fresh = await plans.findVersion(plan.id, version.id);
    const { to, citation } = transitionPlan("proposed", "refuse", { document: fresh.content, on: today });
    await plans.setVersionStatus(version.id, to, actor.personId);
    const ended = !plan.inEffectVersionId;
    if (ended) {
      await plans.updatePlan(plan.id, {
        ended_on: today,
        ended_reason: "The parent refused consent to the proposed plan",
        ended_citation: citation,
      });
    }
    await refreshPlanStatus(tx.repos, plan.id);
    await audit({
      action: "plan.ended",
      studentId: plan.studentId,
      subject: `plan:${plan.id}`,
      details: { planId: plan.id, versionId: version.id, action: "refuse", citation },
    });
    return { sealed: false, sha256: null, ended: true };
  }
  const seal = await sealIfComplete(tx, actor, plan, version.id, today);
  return { sealed: seal.sealed, sha256: seal.sha256, ended: false };
}

export async function recordConsent(
  deps: UseCaseDeps,
  input: { studentId: string; planId: string; consent: ConsentBody; actor: PlanActor },
): Promise<{ sealed: boolean; sha256: string | null; ended: boolean }> {
  return inTransaction(deps, async (tx) => {
    const plan = await tx.repos.plans.findPlan(input.studentId, input.planId, { forUpdate: true });
    const version = await tx.repos.plans.currentVersion(plan);
    return applyConsent(tx, input.actor, plan, version.id, input.consent);
  });
}
