/**
 * Browser tests: `npm run test:e2e [-- filter]`.
 *
 * Starts the real server (fresh temporary PGlite data directory, or E2E_DATABASE_URL) on a free
 * port, launches /usr/bin/chromium through playwright-core, and runs every journey exported by
 * `e2e/*.e2e.ts`, each in a fresh browser context. Failures leave screenshots in `test-results/`.
 * The last line is always "N passed, N failed"; the exit code is non-zero when anything failed.
 */
import type { Browser } from "playwright-core";
import type { AxeScan } from "./harness/axe.ts";
import { launchChromium } from "./harness/browser.ts";
import { type JourneyResult, loadJourneys, runJourney } from "./harness/runner.ts";
import { type RunningLantern, startLantern } from "./harness/server.ts";

/** Shutting down must never keep CI waiting: give up after 15 s with a note. */
async function withTimeout(work: Promise<void> | undefined, what: string): Promise<void> {
  if (!work) return;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      console.error(`Gave up ${what} after 15 s`);
      resolve();
    }, 15_000);
  });
  await Promise.race([work.catch((error: unknown) => console.error(`${what} failed: ${String(error)}`)), timeout]);
  clearTimeout(timer);
}

async function main(): Promise<number> {
  const filter = process.argv.slice(2).find((arg) => !arg.startsWith("-"));
  const started = performance.now();
  const journeys = await loadJourneys(filter);
  if (journeys.length === 0) {
    console.log(`No journeys${filter ? ` match "${filter}"` : ""}.`);
    console.log("0 passed, 1 failed");
    return 1;
  }

  let server: RunningLantern | undefined;
  let browser: Browser | undefined;
  const results: JourneyResult[] = [];
  const scans: AxeScan[] = [];
  try {
    server = await startLantern();
    console.log(`Server: ${server.url} (${server.mode}, ${server.database})`);
    browser = await launchChromium();
    console.log(`Browser: Chromium ${browser.version()}`);
    for (const { file, journey } of journeys) {
      const result = await runJourney(browser, server.url, file, journey, scans);
      results.push(result);
      const seconds = (result.ms / 1000).toFixed(1);
      if (result.ok) {
        console.log(`  ✓ ${file} › ${result.name} (${seconds} s)`);
      } else {
        console.log(`  ✗ ${file} › ${result.name} (${seconds} s)`);
        console.log(`    steps: ${result.steps.join(" → ") || "(none)"}`);
        console.log(
          `    ${(result.error ?? "")
            .split("\n")
            .map((line) => line.trimEnd())
            .join("\n    ")}`,
        );
        for (const shot of result.screenshots) console.log(`    screenshot: ${shot}`);
      }
    }
  } catch (error) {
    console.error(`The browser tests could not run: ${error instanceof Error ? error.message : String(error)}`);
    const failed = journeys.length - results.filter((r) => r.ok).length;
    console.log(`${results.filter((r) => r.ok).length} passed, ${failed} failed`);
    return 1;
  } finally {
    await withTimeout(browser?.close(), "closing the browser");
    await withTimeout(server?.close(), "stopping the server");
  }

  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  const pages = new Set(scans.map((scan) => scan.label)).size;
  console.log(
    `axe: ${scans.length} scan(s) of ${pages} page state(s), ${scans.reduce((n, s) => n + s.violations, 0)} violations` +
      ` (WCAG 2.2 A/AA); ${((performance.now() - started) / 1000).toFixed(1)} s in all`,
  );
  console.log(`${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

// Exit explicitly: an open database handle must not keep CI waiting.
process.exit(await main());
