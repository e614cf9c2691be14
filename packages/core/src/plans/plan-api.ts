/**
 * The plan workspace API: what its routes accept (parameters, bodies, queries) and answer (a
 * student's plans, a plan's page, versions, diffs). The server validates requests and documents
 * replies with these schemas; the web imports their types.
 */
import { z } from "zod";
import { ZIsoDate } from "../shared/dates.ts";
import { ZConsentExclusion, ZIepAmendment } from "./iep-document.ts";
import { ZAttendanceStatus, ZExcusal, ZMeetingType, ZParentContactAttempt, ZPlanAttendee } from "./plan-common.ts";
import { type PlanDocument, ZPlanDocument, ZPlanType } from "./plan-document.ts";
import { PLAN_PDF_KINDS, type PlanPdfKind } from "./plan-labels.ts";
import { ZPlanState } from "./plan-lifecycle.ts";
import { ZPlanTranslationView } from "./plan-translations.ts";
import { CONSENT_SOURCES, SIGNATURE_METHODS, SIGNATURE_SCAN_MAX_BYTES } from "./signature-rules.ts";

// ---- Parameters ---------------------------------------------------------------------------------

export const ZPlanParams = z.object({ studentId: z.string().min(1).max(64), planId: z.string().min(1).max(64) });
export const ZVersionParams = ZPlanParams.extend({ versionId: z.string().min(1).max(64) });
export const ZMeetingParams = ZPlanParams.extend({ meetingId: z.string().min(1).max(64) });

// ---- Replies ------------------------------------------------------------------------------------

export const ZPlanSummary = z.object({
  id: z.string(),
  studentId: z.string(),
  type: ZPlanType,
  status: ZPlanState,
  createdAt: z.string(),
  updatedAt: z.string(),
  currentVersionId: z.string().nullable(),
  inEffectVersionId: z.string().nullable(),
  effectiveFrom: z.string().nullable(),
  effectiveTo: z.string().nullable(),
  endedOn: z.string().nullable(),
  endedReason: z.string().nullable(),
  endedCitation: z.string().nullable(),
});
export type PlanSummary = z.infer<typeof ZPlanSummary>;

export const ZPlanListItem = ZPlanSummary.extend({ currentVersionNumber: z.number().int().nullable() });
export type PlanListItem = z.infer<typeof ZPlanListItem>;

export const ZPlanList = z.object({
  items: z.array(ZPlanListItem),
  /** A Section 504 plan in effect whose accommodations an IEP draft can carry over (104.33(b)(2)). */
  active504PlanId: z.string().nullable(),
  /** Whether the reader may start a plan (and write drafts) for this student. */
  permissions: z.object({ write: z.boolean() }),
});
export type PlanList = z.infer<typeof ZPlanList>;

