/**
 * The service delivery summary a family can bring to a meeting, as a tagged PDF: per service, the
 * minutes the plan requires, delivered, missed by reason, made up, and compensatory minutes owed
 * (34 CFR 300.320(a)(7)).
 */
import { formatLongDate, type ServiceMinutesView, type StudentServiceMinutes } from "@lantern/core";
import { type Block, bold, type Cell, h1, h2, list, type PdfDocumentSpec, p, table } from "./pdf-model.ts";

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

export function deliverySummaryPdfDocument(studentName: string, m: StudentServiceMinutes): PdfDocumentSpec {
  const rows: Cell[][] = m.services.map((s) => [
    humanizeArea(s.area),
    String(s.required.minutes),
    String(s.delivered.minutes),
    String(s.madeUp.minutes),
    String(s.missed.total),
    String(s.compensatoryOwed.minutes),
  ]);
  rows.push([
    "Total",
    String(m.totals.required),
    String(m.totals.delivered),
    String(m.totals.madeUp),
    String(m.totals.missed),
    bold(String(m.totals.compensatoryOwed)),
  ]);
  const perService: Block[] = m.services.flatMap((s): Block[] => [
    h2(humanizeArea(s.area), { color: "#000000", size: 12 }),
    list([
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
    ]),
  ]);
  const owedReasons = m.policy.owedReasons.map((r) => REASONS.find(([k]) => k === r)?.[1] ?? r).join(", ");
  const title = `Service delivery summary — ${studentName}`;
  return {
    title,
    subject: "Service delivery summary",
    margins: [54, 54, 54, 54],
    footer: title,
    body: [
      h1("Service delivery summary", { size: 16, spaceAfter: 6 }),
      p(`${studentName}. From ${formatLongDate(m.from)} through ${formatLongDate(m.through)}.`),
      p("Minutes the plan requires, minutes delivered, and minutes the school owes as compensatory services.", {
        spaceBefore: 4,
        spaceAfter: 10,
      }),
      table(
        ["Service", "Required", "Delivered", "Made up", "Missed", "Owed"].map((header, i) => ({
          header,
          width: i === 0 ? "*" : 56,
        })),
        rows,
        { rowHeaders: true, style: { size: 10 } },
      ),
      ...perService,
      h2("How these figures are computed", { color: "#000000", size: 12 }),
      p(
        "Required minutes follow the frequency and duration in the plan over the school days of the period, from each " +
          "service's start date; amendments count from their effective date. Minutes owed are missed minutes the school " +
          `is responsible for under the district's policy (${owedReasons}) minus make-up minutes, never below zero. ` +
          "A student's absence is never counted as owed.",
      ),
      p(`Legal references: ${m.citations.join("; ")}.`, { size: 8, color: "#444444", spaceBefore: 16 }),
    ],
  };
}
