/**
 * A parent asks for a Section 504 meeting: evaluation before placement and a decision by a group
 * of people who know the student, drawing on a variety of sources (34 CFR 104.35(a), (c)), the
 * rights notice (104.36). Federal rules set no number of days; the letter says OCR expects a
 * reasonable time, and asks the school to consider an IDEA evaluation if special education may be
 * needed (child find, 300.111).
 */
import type { z } from "zod";
import {
  type Letter,
  type LetterLanguage,
  type LetterWords,
  letterFrame,
  studentWords,
  ZLetterParties,
} from "./letter.ts";

export const ZSection504MeetingLetterInput = ZLetterParties;
export type Section504MeetingLetterInput = z.infer<typeof ZSection504MeetingLetterInput>;

const EN = {
  opening: (student: string, school: string, name: string) =>
    `I am the parent of ${student}, who attends ${school}. I am asking the school's Section 504 coordinator to call a meeting. The meeting should decide whether ${name} has a disability under Section 504 of the Rehabilitation Act and needs accommodations, aids or services at school. I also ask that the group write down what the school will provide (34 CFR 104.33; 34 CFR 104.35).`,
  group:
    "I ask that the group include people who know my child, the evaluation information and the placement options. I ask that it draw on a variety of sources, including my information, teacher reports, grades and any medical information I provide (34 CFR 104.35(c)).",
  reasonableTime:
    "Section 504 sets no federal number of days for this. But the Office for Civil Rights expects the school to evaluate within a reasonable time once it has reason to believe a student needs services. If the school believes my child may need special education, I also ask that it consider an evaluation under IDEA (34 CFR 300.111).",
  subject: (name: string) => `Request for a Section 504 meeting for ${name}`,
  requests: [
    "possible dates and times for the meeting, and the names of the people who will attend;",
    "a copy of the notice of my rights under Section 504, including my right to see my child's records and to an impartial hearing (34 CFR 104.36);",
    "the school's decision in writing, with the information it relied on;",
    "written confirmation of the date this request was received.",
  ],
};

const ES: LetterWords<typeof EN> = {
  opening: (student, school, name) =>
    `Soy el padre, la madre o el tutor de ${student}, que va a ${school}. Pido al coordinador de la Sección 504 de la escuela que haga una reunión para decidir si ${name} tiene una discapacidad según la Sección 504 de la Ley de Rehabilitación y necesita adaptaciones, ayudas o servicios en la escuela, y para escribir lo que la escuela le va a dar (34 CFR 104.33; 34 CFR 104.35).`,
  group:
    "Pido que el grupo tenga personas que conocen a mi hijo, los datos de la evaluación y las opciones de colocación. También pido que use varias fuentes, como lo que yo cuento, los informes de los maestros, las notas y los datos médicos que yo dé (34 CFR 104.35(c)).",
  reasonableTime:
    "La Sección 504 no fija un número federal de días para esto, pero la Oficina de Derechos Civiles espera que la escuela evalúe en un tiempo razonable cuando tiene razones para creer que un estudiante necesita servicios. Si la escuela cree que mi hijo puede necesitar educación especial, también pido que piense en una evaluación por IDEA (34 CFR 300.111).",
  subject: (name) => `Solicitud de una reunión de la Sección 504 para ${name}`,
  requests: [
    "fechas y horas posibles para la reunión, y los nombres de las personas que van a venir;",
    "una copia del aviso de mis derechos por la Sección 504, incluido mi derecho a ver el expediente de mi hijo y a una audiencia imparcial (34 CFR 104.36);",
    "la decisión de la escuela por escrito, con los datos en que se basó;",
    "una confirmación por escrito de la fecha en que recibieron esta solicitud.",
  ],
};

const WORDS: Record<LetterLanguage, LetterWords<typeof EN>> = { en: EN, es: ES };

export function buildSection504MeetingRequestLetter(input: Section504MeetingLetterInput): Letter {
  const { studentName, schoolName, language } = input;
  const w = WORDS[language];
  const paragraphs = [w.opening(studentWords(input), schoolName, studentName)];
  if (input.concerns) paragraphs.push(input.concerns);
  paragraphs.push(w.group, w.reasonableTime);
  return letterFrame(input, {
    subject: w.subject(studentName),
    paragraphs,
    requests: [...w.requests],
    citations: ["34 CFR 104.33", "34 CFR 104.35(a), (c)", "34 CFR 104.36", "34 CFR 300.111"],
  });
}
