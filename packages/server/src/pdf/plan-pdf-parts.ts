/**
 * Pieces the plan documents share: how an empty value reads, dates, the title block with the seal,
 * the page furniture, and the sections that appear in both the IEP and the Section 504 plan
 * (student, meeting and team, procedural safeguards, signatures, prior written notice contents).
 * Section titles and citations come from core's section list; labels from core's plan labels;
 * dates from core's `formatLongDate`.
 */
import {
  describeSignature,
  formatLongDate,
  formatPlanHash,
  isIsoDate,
  type LabelledFact,
  labelIn,
  type PlanDocument,
  type PlanSeal,
  type PlanSection,
  PRIOR_WRITTEN_NOTICE_ELEMENTS,
  type PriorWrittenNotice,
  type TranslationLookup,
  translatableTexts,
} from "@lantern/core";
import {
  type Block,
  bold,
  box,
  type Cell,
  type CellPiece,
  type Column,
  type FigureBlock,
  field,
  h2,
  h3,
  type Inline,
  list,
  type PdfDocumentSpec,
  p,
  type Run,
  type TableBlock,
  type TextStyle,
  table as tableBlock,
} from "./pdf-model.ts";

export type PlanPdfOptions = {
  /** The seal of a signed version: its SHA-256 is printed on every page. Without one the plan is a draft. */
  seal?: PlanSeal | null | undefined;
  /** Version number in the plan's history, when known. */
  version?: number | undefined;
  /**
   * Print DRAFT on every page. Default: when there is no seal. A proposed version is not sealed
   * but is no longer a draft: it is the school's offer, and its notices are real notices.
   */
  draft?: boolean | undefined;
  /**
   * The language of the document's own words (labels, headings, explanations, dates): "en" (the
   * default) or "es". What the team wrote stays as written, marked as English, unless translated.
   */
  lang?: PdfLanguage | undefined;
  /**
   * The current human translations of the team's words into the document's language, by the
   * field's place in the version (decision 0027). A field without one prints in English, marked.
   */
  translate?: TranslationLookup | undefined;
};

export type PdfLanguage = "en" | "es";
/** The PDF's /Lang for a language. */
export const PDF_LANG: Record<PdfLanguage, string> = { en: "en-US", es: "es-US" };

export const NOT_RECORDED = "Not recorded";
export const filled = (t: string | null | undefined): t is string => (t ?? "").trim() !== "";
export const orNone = (t: string | null | undefined, none = NOT_RECORDED): string => (filled(t) ? t.trim() : none);

/** "2026-10-06T16:42:00-07:00" → "2026-10-06 16:42 (UTC-07:00)". */
export function formatPlanTimestamp(timestamp: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.exec(timestamp);
  if (!m) return timestamp;
  return `${m[1]} ${m[2]} (UTC${m[3] === "Z" ? "" : m[3]})`;
}

export function formatPlanDate(date: string | null | undefined, lang: PdfLanguage = "en"): string {
  if (!date || !isIsoDate(date)) return lang === "es" ? "No anotado" : NOT_RECORDED;
  return formatLongDate(date, lang);
}

export function studentName(doc: PlanDocument, lang: PdfLanguage = "en"): string {
  const name = `${doc.student.firstName} ${doc.student.lastName}`.trim();
  return name || (lang === "es" ? "Estudiante" : "Student");
}

export function callName(doc: PlanDocument): string {
  return orNone(doc.student.preferredName, "") || orNone(doc.student.firstName, "the student");
}

/**
 * A section heading of a PDF, taken from core's section list (one title and citation per section),
 * optionally under another key where the PDF groups things differently.
 */
export function fromCore<K extends string, As extends string = K>(
  sections: readonly PlanSection<string>[],
  key: K,
  as?: As,
): { key: As; title: string; citation: string } {
  const section = sections.find((s) => s.key === key);
  if (!section) throw new Error(`No plan section "${key}" in core's section list`);
  return { key: (as ?? key) as As, title: section.title, citation: section.citation };
}

// ---------------------------------------------------------------------------------------------
// Blocks

const CITATION = { size: 8, color: "#555555", spaceAfter: 6 } as const;
export const MUTED = { size: 8, color: "#555555" } as const;

