/** Figures that need no database: navigator, plan PDFs, web bundle size, browser time to interactive. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { navigate, type PlanDocument, ZNavigatorFacts, ZPlanDocument } from "@lantern/core";
import cliProgress from "cli-progress";
import { buildModel, buildPlans } from "../../packages/server/seeds/synthetic.ts";
import { todayIso } from "../../packages/server/src/clock.ts";
import { BENCH_DIR } from "./database.ts";
import { type Figure, figure, median, notAvailable, type Session } from "./measure.ts";

const ROOT = join(BENCH_DIR, "..");

/** Evaluations per second of core's navigator over the eligibility fixtures, beside a JSON round trip. */
export async function benchNavigator(): Promise<Figure> {
  const dirs = [
    join(ROOT, "..", "shared", "fixtures", "eligibility"),
    join(ROOT, "packages/core/src/eligibility/fixtures"),
  ];
  const dir = dirs.find((d) => existsSync(d));
  if (!dir) return notAvailable("core", "navigator evaluations", "no eligibility fixtures found");
  const facts = readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => ZNavigatorFacts.parse((JSON.parse(readFileSync(join(dir, f), "utf8")) as { facts: unknown }).facts));
  const rate = (fn: (i: number) => unknown) => {
    for (let i = 0; i < 2000; i++) fn(i);
    let n = 0;
    const started = performance.now();
    while (performance.now() - started < 1500) {
      for (let k = 0; k < 200; k++) fn(n++);
    }
    return n / ((performance.now() - started) / 1000);
  };
  let sink = 0;
  const evals = rate((i) => {
    sink += navigate(facts[i % facts.length] as (typeof facts)[number]).trace.length;
  });
  const reference = rate((i) => {
    sink += (JSON.parse(JSON.stringify(facts[i % facts.length])) as { ageYears: number }).ageYears;
  });
  return figure({
    group: "core",
    name: `navigator evaluations (${facts.length} fixtures, full trace)`,
    value: evals,
    unit: "eval/s",
    reference: { name: "JSON round trip of the same facts", value: reference, unit: "ops/s" },
    target: "≥ 50,000 eval/s",
    met: evals >= 50_000,
    note: sink > 0 ? null : "no output",
  });
}

type PlanPdfModule = {
  renderPlanPdf(kind: "full", doc: PlanDocument): Promise<Buffer>;
};
type PdfRenderModule = {
  renderPdfDocument(spec: { title: string; body: unknown[] }): Promise<{ pdf: Buffer; pages: number }>;
};

