/**
 * Meeting preparation for families: the family's concerns and questions for a meeting (34 CFR
 * 300.324(a)(1)(ii)), which the team reads in the meeting's agenda; a frozen copy of the draft the
 * team shares before the meeting, commented on item by item by the family and answered by the team;
 * and, in California, the notice that the family will audio-record the meeting (Ed. Code
 * 56341.1(g)(1)). Each change and its audit event commit together.
 */
import {
  audioRecordingNotice,
  DomainError,
  type DraftAnswerBody,
  type DraftCommentBody,
  draftItems,
  MEETING_PREPARATION_CITATIONS,
  type MeetingPreparation,
  type MeetingPreparationBody,
  type MeetingPreparationList,
  ZDraftAnswerBody,
  ZDraftCommentBody,
  ZMeetingPreparationBody,
} from "@lantern/core";
import type { MeetingRow } from "../../repositories/meeting-preparation-repository.ts";
import { type Actor, auditAs, inTransaction, type UseCaseDeps } from "../deps.ts";
import {
  draftCommentAnswered,
  draftCommented,
  draftSharedWithFamily,
  familyPreparedMeeting,
} from "../inbox/meeting-preparation-events.ts";

type Where = { studentId: string; districtId: string };
/** Meetings stay on the list this long after they were held, so the answers can still be read. */
const KEEP_AFTER_MS = 30 * 86_400_000;

function whenText(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", {
    dateStyle: "long",
    timeStyle: "short",
    timeZone,
  }).format(new Date(iso));
}

/**
 * The student's recent and coming meetings (or, with `all`, every meeting: the whole-record export),
 * each with the family's preparation and the shared draft.
 */
export async function listMeetingPreparations(
  deps: UseCaseDeps,
  input: Where & { all?: boolean },
): Promise<MeetingPreparationList> {
  const { repos } = deps;
  const now = deps.clock.now();
  const [meetings, state] = await Promise.all([
    repos.meetingPreparation.meetingsSince(
      input.studentId,
      input.all ? new Date(0) : new Date(now.getTime() - KEEP_AFTER_MS),
      input.all ? 100_000 : 20,
    ),
    repos.districts.state(input.districtId),
  ]);
  const ids = meetings.map((m) => m.id);
  const [preparations, shares] = await Promise.all([
    repos.meetingPreparation.preparations(ids),
    repos.meetingPreparation.latestShares(ids),
  ]);
  const comments = await repos.meetingPreparation.comments([...shares.values()].map((s) => s.id));
  const items: MeetingPreparation[] = meetings.map((m) => {
    const prep = preparations.get(m.id);
    const share = shares.get(m.id);
    const mine = share ? comments.filter((c) => c.shareId === share.id) : [];
    return {
      meetingId: m.id,
      planId: m.planId,
      planType: m.planType,
      scheduledAt: m.scheduledAt,
      location: m.location,
      purpose: m.purpose,
      open: Date.parse(m.scheduledAt) > now.getTime(),
      audioRecordingRule: state === "CA" ? MEETING_PREPARATION_CITATIONS.audioRecording : null,
      family: prep
        ? {
            concerns: prep.concerns,
            questions: prep.questions,
            willAudioRecord: prep.willAudioRecord,
            updatedAt: prep.updatedAt,
            updatedBy: prep.updatedBy,
            recordingNotice:
              prep.recordingNotice && prep.recordingNoticeGivenAt
                ? {
                    text: prep.recordingNotice,
                    givenAt: prep.recordingNoticeGivenAt,
                    dueBy: new Date(Date.parse(m.scheduledAt) - 24 * 3_600_000).toISOString(),
                    onTime: Date.parse(prep.recordingNoticeGivenAt) <= Date.parse(m.scheduledAt) - 24 * 3_600_000,
                    citation: MEETING_PREPARATION_CITATIONS.audioRecording,
                  }
                : null,
          }
        : null,
      sharedDraft: share
        ? {
            id: share.id,
            planId: share.planId,
            versionNumber: share.versionNumber,
            sharedAt: share.sharedAt,
            sharedBy: share.sharedBy,
            items: share.items,
            comments: mine
              .filter((c) => c.answersId === null)
              .map((c) => ({
                id: c.id,
                itemKind: c.itemKind,
                itemId: c.itemId,
                text: c.body,
                by: c.by,
                at: c.at,
                answers: mine
                  .filter((a) => a.answersId === c.id)
                  .map((a) => ({ id: a.id, text: a.body, by: a.by, at: a.at })),
              })),
          }
        : null,
    };
  });
  return { items };
}

