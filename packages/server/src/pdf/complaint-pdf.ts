/**
 * A state complaint draft as a tagged PDF (decision 0007): the complaint in the order of 34 CFR
 * 300.153(b), the evidence for each entry the family chose, where to send it (300.153(d)), the
 * one-year limit (300.153(c)), and that it is general information, not legal advice. A field the
 * family has not filled in yet prints as a blank line to write on, and is listed first.
 *
 * In English or Spanish (`lang`, decision 0028): in Spanish the headings, labels, column names,
 * kinds of entries, the notes on what a complaint must contain and where it goes, dates and page
 * furniture are Spanish, and the document language is es-US; citations are kept as they are. The
 * family's words (the violation, the facts, the resolution, the child and the complainant) are
 * printed as written with no language mark of their own: the family may have written them in
 * either language. The evidence is the record as Lantern wrote it in English when the draft was
 * made (frozen with the draft), so each of its cells is marked English and a plain line says so.
 */
import {
  CHRONOLOGY_KIND_LABELS,
  CHRONOLOGY_KIND_LABELS_ES,
  COMPLAINT_NOTES,
  COMPLAINT_NOTES_ES,
  type ComplaintDraft,
  formatLongDate,
  formatShortDate,
} from "@lantern/core";
import { type Block, bold, box, type Cell, fields, h1, h2, list, type PdfDocumentSpec, p, table } from "./pdf-model.ts";
import { renderPdfDocument } from "./pdf-render.ts";
import { PDF_LANG, type PdfLanguage } from "./plan-pdf-parts.ts";

type ComplaintTexts = {
  title: (child: string) => string;
  subject: string;
  heading: string;
  to: (agency: string, copyTo: string, citation: string) => string;
  date: (date: string) => string;
  stillToFill: string;
  child: string;
  violation: string;
  facts: string;
  resolution: string;
  signature: string;
  labels: {
    name: string;
    childAddress: string;
    school: string;
    signed: string;
    date: string;
    relationship: string;
    address: string;
    phone: string;
    email: string;
  };
  evidence: string;
  evidenceIntro: string;
  /** Said when the evidence is in another language than the document (null in English). */
  evidenceInEnglish: string | null;
  columns: { date: string; kind: string; what: string; rule: string };
  tooOld: string;
  noEntries: string;
  whereToSend: string;
  sendTo: (agency: string, copyTo: string) => string;
  notes: Record<keyof typeof COMPLAINT_NOTES, string>;
  kinds: Record<keyof typeof CHRONOLOGY_KIND_LABELS, string>;
};

const EN: ComplaintTexts = {
  title: (child) => `State complaint — ${child}`,
  subject: "State complaint (34 CFR 300.153)",
  heading: "State complaint",
  to: (agency, copyTo, citation) => `To: ${agency}. Copy to: ${copyTo} (${citation}).`,
  date: (date) => `Date: ${date}`,
  stillToFill: "Still to fill in",
  child: "The child (34 CFR 300.153(b)(4)(i)–(ii))",
  violation: "The violation (34 CFR 300.153(b)(1))",
  facts: "The problem and the facts (34 CFR 300.153(b)(2), (b)(4)(iv))",
  resolution: "Proposed resolution (34 CFR 300.153(b)(4)(v))",
  signature: "Signature and contact information (34 CFR 300.153(b)(3))",
  labels: {
    name: "Name",
    childAddress: "Address where the child lives",
    school: "School",
    signed: "Signed",
    date: "Date",
    relationship: "Relationship to the child",
    address: "Address",
    phone: "Phone",
    email: "Email",
  },
  evidence: "Evidence from the record",
  evidenceIntro:
    "Each entry the complaint rests on, as Lantern's record shows it, with the sessions, deadlines and the plan's own words behind it.",
  evidenceInEnglish: null,
  columns: { date: "Date", kind: "Kind", what: "What the record shows", rule: "Rule" },
  tooOld: "More than a year ago.",
  noEntries: "No entries chosen.",
  whereToSend: "Where to send it",
  sendTo: (agency, copyTo) => `Send to: ${agency}. Copy to: ${copyTo}.`,
  notes: COMPLAINT_NOTES,
  kinds: CHRONOLOGY_KIND_LABELS,
};

const ES: ComplaintTexts = {
  title: (child) => `Queja al estado — ${child}`,
  subject: "Queja al estado (34 CFR 300.153)",
  heading: "Queja al estado",
  to: (agency, copyTo, citation) => `Para: ${agency}. Copia para: ${copyTo} (${citation}).`,
  date: (date) => `Fecha: ${date}`,
  stillToFill: "Falta llenar",
  child: "El niño (34 CFR 300.153(b)(4)(i)–(ii))",
  violation: "La regla que no se cumplió (34 CFR 300.153(b)(1))",
  facts: "El problema y los hechos (34 CFR 300.153(b)(2), (b)(4)(iv))",
  resolution: "Lo que lo arreglaría (34 CFR 300.153(b)(4)(v))",
  signature: "Firma y cómo encontrarle (34 CFR 300.153(b)(3))",
  labels: {
    name: "Nombre",
    childAddress: "Dirección donde vive el niño",
    school: "Escuela",
    signed: "Firma",
    date: "Fecha",
    relationship: "Qué es usted del niño",
    address: "Dirección",
    phone: "Teléfono",
    email: "Correo electrónico",
  },
  evidence: "Pruebas del expediente",
  evidenceIntro:
    "Cada entrada en la que se basa la queja, como la muestra el expediente de Lantern, con las sesiones, las fechas límite y lo que dice el plan.",
  evidenceInEnglish:
    "Lantern escribió en inglés lo que muestra el expediente cuando se hizo este borrador. Aquí está tal como se escribió, en inglés.",
  columns: { date: "Fecha", kind: "Tipo", what: "Lo que muestra el expediente", rule: "Regla" },
  tooOld: "Hace más de un año.",
  noEntries: "No eligió ninguna entrada.",
  whereToSend: "Dónde enviarla",
  sendTo: (agency, copyTo) => `Envíela a: ${agency}. Copia para: ${copyTo}.`,
  notes: COMPLAINT_NOTES_ES,
  kinds: CHRONOLOGY_KIND_LABELS_ES,
};

