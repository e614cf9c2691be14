import { describe, expect, it } from "vitest";
import { ZAnnualGoal } from "../plans/iep-document.ts";
import { addDays } from "../shared/dates.ts";
import {
  aimValueOn,
  analyzeProgress,
  fourPointExplanation,
  leastSquares,
  type ProgressGoalInput,
  progressGoalFromAnnualGoal,
  progressStatement,
  ZProgressGoal,
} from "./progress.ts";

// 40 weeks from baseline to goal date.
const BASE = "2026-09-07";
const GOAL_DATE = addDays(BASE, 280);
const week = (n: number) => addDays(BASE, 7 * n);

const reading = ZProgressGoal.parse({
  goalId: "g-reading",
  label: "Reading fluency",
  baseline: 20,
  baselineDate: BASE,
  target: 60,
  targetDate: GOAL_DATE,
  direction: "increase",
  unit: "words correct per minute",
});

const behavior = ZProgressGoal.parse({
  goalId: "g-behavior",
  label: "Classroom behavior",
  baseline: 12,
  baselineDate: BASE,
  target: 2,
  targetDate: GOAL_DATE,
  direction: "decrease",
  unit: "incidents per week",
});

const series = (values: number[], startWeek = 1) => values.map((value, i) => ({ date: week(startWeek + i), value }));

describe("aim and trend lines", () => {
  it("draws the aim line from baseline to target at the goal date", () => {
    expect(aimValueOn(reading, BASE)).toBe(20);
    expect(aimValueOn(reading, week(10))).toBeCloseTo(30, 9);
    expect(aimValueOn(reading, GOAL_DATE)).toBe(60);
    const a = analyzeProgress(reading, []);
    expect(a.aimLine).toEqual({ from: { date: BASE, value: 20 }, to: { date: GOAL_DATE, value: 60 }, slopePerWeek: 1 });
    expect(aimValueOn(behavior, week(20))).toBeCloseTo(7, 9);
  });

  it("fits the least-squares trend line", () => {
    // value = 20 + 2 per week, exactly.
    const a = analyzeProgress(reading, series([22, 24, 26, 28, 30]));
    expect(a.trendLine?.slopePerWeek).toBe(2);
    expect(a.trendLine?.projectedAtGoalDate).toBe(100);
    expect(a.trendLine?.from).toEqual({ date: week(1), value: 22 });
    // Noisy data: slope of (1,1), (2,3), (3,2) → 0.5 per unit.
    const fit = leastSquares(
      [
        { date: "2026-01-02", value: 1 },
        { date: "2026-01-03", value: 3 },
        { date: "2026-01-04", value: 2 },
      ],
      "2026-01-01",
    );
    expect(fit?.slopePerDay).toBeCloseTo(0.5, 9);
    expect(fit?.intercept).toBeCloseTo(1, 9);
  });

  it("has no trend with fewer than two dates", () => {
    expect(analyzeProgress(reading, series([25])).trendLine).toBeNull();
    expect(
      analyzeProgress(reading, [
        { date: week(2), value: 25 },
        { date: week(2), value: 27 },
      ]).trendLine,
    ).toBeNull();
  });
});

describe("four-point rule", () => {
  it("suggests changing instruction when the last four points are below the aim line", () => {
    // Aim for weeks 3–6: 23, 24, 25, 26.
    const a = analyzeProgress(reading, series([30, 29, 22, 22, 23, 24]));
    expect(a.decision.outcome).toBe("consider-changing-instruction");
    expect(a.decision.pointDates).toEqual([week(3), week(4), week(5), week(6)]);
    expect(a.decision.explanation).toMatch(/below the aim line/);
  });

  it("suggests raising the goal when the last four points are above the aim line", () => {
    const a = analyzeProgress(reading, series([23, 24, 25, 27]));
    expect(a.decision.outcome).toBe("consider-raising-the-goal");
  });

  it("keeps going when points straddle or touch the aim line, and waits for four points", () => {
    expect(analyzeProgress(reading, series([21, 21, 22, 23])).decision.outcome).toBe("keep-going"); // week 1 is on the line
    expect(analyzeProgress(reading, series([10, 10, 10])).decision.outcome).toBe("not-enough-data");
  });

  it("mirrors the rule for a decreasing goal (fewer incidents is better)", () => {
    // Aim for weeks 1–4: 11.75, 11.5, 11.25, 11.
    const worse = analyzeProgress(behavior, series([12, 12, 11.5, 11.5]));
    expect(worse.points.map((p) => p.side)).toEqual(["above", "above", "above", "above"]);
    expect(worse.decision.outcome).toBe("consider-changing-instruction");
    expect(worse.decision.explanation).toMatch(/above the aim line/);
    const better = analyzeProgress(behavior, series([10, 9, 8, 7]));
    expect(better.decision.outcome).toBe("consider-raising-the-goal");
  });

  it("only uses data through the report date", () => {
    const data = series([23, 24, 25, 27, 10, 10, 10, 10]);
    expect(analyzeProgress(reading, data, { asOf: week(4) }).decision.outcome).toBe("consider-raising-the-goal");
    expect(analyzeProgress(reading, data).decision.outcome).toBe("consider-changing-instruction");
  });
});

