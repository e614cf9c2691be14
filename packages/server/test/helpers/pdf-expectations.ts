/**
 * What every Lantern PDF must be, checked on the file itself (PDF/UA as the model): tagged, with a
 * title shown by the viewer and a document language; headings, lists and tables in the structure
 * tree (list items with a label and a body, tables with header cells that have a scope); and all
 * text either in the structure tree or page furniture (artifacts), with pdftotext still finding
 * every word.
 */
import { expect } from "vitest";
import { findAll, headings, readTaggedPdf, type StructNode, type TaggedPdf, textOf } from "./pdf-reading.ts";

/** Words: runs of letters and digits. */
export function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Only the letters and digits of a text. */
export function letters(text: string): string {
  return words(text).join("");
}

function isSubsequence(needle: string, haystack: string): boolean {
  let at = 0;
  for (const ch of needle) {
    at = haystack.indexOf(ch, at);
    if (at < 0) return false;
    at += 1;
  }
  return true;
}

export type AccessibleExpectations = {
  title?: string;
  /** The headings in reading order, as "H2 Student information" (all of them, or a prefix with `headingsStartWith`). */
  headings?: readonly string[];
  headingsStartWith?: readonly string[];
  /** Text of page furniture (footer, running header) that may appear on the page outside the structure. */
  furniture?: string;
  /** Whether DRAFT is printed on every page (default: no DRAFT anywhere). */
  draft?: boolean;
  lang?: string;
};

export function expectAccessiblePdf(bytes: Uint8Array, expected: AccessibleExpectations = {}): TaggedPdf {
  const pdf = readTaggedPdf(bytes);
  expect(pdf.tagged, "pdfinfo: Tagged").toBe(true);
  expect(pdf.lang, "catalog /Lang").toBe(expected.lang ?? "en-US");
  expect(pdf.displayDocTitle, "DisplayDocTitle").toBe(true);
  expect(pdf.title.trim(), "document title").not.toBe("");
  if (expected.title !== undefined) expect(pdf.title).toBe(expected.title);

  const [document] = pdf.root.children;
  expect(document?.type, "structure root").toBe("Document");
  const root = document as StructNode;
  const found = headings(root);
  expect(found[0], "the first heading is the document's H1").toMatch(/^H1 /);
  if (expected.headings) expect(found).toEqual(expected.headings);
  if (expected.headingsStartWith)
    expect(found.slice(0, expected.headingsStartWith.length)).toEqual(expected.headingsStartWith);

  for (const item of findAll(root, "LI")) {
    expect(
      item.children.map((c) => c.type),
      `list item "${textOf(item).slice(0, 40)}"`,
    ).toEqual(["Lbl", "LBody"]);
  }
  for (const t of findAll(root, "Table")) {
    const headers = findAll(t, "TH");
    expect(headers.length, `table "${textOf(t).slice(0, 40)}" has header cells`).toBeGreaterThan(0);
    for (const th of headers) expect(["Column", "Row"]).toContain(th.attributes.Scope);
    for (const row of findAll(t, "TR")) {
      for (const cell of row.children) expect(["TH", "TD"]).toContain(cell.type);
    }
  }
  expect(pdf.figureAlts.length, "every Figure element is in the tree").toBe(findAll(root, "Figure").length);
  for (const alt of pdf.figureAlts) expect(alt, "figure text alternative").not.toBe("");

  expect(pdf.unmarked, "drawing outside tagged content and artifacts").toEqual([]);

  // Every word of the tagged content is extracted, in order; every word extracted is tagged or
  // furniture. Compared as letters and digits only: a line may break after a hyphen or inside a
  // word too long for a table cell, and the drawing order interleaves furniture (page numbers,
  // a table header repeated on a new page).
  const tagged = letters(textOf(root));
  const drawn = letters(pdf.rawText);
  expect(isSubsequence(tagged, drawn), "the tagged text, in order, is in the text pdftotext extracts").toBe(true);
  // A Spanish document (/Lang es-…) writes its furniture in Spanish.
  const spanish = pdf.lang?.startsWith("es") ?? false;
  const draftLine = spanish
    ? "BORRADOR — sin firmar; este plan todavía puede cambiar."
    : "DRAFT — not signed; this plan can still change.";
  const furniture = new Set([
    ...words(expected.furniture ?? ""),
    ...words(expected.draft ? draftLine : ""),
    ...(spanish ? ["Página", "de"] : ["Page", "of"]),
  ]);
  const taggedWords = new Set(words(textOf(root)));
  const untagged = words(pdf.rawText).filter(
    (w) => !furniture.has(w) && !/^\d+$/.test(w) && !taggedWords.has(w) && !tagged.includes(w),
  );
  expect(untagged, "extracted words outside the structure tree").toEqual([]);

  // DRAFT is page furniture: on every page of a draft, never in the structure tree.
  expect(textOf(root)).not.toMatch(/\bDRAFT\b/);
  pdf.pageTexts.forEach((text, i) => {
    expect(text.includes(draftLine), `DRAFT on page ${i + 1}`).toBe(expected.draft === true);
    expect(text, `page number on page ${i + 1}`).toContain(
      spanish ? `Página ${i + 1} de ${pdf.pages}` : `Page ${i + 1} of ${pdf.pages}`,
    );
  });
  return pdf;
}
