/**
 * Two PDFs a family can bring to a meeting, with real extractable text (pdfmake, standard
 * Helvetica, no network or file access):
 * - the service delivery summary: per service, minutes required, delivered, missed by reason,
 *   made up and compensatory minutes owed (34 CFR 300.320(a)(7));
 * - the progress report: per goal, on track or not yet, with the numbers, the four-point hint and
 *   the data (34 CFR 300.320(a)(3)(ii)).
 */
import {
  formatLongDate,
  type ServiceMinutesView,
  type StudentProgress,
  type StudentServiceMinutes,
} from "@lantern/core";
import pdfmake from "pdfmake";
import type { Content, TableCell, TDocumentDefinitions } from "pdfmake/interfaces.js";

const STANDARD_FONTS = new Set(["Helvetica", "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique"]);

let configured = false;
function configure(): void {
  if (configured) return;
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => STANDARD_FONTS.has(path));
  pdfmake.addFonts({
    Helvetica: {
      normal: "Helvetica",
      bold: "Helvetica-Bold",
      italics: "Helvetica-Oblique",
      bolditalics: "Helvetica-BoldOblique",
    },
  });
  configured = true;
}

const REASONS: Array<[keyof Omit<ServiceMinutesView["missed"], "total">, string]> = [
  ["provider-absent", "Provider absent"],
  ["student-unavailable", "Student unavailable (school activity)"],
  ["school-closed", "School closed"],
  ["student-absent", "Student absent"],
];

export function humanizeArea(area: string): string {
  const text = area.replace(/-/g, " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function base(title: string, content: Content[]): TDocumentDefinitions {
  return {
    info: { title, creator: "Lantern" },
    pageSize: "LETTER",
    pageMargins: [54, 54, 54, 54],
    defaultStyle: { font: "Helvetica", fontSize: 10, lineHeight: 1.2 },
    styles: {
      h1: { fontSize: 16, bold: true, margin: [0, 0, 0, 6] },
      h2: { fontSize: 12, bold: true, margin: [0, 14, 0, 6] },
      small: { fontSize: 8, color: "#444444" },
      th: { bold: true },
    },
    footer: (page: number, pages: number) => ({
      text: `Page ${page} of ${pages}`,
      alignment: "center",
      fontSize: 8,
      margin: [0, 20, 0, 0],
    }),
    content,
  };
}

export function deliverySummaryDocument(studentName: string, m: StudentServiceMinutes): TDocumentDefinitions {
  const header: TableCell[] = ["Service", "Required", "Delivered", "Made up", "Missed", "Owed"].map((t) => ({
    text: t,
    style: "th",
  }));
  const rows: TableCell[][] = m.services.map((s) => [
    humanizeArea(s.area),
    String(s.required.minutes),
    String(s.delivered.minutes),
    String(s.madeUp.minutes),
    String(s.missed.total),
    String(s.compensatoryOwed.minutes),
  ]);
  rows.push(
    [
      { text: "Total", style: "th" },
      String(m.totals.required),
      String(m.totals.delivered),
      String(m.totals.madeUp),
      String(m.totals.missed),
      { text: String(m.totals.compensatoryOwed), style: "th" },
    ].map((c) => c as TableCell),
  );
  const perService: Content[] = m.services.flatMap((s): Content[] => [
    { text: humanizeArea(s.area), style: "h2" },
    {
      ul: [
        `Required by the plan: ${s.required.minutes} minutes (${s.providerRole || "provider"}).`,
        `Delivered: ${s.delivered.minutes} minutes in ${s.delivered.sessionIds.length} sessions; made up: ${s.madeUp.minutes} minutes.`,
        ...REASONS.filter(([r]) => s.missed[r].minutes > 0).map(
          ([r, label]) =>
            `Missed — ${label}: ${s.missed[r].minutes} minutes (${s.missed[r].sessionIds.length} sessions).`,
        ),
        `Compensatory minutes owed: ${s.compensatoryOwed.minutes}.`,
        s.behindSchedule.isBehind
          ? `Behind schedule: ${Math.round((s.behindSchedule.ratio ?? 0) * 100)}% of required minutes provided.`
          : "On schedule.",
      ],
    },
  ]);
  const owedReasons = m.policy.owedReasons.map((r) => REASONS.find(([k]) => k === r)?.[1] ?? r).join(", ");
  return base(`Service delivery summary — ${studentName}`, [
    { text: "Service delivery summary", style: "h1" },
    { text: `${studentName}. From ${formatLongDate(m.from)} through ${formatLongDate(m.through)}.` },
    {
      text: "Minutes the plan requires, minutes delivered, and minutes the school owes as compensatory services.",
      margin: [0, 4, 0, 10],
    },
    { table: { headerRows: 1, widths: ["*", "auto", "auto", "auto", "auto", "auto"], body: [header, ...rows] } },
    ...perService,
    { text: "How these figures are computed", style: "h2" },
    {
      text:
        "Required minutes follow the frequency and duration in the plan over the school days of the period, from each " +
        "service's start date; amendments count from their effective date. Minutes owed are missed minutes the school " +
        `is responsible for under the district's policy (${owedReasons}) minus make-up minutes, never below zero. ` +
        "A student's absence is never counted as owed.",
    },
    { text: `Legal references: ${m.citations.join("; ")}.`, style: "small", margin: [0, 16, 0, 0] },
  ]);
}

export function progressReportDocument(studentName: string, p: StudentProgress, asOf: string): TDocumentDefinitions {
  const goals: Content[] = p.goals.flatMap(({ goal, analysis }): Content[] => [
    { text: goal.label || goal.goalId, style: "h2" },
    { text: analysis.statement, margin: [0, 0, 0, 4] },
    { text: analysis.decision.explanation, italics: true, margin: [0, 0, 0, 6] },
    analysis.points.length > 0
      ? {
          table: {
            headerRows: 1,
            widths: ["auto", "auto", "auto"],
            body: [
              [
                { text: "Date", style: "th" },
                { text: `Score${goal.unit ? ` (${goal.unit})` : ""}`, style: "th" },
                { text: "Expected (aim line)", style: "th" },
              ],
              ...analysis.points.map((pt): TableCell[] => [
                formatLongDate(pt.date),
                String(pt.value),
                String(pt.aimValue),
              ]),
            ],
          },
        }
      : { text: "No data recorded yet." },
  ]);
  return base(`Progress report — ${studentName}`, [
    { text: "Progress report", style: "h1" },
    { text: `${studentName}. Progress toward the annual goals, as of ${formatLongDate(asOf)}.` },
    ...(p.goals.length === 0 ? [{ text: "The plan in effect has no measurable goals with numbers to chart." }] : goals),
    {
      text:
        "“On track” means the data so far point to reaching the goal by its date. The hint about the last four data " +
        "points is for the team to discuss; it is not a decision.",
      margin: [0, 16, 0, 0],
    },
    {
      text: "Legal references: 34 CFR 300.320(a)(2); 34 CFR 300.320(a)(3)(ii); 34 CFR 300.324(b).",
      style: "small",
      margin: [0, 16, 0, 0],
    },
  ]);
}

export async function renderDeliverySummaryPdf(studentName: string, m: StudentServiceMinutes): Promise<Buffer> {
  configure();
  return pdfmake.createPdf(deliverySummaryDocument(studentName, m)).getBuffer();
}

export async function renderProgressReportPdf(studentName: string, p: StudentProgress, asOf: string): Promise<Buffer> {
  configure();
  return pdfmake.createPdf(progressReportDocument(studentName, p, asOf)).getBuffer();
}
