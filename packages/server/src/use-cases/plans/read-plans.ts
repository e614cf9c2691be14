/**
 * Reading plans: a student's plans, a plan's page (with what stands between its current version
 * and the next step, and what the reader may do), one version, the changes between two versions,
 * and a printed plan.
 */
import {
  checkPlanTransition,
  DomainError,
  decideStudentAccess,
  diffPlans,
  type MeetingNotice,
  type PdfQuery,
  PLAN_SEAL_ALGORITHM,
  type PlanDetail,
  type PlanDiff,
  type PlanDocument,
  type PlanList,
  type PlanSummary,
  type RoleAssignment,
  type SignatureView,
  type StudentAccessFacts,
  sealingProblems,
  translationLookup,
  translationsFor,
  type VersionSummary,
  type VersionView,
  verifyPlanSeal,
} from "@lantern/core";
import type { PlanDetailView } from "../../formats/plan-detail-json.ts";
import { noticeOfMeeting } from "../../pdf/meeting-notice-pdf.ts";
import { renderPlanPdf } from "../../pdf/plan-pdf.ts";
import type { RecordOfAccessRow } from "../../repositories/access-repository.ts";
import type {
  PlanPage,
  PlanRecord,
  PlanSignatureRecord,
  PlanVersionSummary,
  SignatureScanRecord,
} from "../../repositories/plans-repository.ts";
import type { UseCaseDeps } from "../deps.ts";
import { isOwnPlace } from "./plan-support.ts";

/** Who reads, and what the access path decided about them and the student. */
export type PlanReader = {
  personId: string;
  roles: RoleAssignment[];
  /** The role the access policy matched ("guardian", "case-manager", …). */
  basis: string;
  student: StudentAccessFacts;
  /** The name on the reader's account (a signature in the app carries it). */
  name?: string;
};

function versionSummary(v: PlanVersionSummary): VersionSummary {
  return {
    id: v.id,
    number: v.number,
    status: v.status,
    parentVersionId: v.parentVersionId,
    revision: v.revision,
    sealedAt: v.sealedAt,
    sha256: v.contentSha256,
    createdAt: v.createdAt,
    updatedAt: v.updatedAt,
  };
}

function signatureView(s: PlanSignatureRecord): SignatureView {
  return {
    id: s.id,
    attendeeId: s.attendeeId,
    role: s.role,
    method: s.method,
    signatureText: s.signatureText,
    meaning: s.meaning,
    signerPersonId: s.signerPersonId,
    signedAt: s.signedAt,
    consentChoice: s.consentChoice,
    legalName: s.legalName,
    signInMethod: s.signInMethod,
    paperSignedOn: s.paperSignedOn,
    hasScan: s.method === "paper",
  };
}

function planSummary(p: PlanRecord): PlanSummary {
  return {
    id: p.id,
    studentId: p.studentId,
    type: p.type,
    status: p.status,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    currentVersionId: p.currentVersionId,
    inEffectVersionId: p.inEffectVersionId,
    effectiveFrom: p.effectiveFrom,
    effectiveTo: p.effectiveTo,
    endedOn: p.endedOn,
    endedReason: p.endedReason,
    endedCitation: p.endedCitation,
  };
}

// A sealed version's content cannot change in the database (a trigger refuses it), so its
// verification is remembered per version and hash instead of re-hashing the document per read.
const verified = new Map<string, boolean>();
function verifiedSeal(versionId: string, content: () => PlanDocument, hash: string): boolean {
  const key = `${versionId}:${hash}`;
  let ok = verified.get(key);
  if (ok === undefined) {
    ok = verifyPlanSeal(content(), { algorithm: PLAN_SEAL_ALGORITHM, hash });
    if (verified.size >= 10_000) verified.clear();
    verified.set(key, ok);
  }
  return ok;
}

/**
 * The plan page for a reader: the stored document stays the JSON text it was read as, and is
 * parsed only when the page looks inside it (checks and signers while it is a draft or proposed,
 * the seal's first verification); a version in effect is sent without a parse or a stringify.
 */
