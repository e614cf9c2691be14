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
import { formatLongDate, formatTime } from "../shared/date-format.ts";
import { isIsoDate } from "../shared/dates.ts";
import { labelIn } from "../shared/labels-es.ts";
import { isTransitionRequired, MEETING_NOTICE_CITATION, type MeetingNoticeFacts } from "./meeting-notice.ts";
import type { MeetingNotice } from "./plan-common.ts";
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
  /** The paragraphs are the team's own words, as written (English in a notice in another language). */
  teamParagraphs?: boolean;
  /** The items hold the team's own words, as written. */
  teamItems?: boolean;
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
  /** The language of the notice's own words: "en" or "es" (the team's words stay as written). */
  lang: "en" | "es";
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
  /** The language of the notice's own words (default English). */
  lang?: "en" | "es" | undefined;
} & MeetingNoticeFacts;

const filled = (text: string | null | undefined): text is string => (text ?? "").trim() !== "";

/** The words of the notice in each language it is written in (the rules' citations stay as they are). */
const WORDS = {
  en: {
    notSet: "The date has not been set yet; the school will tell you in writing.",
    at: (time: string) => ` at ${time}`,
    purpose: "Why we are meeting",
    purposeMissing: "The purpose has not been written yet.",
    time: "When",
    location: "Where",
    locationMissing: "The place has not been set yet.",
    attendees: "Who will attend",
    attendeesMissing: "The school has not listed who will attend yet.",
    bring: "You may bring others",
    bringText: (name: string) =>
      `You may invite other people who have knowledge or special expertise about ${name}, for example a relative, a friend, an advocate or a therapist.`,
    partC: "Early intervention (Part C)",
    partCText: (name: string) =>
      `Because ${name} received early intervention services under Part C, you may ask the school to invite the Part C service coordinator or other representatives of the Part C system, to help ${name} move smoothly into school services.`,
    transition: "Planning for life after high school",
    transitionPurpose: (name: string) =>
      `A purpose of this meeting is to consider postsecondary goals and transition services for ${name}.`,
    transitionInvited: (name: string) => `${name} is invited to the meeting.`,
    agencies: "These agencies are invited to send a representative:",
    noAgencies: "No other agency is invited to send a representative.",
    cannotAttend: "If you cannot come",
    cannotAttendText: [
      "If this time or place does not work for you, tell the school: it will look for a time and place that suit you both.",
      "If you cannot come in person, you can take part by phone or video call.",
    ],
    titleIep: "Notice of IEP team meeting",
    title504: "Notice of Section 504 meeting",
    and: " and ",
    noGuardian: "Parent or guardian",
    grade: (g: string) => `grade ${g}`,
    school: "The school",
    introIep: (name: string) =>
      `You are invited to a meeting of ${name}'s IEP team. As ${name}'s parent you are a member of the team, and the school wants you to take part.`,
    intro504: (name: string) =>
      `You are invited to a meeting about ${name}'s Section 504 plan. The school wants you to take part.`,
  },
  es: {
    notSet: "Todavía no hay fecha. La escuela le va a avisar por escrito.",
    at: (time: string) => ` a las ${time}`,
    purpose: "Para qué nos reunimos",
    purposeMissing: "Todavía no se escribió para qué es la reunión.",
    time: "Cuándo",
    location: "Dónde",
    locationMissing: "Todavía no hay lugar.",
    attendees: "Quiénes van a venir",
    attendeesMissing: "La escuela todavía no dijo quiénes van a venir.",
    bring: "Puede traer a otras personas",
    bringText: (name: string) =>
      `Puede invitar a otras personas que conocen bien a ${name} o que saben de un tema especial, por ejemplo un familiar, un amigo, un defensor o un terapeuta.`,
    partC: "Intervención temprana (Parte C)",
    partCText: (name: string) =>
      `Como ${name} recibió servicios de intervención temprana de la Parte C, puede pedir a la escuela que invite al coordinador de servicios de la Parte C o a otras personas de ese programa, para ayudar a ${name} a pasar bien a los servicios de la escuela.`,
    transition: "Planes para la vida después de la secundaria",
    transitionPurpose: (name: string) =>
      `Un propósito de esta reunión es hablar de las metas de ${name} para después de la secundaria y de sus servicios de transición.`,
    transitionInvited: (name: string) => `${name} está invitado a la reunión.`,
    agencies: "Estas agencias están invitadas a mandar a una persona:",
    noAgencies: "No se invitó a ninguna otra agencia.",
    cannotAttend: "Si no puede venir",
    cannotAttendText: [
      "Si la hora o el lugar no le sirven, dígaselo a la escuela: va a buscar una hora y un lugar que les sirvan a los dos.",
      "Si no puede venir en persona, puede participar por teléfono o por videollamada.",
    ],
    titleIep: "Aviso de la reunión del equipo del IEP",
    title504: "Aviso de la reunión del plan 504",
    and: " y ",
    noGuardian: "Padre, madre o tutor",
    grade: (g: string) => `grado ${g}`,
    school: "La escuela",
    introIep: (name: string) =>
      `Le invitamos a una reunión del equipo del IEP de ${name}. Como padre o madre de ${name}, usted es parte del equipo, y la escuela quiere que participe.`,
    intro504: (name: string) =>
      `Le invitamos a una reunión sobre el plan 504 de ${name}. La escuela quiere que participe.`,
  },
} as const;

