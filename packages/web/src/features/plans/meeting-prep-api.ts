/** The team's side of meeting preparation: read the family's part, share the draft, answer comments. */
import type { MeetingPreparation, MeetingPreparationList } from "@lantern/core";
import { api } from "../../lib/api-client.ts";

export type { MeetingPreparation, MeetingPreparationList };

const base = (studentId: string) => `/api/students/${encodeURIComponent(studentId)}`;

export const meetingPrepApi = {
  list: (studentId: string, signal?: AbortSignal) =>
    api.get<MeetingPreparationList>(`${base(studentId)}/meeting-preparation`, undefined, signal),
  share: (studentId: string, meetingId: string) =>
    api.post<MeetingPreparationList>(`${base(studentId)}/meetings/${encodeURIComponent(meetingId)}/shared-drafts`, {}),
  answer: (studentId: string, shareId: string, commentId: string, text: string) =>
    api.post<MeetingPreparationList>(
      `${base(studentId)}/shared-drafts/${encodeURIComponent(shareId)}/comments/${encodeURIComponent(commentId)}/answers`,
      { text },
    ),
};
