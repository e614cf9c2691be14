/**
 * What every signature does once it is checked, however it was given (in the app or on paper):
 * it joins the proposed version's content, the audit trail says so, a parent's consent choice
 * given with it is applied (34 CFR 300.300(b)), and the version is sealed when the required
 * signatures and consent are all there.
 */
import type { ConsentBody, PlanDocument, PlanSignature } from "@lantern/core";
import type { PlanRecord } from "../../repositories/plans-repository.ts";
import { auditAs, todayFor, type UseCaseDeps } from "../deps.ts";
import { type PlanActor, updateOpenContent } from "./plan-support.ts";
import { applyConsent } from "./record-consent.ts";
import { sealIfComplete } from "./seal-plan-version.ts";

export async function appendSignature(
  tx: UseCaseDeps,
  actor: PlanActor,
  plan: PlanRecord,
  version: { id: string; content: PlanDocument },
  entry: {
    signatureId: string;
    signature: PlanSignature;
    /** Other changes to the content in the same write (the signer's account on their attendee row). */
    alsoChange?: (doc: PlanDocument) => PlanDocument;
    auditDetails: Record<string, unknown>;
    /** The consent choice given with the signature, already tied to its attendee and source. */
    consent: ConsentBody | null;
    today?: string;
  },
): Promise<{ signatureId: string; sealed: boolean; sha256: string | null }> {
  const change = entry.alsoChange ?? ((doc: PlanDocument) => doc);
  await updateOpenContent(tx.repos.plans, version.id, plan.id, actor.personId, ["proposed"], (doc) => {
    const changed = change(doc);
    return { ...changed, signatures: [...changed.signatures, entry.signature] };
  });
  await auditAs(
    tx.audit,
    actor,
  )({
    action: "plan.signed",
    studentId: plan.studentId,
    subject: `plan:${plan.id}`,
    details: { planId: plan.id, versionId: version.id, ...entry.auditDetails },
  });
  if (entry.consent && version.content.type === "iep") {
    const result = await applyConsent(tx, actor, plan, version.id, entry.consent);
    return { signatureId: entry.signatureId, sealed: result.sealed, sha256: result.sha256 };
  }
  const seal = await sealIfComplete(tx, actor, plan, version.id, entry.today ?? (await todayFor(tx, plan.districtId)));
  return { signatureId: entry.signatureId, sealed: seal.sealed, sha256: seal.sha256 };
}
