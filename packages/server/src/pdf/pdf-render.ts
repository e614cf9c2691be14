/**
 * Lays out a document of the model in `pdf-model.ts` on US Letter pages and writes it as a tagged
 * PDF with pdfkit (decision 0007):
 * - a structure tree in reading order: Document › H1–H3, P, L › LI › Lbl + LBody,
 *   Table › THead/TBody › TR › TH (column or row scope) / TD, Figure (with its text alternative), Div;
 * - everything that is not content is an artifact: table rules and shading, box backgrounds, the
 *   header and footer with "Page N of M", a table's header row repeated on a new page, the DRAFT mark;
 * - the document's language (/Lang) and title (shown by the viewer: DisplayDocTitle);
 * - the embedded Atkinson Hyperlegible font, with a space kept at the end of every wrapped line so
 *   text extracted from the PDF keeps its words apart.
 * Line breaking is done here (greedy, at spaces and after hyphens), so every block can be measured
 * before it is drawn: headings stay with what follows them, rows of a table are not split unless a
 * row is taller than a page, and blocks marked "keep together" move to the next page whole.
 */
import PDFDocument from "pdfkit";
import { embeddedFonts, FONT_ASCENT, FONT_DESCENT, type FontStyle, printable } from "./embedded-font.ts";
import type {
  Block,
  Cell,
  CellPiece,
  FieldsBlock,
  FigureBlock,
  HeadingBlock,
  Inline,
  ListBlock,
  ParagraphBlock,
  PdfDocumentSpec,
  Run,
  TableBlock,
  TextStyle,
} from "./pdf-model.ts";

type Doc = PDFKit.PDFDocument;
type StructElem = PDFKit.PDFStructureElement;

const PAGE_WIDTH = 612;
const PAGE_HEIGHT = 792;
const LINE_HEIGHT = 1.25;
const TEXT_COLOR = "#000000";
const DEFAULT_MARGINS = [54, 54, 54, 60] as const;

export type RenderedPdf = { pdf: Buffer; pages: number };

const FONT_STYLES: readonly FontStyle[] = ["regular", "bold", "italic", "boldItalic"];

/**
 * pdfkit shapes each word with the font's OpenType tables once per document and keeps the result in
 * the document's font; the fonts are the same in every document, so the shapes are kept for the
 * process (bounded). This reaches into pdfkit (pinned to 0.20.2): when its font has no such cache
 * the document simply keeps its own.
 */
const sharedLayouts: Record<FontStyle, { runs: Record<string, unknown>; size: number }> = {
  regular: { runs: Object.create(null), size: 0 },
  bold: { runs: Object.create(null), size: 0 },
  italic: { runs: Object.create(null), size: 0 },
  boldItalic: { runs: Object.create(null), size: 0 },
};
const SHARED_LAYOUT_LIMIT = 40_000;

let documentsSinceCount = 0;

function shareLayoutCache(doc: Doc, style: FontStyle): void {
  const shared = sharedLayouts[style];
  if (style === "regular") documentsSinceCount += 1;
  if (documentsSinceCount >= 20) {
    if (style === "boldItalic") documentsSinceCount = 0;
    shared.size = Object.keys(shared.runs).length;
    if (shared.size > SHARED_LAYOUT_LIMIT) {
      shared.runs = Object.create(null);
      shared.size = 0;
    }
  }
  const font = (doc.font(style) as unknown as { _font?: { layoutCache?: unknown } })._font;
  if (font && typeof font.layoutCache === "object" && font.layoutCache !== null) font.layoutCache = shared.runs;
}

// ---------------------------------------------------------------------------------------------
// Text layout

type ResolvedStyle = { size: number; color: string; bold: boolean; italic: boolean };
type Segment = { text: string; font: FontStyle; size: number; color: string; x: number };
type Line = {
  segments: Segment[];
  width: number;
  height: number;
  ascent: number;
  /** The line ends inside a word too long for it (the word goes on without a space). */
  midWord?: boolean;
};

const fontOf = (bold: boolean, italic: boolean): FontStyle =>
  bold ? (italic ? "boldItalic" : "bold") : italic ? "italic" : "regular";

function runsOf(inline: Inline): Run[] {
  if (typeof inline === "string") return [{ text: inline }];
  if (Array.isArray(inline))
    return (inline as readonly (string | Run)[]).map((r) => (typeof r === "string" ? { text: r } : r));
  return [inline as Run];
}

/** Widths of strings at 1 pt, by font; the fonts never change, so this outlives a render. */
const widthCache: Record<FontStyle, Map<string, number>> = {
  regular: new Map(),
  bold: new Map(),
  italic: new Map(),
  boldItalic: new Map(),
};
const WIDTH_CACHE_LIMIT = 100_000;

const TOKEN = /\n|[ ]+|[^ \n-]+-*|-+/g;

