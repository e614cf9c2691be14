import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";

/** WCAG 2.2 AA, which includes every A and AA rule of 2.0 and 2.1. */
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

export class AxeViolationsError extends Error {
  override name = "AxeViolationsError";
}

export type AxeScan = { label: string; url: string; passes: number; violations: number; ms: number };

/** Scans the page as it is now; throws with one line per violation and affected element. */
export async function checkAccessibility(page: Page, label: string): Promise<AxeScan> {
  const started = performance.now();
  // One run in the page itself (same-origin frames included): the default also opens a blank
  // page per scan to merge per-frame results, which doubles the cost and Lantern has no frames.
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).setLegacyMode(true).analyze();
  const scan = {
    label,
    url: page.url(),
    passes: results.passes.length,
    violations: results.violations.length,
    ms: performance.now() - started,
  };
  if (results.violations.length > 0) {
    const lines = results.violations.flatMap((violation) => [
      `  - ${violation.id} (${violation.impact ?? "unknown impact"}): ${violation.help} — ${violation.helpUrl}`,
      ...violation.nodes.map(
        (node) => `      at ${node.target.join(" ")}: ${node.failureSummary?.replaceAll("\n", " ") ?? ""}`,
      ),
    ]);
    throw new AxeViolationsError(
      `axe found ${results.violations.length} accessibility violation(s) on "${label}" (${page.url()}):\n${lines.join("\n")}`,
    );
  }
  return scan;
}
