import type { ComplianceTrendPoint } from "@lantern/core";
import { type Column, DataTable } from "../../components/ui/index.ts";
import { longDate } from "../../i18n/dates.ts";
import { t } from "../../i18n/t.ts";

const WIDTH = 480;
const HEIGHT = 120;

/** Overdue deadlines and plans with a legal problem over recent days: a line chart and its data as a table. */
export function TrendSection({ points }: { points: readonly ComplianceTrendPoint[] }) {
  if (points.length === 0) return null;
  const max = Math.max(1, ...points.map((p) => Math.max(p.overdue, p.plansWithErrors)));
  const x = (i: number) => (points.length === 1 ? WIDTH / 2 : (i / (points.length - 1)) * (WIDTH - 20) + 10);
  const y = (v: number) => HEIGHT - 10 - (v / max) * (HEIGHT - 20);
  const line = (pick: (p: ComplianceTrendPoint) => number) =>
    points.map((p, i) => `${i === 0 ? "M" : "L"}${x(i).toFixed(1)},${y(pick(p)).toFixed(1)}`).join(" ");
  const first = points[0] as ComplianceTrendPoint;
  const last = points[points.length - 1] as ComplianceTrendPoint;
  const summary =
    points.length === 1
      ? t("compliance.trend.summaryOne", {
          day: longDate(first.day),
          overdue: first.overdue,
          errors: first.plansWithErrors,
        })
      : t("compliance.trend.summary", {
          from: longDate(first.day),
          to: longDate(last.day),
          overdueFrom: first.overdue,
          overdueTo: last.overdue,
          errorsFrom: first.plansWithErrors,
          errorsTo: last.plansWithErrors,
        });
  const columns: Column<ComplianceTrendPoint>[] = [
    { id: "day", header: t("compliance.trend.day"), cell: (p) => longDate(p.day), rowHeader: true },
    { id: "plans", header: t("compliance.summary.plans"), cell: (p) => String(p.plans) },
    { id: "errors", header: t("compliance.summary.withErrors"), cell: (p) => String(p.plansWithErrors) },
    { id: "overdue", header: t("compliance.summary.overdue"), cell: (p) => String(p.overdue) },
    { id: "dueSoon", header: t("compliance.summary.dueSoon"), cell: (p) => String(p.dueSoon) },
  ];
  return (
    <section aria-labelledby="compliance-trend" className="panel">
      <h2 id="compliance-trend">{t("compliance.trend.title")}</h2>
      <p id="compliance-trend-summary">{summary}</p>
      <svg
        role="img"
        aria-labelledby="compliance-trend-title compliance-trend-summary"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        style={{ maxWidth: `${WIDTH}px` }}
      >
        <title id="compliance-trend-title">{t("compliance.trend.chartTitle")}</title>
        <path d={line((p) => p.overdue)} fill="none" stroke="#b3261e" strokeWidth="2.5" />
        <path d={line((p) => p.plansWithErrors)} fill="none" stroke="#0b57d0" strokeWidth="2.5" strokeDasharray="6 4" />
      </svg>
      <p className="muted">{t("compliance.trend.legend")}</p>
      <details>
        <summary>{t("compliance.trend.showTable")}</summary>
        <DataTable caption={t("compliance.trend.caption")} columns={columns} rows={points} rowKey={(p) => p.day} />
      </details>
    </section>
  );
}
