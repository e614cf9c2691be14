/**
 * A team member signs the proposed version in the app, as themselves: typed or drawn, with the
 * time, the signer's account and how they were signed in (34 CFR 300.321; 300.9; 99.30(b)). The
 * name typed is the account's name, or a legal name the signer attests to; nobody signs in
 * another person's place (a signature given on paper is entered as its own kind, see
 * record-paper-signature.ts). A parent may give the consent choice with the signature. When the
 * required signatures and consent are present, the version is sealed, these facts inside it.
 */
import { DomainError, type PlanSignature, personNamesMatch, type SignBody } from "@lantern/core";
import { inTransaction, type UseCaseDeps } from "../deps.ts";
import { appendSignature } from "./append-signature.ts";
import { isFamilyRole, isOwnPlace, type PlanActor } from "./plan-support.ts";

const SIGN_FOR_YOURSELF =
  "Each person signs as themselves, signed in to their own account. A signature given on paper at the meeting is entered as a paper signature, with the scanned page.";

export async function signPlan(
  deps: UseCaseDeps,
  input: { studentId: string; planId: string; signature: SignBody; actor: PlanActor },
): Promise<{ signatureId: string; sealed: boolean; sha256: string | null }> {
  const sig = input.signature;
  const accountName = input.actor.name ?? "";
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
    const signed = new Set(version.content.signatures.map((s) => s.attendeeId));
    const attendee = sig.attendeeId
      ? version.content.attendees.find((a) => a.id === sig.attendeeId)
      : (version.content.attendees.find((a) => a.accountId === input.actor.personId && !signed.has(a.id)) ??
        version.content.attendees.find((a) => isOwnPlace(a, input.actor)));
    if (!attendee) {
      throw new DomainError(
        sig.attendeeId ? "invalid-input" : "forbidden",
        sig.attendeeId ? "The signer is not on the team" : "You are not on this plan's team",
        { issues: [{ path: "/attendeeId", message: "not a team member of this plan" }] },
      );
    }
    if (!isOwnPlace(attendee, input.actor)) throw new DomainError("forbidden", SIGN_FOR_YOURSELF);
    if (sig.attestation) {
      if (!personNamesMatch(sig.typedName, sig.attestation.legalName)) {
        throw new DomainError("invalid-input", "Sign with the legal name you attested to", {
          issues: [
            {
              path: "/typedName",
              message: `The name you typed, "${sig.typedName}", is not the legal name you gave, "${sig.attestation.legalName}"`,
            },
          ],
        });
      }
    } else if (!personNamesMatch(sig.typedName, accountName)) {
      throw new DomainError(
        "invalid-input",
        `The name you typed is not the name on your account. Type "${accountName}", or say that your legal name is different.`,
        {
          issues: [
            {
              path: "/typedName",
              message: `"${sig.typedName}" does not match the name on your account, "${accountName}"`,
            },
          ],
        },
      );
    }
    const family = isFamilyRole(attendee.role);
    if (input.actor.basis === "guardian" && !family) {
      throw new DomainError("forbidden", "A parent signs as the parent");
    }
    if (sig.consent && !family) {
      throw new DomainError("invalid-input", "Only a parent (or adult student) gives consent", {
        issues: [{ path: "/consent", message: "not a parent or student" }],
      });
    }
    const now = tx.clock.now();
    const legalName = sig.attestation?.legalName ?? null;
    const signInMethod = input.actor.signInMethod ?? null;
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
      legalName,
      signInMethod,
      enteredBy: null,
      paperSignedOn: null,
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
      signerName: accountName,
      legalName,
      signInMethod,
    };
    return appendSignature(tx, input.actor, plan, version, {
      signatureId,
      signature,
      alsoChange: (doc) => ({
        ...doc,
        attendees: doc.attendees.map((a) => (a.id === attendee.id ? { ...a, accountId: input.actor.personId } : a)),
      }),
      auditDetails: {
        attendeeId: attendee.id,
        role: attendee.role,
        method: sig.method,
        legalNameAttested: legalName !== null,
        signInMethod,
      },
      consent: sig.consent ? { ...sig.consent, attendeeId: attendee.id, source: "app", paperDate: null } : null,
    });
  });
}