async function meetingFor(deps: UseCaseDeps, studentId: string, meetingId: string): Promise<MeetingRow> {
  const meeting = await deps.repos.meetingPreparation.meetingOf(studentId, meetingId);
  if (!meeting) throw new DomainError("not-found", "No such meeting for this student");
  return meeting;
}

function mustBeBefore(deps: UseCaseDeps, meeting: MeetingRow, what: string): void {
  if (Date.parse(meeting.scheduledAt) <= deps.clock.now().getTime()) {
    throw new DomainError("conflict", `The meeting has started or passed; ${what}`);
  }
}

/** The family writes (or rewrites) its concerns and questions; in California, its recording notice. */
export async function saveMeetingPreparation(
  deps: UseCaseDeps,
  input: Where & { meetingId: string; body: MeetingPreparationBody; actor: Actor },
): Promise<MeetingPreparationList> {
  const body = ZMeetingPreparationBody.parse(input.body);
  const meeting = await meetingFor(deps, input.studentId, input.meetingId);
  mustBeBefore(deps, meeting, "bring your concerns to the team or write in the communication log");
  const [state, student, timeZone, before] = await Promise.all([
    deps.repos.districts.state(input.districtId),
    deps.repos.students.findDetail(input.studentId),
    deps.repos.districts.timeZone(input.districtId),
    deps.repos.meetingPreparation.preparations([meeting.id]),
  ]);
  if (!student) throw new Error("student vanished after authorization");
  if (body.willAudioRecord && state !== "CA") {
    throw new DomainError(
      "invalid-input",
      "Lantern writes a recording notice only where the state's law asks for one",
      {
        issues: [{ path: "/willAudioRecord", message: "No recording notice rule for this state" }],
      },
    );
  }
  const earlier = before.get(meeting.id);
  // A notice already given stands with its time; a new one is given now.
  const givenAt =
    earlier?.willAudioRecord && earlier.recordingNoticeGivenAt
      ? earlier.recordingNoticeGivenAt
      : deps.clock.now().toISOString();
  const notice = body.willAudioRecord
    ? audioRecordingNotice({
        state: state ?? "",
        meetingAt: meeting.scheduledAt,
        givenAt,
        parentName: input.actor.name ?? "the parent",
        studentName: `${student.firstName} ${student.lastName}`,
        meetingWhen: whenText(meeting.scheduledAt, timeZone),
        location: meeting.location,
      })
    : null;
  await inTransaction(deps, async (tx) => {
    await tx.repos.meetingPreparation.savePreparation({
      meetingId: meeting.id,
      studentId: input.studentId,
      concerns: body.concerns,
      questions: body.questions,
      willAudioRecord: body.willAudioRecord,
      recordingNotice: notice ? { givenAt, text: notice.text } : null,
      personId: input.actor.personId,
    });
    await auditAs(
      tx.audit,
      input.actor,
    )({
      action: "meeting.family-preparation-saved",
      studentId: input.studentId,
      subject: `meeting:${meeting.id}`,
      details: { meetingId: meeting.id, willAudioRecord: body.willAudioRecord, noticeOnTime: notice?.onTime ?? null },
    });
    await familyPreparedMeeting(tx, {
      studentId: input.studentId,
      planId: meeting.planId,
      actorId: input.actor.personId,
      when: whenText(meeting.scheduledAt, timeZone),
      familyName: input.actor.name ?? "The family",
      // Told once: when the notice is first given, not on every later save.
      recordingNotice:
        notice && !(earlier?.willAudioRecord && earlier.recordingNoticeGivenAt)
          ? { givenAt, onTime: notice.onTime }
          : null,
    });
  });
  return listMeetingPreparations(deps, input);
}

