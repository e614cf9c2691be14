/**
 * The progress report for the family, as a tagged PDF: per goal, on track or not yet, with the
 * numbers, the four-point hint and the data (34 CFR 300.320(a)(3)(ii)).
 *
 * In English or Spanish (`lang`): in Spanish the headings, the statement and the hint (core's
 * Spanish sentences), column names, dates, notes and page furniture are Spanish; the goal's name
 * and unit are the team's words, kept as written, and a plain line says so.
 */
import { formatLongDate, fourPointExplanation, progressStatement, type StudentProgress } from "@lantern/core";
import { type Block, h1, h2, type PdfDocumentSpec, p, table } from "./pdf-model.ts";
import { PDF_LANG, type PdfLanguage } from "./plan-pdf-parts.ts";

type Texts = {
  title: (name: string) => string;
  heading: string;
  intro: (name: string, date: string) => string;
  teamNote: string | null;
  columns: { date: string; score: (unit: string) => string; expected: string };
  noData: string;
  noGoals: string;
  onTrack: string;
  references: string;
};

const EN: Texts = {
  title: (name) => `Progress report — ${name}`,
  heading: "Progress report",
  intro: (name, date) => `${name}. Progress toward the annual goals, as of ${date}.`,
  teamNote: null,
  columns: {
    date: "Date",
    score: (unit) => `Score${unit ? ` (${unit})` : ""}`,
    expected: "Expected (aim line)",
  },
  noData: "No data recorded yet.",
  noGoals: "The plan in effect has no measurable goals with numbers to chart.",
  onTrack:
    "“On track” means the data so far point to reaching the goal by its date. The hint about the last four data " +
    "points is for the team to discuss; it is not a decision.",
  references: "Legal references",
};

const ES: Texts = {
  title: (name) => `Informe de progreso — ${name}`,
  heading: "Informe de progreso",
  intro: (name, date) => `${name}. El progreso hacia las metas anuales, al ${date}.`,
  teamNote:
    "El equipo de la escuela escribió en inglés el nombre de cada meta y lo que se mide. Aquí están tal como se escribieron.",
  columns: {
    date: "Fecha",
    score: (unit) => `Puntaje${unit ? ` (${unit})` : ""}`,
    expected: "Lo esperado en la línea meta",
  },
  noData: "Todavía no hay datos anotados.",
  noGoals: "El plan en vigor todavía no tiene metas con números para la gráfica.",
  onTrack:
    "“Va bien encaminado” quiere decir que los datos de hasta ahora muestran que va a alcanzar la meta a tiempo. " +
    "Lo que dicen los últimos cuatro puntajes es algo para que el equipo lo hable; no es una decisión.",
  references: "Referencias legales",
};

export function progressReportPdfDocument(
  studentName: string,
  progress: StudentProgress,
  asOf: string,
  lang: PdfLanguage = "en",
): PdfDocumentSpec {
  const T = lang === "es" ? ES : EN;
  const date = (d: string) => formatLongDate(d, lang);
  const goals: Block[] = progress.goals.flatMap(({ goal, analysis }): Block[] => [
    h2(goal.label || goal.goalId, { color: "#000000", size: 12 }),
    p(lang === "en" ? analysis.statement : progressStatement(goal, analysis, lang), { spaceAfter: 4 }),
    p(fourPointExplanation(analysis.decision.outcome, goal.direction, lang), { italic: true, spaceAfter: 6 }),
    analysis.points.length > 0
      ? table(
          [
            { header: T.columns.date, width: 130 },
            { header: T.columns.score(goal.unit), width: 110 },
            { header: T.columns.expected, width: 110 },
          ],
          analysis.points.map((pt) => [date(pt.date), String(pt.value), String(pt.aimValue)]),
          { rowHeaders: true, style: { size: 10 } },
        )
      : p(T.noData),
  ]);
  const title = T.title(studentName);
  return {
    title,
    subject: T.heading,
    lang: PDF_LANG[lang],
    margins: [54, 54, 54, 54],
    footer: title,
    body: [
      h1(T.heading, { size: 16, spaceAfter: 6 }),
      p(T.intro(studentName, date(asOf))),
      ...(T.teamNote && progress.goals.length > 0 ? [p(T.teamNote)] : []),
      ...(progress.goals.length === 0 ? [p(T.noGoals)] : goals),
      p(T.onTrack, { spaceBefore: 16 }),
      p(`${T.references}: 34 CFR 300.320(a)(2); 34 CFR 300.320(a)(3)(ii); 34 CFR 300.324(b).`, {
        size: 8,
        color: "#444444",
        spaceBefore: 16,
      }),
    ],
  };
}
