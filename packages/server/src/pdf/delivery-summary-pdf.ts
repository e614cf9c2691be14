/**
 * The service delivery summary a family can bring to a meeting, as a tagged PDF: per service, the
 * minutes the plan requires (34 CFR 300.320(a)(7)), delivered, missed by reason, made up, minutes
 * nobody logged, and the make-up minutes under the district's policy. Compensatory education is
 * decided case by case, so the summary never calls a figure "owed" (core's family wording).
 *
 * In English or Spanish (`lang`): in Spanish the headings, columns, sentences (core's Spanish),
 * service and reason names (LABELS_ES), dates and page furniture are Spanish.
 */
import {
  describeServiceMinutesForFamily,
  FAMILY_MAKE_UP_WORDING,
  FAMILY_MAKE_UP_WORDING_ES,
  formatLongDate,
  labelIn,
  SERVICE_AREA_LABELS,
  type ServiceMinutesView,
  type StudentServiceMinutes,
} from "@lantern/core";
import { type Block, bold, type Cell, h1, h2, list, type PdfDocumentSpec, p, table } from "./pdf-model.ts";
import { PDF_LANG, type PdfLanguage } from "./plan-pdf-parts.ts";

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
export function serviceAreaName(area: string, lang: PdfLanguage = "en"): string {
  return lang === "en"
    ? ((SERVICE_AREA_LABELS as Record<string, string>)[area] ?? area)
    : labelIn("serviceArea", area, lang);
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

type Texts = {
  title: (name: string) => string;
  heading: string;
  period: (name: string, from: string, through: string) => string;
  intro: string;
  columns: readonly string[];
  total: string;
  required: (minutes: number, role: string) => string;
  delivered: (minutes: number, sessions: number, madeUp: number) => string;
  missed: (reason: string, minutes: number, sessions: number) => string;
  behind: (percent: number) => string;
  onSchedule: string;
  how: string;
  howText: (reasons: string) => string;
  references: string;
};

const EN: Texts = {
  title: (name) => `Service delivery summary — ${name}`,
  heading: "Service delivery summary",
  period: (name, from, through) => `${name}. From ${from} through ${through}.`,
  intro: `Minutes the plan requires, minutes delivered, minutes nobody logged, and ${FAMILY_MAKE_UP_WORDING}. Whether your child should get more services to make up for missed ones (compensatory education) is decided case by case, by the team or a hearing officer.`,
  columns: ["Service", "Required", "Delivered", "Made up", "Missed", "Not logged", "Make-up due"],
  total: "Total",
  required: (minutes, role) => `Required by the plan: ${minutes} minutes (${role || "provider"}).`,
  delivered: (minutes, sessions, madeUp) =>
    `Delivered: ${minutes} minutes in ${sessions} sessions; made up: ${madeUp} minutes.`,
  missed: (reason, minutes, sessions) => `Missed — ${reason}: ${minutes} minutes (${sessions} sessions).`,
  behind: (percent) => `Behind schedule: ${percent}% of required minutes provided.`,
  onSchedule: "On schedule.",
  how: "How these figures are computed",
  howText: (reasons) =>
    "Required minutes follow the frequency and duration in the plan over the school days of the period, from each " +
    "service's start date; amendments count from their effective date. " +
    `${capitalized(FAMILY_MAKE_UP_WORDING)} are missed minutes the district's policy makes the school responsible for (${reasons}) minus make-up minutes, never below zero. ` +
    "A student's ordinary absence never counts toward them. Minutes not logged are scheduled sessions nobody recorded: the school can be asked to explain them.",
  references: "Legal references",
};

const ES: Texts = {
  title: (name) => `Resumen de servicios dados — ${name}`,
  heading: "Resumen de servicios dados",
  period: (name, from, through) => `${name}. Del ${from} al ${through}.`,
  intro: `Los minutos que pide el plan, los minutos que se dieron, los minutos que nadie anotó y los ${FAMILY_MAKE_UP_WORDING_ES}. Si su hijo debe recibir más servicios para reponer los que se perdieron (educación compensatoria) se decide caso por caso, en el equipo o con un juez de audiencias.`,
  columns: ["Servicio", "Pide el plan", "Dados", "Repuestos", "Perdidos", "Sin anotar", "Reposición"],
  total: "Total",
  required: (minutes, role) => `Lo que pide el plan: ${minutes} minutos${role ? ` (${role})` : ""}.`,
  delivered: (minutes, sessions, madeUp) =>
    `Dados: ${minutes} minutos en ${sessions} ${sessions === 1 ? "sesión" : "sesiones"}; repuestos: ${madeUp} minutos.`,
  missed: (reason, minutes, sessions) =>
    `Perdidos — ${reason}: ${minutes} minutos (${sessions} ${sessions === 1 ? "sesión" : "sesiones"}).`,
  behind: (percent) => `Atrasado: se dio el ${percent}% de los minutos que pide el plan.`,
  onSchedule: "Al día.",
  how: "Cómo se calculan estas cifras",
  howText: (reasons) =>
    "Los minutos que pide el plan siguen la frecuencia y la duración del plan en los días de escuela del período, desde la fecha de inicio de cada servicio; las enmiendas cuentan desde el día en que empiezan. " +
    `Los ${FAMILY_MAKE_UP_WORDING_ES} son los minutos perdidos de los que la política del distrito hace responsable a la escuela (${reasons}), menos los minutos repuestos, nunca menos de cero. ` +
    "Una falta normal del estudiante nunca cuenta. Los minutos sin anotar son sesiones programadas que nadie anotó: puede pedir a la escuela que las explique.",
  references: "Referencias legales",
};

export function deliverySummaryPdfDocument(
  studentName: string,
  m: StudentServiceMinutes,
  lang: PdfLanguage = "en",
): PdfDocumentSpec {
  const T = lang === "es" ? ES : EN;
  const date = (d: string) => formatLongDate(d, lang);
  const reasonName = (r: string) => labelIn("sessionStatus", r, lang);
  const rows: Cell[][] = m.services.map((s) => [
    serviceAreaName(s.area, lang),
    String(s.required.minutes),
    String(s.delivered.minutes),
    String(s.madeUp.minutes),
    String(s.missed.total),
    String(s.notLogged.minutes),
    String(s.compensatoryOwed.minutes),
  ]);
  rows.push([
    T.total,
    String(m.totals.required),
    String(m.totals.delivered),
    String(m.totals.madeUp),
    String(m.totals.missed),
    String(m.services.reduce((sum, s) => sum + s.notLogged.minutes, 0)),
    bold(String(m.totals.compensatoryOwed)),
  ]);
  const perService: Block[] = m.services.flatMap((s): Block[] => [
    h2(serviceAreaName(s.area, lang), { color: "#000000", size: 12 }),
    list([
      T.required(s.required.minutes, s.providerRole),
      T.delivered(s.delivered.minutes, s.delivered.sessionIds.length, s.madeUp.minutes),
      ...MISSED_REASONS.filter((r) => s.missed[r].minutes > 0).map((r) =>
        T.missed(reasonName(r), s.missed[r].minutes, s.missed[r].sessionIds.length),
      ),
      ...describeServiceMinutesForFamily(s, lang).slice(1),
      s.behindSchedule.isBehind ? T.behind(Math.round((s.behindSchedule.ratio ?? 0) * 100)) : T.onSchedule,
    ]),
  ]);
  const policyReasons = m.policy.owedReasons.map(reasonName).join(", ");
  const title = T.title(studentName);
  return {
    title,
    subject: T.heading,
    lang: PDF_LANG[lang],
    margins: [54, 54, 54, 54],
    footer: title,
    body: [
      h1(T.heading, { size: 16, spaceAfter: 6 }),
      p(T.period(studentName, date(m.from), date(m.through))),
      p(T.intro, { spaceBefore: 4, spaceAfter: 10 }),
      table(
        T.columns.map((header, i) => ({ header, width: i === 0 ? "*" : 52 })),
        rows,
        { rowHeaders: true, style: { size: 10 } },
      ),
      ...perService,
      h2(T.how, { color: "#000000", size: 12 }),
      p(T.howText(policyReasons)),
      p(`${T.references}: ${m.citations.join("; ")}.`, { size: 8, color: "#444444", spaceBefore: 16 }),
    ],
  };
}