function pageCount(pdf: Buffer): number {
  return (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

/** Median render of the example IEP as a full plan PDF, beside a minimal tagged PDF from the same renderer; bulk export. */
export async function benchPdf(bulk: number): Promise<Figure[]> {
  const planPdfPath = join(ROOT, "packages/server/src/pdf/plan-pdf.ts");
  const examplePath = join(ROOT, "docs/examples/iep.json");
  if (!existsSync(planPdfPath)) return [notAvailable("PDF", "plan PDF render", "src/pdf/plan-pdf.ts not built yet")];
  if (!existsSync(examplePath)) return [notAvailable("PDF", "plan PDF render", "docs/examples/iep.json missing")];
  const { renderPlanPdf } = (await import(planPdfPath)) as PlanPdfModule;
  const { renderPdfDocument } = (await import(join(ROOT, "packages/server/src/pdf/pdf-render.ts"))) as PdfRenderModule;
  const doc = ZPlanDocument.parse(JSON.parse(readFileSync(examplePath, "utf8")));
  const times: number[] = [];
  let pages = 0;
  for (let i = 0; i < 12; i++) {
    const started = performance.now();
    const pdf = await renderPlanPdf("full", doc);
    if (i >= 2) times.push(performance.now() - started);
    pages = pageCount(pdf);
  }
  const minimal: number[] = [];
  for (let i = 0; i < 12; i++) {
    const started = performance.now();
    await renderPdfDocument({ title: "Lantern", body: [{ kind: "paragraph", text: "Lantern" }] });
    if (i >= 2) minimal.push(performance.now() - started);
  }
  const figures: Figure[] = [
    figure({
      group: "PDF",
      name: `plan PDF render, example IEP (${pages} pages), median of 10 warm`,
      value: median(times),
      unit: "ms",
      reference: { name: "minimal one-line tagged PDF (same renderer and font)", value: median(minimal), unit: "ms" },
      target: "< 300 ms",
      met: median(times) < 300,
    }),
  ];

  // Bulk export: the synthetic district's plans, rendered one after another.
  const model = buildModel({ students: Math.max(2000, Math.ceil(bulk / 0.17)), seed: 1, today: todayIso() });
  const contents = buildPlans(model)
    .flatMap((p) => p.versions.map((v) => v.content))
    .slice(0, bulk)
    .map((c) => ZPlanDocument.parse(c));
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: "Bulk PDF export |{bar}| {value}/{total} plans", hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(contents.length, 0);
  const started = performance.now();
  let bytes = 0;
  for (const [i, c] of contents.entries()) {
    bytes += (await renderPlanPdf("full", c)).length;
    bar.update(i + 1);
  }
  bar.stop();
  const perSecond = contents.length / ((performance.now() - started) / 1000);
  figures.push(
    figure({
      group: "PDF",
      name: `bulk export of ${contents.length} synthetic plan PDFs`,
      value: perSecond,
      unit: "PDF/s",
      reference: { name: "minimal tagged PDFs", value: 1000 / median(minimal), unit: "PDF/s" },
      note: `${Math.round(contents.length / perSecond)} s in all; ${Math.round(bytes / contents.length / 1024)} KB each`,
    }),
  );
  return figures;
}

/** Gzip size of the JavaScript the web app's index.html loads first, beside React DOM alone. */
export function benchWebSize(): Figure {
  const dist = join(ROOT, "packages/web/dist");
  const index = join(dist, "index.html");
  if (!existsSync(index)) return notAvailable("web", "initial JavaScript (gzip)", "run npm run build:web first");
  const html = readFileSync(index, "utf8");
  const srcs = [
    ...html.matchAll(/<script[^>]+src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ].map((m) => m[1] as string);
  let gz = 0;
  for (const src of srcs) gz += gzipSync(readFileSync(join(dist, src.replace(/^\//, "")))).length;
  const reactDom = [
    join(ROOT, "node_modules/react-dom/cjs/react-dom-client.production.js"),
    join(ROOT, "node_modules/react-dom/cjs/react-dom.production.min.js"),
  ].find((p) => existsSync(p));
  const refKb = reactDom ? gzipSync(readFileSync(reactDom)).length / 1024 : null;
  return figure({
    group: "web",
    name: `initial JavaScript, gzip (${srcs.length} file${srcs.length === 1 ? "" : "s"})`,
    value: gz / 1024,
    unit: "KB",
    reference: { name: "react-dom production build alone, gzip", value: refKb, unit: "KB" },
    target: "≤ 250 KB",
    met: gz / 1024 <= 250,
  });
}

/** Median of 3 loads: navigation start → the first student link of the caseload table, signed in. */
export async function benchTimeToInteractive(
  url: string,
  session: Session,
): Promise<{ page: number; reference: number; scriptsKb: number; note: string | null }> {
  if (!existsSync(join(ROOT, "packages/web/dist/index.html"))) throw new Error("run npm run build:web first");
  if (!existsSync("/usr/bin/chromium")) throw new Error("no /usr/bin/chromium");
  const { chromium } = await import("playwright-core");
  const profile = mkdtempSync(join(tmpdir(), "lantern-bench-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  try {
    await context.addCookies(
      session.cookie.split("; ").map((pair) => {
        const eq = pair.indexOf("=");
        return { name: pair.slice(0, eq), value: pair.slice(eq + 1), url };
      }),
    );
    const scripts = new Set<string>();
    const measure = async (path: string, selector: string) => {
      const times: number[] = [];
      for (let i = 0; i < 3; i++) {
        const page = await context.newPage();
        page.on("response", (r) => {
          const u = new URL(r.url());
          if (u.pathname.endsWith(".js")) scripts.add(u.pathname);
        });
        // Timed inside the page: the moment the element is first in the document and visible
        // (a DOM observer), not when the test driver next polls for it.
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
        await page.goto(`${url}${path}`, { waitUntil: "commit" });
        await page.waitForSelector(selector, { state: "visible", timeout: 20_000 });
        times.push(
          await page.evaluate(() => (window as unknown as { __shownAt?: number }).__shownAt ?? performance.now()),
        );
        await page.close();
      }
      return median(times);
    };
    const page = await measure("/", 'main table a[href^="/students/"]');
    const dist = join(ROOT, "packages/web/dist");
    let scriptsBytes = 0;
    for (const s of scripts) {
      const file = join(dist, s.replace(/^\//, ""));
      if (existsSync(file)) scriptsBytes += gzipSync(readFileSync(file)).length;
    }
    const reference = await measure("/bench/static-table", "main table a");
    return {
      page,
      reference,
      scriptsKb: scriptsBytes / 1024,
      note: "navigation start → first student link visible in the caseload table, timed in the page",
    };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
