/**
 * Reading a PDF back in tests, with poppler's command-line tools (poppler-utils):
 * - `pdfText`: the text as `pdftotext` extracts it, white space collapsed;
 * - `readTaggedPdf`: what `pdfinfo` says (tagged, pages, title), the catalog's /Lang and
 *   DisplayDocTitle, and the structure tree from `pdfinfo -struct-text`, parsed into nodes.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inflateSync } from "node:zlib";

export type StructNode = {
  type: string;
  attributes: Record<string, string>;
  /** The text poppler found for this element's own content. */
  text: string;
  children: StructNode[];
};

export type TaggedPdf = {
  tagged: boolean;
  pages: number;
  title: string;
  /** The document language in the catalog (/Lang), or null. */
  lang: string | null;
  displayDocTitle: boolean;
  /** The text alternative (/Alt) of each Figure element, in file order ("" when it has none). */
  figureAlts: string[];
  /** Operators that draw text or paint paths outside any marked content (neither tagged nor an artifact). */
  unmarked: string[];
  /** Text as pdftotext extracts it (diagonal text left out), white space collapsed. */
  text: string;
  /** Text in the order it is drawn (`pdftotext -raw`), diagonal text left out. */
  rawText: string;
  /** Text of each page, in order (white space collapsed). */
  pageTexts: string[];
  root: StructNode;
};

function withFile<T>(bytes: Uint8Array, use: (file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), "lantern-pdf-read-"));
  try {
    const file = join(dir, "document.pdf");
    writeFileSync(file, bytes);
    return use(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const run = (tool: string, args: string[]): string => {
  try {
    return execFileSync(tool, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new Error(`${tool} is required (apt-get install poppler-utils)`);
    }
    throw error;
  }
};

const collapse = (text: string) => text.replace(/\s+/g, " ").trim();

/** The text of a PDF as pdftotext extracts it, white space collapsed. */
export function pdfText(bytes: Uint8Array): string {
  return withFile(bytes, (file) => collapse(run("pdftotext", [file, "-"])));
}

/** Parse the indented tree `pdfinfo -struct-text` prints. */
export function parseStructText(output: string): StructNode {
  const root: StructNode = { type: "(root)", attributes: {}, text: "", children: [] };
  const stack: { depth: number; node: StructNode }[] = [{ depth: -1, node: root }];
  for (const raw of output.split("\n")) {
    if (raw.trim() === "") continue;
    const indent = raw.length - raw.trimStart().length;
    const line = raw.trim();
    const top = () => stack[stack.length - 1] as { depth: number; node: StructNode };
    if (line.startsWith('"')) {
      const depth = indent / 2 - 1;
      while (stack.length > 1 && top().depth > depth) stack.pop();
      const node = top().node;
      node.text += (node.text ? " " : "") + line.replace(/^"/, "").replace(/"$/, "");
      continue;
    }
    if (line.startsWith("/")) {
      const [name, ...value] = line.slice(1).split(" ");
      top().node.attributes[name ?? ""] = value.join(" ").replace(/^\//, "");
      continue;
    }
    const depth = indent / 2;
    while (stack.length > 1 && top().depth >= depth) stack.pop();
    const type = line.replace(/:$/, "").replace(/\s*\((block|inline)\)$/, "");
    const node: StructNode = { type, attributes: {}, text: "", children: [] };
    top().node.children.push(node);
    stack.push({ depth, node });
  }
  return root;
}

export function readTaggedPdf(bytes: Uint8Array): TaggedPdf {
  return withFile(bytes, (file) => {
    const info = run("pdfinfo", [file]);
    const field = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, "m").exec(info)?.[1]?.trim() ?? "";
    const raw = Buffer.from(bytes).toString("latin1");
    // The catalog's /Lang (structure elements may carry their own, such as English inside Spanish).
    const catalog = /<<[^>]*\/Type \/Catalog[^>]*>>/.exec(raw)?.[0] ?? raw;
    const lang = /\/Lang\s*\(([^)]*)\)/.exec(catalog)?.[1] ?? null;
    // Without diagonal text: a DRAFT mark drawn across the page is furniture, not words.
    const full = run("pdftotext", ["-nodiag", file, "-"]);
    const pageTexts = full.split("\f").map(collapse);
    if (pageTexts.at(-1) === "") pageTexts.pop();
    return {
      tagged: field("Tagged") === "yes",
      pages: Number(field("Pages")),
      title: field("Title"),
      lang,
      displayDocTitle: /\/DisplayDocTitle\s+true/.test(raw),
      figureAlts: [...raw.matchAll(/\d+ 0 obj\s*<<\s*\/S \/Figure\b([\s\S]*?)endobj/g)].map(
        (m) => /\/Alt \(([^)]*)\)/.exec(m[1] ?? "")?.[1] ?? "",
      ),
      unmarked: unmarkedDrawing(bytes),
      text: collapse(full),
      rawText: collapse(run("pdftotext", ["-raw", "-nodiag", file, "-"])),
      pageTexts,
      root: parseStructText(run("pdfinfo", ["-struct-text", file])),
    };
  });
}

/** Every node of a type, in reading order. */
export function findAll(node: StructNode, type: string | RegExp): StructNode[] {
  const out: StructNode[] = [];
  const visit = (n: StructNode) => {
    if (typeof type === "string" ? n.type === type : type.test(n.type)) out.push(n);
    for (const c of n.children) visit(c);
  };
  visit(node);
  return out;
}

/** All text under a node, in reading order. */
export function textOf(node: StructNode): string {
  return collapse([node.text, ...node.children.map(textOf)].filter(Boolean).join(" "));
}

/** The headings, in reading order, as "H2 Student information". */
export function headings(root: StructNode): string[] {
  return findAll(root, /^H[1-6]$/).map((h) => `${h.type} ${textOf(h)}`);
}

const DRAWING = new Set(["Tj", "TJ", "'", '"', "f", "F", "f*", "S", "s", "B", "B*", "b", "b*", "Do", "sh"]);

/**
 * Drawing operators in the pages' content streams that are not inside a marked-content sequence
 * (BDC/BMC … EMC). In a tagged PDF every mark on the page is either tagged content or an artifact.
 */
export function unmarkedDrawing(bytes: Uint8Array): string[] {
  const pdf = Buffer.from(bytes);
  const raw = pdf.toString("latin1");
  const found: string[] = [];
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = (m.index ?? 0) + m[0].length;
    const end = raw.indexOf("endstream", start);
    let content: string;
    try {
      content = inflateSync(pdf.subarray(start, end)).toString("latin1");
    } catch {
      continue;
    }
    if (!/^[\d. -]+cm\b/.test(content)) continue; // not a page's content stream
    let depth = 0;
    const tokens = content.replace(/\[[^\]]*\]|<[0-9a-fA-F]*>|\([^)]*\)|<<[\s\S]*?>>/g, " x ").split(/\s+/);
    for (const token of tokens) {
      if (token === "BDC" || token === "BMC") depth += 1;
      else if (token === "EMC") depth -= 1;
      else if (depth === 0 && DRAWING.has(token)) found.push(token);
    }
  }
  return found;
}
