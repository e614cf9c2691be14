/**
 * `npm run bench:editor`: the plan editor's figures on a full IEP (docs/examples/iep.json), in a
 * real Chromium against the real server (fresh PGlite, demo district), each beside a reference
 * measured in the same run:
 *
 * - time to interactive: navigation start → every section's fields in the page, timed inside the
 *   page (a DOM observer); reference: the sign-in page's email field, same app frame, no data;
 * - autosave round trip: the draft save (PUT …/draft of the whole IEP) as the browser times it,
 *   and a change → "Saved" shown (includes the 800 ms wait after the last keystroke); reference: a
 *   `GET /api/health` from the same page;
 * - Tab presses from the page's heading (where focus is after navigation) and from the top of the
 *   page to the first field.
 *
 * Writes bench/results/editor-latest.json. Needs `npm run build:web` first. Not a test: figures.
 */
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { startServer } from "@lantern/server";
import { type BrowserContext, chromium, type Page } from "playwright-core";

const REPO_ROOT = join(import.meta.dirname, "..");

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** The real server on a free port, on a fresh PGlite directory with the demo district. */
async function startLantern() {
  if (!existsSync(join(REPO_ROOT, "packages/web/dist/index.html"))) throw new Error("run npm run build:web first");
  const dataDir = mkdtempSync(join(tmpdir(), "lantern-bench-editor-"));
  const port = await freePort();
  const running = await startServer({
    env: {
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      DATA_DIR: dataDir,
      NODE_ENV: process.env.NODE_ENV,
    },
  });
  return {
    url: running.url,
    database: "pglite (temporary data directory)",
    close: async () => {
      await running.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"],
  });
}

const RUNS = Number(process.env.BENCH_EDITOR_RUNS ?? 7);
const SAVES = Number(process.env.BENCH_EDITOR_SAVES ?? 40);
const PASSWORD = "lantern-demo";
const log = (line: string) => process.stderr.write(`${line}\n`);

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? Number.NaN;
};
const round = (x: number) => Math.round(x * 10) / 10;

async function csrf(context: BrowserContext): Promise<Record<string, string>> {
  return { "x-csrf-token": (await context.cookies()).find((c) => c.name === "lantern_csrf")?.value ?? "" };
}

async function signInApi(context: BrowserContext, email: string) {
  await context.request.get("/api/auth/session");
  const res = await context.request.post("/api/auth/sign-in", {
    headers: await csrf(context),
    data: { email, password: PASSWORD },
  });
  assert.equal(res.status(), 200, await res.text());
}

/** Milliseconds from navigation start until `selector` is in the page and visible, timed in the page. */
async function timeToShown(page: Page, url: string, selector: string): Promise<number> {
  await page.addInitScript((sel: string) => {
    const w = window as unknown as { __shownAt?: number };
    const check = () => {
      const el = document.querySelector(sel);
      if (w.__shownAt === undefined && el && el.getClientRects().length > 0) {
        w.__shownAt = performance.now();
        observer.disconnect();
      }
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { childList: true, subtree: true, attributes: true });
  }, selector);
  await page.goto(url, { waitUntil: "commit" });
  await page.waitForSelector(selector, { state: "visible", timeout: 30_000 });
  return page.evaluate(() => (window as unknown as { __shownAt?: number }).__shownAt ?? performance.now());
}