class TextMeasure {
  constructor(private readonly doc: Doc) {}

  width(font: FontStyle, text: string, size: number): number {
    const cache = widthCache[font];
    let w = cache.get(text);
    if (w === undefined) {
      w = this.doc.font(font).fontSize(1000).widthOfString(text) / 1000;
      if (cache.size >= WIDTH_CACHE_LIMIT) cache.clear();
      cache.set(text, w);
    }
    return w * size;
  }

  /** Break text into lines no wider than `maxWidth`. */
  lines(inline: Inline, maxWidth: number, style: ResolvedStyle, align: TextStyle["align"] = "left"): Line[] {
    type Token = { text: string; font: FontStyle; size: number; color: string; width: number };
    const lines: Line[] = [];
    let current: Token[] = [];
    let currentWidth = 0;
    let pendingSpace: Token | null = null;
    const push = (trailing: Token | null, midWord = false) => {
      const tokens = trailing ? [...current, { ...trailing, width: 0 }] : current;
      const line = this.toLine(tokens, currentWidth, style.size, maxWidth, align);
      if (midWord) line.midWord = true;
      lines.push(line);
      current = [];
      currentWidth = 0;
      pendingSpace = null;
    };
    const size = style.size;
    const color = style.color;
    const token = (font: FontStyle, text: string, width: number): Token => ({ text, font, size, color, width });
    for (const run of runsOf(inline)) {
      const font = fontOf(run.bold ?? style.bold, run.italic ?? style.italic);
      const text = printable(run.text);
      const spaceWidth = this.width(font, " ", size);
      TOKEN.lastIndex = 0;
      for (let match = TOKEN.exec(text); match !== null; match = TOKEN.exec(text)) {
        const piece = match[0];
        if (piece === "\n") {
          push(null);
          continue;
        }
        if (piece.charCodeAt(0) === 32) {
          if (current.length > 0) pendingSpace = token(font, " ", spaceWidth);
          continue;
        }
        const width = this.width(font, piece, size);
        if (current.length > 0 && currentWidth + (pendingSpace?.width ?? 0) + width > maxWidth) push(pendingSpace);
        if (current.length === 0 && width > maxWidth) {
          // A word longer than the line: break it between characters.
          let chunk = "";
          for (const ch of piece) {
            if (chunk !== "" && this.width(font, chunk + ch, size) > maxWidth) {
              current = [token(font, chunk, this.width(font, chunk, size))];
              currentWidth = current[0]?.width ?? 0;
              push(null, true);
              chunk = "";
            }
            chunk += ch;
          }
          current = [token(font, chunk, this.width(font, chunk, size))];
          currentWidth = current[0]?.width ?? 0;
          continue;
        }
        if (pendingSpace && current.length > 0) {
          current.push(pendingSpace);
          currentWidth += pendingSpace.width;
        }
        pendingSpace = null;
        current.push(token(font, piece, width));
        currentWidth += width;
      }
    }
    if (current.length > 0) push(null);
    // Keep words apart where a line ends at a line break, as a wrapped line keeps its space: text
    // read from the page (or its tags) must not run the last word of a line into the next.
    for (const line of lines.slice(0, -1)) {
      const last = line.segments.at(-1);
      if (last && !line.midWord && !/[ -]$/.test(last.text)) last.text += " ";
    }
    return lines;
  }

  private toLine(
    tokens: readonly { text: string; font: FontStyle; size: number; color: string; width: number }[],
    width: number,
    size: number,
    maxWidth: number,
    align: TextStyle["align"],
  ): Line {
    const segments: Segment[] = [];
    let x = align === "right" ? maxWidth - width : align === "center" ? (maxWidth - width) / 2 : 0;
    let maxSize = tokens.length === 0 ? size : 0;
    for (const t of tokens) {
      maxSize = Math.max(maxSize, t.size);
      const last = segments.at(-1);
      if (last && last.font === t.font && last.size === t.size && last.color === t.color) last.text += t.text;
      else segments.push({ text: t.text, font: t.font, size: t.size, color: t.color, x });
      x += t.width;
    }
    return { segments, width, height: maxSize * LINE_HEIGHT, ascent: maxSize * FONT_ASCENT };
  }
}

// ---------------------------------------------------------------------------------------------
// Block styles

const HEADING_STYLES: Record<1 | 2 | 3, Required<Pick<TextStyle, "size" | "spaceBefore" | "spaceAfter">> & TextStyle> =
  {
    1: { size: 17, bold: true, spaceBefore: 0, spaceAfter: 2 },
    2: { size: 13, bold: true, color: "#1d3557", spaceBefore: 14, spaceAfter: 1 },
    3: { size: 11, bold: true, spaceBefore: 8, spaceAfter: 3 },
  };

