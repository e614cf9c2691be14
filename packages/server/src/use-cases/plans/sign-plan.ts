/**
 * A team member signs the proposed version in the app: typed or drawn, with the time and the
 * signer's account (34 CFR 300.321; 300.9). A parent may give the consent choice with the
 * signature. When the required signatures and consent are present, the version is sealed.
 */
import { DomainError, type PlanSignature, type SignBody } from "@lantern/core";
import { auditAs, inTransaction, todayFor, type UseCaseDeps } from "../deps.ts";
import { type PlanActor, updateOpenContent } from "./plan-support.ts";
import { applyConsent } from "./record-consent.ts";
import { sealIfComplete } from "./seal-plan-version.ts";

export async function signPlan(
  deps: UseCaseDeps,
  input: { studentId: string; planId: string; signature: SignBody; actor: PlanActor },
): Promise<{ signatureId: string; sealed: boolean; sha256: string | null }> {
  const sig = input.signature;
  if (sig.method === "drawn" && !sig.drawing) {
    throw new DomainError("invalid-input", "A drawn signature needs the drawing", {
      issues: [{ path: "/drawing", message: "Required for a drawn signature" }],
    });
  }
  return inTransaction(deps, async (tx) => {
    const { plans } = tx.repos;
    const plan = await plans.findPlan(input.studentId, input.planId, { forUpdate: true });
    const version = await plans.currentVersion(plan);
    if (version.sealedAt) throw new DomainError("sealed", "This version is already signed and sealed");
    if (version.status !== "proposed") {
      throw new DomainError("invalid-transition", `Only a proposed plan can be signed; this one is ${version.status}`);
    }
    const attendee = version.content.attendees.find((a) => a.id === sig.attendeeId);
    if (!attendee) {
      throw new DomainError("invalid-input", "The signer is not on the team", {
        issues: [{ path: "/attendeeId", message: "not a team member of this plan" }],
      });
    }
    if (attendee.accountId !== null && attendee.accountId !== input.actor.personId) {
      throw new DomainError("forbidden", "Each team member signs for themselves");
    }
    const family = attendee.role === "parent" || attendee.role === "student";
    if (input.actor.basis === "guardian" && !family) {
      throw new DomainError("forbidden", "A parent signs as the parent");
    }
    if (sig.consent && !family) {
      throw new DomainError("invalid-input", "Only a parent (or adult student) gives consent", {
        issues: [{ path: "/consent", message: "not a parent or student" }],
      });
    }
    const now = tx.clock.now();
    const signatureId = await plans.insertSignature({
      versionId: version.id,
      attendeeId: attendee.id,
      role: attendee.role,
      method: sig.method,
      signatureText: sig.typedName,
      drawing: sig.drawing,
      meaning: sig.meaning,
      signerPersonId: input.actor.personId,
      signedAt: now,
      consentChoice: sig.consent?.choice ?? null,
      consentExclusions: sig.consent?.exclusions ?? [],
    });
    if (!signatureId) throw new DomainError("conflict", "This team member has already signed this version");
    const signature: PlanSignature = {
      attendeeId: attendee.id,
      method: sig.method,
      typedName: sig.typedName,
      drawing: sig.drawing,
      signedAt: now.toISOString(),
      signerAccountId: input.actor.personId,
      meaning: sig.meaning,
    };
    await updateOpenContent(plans, version.id, plan.id, input.actor.personId, ["proposed"], (doc) => ({
      ...doc,
      attendees: doc.attendees.map((a) => (a.id === attendee.id ? { ...a, accountId: input.actor.personId } : a)),
      signatures: [...doc.signatures, signature],
    }));
    await auditAs(
      tx.audit,
      input.actor,
    )({
      action: "plan.signed",
      studentId: plan.studentId,
      subject: `plan:${plan.id}`,
      details: {
        planId: plan.id,
        versionId: version.id,
        attendeeId: attendee.id,
        role: attendee.role,
        method: sig.method,
      },
    });
    if (sig.consent && version.content.type === "iep") {
      const result = await applyConsent(tx, input.actor, plan, version.id, { ...sig.consent, attendeeId: attendee.id });
      return { signatureId, sealed: result.sealed, sha256: result.sha256 };
    }
    const seal = await sealIfComplete(tx, input.actor, plan, version.id, await todayFor(tx, plan.districtId));
    return { signatureId, sealed: seal.sealed, sha256: seal.sha256 };
  });
}