/** A section heading and, under it, the rule it implements. */
export function heading(title: string, citation?: string): Block[] {
  return [h2(title), ...(citation ? [{ ...p(citation, CITATION), keepWithNext: true }] : [])];
}

export const sub = (title: string): Block => h3(title);

export const para = (text: string | null | undefined, none = NOT_RECORDED): Block => p(orNone(text, none));

export const fieldRow = (label: string, value: string): Block => field(label, value);

export function bullets(items: readonly string[], none = "None recorded."): Block {
  const shown = items.filter(filled).map((t) => t.trim());
  return shown.length === 0 ? para(none, none) : list(shown);
}

/** A table with column headers, or a line saying there is nothing to show. */
export function grid(
  headers: readonly string[],
  rows: readonly (readonly Cell[])[],
  widths: readonly (number | "*")[],
  none = "None recorded.",
  options: Omit<TableBlock, "kind" | "columns" | "rows"> = {},
): Block {
  if (rows.length === 0) return para(none, none);
  const columns: Column[] = headers.map((header, i) => ({ header, width: widths[i] ?? "*" }));
  return tableBlock(columns, rows, options);
}

export function yesNo(value: boolean | null, lang: PdfLanguage = "en"): string {
  if (lang === "es") return value === null ? "Sin decidir" : value ? "Sí" : "No";
  return value === null ? "Not decided" : value ? "Yes" : "No";
}

/** "Not recorded" in the document's language. */
export const notRecorded = (lang: PdfLanguage = "en"): string => (lang === "es" ? "No anotado" : NOT_RECORDED);
/** "None recorded." in the document's language. */
export const noneRecorded = (lang: PdfLanguage = "en"): string => (lang === "es" ? "Nada anotado." : "None recorded.");

/** A code's name in the document's language (core's LABELS, or LABELS_ES in Spanish); the code itself when unknown. */
export function label<F extends LabelledFact>(fact: F, value: string, lang: PdfLanguage = "en"): string {
  return labelIn(fact, value, lang);
}

// ---------------------------------------------------------------------------------------------
// The team's own words

/**
 * How a document prints what the team wrote: the document's language, the current human
 * translations of the team's words (decision 0027) and, once `at` names it, the field's place in
 * the version (a JSON pointer, as core's `translatableTexts` gives it). The team helpers below take
 * this (or just a language, for words nobody translates, such as a provider's title).
 */
export type TeamWords = {
  lang: PdfLanguage;
  translate: TranslationLookup;
  pointer?: string;
  /** The same, for the field at `pointer`. */
  at(pointer: string): TeamWords;
};

const noTranslation: TranslationLookup = () => null;

export function teamWords(options: Pick<PlanPdfOptions, "lang" | "translate">): TeamWords {
  const lang = options.lang ?? "en";
  const translate = lang === "en" ? noTranslation : (options.translate ?? noTranslation);
  const make = (pointer?: string): TeamWords => ({
    lang,
    translate,
    ...(pointer ? { pointer } : {}),
    at: (p) => make(p),
  });
  return make();
}

const wordsOf = (words: TeamWords | PdfLanguage): TeamWords =>
  typeof words === "string" ? teamWords({ lang: words }) : words;

/** The current translation of the field `words` points at, or null. */
function translationOf(words: TeamWords, pointer = words.pointer) {
  return pointer && words.lang !== "en" ? words.translate(pointer) : null;
}

/** A translation with who made it and when: "Mari leerá… Traducido al español por Ana Rivera el …". */
function translatedRuns(found: { text: string; by: string; at: string }, suffix = ""): Run[] {
  return [{ text: `${found.text.trim()}${suffix} ` }, { text: translatedByLine(found.by, found.at), italic: true }];
}

/**
 * What the team wrote (goals, present levels, accommodations, notes…). In a document in another
 * language: the current translation where a person made one, with who and when; else as written,
 * its block marked English (/Lang en-US), which the document says once (`teamTextNote`).
 */
export function teamBlock(block: Block, lang: PdfLanguage = "en"): Block {
  if (lang === "en") return block;
  if (block.kind === "paragraph" || block.kind === "list") return { ...block, lang: PDF_LANG.en };
  return block;
}

