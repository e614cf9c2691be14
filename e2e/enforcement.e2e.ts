/**
 * Enforcement journeys: a speech-language pathologist logs sessions for the week from the
 * keyboard-only grid, and Mateo's parent sees delivered vs required minutes and the make-up minutes
 * under the district's policy (never a bare "owed"), then the progress charts. axe scans every page
 * state.
 */
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { DEMO_ACCOUNTS, type Journey, type JourneyContext } from "./harness/types.ts";

/** The grid is for the current week; during a break, step back to a week with school days. */
async function weekWithSchoolDays(page: Page, tabTo: JourneyContext["tabTo"]) {
  for (let tries = 0; tries < 4; tries++) {
    const cells = page.getByRole("combobox", { name: /^Mateo Rivera, .*: what happened$/ });
    const none = page.getByText("There are no school days this week.");
    await Promise.race([cells.first().waitFor(), none.waitFor()]);
    if ((await cells.count()) > 0) return cells;
    await tabTo(page, page.getByRole("button", { name: "Previous week" }));
    await page.keyboard.press("Enter");
  }
  throw new Error("no week with school days found");
}

export const journeys: Journey[] = [
  {
    name: "a provider logs a week of sessions for the caseload by keyboard",
    async run({ page, axe, heading, signIn, tabTo, step }) {
      await signIn(page, DEMO_ACCOUNTS.relatedServiceProvider);

      step("open the week-logging grid");
      await page.goto("/services/week");
      await heading(page, "Log a week of services");
      const cells = await weekWithSchoolDays(page, tabTo);
      await axe(page, "week grid");

      step("mark the first session: the provider was absent");
      const first = cells.first();
      await tabTo(page, first, { maxPresses: 40 });
      await page.keyboard.type("Provider");
      assert.equal(await first.inputValue(), "provider-absent");
      const firstMinutes = page.getByRole("spinbutton", {
        name: ((await first.getAttribute("aria-label")) ?? "").replace(/what happened$/, "minutes"),
      });
      const filled = await firstMinutes.inputValue();
      assert.match(filled, /^\d+$/, "minutes fill in from the plan");

      step("Tab moves to the minutes, then to the next day; mark it delivered");
      await page.keyboard.press("Tab");
      assert.ok(await firstMinutes.evaluate((e) => e === document.activeElement), "focus is on the minutes box");
      await page.keyboard.press("Tab");
      const second = cells.nth(1);
      if ((await cells.count()) > 1) {
        assert.ok(await second.evaluate((e) => e === document.activeElement), "focus moved to the next day");
        await page.keyboard.type("Delivered");
        assert.equal(await second.inputValue(), "delivered");
      }

      step("save the week");
      await tabTo(page, page.getByRole("button", { name: "Save the week" }), { maxPresses: 200 });
      await page.keyboard.press("Enter");
      await page.getByText(/^Saved \d+ sessions?\.$/).waitFor();
      await axe(page, "week grid after saving");

      step("the saved week shows again after reloading");
      await page.reload();
      await heading(page, "Log a week of services");
      const again = page.getByRole("combobox", { name: /^Mateo Rivera, .*: what happened$/ }).first();
      await again.waitFor();
      assert.equal(await again.inputValue(), "provider-absent");
    },
  },

  {
    name: "a guardian sees delivered and required minutes, make-up minutes under the district's policy (never a bare 'owed'), and the progress charts",
    async run({ page, axe, heading, signIn, tabTo, step }) {
      await signIn(page, DEMO_ACCOUNTS.guardian);
      await heading(page, "My children");
      const link = page.getByRole("link", { name: "Mateo Rivera" }).first();
      const href = await link.getAttribute("href");
      assert.ok(href?.startsWith("/students/"), `link to the child's page (${href})`);

      step("open the child's services");
      await page.goto(`${href}/services`);
      await heading(page, "Services for Mateo Rivera");
      const table = page.getByRole("table", { name: /Minutes for each service/ });
      await table.waitFor();
      assert.ok((await table.getByRole("row").count()) > 1, "one row per service");
      const owed = (await page.getByTestId("owed-total").textContent()) ?? "";
      const match = /(\d[\d,]*) make-up minutes? under the district's policy/.exec(owed);
      assert.ok(match && Number((match[1] ?? "0").replace(/,/g, "")) > 0, `make-up minutes are shown: "${owed}"`);
      assert.ok(!/\bowes?\b|\bowed\b/i.test((await page.locator("main").textContent()) ?? ""), "no bare 'owed'");
      await page.getByTestId("to-explain").waitFor();
      await page
        .getByText(/^Provider absent: \d+ minutes$/)
        .first()
        .waitFor();
      await axe(page, "guardian: service minutes");

      step("go to the progress page by keyboard");
      await tabTo(page, page.getByRole("link", { name: "See progress toward the goals" }), { maxPresses: 120 });
      await page.keyboard.press("Enter");
      await heading(page, "Progress for Mateo Rivera");
      const chart = page.getByRole("img", { name: /scores over time/ }).first();
      await chart.waitFor();
      const summary = (await chart.locator("desc").textContent()) ?? "";
      assert.match(summary, /Starting point .* target .* scores recorded/);
      await page
        .getByRole("table", { name: /^Scores for / })
        .first()
        .waitFor();
      assert.equal(
        await page.getByRole("button", { name: "Save the score" }).count(),
        0,
        "families do not record scores",
      );
      await axe(page, "guardian: progress");
    },
  },

  {
    name: "a district administrator reads the service delivery report by school and provider",
    async run({ page, axe, heading, signIn, tabTo, step }) {
      await signIn(page, DEMO_ACCOUNTS.districtAdmin);
      step("open the report");
      await page.goto("/reports/service-fidelity");
      await heading(page, "Service delivery report");
      const table = page.getByRole("table", { name: /^Minutes by school/ });
      await table.waitFor();
      assert.ok((await table.getByRole("row").count()) > 1, "a row per school");
      await axe(page, "service delivery report");

      step("group by provider with the keyboard");
      const by = page.getByLabel("Group by");
      await tabTo(page, by);
      await page.keyboard.type("Provider");
      await tabTo(page, page.getByRole("button", { name: "Show the report" }));
      await page.keyboard.press("Enter");
      await page.getByRole("table", { name: /^Minutes by provider/ }).waitFor();
      const csv = page.getByRole("link", { name: "Download as a spreadsheet (CSV)" });
      assert.match((await csv.getAttribute("href")) ?? "", /service-fidelity\.csv\?by=provider/);
      await axe(page, "service delivery report by provider");
    },
  },
];
