/**
 * The case chronology as a tagged PDF: the kind of exhibit a family or advocate brings to a
 * resolution meeting. One table, oldest first — date, kind, who, what happened and the rule it
 * concerns — then the rules cited, and a note that it is general information, not legal advice.
 *
 * In English or Spanish (`lang`, decisions 0015 and 0028): in Spanish the headings, column names,
 * kinds of entries, dates, notes and what happened (core's Spanish sentences, asked for with the
 * same `lang`) are Spanish; the citations are kept as they are. Names, purposes, subjects and
 * summaries inside a sentence are what people wrote, kept as written.
 */
import {
  CHRONOLOGY_KIND_LABELS,
  CHRONOLOGY_KIND_LABELS_ES,
  type Chronology,
  formatLongDate,
  formatShortDate,
} from "@lantern/core";
import { bold, type Cell, h1, h2, list, type PdfDocumentSpec, p, table } from "./pdf-model.ts";
import { renderPdfDocument } from "./pdf-render.ts";
import { PDF_LANG, type PdfLanguage } from "./plan-pdf-parts.ts";

type ChronologyTexts = {
  title: (name: string) => string;
  heading: string;
  prepared: (name: string, date: string) => string;
  range: (from: string | null, to: string | null) => string;
  allKinds: string;
  only: (kinds: string) => string;
  explain: string;
  columns: { date: string; kind: string; who: string; what: string; rule: string };
  missed: string;
  empty: string;
  rulesCited: string;
  none: string;
  advice: string;
  kinds: Record<keyof typeof CHRONOLOGY_KIND_LABELS, string>;
};

const EN: ChronologyTexts = {
  title: (name) => `Case chronology — ${name}`,
  heading: "Case chronology",
  prepared: (name, date) => `${name}. Prepared ${date}.`,
  range: (from, to) => ` Entries ${from ? `from ${from} ` : ""}${to ? `through ${to}` : "to date"}.`,
  allKinds: "All kinds of entries.",
  only: (kinds) => `Only: ${kinds}.`,
  explain:
    "Each entry gives its date, who acted, what happened and the rule it concerns. Deadlines say whether they were met and by how many days they were missed; missed services say how many minutes were not made up.",
  columns: { date: "Date", kind: "Kind", who: "Who", what: "What happened", rule: "Rule" },
  missed: "Missed. ",
  empty: "No entries match.",
  rulesCited: "Rules cited",
  none: "None.",
  advice:
    "General information, not legal advice. Lantern builds this chronology from the records it holds; check each entry against the documents in the record.",
  kinds: CHRONOLOGY_KIND_LABELS,
};

const ES: ChronologyTexts = {
  title: (name) => `Cronología del expediente — ${name}`,
  heading: "Cronología del expediente",
  prepared: (name, date) => `${name}. Preparada el ${date}.`,
  range: (from, to) => ` Entradas ${from ? `desde el ${from} ` : ""}${to ? `hasta el ${to}` : "hasta hoy"}.`,
  allKinds: "Todos los tipos de entradas.",
  only: (kinds) => `Solo: ${kinds}.`,
  explain:
    "Cada entrada dice la fecha, quién lo hizo, qué pasó y la regla de la que se trata. Las fechas límite dicen si se cumplieron y con cuántos días de retraso. Los servicios que no se dieron dicen cuántos minutos no se repusieron.",
  columns: { date: "Fecha", kind: "Tipo", who: "Quién", what: "Qué pasó", rule: "Regla" },
  missed: "No se cumplió",
  empty: "No hay entradas que coincidan.",
  rulesCited: "Reglas citadas",
  none: "Ninguna.",
  advice:
    "Es información general, no asesoría legal. Lantern hace esta cronología con los registros que tiene. Compare cada entrada con los documentos del expediente.",
  kinds: CHRONOLOGY_KIND_LABELS_ES,
};

export function chronologyPdfDocument(c: Chronology, lang: PdfLanguage = "en"): PdfDocumentSpec {
  const T = lang === "es" ? ES : EN;
  const long = (d: string) => formatLongDate(d, lang);
  const title = T.title(c.studentName);
  const range = c.from || c.to ? T.range(c.from ? long(c.from) : null, c.to ? long(c.to) : null) : "";
  const kinds =
    c.kinds.length === Object.keys(CHRONOLOGY_KIND_LABELS).length
      ? T.allKinds
      : T.only(c.kinds.map((k) => T.kinds[k]).join(", "));
  const rows: Cell[][] = c.entries.map((e) => {
    const missed = e.outcome === "missed";
    if (lang === "en") {
      return [
        formatShortDate(e.date),
        T.kinds[e.kind],
        e.who,
        missed ? [bold(T.missed), e.what] : e.what,
        e.rule ?? "",
      ];
    }
    // The outcome is said in Spanish beside the kind; core wrote what happened in Spanish.
    return [
      formatShortDate(e.date, lang),
      missed ? [`${T.kinds[e.kind]}. `, bold(`${T.missed}.`)] : T.kinds[e.kind],
      e.who,
      e.what,
      e.rule ?? "",
    ];
  });
  const citations = [...new Set(c.entries.flatMap((e) => (e.rule ? e.rule.split("; ") : [])))].sort();
  return {
    title,
    subject: T.heading,
    lang: PDF_LANG[lang],
    margins: [48, 54, 48, 54],
    fontSize: 9,
    footer: title,
    body: [
      h1(T.heading, { size: 16, spaceAfter: 6 }),
      p(`${T.prepared(c.studentName, long(c.today))}${range} ${kinds}`),
      p(T.explain, { spaceAfter: 8 }),
      c.entries.length > 0
        ? table(
            [
              { header: T.columns.date, width: 62 },
              { header: T.columns.kind, width: 70 },
              { header: T.columns.who, width: 80 },
              { header: T.columns.what, width: "*" },
              { header: T.columns.rule, width: 90 },
            ],
            rows,
          )
        : p(T.empty),
      h2(T.rulesCited, { size: 12 }),
      citations.length > 0 ? list(citations) : p(T.none),
      p(T.advice, { size: 8, color: "#444444", spaceBefore: 12 }),
    ],
  };
}

export async function renderChronologyPdf(c: Chronology, lang: PdfLanguage = "en"): Promise<Buffer> {
  return (await renderPdfDocument(chronologyPdfDocument(c, lang))).pdf;
}
