/**
 * The notice of a plan meeting as a tagged PDF for the family: core's `meetingNoticeDocumentFor`
 * writes the words (for an IEP, the contents of 34 CFR 300.322(b), each part with its rule); this
 * file lays them out. A notice is not a draft of anything, so it never carries the DRAFT mark.
 * In Spanish, the purpose prints in Spanish when a person translated it (decision 0027), with who
 * and when; the team's other words print as written, marked English, after a plain line.
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
import { MUTED, PDF_LANG, translatedByLine } from "./plan-pdf-parts.ts";

const ONLY_ENGLISH_ES = "Esta parte está solo en inglés:";

/** Page labels of the notice in each language it is written in. */
const LABELS = {
  en: { to: "To", about: "About", from: "From", sentOn: "Date of this notice", language: "Language", team: "" },
  es: {
    to: "Para",
    about: "Sobre",
    from: "De",
    sentOn: "Fecha de este aviso",
    language: "Idioma",
    team: "Las partes que escribió el equipo de la escuela están en inglés, como las escribió.",
  },
} as const;

export function meetingNoticePdfDocument(
  notice: MeetingNoticeDocument,
  options: { purposeTranslation?: { text: string; by: string; at: string } | null | undefined } = {},
): PdfDocumentSpec {
  const L = LABELS[notice.lang];
  const translated = notice.lang === "es" ? (options.purposeTranslation ?? null) : null;
  // In a notice in another language, the team's own words stay as written and are marked English.
  const team = notice.lang === "en" ? {} : { lang: "en-US" };
  const header: (readonly [string, string])[] = [
    [L.to, notice.to],
    [L.about, notice.about],
    [L.from, notice.from],
    ...(notice.sentOn ? [[L.sentOn, notice.sentOn] as const] : []),
    ...(notice.language ? [[L.language, notice.language] as const] : []),
  ];
  const sections: Block[] = notice.sections.flatMap((s): Block[] => [
    h2(s.title),
    ...(s.citation ? [{ ...p(s.citation, { ...MUTED, spaceAfter: 4 }), keepWithNext: true }] : []),
    ...(s.key === "purpose" && translated && s.teamParagraphs
      ? [p([`${translated.text.trim()} `, { text: translatedByLine(translated.by, translated.at), italic: true }])]
      : sectionParagraphs(s)),
    ...(s.items.length > 0 ? [{ ...list(s.items), ...(s.teamItems ? team : {}) }] : []),
  ]);
  function sectionParagraphs(s: MeetingNoticeDocument["sections"][number]): Block[] {
    const note = notice.lang === "es" && s.teamParagraphs ? [{ ...p(ONLY_ENGLISH_ES), keepWithNext: true }] : [];
    return [
      ...note,
      ...s.paragraphs.map((text, i) => ({
        ...p(text),
        ...(i === s.paragraphs.length - 1 && s.items.length > 0 ? { keepWithNext: true } : {}),
        ...(s.teamParagraphs ? team : {}),
      })),
    ];
  }
  const hasTeamWords = notice.sections.some((s) => s.teamParagraphs || s.teamItems);
  return {
    title: `${notice.title}: ${notice.about}`,
    lang: PDF_LANG[notice.lang],
    subject: notice.title,
    margins: [60, 60, 60, 60],
    fontSize: 11,
    footer: `${notice.about} · ${notice.title}`,
    body: [
      h1(notice.title),
      p(notice.citation, { ...MUTED, spaceAfter: 10 }),
      fields(header),
      p(notice.intro, { spaceBefore: 8, spaceAfter: 4 }),
      ...(notice.lang !== "en" && hasTeamWords ? [p(L.team, { ...MUTED, spaceAfter: 4 })] : []),
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