type Table = TableBlock;
type CellItem =
  | { kind: "line"; line: Line; x: number; height: number; lang?: string }
  | { kind: "figure"; figure: FigureBlock; x: number; height: number };
type LaidCell = { items: CellItem[]; header: "column" | "row" | null; lang?: string };
type LaidRow = { cells: LaidCell[]; height: number };

const CELL_PADDING = { x: 4, top: 3, bottom: 3 };
/** One number for a set of column widths, to remember a row's layout by. */
const widthsKey = (widths: readonly number[]) => widths.reduce((k, w) => k * 1.000_31 + w, widths.length);
const LIST_INDENT = 14;
const BOX_PADDING = 6;

// ---------------------------------------------------------------------------------------------
// The renderer

class Renderer {
  readonly doc: Doc;
  private readonly text: TextMeasure;
  readonly left: number;
  private readonly top: number;
  private readonly bottom: number;
  readonly width: number;
  private readonly base: ResolvedStyle;
  y: number;

  constructor(private readonly spec: PdfDocumentSpec) {
    const [left, top, right, bottom] = spec.margins ?? DEFAULT_MARGINS;
    this.left = left;
    this.top = top;
    this.bottom = PAGE_HEIGHT - bottom;
    this.width = PAGE_WIDTH - left - right;
    this.y = top;
    this.base = { size: spec.fontSize ?? 10, color: TEXT_COLOR, bold: false, italic: false };
    this.doc = new PDFDocument({
      size: "LETTER",
      margins: { left, top, right, bottom },
      bufferPages: true,
      tagged: true,
      lang: spec.lang ?? "en-US",
      displayTitle: true,
      pdfVersion: "1.7",
      // No default font: only the embedded fonts are used.
      font: null as unknown as string,
      info: { Title: spec.title, ...(spec.subject ? { Subject: spec.subject } : {}), Creator: "Lantern" },
    });
    const fonts = embeddedFonts();
    for (const style of FONT_STYLES) {
      // pdfkit takes a parsed font (typed as a file): parsing happens once per process, not per document.
      this.doc.registerFont(style, fonts[style] as unknown as Buffer);
      shareLayoutCache(this.doc, style);
    }
    this.text = new TextMeasure(this.doc);
  }

  get pageHeight(): number {
    return this.bottom - this.top;
  }

  private atTop(): boolean {
    return this.y <= this.top + 0.01;
  }

  newPage(): void {
    this.doc.addPage();
    this.y = this.top;
  }

  private style(style: TextStyle | undefined, defaults: TextStyle = {}): ResolvedStyle {
    return {
      size: style?.size ?? defaults.size ?? this.base.size,
      color: style?.color ?? defaults.color ?? this.base.color,
      bold: style?.bold ?? defaults.bold ?? false,
      italic: style?.italic ?? defaults.italic ?? false,
    };
  }

  private struct(parent: StructElem, type: string, options: Record<string, unknown> = {}): StructElem {
    const elem = this.doc.struct(type, options as Parameters<Doc["struct"]>[1]);
    parent.add(elem);
    return elem;
  }

  /** Draw something that is not content (rules, shading, page furniture). */
  private artifact(draw: () => void, type: "Layout" | "Pagination" = "Layout"): void {
    this.doc.markContent("Artifact", { type });
    draw();
    this.doc.endMarkedContent();
  }

  private drawLine(line: Line, x: number, top: number): void {
    const baseline = top + (line.height - line.ascent - FONT_DESCENT * (line.ascent / FONT_ASCENT)) / 2 + line.ascent;
    for (const s of line.segments) {
      this.doc
        .font(s.font)
        .fontSize(s.size)
        .fillColor(s.color)
        .text(s.text, x + s.x, baseline, { lineBreak: false, baseline: "alphabetic" });
    }
  }

  /** Draw lines as the content of `elem`, moving to a new page between lines when needed. */
  private flowLines(lines: readonly Line[], elem: StructElem, x: number): void {
    let i = 0;
    while (i < lines.length) {
      const first = lines[i] as Line;
      if (this.y + first.height > this.bottom && !this.atTop()) this.newPage();
      let j = i;
      let height = 0;
      while (j < lines.length) {
        const h = (lines[j] as Line).height;
        if (j > i && this.y + height + h > this.bottom) break;
        height += h;
        j += 1;
      }
      const chunk = lines.slice(i, j);
      const top = this.y;
      elem.add(() => {
        let y = top;
        for (const line of chunk) {
          this.drawLine(line, x, y);
          y += line.height;
        }
      });
      this.y += height;
      i = j;
      if (i < lines.length) this.newPage();
    }
  }

  // -------------------------------------------------------------------------------------------
  // Measuring

