/**
 * The goal bank: Lantern's measurable goal patterns and the district's own. Staff read them in
 * the goal builder; district administrators add and remove the district's (the built-in ones stay).
 */
import {
  BUILT_IN_GOAL_PATTERNS,
  DomainError,
  GOAL_AREAS,
  type GoalPattern,
  type GoalPatternList,
  type NewGoalPattern,
} from "@lantern/core";
import { type Actor, auditAs, inTransaction, type UseCaseDeps } from "../deps.ts";

const areaOrder = (p: GoalPattern) => GOAL_AREAS.indexOf(p.area);

/** Built-in and district patterns, by area (in core's order), built-in first within an area. */
export async function listGoalPatterns(
  deps: UseCaseDeps,
  input: { districtId: string; canChange: boolean },
): Promise<GoalPatternList> {
  const own = await deps.repos.goalPatterns.listForDistrict(input.districtId);
  const patterns = [...BUILT_IN_GOAL_PATTERNS, ...own]
    .map((p, i) => ({ p, i }))
    .sort((a, b) => areaOrder(a.p) - areaOrder(b.p) || a.i - b.i)
    .map(({ p }) => p);
  return { patterns, canChange: input.canChange };
}

export async function addGoalPattern(
  deps: UseCaseDeps,
  input: { districtId: string; pattern: NewGoalPattern; actor: Actor },
): Promise<GoalPattern> {
  return inTransaction(deps, async (tx) => {
    const added = await tx.repos.goalPatterns.add(input.districtId, input.pattern, input.actor.personId);
    await auditAs(
      tx.audit,
      input.actor,
    )({
      action: "goal-pattern.added",
      studentId: null,
      subject: `goal-pattern:${added.id}`,
      details: { area: added.area },
    });
    return added;
  });
}

export async function removeGoalPattern(
  deps: UseCaseDeps,
  input: { districtId: string; patternId: string; actor: Actor },
): Promise<void> {
  await inTransaction(deps, async (tx) => {
    const removed = await tx.repos.goalPatterns.remove(
      input.districtId,
      input.patternId,
      input.actor.personId,
      tx.clock.now(),
    );
    if (!removed) throw new DomainError("not-found", "The district has no such goal pattern");
    await auditAs(
      tx.audit,
      input.actor,
    )({
      action: "goal-pattern.removed",
      studentId: null,
      subject: `goal-pattern:${removed.id}`,
      details: { area: removed.area },
    });
  });
}
