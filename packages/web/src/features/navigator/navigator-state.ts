/**
 * The wizard's answers, which questions apply, and how answers become the navigator's facts.
 * Pure (no React), so it is unit-tested on its own. "I don't know" is always an answer and maps to
 * `null` (unknown) in the facts — never to "no".
 *
 * The age is asked as whole years or a birth date. Only when the family does not know it exactly
 * does the wizard ask for a range, and then the facts say the age is approximate, so no answer ever
 * shows an age the family did not give. The state answer selects the state's rules (speech as
 * special education, developmental delay, the last school year), not only the letter's timelines.
 */
import { ageOn, IDEA_CATEGORIES, isIsoDate, type NavigatorFactsInput, RELATED_SERVICES } from "@lantern/core";

export const TRI = ["yes", "no", "unknown"] as const;
export type Tri = (typeof TRI)[number];

/** Ranges, asked only when the exact age is not known. */
export const AGE_BANDS = ["under-3", "3-9", "10-21", "22-plus", "unknown"] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const EVALUATION_ANSWERS = ["none", "requested", "in-progress", "completed", "unknown"] as const;
export type EvaluationAnswer = (typeof EVALUATION_ANSWERS)[number];

export const CATEGORY_ANSWERS = [...IDEA_CATEGORIES, "none", "unknown"] as const;
export type CategoryAnswer = (typeof CATEGORY_ANSWERS)[number];

export const DURATION_ANSWERS = ["six-months-or-less", "more-than-six-months", "unknown"] as const;

/** Services that are always special education (34 CFR 300.39(a)(2)(ii)–(iii)), asked with the related services. */
export const ALWAYS_SPECIAL_EDUCATION_ANSWERS = ["travel-training", "vocational-education"] as const;
export const SERVICE_ANSWERS = [...RELATED_SERVICES, ...ALWAYS_SPECIAL_EDUCATION_ANSWERS, "none", "unknown"] as const;
export const PLAN_ANSWERS = ["iep", "section-504", "none", "unknown"] as const;

// biome-ignore format: a compact list of state codes reads better
export const US_STATES = [
  "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY",
  "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH",
  "OK", "OR", "PA", "PR", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY",
] as const;

export type Answers = {
  /** Whole years as typed ("7"), or "unknown" when the family does not know the exact age. */
  age?: string;
  /** The birth date (YYYY-MM-DD), instead of the age in years. */
  birthDate?: string;
  /** Asked only when the exact age is not known. */
  ageBand?: AgeBand;
  state?: string;
  graduated?: Tri;
  evaluation?: EvaluationAnswer;
  /** The condition in the parent's words; "" with `conditionUnknown` when not known. */
  condition?: string;
  conditionUnknown?: boolean;
  category?: CategoryAnswer;
  duration?: (typeof DURATION_ANSWERS)[number];
  limits?: Tri;
  episodic?: Tri;
  limitsWhenActive?: Tri;
  adverse?: Tri;
  specializedInstruction?: Tri;
  relatedServices?: string[];
  accommodations?: Tri;
  gradeLevel?: Tri;
  plans?: string[];
};

export type StepKind = "age" | "choice" | "multi" | "text" | "state";

export type StepDef = {
  id: StepId;
  kind: StepKind;
  options: readonly string[];
  /** Whether the question is asked, given the answers so far. */
  applies(answers: Answers): boolean;
};

export const STEP_IDS = [
  "age",
  "ageBand",
  "state",
  "graduated",
  "evaluation",
  "condition",
  "category",
  "duration",
  "limits",
  "episodic",
  "limitsWhenActive",
  "adverse",
  "specializedInstruction",
  "relatedServices",
  "accommodations",
  "gradeLevel",
  "plans",
] as const;
export type StepId = (typeof STEP_IDS)[number];

/** The oldest age the contract accepts. */
export const MAX_AGE = 30;

/** The age in whole years typed, or null when it is not a whole number from 0 to 30. */
export function typedAge(value: string | undefined): number | null {
  const text = (value ?? "").trim();
  if (!/^\d{1,2}$/.test(text)) return null;
  const n = Number(text);
  return n <= MAX_AGE ? n : null;
}

/** A birth date that exists and is not in the future, or null. */
export function typedBirthDate(value: string | undefined, today: string): string | null {
  const text = (value ?? "").trim();
  if (!isIsoDate(text) || text > today) return null;
  return ageOn(text, today) <= MAX_AGE ? text : null;
}

