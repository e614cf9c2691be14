/**
 * The plan events people are told about (in the inbox, and by email unless they chose in-app
 * only): a plan waits for the family's signature or consent, a meeting is scheduled (with a
 * calendar invitation), an advocate is given or loses access. Messages name the child by first
 * name only, and never the plan's contents.
 */
import { advocateAccessText, formatDateTime, meetingScheduledText, planWaitsText } from "@lantern/core";
import { icsMeetingInvite } from "../../formats/ics.ts";
import type { PlanRecord } from "../../repositories/plans-repository.ts";
import type { UseCaseDeps } from "../deps.ts";
import { notify } from "./notify.ts";

const planLink = (plan: Pick<PlanRecord, "studentId" | "id">) => `/students/${plan.studentId}/plans/${plan.id}`;

/** A proposal waits for the guardians' signature or consent (34 CFR 300.300, 300.503). */
export async function planWaitsForFamily(tx: UseCaseDeps, plan: PlanRecord): Promise<void> {
  const who = await tx.repos.inbox.studentAudience(plan.studentId);
  await notify(tx, who.guardians, (language) => ({
    kind: "plan-waits-for-family",
    ...planWaitsText(language, { firstName: who.firstName, planType: plan.type }),
    link: planLink(plan),
    districtId: plan.districtId,
  }));
}

export async function meetingScheduled(
  tx: UseCaseDeps,
  plan: PlanRecord,
  meeting: { meetingId: string; scheduledAt: string; location: string; purpose: string; actorId: string },
): Promise<void> {
  const who = await tx.repos.inbox.studentAudience(plan.studentId);
  const timeZone = await tx.repos.districts.timeZone(plan.districtId);
  const stamp = tx.clock.now();
  await notify(
    tx,
    [...who.guardians, ...who.staff].filter((id) => id !== meeting.actorId),
    (language) => {
      const text = meetingScheduledText(language, {
        firstName: who.firstName,
        planType: plan.type,
        when: formatDateTime(meeting.scheduledAt, language, timeZone),
        location: meeting.location,
        purpose: meeting.purpose,
      });
      const invite = icsMeetingInvite({
        uid: `meeting-${meeting.meetingId}@lantern`,
        start: meeting.scheduledAt,
        minutes: 60,
        summary: text.summary,
        location: meeting.location,
        description: meeting.purpose,
        stamp,
      });
      return {
        kind: "meeting-scheduled",
        title: text.title,
        body: text.body,
        link: planLink(plan),
        districtId: plan.districtId,
        attachments: [{ filename: "meeting.ics", contentType: "text/calendar; method=REQUEST", content: invite }],
      };
    },
  );
}

export async function advocateAccessChanged(
  tx: UseCaseDeps,
  input: { studentId: string; advocateId: string; linked: boolean },
): Promise<void> {
  const who = await tx.repos.inbox.studentAudience(input.studentId);
  await notify(tx, [input.advocateId], (language) => ({
    kind: input.linked ? "advocate-linked" : "advocate-unlinked",
    ...advocateAccessText(language, { firstName: who.firstName, linked: input.linked }),
    link: input.linked ? `/students/${input.studentId}` : null,
    districtId: who.districtId,
  }));
}
