import { mkdir, readdir } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { type AxeScan, checkAccessibility } from "./axe.ts";
import { DISTRICT_TIME_ZONE } from "./district-today.ts";
import { describeFocus, tabTo } from "./keyboard.ts";
import { DEMO_PASSWORD, type Journey, type JourneyContext } from "./types.ts";

export const E2E_DIR = join(import.meta.dirname, "..");
export const RESULTS_DIR = join(E2E_DIR, "..", "test-results");

export type JourneyResult = {
  file: string;
  name: string;
  ok: boolean;
  ms: number;
  error?: string;
  steps: string[];
  screenshots: string[];
};

/** Every `e2e/*.e2e.ts` module, in name order, with the journeys it exports. */
export async function loadJourneys(filter?: string): Promise<{ file: string; journey: Journey }[]> {
  const files = (await readdir(E2E_DIR)).filter((file) => file.endsWith(".e2e.ts")).sort();
  const found: { file: string; journey: Journey }[] = [];
  for (const file of files) {
    const module = (await import(pathToFileURL(join(E2E_DIR, file)).href)) as {
      journeys?: Journey[];
      default?: Journey[];
    };
    const journeys = module.journeys ?? module.default;
    if (!Array.isArray(journeys)) throw new Error(`${file} must export \`journeys\`: an array of { name, run }`);
    for (const journey of journeys) {
      if (!filter || `${file} ${journey.name}`.toLowerCase().includes(filter.toLowerCase()))
        found.push({ file, journey });
    }
  }
  return found;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 80);
}

/** Runs one journey in its own browser context; never throws. */
export async function runJourney(
  browser: Browser,
  baseURL: string,
  file: string,
  journey: Journey,
  scans: AxeScan[],
): Promise<JourneyResult> {
  const started = performance.now();
  const steps: string[] = [];
  const pageErrors: string[] = [];
  // The browser's clock reads the district's time zone, so "today" on the page is the app's today.
  const context = await browser.newContext({
    baseURL,
    reducedMotion: "reduce",
    locale: "en-US",
    timezoneId: DISTRICT_TIME_ZONE,
  });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(30_000);
  const watch = (page: Page) => {
    page.on("pageerror", (error) => pageErrors.push(`${page.url()}: ${error.message}`));
  };
  context.on("page", watch);
  const page = await context.newPage();

  const ctx: JourneyContext = {
    baseURL,
    browser,
    context,
    page,
    newPage: () => context.newPage(),
    axe: async (target, label) => {
      steps.push(`axe: ${label}`);
      scans.push(await checkAccessibility(target, label));
    },
    signIn: async (target, email, password = DEMO_PASSWORD) => {
      steps.push(`sign in as ${email}`);
      await target.goto("/sign-in");
      await target.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
      await tabTo(target, target.getByLabel("Email address"));
      await target.keyboard.type(email);
      await tabTo(target, target.getByLabel("Password"));
      await target.keyboard.type(password);
      await target.keyboard.press("Enter");
      await target.getByRole("button", { name: "Sign out", exact: true }).waitFor();
    },
    tabTo: (target, locator, options) => tabTo(target, locator, options),
    focused: (target) => describeFocus(target),
    heading: async (target, text) => {
      const heading = target.getByRole("heading", { level: 1, name: text });
      await heading.waitFor();
      return heading;
    },
    step: (text) => {
      steps.push(text);
    },
  };

  let error: string | undefined;
  try {
    await journey.run(ctx);
    if (pageErrors.length > 0) throw new Error(`The page threw:\n  ${pageErrors.join("\n  ")}`);
  } catch (caught) {
    error = caught instanceof Error ? (caught.stack ?? caught.message) : String(caught);
  }

  const screenshots: string[] = [];
  if (error) {
    await mkdir(RESULTS_DIR, { recursive: true });
    let index = 0;
    for (const open of context.pages()) {
      const where = await open
        .evaluate(() => `${location.href} — h1: ${document.querySelector("h1")?.textContent ?? "(none)"}`)
        .catch(() => open.url());
      error += `\n  page: ${where}`;
      const path = join(
        RESULTS_DIR,
        `${slug(file.replace(/\.e2e\.ts$/, ""))}--${slug(journey.name)}${index ? `-${index}` : ""}.png`,
      );
      index++;
      try {
        await open.screenshot({ path, fullPage: true });
        screenshots.push(path);
      } catch {
        // The page may be gone; the error message is what matters.
      }
    }
  }
  await context.close().catch(() => {});
  const result: JourneyResult = {
    file,
    name: journey.name,
    ok: !error,
    ms: Math.round(performance.now() - started),
    steps,
    screenshots,
  };
  if (error) result.error = error;
  return result;
}
