/**
 * The typeface every Lantern PDF embeds: Atkinson Hyperlegible (Braille Institute, SIL Open Font
 * License 1.1), shipped by the `@fontsource/atkinson-hyperlegible` package. Its Latin subset covers
 * English and Spanish (á é í ó ú ü ñ ¿ ¡) and the punctuation the documents use (· – — … “ ” •).
 * Embedding the font is what PDF/UA asks for (decision 0007); the files are read and parsed once
 * per process, and every document uses the same parsed fonts.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { inflateSync } from "node:zlib";
import { create, type Font } from "fontkit";

export type FontStyle = "regular" | "bold" | "italic" | "boldItalic";

const FILES: Record<FontStyle, string> = {
  regular: "atkinson-hyperlegible-latin-400-normal.woff",
  bold: "atkinson-hyperlegible-latin-700-normal.woff",
  italic: "atkinson-hyperlegible-latin-400-italic.woff",
  boldItalic: "atkinson-hyperlegible-latin-700-italic.woff",
};

/** Font metrics shared by every style (units per em 1000). */
export const FONT_ASCENT = 0.95;
export const FONT_DESCENT = 0.29;

const require = createRequire(import.meta.url);
let loaded: Record<FontStyle, Uint8Array> | null = null;

/** The four fonts as TrueType, read and unpacked on first use. */
export function fontFiles(): Record<FontStyle, Uint8Array> {
  if (!loaded) {
    const read = (style: FontStyle) =>
      woffToSfnt(readFileSync(require.resolve(`@fontsource/atkinson-hyperlegible/files/${FILES[style]}`)));
    loaded = { regular: read("regular"), bold: read("bold"), italic: read("italic"), boldItalic: read("boldItalic") };
  }
  return loaded;
}

let parsed: Record<FontStyle, Font> | null = null;

/** The four fonts, parsed once: each document embeds a subset of them. */
export function embeddedFonts(): Record<FontStyle, Font> {
  if (!parsed) {
    const files = fontFiles();
    const open = (style: FontStyle) => create(Buffer.from(files[style])) as Font;
    parsed = { regular: open("regular"), bold: open("bold"), italic: open("italic"), boldItalic: open("boldItalic") };
  }
  return parsed;
}

/**
 * Unpack a WOFF 1.0 file into the TrueType (sfnt) font it wraps. The font library can read WOFF
 * itself, but then inflates tables in JavaScript on every glyph it reads, in every document; doing
 * it once here with zlib made a 12-page plan render several times faster.
 */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.toString("latin1", 0, 4) !== "wOFF") throw new Error("Not a WOFF font");
  const flavor = woff.readUInt32BE(4);
  const numTables = woff.readUInt16BE(12);
  const tables = Array.from({ length: numTables }, (_, i) => {
    const at = 44 + i * 20;
    const offset = woff.readUInt32BE(at + 4);
    const compLength = woff.readUInt32BE(at + 8);
    const origLength = woff.readUInt32BE(at + 12);
    const raw = woff.subarray(offset, offset + compLength);
    return {
      tag: woff.subarray(at, at + 4),
      checksum: woff.readUInt32BE(at + 16),
      data: compLength < origLength ? inflateSync(raw) : raw,
    };
  });
  const entrySelector = Math.floor(Math.log2(numTables));
  const searchRange = 2 ** entrySelector * 16;
  const header = Buffer.alloc(12 + 16 * numTables);
  header.writeUInt32BE(flavor, 0);
  header.writeUInt16BE(numTables, 4);
  header.writeUInt16BE(searchRange, 6);
  header.writeUInt16BE(entrySelector, 8);
  header.writeUInt16BE(numTables * 16 - searchRange, 10);
  const parts: Buffer[] = [header];
  let offset = header.length;
  tables.forEach((t, i) => {
    const at = 12 + i * 16;
    t.tag.copy(header, at);
    header.writeUInt32BE(t.checksum, at + 4);
    header.writeUInt32BE(offset, at + 8);
    header.writeUInt32BE(t.data.length, at + 12);
    const padded = Buffer.alloc((t.data.length + 3) & ~3);
    t.data.copy(padded);
    parts.push(padded);
    offset += padded.length;
  });
  return Buffer.concat(parts);
}

/**
 * Characters the font has no glyph for, spelled with ones it has, so a goal such as "≥ 80%" does
 * not print an empty box. Anything else outside the font is printed as it is.
 */
const SUBSTITUTES: Record<string, string> = {
  "≥": ">=",
  "≤": "<=",
  "≠": "!=",
  "→": "->",
  "←": "<-",
  "✓": "(yes)",
  "✔": "(yes)",
  "✗": "(no)",
  "\t": " ",
  "\r": "",
};
const NEEDS_SUBSTITUTE = /[≥≤≠→←✓✔✗\t\r]/g;

/** Text as it can be printed with the embedded font. */
export function printable(text: string): string {
  return text.replace(NEEDS_SUBSTITUTE, (c) => SUBSTITUTES[c] ?? c);
}
