/**
 * The navigator's sentences, in every language it writes (decision 0026). `navigate` decides; this
 * table says. Each sentence is a function of what it names (an age, a state, a category), so the
 * rules pass facts, never English, and the Spanish table (`navigator-words-es.ts`) is typed from
 * this one: a sentence added here without its Spanish does not compile. Citations are not words:
 * the rules attach them, the same in every language.
 */
import type { StateRules } from "../states/state-rules.ts";
import type { AlwaysSpecialEducation, DisabilityBasis, EvaluationState, IdeaCategory } from "./navigator-facts.ts";

/** The languages the navigator's result is written in. */
export const NAVIGATOR_LANGUAGES = ["en", "es"] as const;
export type NavigatorLanguage = (typeof NAVIGATOR_LANGUAGES)[number];

/** How a sentence names the student's age: the exact age, or the range the family chose. */
export type AgeGiven = { years: number; approximate: boolean };

/** How a sentence names whose rules apply: the state's own, or federal rules. */
export type RulesGiven = { rules: StateRules; stateKnown: boolean };

const CATEGORY_LABELS: Record<IdeaCategory, string> = {
  autism: "autism",
  "deaf-blindness": "deaf-blindness",
  deafness: "deafness",
  "developmental-delay": "developmental delay",
  "emotional-disturbance": "emotional disturbance",
  "hearing-impairment": "hearing impairment",
  "intellectual-disability": "intellectual disability",
  "multiple-disabilities": "multiple disabilities",
  "orthopedic-impairment": "orthopedic impairment",
  "other-health-impairment": "other health impairment",
  "specific-learning-disability": "specific learning disability",
  "speech-or-language-impairment": "speech or language impairment",
  "traumatic-brain-injury": "traumatic brain injury",
  "visual-impairment": "visual impairment",
};

/** "At 8" — or, when the family gave a range, words that do not invent an exact age. */
function ageWords(age: AgeGiven): string {
  return age.approximate ? "At the age given" : `At ${age.years}`;
}

function stateWords(given: RulesGiven): string {
  return given.stateKnown ? `${given.rules.name}'s rules` : "federal rules (the state's own rules may differ)";
}

function activitiesWords(activities: readonly string[]): string {
  if (activities.length === 0) return "a major life activity";
  return activities.map((a) => (a.startsWith("major-bodily-function:") ? `${a.slice(22)} function` : a)).join(", ");
}

