/**
 * Schedule the team meeting for the plan's current version: when, where, why, who is invited
 * (34 CFR 300.321(a)), and the notice to the parent with the contents of 300.322(b). The draft's
 * meeting section and attendee list are filled from it; what the draft's notice already says and
 * the request leaves out is kept.
 */
import {
  DomainError,
  defaultTeam,
  type MeetingNotice,
  type ParentContactAttempt,
  type PlanAttendee,
  ZMeetingNotice,
  ZPlanAttendee,
} from "@lantern/core";
import { auditAs, inTransaction, type UseCaseDeps } from "../deps.ts";
import { meetingScheduled } from "../inbox/plan-events.ts";
import { type PlanActor, updateOpenContent } from "./plan-support.ts";

export type ScheduleMeetingInput = {
  studentId: string;
  planId: string;
  /** ISO date-time with offset, e.g. "2026-12-01T15:30:00-08:00". */
  scheduledAt: string;
  location: string;
  purpose: string;
  meetingType?: "initial" | "annual" | "amendment" | "reevaluation" | "transition" | "other" | null | undefined;
  /** Invited team members; default: the student's guardians, caseload staff and classroom teacher. */
  attendees?: unknown[] | undefined;
  /** The notice sent to the parent (300.322(b)); sentOn set when it went out. */
  notice?: unknown;
  parentContactAttempts?: ParentContactAttempt[] | undefined;
  actor: PlanActor;
};

export async function scheduleMeeting(deps: UseCaseDeps, input: ScheduleMeetingInput): Promise<{ meetingId: string }> {
  return inTransaction(deps, async (tx) => {
    const { plans } = tx.repos;
    const audit = auditAs(tx.audit, input.actor);
    const plan = await plans.findPlan(input.studentId, input.planId, { forUpdate: true });
    const version = await plans.currentVersion(plan);
    if (version.status !== "draft" && version.status !== "proposed") {
      throw new DomainError(
        "invalid-transition",
        `Meetings are scheduled for a draft or a proposal; this version is ${version.status}: amend the plan first`,
      );
    }
    const attendees: PlanAttendee[] = input.attendees?.length
      ? input.attendees.map((a) => ZPlanAttendee.parse(a))
      : version.content.attendees.length > 0
        ? version.content.attendees
        : defaultTeam(await tx.repos.students.teamCandidates(plan.studentId));
    const date = input.scheduledAt.slice(0, 10);
    const time = input.scheduledAt.slice(11, 16);
    const notice: MeetingNotice | null =
      input.notice === undefined || input.notice === null
        ? null
        : ZMeetingNotice.parse({
            // What the case manager already wrote in the plan's notice (its language, the time
            // agreed with the parent…) stays; the meeting's own facts and the form's choices win.
            ...((version.content.meeting as { notice?: MeetingNotice | null }).notice ?? {}),
            date,
            time,
            location: input.location,
            purpose: input.purpose,
            attendees: attendees.map((a) => a.title || a.role),
            ...(input.notice as object),
          });
    const meetingId = await plans.insertMeeting({
      planId: plan.id,
      versionId: version.id,
      scheduledAt: input.scheduledAt,
      location: input.location,
      purpose: input.purpose,
      meetingType: input.meetingType ?? null,
      notice,
      attendees,
      parentContactAttempts: input.parentContactAttempts ?? [],
      createdBy: input.actor.personId,
    });
    await updateOpenContent(plans, version.id, plan.id, input.actor.personId, ["draft", "proposed"], (doc) => ({
      ...doc,
      attendees,
      meeting: {
        ...doc.meeting,
        date,
        location: input.location,
        type: input.meetingType ?? doc.meeting.type,
        notice: notice ?? doc.meeting.notice,
        parentContactAttempts: [...doc.meeting.parentContactAttempts, ...(input.parentContactAttempts ?? [])],
      },
    }));
    await audit({
      action: "meeting.scheduled",
      studentId: plan.studentId,
      subject: `plan:${plan.id}`,
      details: { planId: plan.id, versionId: version.id, meetingId, scheduledAt: input.scheduledAt },
    });
    if (notice?.sentOn) {
      await audit({
        action: "meeting.notice-sent",
        studentId: plan.studentId,
        subject: `plan:${plan.id}`,
        details: { planId: plan.id, meetingId, sentOn: notice.sentOn },
      });
    }
    await meetingScheduled(tx, plan, {
      meetingId,
      scheduledAt: input.scheduledAt,
      location: input.location,
      purpose: input.purpose,
      actorId: input.actor.personId,
    });
    return { meetingId };
  });
}
