/**
 * The wizard's answers, which questions apply, and how answers become the navigator's facts.
 * Pure (no React), so it is unit-tested on its own. "I don't know" is always an answer and maps to
 * `null` (unknown) in the facts — never to "no".
 */
import { IDEA_CATEGORIES, type NavigatorFactsInput, RELATED_SERVICES } from "@lantern/core";

export const TRI = ["yes", "no", "unknown"] as const;
export type Tri = (typeof TRI)[number];

export const AGE_BANDS = ["under-3", "3-9", "10-21", "22-plus", "unknown"] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const EVALUATION_ANSWERS = ["none", "requested", "in-progress", "completed", "unknown"] as const;
export type EvaluationAnswer = (typeof EVALUATION_ANSWERS)[number];

export const CATEGORY_ANSWERS = [...IDEA_CATEGORIES, "none", "unknown"] as const;
export type CategoryAnswer = (typeof CATEGORY_ANSWERS)[number];

export const SERVICE_ANSWERS = [...RELATED_SERVICES, "none", "unknown"] as const;
export const PLAN_ANSWERS = ["iep", "section-504", "none", "unknown"] as const;

// biome-ignore format: a compact list of state codes reads better
export const US_STATES = [
  "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY",
  "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH",
  "OK", "OR", "PA", "PR", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY",
] as const;

export type Answers = {
  age?: AgeBand;
  graduated?: Tri;
  evaluation?: EvaluationAnswer;
  /** The condition in the parent's words; "" with `conditionUnknown` when not known. */
  condition?: string;
  conditionUnknown?: boolean;
  category?: CategoryAnswer;
  limits?: Tri;
  episodic?: Tri;
  limitsWhenActive?: Tri;
  adverse?: Tri;
  specializedInstruction?: Tri;
  relatedServices?: string[];
  accommodations?: Tri;
  gradeLevel?: Tri;
  plans?: string[];
  state?: string;
};

export type StepKind = "choice" | "multi" | "text" | "state";

export type StepDef = {
  id: StepId;
  kind: StepKind;
  options: readonly string[];
  /** Whether the question is asked, given the answers so far. */
  applies(answers: Answers): boolean;
};

export const STEP_IDS = [
  "age",
  "graduated",
  "evaluation",
  "condition",
  "category",
  "limits",
  "episodic",
  "limitsWhenActive",
  "adverse",
  "specializedInstruction",
  "relatedServices",
  "accommodations",
  "gradeLevel",
  "plans",
  "state",
] as const;
export type StepId = (typeof STEP_IDS)[number];

const always = () => true;
const schoolAge = (a: Answers) => a.age !== "under-3";

export const STEPS: readonly StepDef[] = [
  { id: "age", kind: "choice", options: AGE_BANDS, applies: always },
  { id: "graduated", kind: "choice", options: TRI, applies: (a) => a.age === "10-21" || a.age === "unknown" },
  { id: "evaluation", kind: "choice", options: EVALUATION_ANSWERS, applies: schoolAge },
  { id: "condition", kind: "text", options: [], applies: schoolAge },
  { id: "category", kind: "choice", options: CATEGORY_ANSWERS, applies: schoolAge },
  { id: "limits", kind: "choice", options: TRI, applies: schoolAge },
  { id: "episodic", kind: "choice", options: TRI, applies: schoolAge },
  { id: "limitsWhenActive", kind: "choice", options: TRI, applies: (a) => schoolAge(a) && a.episodic === "yes" },
  { id: "adverse", kind: "choice", options: TRI, applies: schoolAge },
  { id: "specializedInstruction", kind: "choice", options: TRI, applies: schoolAge },
  { id: "relatedServices", kind: "multi", options: SERVICE_ANSWERS, applies: schoolAge },
  { id: "accommodations", kind: "choice", options: TRI, applies: schoolAge },
  { id: "gradeLevel", kind: "choice", options: TRI, applies: schoolAge },
  { id: "plans", kind: "multi", options: PLAN_ANSWERS, applies: schoolAge },
  { id: "state", kind: "state", options: [...US_STATES, "unknown"], applies: schoolAge },
];

/** The questions that apply, in order. */
export function activeSteps(answers: Answers): StepDef[] {
  return STEPS.filter((s) => s.applies(answers));
}

/** Whether a step has an answer (an "I don't know" counts). */
export function isAnswered(step: StepDef, answers: Answers): boolean {
  const value = answers[step.id];
  if (step.id === "condition") return Boolean(answers.conditionUnknown) || (answers.condition ?? "").trim() !== "";
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

/** Whole years standing for each age band: only the limits 3, 9 and 21 matter to the rules. */
const AGE_FOR_BAND: Record<AgeBand, number> = { "under-3": 1, "3-9": 6, "10-21": 12, "22-plus": 22, unknown: 8 };

/** The navigator's facts from the answers. Unanswered and "I don't know" become null (unknown). */
export function answersToFacts(answers: Answers, defaultConditionName: string): NavigatorFactsInput {
  const category = answers.category;
  const ideaCategory = category && category !== "none" && category !== "unknown" ? category : null;
  const name = answers.conditionUnknown ? "" : (answers.condition ?? "").trim();
  const services = (answers.relatedServices ?? []).filter((s): s is (typeof RELATED_SERVICES)[number] =>
    (RELATED_SERVICES as readonly string[]).includes(s),
  );
  const plans = (answers.plans ?? []).filter((p): p is "iep" | "section-504" => p === "iep" || p === "section-504");
  const evaluation = answers.evaluation && answers.evaluation !== "unknown" ? answers.evaluation : "none";
  return {
    ageYears: AGE_FOR_BAND[answers.age ?? "unknown"],
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
      },
    ],
    adverseEducationalEffect: tri(answers.adverse),
    needsSpecializedInstruction: tri(answers.specializedInstruction),
    relatedServicesNeeded: services,
    accommodationsNeeded: tri(answers.accommodations),
    performingAtGradeLevel: tri(answers.gradeLevel),
    currentPlans: plans,
    speechIsSpecialEducationInState: false,
    graduatedWithRegularDiploma: answers.graduated === "yes",
  };
}

/** Where the answers are kept while the parent moves back and forth (this tab only). */
export const STORAGE_KEY = "lantern.navigator.answers";

export function loadAnswers(storage: Pick<Storage, "getItem"> | undefined): Answers {
  try {
    const raw = storage?.getItem(STORAGE_KEY);
    if (!raw) return {};
    const parsed: unknown = JSON.parse(raw);
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? (parsed as Answers) : {};
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
