/**
 * A parent who disagrees with the school's evaluation asks for an independent educational
 * evaluation at public expense (34 CFR 300.502(b); California Ed. Code 56329(b)–(c)): the school
 * must, without unnecessary delay, either pay for it or file for a hearing to show its own
 * evaluation is appropriate, and give the parent its criteria and where an evaluation can be had.
 */
import { z } from "zod";
import { ZIsoDate } from "../shared/dates.ts";
import { stateRules } from "../states/state-table.ts";
import {
  formatLetterDate,
  type Letter,
  type LetterLanguage,
  type LetterWords,
  letterFrame,
  studentWords,
  ZLetterParties,
} from "./letter.ts";

export const ZIndependentEvaluationLetterInput = ZLetterParties.extend({
  /** Which of the school's evaluations the parent disagrees with, e.g. "the psychoeducational assessment". */
  evaluationDescription: z.string().trim().min(1).max(300).optional(),
  evaluationDate: ZIsoDate.optional(),
});
export type IndependentEvaluationLetterInput = z.infer<typeof ZIndependentEvaluationLetterInput>;

const EN = {
  schoolsEvaluation: "the school's evaluation",
  dated: (date: string) => ` dated ${date}`,
  opening: (student: string, school: string, which: string, name: string, citation: string) =>
    `I am the parent of ${student}, who attends ${school}. I disagree with ${which}, and I request an independent educational evaluation of ${name} at public expense (${citation}).`,
  payOrHearing:
    "I understand that the district must act without unnecessary delay. It must either make sure the independent evaluation is provided at public expense, or file for a due process hearing to show that its own evaluation is appropriate. The district must also consider the results of the independent evaluation (34 CFR 300.502(b)(2), (c)).",
  subject: (name: string) => `Request for an independent educational evaluation for ${name}`,
  requests: [
    "the district's criteria for independent evaluations, and where I can get one (34 CFR 300.502(a)(2));",
    "the district's answer in writing: that it will pay for the evaluation, or that it has filed for a hearing;",
    "written confirmation of the date this request was received.",
  ],
};

const ES: LetterWords<typeof EN> = {
  schoolsEvaluation: "la evaluación de la escuela",
  dated: (date) => ` con fecha del ${date}`,
  opening: (student, school, which, name, citation) =>
    `Soy el padre, la madre o el tutor de ${student}, que va a ${school}. No estoy de acuerdo con ${which}, y pido una evaluación educativa independiente de ${name}, pagada con fondos públicos (${citation}).`,
  payOrHearing:
    "Entiendo que el distrito, sin demoras innecesarias, tiene que pagar la evaluación independiente o pedir una audiencia de debido proceso para mostrar que su evaluación es apropiada. También entiendo que el distrito tiene que tomar en cuenta los resultados de la evaluación independiente (34 CFR 300.502(b)(2), (c)).",
  subject: (name) => `Solicitud de una evaluación educativa independiente para ${name}`,
  requests: [
    "los requisitos del distrito para las evaluaciones independientes y dónde se puede conseguir una (34 CFR 300.502(a)(2));",
    "la respuesta del distrito por escrito: que va a pagar la evaluación, o que pidió una audiencia;",
    "una confirmación por escrito de la fecha en que recibieron esta solicitud.",
  ],
};

const WORDS: Record<LetterLanguage, LetterWords<typeof EN>> = { en: EN, es: ES };

export function buildIndependentEvaluationRequestLetter(input: IndependentEvaluationLetterInput): Letter {
  const { studentName, schoolName, language } = input;
  const w = WORDS[language];
  const rules = stateRules(input.state);
  const which = input.evaluationDescription ?? w.schoolsEvaluation;
  const when = input.evaluationDate ? w.dated(formatLetterDate(input.evaluationDate, language)) : "";
  const paragraphs = [
    w.opening(studentWords(input), schoolName, `${which}${when}`, studentName, rules.independentEvaluation.citation),
  ];
  if (input.concerns) paragraphs.push(input.concerns);
  paragraphs.push(w.payOrHearing);
  return letterFrame(input, {
    subject: w.subject(studentName),
    paragraphs,
    requests: [...w.requests],
    citations: ["34 CFR 300.502", rules.independentEvaluation.citation],
  });
}