/** The notice in words, each part with the rule it meets. Pure: the same input gives the same words. */
export function buildMeetingNoticeDocument(input: MeetingNoticeDocumentInput): MeetingNoticeDocument {
  const { notice, callName: name } = input;
  const lang = input.lang ?? "en";
  const W = WORDS[lang];
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
  const time = (t: string) =>
    /^([01]\d|2[0-3]):[0-5]\d$/.test(t) ? formatTime(`2000-01-01T${t}:00Z`, lang, "UTC") : t;
  const when =
    notice.date && isIsoDate(notice.date)
      ? `${formatLongDate(notice.date, lang)}${notice.time ? W.at(time(notice.time)) : ""}`
      : W.notSet;
  const rawAttendees = notice.attendees.filter(filled).map((a) => a.trim());
  // Roles are named in the notice's language; a title the team wrote stays as written.
  const attendees = rawAttendees.map((a) => (a in TEAM_ROLE_LABELS ? labelIn("teamRole", a, lang) : a));
  const sections: MeetingNoticeSection[] = [
    {
      key: "purpose",
      title: W.purpose,
      citation: cite("34 CFR 300.322(b)(1)(i)"),
      paragraphs: [filled(notice.purpose) ? notice.purpose.trim() : W.purposeMissing],
      items: [],
      teamParagraphs: filled(notice.purpose),
    },
    { key: "time", title: W.time, citation: cite("34 CFR 300.322(b)(1)(i)"), paragraphs: [when], items: [] },
    {
      key: "location",
      title: W.location,
      citation: cite("34 CFR 300.322(b)(1)(i)"),
      paragraphs: [filled(notice.location) ? notice.location.trim() : W.locationMissing],
      items: [],
      teamParagraphs: filled(notice.location),
    },
    {
      key: "attendees",
      title: W.attendees,
      citation: cite("34 CFR 300.322(b)(1)(i)"),
      paragraphs: attendees.length > 0 ? [] : [W.attendeesMissing],
      items: attendees,
      teamItems: rawAttendees.some((a) => !(a in TEAM_ROLE_LABELS)),
    },
    {
      key: "rightToBringOthers",
      title: W.bring,
      citation: isIep ? "34 CFR 300.322(b)(1)(ii); 300.321(a)(6)" : null,
      paragraphs: [W.bringText(name)],
      items: [],
    },
  ];
  if (isIep && (input.fromPartC === true || notice.informsPartCCoordinator === true)) {
    sections.push({
      key: "partCCoordinator",
      title: W.partC,
      citation: "34 CFR 300.322(b)(1)(iii)",
      paragraphs: [W.partCText(name)],
      items: [],
    });
  }
  if (transitionRequired || (isIep && notice.transitionIsPurpose)) {
    const agencies = notice.agenciesInvited.filter(filled).map((a) => a.trim());
    sections.push({
      key: "transition",
      title: W.transition,
      citation: "34 CFR 300.322(b)(2)",
      paragraphs: [
        W.transitionPurpose(name),
        W.transitionInvited(name),
        agencies.length > 0 ? W.agencies : W.noAgencies,
      ],
      items: agencies,
      teamItems: agencies.length > 0,
    });
  }
  sections.push({
    key: "cannotAttend",
    title: W.cannotAttend,
    citation: isIep ? "34 CFR 300.322(a)(2); 300.322(c); 300.328" : null,
    paragraphs: [...W.cannotAttendText],
    items: [],
  });
  const guardians = input.guardians.filter(filled);
  return {
    title: isIep ? W.titleIep : W.title504,
    citation: isIep ? MEETING_NOTICE_CITATION : "34 CFR 104.36",
    to: guardians.length > 0 ? guardians.join(W.and) : W.noGuardian,
    about: [input.studentName, filled(input.grade) ? W.grade(input.grade.trim()) : "", input.school ?? ""]
      .filter(filled)
      .join(", "),
    from: filled(input.district) ? input.district.trim() : filled(input.school) ? input.school.trim() : W.school,
    sentOn: notice.sentOn && isIsoDate(notice.sentOn) ? formatLongDate(notice.sentOn, lang) : null,
    language: filled(notice.language) ? notice.language.trim() : null,
    intro: isIep ? W.introIep(name) : W.intro504(name),
    sections,
    transitionRequired,
    lang,
  };
}

/** The notice of a meeting for a plan, with the student's details taken from the plan document. */
export function meetingNoticeDocumentFor(
  doc: PlanDocument,
  notice: MeetingNotice,
  facts: Pick<MeetingNoticeFacts, "fromPartC" | "transitionAge"> & { lang?: "en" | "es" | undefined } = {},
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
    lang: facts.lang,
  });
}
