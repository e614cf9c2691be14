/**
 * A parent asks for prior written notice of a refusal: when the school refuses to start or change
 * the identification, evaluation, placement or services of a child, it must say so in writing with
 * the seven contents of 34 CFR 300.503(b), in the parent's native language (300.503(c)).
 */
import { z } from "zod";
import { ZIsoDate } from "../shared/dates.ts";
import {
  formatLetterDate,
  type Letter,
  type LetterLanguage,
  type LetterWords,
  letterFrame,
  studentWords,
  ZLetterParties,
} from "./letter.ts";

export const ZPriorWrittenNoticeLetterInput = ZLetterParties.extend({
  /** What the parent asked for and the school refused, in the parent's words. */
  refusedRequest: z.string().trim().min(1).max(1000),
  /** When the parent asked (optional). */
  requestedOn: ZIsoDate.optional(),
});
export type PriorWrittenNoticeLetterInput = z.infer<typeof ZPriorWrittenNoticeLetterInput>;

const EN = {
  on: (date: string) => ` On ${date}`,
  earlier: " Earlier",
  opening: (student: string, school: string, when: string, refused: string) =>
    `I am the parent of ${student}, who attends ${school}.${when}, I asked the school for the following: ${refused} The school has refused, or has not agreed.`,
  noticeDue:
    "When a school refuses to start or change a child's identification, evaluation, educational placement or services, it must give the parent prior written notice (34 CFR 300.503(a)(2)). I request that notice, in my native language (34 CFR 300.503(c)).",
  subject: (name: string) => `Request for prior written notice of a refusal about ${name}`,
  requests: [
    "a description of what the school refuses to do (34 CFR 300.503(b)(1));",
    "why the school refuses (34 CFR 300.503(b)(2));",
    "each evaluation, assessment, record or report the school used to decide (34 CFR 300.503(b)(3));",
    "a statement of my procedural safeguards and how to get a copy of them (34 CFR 300.503(b)(4));",
    "sources I can contact for help understanding my rights (34 CFR 300.503(b)(5));",
    "the other options the school considered and why it rejected them (34 CFR 300.503(b)(6));",
    "any other factors relevant to the refusal (34 CFR 300.503(b)(7)).",
  ],
};

const ES: LetterWords<typeof EN> = {
  on: (date) => ` El ${date}`,
  earlier: " Antes",
  opening: (student, school, when, refused) =>
    `Soy el padre, la madre o el tutor de ${student}, que va a ${school}.${when} le pedí a la escuela lo siguiente: ${refused} La escuela dijo que no, o no ha aceptado.`,
  noticeDue:
    "Cuando una escuela se niega a empezar o cambiar la identificación, la evaluación, la colocación educativa o los servicios de un niño, tiene que dar al padre una notificación previa por escrito (34 CFR 300.503(a)(2)). Pido esa notificación en mi idioma (34 CFR 300.503(c)).",
  subject: (name) => `Solicitud de notificación previa por escrito de una negativa sobre ${name}`,
  requests: [
    "una descripción de lo que la escuela se niega a hacer (34 CFR 300.503(b)(1));",
    "por qué la escuela se niega (34 CFR 300.503(b)(2));",
    "cada evaluación, prueba, expediente o informe que la escuela usó para decidir (34 CFR 300.503(b)(3));",
    "una explicación de mis garantías procesales y cómo conseguir una copia (34 CFR 300.503(b)(4));",
    "a quién puedo llamar para que me ayude a entender mis derechos (34 CFR 300.503(b)(5));",
    "las otras opciones que la escuela pensó y por qué las rechazó (34 CFR 300.503(b)(6));",
    "cualquier otra razón que tenga que ver con la negativa (34 CFR 300.503(b)(7)).",
  ],
};

const WORDS: Record<LetterLanguage, LetterWords<typeof EN>> = { en: EN, es: ES };

export function buildPriorWrittenNoticeRequestLetter(input: PriorWrittenNoticeLetterInput): Letter {
  const { studentName, schoolName, language } = input;
  const w = WORDS[language];
  const when = input.requestedOn ? w.on(formatLetterDate(input.requestedOn, language)) : w.earlier;
  const paragraphs = [w.opening(studentWords(input), schoolName, when, input.refusedRequest)];
  if (input.concerns) paragraphs.push(input.concerns);
  paragraphs.push(w.noticeDue);
  return letterFrame(input, {
    subject: w.subject(studentName),
    paragraphs,
    requests: [...w.requests],
    citations: ["34 CFR 300.503(a)(2)", "34 CFR 300.503(b)", "34 CFR 300.503(c)"],
  });
}
