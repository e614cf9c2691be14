/** Staff record progress data points for a goal of the plan in effect, one at a time or in a batch. */
import { DomainError, type ErrorIssue, type ProgressEntry } from "@lantern/core";
import type { StoredPoint, StudentPlace } from "../repositories/enforcement-repository.ts";
import type { EnforcementDeps } from "./summarize-service-minutes.ts";

export async function recordProgressData(
  deps: EnforcementDeps,
  places: Map<string, StudentPlace>,
  entries: ProgressEntry[],
  recordedBy: string,
  pathBase = "/entries",
): Promise<StoredPoint[]> {
  const plans = await deps.plans.forStudents([...places.keys()]);
  const issues: ErrorIssue[] = [];
  entries.forEach((e, i) => {
    const ids = new Set(plans.get(e.studentId)?.current?.goalIds ?? []);
    if (!ids.has(e.goalId))
      issues.push({ path: `${pathBase}/${i}/goalId`, message: "Not a goal of the plan in effect" });
  });
  if (issues.length > 0) {
    throw new DomainError("invalid-input", "Data points must name a goal of the plan in effect", { issues });
  }
  return deps.enforcement.insertPoints(
    entries.map((e) => ({
      place: places.get(e.studentId) as StudentPlace,
      goalId: e.goalId,
      point: { date: e.date, value: e.value, ...(e.note !== undefined ? { note: e.note } : {}) },
    })),
    recordedBy,
  );
}
