/**
 * The notice of a plan meeting as a document for the family, in words: for an IEP, the contents of
 * 34 CFR 300.322(b) — purpose, time, location and who will attend (b)(1)(i); the right to bring
 * others with knowledge or special expertise (b)(1)(ii); the Part C coordinator for a child coming
 * from early intervention (b)(1)(iii); and, for a student at the transition age, that transition is
 * a purpose, that the student is invited, and which other agencies are invited (b)(2) — plus how to
 * change the time or take part by phone or video (300.322(a)(2), (c)). For a Section 504 plan, the
 * notice of 34 CFR 104.36. Each part names the rule it meets; the server prints it as a PDF and the
 * web shows it, so both say the same thing.
 */
import { formatTime } from "../shared/date-format.ts";
import { formatLongDate, isIsoDate } from "../shared/dates.ts";
import { isTransitionRequired, MEETING_NOTICE_CITATION, type MeetingNoticeFacts } from "./meeting-notice.ts";
import type { MeetingNotice, PlanTeamRole } from "./plan-common.ts";
import type { PlanDocument } from "./plan-document.ts";
import { TEAM_ROLE_LABELS } from "./plan-labels.ts";

export type MeetingNoticeSectionKey =
  | "purpose"
  | "time"
  | "location"
  | "attendees"
  | "rightToBringOthers"
  | "partCCoordinator"
  | "transition"
  | "cannotAttend";

export type MeetingNoticeSection = {
  key: MeetingNoticeSectionKey;
  title: string;
  /** The rule this part meets; null for information no rule requires. */
  citation: string | null;
  paragraphs: string[];
  /** People, roles or agencies, one per line. */
  items: string[];
};

export type MeetingNoticeDocument = {
  title: string;
  citation: string;
  /** The parents or guardians it is addressed to. */
  to: string;
  /** The student, grade and school. */
  about: string;
  from: string;
  /** The date the notice was sent, in words, or null. */
  sentOn: string | null;
  /** The language the notice is written in, when recorded. */
  language: string | null;
  intro: string;
  sections: MeetingNoticeSection[];
  /** Whether the transition contents were included because the student is at the transition age. */
  transitionRequired: boolean;
};

export type MeetingNoticeDocumentInput = {
  planType: "iep" | "section-504";
  notice: MeetingNotice;
  studentName: string;
  /** What the family calls the student (preferred or first name). */
  callName: string;
  grade?: string | undefined;
  school?: string | undefined;
  district?: string | undefined;
  guardians: readonly string[];
} & MeetingNoticeFacts;

const filled = (text: string | null | undefined): text is string => (text ?? "").trim() !== "";

/** A notice's "HH:MM" as people read it, by core's time formatter: "15:30" → "3:30 PM". */
function clockTime(time: string): string {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(time) ? formatTime(`2000-01-01T${time}:00Z`, "en", "UTC") : time;
}

const roleLabel = (attendee: string): string =>
  attendee in TEAM_ROLE_LABELS ? TEAM_ROLE_LABELS[attendee as PlanTeamRole] : attendee;

