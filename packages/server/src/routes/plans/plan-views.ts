/** What the plan routes accept and return (request bodies use core's plan schemas). */
import {
  PLAN_PDF_KINDS,
  ZIsoDate,
  ZMeetingType,
  ZParentContactAttempt,
  ZPlanAttendee,
  ZPlanDocument,
  ZPlanState,
  ZPlanType,
} from "@lantern/core";
import type { FastifyReply } from "fastify";
import { z } from "zod";
import { ZAttendanceEntry } from "../../use-cases/record-attendance.ts";

export const ZPlanParams = z.object({ studentId: z.string().min(1).max(64), planId: z.string().min(1).max(64) });
export const ZVersionParams = ZPlanParams.extend({ versionId: z.string().min(1).max(64) });
export const ZMeetingParams = ZPlanParams.extend({ meetingId: z.string().min(1).max(64) });

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

export const ZPlanListResponse = z.object({
  items: z.array(ZPlanSummary.extend({ currentVersionNumber: z.number().int().nullable() })),
  /** A Section 504 plan in effect whose accommodations an IEP draft can carry over (104.33(b)(2)). */
  active504PlanId: z.string().nullable(),
});

export const ZVersionSummaryView = z.object({
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

export const ZSignatureView = z.object({
  id: z.string(),
  attendeeId: z.string(),
  role: z.string(),
  method: z.enum(["typed", "drawn"]),
  signatureText: z.string(),
  meaning: z.enum(["attendance", "agreement"]),
  signerPersonId: z.string(),
  signedAt: z.string(),
  consentChoice: z.string().nullable(),
});

export const ZIssue = z.object({ path: z.string(), message: z.string() });

/**
 * A stored plan document in a response. It was validated against `ZPlanDocument` when it was
 * written, and a sealed version cannot change, so replies pass it through rather than validating
 * the whole document again on every read (the costliest step of the plan read path).
 */
export const ZStoredPlanDocument = z
  .looseObject({ type: z.enum(["iep", "section-504"]) })
  .meta({ description: "The plan document, in the format of docs/plan-format.md (validated when saved)" });

export const ZVersionView = ZVersionSummaryView.extend({
  content: ZStoredPlanDocument,
  /** True when the stored content still hashes to the stored SHA-256 (null when not sealed). */
  hashVerified: z.boolean().nullable(),
  signatures: z.array(ZSignatureView),
});

export const ZMeetingView = z.object({
  id: z.string(),
  versionId: z.string(),
  scheduledAt: z.string(),
  location: z.string(),
  purpose: z.string(),
  meetingType: z.string().nullable(),
  noticeSentOn: z.string().nullable(),
  attendees: z.array(z.unknown()),
  attendance: z.array(z.unknown()),
  attendanceRecordedAt: z.string().nullable(),
  notes: z.string(),
  parentContactAttempts: z.array(z.unknown()),
});

export const ZPlanDetail = z.object({
  plan: ZPlanSummary,
  version: ZVersionView,
  versions: z.array(ZVersionSummaryView),
  meetings: z.array(ZMeetingView),
  /** What stands between the current version and its next step, each naming the JSON path. */
  checks: z.object({ propose: z.array(ZIssue), seal: z.array(ZIssue) }),
  /** The attendees the signed-in person may sign as. */
  youMaySignAs: z.array(z.string()),
  /** Whether the signed-in person may edit, sign. */
  permissions: z.object({ write: z.boolean(), sign: z.boolean() }),
});
export type PlanDetail = z.infer<typeof ZPlanDetail>;

/** A plan detail whose current document is still the JSON text it was stored as. */
export type PlanDetailView = Omit<PlanDetail, "version"> & {
  version: Omit<PlanDetail["version"], "content"> & { contentJson: string };
};

/**
 * The JSON of a plan detail, in the shape `ZPlanDetail` documents, with the stored document
 * spliced in as its text: a plan page's largest part is neither parsed, re-checked against a
 * schema nor re-serialized on every read (it was validated when saved; a sealed version cannot
 * change). Everything else is built from typed values, so the types keep it in the documented shape.
 */
export function planDetailJson(view: PlanDetailView): string {
  const { version, ...page } = view;
  const { contentJson, ...versionFields } = version;
  const pageJson = JSON.stringify(page);
  const versionJson = JSON.stringify(versionFields);
  return `${pageJson.slice(0, -1)},"version":${versionJson.slice(0, -1)},"content":${contentJson}}}`;
}

/**
 * Reply with a plan detail (status set by the caller). The route still declares `ZPlanDetail` as
 * its response, so the OpenAPI description is generated from it; a JSON string is sent as it is.
 */
export function sendPlanDetail(reply: FastifyReply, view: PlanDetailView): FastifyReply {
  return reply.type("application/json; charset=utf-8").send(planDetailJson(view));
}

export const ZCreatePlanBody = z.object({
  type: ZPlanType,
  carryOver504: z.boolean().optional(),
  content: z.record(z.string(), z.unknown()).optional(),
});

export const ZSaveDraftBody = z.object({ revision: z.number().int().min(1), content: ZPlanDocument });
export const ZSaveDraftResponse = z.object({
  versionId: z.string(),
  revision: z.number().int(),
  updatedAt: z.string(),
});

export const ZScheduleMeetingBody = z.object({
  scheduledAt: z.iso.datetime({ offset: true }),
  location: z.string().trim().min(1, { message: "Say where the meeting is" }).max(300),
  purpose: z.string().trim().min(1, { message: "Say what the meeting is for" }).max(2000),
  meetingType: ZMeetingType.nullable().optional(),
  attendees: z.array(ZPlanAttendee).optional(),
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

export const ZAttendanceBody = z.object({
  attendance: z.array(ZAttendanceEntry),
  notes: z.string().max(20_000).optional(),
  parentConcerns: z.string().max(20_000).optional(),
  parentParticipation: z.enum(["in-person", "phone", "video", "did-not-participate"]).nullable().optional(),
  parentContactAttempts: z.array(ZParentContactAttempt).optional(),
});

export const ZDiffQuery = z.object({ from: z.string().max(64).optional(), to: z.string().max(64).optional() });
export const ZDiffResponse = z.object({
  from: ZVersionSummaryView.nullable(),
  to: ZVersionSummaryView,
  changes: z.array(
    z.object({
      section: z.string(),
      kind: z.enum(["added", "removed", "changed"]),
      itemId: z.string().nullable(),
      text: z.string(),
    }),
  ),
});

export const ZPdfQuery = z.object({
  kind: z.enum(PLAN_PDF_KINDS).default("full"),
  versionId: z.string().max(64).optional(),
  /** For the meeting notice: which meeting (default: the one scheduled for the version). */
  meetingId: z.string().max(64).optional(),
});