const BLANK = "____________________________";
const or = (v: string) => (v.trim() === "" ? BLANK : v);
const paragraphs = (text: string): Block[] =>
  text
    .split(/\n+/)
    .map((l) => l.trim())
    .filter((l) => l !== "")
    .map((l) => p(l, { spaceAfter: 4 }));

export function complaintPdfDocument(d: ComplaintDraft, today: string, lang: PdfLanguage = "en"): PdfDocumentSpec {
  const T = lang === "es" ? ES : EN;
  const t = d.text;
  const title = T.title(or(t.child.name));
  const tooOld = new Set(d.timeLimit.tooOld);
  const rows: Cell[][] = d.evidence.map((ev) => {
    const old = tooOld.has(ev.entry.id);
    if (lang === "en") {
      return [
        formatShortDate(ev.entry.date),
        T.kinds[ev.entry.kind],
        { stack: [old ? [bold(`${T.tooOld} `), ev.entry.what] : ev.entry.what, ...ev.details] },
        ev.entry.rule ?? "",
      ];
    }
    // The record's words are English (frozen with the draft): their cell alone carries /Lang en-US;
    // that an entry is more than a year old is said in Spanish beside its kind.
    return [
      formatShortDate(ev.entry.date, lang),
      old ? [`${T.kinds[ev.entry.kind]}. `, bold(T.tooOld)] : T.kinds[ev.entry.kind],
      { stack: [ev.entry.what, ...ev.details], lang: PDF_LANG.en },
      ev.entry.rule ?? "",
    ];
  });
  return {
    title,
    subject: T.subject,
    lang: PDF_LANG[lang],
    margins: [60, 60, 60, 60],
    fontSize: 10,
    pageNumbers: true,
    footer: title,
    body: [
      h1(T.heading, { size: 16, spaceAfter: 4 }),
      p(T.to(d.sendTo.agency, d.sendTo.copyTo, d.sendTo.citation), { spaceAfter: 4 }),
      p(T.date(formatLongDate(today, lang)), { spaceAfter: 8 }),
      box([p(T.notes.notLegalAdvice, { size: 9 }), p(T.notes.oneYear, { size: 9 })], "#f2f2f2"),
      ...(d.gaps.length > 0
        ? [h2(T.stillToFill, { size: 12 }), list(d.gaps.map((g) => `${g.message} (${g.citation})`))]
        : []),
      h2(T.child, { size: 12 }),
      fields([
        [T.labels.name, or(t.child.name)],
        [T.labels.childAddress, or(t.child.address)],
        [T.labels.school, or(t.child.school)],
      ]),
      h2(T.violation, { size: 12 }),
      ...(t.violation ? paragraphs(t.violation) : [p(BLANK)]),
      h2(T.facts, { size: 12 }),
      ...(t.facts ? paragraphs(t.facts) : [p(BLANK)]),
      h2(T.resolution, { size: 12 }),
      ...(t.resolution ? paragraphs(t.resolution) : [p(BLANK)]),
      h2(T.signature, { size: 12 }),
      fields([
        [T.labels.signed, `${BLANK}   ${T.labels.date}: ${BLANK}`],
        [T.labels.name, or(t.complainant.name)],
        [T.labels.relationship, or(t.complainant.relationship)],
        [T.labels.address, or(t.complainant.address)],
        [T.labels.phone, or(t.complainant.phone)],
        [T.labels.email, or(t.complainant.email)],
      ]),
      h2(T.evidence, { size: 12 }),
      p(T.evidenceIntro, { spaceAfter: T.evidenceInEnglish ? 4 : 6 }),
      ...(T.evidenceInEnglish && d.evidence.length > 0 ? [p(T.evidenceInEnglish, { spaceAfter: 6 })] : []),
      d.evidence.length > 0
        ? table(
            [
              { header: T.columns.date, width: 62 },
              { header: T.columns.kind, width: 72 },
              { header: T.columns.what, width: "*" },
              { header: T.columns.rule, width: 90 },
            ],
            rows,
          )
        : p(T.noEntries),
      h2(T.whereToSend, { size: 12 }),
      p(T.notes.howToSend),
      p(T.sendTo(d.sendTo.agency, d.sendTo.copyTo)),
    ],
  };
}

export async function renderComplaintPdf(d: ComplaintDraft, today: string, lang: PdfLanguage = "en"): Promise<Buffer> {
  return (await renderPdfDocument(complaintPdfDocument(d, today, lang))).pdf;
}