  /** Layouts are measured before they are drawn: each is computed once per block and width. */
  private readonly memo = new WeakMap<object, Map<number, unknown>>();
  private memoized<T>(key: object, width: number, make: () => T): T {
    let byWidth = this.memo.get(key);
    if (!byWidth) {
      byWidth = new Map();
      this.memo.set(key, byWidth);
    }
    if (byWidth.has(width)) return byWidth.get(width) as T;
    const value = make();
    byWidth.set(width, value);
    return value;
  }

  private headingLines(b: HeadingBlock, width: number): Line[] {
    return this.memoized(b, width, () =>
      this.text.lines(b.text, width, this.style(b.style, HEADING_STYLES[b.level]), b.style?.align),
    );
  }

  private paragraphLines(b: ParagraphBlock, width: number): Line[] {
    return this.memoized(b, width, () => this.text.lines(b.text, width, this.style(b.style), b.style?.align));
  }

  private fieldLines(b: FieldsBlock, width: number): Line[][] {
    return this.memoized(b, width, () =>
      b.rows.map(([label, value]) =>
        this.text.lines([{ text: `${label}: `, bold: true }, ...runsOf(value)], width, this.style(b.style)),
      ),
    );
  }

  private listLines(b: ListBlock, width: number): Line[][] {
    return this.memoized(b, width, () =>
      b.items.map((item) => this.text.lines(item, width - LIST_INDENT, this.style(b.style))),
    );
  }

  private spaceBefore(b: Block): number {
    switch (b.kind) {
      case "heading":
        return b.style?.spaceBefore ?? HEADING_STYLES[b.level].spaceBefore;
      case "table":
        return b.style?.spaceBefore ?? 2;
      case "paragraph":
      case "list":
      case "fields":
      case "box":
        return b.style?.spaceBefore ?? 0;
      default:
        return 0;
    }
  }

  private spaceAfter(b: Block): number {
    switch (b.kind) {
      case "heading":
        return b.style?.spaceAfter ?? HEADING_STYLES[b.level].spaceAfter;
      case "paragraph":
        return b.style?.spaceAfter ?? 5;
      case "fields":
        return b.style?.spaceAfter ?? 3;
      case "list":
        return b.style?.spaceAfter ?? 6;
      case "table":
        return b.style?.spaceAfter ?? 8;
      case "box":
        return b.style?.spaceAfter ?? 10;
      default:
        return 0;
    }
  }

  private sum(lines: readonly Line[]): number {
    return lines.reduce((h, l) => h + l.height, 0);
  }

  /** Height of a block laid out at `width`, as if it had a page to itself. */
  height(b: Block, width: number): number {
    const around = this.spaceBefore(b) + this.spaceAfter(b);
    switch (b.kind) {
      case "heading":
        return around + this.sum(this.headingLines(b, width));
      case "paragraph":
        return around + this.sum(this.paragraphLines(b, width));
      case "fields":
        return around + this.fieldLines(b, width).reduce((h, ls) => h + this.sum(ls), 0) + 3 * (b.rows.length - 1);
      case "list":
        return around + this.listLines(b, width).reduce((h, ls) => h + this.sum(ls) + 1, 0);
      case "table": {
        const widths = this.columnWidths(b, width);
        const header = this.headerRow(b, widths);
        return around + (header?.height ?? 0) + b.rows.reduce((h, r) => h + this.layoutRow(b, r, widths).height, 0);
      }
      case "figure":
        return b.height;
      case "box":
        return around + 2 * BOX_PADDING + this.heightOfAll(b.blocks, width - 2 * BOX_PADDING);
      case "keepTogether":
        return this.heightOfAll(b.blocks, width);
      case "pageBreak":
        return 0;
    }
  }

  private heightOfAll(blocks: readonly Block[], width: number): number {
    return blocks.reduce((h, b) => h + this.height(b, width), 0);
  }

  /** The least room a block needs at the bottom of a page: its first line, row or item. */
  private minHeight(blocks: readonly Block[], index: number, width: number): number {
    const b = blocks[index];
    if (!b) return 0;
    const before = this.spaceBefore(b);
    switch (b.kind) {
      case "heading":
        return this.height(b, width) + this.minHeight(blocks, index + 1, width);
      case "paragraph": {
        const first = this.paragraphLines(b, width)[0]?.height ?? 0;
        return b.keepWithNext
          ? this.height(b, width) + this.minHeight(blocks, index + 1, width)
          : before + first * Math.min(2, this.paragraphLines(b, width).length);
      }
      case "fields":
        return before + (this.fieldLines(b, width)[0]?.[0]?.height ?? 0);
      case "list":
        return before + (this.listLines(b, width)[0]?.[0]?.height ?? 0);
      case "table": {
        const widths = this.columnWidths(b, width);
        const first = b.rows[0];
        return (
          before + (this.headerRow(b, widths)?.height ?? 0) + (first ? this.layoutRow(b, first, widths).height : 0)
        );
      }
      case "box":
      case "keepTogether":
      case "figure":
        return this.height(b, width);
      case "pageBreak":
        return 0;
    }
  }

