/**
 * Browser tests: `npm run test:e2e [-- filter]`.
 *
 * Runs the journey files on E2E_SHARDS workers (default 2; 1 with E2E_BASE_URL or E2E_DATABASE_URL).
 * Each starts the real server (fresh temporary PGlite data directory, or E2E_DATABASE_URL) on a free
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

  // Journeys spend most of their time waiting on the page, so files run on E2E_SHARDS workers at
  // once (default 2), each with its own server, database and browser: a file's journeys keep their
  // order, and no worker sees another's data.
  const shards =
    process.env.E2E_BASE_URL || process.env.E2E_DATABASE_URL
      ? 1
      : Math.max(1, Number(process.env.E2E_SHARDS ?? 2) || 1);
  const files: Array<typeof journeys> = [];
  for (const entry of journeys) {
    const last = files.at(-1);
    if (last && last[0]?.file === entry.file) last.push(entry);
    else files.push([entry]);
  }
  const results: JourneyResult[] = [];
  const scans: AxeScan[] = [];
  const report = (file: string, result: JourneyResult) => {
    const seconds = (result.ms / 1000).toFixed(1);
    if (result.ok) {
      console.log(`  ✓ ${file} › ${result.name} (${seconds} s)`);
      return;
    }
    console.log(
      [
        `  ✗ ${file} › ${result.name} (${seconds} s)`,
        `    steps: ${result.steps.join(" → ") || "(none)"}`,
        `    ${(result.error ?? "")
          .split("\n")
          .map((line) => line.trimEnd())
          .join("\n    ")}`,
        ...result.screenshots.map((shot) => `    screenshot: ${shot}`),
      ].join("\n"),
    );
  };

  async function worker(): Promise<void> {
    let server: RunningLantern | undefined;
    let browser: Browser | undefined;
    try {
      server = await startLantern();
      console.log(`Server: ${server.url} (${server.mode}, ${server.database})`);
      browser = await launchChromium();
      console.log(`Browser: Chromium ${browser.version()}`);
      for (let next = files.shift(); next; next = files.shift()) {
        for (const { file, journey } of next) {
          const result = await runJourney(browser, server.url, file, journey, scans);
          results.push(result);
          report(file, result);
        }
      }
    } finally {
      await withTimeout(browser?.close(), "closing the browser");
      await withTimeout(server?.close(), "stopping the server");
    }
  }

  try {
    await Promise.all(Array.from({ length: Math.min(shards, files.length) }, () => worker()));
  } catch (error) {
    console.error(`The browser tests could not run: ${error instanceof Error ? error.message : String(error)}`);
    const failed = journeys.length - results.filter((r) => r.ok).length;
    console.log(`${results.filter((r) => r.ok).length} passed, ${failed} failed`);
    return 1;
  }

  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  const pages = new Set(scans.map((scan) => scan.label)).size;
  console.log(
    `axe: ${scans.length} scan(s) of ${pages} page state(s), ${scans.reduce((n, s) => n + s.violations, 0)} violations` +
      ` (WCAG 2.2 A/AA) in ${(scans.reduce((n, s) => n + s.ms, 0) / 1000).toFixed(1)} s;` +
      ` ${((performance.now() - started) / 1000).toFixed(1)} s in all`,
  );
  console.log(`${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

// Exit explicitly: an open database handle must not keep CI waiting.
process.exit(await main());