/** The notice in words, each part with the rule it meets. Pure: the same input gives the same words. */
export function buildMeetingNoticeDocument(input: MeetingNoticeDocumentInput): MeetingNoticeDocument {
  const { notice, callName: name } = input;
  const isIep = input.planType === "iep";
  const cite = (iepCitation: string) => (isIep ? iepCitation : "34 CFR 104.36");
  const transitionRequired =
    isIep &&
    isTransitionRequired({
      dateOfBirth: input.dateOfBirth,
      meetingDate: notice.date,
      planEnd: input.planEnd,
      transitionDiscussed: input.transitionDiscussed,
      transitionAge: input.transitionAge,
    });
  const when =
    notice.date && isIsoDate(notice.date)
      ? `${formatLongDate(notice.date)}${notice.time ? ` at ${clockTime(notice.time)}` : ""}`
      : "The date has not been set yet; the school will tell you in writing.";
  const attendees = notice.attendees.filter(filled).map((a) => roleLabel(a.trim()));
  const sections: MeetingNoticeSection[] = [
    {
      key: "purpose",
      title: "Why we are meeting",
      citation: cite("34 CFR 300.322(b)(1)(i)"),
      paragraphs: [filled(notice.purpose) ? notice.purpose.trim() : "The purpose has not been written yet."],
      items: [],
    },
    { key: "time", title: "When", citation: cite("34 CFR 300.322(b)(1)(i)"), paragraphs: [when], items: [] },
    {
      key: "location",
      title: "Where",
      citation: cite("34 CFR 300.322(b)(1)(i)"),
      paragraphs: [filled(notice.location) ? notice.location.trim() : "The place has not been set yet."],
      items: [],
    },
    {
      key: "attendees",
      title: "Who will attend",
      citation: cite("34 CFR 300.322(b)(1)(i)"),
      paragraphs: attendees.length > 0 ? [] : ["The school has not listed who will attend yet."],
      items: attendees,
    },
    {
      key: "rightToBringOthers",
      title: "You may bring others",
      citation: isIep ? "34 CFR 300.322(b)(1)(ii); 300.321(a)(6)" : null,
      paragraphs: [
        `You may invite other people who have knowledge or special expertise about ${name}, for example a relative, a friend, an advocate or a therapist.`,
      ],
      items: [],
    },
  ];
  if (isIep && (input.fromPartC === true || notice.informsPartCCoordinator === true)) {
    sections.push({
      key: "partCCoordinator",
      title: "Early intervention (Part C)",
      citation: "34 CFR 300.322(b)(1)(iii)",
      paragraphs: [
        `Because ${name} received early intervention services under Part C, you may ask the school to invite the Part C service coordinator or other representatives of the Part C system, to help ${name} move smoothly into school services.`,
      ],
      items: [],
    });
  }
  if (transitionRequired || (isIep && notice.transitionIsPurpose)) {
    const agencies = notice.agenciesInvited.filter(filled).map((a) => a.trim());
    sections.push({
      key: "transition",
      title: "Planning for life after high school",
      citation: "34 CFR 300.322(b)(2)",
      paragraphs: [
        `A purpose of this meeting is to consider postsecondary goals and transition services for ${name}.`,
        `${name} is invited to the meeting.`,
        agencies.length > 0
          ? "These agencies are invited to send a representative:"
          : "No other agency is invited to send a representative.",
      ],
      items: agencies,
    });
  }
  sections.push({
    key: "cannotAttend",
    title: "If you cannot come",
    citation: isIep ? "34 CFR 300.322(a)(2); 300.322(c); 300.328" : null,
    paragraphs: [
      "If this time or place does not work for you, tell the school: it will look for a time and place that suit you both.",
      "If you cannot come in person, you can take part by phone or video call.",
    ],
    items: [],
  });
  const guardians = input.guardians.filter(filled);
  return {
    title: isIep ? "Notice of IEP team meeting" : "Notice of Section 504 meeting",
    citation: isIep ? MEETING_NOTICE_CITATION : "34 CFR 104.36",
    to: guardians.length > 0 ? guardians.join(" and ") : "Parent or guardian",
    about: [input.studentName, filled(input.grade) ? `grade ${input.grade.trim()}` : "", input.school ?? ""]
      .filter(filled)
      .join(", "),
    from: filled(input.district) ? input.district.trim() : filled(input.school) ? input.school.trim() : "The school",
    sentOn: notice.sentOn && isIsoDate(notice.sentOn) ? formatLongDate(notice.sentOn) : null,
    language: filled(notice.language) ? notice.language.trim() : null,
    intro: isIep
      ? `You are invited to a meeting of ${name}'s IEP team. As ${name}'s parent you are a member of the team, and the school wants you to take part.`
      : `You are invited to a meeting about ${name}'s Section 504 plan. The school wants you to take part.`,
    sections,
    transitionRequired,
  };
}

/** The notice of a meeting for a plan, with the student's details taken from the plan document. */
export function meetingNoticeDocumentFor(
  doc: PlanDocument,
  notice: MeetingNotice,
  facts: Pick<MeetingNoticeFacts, "fromPartC" | "transitionAge"> = {},
): MeetingNoticeDocument {
  const s = doc.student;
  return buildMeetingNoticeDocument({
    planType: doc.type,
    notice,
    studentName: `${s.firstName} ${s.lastName}`.trim() || "Student",
    callName: (filled(s.preferredName) ? s.preferredName : s.firstName).trim() || "your child",
    grade: s.grade,
    school: s.school,
    district: s.district,
    guardians: s.guardians.map((g) => g.name),
    dateOfBirth: s.dateOfBirth,
    planEnd: doc.type === "iep" ? doc.dates.planEnd : null,
    transitionDiscussed: doc.type === "iep" && doc.transition !== null,
    fromPartC: facts.fromPartC,
    transitionAge: facts.transitionAge,
  });
}
