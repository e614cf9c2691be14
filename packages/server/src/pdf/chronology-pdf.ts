/**
 * The case chronology as a tagged PDF: the kind of exhibit a family or advocate brings to a
 * resolution meeting. One table, oldest first — date, kind, who, what happened and the rule it
 * concerns — then the rules cited, and a note that it is general information, not legal advice.
 */
import { CHRONOLOGY_KIND_LABELS, type Chronology, formatLongDate, formatShortDate } from "@lantern/core";
import { bold, type Cell, h1, h2, list, type PdfDocumentSpec, p, table } from "./pdf-model.ts";
import { renderPdfDocument } from "./pdf-render.ts";

export function chronologyPdfDocument(c: Chronology): PdfDocumentSpec {
  const title = `Case chronology — ${c.studentName}`;
  const range =
    c.from || c.to
      ? ` Entries ${c.from ? `from ${formatLongDate(c.from)} ` : ""}${c.to ? `through ${formatLongDate(c.to)}` : "to date"}.`
      : "";
  const kinds =
    c.kinds.length === Object.keys(CHRONOLOGY_KIND_LABELS).length
      ? "All kinds of entries."
      : `Only: ${c.kinds.map((k) => CHRONOLOGY_KIND_LABELS[k]).join(", ")}.`;
  const rows: Cell[][] = c.entries.map((e) => [
    formatShortDate(e.date),
    CHRONOLOGY_KIND_LABELS[e.kind],
    e.who,
    e.outcome === "missed" ? [bold("Missed. "), e.what] : e.what,
    e.rule ?? "",
  ]);
  const citations = [...new Set(c.entries.flatMap((e) => (e.rule ? e.rule.split("; ") : [])))].sort();
  return {
    title,
    subject: "Case chronology",
    margins: [48, 54, 48, 54],
    fontSize: 9,
    footer: title,
    body: [
      h1("Case chronology", { size: 16, spaceAfter: 6 }),
      p(`${c.studentName}. Prepared ${formatLongDate(c.today)}.${range} ${kinds}`),
      p(
        "Each entry gives its date, who acted, what happened and the rule it concerns. Deadlines say whether they were met and by how many days they were missed; missed services say how many minutes were not made up.",
        { spaceAfter: 8 },
      ),
      c.entries.length > 0
        ? table(
            [
              { header: "Date", width: 62 },
              { header: "Kind", width: 70 },
              { header: "Who", width: 80 },
              { header: "What happened", width: "*" },
              { header: "Rule", width: 90 },
            ],
            rows,
          )
        : p("No entries match."),
      h2("Rules cited", { size: 12 }),
      citations.length > 0 ? list(citations) : p("None."),
      p(
        "General information, not legal advice. Lantern builds this chronology from the records it holds; check each entry against the documents in the record.",
        { size: 8, color: "#444444", spaceBefore: 12 },
      ),
    ],
  };
}

export async function renderChronologyPdf(c: Chronology): Promise<Buffer> {
  return (await renderPdfDocument(chronologyPdfDocument(c))).pdf;
}