/** A paragraph of the team's words; `none` (in the document's language) when empty. */
export function teamPara(
  text: string | null | undefined,
  words: TeamWords | PdfLanguage = "en",
  none = notRecorded(wordsOf(words).lang),
): Block {
  const w = wordsOf(words);
  if (!filled(text)) return p(none);
  const found = translationOf(w);
  return found ? p(translatedRuns(found)) : teamBlock(p(text.trim()), w.lang);
}

/**
 * One item of a list that holds the team's words, `suffix` after them (more of the team's words, a
 * date): translated with who and when, or as written with the language to mark its item with.
 */
export function teamListItem(
  text: string,
  words: TeamWords | PdfLanguage = "en",
  suffix = "",
): { text: Inline; lang?: string } {
  const w = wordsOf(words);
  const found = filled(text) ? translationOf(w) : null;
  if (found) return { text: translatedRuns(found, suffix) };
  return { text: `${text.trim()}${suffix}`, ...(w.lang === "en" ? {} : { lang: PDF_LANG.en }) };
}

/**
 * A list of the team's words; `none` when empty. With a pointer, item i is the field `pointer/i`:
 * each translated item in the document's language, the others marked English.
 */
export function teamBullets(
  items: readonly string[],
  words: TeamWords | PdfLanguage = "en",
  none = noneRecorded(wordsOf(words).lang),
): Block {
  const w = wordsOf(words);
  const shown = items.flatMap((t, i) =>
    filled(t) ? [teamListItem(t, w.pointer ? w.at(`${w.pointer}/${i}`) : w)] : [],
  );
  return shown.length === 0 ? p(none) : langList(shown);
}

/** A list of items each maybe in its own language: all English marks the list, else each English item. */
export function langList(
  items: readonly { text: Inline; lang?: string }[],
  options: { ordered?: boolean } = {},
): Block {
  const block = list(
    items.map((t) => t.text),
    options,
  );
  const langs = items.map((t) => t.lang);
  if (langs.every((l) => l === undefined)) return block;
  if (langs.every((l) => l === langs[0])) return { ...block, lang: langs[0] as string };
  return { ...block, itemLangs: langs };
}

/** A table cell of the team's words: translated with who and when, or marked English in a document in another language. */
export function teamCell(
  text: string | null | undefined,
  words: TeamWords | PdfLanguage = "en",
  none = notRecorded(wordsOf(words).lang),
): Cell {
  const w = wordsOf(words);
  if (!filled(text)) return none;
  const found = translationOf(w);
  if (found) return translatedRuns(found);
  return w.lang === "en" ? text.trim() : { stack: [text.trim()], lang: PDF_LANG.en };
}

/**
 * A piece of a cell that mixes the document's words with the team's (a service's name and its
 * description): translated with who and when, or marked English on its own. Null when empty.
 */
export function teamPiece(
  text: string | null | undefined,
  words: TeamWords | PdfLanguage = "en",
  style?: TextStyle,
): CellPiece | null {
  const w = wordsOf(words);
  if (!filled(text)) return null;
  const found = translationOf(w);
  const base = style ? { style } : {};
  if (found) return { text: translatedRuns(found), ...base };
  return { text: text.trim(), ...base, ...(w.lang === "en" ? {} : { lang: PDF_LANG.en }) };
}

/**
 * A label with the team's words as its value: one field row in English; in another language the
 * label, then the team's words in their own paragraph (translated, or marked English).
 */
export function teamField(
  label: string,
  text: string | null | undefined,
  words: TeamWords | PdfLanguage = "en",
): Block[] {
  const w = wordsOf(words);
  if (w.lang === "en" || !filled(text)) return [fieldRow(label, orNone(text, notRecorded(w.lang)))];
  return [{ ...p(bold(`${label}:`), { spaceAfter: 0 }), keepWithNext: true }, teamPara(text, w)];
}

/**
 * The plain line at the top of a document in another language saying the team's words are in
 * English; when a person translated some of them (`doc`'s fields with a current translation), it
 * says so too.
 */
