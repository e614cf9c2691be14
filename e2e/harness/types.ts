import type { Browser, BrowserContext, Locator, Page } from "playwright-core";

/** What every journey gets: a fresh browser context against the running server, and helpers. */
export type JourneyContext = {
  /** The server's address, e.g. http://127.0.0.1:41234 */
  baseURL: string;
  browser: Browser;
  /** A fresh context (own cookies) for this journey. */
  context: BrowserContext;
  /** The journey's first page, already open (about:blank). */
  page: Page;
  /** Opens another page in the same context. */
  newPage(): Promise<Page>;
  /** Runs axe (WCAG 2.0/2.1/2.2 A and AA) on the page; throws listing every violation. */
  axe(page: Page, label: string): Promise<void>;
  /** Signs in through the sign-in page using only the keyboard; resolves when the home page shows. */
  signIn(page: Page, email: string, password?: string): Promise<void>;
  /** Presses Tab (or Shift+Tab) until `target` has focus; throws after `maxPresses`. */
  tabTo(page: Page, target: Locator, options?: { backward?: boolean; maxPresses?: number }): Promise<void>;
  /** A short description of the element that has focus ("a: Skip to main content", "h1#…"). */
  focused(page: Page): Promise<string>;
  /** Waits for the page's h1 to have this text and returns it. */
  heading(page: Page, text: string | RegExp): Promise<Locator>;
  /** Records a step; shown when the journey fails. */
  step(text: string): void;
};

export type Journey = {
  name: string;
  run(ctx: JourneyContext): Promise<void>;
};

export const DEMO_PASSWORD = "lantern-demo";

export const DEMO_ACCOUNTS = {
  districtAdmin: "admin@maplevalley.example",
  schoolAdmin: "principal@northside.maplevalley.example",
  caseManager: "casemanager@maplevalley.example",
  coordinator504: "coordinator504@maplevalley.example",
  teacher: "teacher@northside.maplevalley.example",
  relatedServiceProvider: "slp@maplevalley.example",
  guardian: "parent.rivera@family.example",
  advocate: "advocate@advocacy.example",
} as const;
