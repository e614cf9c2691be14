/**
 * A parent asks to see and copy the child's education records (34 CFR 300.613; FERPA 34 CFR 99.10),
 * with the state's time limit from the state table: California, copies within 5 business days at
 * no more than the cost of copying (Ed. Code 56504); federally, without unnecessary delay, before
 * any IEP meeting or hearing, and within 45 days (300.613(a)). It also asks for the record of who
 * has had access (300.614).
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

export const ZRecordsLetterInput = ZLetterParties;
export type RecordsLetterInput = z.infer<typeof ZRecordsLetterInput>;

const EN = {
  opening: (student: string, school: string, name: string) =>
    `I am the parent of ${student}, who attends ${school}. I am asking to inspect and receive copies of all of ${name}'s education records. This includes evaluations and assessments, IEPs or 504 plans, progress reports, service logs, discipline records, and notes or emails about my child kept in the school's files (34 CFR 300.613; 34 CFR 99.10).`,
  federal:
    "I understand that the school must let me see the records without unnecessary delay, before any IEP meeting or hearing, and in no case more than 45 days after this request (34 CFR 300.613(a)).",
  state: (days: string, citation: string) =>
    `I understand that the district must give me copies within ${days} of this request, at no more than the cost of copying (${citation}), and in any case before any IEP meeting or hearing (34 CFR 300.613(a)).`,
  subject: (name: string) => `Request for ${name}'s education records`,
  requests: [
    "copies of the records listed above, or a time when I can look at them and have them explained;",
    "the record of who has had access to my child's records, other than the family and the school's own staff (34 CFR 300.614);",
    "written confirmation of the date this request was received.",
  ],
};

const ES: LetterWords<typeof EN> = {
  opening: (student, school, name) =>
    `Soy el padre, la madre o el tutor de ${student}, que va a ${school}. Pido ver y recibir copias de todo el expediente escolar de ${name}: evaluaciones y pruebas, IEP o Planes 504, informes de progreso, registros de servicios, registros de disciplina, y notas o correos sobre mi hijo que guarda la escuela (34 CFR 300.613; 34 CFR 99.10).`,
  federal:
    "Entiendo que la escuela tiene que dejarme ver el expediente sin demoras innecesarias, antes de cualquier reunión del IEP o audiencia, y nunca más de 45 días después de esta solicitud (34 CFR 300.613(a)).",
  state: (days, citation) =>
    `Entiendo que el distrito tiene que darme las copias dentro de ${days} después de esta solicitud, a no más del costo de copiarlas (${citation}), y siempre antes de cualquier reunión del IEP o audiencia (34 CFR 300.613(a)).`,
  subject: (name) => `Solicitud del expediente escolar de ${name}`,
  requests: [
    "copias de los documentos de arriba, o una hora en que pueda verlos y que me los expliquen;",
    "el registro de acceso: las personas de fuera de la familia y del personal de la escuela que han visto el expediente de mi hijo (34 CFR 300.614);",
    "una confirmación por escrito de la fecha en que recibieron esta solicitud.",
  ],
};

const WORDS: Record<LetterLanguage, LetterWords<typeof EN>> = { en: EN, es: ES };

export function buildRecordsRequestLetter(input: RecordsLetterInput): Letter {
  const { studentName, schoolName, language } = input;
  const w = WORDS[language];
  const rules = stateRules(input.state);
  const access = rules.recordsAccess;
  const paragraphs = [w.opening(studentWords(input), schoolName, studentName)];
  if (input.concerns) paragraphs.push(input.concerns);
  paragraphs.push(rules.code === "US" ? w.federal : w.state(dayCountWords(access.value, language), access.citation));
  const citations = ["34 CFR 300.613", "34 CFR 99.10", access.citation, "34 CFR 300.614"];
  return letterFrame(input, {
    subject: w.subject(studentName),
    paragraphs,
    requests: [...w.requests],
    citations,
  });
}
