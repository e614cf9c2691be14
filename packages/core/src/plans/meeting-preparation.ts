/**
 * Meeting preparation for families. Before a scheduled meeting:
 * - the family writes its concerns and questions; the team must consider "the concerns of the
 *   parents for enhancing the education of their child" (34 CFR 300.324(a)(1)(ii)) and sees them in
 *   the meeting's agenda;
 * - the team may share a frozen copy of the draft it will bring (a copy, so what the family reads
 *   and comments on does not change under it while the team keeps editing); the family comments on
 *   single goals, services or accommodations, and the team answers each comment;
 * - in California the parent may audio-record the meeting after notifying the agency at least 24
 *   hours before it (Cal. Ed. Code 56341.1(g)(1)); the app writes that notice.
 */
import { z } from "zod";
import { SERVICE_AREA_LABELS } from "../services/service-labels.ts";
import { ZStudentIdParams } from "../students/students-api.ts";
import type { PlanDocument } from "./plan-document.ts";

export const MEETING_PREPARATION_CITATIONS = {
  concerns: "34 CFR 300.324(a)(1)(ii)",
  participation: "34 CFR 300.322(a)",
  audioRecording: "Cal. Ed. Code 56341.1(g)(1)",
  draft: "34 CFR 300.324(a)(1)(ii); 34 CFR 300.501(b)",
} as const;

/** Hours before the meeting a parent who will audio-record it must tell the district (CA). */
export const AUDIO_RECORDING_NOTICE_HOURS = 24;

export const DRAFT_ITEM_KINDS = ["goal", "service", "accommodation"] as const;
export const ZDraftItemKind = z.enum(DRAFT_ITEM_KINDS);
export type DraftItemKind = z.infer<typeof ZDraftItemKind>;

/** One goal, service or accommodation of a shared draft, in the plan's own words. */
export const ZDraftItem = z.object({ kind: ZDraftItemKind, id: z.string(), title: z.string(), text: z.string() });
export type DraftItem = z.infer<typeof ZDraftItem>;

const clean = (s: string | undefined | null) => (s ?? "").trim().replace(/\s+/g, " ");
const joined = (parts: readonly (string | undefined | null)[]) =>
  parts
    .map(clean)
    .filter((p) => p !== "")
    .join(". ");

/** The goals, services and accommodations of a plan a family may comment on, in order. */
export function draftItems(doc: PlanDocument): DraftItem[] {
  const items: DraftItem[] = [];
  if (doc.type === "iep") {
    doc.goals.forEach((g, i) => {
      items.push({
        kind: "goal",
        id: g.id,
        title: `Goal ${i + 1}${clean(g.area) ? `: ${clean(g.area)}` : ""}`,
        text: joined([g.statement, g.criterion ? `Measured ${g.criterion}` : "", g.measurementMethod]),
      });
    });
    doc.services.forEach((s) => {
      const name = s.area === "other" && clean(s.description) ? clean(s.description) : SERVICE_AREA_LABELS[s.area];
      const amount =
        s.frequency && s.minutesPerSession !== undefined
          ? `${s.frequency.times} × ${s.minutesPerSession} minutes per ${s.frequency.per}`
          : "";
      items.push({
        kind: "service",
        id: s.id,
        title: name,
        text: joined([amount, s.location ? `Where: ${s.location}` : "", s.providerRole ? `By: ${s.providerRole}` : ""]),
      });
    });
    for (const a of doc.accommodations) {
      items.push({
        kind: "accommodation",
        id: a.id,
        title: clean(a.text) || "Accommodation",
        text: joined([a.when, a.providedBy]),
      });
    }
  } else {
    for (const s of doc.aidsAndServices) {
      items.push({
        kind: "service",
        id: s.id,
        title: clean(s.description) || "Aid or service",
        text: joined([s.frequency, s.location, s.providedBy]),
      });
    }
    for (const a of doc.accommodations) {
      items.push({
        kind: "accommodation",
        id: a.id,
        title: clean(a.text) || "Accommodation",
        text: joined([a.when, a.providedBy]),
      });
    }
  }
  return items;
}

/**
 * The parent's notice that they will audio-record the meeting (Cal. Ed. Code 56341.1(g)(1)): due 24
 * hours before it. Only California has this rule in Lantern's state table; elsewhere null.
 */
