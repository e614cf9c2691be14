/**
 * A parent asks the school for an initial evaluation. It cites the parent's right to ask
 * (34 CFR 300.301(b)) and Section 504's evaluation before placement (104.35(a)), asks for the
 * assessment plan and consent form (300.300(a), 300.503) and the procedural safeguards notice
 * (300.504(a)(1)), and states the state's timelines from the state table: in California the
 * 15-day assessment plan with its break and end-of-year rules (Ed. Code 56321(a)), the parent's
 * 15 days (56321(c)(4)) and the IEP within 60 days of consent, breaks not counted, with its own
 * end-of-year rule (56302.1, 56344(a)); elsewhere the federal 60 days (300.301(c)).
 */
import type { z } from "zod";
import { IDEA_CATEGORIES, type IdeaCategory, ZNavigatorFacts } from "../eligibility/navigator-facts.ts";
import { NAVIGATOR_WORDS_ES } from "../eligibility/navigator-words-es.ts";
import { type StateRules, stateRules } from "../states/state-table.ts";
import {
  dayCountWords,
  type Letter,
  type LetterLanguage,
  type LetterWords,
  letterFrame,
  studentWords,
  ZLetterParties,
} from "./letter.ts";

export const ZEvaluationLetterInput = ZLetterParties.extend({
  facts: ZNavigatorFacts,
});
export type EvaluationLetterInput = z.infer<typeof ZEvaluationLetterInput>;
export type EvaluationLetterInputRaw = z.input<typeof ZEvaluationLetterInput>;

/** The evaluation-request letter: one `Letter` among the others. */
export type EvaluationLetter = Letter;

const CATEGORY_WORDS: Record<IdeaCategory, string> = Object.fromEntries(
  IDEA_CATEGORIES.map((c) => [c, c.replaceAll("-", " ")]),
) as Record<IdeaCategory, string>;

type EndOfYear = { referralDaysBeforeEnd: number; dueDaysIntoNextYear: number };

const EN = {
  planBreaks: " (not counting days between school sessions or school vacations of more than five school days)",
  planLate: (e: EndOfYear) =>
    ` If this referral arrives within ${e.referralDaysBeforeEnd} days of the end of the regular school year, the plan is due within ${e.dueDaysIntoNextYear} days after the next school year begins.`,
  plan: (days: string, breaks: string, citation: string, late: string) =>
    `I understand that the district must give me a proposed assessment plan within ${days} of receiving this referral${breaks}, with a notice of my rights (${citation}).${late}`,
  consentPeriod: (days: string, citation: string) =>
    `I have at least ${days} to decide whether to consent (${citation}).`,
  clockBreaks: ", not counting days between school sessions or school vacations of more than five school days",
  clockLate: (e: EndOfYear) =>
    ` If the referral comes ${e.referralDaysBeforeEnd} days or less before the end of the regular school year, the IEP is due within ${e.dueDaysIntoNextYear} days after the next school year begins.`,
  clockWithIep: (days: string, breaks: string, citation: string, late: string) =>
    `The assessment, the decision on eligibility and the IEP itself must be completed within ${days} of receiving my written consent${breaks} (${citation}); deciding eligibility alone does not meet this deadline.${late}`,
  clockFederal: (days: string) =>
    `I understand that the evaluation must be completed within ${days} of receiving my consent, or within the timeline set by our state (34 CFR 300.301(c)), and that an IEP meeting must follow within 30 days of a decision that my child is eligible (34 CFR 300.323(c)(1)).`,
  section504:
    "Section 504 sets no federal number of days, but the school should evaluate within a reasonable time once it has reason to believe a student needs services (OCR Parent and Educator Resource Guide to Section 504).",
  suspected: (name: string, category: IdeaCategory) => `${name} (possibly ${CATEGORY_WORDS[category]})`,
  opening: (student: string, school: string, name: string) =>
    `I am the parent of ${student}, who attends ${school}. I am writing to request a full and individual initial evaluation of ${name}. It should find out whether ${name} has a disability and needs special education and related services under the Individuals with Disabilities Education Act (IDEA), or aids and services under Section 504 of the Rehabilitation Act. A parent may request an initial evaluation (34 CFR 300.301(b)). Section 504 requires an evaluation before placement (34 CFR 104.35(a)).`,
  concerns: (list: string) => `My concerns include: ${list}.`,
  allAreas:
    "Please assess all areas related to the suspected disability. As appropriate, this includes health, vision, hearing, social and emotional status, general intelligence, academic performance, communication and motor abilities (34 CFR 300.304(c)(4)).",
  subject: (name: string) => `Request for a special education and Section 504 evaluation for ${name}`,
  requests: [
    "the proposed assessment plan (evaluation plan) and the consent form, so that I can give my written consent (34 CFR 300.300(a); 34 CFR 300.503);",
    "a copy of the procedural safeguards notice, which the school gives when a parent asks for an evaluation (34 CFR 300.504(a)(1));",
    "written confirmation of the date you received this request, and a copy of this letter placed in my child's education record.",
  ],
};

