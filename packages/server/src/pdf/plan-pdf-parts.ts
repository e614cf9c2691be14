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
  type PlanDocument,
  type PlanSeal,
  type PlanSection,
  PRIOR_WRITTEN_NOTICE_ELEMENTS,
  type PriorWrittenNotice,
  TEAM_ROLE_LABELS,
} from "@lantern/core";
import {
  type Block,
  bold,
  box,
  type Cell,
  type Column,
  type FigureBlock,
  field,
  h2,
  h3,
  list,
  type PdfDocumentSpec,
  p,
  type TableBlock,
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
   * default) or "es". What the team wrote stays as written, marked as English.
   */
  lang?: PdfLanguage | undefined;
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

export function studentName(doc: PlanDocument): string {
  const name = `${doc.student.firstName} ${doc.student.lastName}`.trim();
  return name || "Student";
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

export function yesNo(value: boolean | null): string {
  return value === null ? "Not decided" : value ? "Yes" : "No";
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
    p(`${studentName(doc)} · ${orNone(s.school, noSchool)}${version}`, { spaceAfter: 2 }),
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
  const name = studentName(doc);
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
// Sections shared by the IEP and the Section 504 plan

/** Student information; `more` adds rows after the language (the IEP's disability categories). */
export function studentSection(
  doc: PlanDocument,
  citation: string,
  more: readonly (readonly [string, string])[] = [],
): Block[] {
  const s = doc.student;
  const rows: (readonly [string, string])[] = [
    ["Name", studentName(doc) + (filled(s.preferredName) ? ` (goes by ${s.preferredName.trim()})` : "")],
    ["Date of birth", formatPlanDate(s.dateOfBirth)],
    ["Grade", orNone(s.grade)],
    ["School", orNone(s.school)],
    ["District", orNone(s.district)],
    ["Student number", orNone(s.localId)],
    ["Primary language", orNone(s.primaryLanguage)],
    ...more,
  ];
  const guardians = s.guardians.map(
    (g) =>
      `${orNone(g.name)}${filled(g.relationship) ? ` (${g.relationship})` : ""}${filled(g.language) ? `, language: ${g.language}` : ""}`,
  );
  return [
    ...heading("Student information", citation),
    ...rows.map(([label, value]) => fieldRow(label, value)),
    sub("Parents or guardians"),
    bullets(guardians),
  ];
}

export function meetingSection(doc: PlanDocument, citation: string): Block[] {
  const m = doc.meeting;
  const out: Block[] = [
    ...heading("Meeting and team", citation),
    fieldRow("Meeting date", formatPlanDate(m.date)),
    fieldRow("Meeting type", m.type ? m.type.replace(/-/g, " ") : NOT_RECORDED),
    fieldRow("Location", orNone(m.location)),
    fieldRow(
      "How the parent took part",
      m.parentParticipation ? m.parentParticipation.replace(/-/g, " ") : NOT_RECORDED,
    ),
  ];
  if (m.notice) {
    out.push(
      fieldRow(
        "Meeting notice",
        `sent ${formatPlanDate(m.notice.sentOn)}; purpose: ${orNone(m.notice.purpose)}${m.notice.time ? `; time ${m.notice.time}` : ""}`,
      ),
    );
  }
  out.push(sub("Team members"));
  out.push(
    grid(
      ["Name", "Role", "Title", "Attendance"],
      doc.attendees.map((a) => [
        orNone(a.name),
        TEAM_ROLE_LABELS[a.role],
        orNone(a.title, ""),
        a.attendance.replace(/-/g, " "),
      ]),
      ["*", "*", "*", 70],
    ),
  );
  const excused = doc.attendees.filter((a) => a.attendance === "excused" && a.excusal);
  if (excused.length > 0) {
    out.push(sub("Excusals (34 CFR 300.321(e))"));
    for (const a of excused) {
      const e = a.excusal;
      if (!e) continue;
      const parts = [
        e.areaModifiedOrDiscussed ? "Area discussed at the meeting" : "Area not discussed",
        e.parentWrittenAgreementDate
          ? `parent's written agreement ${formatPlanDate(e.parentWrittenAgreementDate)}`
          : "",
        e.parentWrittenConsentDate ? `parent's written consent ${formatPlanDate(e.parentWrittenConsentDate)}` : "",
        e.agencyAgreementDate ? `district agreement ${formatPlanDate(e.agencyAgreementDate)}` : "",
        e.writtenInputDate ? `written input given ${formatPlanDate(e.writtenInputDate)}` : "",
      ].filter(Boolean);
      out.push(para(`${orNone(a.name)} (${TEAM_ROLE_LABELS[a.role]}): ${parts.join("; ")}. ${e.notes}`.trim()));
    }
  }
  if (m.parentContactAttempts.length > 0) {
    out.push(sub("Efforts to involve the parent"));
    out.push(
      grid(
        ["Date", "How", "Result"],
        m.parentContactAttempts.map((c) => [formatPlanDate(c.date), c.method.replace(/-/g, " "), orNone(c.result)]),
        [90, 60, "*"],
      ),
    );
  }
  out.push(sub("Parent concerns"), para(m.parentConcerns), sub("Meeting notes"), para(m.notes));
  return out;
}

/** Only path commands, numbers, separators: anything else is not drawn (no markup from stored data reaches the PDF). */
const SVG_PATH = /^[MmLlHhVvCcSsQqTtAaZz0-9.,\s-]{1,20000}$/;

/** A drawn signature stored as an SVG path, scaled into the table cell; "Drawn" when it cannot be shown. */
function drawnSignature(drawing: string | null, name: string, how: string): Cell {
  if (!drawing || !SVG_PATH.test(drawing)) return how;
  const numbers = (drawing.match(/-?\d*\.?\d+/g) ?? []).map(Number).filter(Number.isFinite);
  const xs = numbers.filter((_, i) => i % 2 === 0);
  const ys = numbers.filter((_, i) => i % 2 === 1);
  const figure: FigureBlock = {
    kind: "figure",
    alt: `Signature drawn by ${name}`,
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
export function signaturesSection(doc: PlanDocument, citation: string): Block[] {
  const byId = new Map(doc.attendees.map((a) => [a.id, a]));
  return [
    ...heading("Signatures", citation),
    grid(
      ["Name", "Role", "Signed", "How it was given", "Meaning"],
      doc.signatures.map((s) => {
        const a = byId.get(s.attendeeId);
        const name = orNone(s.typedName, a?.name ?? s.attendeeId);
        const how = describeSignature(s, formatLongDate);
        return [
          name,
          a ? TEAM_ROLE_LABELS[a.role] : "",
          s.method === "paper" && s.paper?.signedOn
            ? formatPlanDate(s.paper.signedOn)
            : formatPlanTimestamp(s.signedAt),
          s.method === "drawn" ? drawnSignature(s.drawing, name, how) : how,
          s.meaning === "agreement" ? "Agrees with the plan" : "Attended the meeting",
        ];
      }),
      ["*", 70, 80, "*", 70],
      "No one has signed this version yet.",
    ),
  ];
}

export function safeguardsSection(doc: PlanDocument, citation: string): Block[] {
  const n = doc.safeguardsNotice;
  return [
    ...heading("Procedural safeguards", citation),
    para(
      n.givenOn
        ? `The notice of procedural safeguards (your rights) was given on ${formatPlanDate(n.givenOn)}${n.method ? ` (${n.method.replace(/-/g, " ")})` : ""}${filled(n.language) ? ` in ${n.language}` : ""}.`
        : "No procedural safeguards notice is recorded for this plan.",
    ),
  ];
}

/** The seven contents of a prior written notice (34 CFR 300.503(b)), numbered as in core. */
export function pwnBody(notice: PriorWrittenNotice | null): Block[] {
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