export function audioRecordingNotice(input: {
  state: string;
  meetingAt: string;
  givenAt: string;
  parentName: string;
  studentName: string;
  meetingWhen: string;
  location: string;
}): { text: string; dueBy: string; onTime: boolean; citation: string } | null {
  if (input.state !== "CA") return null;
  const dueBy = new Date(Date.parse(input.meetingAt) - AUDIO_RECORDING_NOTICE_HOURS * 3_600_000).toISOString();
  const onTime = Date.parse(input.givenAt) <= Date.parse(dueBy);
  const text =
    `I, ${input.parentName}, give notice that I will audio-record the IEP team meeting for ${input.studentName} on ` +
    `${input.meetingWhen} at ${input.location}, as California Education Code section 56341.1(g)(1) allows. ` +
    "This notice is given at least 24 hours before the meeting.";
  return { text, dueBy, onTime, citation: MEETING_PREPARATION_CITATIONS.audioRecording };
}

// ---- Wire schemas ---------------------------------------------------------------------------------

export const ZMeetingIdParams = ZStudentIdParams.extend({
  meetingId: z.uuid({ error: "meetingId must be the id of a meeting (a UUID)" }),
});
export const ZSharedDraftParams = ZStudentIdParams.extend({
  shareId: z.uuid({ error: "shareId must be the id of a shared draft (a UUID)" }),
});
export const ZDraftCommentParams = ZSharedDraftParams.extend({
  commentId: z.uuid({ error: "commentId must be the id of a comment (a UUID)" }),
});

export const ZMeetingPreparationBody = z.object({
  concerns: z.string().trim().max(8000).default(""),
  questions: z.string().trim().max(8000).default(""),
  /** California: the family will audio-record the meeting; saving gives the 24-hour notice. */
  willAudioRecord: z.boolean().default(false),
});
export type MeetingPreparationBody = z.input<typeof ZMeetingPreparationBody>;

export const ZDraftCommentBody = z.object({
  itemKind: ZDraftItemKind,
  itemId: z.string().min(1).max(64),
  text: z.string().trim().min(1, { message: "Write your comment" }).max(4000),
});
export type DraftCommentBody = z.input<typeof ZDraftCommentBody>;

export const ZDraftAnswerBody = z.object({
  text: z.string().trim().min(1, { message: "Write your answer" }).max(4000),
});
export type DraftAnswerBody = z.input<typeof ZDraftAnswerBody>;

export const ZDraftAnswer = z.object({ id: z.string(), text: z.string(), by: z.string(), at: z.string() });
export const ZDraftComment = z.object({
  id: z.string(),
  itemKind: ZDraftItemKind,
  itemId: z.string(),
  text: z.string(),
  by: z.string(),
  at: z.string(),
  answers: z.array(ZDraftAnswer),
});
export type DraftComment = z.infer<typeof ZDraftComment>;

export const ZSharedDraft = z.object({
  id: z.string(),
  planId: z.string(),
  versionNumber: z.number().int(),
  sharedAt: z.string(),
  sharedBy: z.string(),
  items: z.array(ZDraftItem),
  comments: z.array(ZDraftComment),
});
export type SharedDraft = z.infer<typeof ZSharedDraft>;

export const ZAudioRecordingNotice = z.object({
  text: z.string(),
  dueBy: z.string(),
  givenAt: z.string(),
  onTime: z.boolean(),
  citation: z.string(),
});

export const ZMeetingPreparation = z.object({
  meetingId: z.string(),
  planId: z.string(),
  planType: z.string(),
  scheduledAt: z.string(),
  location: z.string(),
  purpose: z.string(),
  /** Before the meeting starts: the family may still write, and comment on the shared draft. */
  open: z.boolean(),
  /** California: the family may give the 24-hour notice that it will audio-record the meeting. */
  audioRecordingRule: z.string().nullable(),
  family: z
    .object({
      concerns: z.string(),
      questions: z.string(),
      willAudioRecord: z.boolean(),
      updatedAt: z.string(),
      updatedBy: z.string(),
      recordingNotice: ZAudioRecordingNotice.nullable(),
    })
    .nullable(),
  sharedDraft: ZSharedDraft.nullable(),
});
export type MeetingPreparation = z.infer<typeof ZMeetingPreparation>;
export const ZMeetingPreparationList = z.object({ items: z.array(ZMeetingPreparation) });
export type MeetingPreparationList = z.infer<typeof ZMeetingPreparationList>;
