/**
 * The navigator's sentences in Spanish, for families (decision 0026): plain words, short sentences,
 * the glossary's terms (IEP, Plan 504, educación especial, servicios relacionados, adaptaciones).
 * Typed from the English table, so a sentence without its Spanish does not compile. A state's own
 * notes are English in the state table; here they are written from the rule's values instead.
 */
import { monthName } from "../shared/date-format.ts";
import type { StateRules } from "../states/state-rules.ts";
import type { IdeaCategory } from "./navigator-facts.ts";
import type { AgeGiven, NavigatorWords, RulesGiven } from "./navigator-words.ts";

/** IDEA's categories as a sentence names them (the same names as LABELS_ES.disabilityCategory, in lower case). */
const CATEGORY_LABELS_ES: Record<IdeaCategory, string> = {
  autism: "autismo",
  "deaf-blindness": "sordoceguera",
  deafness: "sordera",
  "developmental-delay": "retraso del desarrollo",
  "emotional-disturbance": "trastorno emocional",
  "hearing-impairment": "impedimento auditivo",
  "intellectual-disability": "discapacidad intelectual",
  "multiple-disabilities": "discapacidades múltiples",
  "orthopedic-impairment": "impedimento ortopédico",
  "other-health-impairment": "otro impedimento de salud",
  "specific-learning-disability": "discapacidad específica del aprendizaje",
  "speech-or-language-impairment": "impedimento del habla o del lenguaje",
  "traumatic-brain-injury": "lesión cerebral traumática",
  "visual-impairment": "impedimento visual",
};

function ageWords(age: AgeGiven): string {
  return age.approximate ? "Con la edad que nos dio" : `A los ${age.years} años`;
}

/** "California", or federal rules when the state's own are not in the table. */
function stateWords(given: RulesGiven): string {
  return given.stateKnown ? given.rules.name : "las reglas federales (las reglas de su estado pueden ser distintas)";
}

function stateName(rules: StateRules): string {
  return rules.code === "US" ? "Las reglas federales" : rules.name;
}

