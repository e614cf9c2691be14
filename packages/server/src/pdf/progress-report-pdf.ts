/**
 * The progress report for the family, as a tagged PDF: per goal, on track or not yet, with the
 * numbers, the four-point hint and the data (34 CFR 300.320(a)(3)(ii)).
 */
import { formatLongDate, type StudentProgress } from "@lantern/core";
import { type Block, h1, h2, type PdfDocumentSpec, p, table } from "./pdf-model.ts";

export function progressReportPdfDocument(
  studentName: string,
  progress: StudentProgress,
  asOf: string,
): PdfDocumentSpec {
  const goals: Block[] = progress.goals.flatMap(({ goal, analysis }): Block[] => [
    h2(goal.label || goal.goalId, { color: "#000000", size: 12 }),
    p(analysis.statement, { spaceAfter: 4 }),
    p(analysis.decision.explanation, { italic: true, spaceAfter: 6 }),
    analysis.points.length > 0
      ? table(
          [
            { header: "Date", width: 130 },
            { header: `Score${goal.unit ? ` (${goal.unit})` : ""}`, width: 110 },
            { header: "Expected (aim line)", width: 110 },
          ],
          analysis.points.map((pt) => [formatLongDate(pt.date), String(pt.value), String(pt.aimValue)]),
          { rowHeaders: true, style: { size: 10 } },
        )
      : p("No data recorded yet."),
  ]);
  const title = `Progress report — ${studentName}`;
  return {
    title,
    subject: "Progress report",
    margins: [54, 54, 54, 54],
    footer: title,
    body: [
      h1("Progress report", { size: 16, spaceAfter: 6 }),
      p(`${studentName}. Progress toward the annual goals, as of ${formatLongDate(asOf)}.`),
      ...(progress.goals.length === 0
        ? [p("The plan in effect has no measurable goals with numbers to chart.")]
        : goals),
      p(
        "“On track” means the data so far point to reaching the goal by its date. The hint about the last four data " +
          "points is for the team to discuss; it is not a decision.",
        { spaceBefore: 16 },
      ),
      p("Legal references: 34 CFR 300.320(a)(2); 34 CFR 300.320(a)(3)(ii); 34 CFR 300.324(b).", {
        size: 8,
        color: "#444444",
        spaceBefore: 16,
      }),
    ],
  };
}
