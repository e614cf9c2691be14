/**
 * What the family and the team are told about meeting preparation (in the inbox, and by email unless
 * they chose in-app only): the family wrote for the meeting, with its recording notice (delivered
 * this way to the team, Cal. Ed. Code 56341.1(g)(1)); the team shared its draft; a comment was
 * written or answered. Messages name the child by first name only, never what anyone wrote.
 */
import type { UseCaseDeps } from "../deps.ts";
import { notify } from "./notify.ts";

type Meeting = { studentId: string; planId: string; actorId: string };

const planLink = (m: Meeting) => `/students/${m.studentId}/plans/${m.planId}`;
const caseFileLink = (m: Meeting) => `/students/${m.studentId}/case-file`;

/** The family wrote its concerns and questions; with a recording notice, the team is told of it. */
export async function familyPreparedMeeting(
  tx: UseCaseDeps,
  m: Meeting & { when: string; familyName: string; recordingNotice: { givenAt: string; onTime: boolean } | null },
): Promise<void> {
  const who = await tx.repos.inbox.studentAudience(m.studentId);
  const notice = m.recordingNotice
    ? ` ${m.familyName} will make an audio recording of the meeting (Cal. Ed. Code 56341.1(g)(1)); notice given ${m.recordingNotice.onTime ? "at least 24 hours before it" : "less than 24 hours before it"}.`
    : "";
  await notify(
    tx,
    who.staff.filter((id) => id !== m.actorId),
    {
      kind: "meeting-family-prepared",
      title: `${who.firstName}'s family wrote for the meeting on ${m.when}`,
      body: `${m.familyName} wrote concerns and questions for the meeting about ${who.firstName} on ${m.when}. Read them in the meeting's agenda.${notice}`,
      link: planLink(m),
      districtId: who.districtId,
    },
  );
}

export async function draftSharedWithFamily(tx: UseCaseDeps, m: Meeting & { when: string }): Promise<void> {
  const who = await tx.repos.inbox.studentAudience(m.studentId);
  await notify(tx, who.guardians, {
    kind: "meeting-draft-shared",
    title: `Read the draft plan for ${who.firstName} before the meeting`,
    body: `The school team shared a copy of the draft plan for ${who.firstName} before the meeting on ${m.when}. You can comment on each goal, service and accommodation.`,
    link: caseFileLink(m),
    districtId: who.districtId,
  });
}

export async function draftCommented(tx: UseCaseDeps, m: Meeting & { familyName: string }): Promise<void> {
  const who = await tx.repos.inbox.studentAudience(m.studentId);
  await notify(
    tx,
    who.staff.filter((id) => id !== m.actorId),
    {
      kind: "meeting-draft-comment",
      title: `${who.firstName}'s family commented on the shared draft`,
      body: `${m.familyName} commented on the draft plan for ${who.firstName}. Answer it in the meeting's agenda.`,
      link: planLink(m),
      districtId: who.districtId,
    },
  );
}

export async function draftCommentAnswered(tx: UseCaseDeps, m: Meeting): Promise<void> {
  const who = await tx.repos.inbox.studentAudience(m.studentId);
  await notify(
    tx,
    who.guardians.filter((id) => id !== m.actorId),
    {
      kind: "meeting-draft-answer",
      title: `The team answered your comment about ${who.firstName}'s plan`,
      body: `The school team answered your comment on the draft plan for ${who.firstName}.`,
      link: caseFileLink(m),
      districtId: who.districtId,
    },
  );
}