function planDetailView(deps: Pick<UseCaseDeps, "clock">, page: PlanPage, reader: PlanReader): PlanDetailView {
  const { plan, version, signatures, versions, meetings, translations } = page;
  let parsed: PlanDocument | undefined;
  const content = () => {
    parsed ??= JSON.parse(version.contentJson) as PlanDocument;
    return parsed;
  };
  let propose: PlanDetail["checks"]["propose"] = [];
  let seal: PlanDetail["checks"]["seal"] = [];
  let youMaySignAs: string[] = [];
  if (version.status === "draft") {
    const on = deps.clock.today(page.timeZone);
    propose = checkPlanTransition("draft", "propose", { document: content(), on }).problems.map(
      ({ path, message }) => ({
        path,
        message,
      }),
    );
  } else if (version.status === "proposed") {
    seal = sealingProblems("proposed", content(), deps.clock.today(page.timeZone));
    // Nobody signs for another person: only the reader's own place on the team, not yet signed.
    const signed = new Set(content().signatures.map((s) => s.attendeeId));
    const mayBeSigned = content().attendees.filter((a) => !signed.has(a.id));
    const own =
      mayBeSigned.find((a) => a.accountId === reader.personId) ??
      mayBeSigned.find((a) =>
        isOwnPlace(a, { personId: reader.personId, basis: reader.basis, name: reader.name ?? "" }),
      );
    youMaySignAs = own ? [own.id] : [];
  }
  return {
    plan: planSummary(plan),
    version: {
      ...versionSummary(version),
      contentJson: version.contentJson,
      hashVerified: version.contentSha256 ? verifiedSeal(version.id, content, version.contentSha256) : null,
      signatures: signatures.map(signatureView),
    },
    versions: versions.map(versionSummary),
    meetings: meetings.map((m) => ({
      id: m.id,
      versionId: m.versionId,
      scheduledAt: m.scheduledAt,
      location: m.location,
      purpose: m.purpose,
      meetingType: m.meetingType,
      noticeSentOn: m.noticeSentOn,
      attendees: m.attendees,
      attendance: m.attendance,
      attendanceRecordedAt: m.attendanceRecordedAt,
      notes: m.notes,
      parentContactAttempts: m.parentContactAttempts,
    })),
    checks: { propose, seal },
    youMaySignAs,
    yourName: reader.name ?? "",
    // Only a plan with translations has its document parsed for them.
    translations: translations.length > 0 ? translationsFor(content(), translations) : [],
    permissions: {
      write: decideStudentAccess({ personId: reader.personId, roles: reader.roles }, reader.student, "write-plan")
        .allowed,
      sign: youMaySignAs.length > 0,
    },
  };
}

/**
 * A plan's page as it now stands. With the access path's record-of-access row, the statement
 * that reads the page writes it (no row, no data).
 */
export async function readPlanPage(
  deps: UseCaseDeps,
  input: { studentId: string; planId: string; reader: PlanReader; recordOfAccess?: RecordOfAccessRow },
): Promise<PlanDetailView> {
  const page = await deps.repos.plans.findPlanPage(
    input.studentId,
    input.planId,
    input.recordOfAccess ? { recordOfAccess: input.recordOfAccess } : {},
  );
  return planDetailView(deps, page, input.reader);
}

/** A student's IEPs and Section 504 plans, newest first. */
export async function listPlans(
  deps: UseCaseDeps,
  input: { studentId: string; reader: Pick<PlanReader, "personId" | "roles" | "student"> },
): Promise<PlanList> {
  const list = await deps.repos.plans.listForStudent(input.studentId);
  const items: PlanList["items"] = [];
  for (const p of list) {
    const versions = await deps.repos.plans.listVersions(p.id);
    items.push({
      ...planSummary(p),
      currentVersionNumber: versions.find((v) => v.id === p.currentVersionId)?.number ?? null,
    });
  }
  const active504 = list.find((p) => p.type === "section-504" && p.inEffectVersionId !== null);
  const { reader } = input;
  const write = decideStudentAccess({ personId: reader.personId, roles: reader.roles }, reader.student, "write-plan");
  return { items, active504PlanId: active504?.id ?? null, permissions: { write: write.allowed } };
}