  // -------------------------------------------------------------------------------------------
  // Drawing blocks

  renderAll(blocks: readonly Block[], parent: StructElem, x: number, width: number): void {
    blocks.forEach((b, i) => {
      const sticky = b.kind === "heading" || (b.kind === "paragraph" && b.keepWithNext === true);
      if (sticky && !this.atTop()) {
        const need = this.height(b, width) + this.minHeight(blocks, i + 1, width);
        if (need <= this.pageHeight && this.y + need > this.bottom) this.newPage();
      }
      this.render(b, parent, x, width);
    });
  }

  private gap(space: number): void {
    if (!this.atTop()) this.y = Math.min(this.y + space, this.bottom);
  }

  render(b: Block, parent: StructElem, x: number, width: number): void {
    switch (b.kind) {
      case "heading": {
        const lines = this.headingLines(b, width);
        if (this.y + this.spaceBefore(b) + this.sum(lines) > this.bottom) this.newPage();
        this.gap(this.spaceBefore(b));
        this.flowLines(lines, this.struct(parent, `H${b.level}`), x);
        this.y += this.spaceAfter(b);
        return;
      }
      case "paragraph": {
        const lines = this.paragraphLines(b, width);
        if (lines.length === 0) return;
        this.gap(this.spaceBefore(b));
        this.flowLines(lines, this.struct(parent, "P", b.lang ? { lang: b.lang } : {}), x);
        this.y += this.spaceAfter(b);
        return;
      }
      case "fields": {
        this.gap(this.spaceBefore(b));
        this.fieldLines(b, width).forEach((lines, i) => {
          if (i > 0) this.y += 3;
          this.flowLines(lines, this.struct(parent, "P"), x);
        });
        this.y += this.spaceAfter(b);
        return;
      }
      case "list":
        this.renderList(b, parent, x, width);
        return;
      case "table":
        this.renderTable(b, parent, x, width);
        return;
      case "figure": {
        if (this.y + b.height > this.bottom && !this.atTop()) this.newPage();
        this.renderFigure(b, parent, x, this.y);
        this.y += b.height;
        return;
      }
      case "box": {
        const inner = width - 2 * BOX_PADDING;
        const height = 2 * BOX_PADDING + this.heightOfAll(b.blocks, inner);
        if (height <= this.pageHeight && this.y + height > this.bottom) this.newPage();
        this.gap(this.spaceBefore(b));
        const top = this.y;
        if (height <= this.bottom - top) {
          this.artifact(() => {
            this.doc
              .rect(x, top, width, height)
              .fill(b.fill ?? "#f3f6f9")
              .rect(x, top, width, height)
              .lineWidth(0.75)
              .stroke("#9aa5b1");
          });
        }
        this.y += BOX_PADDING;
        this.renderAll(b.blocks, this.struct(parent, "Div"), x + BOX_PADDING, inner);
        this.y = Math.max(this.y, top + height);
        this.y += this.spaceAfter(b);
        return;
      }
      case "keepTogether": {
        const height = this.heightOfAll(b.blocks, width);
        if (height <= this.pageHeight && this.y + height > this.bottom) this.newPage();
        this.renderAll(b.blocks, parent, x, width);
        return;
      }
      case "pageBreak":
        if (!this.atTop()) this.newPage();
        return;
    }
  }

  private renderList(b: ListBlock, parent: StructElem, x: number, width: number): void {
    this.gap(this.spaceBefore(b));
    const list = this.struct(parent, "L", b.lang ? { lang: b.lang } : {});
    // The list attribute tells assistive technology how the items are numbered.
    (list as unknown as { dictionary: { data: Record<string, unknown> } }).dictionary.data.A = {
      O: "List",
      ListNumbering: b.ordered ? "Decimal" : "Disc",
    };
    const style = this.style(b.style);
    this.listLines(b, width).forEach((lines, i) => {
      const first = lines[0];
      if (!first) return;
      if (this.y + first.height > this.bottom) this.newPage();
      const itemLang = b.itemLangs?.[i];
      const item = this.struct(list, "LI", itemLang ? { lang: itemLang } : {});
      const label = this.text.lines(b.ordered ? `${i + 1}.` : "•", LIST_INDENT, style)[0];
      const top = this.y;
      if (label) {
        const lbl = this.struct(item, "Lbl");
        lbl.add(() => this.drawLine({ ...label, height: first.height, ascent: first.ascent }, x + 2, top));
        lbl.end();
      }
      const body = this.struct(item, "LBody");
      this.flowLines(lines, body, x + LIST_INDENT);
      body.end();
      item.end();
      this.y += 1;
    });
    list.end();
    this.y += this.spaceAfter(b);
  }

