/**
 * The tagged-PDF renderer on its own: each block of the model becomes the structure element it
 * stands for, page furniture is an artifact, long tables continue on the next page with their
 * header repeated (as an artifact, so it is read once), and the embedded font carries Spanish.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { expectAccessiblePdf } from "../../test/helpers/pdf-expectations.ts";
import { findAll, headings, type StructNode, textOf } from "../../test/helpers/pdf-reading.ts";
import {
  bold,
  box,
  fields,
  h1,
  h2,
  h3,
  keepTogether,
  list,
  type PdfDocumentSpec,
  p,
  pageBreak,
  table,
} from "./pdf-model.ts";
import { renderPdfDocument } from "./pdf-render.ts";

const dir = mkdtempSync(join(tmpdir(), "lantern-pdf-render-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const documentOf = (pdf: { root: StructNode }) => pdf.root.children[0] as StructNode;
const render = async (spec: PdfDocumentSpec) => (await renderPdfDocument(spec)).pdf;

describe("tagged PDF renderer", () => {
  it("tags every kind of block, in reading order", async () => {
    const bytes = await render({
      title: "Every block",
      footer: "Example footer",
      body: [
        h1("Every block"),
        p(["A paragraph with ", bold("bold"), " words."]),
        box([p("Inside a box.")]),
        h2("Fields"),
        fields([
          ["Name", "Ana Example-Demo"],
          ["Grade", "4"],
        ]),
        h3("Lists"),
        list(["First item", "Second item"]),
        list(["One", "Two"], { ordered: true }),
        h2("Tables"),
        table(
          [
            { header: "Service", width: "*" },
            { header: "Minutes", width: 80 },
          ],
          [
            ["Speech", "60"],
            ["Counseling", "30"],
          ],
        ),
        table(
          [
            { header: "", width: 90 },
            { header: "", width: "*" },
          ],
          [["Baseline", "12 words"]],
          { rowHeaders: true },
        ),
        pageBreak(),
        p("On the second page."),
      ],
    });
    const pdf = expectAccessiblePdf(bytes, { title: "Every block", furniture: "Example footer" });
    const doc = documentOf(pdf);
    expect(doc.children.map((n) => n.type)).toEqual([
      "H1",
      "P",
      "Div",
      "H2",
      "P",
      "P",
      "H3",
      "L",
      "L",
      "H2",
      "Table",
      "Table",
      "P",
    ]);
    expect(textOf(doc.children[1] as StructNode)).toBe("A paragraph with bold words.");
    expect(findAll(doc, "P").map(textOf)).toContain("Name: Ana Example-Demo");
    const [bullets, numbers] = findAll(doc, "L");
    expect(bullets?.attributes.ListNumbering).toBe("Disc");
    expect(numbers?.attributes.ListNumbering).toBe("Decimal");
    expect(findAll(numbers as StructNode, "Lbl").map(textOf)).toEqual(["1.", "2."]);
    const [columnTable, rowTable] = findAll(doc, "Table") as [StructNode, StructNode];
    expect(findAll(columnTable, "THead").flatMap((h) => findAll(h, "TH").map((th) => th.attributes.Scope))).toEqual([
      "Column",
      "Column",
    ]);
    expect(findAll(columnTable, "TBody").flatMap((b) => findAll(b, "TD").map(textOf))).toEqual([
      "Speech",
      "60",
      "Counseling",
      "30",
    ]);
    expect(findAll(rowTable, "THead")).toEqual([]);
    expect(findAll(rowTable, "TH").map((th) => [textOf(th), th.attributes.Scope])).toEqual([["Baseline", "Row"]]);
    expect(pdf.pages).toBe(2);
    expect(pdf.pageTexts[1]).toContain("On the second page.");
  });

  it("continues a long table on the next pages, its header repeated as an artifact, and splits a row taller than a page", async () => {
    const tall = Array.from({ length: 120 }, (_, i) => `Line ${i + 1} of a very long cell.`).join("\n");
    const bytes = await render({
      title: "Long table",
      body: [
        h1("Long table"),
        table(
          [
            { header: "Row", width: 60 },
            { header: "Text", width: "*" },
          ],
          [...Array.from({ length: 50 }, (_, i) => [`R${i + 1}`, `Short text for row ${i + 1}.`]), ["Tall", tall]],
        ),
      ],
    });
    const pdf = expectAccessiblePdf(bytes);
    expect(pdf.pages).toBeGreaterThanOrEqual(4);
    // The header is on every page, but in the structure once.
    expect(pdf.pageTexts[0]).toMatch(/^Long table Row Text /);
    for (const page of pdf.pageTexts.slice(1)) expect(page).toMatch(/^Row Text /);
    const tables = findAll(documentOf(pdf), "Table");
    expect(tables).toHaveLength(1);
    expect(findAll(tables[0] as StructNode, "TH")).toHaveLength(2);
    expect(findAll(tables[0] as StructNode, "TR")).toHaveLength(52);
    // The tall cell is one TD whose text runs over pages, every line kept.
    const cell = findAll(tables[0] as StructNode, "TD").at(-1) as StructNode;
    expect(textOf(cell)).toBe(tall.replace(/\n/g, " "));
  });

  it("keeps a heading with what follows it, and blocks marked keep-together on one page", async () => {
    const filler = Array.from({ length: 45 }, (_, i) => p(`Filler paragraph ${i + 1}.`));
    const bytes = await render({
      title: "Keeping",
      body: [
        h1("Keeping"),
        ...filler,
        h2("A heading near the bottom"),
        p("Its first paragraph."),
        keepTogether(p("Kept one."), p("Kept two."), p("Kept three."), p("Kept four.")),
      ],
    });
    const pdf = expectAccessiblePdf(bytes);
    const pageOf = (text: string) => pdf.pageTexts.findIndex((t) => t.includes(text));
    expect(pageOf("A heading near the bottom")).toBe(pageOf("Its first paragraph."));
    expect(pageOf("Kept one.")).toBe(pageOf("Kept four."));
  });

  it("embeds its font, prints Spanish, and keeps words apart where lines break", async () => {
    const spanish = "¿Cómo está Iñaki? ¡Muy bien! El niño lee en español con acción y pingüinos; año, señora, útil.";
    const bytes = await render({
      title: "Español",
      lang: "es-US",
      body: [h1("Aviso"), p(Array.from({ length: 4 }, () => spanish).join(" ")), p("Línea uno\nLínea dos")],
    });
    const pdf = expectAccessiblePdf(bytes, { lang: "es-US" });
    expect(pdf.text).toContain(spanish);
    expect(findAll(documentOf(pdf), "P").map(textOf)).toContain("Línea uno Línea dos");
    const file = join(dir, "spanish.pdf");
    writeFileSync(file, bytes);
    const fonts = execFileSync("pdffonts", [file], { encoding: "utf8" }).split("\n").slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font).toMatch(/AtkinsonHyperlegible/);
      expect(font.split(/\s+/).slice(-5, -2), font).toEqual(["yes", "yes", "yes"]); // embedded, subset, unicode map
    }
  });

  it("prints DRAFT on every page as an artifact", async () => {
    const bytes = await render({
      title: "Draft",
      draft: true,
      body: [h1("Draft"), ...Array.from({ length: 80 }, (_, i) => p(`Paragraph ${i + 1}.`))],
    });
    const pdf = expectAccessiblePdf(bytes, { draft: true });
    expect(pdf.pages).toBeGreaterThan(1);
    expect(headings(documentOf(pdf))).toEqual(["H1 Draft"]);
  });
});