export function teamTextNote(words: TeamWords | PdfLanguage = "en", doc?: PlanDocument): Block[] {
  const w = wordsOf(words);
  if (w.lang === "en") return [];
  const anyTranslated = doc ? translatableTexts(doc).some((t) => w.translate(t.pointer) !== null) : false;
  return [
    p(
      bold(
        anyTranslated
          ? "El equipo de la escuela escribió algunas partes de este documento en inglés, como las metas y las notas. Una persona del equipo tradujo algunas al español; al final de cada una dice quién la tradujo y cuándo. Las demás están tal como se escribieron, en inglés. Puede pedir a la escuela que se las explique en español."
          : "El equipo de la escuela escribió algunas partes de este documento en inglés, como las metas y las notas. Aquí están tal como se escribieron, en inglés. Puede pedir a la escuela que se las explique en español.",
      ),
      { spaceAfter: 8 },
    ),
  ];
}

function sealBox(seal: PlanSeal | null | undefined, lang: PdfLanguage = "en"): Block[] {
  if (!seal) return [];
  const es = lang === "es";
  return [
    box([
      p(bold(es ? "Versión sellada" : "Sealed version"), { spaceAfter: 1 }),
      p(
        es
          ? `Esta versión firmada no se puede cambiar. SHA-256 de su JSON canónico: ${seal.hash}`
          : `This signed version cannot be changed. SHA-256 of its canonical JSON: ${seal.hash}`,
        { size: 8, spaceAfter: 1 },
      ),
      p(`${es ? "Sellada el" : "Sealed at"} ${formatPlanTimestamp(seal.sealedAt)}`, { size: 8, spaceAfter: 0 }),
    ]),
  ];
}

export function titleBlock(title: string, doc: PlanDocument, options: PlanPdfOptions, subtitle?: string): Block[] {
  const s = doc.student;
  const es = options.lang === "es";
  const version = options.version !== undefined ? ` · ${es ? "Versión" : "Version"} ${options.version}` : "";
  const noSchool = es ? "Escuela no anotada" : "School not recorded";
  return [
    { kind: "heading", level: 1, text: title },
    p(`${studentName(doc, options.lang)} · ${orNone(s.school, noSchool)}${version}`, { spaceAfter: 2 }),
    ...(subtitle ? [p(subtitle, { ...MUTED, spaceAfter: 8 })] : []),
    ...sealBox(options.seal, options.lang),
  ];
}

/** A plan document: its title, the footer with the student's name and seal, DRAFT when not sealed. */
export function planDocument(
  title: string,
  doc: PlanDocument,
  body: Block[],
  options: PlanPdfOptions,
  extra: Partial<PdfDocumentSpec> = {},
): PdfDocumentSpec {
  const name = studentName(doc, options.lang);
  const seal = options.seal ?? null;
  return {
    title: `${title}: ${name}`,
    subject: title,
    margins: [54, 54, 54, 60],
    footer: `${name} · ${title}${seal ? ` · SHA-256 ${formatPlanHash(seal.hash.slice(0, 16))}…` : ""}`,
    draft: options.draft ?? seal === null,
    lang: PDF_LANG[options.lang ?? "en"],
    body,
    ...extra,
  };
}

// ---------------------------------------------------------------------------------------------
// Sections shared by the IEP and the Section 504 plan, in English or Spanish

/** Student information; `more` adds rows after the language (the IEP's disability categories). */
export function studentSection(
  doc: PlanDocument,
  citation: string,
  more: readonly (readonly [string, string])[] = [],
  lang: PdfLanguage = "en",
): Block[] {
  const s = doc.student;
  const es = lang === "es";
  const none = notRecorded(lang);
  const goesBy = filled(s.preferredName) ? ` (${es ? "le dicen" : "goes by"} ${s.preferredName.trim()})` : "";
  const rows: (readonly [string, string])[] = [
    [es ? "Nombre" : "Name", studentName(doc, lang) + goesBy],
    [es ? "Fecha de nacimiento" : "Date of birth", formatPlanDate(s.dateOfBirth, lang)],
    [es ? "Grado" : "Grade", orNone(s.grade, none)],
    [es ? "Escuela" : "School", orNone(s.school, none)],
    [es ? "Distrito" : "District", orNone(s.district, none)],
    [es ? "Número de estudiante" : "Student number", orNone(s.localId, none)],
    [es ? "Idioma principal" : "Primary language", orNone(s.primaryLanguage, none)],
    ...more,
  ];
  const guardians = s.guardians.map(
    (g) =>
      `${orNone(g.name, none)}${filled(g.relationship) ? ` (${g.relationship})` : ""}${filled(g.language) ? `, ${es ? "idioma" : "language"}: ${g.language}` : ""}`,
  );
  return [
    ...heading(es ? "Datos del estudiante" : "Student information", citation),
    ...rows.map(([label, value]) => fieldRow(label, value)),
    sub(es ? "Padres o tutores" : "Parents or guardians"),
    bullets(guardians, noneRecorded(lang)),
  ];
}

