/**
 * The text drawn on a PDF's pages, for tests: inflates each content stream and decodes the
 * hex strings of `Tj`/`TJ` operators (pdfmake writes standard-font text that way). Large negative
 * kerning offsets become spaces, and runs of white space become one space. Enough to check that real, extractable text is present.
 */
import { inflateSync } from "node:zlib";

export function pdfText(pdf: Uint8Array): string {
  const bytes = Buffer.from(pdf);
  const raw = bytes.toString("latin1");
  const lines: string[] = [];
  const streamStart = /stream\r?\n/g;
  for (let m = streamStart.exec(raw); m !== null; m = streamStart.exec(raw)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf("endstream", start);
    if (end < 0) break;
    let content: string;
    try {
      content = inflateSync(bytes.subarray(start, end)).toString("latin1");
    } catch {
      continue;
    }
    for (const op of content.matchAll(/\[(.*?)\]\s*TJ|<([0-9a-fA-F]+)>\s*Tj/g)) {
      const segment = op[1] ?? `<${op[2]}>`;
      let line = "";
      for (const part of segment.matchAll(/<([0-9a-fA-F]*)>|(-?\d+(?:\.\d+)?)/g)) {
        if (part[1] !== undefined) line += Buffer.from(part[1], "hex").toString("latin1");
        else if (Number(part[2]) < -200) line += " ";
      }
      lines.push(line);
    }
  }
  // pdfmake draws word by word; a fragment without a trailing space ends a line.
  let text = "";
  for (const line of lines) text += text === "" || text.endsWith(" ") ? line : ` ${line}`;
  return text.replace(/\s+/g, " ");
}
