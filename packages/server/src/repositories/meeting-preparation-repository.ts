/**
 * Meeting preparation (migration 0096): the family's concerns and questions per meeting, frozen
 * copies of drafts shared before a meeting, and comments on them with the team's answers.
 */
import type { DraftItem, DraftItemKind } from "@lantern/core";
import { type Kysely, sql } from "kysely";
import type { Database } from "../db/schema.ts";

export type MeetingPreparationRecord = {
  meetingId: string;
  concerns: string;
  questions: string;
  willAudioRecord: boolean;
  recordingNoticeGivenAt: string | null;
  recordingNotice: string | null;
  updatedBy: string;
  updatedAt: string;
};

export type SharedDraftRecord = {
  id: string;
  meetingId: string;
  planId: string;
  versionNumber: number;
  items: DraftItem[];
  sharedBy: string;
  sharedAt: string;
};

export type DraftCommentRecord = {
  id: string;
  shareId: string;
  itemKind: DraftItemKind;
  itemId: string;
  answersId: string | null;
  body: string;
  by: string;
  at: string;
};

const iso = (d: Date | string) => new Date(d).toISOString();
const parse = <T>(v: unknown): T => (typeof v === "string" ? (JSON.parse(v) as T) : (v as T));
const nameOf = sql<string>`p.first_name || ' ' || p.last_name`;

export type MeetingRow = {
  id: string;
  planId: string;
  planType: string;
  versionId: string;
  scheduledAt: string;
  location: string;
  purpose: string;
};

const shareOf = (r: {
  id: string;
  meeting_id: string;
  plan_id: string;
  version_number: number;
  items: unknown;
  shared_at: Date | string;
  shared_by_name: string;
}): SharedDraftRecord => ({
  id: r.id,
  meetingId: r.meeting_id,
  planId: r.plan_id,
  versionNumber: r.version_number,
  items: parse<DraftItem[]>(r.items),
  sharedBy: r.shared_by_name,
  sharedAt: iso(r.shared_at),
});