/** One version of a plan, with its seal and signatures. */
export async function readPlanVersion(
  deps: UseCaseDeps,
  input: { studentId: string; planId: string; versionId: string },
): Promise<VersionView> {
  const plan = await deps.repos.plans.findPlan(input.studentId, input.planId);
  const v = await deps.repos.plans.findVersion(plan.id, input.versionId);
  const signatures = await deps.repos.plans.listSignatures(v.id);
  return {
    ...versionSummary(v),
    content: v.content,
    hashVerified: v.contentSha256 ? verifiedSeal(v.id, () => v.content, v.contentSha256) : null,
    signatures: signatures.map(signatureView),
  };
}

/** The scanned page of a signature given on paper, as it was uploaded. */
export async function readSignatureScan(
  deps: UseCaseDeps,
  input: { studentId: string; planId: string; signatureId: string },
): Promise<SignatureScanRecord> {
  const plan = await deps.repos.plans.findPlan(input.studentId, input.planId);
  const scan = await deps.repos.plans.findSignatureScan(plan.id, input.signatureId);
  if (!scan) throw new DomainError("not-found", "No scanned page for this signature");
  return scan;
}

/** Plain-language changes between two versions (default: the current version and its parent). */
export async function diffPlanVersions(
  deps: UseCaseDeps,
  input: { studentId: string; planId: string; from?: string | undefined; to?: string | undefined },
): Promise<PlanDiff> {
  const { plans } = deps.repos;
  const plan = await plans.findPlan(input.studentId, input.planId);
  const to = input.to ? await plans.findVersion(plan.id, input.to) : await plans.currentVersion(plan);
  const fromId = input.from ?? to.parentVersionId;
  if (!fromId) return { from: null, to: versionSummary(to), changes: [] };
  const from = await plans.findVersion(plan.id, fromId);
  return { from: versionSummary(from), to: versionSummary(to), changes: diffPlans(from.content, to.content) };
}

/**
 * A plan printed as a PDF: full, parent summary, at a glance, prior written notice, or the notice
 * of a meeting (the version's meeting, or `meetingId`). Only a version still being drafted carries
 * DRAFT: a proposed version is the school's offer, and its notices are real notices.
 */
export async function printPlan(
  deps: UseCaseDeps,
  input: { studentId: string; planId: string } & PdfQuery,
): Promise<{ pdf: Buffer; fileName: string }> {
  const { plans } = deps.repos;
  const plan = await plans.findPlan(input.studentId, input.planId);
  const v = input.versionId ? await plans.findVersion(plan.id, input.versionId) : await plans.currentVersion(plan);
  if (input.kind === "prior-written-notice" && v.content.type !== "iep") {
    throw new DomainError("invalid-input", "Prior written notice is printed for an IEP", {
      issues: [{ path: "/kind", message: "not available for a Section 504 plan" }],
    });
  }
  const seal =
    v.sealedAt && v.contentSha256
      ? { algorithm: PLAN_SEAL_ALGORITHM, hash: v.contentSha256, sealedAt: v.sealedAt }
      : null;
  let meetingNotice: MeetingNotice | null = null;
  if (input.kind === "meeting-notice") {
    const meeting = input.meetingId
      ? await plans.findMeeting(plan.id, input.meetingId)
      : (await plans.listMeetings(plan.id)).find((m) => m.versionId === v.id);
    meetingNotice = meeting ? noticeOfMeeting(meeting, v.content) : v.content.meeting.notice;
    if (!meetingNotice) throw new DomainError("not-found", "No meeting is scheduled for this plan version");
  }
  // The team's words in Spanish where a person translated them (decision 0027).
  const records = input.lang === "en" ? [] : await deps.repos.planTranslations.listForPlan(plan.id);
  const translate =
    records.length > 0 && input.lang !== "en"
      ? translationLookup(translationsFor(v.content, records), input.lang)
      : undefined;
  const pdf = await renderPlanPdf(input.kind, v.content, {
    seal,
    version: v.number,
    meetingNotice,
    draft: v.status === "draft",
    lang: input.lang,
    translate,
  });
  const suffix = input.lang === "en" ? "" : `-${input.lang}`;
  return { pdf, fileName: `${plan.type}-v${v.number}-${input.kind}${suffix}.pdf` };
}
