/**
 * A parent consents to part of an IEP and records disagreement with the rest. The parts agreed to
 * should be carried out (California: at once, Ed. Code 56346(e)); for the parts refused, the parent
 * asks for prior written notice (34 CFR 300.503). In California, if the district finds a refused
 * part necessary for a free appropriate public education, it must file for due process
 * (56346(f), from the state table); during a hearing the child stays put (300.518).
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

export const ZPartialConsentLetterInput = ZLetterParties.extend({
  /** The date of the IEP (optional). */
  iepDate: ZIsoDate.optional(),
  /** The parts the parent does not consent to, in the parent's words. */
  disagreedParts: z.string().trim().min(1).max(2000),
  /** The parent's reasons (optional). */
  reasons: z.string().trim().min(1).max(2000).optional(),
});
export type PartialConsentLetterInput = z.infer<typeof ZPartialConsentLetterInput>;

const EN = {
  iepDated: (date: string) => `the IEP dated ${date}`,
  proposedIep: "the proposed IEP",
  opening: (student: string, school: string, iep: string, parts: string) =>
    `I am the parent of ${student}, who attends ${school}. I consent to ${iep} except for the following parts, to which I do not consent: ${parts}`,
  reasons: (reasons: string) => `My reasons: ${reasons}`,
  carryOutCalifornia:
    "Please carry out the parts I consented to without delay (Cal. Ed. Code 56346(e)), and keep this letter with the IEP.",
  carryOut:
    "Please carry out the parts I consented to, and keep this letter with the IEP (34 CFR 300.300(b); 34 CFR 300.9).",
  districtMustFile: (citation: string) =>
    `I understand that if the district believes a part I did not consent to is necessary for a free appropriate public education, it must file for a due process hearing (${citation}). While a hearing is pending, my child stays in the current placement (34 CFR 300.518).`,
  ifWeCannotAgree:
    "If we cannot agree, I may ask for mediation or a due process hearing; while a hearing is pending, my child stays in the current placement (34 CFR 300.518).",
  subject: (name: string) => `Partial consent to ${name}'s IEP, and the parts I disagree with`,
  requests: [
    "written confirmation of the parts of the IEP that will be carried out, and when they start;",
    "prior written notice explaining the school's position on the parts I did not consent to (34 CFR 300.503);",
    "a copy of the procedural safeguards notice, including how to ask for mediation or a hearing (34 CFR 300.504).",
  ],
};

const ES: LetterWords<typeof EN> = {
  iepDated: (date) => `el IEP con fecha del ${date}`,
  proposedIep: "el IEP propuesto",
  opening: (student, school, iep, parts) =>
    `Soy el padre, la madre o el tutor de ${student}, que va a ${school}. Doy mi permiso para ${iep}, salvo estas partes, para las que no doy mi permiso: ${parts}`,
  reasons: (reasons) => `Mis razones: ${reasons}`,
  carryOutCalifornia:
    "Por favor, cumplan sin demora las partes para las que di mi permiso (Cal. Ed. Code 56346(e)), y guarden esta carta junto con el IEP.",
  carryOut:
    "Por favor, cumplan las partes para las que di mi permiso, y guarden esta carta junto con el IEP (34 CFR 300.300(b); 34 CFR 300.9).",
  districtMustFile: (citation) =>
    `Entiendo que si el distrito cree que una parte para la que no di mi permiso es necesaria para una educación pública gratuita y apropiada (FAPE), tiene que pedir una audiencia de debido proceso (${citation}). Mientras la audiencia está pendiente, mi hijo sigue en la colocación de ahora (34 CFR 300.518).`,
  ifWeCannotAgree:
    "Si no nos ponemos de acuerdo, puedo pedir una mediación o una audiencia de debido proceso. Mientras la audiencia está pendiente, mi hijo sigue en la colocación de ahora (34 CFR 300.518).",
  subject: (name) => `Permiso para una parte del IEP de ${name}, y las partes con las que no estoy de acuerdo`,
  requests: [
    "una confirmación por escrito de las partes del IEP que se van a cumplir, y cuándo empiezan;",
    "una notificación previa por escrito que explique la posición de la escuela sobre las partes para las que no di mi permiso (34 CFR 300.503);",
    "una copia del aviso de garantías procesales, que diga cómo pedir una mediación o una audiencia (34 CFR 300.504).",
  ],
};

const WORDS: Record<LetterLanguage, LetterWords<typeof EN>> = { en: EN, es: ES };

export function buildPartialConsentDisagreementLetter(input: PartialConsentLetterInput): Letter {
  const { studentName, schoolName, language } = input;
  const w = WORDS[language];
  const rules = stateRules(input.state);
  const iep = input.iepDate ? w.iepDated(formatLetterDate(input.iepDate, language)) : w.proposedIep;
  const paragraphs = [w.opening(studentWords(input), schoolName, iep, input.disagreedParts)];
  if (input.reasons) paragraphs.push(w.reasons(input.reasons));
  if (input.concerns) paragraphs.push(input.concerns);
  const refusal = rules.refusedComponentRequiresDueProcess;
  paragraphs.push(
    rules.code === "CA" ? w.carryOutCalifornia : w.carryOut,
    refusal.value ? w.districtMustFile(refusal.citation) : w.ifWeCannotAgree,
  );
  const citations = ["34 CFR 300.300(b)", "34 CFR 300.9", "34 CFR 300.503", "34 CFR 300.518"];
  if (rules.code === "CA") citations.push("Cal. Ed. Code 56346(e)");
  if (refusal.value) citations.push(refusal.citation);
  return letterFrame(input, {
    subject: w.subject(studentName),
    paragraphs,
    requests: [...w.requests],
    citations,
  });
}