export function meetingSection(doc: PlanDocument, citation: string, words: TeamWords | PdfLanguage = "en"): Block[] {
  const w = wordsOf(words);
  const lang = w.lang;
  const m = doc.meeting;
  const es = lang === "es";
  const none = notRecorded(lang);
  const date = (d: string | null | undefined) => formatPlanDate(d, lang);
  const code = (fact: LabelledFact, value: string | null | undefined) =>
    !value ? none : es ? label(fact, value, lang) : value.replace(/-/g, " ");
  const out: Block[] = [
    ...heading(es ? "Reunión y equipo" : "Meeting and team", citation),
    fieldRow(es ? "Fecha de la reunión" : "Meeting date", date(m.date)),
    fieldRow(es ? "Tipo de reunión" : "Meeting type", code("meetingType", m.type)),
    ...teamField(es ? "Lugar" : "Location", m.location, lang),
    fieldRow(
      es ? "Cómo participó el padre o la madre" : "How the parent took part",
      code("parentParticipation", m.parentParticipation),
    ),
  ];
  if (m.notice) {
    if (es) {
      out.push(
        fieldRow(
          "Aviso de la reunión",
          `enviado el ${date(m.notice.sentOn)}${m.notice.time ? `; hora: ${m.notice.time}` : ""}`,
        ),
        ...teamField("Propósito de la reunión", m.notice.purpose, w.at("/meeting/notice/purpose")),
      );
    } else {
      out.push(
        fieldRow(
          "Meeting notice",
          `sent ${date(m.notice.sentOn)}; purpose: ${orNone(m.notice.purpose)}${m.notice.time ? `; time ${m.notice.time}` : ""}`,
        ),
      );
    }
  }
  out.push(sub(es ? "Miembros del equipo" : "Team members"));
  out.push(
    grid(
      es ? ["Nombre", "Función", "Cargo", "Asistencia"] : ["Name", "Role", "Title", "Attendance"],
      doc.attendees.map((a) => [
        orNone(a.name, none),
        label("teamRole", a.role, lang),
        teamCell(a.title, lang, ""),
        es ? label("attendance", a.attendance, lang) : a.attendance.replace(/-/g, " "),
      ]),
      ["*", "*", "*", 70],
      noneRecorded(lang),
    ),
  );
  const excused = doc.attendees.filter((a) => a.attendance === "excused" && a.excusal);
  if (excused.length > 0) {
    out.push(sub(es ? "Permisos para no asistir (34 CFR 300.321(e))" : "Excusals (34 CFR 300.321(e))"));
    for (const a of excused) {
      const e = a.excusal;
      if (!e) continue;
      const parts = (
        es
          ? [
              e.areaModifiedOrDiscussed ? "Su área se habló en la reunión" : "Su área no se habló",
              e.parentWrittenAgreementDate
                ? `acuerdo escrito de los padres el ${date(e.parentWrittenAgreementDate)}`
                : "",
              e.parentWrittenConsentDate
                ? `consentimiento escrito de los padres el ${date(e.parentWrittenConsentDate)}`
                : "",
              e.agencyAgreementDate ? `acuerdo del distrito el ${date(e.agencyAgreementDate)}` : "",
              e.writtenInputDate ? `aporte por escrito el ${date(e.writtenInputDate)}` : "",
            ]
          : [
              e.areaModifiedOrDiscussed ? "Area discussed at the meeting" : "Area not discussed",
              e.parentWrittenAgreementDate ? `parent's written agreement ${date(e.parentWrittenAgreementDate)}` : "",
              e.parentWrittenConsentDate ? `parent's written consent ${date(e.parentWrittenConsentDate)}` : "",
              e.agencyAgreementDate ? `district agreement ${date(e.agencyAgreementDate)}` : "",
              e.writtenInputDate ? `written input given ${date(e.writtenInputDate)}` : "",
            ]
      ).filter(Boolean);
      const who = `${orNone(a.name, none)} (${label("teamRole", a.role, lang)}): ${parts.join("; ")}.`;
      if (!es) out.push(para(`${who} ${e.notes}`.trim()));
      else out.push(para(who), ...(filled(e.notes) ? [teamPara(e.notes, lang)] : []));
    }
  }
  if (m.parentContactAttempts.length > 0) {
    out.push(sub(es ? "Esfuerzos para que participen los padres" : "Efforts to involve the parent"));
    out.push(
      grid(
        es ? ["Fecha", "Cómo", "Resultado"] : ["Date", "How", "Result"],
        m.parentContactAttempts.map((c) => [
          date(c.date),
          es ? label("contactMethod", c.method, lang) : c.method.replace(/-/g, " "),
          teamCell(c.result, lang),
        ]),
        [90, 60, "*"],
      ),
    );
  }
  out.push(
    sub(es ? "Lo que preocupa a los padres" : "Parent concerns"),
    teamPara(m.parentConcerns, lang),
    sub(es ? "Notas de la reunión" : "Meeting notes"),
    teamPara(m.notes, lang),
  );
  return out;
}

