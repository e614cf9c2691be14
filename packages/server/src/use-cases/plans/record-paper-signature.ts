/**
 * A signature given on paper at the meeting, entered by staff who may change the plan: its own
 * kind, never passed off as signed in the app. It keeps the name and date written on the page, who
 * entered it and when, how they were signed in, and the scanned page (PDF, PNG or JPEG, found from
 * the file's first bytes; at most 5 MB), whose SHA-256 goes into the sealed content. A parent's
 * consent choice marked on the form is recorded as entered from paper (34 CFR 300.9; 300.300(b)).
 */
import { createHash } from "node:crypto";
import {
  DomainError,
  detectScanType,
  type PaperSignatureBody,
  type PlanSignature,
  SIGNATURE_SCAN_MAX_BYTES,
} from "@lantern/core";
import { inTransaction, todayFor, type UseCaseDeps } from "../deps.ts";
import { appendSignature } from "./append-signature.ts";
import { isFamilyRole, type PlanActor } from "./plan-support.ts";

const SCAN_PATH = "/scan/dataBase64";

/** The scanned page's bytes, checked: not empty, within the limit, and a PDF, PNG or JPEG by its bytes. */
export function checkedScan(dataBase64: string) {
  const bytes = Buffer.from(dataBase64, "base64");
  if (bytes.length === 0) {
    throw new DomainError("invalid-input", "Attach the scanned page", {
      issues: [{ path: SCAN_PATH, message: "The file is empty" }],
    });
  }
  if (bytes.length > SIGNATURE_SCAN_MAX_BYTES) {
    throw new DomainError("invalid-input", "The scanned page is larger than 5 MB", {
      issues: [{ path: SCAN_PATH, message: `The file has ${bytes.length} bytes; at most ${SIGNATURE_SCAN_MAX_BYTES}` }],
    });
  }
  const type = detectScanType(bytes);
  if (!type) {
    throw new DomainError("invalid-input", "The scanned page must be a PDF, PNG or JPEG file", {
      issues: [{ path: SCAN_PATH, message: "This file is not a PDF, PNG or JPEG (checked from its contents)" }],
    });
  }
  return { bytes, type, sha256: createHash("sha256").update(bytes).digest("hex") };
}

export async function recordPaperSignature(
  deps: UseCaseDeps,
  input: { studentId: string; planId: string; paper: PaperSignatureBody; actor: PlanActor },
): Promise<{ signatureId: string; sealed: boolean; sha256: string | null }> {
  const body = input.paper;
  if (input.actor.basis === "guardian") {
    throw new DomainError("forbidden", "A signature on paper is entered by the school");
  }
  const scan = checkedScan(body.scan.dataBase64);
  return inTransaction(deps, async (tx) => {
    const { plans } = tx.repos;
    const plan = await plans.findPlan(input.studentId, input.planId, { forUpdate: true });
    const version = await plans.currentVersion(plan);
    if (version.sealedAt) throw new DomainError("sealed", "This version is already signed and sealed");
    if (version.status !== "proposed") {
      throw new DomainError("invalid-transition", `Only a proposed plan can be signed; this one is ${version.status}`);
    }
    const today = await todayFor(tx, plan.districtId);
    if (body.signedOn > today) {
      throw new DomainError("invalid-input", "The date on the paper cannot be after today", {
        issues: [{ path: "/signedOn", message: `after ${today}` }],
      });
    }
    const attendee = version.content.attendees.find((a) => a.id === body.attendeeId);
    if (!attendee) {
      throw new DomainError("invalid-input", "The signer is not on the team", {
        issues: [{ path: "/attendeeId", message: "not a team member of this plan" }],
      });
    }
    if (body.consent && !isFamilyRole(attendee.role)) {
      throw new DomainError("invalid-input", "Only a parent (or adult student) gives consent", {
        issues: [{ path: "/consent", message: "not a parent or student" }],
      });
    }
    const now = tx.clock.now();
    const signInMethod = input.actor.signInMethod ?? null;
    const signatureId = await plans.insertSignature({
      versionId: version.id,
      attendeeId: attendee.id,
      role: attendee.role,
      method: "paper",
      signatureText: body.signerName,
      drawing: null,
      meaning: body.meaning,
      signerPersonId: input.actor.personId,
      signedAt: now,
      consentChoice: body.consent?.choice ?? null,
      consentExclusions: body.consent?.exclusions ?? [],
      legalName: null,
      signInMethod,
      enteredBy: input.actor.personId,
      paperSignedOn: body.signedOn,
    });
    if (!signatureId) throw new DomainError("conflict", "This team member has already signed this version");
    await plans.insertSignatureScan({
      signatureId,
      contentType: scan.type,
      fileName: body.scan.fileName,
      byteSize: scan.bytes.length,
      sha256: scan.sha256,
      dataBase64: scan.bytes.toString("base64"),
      uploadedBy: input.actor.personId,
    });
    const signature: PlanSignature = {
      attendeeId: attendee.id,
      method: "paper",
      typedName: body.signerName,
      drawing: null,
      signedAt: now.toISOString(),
      signerAccountId: attendee.accountId,
      meaning: body.meaning,
      signInMethod,
      enteredBy: { accountId: input.actor.personId, name: input.actor.name ?? "", at: now.toISOString() },
      paper: { signedOn: body.signedOn, scanSha256: scan.sha256, scanType: scan.type, scanBytes: scan.bytes.length },
    };
    return appendSignature(tx, input.actor, plan, version, {
      signatureId,
      signature,
      auditDetails: {
        attendeeId: attendee.id,
        role: attendee.role,
        method: "paper",
        signedOn: body.signedOn,
        scanSha256: scan.sha256,
        scanType: scan.type,
        scanBytes: scan.bytes.length,
        signInMethod,
      },
      consent: body.consent
        ? { ...body.consent, attendeeId: attendee.id, source: "paper", paperDate: body.signedOn }
        : null,
      today,
    });
  });
}