const ES: LetterWords<typeof EN> = {
  planBreaks: " (sin contar los días entre sesiones escolares ni las vacaciones de más de cinco días de clases)",
  planLate: (e) =>
    ` Si esta solicitud llega dentro de los ${e.referralDaysBeforeEnd} días antes del fin del año escolar regular, el plan se debe dar dentro de los ${e.dueDaysIntoNextYear} días después de que empiece el próximo año escolar.`,
  plan: (days, breaks, citation, late) =>
    `Entiendo que el distrito tiene que darme un plan de evaluación propuesto dentro de ${days} después de recibir esta solicitud${breaks}, con un aviso de mis derechos (${citation}).${late}`,
  consentPeriod: (days, citation) => `Tengo por lo menos ${days} para decidir si doy mi permiso (${citation}).`,
  clockBreaks: ", sin contar los días entre sesiones escolares ni las vacaciones de más de cinco días de clases",
  clockLate: (e) =>
    ` Si la solicitud llega ${e.referralDaysBeforeEnd} días o menos antes del fin del año escolar regular, el IEP se debe hacer dentro de los ${e.dueDaysIntoNextYear} días después de que empiece el próximo año escolar.`,
  clockWithIep: (days, breaks, citation, late) =>
    `La evaluación, la decisión sobre si mi hijo califica y el IEP mismo se tienen que terminar dentro de ${days} después de recibir mi permiso por escrito${breaks} (${citation}). Decidir solo si califica no cumple con este plazo.${late}`,
  clockFederal: (days) =>
    `Entiendo que la evaluación se tiene que terminar dentro de ${days} después de recibir mi permiso, o en el plazo que fija nuestro estado (34 CFR 300.301(c)). También entiendo que, si se decide que mi hijo califica, la reunión del IEP tiene que ser dentro de los 30 días siguientes (34 CFR 300.323(c)(1)).`,
  section504:
    "La Sección 504 no fija un número federal de días, pero la escuela debe evaluar en un tiempo razonable cuando tiene razones para creer que un estudiante necesita servicios (OCR Parent and Educator Resource Guide to Section 504).",
  suspected: (name, category) => `${name} (posiblemente ${NAVIGATOR_WORDS_ES.category(category)})`,
  opening: (student, school, name) =>
    `Soy el padre, la madre o el tutor de ${student}, que va a ${school}. Le escribo para pedir una primera evaluación completa e individual de ${name}. Quiero saber si ${name} tiene una discapacidad y necesita educación especial y servicios relacionados por la Ley de Educación para Personas con Discapacidades (IDEA), o ayudas y servicios por la Sección 504 de la Ley de Rehabilitación. Un padre puede pedir una primera evaluación (34 CFR 300.301(b)), y la Sección 504 pide una evaluación antes de la colocación (34 CFR 104.35(a)).`,
  concerns: (list) => `Me preocupa: ${list}.`,
  allAreas:
    "Por favor, evalúen todas las áreas de la posible discapacidad, según haga falta: la salud, la vista, el oído, lo social y emocional, la inteligencia general, el rendimiento académico, la comunicación y las habilidades motoras (34 CFR 300.304(c)(4)).",
  subject: (name) => `Solicitud de evaluación de educación especial y de la Sección 504 para ${name}`,
  requests: [
    "el plan de evaluación propuesto y el formulario de permiso, para que yo pueda dar mi permiso por escrito (34 CFR 300.300(a); 34 CFR 300.503);",
    "una copia del aviso de garantías procesales, que se da cuando un padre pide una evaluación (34 CFR 300.504(a)(1));",
    "una confirmación por escrito de la fecha en que recibieron esta solicitud, y una copia de esta carta en el expediente escolar de mi hijo.",
  ],
};

