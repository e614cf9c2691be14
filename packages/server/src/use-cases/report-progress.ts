/**
 * Progress toward each goal of the plan in effect: aim line, trend, four-point hint and the
 * plain-language statement for the family (34 CFR 300.320(a)(3)(ii)).
 */
import { analyzeProgress, type IsoDate, type ProgressAnalysis, type ProgressGoal } from "@lantern/core";
import type { StoredPoint } from "../repositories/enforcement-repository.ts";
import type { EnforcementDeps } from "./summarize-service-minutes.ts";

export type GoalProgress = { goal: ProgressGoal; analysis: ProgressAnalysis; points: StoredPoint[] };

export async function reportProgress(
  deps: EnforcementDeps,
  studentId: string,
  options: { asOf?: IsoDate } = {},
): Promise<{ planId: string | null; reportDates: IsoDate[]; goals: GoalProgress[] }> {
  const [plan, points] = await Promise.all([deps.plans.forStudent(studentId), deps.enforcement.listPoints(studentId)]);
  const byGoal = new Map<string, StoredPoint[]>();
  for (const p of points) {
    if (options.asOf && p.date > options.asOf) continue;
    const list = byGoal.get(p.goalId);
    if (list) list.push(p);
    else byGoal.set(p.goalId, [p]);
  }
  return {
    planId: plan.current?.planId ?? null,
    reportDates: plan.current?.reportDates ?? [],
    goals: plan.goals.map((goal) => {
      const data = byGoal.get(goal.goalId) ?? [];
      return {
        goal,
        analysis: analyzeProgress(goal, data, options.asOf ? { asOf: options.asOf } : {}),
        points: data,
      };
    }),
  };
}