export function createMeetingPreparationRepository(db: Kysely<Database>) {
  /** Shared drafts, each with the name of who shared it. */
  const shares = () =>
    db
      .selectFrom("shared_drafts as s")
      .innerJoin("people as p", "p.id", "s.shared_by")
      .select([
        "s.id",
        "s.meeting_id",
        "s.plan_id",
        "s.version_number",
        "s.items",
        "s.shared_at",
        nameOf.as("shared_by_name"),
      ]);
  const meetings = () =>
    db
      .selectFrom("plan_meetings as m")
      .innerJoin("plans as p", "p.id", "m.plan_id")
      .select(["m.id", "m.plan_id", "p.type", "m.version_id", "m.scheduled_at", "m.location", "m.purpose"]);
  type Row = Awaited<ReturnType<ReturnType<typeof meetings>["executeTakeFirstOrThrow"]>>;
  const toMeeting = (r: Row): MeetingRow => ({
    id: r.id,
    planId: r.plan_id,
    planType: r.type,
    versionId: r.version_id,
    scheduledAt: iso(r.scheduled_at),
    location: r.location,
    purpose: r.purpose,
  });
  return {
    /** One meeting of the student's plans (null when the id is another student's or unknown). */
    async meetingOf(studentId: string, meetingId: string): Promise<MeetingRow | null> {
      const r = await meetings().where("m.id", "=", meetingId).where("p.student_id", "=", studentId).executeTakeFirst();
      return r ? toMeeting(r) : null;
    },

    /** The student's meetings scheduled after `since`, soonest first. */
    async meetingsSince(studentId: string, since: Date, limit = 20): Promise<MeetingRow[]> {
      const rows = await meetings()
        .where("p.student_id", "=", studentId)
        .where("m.scheduled_at", ">=", since)
        .orderBy("m.scheduled_at")
        .orderBy("m.id")
        .limit(limit)
        .execute();
      return rows.map(toMeeting);
    },

    async savePreparation(p: {
      meetingId: string;
      studentId: string;
      concerns: string;
      questions: string;
      willAudioRecord: boolean;
      recordingNotice: { givenAt: string; text: string } | null;
      personId: string;
    }): Promise<void> {
      await db
        .insertInto("meeting_preparations")
        .values({
          meeting_id: p.meetingId,
          student_id: p.studentId,
          concerns: p.concerns,
          questions: p.questions,
          will_audio_record: p.willAudioRecord,
          recording_notice_given_at: p.recordingNotice ? new Date(p.recordingNotice.givenAt) : null,
          recording_notice: p.recordingNotice?.text ?? null,
          updated_by: p.personId,
        })
        .onConflict((oc) =>
          oc.column("meeting_id").doUpdateSet({
            concerns: p.concerns,
            questions: p.questions,
            will_audio_record: p.willAudioRecord,
            recording_notice_given_at: p.recordingNotice ? new Date(p.recordingNotice.givenAt) : null,
            recording_notice: p.recordingNotice?.text ?? null,
            updated_by: p.personId,
            updated_at: sql`now()`,
          }),
        )
        .execute();
    },

    async preparations(meetingIds: readonly string[]): Promise<Map<string, MeetingPreparationRecord>> {
      const out = new Map<string, MeetingPreparationRecord>();
      if (meetingIds.length === 0) return out;
      const rows = await db
        .selectFrom("meeting_preparations as m")
        .innerJoin("people as p", "p.id", "m.updated_by")
        .select([
          "m.meeting_id",
          "m.concerns",
          "m.questions",
          "m.will_audio_record",
          "m.recording_notice_given_at",
          "m.recording_notice",
          "m.updated_at",
          nameOf.as("updated_by_name"),
        ])
        .where("m.meeting_id", "in", [...meetingIds])
        .execute();
      for (const r of rows) {
        out.set(r.meeting_id, {
          meetingId: r.meeting_id,
          concerns: r.concerns,
          questions: r.questions,
          willAudioRecord: r.will_audio_record,
          recordingNoticeGivenAt: r.recording_notice_given_at ? iso(r.recording_notice_given_at) : null,
          recordingNotice: r.recording_notice,
          updatedBy: r.updated_by_name,
          updatedAt: iso(r.updated_at),
        });
      }
      return out;
    },

    async insertShare(s: {
      studentId: string;
      meetingId: string;
      planId: string;
      versionId: string;
      versionNumber: number;
      items: readonly DraftItem[];
      personId: string;
    }): Promise<string> {
      const row = await db
        .insertInto("shared_drafts")
        .values({
          student_id: s.studentId,
          meeting_id: s.meetingId,
          plan_id: s.planId,
          version_id: s.versionId,
          version_number: s.versionNumber,
          items: JSON.stringify(s.items),
          shared_by: s.personId,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      return row.id;
    },

    /** The latest share of each meeting (a draft shared again replaces the one the family sees). */
    async latestShares(meetingIds: readonly string[]): Promise<Map<string, SharedDraftRecord>> {
      const out = new Map<string, SharedDraftRecord>();
      if (meetingIds.length === 0) return out;
      const rows = await shares()
        .where("s.meeting_id", "in", [...meetingIds])
        .orderBy("s.shared_at", "asc")
        .orderBy("s.id")
        .execute();
      for (const r of rows) out.set(r.meeting_id, shareOf(r));
      return out;
    },

    async findShare(studentId: string, shareId: string): Promise<(SharedDraftRecord & { latest: boolean }) | null> {
      const r = await shares()
        .select([
          sql<boolean>`not exists (select 1 from shared_drafts n where n.meeting_id = s.meeting_id
            and (n.shared_at, n.id) > (s.shared_at, s.id))`.as("latest"),
        ])
        .where("s.id", "=", shareId)
        .where("s.student_id", "=", studentId)
        .executeTakeFirst();
      if (!r) return null;
      return { ...shareOf(r), latest: Boolean(r.latest) };
    },

    async insertComment(c: {
      shareId: string;
      studentId: string;
      itemKind: DraftItemKind;
      itemId: string;
      answersId: string | null;
      body: string;
      personId: string;
    }): Promise<string> {
      const row = await db
        .insertInto("draft_comments")
        .values({
          share_id: c.shareId,
          student_id: c.studentId,
          item_kind: c.itemKind,
          item_id: c.itemId,
          answers_id: c.answersId,
          body: c.body,
          written_by: c.personId,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async findComment(shareId: string, commentId: string): Promise<DraftCommentRecord | null> {
      return (await this.comments([shareId])).find((c) => c.id === commentId) ?? null;
    },

    /** Comments and answers on these shares, oldest first. */
    async comments(shareIds: readonly string[]): Promise<DraftCommentRecord[]> {
      if (shareIds.length === 0) return [];
      const rows = await db
        .selectFrom("draft_comments as c")
        .innerJoin("people as p", "p.id", "c.written_by")
        .select([
          "c.id",
          "c.share_id",
          "c.item_kind",
          "c.item_id",
          "c.answers_id",
          "c.body",
          "c.written_at",
          nameOf.as("by"),
        ])
        .where("c.share_id", "in", [...shareIds])
        .orderBy("c.written_at")
        .orderBy("c.id")
        .execute();
      return rows.map((r) => ({
        id: r.id,
        shareId: r.share_id,
        itemKind: r.item_kind as DraftItemKind,
        itemId: r.item_id,
        answersId: r.answers_id,
        body: r.body,
        by: r.by,
        at: iso(r.written_at),
      }));
    },
  };
}