const WORDS: Record<LetterLanguage, LetterWords<typeof EN>> = { en: EN, es: ES };

/** The state's evaluation timelines, as sentences for the parent's letter, with their citations. */
export function evaluationTimelineSentences(
  rules: StateRules,
  language: LetterLanguage = "en",
): { sentences: string[]; citations: string[] } {
  const w = WORDS[language];
  const e = rules.evaluation;
  const sentences: string[] = [];
  const citations: string[] = [];
  const plan = e.assessmentPlan.value;
  if (plan) {
    const breaks = e.skipsLongBreaks.value ? w.planBreaks : "";
    const endOfYear = e.assessmentPlanEndOfYear.value;
    const late = endOfYear ? w.planLate(endOfYear) : "";
    sentences.push(w.plan(dayCountWords(plan, language), breaks, e.assessmentPlan.citation, late));
    citations.push(e.assessmentPlan.citation);
  }
  const consentPeriod = e.parentConsentPeriod.value;
  if (consentPeriod) {
    sentences.push(w.consentPeriod(dayCountWords(consentPeriod, language), e.parentConsentPeriod.citation));
    citations.push(e.parentConsentPeriod.citation);
  }
  const clock = e.initialEvaluation.value;
  if (e.iepWithinEvaluationClock.value) {
    const breaks = e.skipsLongBreaks.value ? w.clockBreaks : "";
    const endOfYear = e.evaluationEndOfYear.value;
    const late = endOfYear ? w.clockLate(endOfYear) : "";
    sentences.push(w.clockWithIep(dayCountWords(clock, language), breaks, e.initialEvaluation.citation, late));
    citations.push(e.initialEvaluation.citation, e.iepWithinEvaluationClock.citation);
  } else {
    sentences.push(w.clockFederal(dayCountWords(clock, language)));
    citations.push("34 CFR 300.301(c)", "34 CFR 300.323(c)(1)");
  }
  sentences.push(w.section504);
  return { sentences, citations };
}

/** Build the letter, in the language asked for. Pure: the same input always gives the same words. */
export function buildEvaluationRequestLetter(input: EvaluationLetterInput): Letter {
  const { facts, studentName, schoolName, language } = input;
  const w = WORDS[language];
  const rules = stateRules(input.state);
  const suspected = facts.impairments.map((i) =>
    i.ideaCategory && i.ideaCategory !== "none" ? w.suspected(i.name, i.ideaCategory) : i.name,
  );
  const paragraphs: string[] = [w.opening(studentWords(input), schoolName, studentName)];
  if (suspected.length > 0) paragraphs.push(w.concerns(suspected.join("; ")));
  if (input.concerns) paragraphs.push(input.concerns);
  paragraphs.push(w.allAreas);
  const timeline = evaluationTimelineSentences(rules, language);
  paragraphs.push(timeline.sentences.join(" "));
  return letterFrame(input, {
    subject: w.subject(studentName),
    paragraphs,
    requests: [...w.requests],
    citations: [
      "34 CFR 300.301(b)",
      "34 CFR 104.35(a)",
      "34 CFR 300.304(c)(4)",
      ...timeline.citations,
      "34 CFR 300.300(a)",
      "34 CFR 300.503",
      "34 CFR 300.504(a)(1)",
    ],
  });
}
