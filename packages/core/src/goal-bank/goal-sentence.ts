/**
 * A measurable annual goal as the sentence the family reads (34 CFR 300.320(a)(2)(i)): by when,
 * what the student will do and how much, how well, and how it is measured, with where the student
 * is now. And warnings on wording that cannot be measured ("will improve", "as needed"), for the
 * goal builder to show as the person types. Imports no zod.
 */
import { findPhrase, hasQuantity, VAGUE_PHRASES } from "../compliance/vague-wording.ts";
import { formatLongDate } from "../shared/date-format.ts";
import { GOAL_BLANK } from "./goal-patterns.ts";

/** The parts of a goal, in the order the builder asks for them. */
export type GoalParts = {
  /** What the student will do, with `___` where the target goes (the target is added at the end when there is no blank). */
  skill: string;
  unit: string;
  direction: "increase" | "decrease";
  baseline: number | null;
  target: number | null;
  criterion: string;
  measurementMethod: string;
  byDate: string | null;
};

const trimEnd = (s: string) => s.trim().replace(/[.\s]+$/, "");
const number = (n: number | null) => (n === null || Number.isNaN(n) ? GOAL_BLANK : String(n));

/**
 * "By June 4, 2027, Mateo will read a passage at grade level aloud at 90 words correct per minute,
 * on 3 of 4 weekly one-minute probes, as measured by curriculum-based measurement reading probes.
 * Now: 42 words correct per minute." Parts not yet given show as `___`.
 */
export function composeGoalSentence(parts: GoalParts, opts: { studentName: string; locale?: string }): string {
  const name = opts.studentName.trim() || "The student";
  const when = parts.byDate ? formatLongDate(parts.byDate, opts.locale) : GOAL_BLANK;
  const skill = trimEnd(parts.skill) || GOAL_BLANK;
  const target = number(parts.target);
  const what = skill.includes(GOAL_BLANK)
    ? skill.replace(GOAL_BLANK, target)
    : `${skill}: ${target}${parts.unit.trim() ? ` ${parts.unit.trim()}` : ""}`;
  const criterion = trimEnd(parts.criterion) || GOAL_BLANK;
  const method = trimEnd(parts.measurementMethod) || GOAL_BLANK;
  const unit = parts.unit.trim();
  const now = `${number(parts.baseline)}${unit ? ` ${unit}` : ""}`;
  return `By ${when}, ${name} will ${what}, ${criterion}, as measured by ${method}. Now: ${now}.`;
}

/** Words that name no observable, countable behavior ("will improve reading"). */
export const UNMEASURABLE_GOAL_PHRASES = [
  "improve",
  "improves",
  "improved",
  "get better",
  "do better",
  "be better",
  "understand",
  "appreciate",
  "be aware",
  "become aware",
  "know",
  "learn",
  "work on",
  "try to",
  "show growth",
  "make progress",
  "increase skills",
  "demonstrate knowledge",
  "demonstrate understanding",
] as const;

export type GoalWarning = {
  /** The part of the goal the warning is about. */
  part: "skill" | "criterion" | "measurementMethod";
  /** The words found, when it is about words. */
  phrase: string | null;
  kind: "vague" | "unmeasurable" | "no-amount";
};

/**
 * What makes a goal hard to measure as written (34 CFR 300.320(a)(2)(i)): a phrase that leaves the
 * amount to judgement ("as needed", "frequently"), a verb that names no behavior anyone can count
 * ("improve", "understand"), a criterion with no amount ("with good accuracy").
 */
export function goalWordingWarnings(
  parts: Pick<GoalParts, "skill" | "criterion" | "measurementMethod">,
): GoalWarning[] {
  const out: GoalWarning[] = [];
  const norm = (s: string) => s.toLowerCase().replace(/\u2019/g, "'");
  const skill = norm(parts.skill);
  const unmeasurable = findPhrase(skill, UNMEASURABLE_GOAL_PHRASES);
  if (unmeasurable) out.push({ part: "skill", phrase: unmeasurable, kind: "unmeasurable" });
  const vagueSkill = findPhrase(skill, VAGUE_PHRASES);
  if (vagueSkill) out.push({ part: "skill", phrase: vagueSkill, kind: "vague" });
  const criterion = norm(parts.criterion);
  const vagueCriterion = findPhrase(criterion, VAGUE_PHRASES);
  if (vagueCriterion) out.push({ part: "criterion", phrase: vagueCriterion, kind: "vague" });
  if (criterion.trim() !== "" && !hasQuantity(criterion))
    out.push({ part: "criterion", phrase: null, kind: "no-amount" });
  const method = norm(parts.measurementMethod);
  const vagueMethod = findPhrase(method, VAGUE_PHRASES);
  if (vagueMethod) out.push({ part: "measurementMethod", phrase: vagueMethod, kind: "vague" });
  return out;
}
