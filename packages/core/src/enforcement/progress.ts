/**
 * Progress monitoring: the aim line, the trend line, the four-point decision rule and a
 * plain-language progress statement for families.
 *
 * A plan states measurable annual goals (34 CFR 300.320(a)(2)), how progress is measured and when
 * the family gets periodic reports (34 CFR 300.320(a)(3)(ii)); the team revises the plan to address
 * any lack of expected progress (34 CFR 300.324(b)). The four-point rule is a data-based
 * decision convention from curriculum-based measurement, not a legal requirement: Lantern shows it
 * as a hint for the team ("consider …"), never as a decision.
 *
 * Definitions:
 * - **Aim line**: the straight line from (baseline date, baseline) to (goal date, target).
 * - **Trend line**: ordinary least squares over the data points (x = days since the baseline
 *   date); needs two points on different dates.
 * - **Four-point rule**: when the last four points are all on the worse side of the aim line
 *   (below it for an increasing goal, above it for a decreasing one) → "consider changing
 *   instruction"; all on the better side → "consider raising the goal" (a more ambitious target);
 *   otherwise keep going. A point exactly on the aim line is on neither side.
 * - **On track**: the latest point already meets the target; or, with three or more points, the
 *   trend projected to the goal date meets the target; or, with one or two points, the latest
 *   point is on or beyond the aim line.
 */
import { z } from "zod";
import type { AnnualGoal } from "../plans/iep-document.ts";
import { DEFAULT_DATE_LOCALE, formatLongDate } from "../shared/date-format.ts";
import { daysBetween, type IsoDate, ZIsoDate } from "../shared/dates.ts";

export const CITATION_GOALS = "34 CFR 300.320(a)(2)";
export const CITATION_PROGRESS_REPORTS = "34 CFR 300.320(a)(3)(ii)";
export const CITATION_REVISE_FOR_PROGRESS = "34 CFR 300.324(b)";

export const ZGoalDirection = z.enum(["increase", "decrease"]);
export type GoalDirection = z.infer<typeof ZGoalDirection>;

export const ZProgressGoal = z
  .object({
    goalId: z.string().min(1).max(64),
    /** Short name shown on charts, e.g. "Reading fluency". */
    label: z.string().max(300).default(""),
    baseline: z.number().finite(),
    baselineDate: ZIsoDate,
    target: z.number().finite(),
    /** The date by which the goal should be met. */
    targetDate: ZIsoDate,
    direction: ZGoalDirection,
    unit: z.string().max(300).default(""),
  })
  .refine((g) => g.baselineDate < g.targetDate, {
    message: "The goal date must be after the baseline date",
    path: ["targetDate"],
  })
  .refine((g) => (g.direction === "increase" ? g.target >= g.baseline : g.target <= g.baseline), {
    message: "The target must not be on the wrong side of the baseline for the goal's direction",
    path: ["target"],
  });
export type ProgressGoal = z.infer<typeof ZProgressGoal>;
export type ProgressGoalInput = z.input<typeof ZProgressGoal>;

export const ZProgressDataPoint = z.object({
  date: ZIsoDate,
  value: z.number().finite(),
  note: z.string().max(2000).optional(),
});
export type ProgressDataPoint = z.infer<typeof ZProgressDataPoint>;

export type LinePoint = { date: IsoDate; value: number };

export type FourPointOutcome =
  | "consider-changing-instruction"
  | "consider-raising-the-goal"
  | "keep-going"
  | "not-enough-data";

export type ProgressStatus = "on-track" | "not-yet-on-track" | "no-data";