/** Only path commands, numbers, separators: anything else is not drawn (no markup from stored data reaches the PDF). */
const SVG_PATH = /^[MmLlHhVvCcSsQqTtAaZz0-9.,\s-]{1,20000}$/;

/** A drawn signature stored as an SVG path, scaled into the table cell; "Drawn" when it cannot be shown. */
function drawnSignature(drawing: string | null, name: string, how: string, lang: PdfLanguage): Cell {
  if (!drawing || !SVG_PATH.test(drawing)) return how;
  const numbers = (drawing.match(/-?\d*\.?\d+/g) ?? []).map(Number).filter(Number.isFinite);
  const xs = numbers.filter((_, i) => i % 2 === 0);
  const ys = numbers.filter((_, i) => i % 2 === 1);
  const figure: FigureBlock = {
    kind: "figure",
    alt: lang === "es" ? `Firma dibujada por ${name}` : `Signature drawn by ${name}`,
    path: drawing,
    viewBox: [Math.max(10, ...xs) + 4, Math.max(10, ...ys) + 4],
    width: 64,
    height: 24,
  };
  return { stack: [figure, { text: how, style: { size: 7 } }] };
}

/**
 * Who signed and how, honestly: "Typed in the app by Ana Rivera, signed in with password", "Signed
 * on paper on November 20, 2026; entered by Priya Natarajan on November 23, 2026". Signatures made
 * before these facts were kept say only how they were given.
 */
export function signaturesSection(doc: PlanDocument, citation: string, lang: PdfLanguage = "en"): Block[] {
  const es = lang === "es";
  const byId = new Map(doc.attendees.map((a) => [a.id, a]));
  return [
    ...heading(es ? "Firmas" : "Signatures", citation),
    grid(
      es
        ? ["Nombre", "Función", "Firmó", "Cómo se dio", "Qué significa"]
        : ["Name", "Role", "Signed", "How it was given", "Meaning"],
      doc.signatures.map((s) => {
        const a = byId.get(s.attendeeId);
        const name = orNone(s.typedName, a?.name ?? s.attendeeId);
        const how = describeSignature(s, (d) => formatLongDate(d, lang), lang);
        return [
          name,
          a ? label("teamRole", a.role, lang) : "",
          s.method === "paper" && s.paper?.signedOn
            ? formatPlanDate(s.paper.signedOn, lang)
            : formatPlanTimestamp(s.signedAt),
          s.method === "drawn" ? drawnSignature(s.drawing, name, how, lang) : how,
          s.meaning === "agreement"
            ? es
              ? "Está de acuerdo con el plan"
              : "Agrees with the plan"
            : es
              ? "Asistió a la reunión"
              : "Attended the meeting",
        ];
      }),
      ["*", 70, 80, "*", 70],
      es ? "Nadie ha firmado esta versión todavía." : "No one has signed this version yet.",
    ),
  ];
}