export type ResolvedAge = {
  ageYears: number;
  /** True when only a range is known: explanations never show it as an exact age. */
  approximate: boolean;
  dateOfBirth: string | null;
  /** The age is not known at all (a school-age child is assumed). */
  unknown: boolean;
};

/** A whole-year age standing for each range (only the limits 3, 10 and 22 matter to the rules). */
const AGE_FOR_BAND: Record<AgeBand, number> = { "under-3": 1, "3-9": 6, "10-21": 15, "22-plus": 23, unknown: 8 };

/** The age the answers give, as the navigator reads it. */
export function resolveAge(answers: Answers, today: string): ResolvedAge | null {
  const birth = typedBirthDate(answers.birthDate, today);
  if (birth) return { ageYears: ageOn(birth, today), approximate: false, dateOfBirth: birth, unknown: false };
  const years = typedAge(answers.age);
  if (years !== null) return { ageYears: years, approximate: false, dateOfBirth: null, unknown: false };
  if (answers.age === "unknown" && answers.ageBand) {
    return {
      ageYears: AGE_FOR_BAND[answers.ageBand],
      approximate: true,
      dateOfBirth: null,
      unknown: answers.ageBand === "unknown",
    };
  }
  return null;
}

/** Today's date in the browser, as YYYY-MM-DD. */
export function todayIso(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function ageOf(a: Answers): ResolvedAge | null {
  return resolveAge(a, todayIso());
}

const always = () => true;
const underThree = (a: Answers) => {
  const age = ageOf(a);
  return age !== null && age.ageYears < 3;
};
/** Past every state's last school year (22 is asked in full: California may still serve the student). */
const pastSchoolAge = (a: Answers) => {
  const age = ageOf(a);
  return age !== null && age.ageYears >= 23;
};
const schoolAge = (a: Answers) => !underThree(a) && !pastSchoolAge(a);
/** The questions about the disability are asked only while school services may apply. */
const inSchool = (a: Answers) => schoolAge(a) && a.graduated !== "yes";
const mayHaveGraduated = (a: Answers) => {
  const age = ageOf(a);
  return schoolAge(a) && age !== null && (age.unknown || age.ageYears >= 10);
};

export const STEPS: readonly StepDef[] = [
  { id: "age", kind: "age", options: [], applies: always },
  { id: "ageBand", kind: "choice", options: AGE_BANDS, applies: (a) => a.age === "unknown" },
  { id: "state", kind: "state", options: [...US_STATES, "unknown"], applies: (a) => !underThree(a) },
  { id: "graduated", kind: "choice", options: TRI, applies: mayHaveGraduated },
  { id: "evaluation", kind: "choice", options: EVALUATION_ANSWERS, applies: inSchool },
  { id: "condition", kind: "text", options: [], applies: inSchool },
  { id: "category", kind: "choice", options: CATEGORY_ANSWERS, applies: inSchool },
  { id: "duration", kind: "choice", options: DURATION_ANSWERS, applies: inSchool },
  { id: "limits", kind: "choice", options: TRI, applies: inSchool },
  { id: "episodic", kind: "choice", options: TRI, applies: inSchool },
  { id: "limitsWhenActive", kind: "choice", options: TRI, applies: (a) => inSchool(a) && a.episodic === "yes" },
  { id: "adverse", kind: "choice", options: TRI, applies: inSchool },
  { id: "specializedInstruction", kind: "choice", options: TRI, applies: inSchool },
  { id: "relatedServices", kind: "multi", options: SERVICE_ANSWERS, applies: inSchool },
  { id: "accommodations", kind: "choice", options: TRI, applies: inSchool },
  { id: "gradeLevel", kind: "choice", options: TRI, applies: inSchool },
  { id: "plans", kind: "multi", options: PLAN_ANSWERS, applies: (a) => !underThree(a) },
];

/** The questions that apply, in order. */
export function activeSteps(answers: Answers): StepDef[] {
  return STEPS.filter((s) => s.applies(answers));
}

/** Whether a step has an answer (an "I don't know" counts). */
export function isAnswered(step: StepDef, answers: Answers, today = todayIso()): boolean {
  if (step.id === "age") {
    if (answers.age === "unknown") return true;
    if ((answers.birthDate ?? "").trim() !== "") return typedBirthDate(answers.birthDate, today) !== null;
    return typedAge(answers.age) !== null;
  }
  if (step.id === "condition") return Boolean(answers.conditionUnknown) || (answers.condition ?? "").trim() !== "";
  const value = answers[step.id];
  if (Array.isArray(value)) return value.length > 0;
  return typeof value === "string" && value !== "";
}

/** The first applicable step without an answer, or null when all are answered. */
export function firstUnanswered(answers: Answers): StepId | null {
  return activeSteps(answers).find((s) => !isAnswered(s, answers))?.id ?? null;
}

function tri(value: Tri | undefined): boolean | null {
  return value === "yes" ? true : value === "no" ? false : null;
}

/**
 * The navigator's facts from the answers. Unanswered and "I don't know" become null (unknown).
 * "None of these" for the category means "fits none" only once the evaluation is finished; before
 * it, it stays unknown.
 */
export function answersToFacts(
  answers: Answers,
  defaultConditionName: string,
  today = todayIso(),
): NavigatorFactsInput {
  const category = answers.category;
  const evaluation = answers.evaluation && answers.evaluation !== "unknown" ? answers.evaluation : "none";
  const ideaCategory =
    category === "none"
      ? evaluation === "completed"
        ? "none"
        : null
      : category && category !== "unknown"
        ? category
        : null;
  const name = answers.conditionUnknown ? "" : (answers.condition ?? "").trim();
  const chosen = answers.relatedServices ?? [];
  const services = chosen.filter((s): s is (typeof RELATED_SERVICES)[number] =>
    (RELATED_SERVICES as readonly string[]).includes(s),
  );
  const always = chosen.filter((s): s is (typeof ALWAYS_SPECIAL_EDUCATION_ANSWERS)[number] =>
    (ALWAYS_SPECIAL_EDUCATION_ANSWERS as readonly string[]).includes(s),
  );
  const plans = (answers.plans ?? []).filter((p): p is "iep" | "section-504" => p === "iep" || p === "section-504");
  const age = resolveAge(answers, today) ?? {
    ageYears: AGE_FOR_BAND.unknown,
    approximate: true,
    dateOfBirth: null,
    unknown: true,
  };
  const state = answers.state && answers.state !== "unknown" ? answers.state : null;
  return {
    ageYears: age.ageYears,
    ageIsApproximate: age.approximate,
    dateOfBirth: age.dateOfBirth,
    asOf: age.dateOfBirth ? today : null,
    evaluation,
    impairments: [
      {
        name: name || defaultConditionName,
        ideaCategory,
        majorLifeActivities: [],
        limitsNow: null,
        limitsWithoutMitigation: tri(answers.limits),
        mitigatingMeasures: [],
        episodicOrInRemission: answers.episodic === "yes",
        limitsWhenActive: answers.episodic === "yes" ? tri(answers.limitsWhenActive) : null,
        basis: "actual",
        expectedDuration: answers.duration && answers.duration !== "unknown" ? answers.duration : null,
      },
    ],
    adverseEducationalEffect: tri(answers.adverse),
    needsSpecializedInstruction: tri(answers.specializedInstruction),
    relatedServicesNeeded: services,
    specialEducationServicesNeeded: always,
    accommodationsNeeded: tri(answers.accommodations),
    performingAtGradeLevel: tri(answers.gradeLevel),
    currentPlans: plans,
    state,
    // null: the state table decides (California counts speech-language therapy as special education).
    speechIsSpecialEducationInState: null,
    graduatedWithRegularDiploma: answers.graduated === "yes",
  };
}

/** Where the answers are kept while the parent moves back and forth (this tab only). */
export const STORAGE_KEY = "lantern.navigator.answers";

/** Answers kept by an earlier version asked the age as a range: keep it as the range. */
function upgrade(answers: Answers): Answers {
  if (answers.age && (AGE_BANDS as readonly string[]).includes(answers.age) && answers.age !== "unknown") {
    return { ...answers, age: "unknown", ageBand: answers.age as AgeBand };
  }
  return answers;
}

export function loadAnswers(storage: Pick<Storage, "getItem"> | undefined): Answers {
  try {
    const raw = storage?.getItem(STORAGE_KEY);
    if (!raw) return {};
    const parsed: unknown = JSON.parse(raw);
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? upgrade(parsed as Answers) : {};
  } catch {
    return {};
  }
}

export function saveAnswers(storage: Pick<Storage, "setItem"> | undefined, answers: Answers): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(answers));
  } catch {
    // Storage full or blocked: the wizard still works, answers just do not survive a reload.
  }
}

/** In a multi-choice question, "none" and "unknown" exclude every other choice. */
export function toggleMulti(current: readonly string[], option: string, checked: boolean): string[] {
  const exclusive = option === "none" || option === "unknown";
  if (!checked) return current.filter((o) => o !== option);
  if (exclusive) return [option];
  return [...current.filter((o) => o !== "none" && o !== "unknown"), option];
}