export type ProgressAnalysis = {
  goalId: string;
  direction: GoalDirection;
  unit: string;
  aimLine: { from: LinePoint; to: LinePoint; slopePerWeek: number };
  /** Null with fewer than two points on different dates. */
  trendLine: { from: LinePoint; to: LinePoint; slopePerWeek: number; projectedAtGoalDate: number } | null;
  points: Array<LinePoint & { aimValue: number; side: "above" | "below" | "on" }>;
  decision: { rule: "four-point"; outcome: FourPointOutcome; pointDates: IsoDate[]; explanation: string };
  status: ProgressStatus;
  targetReached: boolean;
  /** The latest point, if any. */
  latest: LinePoint | null;
  /** Plain-language statement for families, in English (the web builds its own from these fields). */
  statement: string;
  citations: string[];
};

/** The aim line's value on `date`. */
export function aimValueOn(goal: ProgressGoal, date: IsoDate): number {
  const span = daysBetween(goal.baselineDate, goal.targetDate);
  return goal.baseline + ((goal.target - goal.baseline) * daysBetween(goal.baselineDate, date)) / span;
}

/** Least squares over (days since `origin`, value). Null without two distinct dates. */
export function leastSquares(
  points: readonly LinePoint[],
  origin: IsoDate,
): { slopePerDay: number; intercept: number } | null {
  const n = points.length;
  if (n < 2) return null;
  let sx = 0;
  let sy = 0;
  for (const p of points) {
    sx += daysBetween(origin, p.date);
    sy += p.value;
  }
  const mx = sx / n;
  const my = sy / n;
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    const dx = daysBetween(origin, p.date) - mx;
    sxx += dx * dx;
    sxy += dx * (p.value - my);
  }
  if (sxx === 0) return null;
  const slopePerDay = sxy / sxx;
  return { slopePerDay, intercept: my - slopePerDay * mx };
}