  private renderFigure(f: FigureBlock, parent: StructElem, x: number, y: number): void {
    const figure = this.struct(parent, "Figure", {
      alt: f.alt,
      bbox: [x, y, x + f.width, y + f.height],
      placement: "Block",
    });
    const scale = Math.min(f.width / f.viewBox[0], f.height / f.viewBox[1]);
    figure.add(() => {
      this.doc.save().translate(x, y).scale(scale).path(f.path).lineWidth(2).strokeColor("#000000").stroke().restore();
    });
    figure.end();
  }

  // -------------------------------------------------------------------------------------------
  // Tables

  private columnWidths(b: Table, width: number): number[] {
    const count = Math.max(b.columns.length, ...b.rows.map((r) => r.length));
    const specs = Array.from({ length: count }, (_, i) => b.columns[i]?.width ?? "*");
    const fixed = specs.reduce<number>((s, w) => s + (w === "*" ? 0 : w), 0);
    const stars = specs.filter((w) => w === "*").length;
    const starMin = 40;
    const scale = fixed + stars * starMin > width ? (width - stars * starMin) / fixed : 1;
    const star = stars > 0 ? (width - fixed * scale) / stars : 0;
    return specs.map((w) => (w === "*" ? star : w * scale));
  }

  private cellStyle(b: Table, header: boolean): ResolvedStyle {
    return { ...this.base, size: b.style?.size ?? 9, bold: header };
  }

  private layoutCell(b: Table, cell: Cell, width: number, header: LaidCell["header"]): LaidCell {
    const inner = width - 2 * CELL_PADDING.x;
    const style = this.cellStyle(b, header !== null);
    const items: CellItem[] = [];
    const lang = typeof cell === "object" && cell !== null && "stack" in cell ? cell.lang : undefined;
    const parts =
      typeof cell === "object" && cell !== null && "stack" in cell
        ? cell.stack
        : ([cell] as readonly (Inline | CellPiece | FigureBlock)[]);
    for (const part of parts) {
      if (typeof part === "object" && part !== null && "kind" in part && part.kind === "figure") {
        items.push({ kind: "figure", figure: part, x: CELL_PADDING.x, height: part.height + 2 });
        continue;
      }
      const isStyled =
        typeof part === "object" &&
        part !== null &&
        !Array.isArray(part) &&
        "text" in part &&
        ("style" in part || "lang" in part);
      const text = isStyled ? (part as CellPiece).text : (part as Inline);
      const partStyle = isStyled ? (part as CellPiece).style : undefined;
      const partLang = isStyled ? (part as CellPiece).lang : undefined;
      const resolved = partStyle
        ? {
            ...style,
            size: partStyle.size ?? style.size,
            bold: partStyle.bold ?? style.bold,
            italic: partStyle.italic ?? style.italic,
            color: partStyle.color ?? style.color,
          }
        : style;
      const lines = this.text.lines(text, inner, resolved, partStyle?.align);
      // Pieces of a cell are read one after the other: keep a space between them.
      const last = lines.at(-1)?.segments.at(-1);
      if (last && part !== parts.at(-1) && !last.text.endsWith(" ")) last.text += " ";
      for (const line of lines)
        items.push({
          kind: "line",
          line,
          x: CELL_PADDING.x,
          height: line.height,
          ...(partLang ? { lang: partLang } : {}),
        });
    }
    return lang ? { items, header, lang } : { items, header };
  }

  private headerRow(b: Table, widths: readonly number[]): LaidRow | null {
    const show = b.showHeader ?? b.columns.some((c) => c.header.trim() !== "");
    if (!show) return null;
    return this.memoized(b.columns, widthsKey(widths), () =>
      this.rowFrom(widths.map((w, i) => this.layoutCell(b, b.columns[i]?.header ?? "", w, "column"))),
    );
  }

  private layoutRow(b: Table, row: readonly Cell[], widths: readonly number[]): LaidRow {
    return this.memoized(row, widthsKey(widths), () =>
      this.rowFrom(widths.map((w, i) => this.layoutCell(b, row[i] ?? "", w, b.rowHeaders && i === 0 ? "row" : null))),
    );
  }

  private rowFrom(cells: LaidCell[]): LaidRow {
    const content = Math.max(0, ...cells.map((c) => c.items.reduce((h, it) => h + it.height, 0)));
    return { cells, height: content + CELL_PADDING.top + CELL_PADDING.bottom };
  }

  private drawRules(b: Table, widths: readonly number[], x: number, top: number, height: number, header: boolean) {
    const lines = b.style?.lines ?? "grid";
    const total = widths.reduce((s, w) => s + w, 0);
    this.artifact(() => {
      const doc = this.doc;
      if (lines === "grid") {
        if (header) doc.rect(x, top, total, height).fill("#e8eef5");
        doc.lineWidth(0.75).strokeColor("#9aa5b1");
        let cx = x;
        for (const w of widths) {
          doc.rect(cx, top, w, height).stroke();
          cx += w;
        }
      } else {
        doc
          .lineWidth(header ? 1 : 0.5)
          .strokeColor(header ? "#000000" : "#aaaaaa")
          .moveTo(x, top + height)
          .lineTo(x + total, top + height)
          .stroke();
      }
    });
  }