export const ZVersionSummary = z.object({
  id: z.string(),
  number: z.number().int(),
  status: ZPlanState,
  parentVersionId: z.string().nullable(),
  revision: z.number().int(),
  sealedAt: z.string().nullable(),
  sha256: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type VersionSummary = z.infer<typeof ZVersionSummary>;

export const ZSignatureView = z.object({
  id: z.string(),
  attendeeId: z.string(),
  role: z.string(),
  method: z.enum(SIGNATURE_METHODS),
  signatureText: z.string(),
  meaning: z.enum(["attendance", "agreement"]),
  /** In the app: the signer's account. On paper: the account of the staff member who entered it. */
  signerPersonId: z.string(),
  signedAt: z.string(),
  consentChoice: z.string().nullable(),
  /** A legal name the signer attested to, different from the account's name. */
  legalName: z.string().nullable(),
  /** How the signer (or, for paper, the person entering it) was signed in. */
  signInMethod: z.string().nullable(),
  /** Paper: the date written on the page, and whether a scanned page is kept (GET …/signatures/:id/scan). */
  paperSignedOn: z.string().nullable(),
  hasScan: z.boolean(),
});
export type SignatureView = z.infer<typeof ZSignatureView>;

/** Something between a version and its next step, naming the JSON path to fix. */
export const ZPlanIssue = z.object({ path: z.string(), message: z.string() });
export type PlanIssue = z.infer<typeof ZPlanIssue>;

/**
 * A stored plan document in a reply. It was validated against `ZPlanDocument` when it was saved,
 * and a sealed version cannot change, so replies pass it through rather than validating the whole
 * document again on every read (the costliest step of the plan read path): the schema checks only
 * its type, and its TypeScript type is the plan document's.
 */
export const ZStoredPlanDocument = z.looseObject({ type: ZPlanType }).meta({
  description: "The plan document, in the format of docs/plan-format.md (validated when saved)",
}) as unknown as z.ZodType<PlanDocument>;

export const ZVersionView = ZVersionSummary.extend({
  content: ZStoredPlanDocument,
  /** True when the stored content still hashes to the stored SHA-256 (null when not sealed). */
  hashVerified: z.boolean().nullable(),
  signatures: z.array(ZSignatureView),
});
export type VersionView = z.infer<typeof ZVersionView>;

/** Who came to a meeting, as recorded (34 CFR 300.321; excusals 300.321(e)). */
export const ZAttendanceEntry = z.object({
  attendeeId: z.string().min(1).max(64),
  status: ZAttendanceStatus,
  excusal: ZExcusal.nullable().optional(),
});
export type AttendanceEntry = z.infer<typeof ZAttendanceEntry>;

export const ZMeetingView = z.object({
  id: z.string(),
  versionId: z.string(),
  scheduledAt: z.string(),
  location: z.string(),
  purpose: z.string(),
  meetingType: z.string().nullable(),
  noticeSentOn: z.string().nullable(),
  attendees: z.array(ZPlanAttendee),
  attendance: z.array(ZAttendanceEntry),
  attendanceRecordedAt: z.string().nullable(),
  notes: z.string(),
  parentContactAttempts: z.array(ZParentContactAttempt),
});
export type MeetingView = z.infer<typeof ZMeetingView>;

export const ZPlanDetail = z.object({
  plan: ZPlanSummary,
  version: ZVersionView,
  versions: z.array(ZVersionSummary),
  meetings: z.array(ZMeetingView),
  /** What stands between the current version and its next step, each naming the JSON path. */
  checks: z.object({ propose: z.array(ZPlanIssue), seal: z.array(ZPlanIssue) }),
  /** The signed-in person's own place on the team, when they have yet to sign (nobody signs for another). */
  youMaySignAs: z.array(z.string()),
  /** The name on the signed-in person's account: the name a signature in the app must carry. */
  yourName: z.string(),
  /** Whether the signed-in person may edit, sign. */
  permissions: z.object({ write: z.boolean(), sign: z.boolean() }),
  /** Human translations of the current version's free-text fields, each marked current or out of date (decision 0027). */
  translations: z.array(ZPlanTranslationView),
});
export type PlanDetail = z.infer<typeof ZPlanDetail>;

export const ZSaveDraftResult = z.object({
  versionId: z.string(),
  revision: z.number().int(),
  updatedAt: z.string(),
});
export type SaveDraftResult = z.infer<typeof ZSaveDraftResult>;

/** The body of the 409 an autosave gets when someone else saved the draft first. */
export const ZDraftConflictDetails = z.object({
  versionId: z.string(),
  revision: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
  content: ZStoredPlanDocument,
});
export type DraftConflictDetails = z.infer<typeof ZDraftConflictDetails>;

export const ZPlanChange = z.object({
  section: z.string(),
  kind: z.enum(["added", "removed", "changed"]),
  itemId: z.string().nullable(),
  text: z.string(),
});

export const ZDiffQuery = z.object({ from: z.string().max(64).optional(), to: z.string().max(64).optional() });
export const ZPlanDiff = z.object({
  from: ZVersionSummary.nullable(),
  to: ZVersionSummary,
  changes: z.array(ZPlanChange),
});
export type PlanDiff = z.infer<typeof ZPlanDiff>;

/**
 * The plan documents Lantern writes in Spanish: every document a family gets. The at-a-glance page
 * is for staff and is printed in English whatever `lang` asks.
 */
export const PLAN_PDF_KINDS_IN_SPANISH = [
  "full",
  "parent-summary",
  "meeting-notice",
  "prior-written-notice",
] as const satisfies readonly PlanPdfKind[];

export const ZPdfQuery = z.object({
  kind: z.enum(PLAN_PDF_KINDS).default("full"),
  versionId: z.string().max(64).optional(),
  /** For the meeting notice: which meeting (default: the one scheduled for the version). */
  meetingId: z.string().max(64).optional(),
  /** The language of the document: labels, headings, explanations and dates (the team's own text stays as written). */
  lang: z.enum(["en", "es"]).default("en"),
});
export type PdfQuery = z.infer<typeof ZPdfQuery>;

// ---- Request bodies -----------------------------------------------------------------------------

export const ZCreatePlanBody = z.object({
  type: ZPlanType,
  carryOver504: z.boolean().optional(),
  content: z.record(z.string(), z.unknown()).optional(),
});
export type CreatePlanBody = z.input<typeof ZCreatePlanBody>;

export const ZSaveDraftBody = z.object({ revision: z.number().int().min(1), content: ZPlanDocument });

/** The steps that need nothing but the step (propose, return to draft, seal, put in effect). */
export const ZEmptyBody = z.object({}).passthrough().optional();

export const ZScheduleMeetingBody = z.object({
  scheduledAt: z.iso.datetime({ offset: true }),
  location: z.string().trim().min(1, { message: "Say where the meeting is" }).max(300),
  purpose: z.string().trim().min(1, { message: "Say what the meeting is for" }).max(2000),
  meetingType: ZMeetingType.nullable().optional(),
  /** Invited team members; default: the student's guardians, caseload staff and classroom teacher. */
  attendees: z.array(ZPlanAttendee).optional(),
  /** The notice sent to the parent (34 CFR 300.322(b)); `sentOn` set when it went out. */
  notice: z
    .object({
      sentOn: ZIsoDate.nullable().default(null),
      informsRightToBringOthers: z.boolean().default(true),
      transitionIsPurpose: z.boolean().default(false),
      studentWillBeInvited: z.boolean().default(false),
      language: z.string().max(300).default(""),
    })
    .nullable()
    .optional(),
  parentContactAttempts: z.array(ZParentContactAttempt).optional(),
});
export type ScheduleMeetingBody = z.output<typeof ZScheduleMeetingBody>;

export const ZAttendanceBody = z.object({
  attendance: z.array(ZAttendanceEntry),
  notes: z.string().max(20_000).optional(),
  parentConcerns: z.string().max(20_000).optional(),
  parentParticipation: z.enum(["in-person", "phone", "video", "did-not-participate"]).nullable().optional(),
  parentContactAttempts: z.array(ZParentContactAttempt).optional(),
});
export type AttendanceBody = z.output<typeof ZAttendanceBody>;

/** An amendment (34 CFR 300.324(a)(4), (a)(6)) or the annual review (300.324(b)). */
export const ZAmendBody = z.object({
  kind: z.enum(["amendment", "annual-review"]).default("amendment"),
  amendment: ZIepAmendment.nullable().default(null),
});
export type AmendBody = z.output<typeof ZAmendBody>;

export const ZEndPlanBody = z.object({
  action: z.enum(["end", "discard", "revoke-consent"]).default("end"),
  reason: z.string().trim().min(1, { message: "Give the reason the plan ends" }).max(5000),
  revokedOn: z.iso.date().nullable().default(null),
});
export type EndPlanBody = z.output<typeof ZEndPlanBody>;

const ZConsentFields = z.object({
  choice: z.enum(["consent", "consent-except", "refuse"]),
  exclusions: z.array(ZConsentExclusion).default([]),
  /** Attendee id of the parent (or adult student) giving or refusing consent. */
  attendeeId: z.string().min(1).max(64),
  notes: z.string().max(5000).default(""),
  /**
   * "app": the parent, signed in as themselves, gives it. "paper": staff who may change the plan
   * enter a consent form the parent signed on paper; it is kept as entered from paper, by whom.
   */
  source: z.enum(CONSENT_SOURCES).default("app"),
  /** Paper: the date written on the form (default today). */
  paperDate: ZIsoDate.nullable().default(null),
});

/** Partial consent names what it leaves out (34 CFR 300.300(b); Cal. Ed. Code 56346(e)). */
function namesExclusions(consent: { choice: string; exclusions: unknown[] }, ctx: z.core.$RefinementCtx): void {
  if (consent.choice === "consent-except" && consent.exclusions.length === 0) {
    ctx.addIssue({
      code: "custom",
      path: ["exclusions"],
      message: "Name at least one part of the plan the parent does not agree to",
    });
  }
}

export const ZConsentBody = ZConsentFields.superRefine(namesExclusions);
export type ConsentBody = z.output<typeof ZConsentBody>;

/** The consent choice given with a signature. */
const ZSignatureConsent = ZConsentFields.pick({ choice: true, exclusions: true, notes: true }).superRefine(
  namesExclusions,
);

/** A legal name the signer attests to when it differs from the name on their account. */
export const ZLegalNameAttestation = z.object({
  legalName: z.string().trim().min(1, { message: "Give your legal name" }).max(300),
  attested: z.literal(true, { message: "Confirm that this is your legal name" }),
});

export const ZSignBody = z.object({
  /** The signer's own place on the team; the server finds it from the account when omitted. */
  attendeeId: z.string().min(1).max(64).optional(),
  method: z.enum(["typed", "drawn"]),
  /** The signer's name: the name on their account, or the attested legal name. */
  typedName: z.string().trim().min(1, { message: "Type your full name to sign" }).max(300),
  /** Given when the signer's legal name differs from the name on the account. */
  attestation: ZLegalNameAttestation.nullable().default(null),
  /** A drawn signature as SVG path data ("M10 10 L20 20 …"). */
  drawing: z
    .string()
    .max(200_000)
    .regex(/^[MLCQZmlcqz0-9.,\s-]*$/, { message: "Expected SVG path data" })
    .nullable()
    .default(null),
  meaning: z.enum(["attendance", "agreement"]).default("agreement"),
  /** A parent's consent choice, given with the signature (IEP). */
  consent: ZSignatureConsent.nullable().default(null),
});
export type SignBody = z.output<typeof ZSignBody>;

/** A scanned page as sent: its file name and bytes in base64 (the kind is found from the bytes). */
export const ZSignatureScanUpload = z.object({
  fileName: z.string().trim().min(1).max(200),
  /** The file's bytes, base64-encoded; at most SIGNATURE_SCAN_MAX_BYTES once decoded. */
  dataBase64: z
    .string()
    .min(1, { message: "Attach the scanned page" })
    .max(Math.ceil((SIGNATURE_SCAN_MAX_BYTES * 4) / 3) + 8, { message: "The scanned page is larger than 5 MB" })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: "Expected base64" }),
});

/** A signature given on paper at the meeting, entered by staff who may change the plan, with the scanned page. */
export const ZPaperSignatureBody = z.object({
  attendeeId: z.string().min(1).max(64),
  /** The name as written on the paper. */
  signerName: z.string().trim().min(1, { message: "Give the name written on the paper" }).max(300),
  /** The date written beside the signature. */
  signedOn: ZIsoDate,
  meaning: z.enum(["attendance", "agreement"]).default("agreement"),
  /** The parent's consent choice marked on the paper form (IEP). */
  consent: ZSignatureConsent.nullable().default(null),
  scan: ZSignatureScanUpload,
});
export type PaperSignatureBody = z.output<typeof ZPaperSignatureBody>;

export const ZSignatureParams = ZPlanParams.extend({ signatureId: z.string().min(1).max(64) });