export function safeguardsSection(doc: PlanDocument, citation: string, lang: PdfLanguage = "en"): Block[] {
  const n = doc.safeguardsNotice;
  if (lang === "es") {
    return [
      ...heading("Garantías procesales", citation),
      para(
        n.givenOn
          ? `El aviso de garantías procesales (sus derechos) se dio el ${formatPlanDate(n.givenOn, lang)}${n.method ? ` (${label("safeguardsMethod", n.method, lang).toLowerCase()})` : ""}${filled(n.language) ? `, en ${n.language}` : ""}.`
          : "No hay un aviso de garantías procesales anotado para este plan.",
      ),
    ];
  }
  return [
    ...heading("Procedural safeguards", citation),
    para(
      n.givenOn
        ? `The notice of procedural safeguards (your rights) was given on ${formatPlanDate(n.givenOn)}${n.method ? ` (${n.method.replace(/-/g, " ")})` : ""}${filled(n.language) ? ` in ${n.language}` : ""}.`
        : "No procedural safeguards notice is recorded for this plan.",
    ),
  ];
}

/** The seven contents of 300.503(b) as the Spanish documents name them. */
export const PWN_TITLES_ES: Record<(typeof PRIOR_WRITTEN_NOTICE_ELEMENTS)[number]["key"], string> = {
  action: "Lo que la escuela propone o niega",
  reasons: "Por qué",
  basis: "En qué se basa la decisión",
  safeguards: "Sus derechos",
  sourcesOfHelp: "Dónde pedir ayuda",
  optionsConsidered: "Otras opciones que se pensaron",
  otherFactors: "Otros factores",
};

/** The seven contents of a prior written notice (34 CFR 300.503(b)), numbered as in core. */
export function pwnBody(
  notice: PriorWrittenNotice | null,
  lang: PdfLanguage = "en",
  translate?: TranslationLookup,
): Block[] {
  if (lang === "es") return pwnBodyInSpanish(notice, translate);
  if (!notice) return [para("No prior written notice is recorded for this plan.")];
  const values: Record<(typeof PRIOR_WRITTEN_NOTICE_ELEMENTS)[number]["key"], Block> = {
    action: para(
      `${notice.action === "refuse" ? "The school refuses: " : notice.action === "propose" ? "The school proposes: " : ""}${orNone(notice.actionDescription)}`,
    ),
    reasons: para(notice.reasons),
    basis: bullets(notice.basis),
    safeguards: para(notice.safeguardsStatement),
    sourcesOfHelp: bullets(notice.sourcesOfHelp),
    optionsConsidered: grid(
      ["Option", "Why it was rejected"],
      notice.optionsConsidered.map((o) => [orNone(o.option), orNone(o.whyRejected)]),
      [150, "*"],
    ),
    otherFactors: para(notice.otherFactors),
  };
  return [
    fieldRow("Date", formatPlanDate(notice.date)),
    ...(filled(notice.language) ? [fieldRow("Language", notice.language)] : []),
    ...PRIOR_WRITTEN_NOTICE_ELEMENTS.flatMap((e) => [sub(`${e.number}. ${e.title}`), values[e.key]]),
  ];
}

/**
 * The notice's own words in Spanish; what the team wrote in Spanish where a person translated it
 * (decision 0027), with who and when, else as written, marked English, after a plain line.
 */
