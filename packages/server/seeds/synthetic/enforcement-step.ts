/** Step 3 (migration 0004): a year of service sessions and goal progress data for the IEPs in effect. */
import { SESSION_STATUSES } from "./content-banks.ts";
import { DAY_MS, isoAddDays, isSchoolDay } from "./dates.ts";
import type { SyntheticContext, SyntheticStep } from "./loader.ts";
import type { SyntheticSchool } from "./model.ts";
import { buildPlans, type SyntheticVersion } from "./plans.ts";

export const enforcementStep: SyntheticStep = {
  name: "service sessions and progress data",
  requires: ["plans", "plan_versions", "service_sessions", "progress_data_points"],
  loads: ["service_sessions", "progress_data_points"],
  estimateRows(model) {
    let rows = 0;
    for (const plan of buildPlans(model)) {
      if (!plan.inEffect) continue;
      const days = Math.min(365, Math.max(0, (Date.parse(model.today) - Date.parse(plan.inEffect.planStart)) / DAY_MS));
      const weeks = (days / 7) * 0.8;
      rows += plan.services.reduce((a, s) => a + s.timesPerWeek * weeks, 0) + (plan.goals.length * days * 0.8) / 14;
    }
    return Math.round(rows);
  },
  async run(ctx) {
    await loadEnforcement(ctx);
  },
};

async function loadEnforcement(ctx: SyntheticContext): Promise<void> {
  {
    const { model } = ctx;
    const rng = ctx.rng("sessions");
    const sessions = ctx.writer("service_sessions", {
      id: "uuid",
      district_id: "uuid",
      school_id: "uuid",
      student_id: "uuid",
      service_id: "text",
      session_date: "date",
      minutes: "int",
      delivery: "text",
      status: "text",
      provider_id: "uuid",
    });
    const points = ctx.writer("progress_data_points", {
      id: "uuid",
      district_id: "uuid",
      school_id: "uuid",
      student_id: "uuid",
      goal_id: "text",
      point_date: "date",
      value: "numeric",
      recorded_by: "uuid",
    });
    let sessionIndex = 0;
    let pointIndex = 0;
    const yearAgo = isoAddDays(model.today, -365);
    // The past year, day by day (index 0 = a year ago, last = yesterday).
    const calendar = Array.from({ length: 365 }, (_, i) => isoAddDays(yearAgo, i));
    const schoolDay = calendar.map(isSchoolDay);
    for (const plan of buildPlans(model)) {
      const version = plan.inEffect;
      if (!version || plan.type !== "iep") continue;
      const planStart = (plan.versions[0] as SyntheticVersion).planStart;
      const from = planStart > yearAgo ? planStart : yearAgo;
      const schoolId = (model.schools[plan.student.schoolIndex] as SyntheticSchool).id;
      const startOffset = Math.round((Date.parse(planStart) - Date.parse(yearAgo)) / DAY_MS);
      // Sessions: each week, `timesPerWeek` of its school days (day numbers into the calendar).
      const first = Math.round((Date.parse(from) - Date.parse(yearAgo)) / DAY_MS);
      for (const service of plan.services) {
        for (let week = first; week < calendar.length; week += 7) {
          const days: number[] = [];
          for (let d = week; d < week + 7 && d < calendar.length; d++) if (schoolDay[d]) days.push(d);
          const count = Math.min(service.timesPerWeek, days.length);
          for (let t = 0; t < count; t++) {
            const day = calendar[days[Math.floor((t * days.length) / count)] as number] as string;
            let r = rng.next();
            let status: string = "delivered";
            for (const [s, p] of SESSION_STATUSES) {
              if (r < p) {
                status = s;
                break;
              }
              r -= p;
            }
            await sessions.add(
              ctx.uuid("service_sessions", sessionIndex++),
              model.districtId,
              schoolId,
              plan.student.id,
              service.id,
              day,
              status === "delivered" || status === "make-up" ? service.minutes : 0,
              service.delivery,
              status,
              service.providerId,
            );
          }
        }
      }
      // Progress: a data point every two weeks on a school day.
      const recorder = plan.student.caseManagerId as string;
      for (const goal of plan.goals) {
        for (let d = first; d < calendar.length; d += 14) {
          if (!schoolDay[d]) continue;
          const day = calendar[d] as string;
          const fraction = (d - startOffset) / 364;
          const expected = goal.baseline + (goal.target - goal.baseline) * fraction * goal.pace;
          const spread = Math.abs(goal.target - goal.baseline) * 0.08 + 0.2;
          const value = Math.max(0, Math.round((expected + rng.normal() * spread) * 10) / 10);
          await points.add(
            ctx.uuid("progress_data_points", pointIndex++),
            model.districtId,
            schoolId,
            plan.student.id,
            goal.id,
            day,
            value,
            recorder,
          );
        }
      }
    }
    await sessions.flush();
    await points.flush();
  }
}