export const NAVIGATOR_WORDS_EN = {
  category: (c: IdeaCategory) => CATEGORY_LABELS[c],
  // 1. Age
  underThree: (age: AgeGiven) =>
    `${age.approximate ? "The child is under 3" : `At ${age.years}, the child is under 3`}. Help for infants and toddlers comes from the state's early intervention program (IDEA Part C), not from a school IEP or 504 plan.`,
  threeOrOlder: (age: AgeGiven) =>
    `${ageWords(age)}, the child is 3 or older. So early intervention (IDEA Part C) no longer applies.`,
  regularDiploma:
    "A regular high-school diploma ends the right to special education under IDEA. A certificate of completion does not.",
  withinIdeaAges: (age: AgeGiven, given: RulesGiven, lastAge: number) =>
    `${ageWords(age)}, the student is in the age range for special education (3 through ${lastAge}) under ${stateWords(given)}. The student has not graduated with a regular diploma.`,
  ideaAgeDependsOnBirthDate: (rules: StateRules) =>
    `${rules.partBEnd.note ?? ""} Whether the student is still served depends on the birth date.`.trim(),
  pastIdeaAges: (age: AgeGiven, given: RulesGiven, lastAge: number) =>
    `${ageWords(age)}, the student is past the age range for special education (3 through ${lastAge}) under ${stateWords(given)}.`,
  certificate:
    " A certificate of completion, a GED or another credential that is not a regular diploma does not end special education.",
  section504AgeMet:
    "Section 504's rules for schools cover a student of school age: an age at which the school serves students without disabilities. They also cover any student with a right to special education under IDEA.",
  section504AgeUnknown: "Section 504's rules for schools follow the same ages here: it depends on the birth date.",
  section504AgeNotMet:
    "Section 504's rules for schools cover students of the ages the school serves. Past those ages, or after a regular diploma, Section 504 still applies to colleges, training programs and employers. The ADA protects the student too.",
  // 2. Evaluation first
  evaluation: (evaluation: EvaluationState) =>
    evaluation === "completed"
      ? "The school has finished its evaluation. What it found can now decide whether the student qualifies (eligibility)."
      : evaluation === "none"
        ? "The school has not evaluated the student. Whether the student qualifies for an IEP or a 504 plan is decided only after a full evaluation. A parent may ask for one."
        : evaluation === "requested"
          ? "An evaluation has been requested but not done yet. Eligibility is decided only after it is completed."
          : "The evaluation is under way. Eligibility is decided once it is completed.",
  // 3. IDEA
  delayNotUsedInState: (rules: StateRules) =>
    `${rules.name} does not use developmental delay for special education from age 3. The evaluation must find another category.`,
  delayAges: (from: number, to: number, given: RulesGiven, age: AgeGiven) =>
    `Developmental delay can be used only from ages ${from} through ${to}${given.stateKnown ? ` in ${given.rules.name}` : ""}; ${ageWords(age).toLowerCase()}, the evaluation must find another category.`,
  delayWithIep:
    " Because the student has an IEP now, the school must reevaluate before deciding the student no longer qualifies. That is not a reason to move to a 504 plan.",
  delayWithoutIep:
    " Whether another category fits is not known here. The evaluation must look at every area of the suspected disability. So this is not a reason to choose a 504 plan instead.",
  /** "Dyslexia: …": an impairment's own finding. */
  about: (name: string, sentence: string) => `${name}: ${sentence}`,
  excluded: (category: IdeaCategory) =>
    `the team found that the main cause is a lack of appropriate reading or math teaching, or learning English. So ${CATEGORY_LABELS[category]} does not count. Any other disability the evaluation found still does.`,
  exclusionToRuleOut:
    "The team must rule out that the main cause is a lack of appropriate reading or math teaching, or learning English; nothing here says it is.",
  categoryFound: (evaluated: boolean, categories: readonly IdeaCategory[]) =>
    `${evaluated ? "The evaluation found" : "The concern points to"} a kind of disability that IDEA lists: ${categories.map((c) => CATEGORY_LABELS[c]).join(", ")}.`,
  categoryNotKnownAfterEvaluation:
    "The evaluation is finished, but which IDEA category it found (if any) is not known here. Not knowing is not the same as none: the evaluation report says.",
  categoryNotKnownYet:
    "IDEA lists 13 kinds (categories) of disability. It is not known yet whether the student has one of them.",
  categoryNone: "No disability of a kind that IDEA lists has been found.",
  adverseEffectNoClause: (categories: readonly IdeaCategory[]) =>
    `The law's definition of ${categories.map((c) => CATEGORY_LABELS[c]).join(" and ")} does not ask whether the disability "adversely affects educational performance" (hurts how the student does in school). So that is not part of the test here.`,
  adverseEffect: (met: "met" | "not-met" | "unknown") =>
    met === "met"
      ? "The disability hurts how the student does in school (grades, skills or behavior)."
      : met === "not-met"
        ? "The disability does not hurt how the student does in school."
        : "It is not known whether the disability hurts how the student does in school.",
  adverseEffectNotFor: (categories: readonly IdeaCategory[]) =>
    ` (The law's definition of ${categories.map((c) => CATEGORY_LABELS[c]).join(" or ")} does not ask this.)`,
  ideaGrades:
    "Passing from grade to grade does not rule out special education. A child who moves up each year can still have a disability and need specially designed instruction.",
  speechCounted:
    "This state counts speech-language therapy as special education. So needing it is a need for special education.",
  stateCountsService: (rules: StateRules) =>
    `${rules.relatedServicesAsSpecialEducation.note ?? "This state counts this service as special education."} Needing it is a need for special education.`,
  alwaysSpecialEducation: (services: readonly AlwaysSpecialEducation[]) =>
    `${services.map((s) => (s === "travel-training" ? "Travel training" : "Vocational education")).join(" and ")} is special education in every state. So needing it is a need for special education.`,
  needForSpecialEducation: (met: "met" | "not-met" | "unknown") =>
    met === "met"
      ? "Because of the disability, the student needs specially designed instruction. That is teaching adapted to the student's needs in what is taught, how it is taught, or how it is delivered."
      : met === "not-met"
        ? "The student does not need specially designed instruction. That is teaching adapted to the student's needs."
        : "It is not known whether the student needs specially designed instruction. That is teaching adapted to the student's needs.",
  relatedServiceOnly: (stateKnown: boolean) =>
    `Some students need only a related service, such as therapy or counseling, and no specially designed instruction. Such a student does not qualify for an IEP, unless the state counts that service as special education.${stateKnown ? "" : " The state is not known here."}`,
  relatedServiceAloneUnknown:
    "Needing a related service alone does not qualify a student for an IEP. What matters is whether the student also needs specially designed instruction.",
  ideaEligibility: (met: "met" | "not-met" | "unknown") =>
    met === "met"
      ? "Both parts of IDEA's test are met: a disability in a listed category, and because of it a need for special education. This points to an IEP."
      : met === "unknown"
        ? "IDEA eligibility cannot be decided yet: some of the facts above are unknown."
        : "IDEA's two-part test is not met, so an IEP is not the answer on these facts.",
  childFind:
    "Until it is known whether the student needs specially designed instruction, a 504 plan is not the answer. The school must find and fully evaluate any child who may need special education.",
  // 4. Section 504
  recordOrRegarded: (basis: Exclude<DisabilityBasis, "actual">, shortDuration: boolean) =>
    `a ${basis === "record-of" ? "record (history) of an impairment" : "belief that the student has an impairment"} protects the student from discrimination. On its own, it does not lead to a 504 plan of services.${
      basis === "regarded-as"
        ? shortDuration
          ? " An impairment expected to last six months or less that is also minor does not count under this part of the law (this prong)."
          : " This part of the law (this prong) does not cover an impairment that is both transitory (expected to last six months or less) and minor."
        : ""
    }`,
  substantialLimitation: (name: string, activities: readonly string[], met: "met" | "not-met" | "unknown") =>
    met === "met"
      ? `${name} substantially limits ${activitiesWords(activities)}.`
      : met === "not-met"
        ? `${name} does not substantially limit ${activitiesWords(activities)}.`
        : `It is not known whether ${name} substantially limits ${activitiesWords(activities)}.`,
  measuresSetAside: " Medication, devices and other supports are set aside when judging this.",
  lensesCounted: " Ordinary eyeglasses or contact lenses are taken into account.",
  episodic: " It comes and goes or is in remission, so it counts if it limits when active.",
  episodicTestedFirst:
    " A condition that comes and goes is judged as an actual disability first, whatever else is known.",
  shortCanStillCount:
    " A condition expected to last six months or less can still be a disability; only the 'regarded as' part of the law leaves out short and minor ones.",
  noImpairmentYet: "No impairment is known yet; an evaluation would find out whether there is one.",
  noImpairmentFound: "The evaluation found no impairment.",
  section504Needs: (met: "met" | "not-met" | "unknown") =>
    met === "met"
      ? "The student needs accommodations, aids or services to take part in school as fully as other students do."
      : met === "not-met"
        ? "The student needs no accommodations, aids or services at school, so there is nothing for a plan to provide."
        : "It is not known whether the student needs accommodations, aids or services at school.",
  section504Grades:
    "Good grades do not rule out a disability. The law is read broadly, and a student can be substantially limited while doing well.",
  section504Met:
    "Section 504's test is met: an impairment that substantially limits a major life activity, and a need for accommodations, aids or services.",
  section504Unknown: "Section 504 eligibility cannot be decided yet: some of the facts above are unknown.",
  section504ProtectedOnly: "The student is protected from discrimination, but the facts do not support a 504 plan.",
  section504NotMet: "Section 504's test for a plan is not met on these facts.",
  // 5–6. Adult services, leaving an IEP, both plans
  adultServices:
    "IDEA and Section 504's rules for schools no longer apply. Colleges and training programs must give accommodations under Section 504 and the ADA. The state's vocational rehabilitation agency (job help for people with disabilities) helps with work.",
  leavingIep:
    "The student has an IEP now. Before special education ends or the category changes, the school must reevaluate. It must give you its decision in writing. If you disagree, your child keeps the current services while the disagreement is resolved. You may also ask for an independent evaluation.",
  bothPlans:
    "The student already has a 504 plan. An IEP meets Section 504's rules too. So the 504 plan's accommodations move into the IEP, instead of running two plans.",
};

/** Every sentence the navigator writes: the Spanish table has this type, so none can be missing. */
export type NavigatorWords = {
  readonly [K in keyof typeof NAVIGATOR_WORDS_EN]: (typeof NAVIGATOR_WORDS_EN)[K] extends (...args: infer A) => string
    ? (...args: A) => string
    : string;
};
