/**
 * Record who attended the meeting (34 CFR 300.321), written excusals (300.321(e)), how the parent
 * took part (300.322(c)), the notes, and attempts to involve the parent (300.322(d)). The version
 * under discussion (draft or proposal) gets the same facts.
 */
import {
  type AttendanceEntry,
  DomainError,
  type Excusal,
  type ParentContactAttempt,
  ZExcusal,
  ZParentContactAttempt,
} from "@lantern/core";
import { auditAs, inTransaction, type UseCaseDeps } from "../deps.ts";
import { type PlanActor, updateOpenContent } from "./plan-support.ts";

export type RecordAttendanceInput = {
  studentId: string;
  planId: string;
  meetingId: string;
  attendance: AttendanceEntry[];
  notes?: string | undefined;
  parentConcerns?: string | undefined;
  parentParticipation?: "in-person" | "phone" | "video" | "did-not-participate" | null | undefined;
  parentContactAttempts?: ParentContactAttempt[] | undefined;
  actor: PlanActor;
};

export async function recordAttendance(deps: UseCaseDeps, input: RecordAttendanceInput): Promise<{ revision: number }> {
  return inTransaction(deps, async (tx) => {
    const { plans } = tx.repos;
    const audit = auditAs(tx.audit, input.actor);
    const plan = await plans.findPlan(input.studentId, input.planId, { forUpdate: true });
    const meeting = await plans.findMeeting(plan.id, input.meetingId);
    const version = await plans.currentVersion(plan);
    if (meeting.versionId !== version.id) {
      throw new DomainError("invalid-transition", "This meeting was for an earlier version of the plan");
    }
    const known = new Set(version.content.attendees.map((a) => a.id));
    const unknown = input.attendance.filter((a) => !known.has(a.attendeeId));
    if (unknown.length > 0) {
      throw new DomainError("invalid-input", "Attendance names someone who is not on the team", {
        issues: unknown.map((u) => ({
          path: `/attendance/${input.attendance.indexOf(u)}/attendeeId`,
          message: "not an invited team member",
        })),
      });
    }
    // An excused member keeps the written excusal already in the plan unless a new one is given.
    const excusalOf = (attendeeId: string, given: unknown): Excusal =>
      ZExcusal.parse(given ?? version.content.attendees.find((a) => a.id === attendeeId)?.excusal ?? {}) as Excusal;
    const excusals = input.attendance
      .filter((a) => a.status === "excused")
      .map((a) => ({ attendeeId: a.attendeeId, excusal: excusalOf(a.attendeeId, a.excusal) }));
    // Logging only a contact attempt (no attendance given) leaves the recorded attendance alone.
    const recordsAttendance = input.attendance.length > 0;
    const attempts = (input.parentContactAttempts ?? []).map((a) => ZParentContactAttempt.parse(a));
    const now = tx.clock.now();
    await plans.recordMeeting(meeting.id, {
      attendance: recordsAttendance ? { entries: input.attendance, excusals, recordedAt: now } : null,
      notes: input.notes ?? meeting.notes,
      parentContactAttempts: [...meeting.parentContactAttempts, ...attempts],
      at: now,
    });
    const byId = new Map(input.attendance.map((a) => [a.attendeeId, a]));
    const saved = await updateOpenContent(
      plans,
      version.id,
      plan.id,
      input.actor.personId,
      ["draft", "proposed"],
      (doc) => ({
        ...doc,
        attendees: doc.attendees.map((a) => {
          const entry = byId.get(a.id);
          if (!entry) return a;
          return {
            ...a,
            attendance: entry.status,
            excusal: entry.status === "excused" ? excusalOf(a.id, entry.excusal) : a.excusal,
          };
        }),
        meeting: {
          ...doc.meeting,
          date: meeting.scheduledAt.slice(0, 10),
          notes: input.notes ?? doc.meeting.notes,
          parentConcerns: input.parentConcerns ?? doc.meeting.parentConcerns,
          parentParticipation:
            input.parentParticipation === undefined ? doc.meeting.parentParticipation : input.parentParticipation,
          parentContactAttempts: [...doc.meeting.parentContactAttempts, ...attempts],
        },
      }),
    );
    await audit({
      action: "meeting.attendance-recorded",
      studentId: plan.studentId,
      subject: `plan:${plan.id}`,
      details: { planId: plan.id, meetingId: meeting.id, attended: input.attendance.length },
    });
    if (attempts.length > 0) {
      await audit({
        action: "meeting.parent-contact-attempted",
        studentId: plan.studentId,
        subject: `plan:${plan.id}`,
        details: { planId: plan.id, meetingId: meeting.id, attempts: attempts.length },
      });
    }
    return { revision: saved.revision };
  });
}