/** Staff share a frozen copy of the meeting's draft with the family (a new copy replaces the last). */
export async function shareDraft(
  deps: UseCaseDeps,
  input: Where & { meetingId: string; actor: Actor },
): Promise<MeetingPreparationList> {
  const meeting = await meetingFor(deps, input.studentId, input.meetingId);
  mustBeBefore(deps, meeting, "a draft is shared before the meeting");
  const version = await deps.repos.plans.findVersion(meeting.planId, meeting.versionId);
  if (version.status !== "draft" && version.status !== "proposed") {
    throw new DomainError("conflict", "Only a draft or proposed plan is shared before its meeting");
  }
  const items = draftItems(version.content);
  await inTransaction(deps, async (tx) => {
    const id = await tx.repos.meetingPreparation.insertShare({
      studentId: input.studentId,
      meetingId: meeting.id,
      planId: meeting.planId,
      versionId: meeting.versionId,
      versionNumber: version.number,
      items,
      personId: input.actor.personId,
    });
    await auditAs(
      tx.audit,
      input.actor,
    )({
      action: "meeting.draft-shared",
      studentId: input.studentId,
      subject: `shared-draft:${id}`,
      details: { shareId: id, meetingId: meeting.id, versionId: meeting.versionId, items: items.length },
    });
    await draftSharedWithFamily(tx, {
      studentId: input.studentId,
      planId: meeting.planId,
      actorId: input.actor.personId,
      when: whenText(meeting.scheduledAt, await tx.repos.districts.timeZone(input.districtId)),
    });
  });
  return listMeetingPreparations(deps, input);
}

async function openShare(deps: UseCaseDeps, studentId: string, shareId: string) {
  const share = await deps.repos.meetingPreparation.findShare(studentId, shareId);
  if (!share) throw new DomainError("not-found", "No such shared draft for this student");
  const meeting = await meetingFor(deps, studentId, share.meetingId);
  return { share, meeting };
}

/** The family comments on one goal, service or accommodation of the shared copy, before the meeting. */
export async function commentOnDraft(
  deps: UseCaseDeps,
  input: Where & { shareId: string; body: DraftCommentBody; actor: Actor },
): Promise<MeetingPreparationList> {
  const body = ZDraftCommentBody.parse(input.body);
  const { share, meeting } = await openShare(deps, input.studentId, input.shareId);
  mustBeBefore(deps, meeting, "bring your comment to the meeting");
  if (!share.latest)
    throw new DomainError("conflict", "The team shared a newer copy of the draft; comment on that one");
  if (!share.items.some((i) => i.kind === body.itemKind && i.id === body.itemId)) {
    throw new DomainError("invalid-input", "That item is not in the shared draft", {
      issues: [{ path: "/itemId", message: `No ${body.itemKind} "${body.itemId}" in the shared draft` }],
    });
  }
  await inTransaction(deps, async (tx) => {
    const id = await tx.repos.meetingPreparation.insertComment({
      shareId: share.id,
      studentId: input.studentId,
      itemKind: body.itemKind,
      itemId: body.itemId,
      answersId: null,
      body: body.text,
      personId: input.actor.personId,
    });
    await auditAs(
      tx.audit,
      input.actor,
    )({
      action: "meeting.draft-comment-written",
      studentId: input.studentId,
      subject: `draft-comment:${id}`,
      details: { shareId: share.id, commentId: id, itemKind: body.itemKind, itemId: body.itemId },
    });
    await draftCommented(tx, {
      studentId: input.studentId,
      planId: share.planId,
      actorId: input.actor.personId,
      familyName: input.actor.name ?? "The family",
    });
  });
  return listMeetingPreparations(deps, input);
}

/** The case manager (or other staff who run the plan) answers a family's comment. */
export async function answerDraftComment(
  deps: UseCaseDeps,
  input: Where & { shareId: string; commentId: string; body: DraftAnswerBody; actor: Actor },
): Promise<MeetingPreparationList> {
  const body = ZDraftAnswerBody.parse(input.body);
  const { share } = await openShare(deps, input.studentId, input.shareId);
  const comment = await deps.repos.meetingPreparation.findComment(share.id, input.commentId);
  if (!comment || comment.answersId !== null) throw new DomainError("not-found", "No such comment on this draft");
  await inTransaction(deps, async (tx) => {
    const id = await tx.repos.meetingPreparation.insertComment({
      shareId: share.id,
      studentId: input.studentId,
      itemKind: comment.itemKind,
      itemId: comment.itemId,
      answersId: comment.id,
      body: body.text,
      personId: input.actor.personId,
    });
    await auditAs(
      tx.audit,
      input.actor,
    )({
      action: "meeting.draft-comment-answered",
      studentId: input.studentId,
      subject: `draft-comment:${comment.id}`,
      details: { shareId: share.id, commentId: comment.id, answerId: id },
    });
    await draftCommentAnswered(tx, { studentId: input.studentId, planId: share.planId, actorId: input.actor.personId });
  });
  return listMeetingPreparations(deps, input);
}