  /** Draw the cells' items (all, or a slice per cell) as the content of each cell's element. */
  private drawCells(
    cells: readonly LaidCell[],
    slices: readonly (readonly CellItem[])[],
    elems: readonly StructElem[] | null,
    widths: readonly number[],
    x: number,
    top: number,
  ): void {
    let cx = x;
    cells.forEach((_, i) => {
      const items = slices[i] ?? [];
      const elem = elems?.[i] ?? null;
      const cellX = cx;
      let y = top + CELL_PADDING.top;
      let run: { line: Line; x: number; y: number }[] = [];
      let runLang: string | undefined;
      const flush = () => {
        if (run.length === 0) return;
        const lines = run;
        const draw = () => {
          for (const l of lines) this.drawLine(l.line, l.x, l.y);
        };
        if (elem && runLang) {
          // A piece in another language than the cell's: its own Span with /Lang.
          const span = this.struct(elem, "Span", { lang: runLang });
          span.add(draw);
          span.end();
        } else if (elem) elem.add(draw);
        else this.artifact(draw, "Pagination");
        run = [];
      };
      for (const item of items) {
        if (item.kind === "line") {
          if (item.lang !== runLang) flush();
          runLang = item.lang;
          run.push({ line: item.line, x: cellX + item.x, y });
        } else {
          flush();
          if (elem) this.renderFigure(item.figure, elem, cellX + item.x, y + 1);
        }
        y += item.height;
      }
      flush();
      cx += widths[i] ?? 0;
    });
  }

  private renderTable(b: Table, parent: StructElem, x: number, width: number): void {
    const widths = this.columnWidths(b, width);
    const header = this.headerRow(b, widths);
    const rows = b.rows.map((r) => this.layoutRow(b, r, widths));
    this.gap(this.spaceBefore(b));
    const firstHeight = (header?.height ?? 0) + (rows[0]?.height ?? 0);
    if (this.y + firstHeight > this.bottom && firstHeight <= this.pageHeight && !this.atTop()) this.newPage();

    const tableElem = this.struct(parent, "Table");
    const headerHeight = header?.height ?? 0;
    const drawHeader = (tagged: boolean) => {
      if (!header) return;
      this.drawRules(b, widths, x, this.y, header.height, true);
      if (tagged) {
        const thead = this.struct(tableElem, "THead");
        const tr = this.struct(thead, "TR");
        const ths = header.cells.map(() => this.struct(tr, "TH", { scope: "Column" }));
        this.drawCells(
          header.cells,
          header.cells.map((c) => c.items),
          ths,
          widths,
          x,
          this.y,
        );
        for (const th of ths) th.end();
        tr.end();
        thead.end();
      } else {
        // The header repeated on a new page is a copy: an artifact, not read twice.
        this.drawCells(
          header.cells,
          header.cells.map((c) => c.items),
          null,
          widths,
          x,
          this.y,
        );
      }
      this.y += header.height;
    };
    const continueOnNewPage = () => {
      this.newPage();
      drawHeader(false);
    };

    drawHeader(true);
    const tbody = this.struct(tableElem, "TBody");
    for (const row of rows) {
      const tr = this.struct(tbody, "TR");
      const elems = row.cells.map((c) =>
        this.struct(tr, c.header === "row" ? "TH" : "TD", {
          ...(c.header === "row" ? { scope: "Row" } : {}),
          ...(c.lang ? { lang: c.lang } : {}),
        }),
      );
      if (this.y + row.height > this.bottom && row.height <= this.pageHeight - headerHeight) continueOnNewPage();
      if (this.y + row.height <= this.bottom) {
        this.drawRules(b, widths, x, this.y, row.height, false);
        this.drawCells(
          row.cells,
          row.cells.map((c) => c.items),
          elems,
          widths,
          x,
          this.y,
        );
        this.y += row.height;
      } else {
        this.splitRow(b, row, elems, widths, x, continueOnNewPage);
      }
      for (const e of elems) e.end();
      tr.end();
    }
    tbody.end();
    tableElem.end();
    this.y += this.spaceAfter(b);
  }