async function main() {
  const server = await startLantern();
  const browser = await launchChromium();
  const context = await browser.newContext({ baseURL: server.url });
  try {
    log(`server ${server.url} (${server.database})`);
    // A student loaded for the run, and an IEP draft holding the full example plan.
    await signInApi(context, "admin@maplevalley.example");
    const roster = [
      "sis_id,first_name,last_name,date_of_birth,grade,school,school_code,case_manager_email,guardian1_first_name,guardian1_last_name,guardian1_email,guardian1_relationship,guardian2_first_name,guardian2_last_name,guardian2_email,guardian2_relationship",
      "BENCH01,Quill,Benchmark,2010-02-11,10,Northside Elementary,,casemanager@maplevalley.example,Rae,Benchmark,rae.benchmark@family.example,mother,,,,",
    ].join("\n");
    const loaded = await context.request.post("/api/district/roster", {
      headers: { ...(await csrf(context)), "content-type": "text/csv" },
      data: roster,
    });
    assert.equal(loaded.status(), 200, await loaded.text());
    await context.request.post("/api/auth/sign-out", { headers: await csrf(context) });
    await signInApi(context, "casemanager@maplevalley.example");
    const students = (await (await context.request.get("/api/students?q=Benchmark")).json()) as {
      items: Array<{ id: string }>;
    };
    const studentId = students.items[0]?.id ?? "";
    const example = JSON.parse(readFileSync(join(REPO_ROOT, "docs/examples/iep.json"), "utf8")) as Record<
      string,
      unknown
    >;
    const { signatures: _s, consent: _c, amendment: _a, exit: _e, ...content } = example;
    const created = await context.request.post(`/api/students/${studentId}/plans`, {
      headers: await csrf(context),
      data: { type: "iep", content },
    });
    assert.equal(created.status(), 201, await created.text());
    const planId = ((await created.json()) as { plan: { id: string } }).plan.id;
    const editor = `/students/${studentId}/plans/${planId}/edit`;

    // Time to interactive, first (cold cache) and warm runs.
    log("time to interactive…");
    const lastSection = "#h-priorWrittenNotice";
    const tti: number[] = [];
    const reference: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const page = await context.newPage();
      tti.push(await timeToShown(page, editor, lastSection));
      await page.close();
      const ref = await context.newPage();
      reference.push(await timeToShown(ref, "/api/health", "body"));
      await ref.close();
    }
    const signInRef: number[] = [];
    const anonymous = await browser.newContext({ baseURL: server.url });
    for (let i = 0; i < RUNS; i++) {
      const page = await anonymous.newPage();
      signInRef.push(await timeToShown(page, "/sign-in", "#email, input[type=email]"));
      await page.close();
    }
    await anonymous.close();

    // Tab presses to the first field.
    log("Tab presses…");
    const page = await context.newPage();
    await page.goto(editor);
    await page.waitForSelector(lastSection);
    const isField = () =>
      page.evaluate(() => {
        const el = document.activeElement;
        return !!el && !!el.closest(".editor-main section") && el.matches("input, select, textarea");
      });
    const countTabs = async () => {
      for (let n = 1; n <= 300; n++) {
        await page.keyboard.press("Tab");
        if (await isField()) return n;
      }
      return Number.NaN;
    };
    const progressText = (await page.getByTestId("plan-progress").textContent()) ?? "";
    const focusedAtStart = await page.evaluate(() => document.activeElement?.tagName.toLowerCase() ?? "body");
    const fromHeading = await countTabs();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.evaluate(() => {
      document.body.setAttribute("tabindex", "-1");
      document.body.focus();
      document.body.removeAttribute("tabindex");
    });
    const fromTop = await countTabs();
    // With the "Next to complete" link at the top of the editor: Tabs to it, then Enter.
    await page.reload();
    await page.waitForSelector(lastSection);
    let toLink = Number.NaN;
    for (let n = 1; n <= 100; n++) {
      await page.keyboard.press("Tab");
      if (await page.evaluate(() => document.activeElement?.getAttribute("data-testid") === "next-to-complete")) {
        toLink = n;
        break;
      }
    }
    let linkLandsInField: boolean | null = null;
    if (!Number.isNaN(toLink)) {
      await page.keyboard.press("Enter");
      linkLandsInField = await isField();
    }

    // Autosave round trips.
    log("autosave round trips…");
    const field = page.locator('[id="field-presentLevels.academic"]');
    await field.focus();
    await page.keyboard.press("End");
    const saves: number[] = [];
    const shown: number[] = [];
    for (let i = 0; i < SAVES; i++) {
      const response = page.waitForResponse((r) => r.url().endsWith("/draft") && r.request().method() === "PUT");
      const typedAt = Date.now();
      await page.keyboard.type(i % 2 === 0 ? "." : "");
      if (i % 2 === 1) await page.keyboard.press("Backspace");
      const r = await response;
      assert.equal(r.status(), 200);
      await page.waitForFunction(
        () => document.querySelector('[data-testid="save-status"]')?.getAttribute("data-state") === "saved",
      );
      shown.push(Date.now() - typedAt);
    }
    // The browser's own timing of each draft save (request start → last byte of the reply).
    const drafts: number[] = await page.evaluate(() =>
      performance
        .getEntriesByType("resource")
        .filter((e) => e.name.endsWith("/draft"))
        .map((e) => e.duration),
    );
    saves.push(...drafts.slice(-SAVES));
    const health: number[] = await page.evaluate(async (n: number) => {
      const out: number[] = [];
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        await (await fetch("/api/health")).text();
        out.push(performance.now() - t0);
      }
      return out;
    }, SAVES);
    await page.close();

    const contentKb = Buffer.byteLength(JSON.stringify(content)) / 1024;
    const result = {
      at: new Date().toISOString(),
      machine: { cpus: cpus().length, model: cpus()[0]?.model ?? "", memoryGb: round(totalmem() / 2 ** 30) },
      database: server.database,
      plan: { source: "docs/examples/iep.json", contentKb: round(contentKb) },
      timeToInteractiveMs: {
        first: round(tti[0] ?? Number.NaN),
        medianWarm: round(quantile(tti.slice(1), 0.5)),
        note: "navigation start → the last section of the editor in the page and visible, timed in the page",
        reference: {
          signInPageMedian: round(quantile(signInRef, 0.5)),
          healthJsonMedian: round(quantile(reference, 0.5)),
        },
      },
      autosaveMs: {
        saves: SAVES,
        roundTripP50: round(quantile(saves, 0.5)),
        roundTripP95: round(quantile(saves, 0.95)),
        changeToSavedShownP95: round(quantile(shown, 0.95)),
        note: "round trip: the browser's timing of PUT …/draft (whole IEP); change → Saved includes the 800 ms wait after the last keystroke",
        reference: { healthP50: round(quantile(health, 0.5)), healthP95: round(quantile(health, 0.95)) },
      },
      tabPresses: {
        focusAtStart: focusedAtStart,
        fromHeading,
        fromTopOfPage: fromTop,
        progress: progressText,
        /** null when every section of the example is complete (then there is no such link). */
        toNextToCompleteLink: Number.isNaN(toLink) ? null : toLink,
        thenEnterLandsInField: linkLandsInField,
      },
    };
    mkdirSync(join(REPO_ROOT, "bench/results"), { recursive: true });
    writeFileSync(join(REPO_ROOT, "bench/results/editor-latest.json"), `${JSON.stringify(result, null, 2)}\n`);
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await context.close();
    await browser.close();
    await server.close();
  }
}

await main();
