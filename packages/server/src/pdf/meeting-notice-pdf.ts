/**
 * The notice of a plan meeting as a tagged PDF for the family: core's `meetingNoticeDocumentFor`
 * writes the words (for an IEP, the contents of 34 CFR 300.322(b), each part with its rule); this
 * file lays them out. A notice is not a draft of anything, so it never carries the DRAFT mark.
 */
import {
  type MeetingNotice,
  type MeetingNoticeDocument,
  type PlanDocument,
  TEAM_ROLE_LABELS,
  ZMeetingNotice,
  ZPlanAttendee,
} from "@lantern/core";
import { type Block, fields, h1, h2, list, type PdfDocumentSpec, p } from "./pdf-model.ts";
import { MUTED } from "./plan-pdf-parts.ts";

export function meetingNoticePdfDocument(notice: MeetingNoticeDocument): PdfDocumentSpec {
  const header: (readonly [string, string])[] = [
    ["To", notice.to],
    ["About", notice.about],
    ["From", notice.from],
    ...(notice.sentOn ? [["Date of this notice", notice.sentOn] as const] : []),
    ...(notice.language ? [["Language", notice.language] as const] : []),
  ];
  const sections: Block[] = notice.sections.flatMap((s): Block[] => [
    h2(s.title),
    ...(s.citation ? [{ ...p(s.citation, { ...MUTED, spaceAfter: 4 }), keepWithNext: true }] : []),
    ...s.paragraphs.map((text, i) =>
      i === s.paragraphs.length - 1 && s.items.length > 0 ? { ...p(text), keepWithNext: true } : p(text),
    ),
    ...(s.items.length > 0 ? [list(s.items)] : []),
  ]);
  return {
    title: `${notice.title}: ${notice.about}`,
    subject: notice.title,
    margins: [60, 60, 60, 60],
    fontSize: 11,
    footer: `${notice.about} · ${notice.title}`,
    body: [
      h1(notice.title),
      p(notice.citation, { ...MUTED, spaceAfter: 10 }),
      fields(header),
      p(notice.intro, { spaceBefore: 8, spaceAfter: 4 }),
      ...sections,
    ],
  };
}

/**
 * The notice of a scheduled meeting: the one recorded when it was scheduled, or, when none was,
 * one made of the meeting's place, purpose and invited members on the plan's meeting date.
 */
export function noticeOfMeeting(
  meeting: { notice: unknown; location: string; purpose: string; attendees: readonly unknown[] },
  doc: PlanDocument,
): MeetingNotice {
  const recorded = ZMeetingNotice.safeParse(meeting.notice);
  if (meeting.notice && recorded.success) return recorded.data;
  const attendees = meeting.attendees.flatMap((a) => {
    const parsed = ZPlanAttendee.safeParse(a);
    return parsed.success ? [parsed.data.title || TEAM_ROLE_LABELS[parsed.data.role]] : [];
  });
  const built = ZMeetingNotice.safeParse({
    date: doc.meeting.date,
    location: meeting.location,
    purpose: meeting.purpose,
    attendees,
  });
  return built.success ? built.data : ZMeetingNotice.parse({ date: doc.meeting.date });
}
