/**
 * A parent asks for an IEP meeting: the IEP is revised as needed (34 CFR 300.324(b)(1)), at a
 * mutually agreed time and place, with a notice of the meeting (300.322(a)–(b)). In California the
 * meeting is due within 30 days of the written request (Ed. Code 56343.5, from the state table);
 * federal rules set no number of days.
 */
import type { z } from "zod";
import { stateRules } from "../states/state-table.ts";
import {
  dayCountWords,
  type Letter,
  type LetterLanguage,
  type LetterWords,
  letterFrame,
  studentWords,
  ZLetterParties,
} from "./letter.ts";

export const ZIepMeetingLetterInput = ZLetterParties;
export type IepMeetingLetterInput = z.infer<typeof ZIepMeetingLetterInput>;

const EN = {
  opening: (student: string, school: string, name: string) =>
    `I am the parent of ${student}, who attends ${school}. I am writing to request a meeting of ${name}'s IEP team to review and, where needed, revise the IEP (34 CFR 300.324(b)(1)).`,
  withinDays: (days: string, citation: string) =>
    `I understand that the meeting must be held within ${days} of receiving this written request (${citation}), at a time and place we agree on (34 CFR 300.322(a)).`,
  federal:
    "Federal rules set no number of days for a meeting a parent asks for, but the meeting must be scheduled at a mutually agreed time and place (34 CFR 300.322(a)). Please let me know promptly when it can be held.",
  subject: (name: string) => `Request for an IEP meeting for ${name}`,
  requests: [
    "possible dates and times for the meeting;",
    "the written notice of the meeting, with its purpose, time, location and who will attend (34 CFR 300.322(b));",
    "any new reports or data the team will discuss, before the meeting if possible;",
    "written confirmation of the date this request was received.",
  ],
};

const ES: LetterWords<typeof EN> = {
  opening: (student, school, name) =>
    `Soy el padre, la madre o el tutor de ${student}, que va a ${school}. Le escribo para pedir una reunión del equipo del IEP de ${name}, para revisar el IEP y cambiarlo donde haga falta (34 CFR 300.324(b)(1)).`,
  withinDays: (days, citation) =>
    `Entiendo que la reunión tiene que ser dentro de ${days} después de recibir esta solicitud por escrito (${citation}), en una hora y un lugar que acordemos (34 CFR 300.322(a)).`,
  federal:
    "Las reglas federales no fijan un número de días para una reunión que pide un padre, pero la reunión tiene que ser en una hora y un lugar que acordemos (34 CFR 300.322(a)). Por favor, avíseme pronto cuándo se puede hacer.",
  subject: (name) => `Solicitud de una reunión del IEP para ${name}`,
  requests: [
    "fechas y horas posibles para la reunión;",
    "el aviso de la reunión por escrito, con su propósito, la hora, el lugar y quiénes van a venir (34 CFR 300.322(b));",
    "los informes o datos nuevos que el equipo va a revisar, antes de la reunión si es posible;",
    "una confirmación por escrito de la fecha en que recibieron esta solicitud.",
  ],
};

const WORDS: Record<LetterLanguage, LetterWords<typeof EN>> = { en: EN, es: ES };

export function buildIepMeetingRequestLetter(input: IepMeetingLetterInput): Letter {
  const { studentName, schoolName, language } = input;
  const w = WORDS[language];
  const rules = stateRules(input.state);
  const onRequest = rules.iepMeetingOnRequest;
  const paragraphs = [w.opening(studentWords(input), schoolName, studentName)];
  if (input.concerns) paragraphs.push(input.concerns);
  paragraphs.push(
    onRequest.value ? w.withinDays(dayCountWords(onRequest.value, language), onRequest.citation) : w.federal,
  );
  const citations = ["34 CFR 300.324(b)(1)", "34 CFR 300.322(a)-(b)"];
  if (onRequest.value) citations.push(onRequest.citation);
  return letterFrame(input, {
    subject: w.subject(studentName),
    paragraphs,
    requests: [...w.requests],
    citations,
  });
}