describe("progress statement for families", () => {
  it("says on track with the numbers when the trend reaches the target", () => {
    const a = analyzeProgress(reading, series([22, 24, 26, 28, 30]));
    expect(a.status).toBe("on-track");
    expect(a.statement).toBe(
      "On track. Latest: 30 words correct per minute on October 12, 2026. " +
        "Starting point: 20 words correct per minute on September 7, 2026. " +
        "Goal: 60 words correct per minute or more by June 14, 2027. " +
        "At the current rate (up about 2 a week), the expected level on June 14, 2027 is 100 words correct per minute.",
    );
    expect(a.citations).toContain("34 CFR 300.320(a)(3)(ii)");
  });

  it("says not yet on track when the trend falls short", () => {
    const a = analyzeProgress(reading, series([20, 20.5, 21, 21.5]));
    expect(a.status).toBe("not-yet-on-track");
    expect(a.statement).toMatch(/^Not yet on track\./);
    expect(a.statement).toMatch(/up about 0\.5 a week/);
    expect(a.statement).toMatch(/is 39\.5 words correct per minute, short of the goal of 60\./);
  });

  it("judges a decreasing goal by the lower side", () => {
    const down = analyzeProgress(behavior, series([11, 10, 9]));
    expect(down.status).toBe("on-track");
    expect(down.statement).toMatch(/Goal: 2 incidents per week or fewer by/);
    expect(down.statement).toMatch(/down about 1 a week/);
    const flat = analyzeProgress(behavior, series([12, 12, 12]));
    expect(flat.status).toBe("not-yet-on-track");
    expect(flat.statement).toMatch(/\(no change\)/);
    const reached = analyzeProgress(behavior, series([3, 2]));
    expect(reached.targetReached).toBe(true);
    expect(reached.statement).toMatch(/target has been reached/);
  });

  it("compares one or two points with the aim line", () => {
    expect(analyzeProgress(reading, series([22])).status).toBe("on-track"); // aim 21
    expect(analyzeProgress(reading, series([20])).status).toBe("not-yet-on-track");
  });

  it("says when no data has been recorded", () => {
    const a = analyzeProgress(reading, []);
    expect(a.status).toBe("no-data");
    expect(a.latest).toBeNull();
    expect(a.statement).toMatch(/^No progress data has been recorded yet\./);
  });
});

describe("goal schema", () => {
  it("rejects a target on the wrong side of the baseline, or a goal date before the baseline", () => {
    const base: ProgressGoalInput = {
      goalId: "g",
      baseline: 12,
      baselineDate: BASE,
      target: 20,
      targetDate: GOAL_DATE,
      direction: "decrease",
    };
    expect(ZProgressGoal.safeParse(base).success).toBe(false);
    expect(ZProgressGoal.safeParse({ ...base, target: 2, targetDate: "2026-01-01" }).success).toBe(false);
    expect(ZProgressGoal.safeParse({ ...base, target: 2 }).success).toBe(true);
  });

  it("reads a quantified annual goal from a plan, and skips one without numbers", () => {
    const goal = ZAnnualGoal.parse({
      id: "goal-1",
      area: "Reading fluency",
      baseline: { value: 20, measuredOn: BASE },
      target: { value: 60 },
      unit: "words correct per minute",
      byDate: GOAL_DATE,
    });
    expect(progressGoalFromAnnualGoal(goal)).toMatchObject({ goalId: "goal-1", baseline: 20, target: 60 });
    expect(progressGoalFromAnnualGoal(ZAnnualGoal.parse({ id: "goal-2", area: "Self-advocacy" }))).toBeNull();
  });
});

describe("the progress statement and hint in Spanish", () => {
  it("says on track or not yet, with Spanish dates, and the four-point hint, in Spanish", () => {
    const goal = ZProgressGoal.parse({
      goalId: "g",
      label: "Reading",
      baseline: 40,
      baselineDate: "2026-09-01",
      target: 80,
      targetDate: "2027-06-01",
      direction: "increase",
      unit: "wcpm",
    });
    const a = analyzeProgress(goal, [{ date: "2026-10-01", value: 41 }]);
    const statement = progressStatement(goal, a, "es");
    expect(statement).toMatch(/^Todavía no va encaminado\. Último dato: 41 wcpm el 1 de octubre de 2026\./);
    expect(statement).toContain("Meta: 80 wcpm o más para el 1 de junio de 2027.");
    expect(fourPointExplanation("consider-changing-instruction", "increase", "es")).toContain(
      "por debajo de la línea meta",
    );
    expect(fourPointExplanation("not-enough-data", "increase", "en")).toBe(a.decision.explanation);
  });
});