/** Aim line, trend line, four-point rule and status of a goal, from the data through `asOf`. */
export function analyzeProgress(
  goal: ProgressGoal,
  data: readonly ProgressDataPoint[],
  options: { asOf?: IsoDate; locale?: string } = {},
): ProgressAnalysis {
  const sorted = data
    .filter((p) => options.asOf === undefined || p.date <= options.asOf)
    .map((p) => ({ date: p.date, value: p.value }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const better = (value: number, reference: number) =>
    goal.direction === "increase" ? value >= reference : value <= reference;

  const aimSlopePerDay = (goal.target - goal.baseline) / daysBetween(goal.baselineDate, goal.targetDate);
  const points = sorted.map((p) => {
    const aimValue = aimValueOn(goal, p.date);
    const diff = p.value - aimValue;
    const side: "above" | "below" | "on" = Math.abs(diff) < 1e-9 ? "on" : diff > 0 ? "above" : "below";
    return { ...p, aimValue: round2(aimValue), side };
  });

  const fit = leastSquares(sorted, goal.baselineDate);
  const first = sorted[0];
  const trendLine =
    fit && first
      ? {
          from: {
            date: first.date,
            value: round2(fit.intercept + fit.slopePerDay * daysBetween(goal.baselineDate, first.date)),
          },
          to: {
            date: goal.targetDate,
            value: round2(fit.intercept + fit.slopePerDay * daysBetween(goal.baselineDate, goal.targetDate)),
          },
          slopePerWeek: round2(fit.slopePerDay * 7),
          projectedAtGoalDate: round2(
            fit.intercept + fit.slopePerDay * daysBetween(goal.baselineDate, goal.targetDate),
          ),
        }
      : null;

  // Four-point rule.
  const lastFour = points.slice(-4);
  let outcome: FourPointOutcome = "not-enough-data";
  if (lastFour.length === 4) {
    const worseSide = goal.direction === "increase" ? "below" : "above";
    const betterSide = goal.direction === "increase" ? "above" : "below";
    if (lastFour.every((p) => p.side === worseSide)) outcome = "consider-changing-instruction";
    else if (lastFour.every((p) => p.side === betterSide)) outcome = "consider-raising-the-goal";
    else outcome = "keep-going";
  }
  const decision = {
    rule: "four-point" as const,
    outcome,
    pointDates: lastFour.map((p) => p.date),
    explanation: decisionExplanation(outcome, goal.direction),
  };

  const latest = sorted[sorted.length - 1] ?? null;
  const targetReached = latest !== null && better(latest.value, goal.target);
  let status: ProgressStatus = "no-data";
  if (latest) {
    if (targetReached) status = "on-track";
    else if (trendLine && sorted.length >= 3) {
      status = better(trendLine.projectedAtGoalDate, goal.target) ? "on-track" : "not-yet-on-track";
    } else status = better(latest.value, aimValueOn(goal, latest.date)) ? "on-track" : "not-yet-on-track";
  }

  const analysis: Omit<ProgressAnalysis, "statement"> = {
    goalId: goal.goalId,
    direction: goal.direction,
    unit: goal.unit,
    aimLine: {
      from: { date: goal.baselineDate, value: goal.baseline },
      to: { date: goal.targetDate, value: goal.target },
      slopePerWeek: round2(aimSlopePerDay * 7),
    },
    trendLine,
    points,
    decision,
    status,
    targetReached,
    latest,
    citations: [CITATION_GOALS, CITATION_PROGRESS_REPORTS, CITATION_REVISE_FOR_PROGRESS],
  };
  return { ...analysis, statement: progressStatement(goal, analysis, options.locale) };
}

/**
 * What the four-point rule says, for the family, in English or Spanish: a hint for the team to
 * discuss, never a decision (34 CFR 300.324(b) asks the team to revise the plan for a lack of
 * expected progress).
 */
export function fourPointExplanation(outcome: FourPointOutcome, direction: GoalDirection, locale = "en"): string {
  if (!locale.toLowerCase().startsWith("es")) return decisionExplanation(outcome, direction);
  const worse = direction === "increase" ? "por debajo de" : "por encima de";
  const better = direction === "increase" ? "por encima de" : "por debajo de";
  switch (outcome) {
    case "consider-changing-instruction":
      return `Los últimos cuatro puntajes están todos ${worse} la línea meta: el equipo puede pensar en cambiar cómo se enseña esta meta.`;
    case "consider-raising-the-goal":
      return `Los últimos cuatro puntajes están todos ${better} la línea meta: el equipo puede pensar en poner una meta más alta.`;
    case "keep-going":
      return "Los últimos cuatro puntajes no están todos del mismo lado de la línea meta: hay que seguir así y seguir midiendo.";
    default:
      return "Hay menos de cuatro puntajes: hay que seguir midiendo antes de decidir.";
  }
}

function decisionExplanation(outcome: FourPointOutcome, direction: GoalDirection): string {
  const worse = direction === "increase" ? "below" : "above";
  const betterSide = direction === "increase" ? "above" : "below";
  switch (outcome) {
    case "consider-changing-instruction":
      return `The last four data points are all ${worse} the aim line: consider changing instruction.`;
    case "consider-raising-the-goal":
      return `The last four data points are all ${betterSide} the aim line: consider a more ambitious goal.`;
    case "keep-going":
      return "The last four data points are not all on one side of the aim line: keep going and keep measuring.";
    default:
      return "Fewer than four data points: keep measuring before deciding.";
  }
}

/**
 * "On track / not yet on track", with the numbers, in plain English, or in plain Spanish when
 * `locale` is Spanish (the family's progress report in Spanish). The goal's unit is the team's
 * words and stays as written.
 */
export function progressStatement(
  goal: ProgressGoal,
  a: Pick<ProgressAnalysis, "status" | "latest" | "trendLine" | "targetReached">,
  locale: string = DEFAULT_DATE_LOCALE,
): string {
  if (locale.toLowerCase().startsWith("es")) return progressStatementEs(goal, a, locale);
  const unit = goal.unit ? ` ${goal.unit}` : "";
  const date = (d: IsoDate) => formatLongDate(d, locale);
  const bound = goal.direction === "increase" ? "or more" : "or fewer";
  const baseline = `Starting point: ${fmt(goal.baseline)}${unit} on ${date(goal.baselineDate)}.`;
  const target = `Goal: ${fmt(goal.target)}${unit} ${bound} by ${date(goal.targetDate)}.`;
  if (a.status === "no-data" || !a.latest) {
    return `No progress data has been recorded yet. ${baseline} ${target}`;
  }
  const latest = `Latest: ${fmt(a.latest.value)}${unit} on ${date(a.latest.date)}.`;
  const head = a.status === "on-track" ? "On track." : "Not yet on track.";
  const parts = [head, latest, baseline, target];
  if (a.targetReached) parts.push("The goal's target has been reached.");
  else if (a.trendLine) {
    const perWeek = a.trendLine.slopePerWeek;
    const change =
      perWeek === 0 ? "no change" : `${perWeek > 0 ? "up" : "down"} about ${fmt(Math.abs(perWeek))} a week`;
    const short = a.status === "on-track" ? "" : `, short of the goal of ${fmt(goal.target)}`;
    parts.push(
      `At the current rate (${change}), the expected level on ${date(goal.targetDate)} is ${fmt(a.trendLine.projectedAtGoalDate)}${unit}${short}.`,
    );
  }
  return parts.join(" ");
}

function progressStatementEs(
  goal: ProgressGoal,
  a: Pick<ProgressAnalysis, "status" | "latest" | "trendLine" | "targetReached">,
  locale: string,
): string {
  const unit = goal.unit ? ` ${goal.unit}` : "";
  const date = (d: IsoDate) => formatLongDate(d, locale);
  const num = fmt;
  const bound = goal.direction === "increase" ? "o más" : "o menos";
  const baseline = `Punto de partida: ${num(goal.baseline)}${unit} el ${date(goal.baselineDate)}.`;
  const target = `Meta: ${num(goal.target)}${unit} ${bound} para el ${date(goal.targetDate)}.`;
  if (a.status === "no-data" || !a.latest) {
    return `Todavía no hay datos de progreso anotados. ${baseline} ${target}`;
  }
  const latest = `Último dato: ${num(a.latest.value)}${unit} el ${date(a.latest.date)}.`;
  const head = a.status === "on-track" ? "Va bien encaminado." : "Todavía no va encaminado.";
  const parts = [head, latest, baseline, target];
  if (a.targetReached) parts.push("Ya se alcanzó el objetivo de la meta.");
  else if (a.trendLine) {
    const perWeek = a.trendLine.slopePerWeek;
    const change =
      perWeek === 0
        ? "sin cambio"
        : `${perWeek > 0 ? "sube" : "baja"} más o menos ${num(Math.abs(perWeek))} por semana`;
    const short = a.status === "on-track" ? "" : `, sin llegar a la meta de ${num(goal.target)}`;
    parts.push(
      `Al ritmo de ahora (${change}), el nivel esperado el ${date(goal.targetDate)} es ${num(a.trendLine.projectedAtGoalDate)}${unit}${short}.`,
    );
  }
  return parts.join(" ");
}

/** A quantified annual goal as a progress goal; null when baseline, target or dates are missing. */
export function progressGoalFromAnnualGoal(goal: AnnualGoal): ProgressGoal | null {
  const parsed = ZProgressGoal.safeParse({
    goalId: goal.id,
    label: goal.area,
    baseline: goal.baseline.value,
    baselineDate: goal.baseline.measuredOn,
    target: goal.target.value,
    targetDate: goal.byDate,
    direction: goal.direction,
    unit: goal.unit,
  });
  return parsed.success ? parsed.data : null;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** A number for people: at most one decimal, no trailing ".0". */
function fmt(n: number): string {
  const r = Math.round(n * 10) / 10;
  return Number.isInteger(r) ? String(r) : r.toFixed(1);
}
