/**
 * The small document model every Lantern PDF is written in: headings, paragraphs, lists, tables,
 * key–value rows, boxes, figures, page breaks and blocks kept together. `pdf-render.ts` lays it out
 * and writes a tagged PDF (a structure tree with H1–H3, P, L/LI/Lbl/LBody, Table/TR/TH/TD, Figure),
 * so the documents themselves say only what they contain, never how it is tagged.
 */

/** A piece of text in one style. */
export type Run = { text: string; bold?: boolean; italic?: boolean };
/** Text: a string, one run, or runs side by side on the same lines. */
export type Inline = string | Run | readonly (string | Run)[];

export type TextStyle = {
  /** Font size in points. */
  size?: number;
  /** Text colour, e.g. "#1d3557". */
  color?: string;
  bold?: boolean;
  italic?: boolean;
  /** Space above and below the block, in points. */
  spaceBefore?: number;
  spaceAfter?: number;
  align?: "left" | "center" | "right";
};

export type HeadingBlock = { kind: "heading"; level: 1 | 2 | 3; text: string; style?: TextStyle };
export type ParagraphBlock = {
  kind: "paragraph";
  text: Inline;
  style?: TextStyle;
  /** Keep on the same page as the block after it (a citation under a heading, a list's lead-in). */
  keepWithNext?: boolean;
  /** BCP 47 language of this paragraph when it differs from the document's (the team's English in a Spanish PDF). */
  lang?: string;
};
export type ListBlock = {
  kind: "list";
  items: readonly Inline[];
  ordered?: boolean;
  style?: TextStyle;
  /** BCP 47 language of the list when it differs from the document's. */
  lang?: string;
  /** BCP 47 language of each item, by position, where it differs from the list's (a translated item among English ones). */
  itemLangs?: readonly (string | undefined)[];
};
/** Label–value rows ("Date of birth: May 12, 2010"), each its own paragraph with a bold label. */
export type FieldsBlock = {
  kind: "fields";
  rows: readonly (readonly [label: string, value: Inline])[];
  style?: TextStyle;
};
/** A drawing with a text alternative: an SVG path scaled into a box of `width` × `height` points. */
export type FigureBlock = {
  kind: "figure";
  alt: string;
  path: string;
  viewBox: readonly [width: number, height: number];
  width: number;
  height: number;
};
/**
 * What a table cell holds: text, or pieces of text and figures one under the other; `lang` is the
 * BCP 47 language of the cell when it differs from the document's (core's English in a Spanish PDF),
 * and a piece's own `lang` marks that piece alone (the team's English in a cell otherwise Spanish).
 */
export type CellPiece = { text: Inline; style?: TextStyle; lang?: string };
export type Cell = Inline | { stack: readonly (Inline | CellPiece | FigureBlock)[]; lang?: string };
export type Column = { header: string; width: number | "*" };
export type TableBlock = {
  kind: "table";
  /** Column headers (tagged TH with column scope, repeated on each page); all empty: no header row. */
  columns: readonly Column[];
  rows: readonly (readonly Cell[])[];
  /** The first cell of each row names the row (TH with row scope), as in a label–value table. */
  rowHeaders?: boolean;
  /** Show the column headers (default true when any header is non-empty). */
  showHeader?: boolean;
  style?: { size?: number; lines?: "grid" | "horizontal"; spaceBefore?: number; spaceAfter?: number };
};
export type BoxBlock = { kind: "box"; blocks: readonly Block[]; fill?: string; style?: TextStyle };
export type KeepTogetherBlock = { kind: "keepTogether"; blocks: readonly Block[] };
export type PageBreakBlock = { kind: "pageBreak" };

export type Block =
  | HeadingBlock
  | ParagraphBlock
  | ListBlock
  | FieldsBlock
  | TableBlock
  | FigureBlock
  | BoxBlock
  | KeepTogetherBlock
  | PageBreakBlock;

/** A whole document: what it is called, its language, its page furniture and its body. */
export type PdfDocumentSpec = {
  /** The document title (shown in the viewer's title bar, DisplayDocTitle). */
  title: string;
  subject?: string;
  /** BCP 47 language of the document (default "en-US"). */
  lang?: string;
  /** Left, top, right, bottom margins in points (US Letter pages). */
  margins?: readonly [number, number, number, number];
  /** Base font size of the body (default 10). */
  fontSize?: number;
  /** Text at the left of every page's footer; the right side says "Page N of M". */
  footer?: string;
  /** Print page numbers in the footer (default true). */
  pageNumbers?: boolean;
  /** A running header on every page after the first. */
  header?: string;
  /** Print DRAFT across every page (an artifact, not part of the text). */
  draft?: boolean;
  body: readonly Block[];
};

// ---------------------------------------------------------------------------------------------
// Builders: the documents read as a list of these.

export const h1 = (text: string, style?: TextStyle): HeadingBlock => ({
  kind: "heading",
  level: 1,
  text,
  ...opt(style),
});
export const h2 = (text: string, style?: TextStyle): HeadingBlock => ({
  kind: "heading",
  level: 2,
  text,
  ...opt(style),
});
export const h3 = (text: string, style?: TextStyle): HeadingBlock => ({
  kind: "heading",
  level: 3,
  text,
  ...opt(style),
});
export const p = (text: Inline, style?: TextStyle): ParagraphBlock => ({ kind: "paragraph", text, ...opt(style) });
export const list = (items: readonly Inline[], options: { ordered?: boolean; style?: TextStyle } = {}): ListBlock => ({
  kind: "list",
  items,
  ...options,
});
export const fields = (rows: readonly (readonly [string, Inline])[], style?: TextStyle): FieldsBlock => ({
  kind: "fields",
  rows,
  ...opt(style),
});
export const field = (label: string, value: Inline, style?: TextStyle): FieldsBlock => fields([[label, value]], style);
export const table = (
  columns: readonly Column[],
  rows: readonly (readonly Cell[])[],
  options: Omit<TableBlock, "kind" | "columns" | "rows"> = {},
): TableBlock => ({ kind: "table", columns, rows, ...options });
export const box = (blocks: readonly Block[], fill?: string): BoxBlock => ({
  kind: "box",
  blocks,
  ...(fill ? { fill } : {}),
});
export const keepTogether = (...blocks: Block[]): KeepTogetherBlock => ({ kind: "keepTogether", blocks });
export const pageBreak = (): PageBreakBlock => ({ kind: "pageBreak" });
export const bold = (text: string): Run => ({ text, bold: true });
export const italic = (text: string): Run => ({ text, italic: true });

function opt(style: TextStyle | undefined): { style?: TextStyle } {
  return style ? { style } : {};
}
