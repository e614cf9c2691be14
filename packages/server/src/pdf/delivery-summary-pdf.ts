/**
 * The service delivery summary a family can bring to a meeting, as a tagged PDF: per service, the
 * minutes the plan requires (34 CFR 300.320(a)(7)), delivered, missed by reason, made up, minutes
 * nobody logged, and the make-up minutes under the district's policy. Compensatory education is
 * decided case by case, so the summary never calls a figure "owed" (core's family wording).
 */
import {
  describeServiceMinutesForFamily,
  FAMILY_MAKE_UP_WORDING,
  formatLongDate,
  SERVICE_AREA_LABELS,
  SESSION_STATUS_LABELS,
  type ServiceMinutesView,
  type StudentServiceMinutes,
} from "@lantern/core";
import { type Block, bold, type Cell, h1, h2, list, type PdfDocumentSpec, p, table } from "./pdf-model.ts";

type MissedReason = keyof Omit<ServiceMinutesView["missed"], "total">;
const MISSED_REASONS: readonly MissedReason[] = [
  "provider-absent",
  "student-unavailable",
  "school-closed",
  "student-absent",
  "disciplinary-removal",
  "disability-related-absence",
];

/** Core's name for a service area; a code core does not know is shown as written. */
export function serviceAreaName(area: string): string {
  return (SERVICE_AREA_LABELS as Record<string, string>)[area] ?? area;
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function deliverySummaryPdfDocument(studentName: string, m: StudentServiceMinutes): PdfDocumentSpec {
  const rows: Cell[][] = m.services.map((s) => [
    serviceAreaName(s.area),
    String(s.required.minutes),
    String(s.delivered.minutes),
    String(s.madeUp.minutes),
    String(s.missed.total),
    String(s.notLogged.minutes),
    String(s.compensatoryOwed.minutes),
  ]);
  rows.push([
    "Total",
    String(m.totals.required),
    String(m.totals.delivered),
    String(m.totals.madeUp),
    String(m.totals.missed),
    String(m.services.reduce((sum, s) => sum + s.notLogged.minutes, 0)),
    bold(String(m.totals.compensatoryOwed)),
  ]);
  const perService: Block[] = m.services.flatMap((s): Block[] => [
    h2(serviceAreaName(s.area), { color: "#000000", size: 12 }),
    list([
      `Required by the plan: ${s.required.minutes} minutes (${s.providerRole || "provider"}).`,
      `Delivered: ${s.delivered.minutes} minutes in ${s.delivered.sessionIds.length} sessions; made up: ${s.madeUp.minutes} minutes.`,
      ...MISSED_REASONS.filter((r) => s.missed[r].minutes > 0).map(
        (r) =>
          `Missed — ${SESSION_STATUS_LABELS[r]}: ${s.missed[r].minutes} minutes (${s.missed[r].sessionIds.length} sessions).`,
      ),
      ...describeServiceMinutesForFamily(s).slice(1),
      s.behindSchedule.isBehind
        ? `Behind schedule: ${Math.round((s.behindSchedule.ratio ?? 0) * 100)}% of required minutes provided.`
        : "On schedule.",
    ]),
  ]);
  const policyReasons = m.policy.owedReasons
    .map((r) => (SESSION_STATUS_LABELS as Record<string, string>)[r] ?? r)
    .join(", ");
  const title = `Service delivery summary — ${studentName}`;
  return {
    title,
    subject: "Service delivery summary",
    margins: [54, 54, 54, 54],
    footer: title,
    body: [
      h1("Service delivery summary", { size: 16, spaceAfter: 6 }),
      p(`${studentName}. From ${formatLongDate(m.from)} through ${formatLongDate(m.through)}.`),
      p(
        `Minutes the plan requires, minutes delivered, minutes nobody logged, and ${FAMILY_MAKE_UP_WORDING}. Whether your child should get more services to make up for missed ones (compensatory education) is decided case by case, by the team or a hearing officer.`,
        { spaceBefore: 4, spaceAfter: 10 },
      ),
      table(
        ["Service", "Required", "Delivered", "Made up", "Missed", "Not logged", "Make-up due"].map((header, i) => ({
          header,
          width: i === 0 ? "*" : 52,
        })),
        rows,
        { rowHeaders: true, style: { size: 10 } },
      ),
      ...perService,
      h2("How these figures are computed", { color: "#000000", size: 12 }),
      p(
        "Required minutes follow the frequency and duration in the plan over the school days of the period, from each " +
          "service's start date; amendments count from their effective date. " +
          `${capitalized(FAMILY_MAKE_UP_WORDING)} are missed minutes the district's policy makes the school responsible for (${policyReasons}) minus make-up minutes, never below zero. ` +
          "A student's ordinary absence never counts toward them. Minutes not logged are scheduled sessions nobody recorded: the school can be asked to explain them.",
      ),
      p(`Legal references: ${m.citations.join("; ")}.`, { size: 8, color: "#444444", spaceBefore: 16 }),
    ],
  };
}
