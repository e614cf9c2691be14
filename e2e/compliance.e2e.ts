/**
 * Compliance for people: a district administrator reads the dashboard, filters it by keyboard,
 * opens an overdue student and makes a calendar address; a guardian reads their child's
 * deadlines in plain language. axe on every page.
 */
import assert from "node:assert/strict";
import { DEMO_ACCOUNTS, type Journey } from "./harness/types.ts";

export const journeys: Journey[] = [
  {
    name: "a district administrator reads the compliance dashboard, filters it by keyboard and makes a calendar address",
    async run({ page, axe, heading, tabTo, signIn, step }) {
      step("sign in and open the overview");
      await signIn(page, DEMO_ACCOUNTS.districtAdmin);
      await tabTo(page, page.getByRole("link", { name: "See how the whole district is doing" }));
      await page.keyboard.press("Enter");
      await heading(page, "Deadlines and plan checks");
      const summary = page.getByTestId("compliance-summary");
      await summary.waitFor();
      const overdue = page.getByRole("table", { name: "Overdue deadlines, oldest first" });
      await overdue.waitFor();
      const overdueRows = await overdue.getByRole("row").count();
      assert.ok(overdueRows > 1, "the demo district has overdue deadlines");
      await page.getByRole("table", { name: "Deadlines by kind" }).waitFor();
      step("the trend has a chart with a text summary, and its numbers as a table");
      const trend = page.getByRole("region", { name: "Over the last weeks" });
      await trend.getByRole("img", { name: /Overdue deadlines and plans with a legal problem/ }).waitFor();
      await tabTo(page, trend.getByText("Show the numbers as a table"));
      await page.keyboard.press("Enter");
      await trend.getByRole("table", { name: "Counts by day, oldest first" }).waitFor();
      await axe(page, "compliance dashboard: district");

      step("filter to 504 plans with the keyboard");
      await tabTo(page, page.getByLabel("Kind of plan"));
      await page.keyboard.press("End"); // the last choice: 504 plans only
      await tabTo(page, page.getByRole("button", { name: "Show" }));
      await page.keyboard.press("Enter");
      await page.waitForURL(/planType=section-504/);
      await page.getByTestId("compliance-summary").getByText("IEPs").waitFor();
      const iepCount = await page
        .getByTestId("compliance-summary")
        .locator("div", { hasText: /^IEPs/ })
        .locator("dd")
        .textContent();
      assert.equal(iepCount?.trim(), "0", "only 504 plans are counted");
      await axe(page, "compliance dashboard: 504 plans");

      step("make a calendar address");
      await tabTo(page, page.getByRole("button", { name: "Make my calendar address" }));
      await page.keyboard.press("Enter");
      const address = page.getByLabel("Your calendar address (shown once: copy it now)");
      await address.waitFor();
      const url = await address.inputValue();
      assert.match(url, /\/api\/compliance\/calendar\/[A-Za-z0-9_-]+\.ics$/);
      const ics = await page.request.get(url);
      assert.equal(ics.status(), 200);
      assert.match(await ics.text(), /BEGIN:VCALENDAR/);
      await axe(page, "calendar address shown");

      step("turn it off: the address stops working");
      await tabTo(page, page.getByRole("button", { name: "Turn off my calendar address" }));
      await page.keyboard.press("Enter");
      await page.getByText("Your calendar address is turned off.").waitFor();
      assert.equal((await page.request.get(url)).status(), 404);
    },
  },
  {
    name: "a guardian reads their child's deadlines in plain language",
    async run({ page, axe, heading, tabTo, signIn, step }) {
      step("open Mateo's page");
      await signIn(page, DEMO_ACCOUNTS.guardian);
      await tabTo(page, page.getByRole("link", { name: "Mateo Rivera" }));
      await page.keyboard.press("Enter");
      await heading(page, "Mateo Rivera");
      const section = page.getByRole("region", { name: "Deadlines and checks" });
      await section.waitFor();
      const sentences = section.locator("[data-testid^=plain-deadlines-] li");
      await sentences.first().waitFor();
      const text = (await sentences.allTextContents()).join(" ");
      assert.match(text, /\d{1,2} [A-Z][a-z]+ \d{4}|[A-Z][a-z]+ \d{1,2}, \d{4}/, `dates in words: ${text}`);
      assert.doesNotMatch(text, /34 CFR/, "no legal citations in the family's sentences");
      await axe(page, "student page: guardian deadlines");
    },
  },
];