function pwnBodyInSpanish(notice: PriorWrittenNotice | null, translate: TranslationLookup = () => null): Block[] {
  const lang = "es";
  if (!notice) return [p("No hay una notificación previa por escrito anotada para este plan.")];
  const at = (key: string) => `/priorWrittenNotice/${key}`;
  const team = (key: string, text: string | null | undefined): Block[] =>
    filled(text)
      ? teamTextBlocks([{ pointer: at(key), english: text }], { lang, translate }, false)
      : [p("No anotado")];
  const items = (key: string, values: readonly string[]): Block[] => {
    const blocks = teamTextBlocks(
      values.map((english, i) => ({ pointer: at(`${key}/${i}`), english })),
      { lang, translate },
      true,
    );
    return blocks.length === 0 ? [p("No anotado")] : blocks;
  };
  /** A cell of the options table: the translation with who and when, or the English marked English. */
  const cell = (key: string, text: string): Cell => {
    const found = filled(text) ? translate(at(key)) : null;
    if (found) return [`${found.text.trim()} `, { text: translatedByLine(found.by, found.at), italic: true }];
    return teamCell(text, lang);
  };
  const action: Block[] = [
    ...(notice.action === "refuse"
      ? [p("La escuela niega:")]
      : notice.action === "propose"
        ? [p("La escuela propone:")]
        : []),
    ...team("actionDescription", notice.actionDescription),
  ];
  const values: Record<(typeof PRIOR_WRITTEN_NOTICE_ELEMENTS)[number]["key"], Block[]> = {
    action,
    reasons: team("reasons", notice.reasons),
    basis: items("basis", notice.basis),
    safeguards: [teamPara(notice.safeguardsStatement, lang)],
    sourcesOfHelp: [teamBullets(notice.sourcesOfHelp, lang, "No anotado")],
    optionsConsidered: [
      grid(
        ["Opción", "Por qué no se eligió"],
        notice.optionsConsidered.map((o, i) => [
          cell(`optionsConsidered/${i}/option`, o.option),
          cell(`optionsConsidered/${i}/whyRejected`, o.whyRejected),
        ]),
        [150, "*"],
        "Ninguna anotada.",
      ),
    ],
    otherFactors: team("otherFactors", notice.otherFactors),
  };
  return [
    fieldRow("Fecha", formatPlanDate(notice.date, lang)),
    ...(filled(notice.language) ? [fieldRow("Idioma", notice.language)] : []),
    ...PRIOR_WRITTEN_NOTICE_ELEMENTS.flatMap((e) => [
      sub(`${e.number}. ${PWN_TITLES_ES[e.key]}`),
      p(e.citation, { ...MUTED, spaceAfter: 2 }),
      ...values[e.key],
    ]),
  ];
}

/** One piece of the team's words: the field's place in the version, its English, and what follows it (English too). */
export type TeamText = { pointer: string; english: string; suffix?: string };

const ONLY_ENGLISH_ES = "Esta parte está solo en inglés:";
const ONLY_ENGLISH_LIST_ES = "Estas partes están solo en inglés:";

/** "Traducido al español por Ana Rivera el 5 de diciembre de 2026." */
export function translatedByLine(by: string, at: string): string {
  return `Traducido al español por ${by || "el equipo"} el ${formatPlanDate(at.slice(0, 10), "es")}.`;
}

/**
 * The team's words in a document in `options.lang` (decision 0027). In English: as written. In
 * Spanish: each part a person translated, in Spanish with who translated it and when; the others
 * as written, marked English (/Lang en-US), after a plain line saying they are only in English.
 * `asList` draws the parts as a bulleted list (strengths, accommodations), else as paragraphs.
 */
export function teamTextBlocks(
  parts: readonly TeamText[],
  options: Pick<PlanPdfOptions, "lang" | "translate">,
  asList: boolean,
): Block[] {
  const shown = parts.filter((t) => filled(t.english));
  if ((options.lang ?? "en") === "en") {
    const texts = shown.map((t) => `${t.english.trim()}${t.suffix ?? ""}`);
    return asList ? (texts.length > 0 ? [list(texts)] : []) : texts.map((t) => para(t));
  }
  const translate = options.translate ?? (() => null);
  const translated = shown.flatMap((t) => {
    const found = translate(t.pointer);
    return found ? [{ ...found, suffix: t.suffix ?? "" }] : [];
  });
  const english = shown.filter((t) => !translate(t.pointer)).map((t) => `${t.english.trim()}${t.suffix ?? ""}`);
  const out: Block[] = [];
  if (asList && translated.length > 0) {
    out.push(
      list(
        translated.map((t) => [`${t.text.trim()}${t.suffix} `, { text: translatedByLine(t.by, t.at), italic: true }]),
      ),
    );
  } else {
    for (const t of translated) {
      out.push(p([`${t.text.trim()}${t.suffix} `, { text: translatedByLine(t.by, t.at), italic: true }]));
    }
  }
  if (english.length > 0) {
    out.push(para(asList && english.length > 1 ? ONLY_ENGLISH_LIST_ES : ONLY_ENGLISH_ES));
    if (asList) out.push({ ...list(english), lang: PDF_LANG.en });
    else for (const t of english) out.push({ ...p(t), lang: PDF_LANG.en });
  }
  return out;
}
