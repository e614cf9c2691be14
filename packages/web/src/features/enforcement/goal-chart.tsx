/**
 * A goal's chart as accessible SVG: the image has a title and a text summary (read by screen
 * readers), a visible legend, and the same data as a table right after it.
 */
import type { ProgressAnalysisView, ProgressGoal } from "@lantern/core";
import { useId } from "react";
import { DataTable } from "../../components/ui/index.ts";
import { longDate, shortDate } from "../../i18n/dates.ts";
import { t } from "../../i18n/t.ts";
import { formatNumber } from "./enforcement-text.ts";

const W = 640;
const H = 280;
const PAD = { left: 56, right: 20, top: 16, bottom: 40 };

function dayNumber(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / 86_400_000;
}

export function chartSummary(goal: ProgressGoal, analysis: ProgressAnalysisView): string {
  const unit = goal.unit ? ` ${goal.unit}` : "";
  const common = {
    baseline: `${formatNumber(goal.baseline)}${unit}`,
    baselineDate: longDate(goal.baselineDate),
    target: `${formatNumber(goal.target)}${unit}`,
    targetDate: longDate(goal.targetDate),
  };
  if (!analysis.latest) return t("enforcement.progress.chartSummaryEmpty", common);
  return t("enforcement.progress.chartSummary", {
    ...common,
    count: analysis.points.length,
    latest: `${formatNumber(analysis.latest.value)}${unit}`,
    latestDate: longDate(analysis.latest.date),
  });
}

export function GoalChart({ goal, analysis }: { goal: ProgressGoal; analysis: ProgressAnalysisView }) {
  const id = useId();
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  const name = goal.label || goal.goalId;
  const title = t("enforcement.progress.chartTitle", { goal: name });
  const summary = `${chartSummary(goal, analysis)} ${analysis.statement}`;

  const dates = [goal.baselineDate, goal.targetDate, ...analysis.points.map((p) => p.date)];
  const x0 = Math.min(...dates.map(dayNumber));
  const x1 = Math.max(...dates.map(dayNumber));
  const values = [
    goal.baseline,
    goal.target,
    ...analysis.points.map((p) => p.value),
    ...(analysis.trendLine ? [analysis.trendLine.from.value, analysis.trendLine.to.value] : []),
  ];
  let y0 = Math.min(...values);
  let y1 = Math.max(...values);
  const pad = (y1 - y0 || 1) * 0.1;
  y0 -= pad;
  y1 += pad;
  const sx = (date: string) => PAD.left + ((dayNumber(date) - x0) / (x1 - x0 || 1)) * (W - PAD.left - PAD.right);
  const sy = (v: number) => H - PAD.bottom - ((v - y0) / (y1 - y0)) * (H - PAD.top - PAD.bottom);
  const ticks = Array.from({ length: 5 }, (_, i) => y0 + ((y1 - y0) * i) / 4);

  return (
    <figure className="goal-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${titleId} ${descId}`} className="goal-chart-svg">
        <title id={titleId}>{title}</title>
        <desc id={descId}>{summary}</desc>
        <line x1={PAD.left} y1={H - PAD.bottom} x2={W - PAD.right} y2={H - PAD.bottom} className="axis" />
        <line x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={H - PAD.bottom} className="axis" />
        {ticks.map((v) => (
          <g key={v}>
            <line x1={PAD.left - 4} x2={W - PAD.right} y1={sy(v)} y2={sy(v)} className="grid" />
            <text x={PAD.left - 8} y={sy(v) + 4} textAnchor="end" className="tick">
              {formatNumber(v)}
            </text>
          </g>
        ))}
        <text x={PAD.left} y={H - 12} className="tick">
          {shortDate(goal.baselineDate)}
        </text>
        <text x={W - PAD.right} y={H - 12} textAnchor="end" className="tick">
          {shortDate(goal.targetDate)}
        </text>
        <line
          x1={sx(analysis.aimLine.from.date)}
          y1={sy(analysis.aimLine.from.value)}
          x2={sx(analysis.aimLine.to.date)}
          y2={sy(analysis.aimLine.to.value)}
          className="aim-line"
        />
        {analysis.trendLine ? (
          <line
            x1={sx(analysis.trendLine.from.date)}
            y1={sy(analysis.trendLine.from.value)}
            x2={sx(analysis.trendLine.to.date)}
            y2={sy(analysis.trendLine.to.value)}
            className="trend-line"
          />
        ) : null}
        {analysis.points.map((p) => (
          <circle key={`${p.date}-${p.value}`} cx={sx(p.date)} cy={sy(p.value)} r={5} className="data-point" />
        ))}
      </svg>
      <figcaption>
        <ul className="chart-legend">
          <li>
            <span aria-hidden="true" className="swatch swatch-aim" /> {t("enforcement.progress.legend.aim")}
          </li>
          <li>
            <span aria-hidden="true" className="swatch swatch-trend" /> {t("enforcement.progress.legend.trend")}
          </li>
          <li>
            <span aria-hidden="true" className="swatch swatch-data" /> {t("enforcement.progress.legend.data")}
          </li>
        </ul>
      </figcaption>
      <DataTable
        caption={t("enforcement.progress.tableCaption", { goal: name })}
        columns={[
          {
            id: "date",
            header: t("enforcement.progress.column.date"),
            cell: (p) => longDate(p.date),
            rowHeader: true,
          },
          {
            id: "score",
            header: t("enforcement.progress.column.score"),
            cell: (p) => `${formatNumber(p.value)}${goal.unit ? ` ${goal.unit}` : ""}`,
          },
          {
            id: "aim",
            header: t("enforcement.progress.column.expected"),
            cell: (p) => formatNumber(p.aimValue),
          },
        ]}
        rows={analysis.points}
        rowKey={(p) => `${p.date}-${p.value}`}
      />
    </figure>
  );
}