  /** A row taller than a page: its cells continue on the next pages, line by line. */
  private splitRow(
    b: Table,
    row: LaidRow,
    elems: readonly StructElem[],
    widths: readonly number[],
    x: number,
    continueOnNewPage: () => void,
  ): void {
    const next = row.cells.map(() => 0);
    const pad = CELL_PADDING.top + CELL_PADDING.bottom;
    const left = () => row.cells.some((c, i) => (next[i] ?? 0) < c.items.length);
    while (left()) {
      const room = this.bottom - this.y - pad;
      const slices = row.cells.map((c, i) => {
        const slice: CellItem[] = [];
        let used = 0;
        for (let k = next[i] ?? 0; k < c.items.length; k++) {
          const item = c.items[k] as CellItem;
          if (used + item.height > room && (slice.length > 0 || !this.atTop())) break;
          slice.push(item);
          used += item.height;
        }
        return slice;
      });
      if (slices.every((s) => s.length === 0)) {
        continueOnNewPage();
        continue;
      }
      const height = Math.max(...slices.map((s) => s.reduce((h, it) => h + it.height, 0))) + pad;
      this.drawRules(b, widths, x, this.y, height, false);
      this.drawCells(row.cells, slices, elems, widths, x, this.y);
      slices.forEach((s, i) => {
        next[i] = (next[i] ?? 0) + s.length;
      });
      this.y += height;
      if (left()) continueOnNewPage();
    }
  }

  // -------------------------------------------------------------------------------------------
  // Page furniture

  private furniture(): number {
    const range = this.doc.bufferedPageRange();
    const count = range.count;
    const [left, , right, bottomMargin] = this.spec.margins ?? DEFAULT_MARGINS;
    const width = PAGE_WIDTH - left - right;
    for (let i = 0; i < count; i++) {
      this.doc.switchToPage(range.start + i);
      const footerTop = PAGE_HEIGHT - bottomMargin + 20;
      this.artifact(() => {
        const numbers = this.spec.pageNumbers ?? true;
        const es = this.spec.lang?.startsWith("es") ?? false;
        const pageText = numbers ? (es ? `Página ${i + 1} de ${count}` : `Page ${i + 1} of ${count}`) : "";
        const pageStyle = { ...this.base, size: 8 };
        const pageLine = pageText ? this.text.lines(pageText, width, pageStyle, "right")[0] : undefined;
        if (pageLine) this.drawLine(pageLine, left, footerTop);
        if (this.spec.footer) {
          const room = width - (pageLine ? pageLine.width + 12 : 0);
          const line = this.text.lines(this.spec.footer, room, { ...this.base, size: 7 })[0];
          if (line) this.drawLine(line, left, footerTop + 1);
        }
        if (this.spec.header && i > 0 && !this.spec.draft) {
          const line = this.text.lines(this.spec.header, width, { ...this.base, size: 7, color: "#444444" })[0];
          if (line) this.drawLine(line, left, Math.max(12, this.top - 24));
        }
      }, "Pagination");
      // Last: text drawn after the diagonal mark is lost to some text extractors.
      if (this.spec.draft) this.artifact(() => this.drawDraftMark(left, width), "Pagination");
    }
    return count;
  }

  /** A line at the top of the page saying the document is a draft, and DRAFT across the page. */
  private drawDraftMark(left: number, width: number): void {
    const es = this.spec.lang?.startsWith("es") ?? false;
    const mark = es ? "BORRADOR" : "DRAFT";
    const line = this.text.lines(
      es
        ? [{ text: mark, bold: true }, " — sin firmar; este plan todavía puede cambiar."]
        : [{ text: mark, bold: true }, " — not signed; this plan can still change."],
      width,
      { ...this.base, size: 8, color: "#8a1c1c" },
      "right",
    )[0];
    if (line) this.drawLine(line, left, Math.max(10, this.top - 22));
    const size = 120;
    const cx = PAGE_WIDTH / 2;
    const cy = PAGE_HEIGHT / 2;
    const w = this.text.width("bold", mark, size);
    this.doc
      .save()
      .rotate(-45, { origin: [cx, cy] })
      .fillOpacity(0.1)
      .font("bold")
      .fontSize(size)
      .fillColor("#000000")
      .text(mark, cx - w / 2, cy + size * 0.35, { lineBreak: false, baseline: "alphabetic" })
      .restore();
  }

  async finish(root: StructElem): Promise<RenderedPdf> {
    root.end();
    const pages = this.furniture();
    const chunks: Buffer[] = [];
    const done = new Promise<void>((resolve, reject) => {
      this.doc.on("data", (chunk: Buffer) => chunks.push(chunk));
      this.doc.on("end", () => resolve());
      this.doc.on("error", reject);
    });
    this.doc.end();
    await done;
    return { pdf: Buffer.concat(chunks), pages };
  }
}

/** Lay out and write a document; also report how many pages it took. */
export async function renderPdfDocument(spec: PdfDocumentSpec): Promise<RenderedPdf> {
  const r = new Renderer(spec);
  const root = r.doc.struct("Document");
  r.doc.addStructure(root);
  r.renderAll(spec.body, root, r.left, r.width);
  return r.finish(root);
}
