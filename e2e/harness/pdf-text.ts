/**
 * What a PDF says, as pdftotext (poppler-utils) reads it: journeys check a document's real text,
 * not that a download happened.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";

/** pdftotext's reading of a PDF's bytes, whitespace folded. */
export function pdfToText(bytes: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), "lantern-pdf-"));
  try {
    const file = join(dir, "document.pdf");
    writeFileSync(file, bytes);
    const run = spawnSync("pdftotext", [file, "-"], { encoding: "utf8" });
    assert.ok(!run.error, "pdftotext is installed");
    return run.stdout.replace(/\s+/g, " ");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of a PDF the app serves at `href`, fetched with the page's session; it must be a PDF. */
export async function pdfText(page: Page, href: string): Promise<string> {
  const res = await page.request.get(href);
  assert.equal(res.status(), 200, `${href}: ${res.status()}`);
  assert.equal(res.headers()["content-type"], "application/pdf", `${href} is a PDF`);
  return pdfToText(await res.body());
}