function list(items: readonly string[], and: "y" | "o"): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${and} ${items[items.length - 1]}`;
}

function activitiesWords(activities: readonly string[]): string {
  if (activities.length === 0) return "una actividad principal de la vida";
  return activities.map((a) => (a.startsWith("major-bodily-function:") ? `la función ${a.slice(22)}` : a)).join(", ");
}

export const NAVIGATOR_WORDS_ES: NavigatorWords = {
  category: (c) => CATEGORY_LABELS_ES[c],
  // 1. Age
  underThree: (age) =>
    `${age.approximate ? "Su hijo tiene menos de 3 años" : `A los ${age.years} años, su hijo tiene menos de 3 años`}. Los bebés y los niños pequeños reciben ayuda del programa de intervención temprana del estado (Parte C de IDEA). No reciben un IEP ni un Plan 504 de la escuela.`,
  threeOrOlder: (age) =>
    `${ageWords(age)}, su hijo tiene 3 años o más. Por eso, la intervención temprana (Parte C de IDEA) ya no aplica.`,
  regularDiploma:
    "Un diploma normal de la preparatoria termina el derecho a la educación especial de IDEA. Un certificado de estudios no lo termina.",
  withinIdeaAges: (age, given, lastAge) =>
    `${ageWords(age)}, el estudiante está dentro de las edades de la educación especial según ${stateWords(given)} (de 3 a ${lastAge} años). Tampoco se graduó con un diploma normal.`,
  ideaAgeDependsOnBirthDate: (rules) => {
    const end = rules.partBEnd.value;
    const rule = end.continuesIfBirthdayIn;
    const note = rule
      ? `En ${stateName(rules)}, la educación especial sigue hasta los ${end.lastAge} años. Un estudiante que cumple ${end.lastAge + 1} entre ${monthName(rule.fromMonth, "es")} y ${monthName(rule.toMonth, "es")} puede terminar ese año escolar.`
      : "";
    return `${note} Si el estudiante todavía recibe servicios depende de su fecha de nacimiento.`.trim();
  },
  pastIdeaAges: (age, given, lastAge) =>
    `${ageWords(age)}, el estudiante ya pasó las edades de la educación especial según ${stateWords(given)} (de 3 a ${lastAge} años).`,
  certificate:
    " Un certificado de estudios, un GED u otro papel que no es un diploma normal de la preparatoria no termina la educación especial.",
  section504AgeMet:
    "Las reglas de la Sección 504 para las escuelas cubren a un estudiante de la edad que la escuela atiende. También cubren a uno que tiene derecho a educación especial por IDEA.",
  section504AgeUnknown:
    "Las reglas de la Sección 504 para las escuelas usan las mismas edades. Depende de la fecha de nacimiento.",
  section504AgeNotMet:
    "Las reglas de la Sección 504 para las escuelas cubren a los estudiantes de las edades que la escuela atiende. Después de esas edades, o con un diploma normal, la Sección 504 sigue en las universidades, los programas de capacitación y los trabajos. La ley ADA también protege al estudiante.",
  // 2. Evaluation first
  evaluation: (evaluation) =>
    evaluation === "completed"
      ? "La escuela ya terminó la evaluación. Con lo que encontró se puede decidir si su hijo califica."
      : evaluation === "none"
        ? "La escuela no ha evaluado al estudiante. Se decide si califica para un IEP o un Plan 504 solo después de una evaluación completa. Usted puede pedirla."
        : evaluation === "requested"
          ? "Ya se pidió una evaluación, pero todavía no se hizo. Se decide si califica solo cuando esté terminada."
          : "La evaluación está en curso. Se decide si califica cuando esté terminada.",
  // 3. IDEA
  delayNotUsedInState: (rules) =>
    `${stateName(rules)} no usa el retraso del desarrollo para la educación especial desde los 3 años. La evaluación tiene que encontrar otra categoría.`,
  delayAges: (from, to, given, age) =>
    `El retraso del desarrollo se puede usar solo de los ${from} a los ${to} años${given.stateKnown ? ` en ${given.rules.name}` : ""}. ${ageWords(age)}, la evaluación tiene que encontrar otra categoría.`,
  delayWithIep:
    " Como el estudiante tiene un IEP ahora, la escuela tiene que evaluarlo de nuevo antes de decidir que ya no califica. Esto no es una razón para pasar a un Plan 504.",
  delayWithoutIep:
    " Aquí no se sabe si otra categoría le queda. La evaluación tiene que revisar todas las áreas de la posible discapacidad. Por eso, esto no es una razón para elegir un Plan 504.",
  about: (name, sentence) => `${name}: ${sentence}`,
  excluded: (category) =>
    `el equipo encontró que la causa principal es no haber tenido buena enseñanza de lectura o matemáticas, o estar aprendiendo inglés. Por eso, ${CATEGORY_LABELS_ES[category]} no cuenta. Cualquier otra discapacidad que encontró la evaluación sí cuenta.`,
  exclusionToRuleOut:
    "El equipo tiene que descartar que la causa principal sea no haber tenido buena enseñanza de lectura o matemáticas, o estar aprendiendo inglés. Nada aquí dice que lo sea.",
  categoryFound: (evaluated, categories) =>
    `${evaluated ? "La evaluación encontró" : "La preocupación apunta a"} una discapacidad en una de las categorías de IDEA (${categories.map((c) => CATEGORY_LABELS_ES[c]).join(", ")}).`,
  categoryNotKnownAfterEvaluation:
    "La evaluación ya terminó, pero aquí no se sabe qué categoría de IDEA encontró, si encontró alguna. No saber no es lo mismo que ninguna. El informe de la evaluación lo dice.",
  categoryNotKnownYet:
    "Todavía no se sabe si el estudiante tiene una discapacidad en una de las 13 categorías de IDEA.",
  categoryNone: "No se encontró una discapacidad en las categorías de IDEA.",
  adverseEffectNoClause: (categories) =>
    `La definición de ${list(
      categories.map((c) => CATEGORY_LABELS_ES[c]),
      "y",
    )} no pide que la discapacidad afecte el rendimiento en la escuela. Por eso, eso no cuenta aquí.`,
  adverseEffect: (met) =>
    met === "met"
      ? "La discapacidad afecta cómo le va al estudiante en la escuela (notas, habilidades o conducta)."
      : met === "not-met"
        ? "La discapacidad no afecta cómo le va al estudiante en la escuela."
        : "No se sabe si la discapacidad afecta cómo le va al estudiante en la escuela.",
  adverseEffectNotFor: (categories) =>
    ` (Esto no se pide para ${list(
      categories.map((c) => CATEGORY_LABELS_ES[c]),
      "o",
    )}, porque su definición no lo dice).`,
  ideaGrades:
    "Pasar de grado no descarta la educación especial. Un niño que avanza puede tener una discapacidad y necesitar enseñanza especialmente diseñada.",
  speechCounted:
    "Este estado cuenta la terapia del habla y el lenguaje como educación especial. Por eso, necesitarla es necesitar educación especial.",
  stateCountsService: (rules) =>
    `${
      rules.relatedServicesAsSpecialEducation.value.includes("speech-language-pathology")
        ? `En ${stateName(rules)}, la terapia del habla y el lenguaje puede ser la educación especial del estudiante. Un IEP solo para el habla es legal.`
        : "Este estado cuenta este servicio como educación especial."
    } Por eso, necesitarlo es necesitar educación especial.`,
  alwaysSpecialEducation: (services) =>
    `${list(
      services.map((s) => (s === "travel-training" ? "El entrenamiento para viajar" : "La educación vocacional")),
      "y",
    )} ${services.length > 1 ? "son" : "es"} educación especial en todos los estados. Por eso, necesitarlo es necesitar educación especial.`,
  needForSpecialEducation: (met) =>
    met === "met"
      ? "Por la discapacidad, el estudiante necesita enseñanza especialmente diseñada: enseñanza que cambia qué, cómo o de qué forma aprende, según lo que necesita."
      : met === "not-met"
        ? "El estudiante no necesita enseñanza especialmente diseñada (enseñanza que se cambia para él)."
        : "No se sabe si el estudiante necesita enseñanza especialmente diseñada (enseñanza que se cambia para él).",
  relatedServiceOnly: (stateKnown) =>
    `Un estudiante que solo necesita un servicio relacionado (como terapia o consejería) y no necesita enseñanza especialmente diseñada no califica para un IEP. Solo califica si el estado cuenta ese servicio como educación especial${stateKnown ? "" : " (aquí no se sabe el estado)"}.`,
  relatedServiceAloneUnknown:
    "Necesitar solo un servicio relacionado no hace que un estudiante califique para un IEP. Lo que importa es si también necesita enseñanza especialmente diseñada.",
  ideaEligibility: (met) =>
    met === "met"
      ? "Se cumplen las dos partes de la prueba de IDEA: una discapacidad en una categoría de la lista y, por ella, la necesidad de educación especial. Esto apunta a un IEP."
      : met === "unknown"
        ? "Todavía no se puede decidir si califica por IDEA. Faltan algunas de las respuestas de arriba."
        : "No se cumplen las dos partes de la prueba de IDEA. Con estas respuestas, un IEP no es la respuesta.",
  childFind:
    "Mientras no se sepa si el estudiante necesita enseñanza especialmente diseñada, un Plan 504 no es la respuesta. La escuela tiene que buscar y evaluar por completo a un niño que puede necesitar educación especial.",
  // 4. Section 504
  recordOrRegarded: (basis, shortDuration) =>
    `${basis === "record-of" ? "tener un historial de un impedimento" : "que otros crean que el estudiante tiene un impedimento"} lo protege contra la discriminación. Pero eso solo no lleva a un Plan 504 con servicios.${
      basis === "regarded-as"
        ? shortDuration
          ? " Un impedimento que va a durar seis meses o menos y que también es menor no cuenta aquí."
          : " Esto no cubre un impedimento que es pasajero (que va a durar seis meses o menos) y también menor."
        : ""
    }`,
  substantialLimitation: (name, activities, met) =>
    met === "met"
      ? `${name} limita mucho ${activitiesWords(activities)}.`
      : met === "not-met"
        ? `${name} no limita mucho ${activitiesWords(activities)}.`
        : `No se sabe si ${name} limita mucho ${activitiesWords(activities)}.`,
  measuresSetAside: " Para decidirlo, no se cuentan los medicamentos, los aparatos ni otras ayudas.",
  lensesCounted: " Sí se cuentan los anteojos comunes o los lentes de contacto.",
  episodic: " Va y viene, o está en remisión. Por eso, cuenta si limita cuando está activa.",
  episodicTestedFirst:
    " Una condición que va y viene se juzga primero como una discapacidad real, sin importar lo demás.",
  shortCanStillCount:
    " Una condición que va a durar seis meses o menos igual puede ser una discapacidad. Solo la parte de «otros creen que la tiene» deja fuera las cortas y menores.",
  noImpairmentYet: "Todavía no se sabe de un impedimento. Una evaluación lo averiguaría.",
  noImpairmentFound: "La evaluación no encontró ningún impedimento.",
  section504Needs: (met) =>
    met === "met"
      ? "El estudiante necesita adaptaciones, ayudas o servicios para participar en la escuela igual que los demás."
      : met === "not-met"
        ? "El estudiante no necesita adaptaciones, ayudas ni servicios en la escuela. Un plan no tendría nada que darle."
        : "No se sabe si el estudiante necesita adaptaciones, ayudas o servicios en la escuela.",
  section504Grades:
    "Las buenas notas no descartan una discapacidad. La ley se lee de forma amplia, y un estudiante puede estar muy limitado aunque le vaya bien.",
  section504Met:
    "Se cumple la prueba de la Sección 504: un impedimento que limita mucho una actividad principal de la vida, y la necesidad de adaptaciones, ayudas o servicios.",
  section504Unknown:
    "Todavía no se puede decidir si califica por la Sección 504. Faltan algunas de las respuestas de arriba.",
  section504ProtectedOnly:
    "El estudiante está protegido contra la discriminación, pero las respuestas no apuntan a un Plan 504.",
  section504NotMet: "Con estas respuestas, no se cumple la prueba de la Sección 504 para un plan.",
  // 5–6. Adult services, leaving an IEP, both plans
  adultServices:
    "Ya no aplican IDEA ni las reglas de la Sección 504 para las escuelas. Las universidades y los programas de capacitación tienen que dar adaptaciones por la Sección 504 y la ley ADA. La agencia de rehabilitación vocacional del estado ayuda con el trabajo.",
  leavingIep:
    "El estudiante tiene un IEP ahora. Antes de que termine la educación especial o cambie la categoría, la escuela tiene que evaluarlo de nuevo y darle su decisión por escrito. Si usted no está de acuerdo, su hijo sigue con los servicios de ahora mientras se resuelve. También puede pedir una evaluación independiente.",
  bothPlans:
    "El estudiante ya tiene un Plan 504. Un IEP también cumple con la Sección 504. Por eso, sus adaptaciones pasan al IEP y no hay dos planes.",
};
