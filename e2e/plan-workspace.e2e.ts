/**
 * The plan editor people can work in, by keyboard: a student created in the journey (a
 * 7-year-old, so no transition plan), a new IEP draft, the section list to move around, progress
 * that changes when a section is filled, a goal built from the goal bank and seen in the goals, a
 * finding's link that puts focus in the field it concerns. axe on every step.
 */
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { DEMO_ACCOUNTS, type Journey } from "./harness/types.ts";

async function csrfHeaders(page: Page): Promise<Record<string, string>> {
  const csrf = (await page.context().cookies()).find((c) => c.name === "lantern_csrf")?.value ?? "";
  return { "x-csrf-token": csrf };
}

const ROSTER = [
  "sis_id,first_name,last_name,date_of_birth,grade,school,school_code,case_manager_email,guardian1_first_name,guardian1_last_name,guardian1_email,guardian1_relationship,guardian2_first_name,guardian2_last_name,guardian2_email,guardian2_relationship",
  `WS7001,Wren,Halloway,2019-04-10,2,Northside Elementary,,${DEMO_ACCOUNTS.caseManager},Iris,Halloway,iris.halloway@family.example,mother,,,,`,
].join("\n");

const progressOf = async (page: Page) => {
  const text = (await page.getByTestId("plan-progress").textContent()) ?? "";
  const m = /(\d+) of (\d+) sections? complete/.exec(text);
  assert.ok(m, `progress is shown: ${text}`);
  return { complete: Number(m[1]), total: Number(m[2]) };
};

export const journeys: Journey[] = [
  {
    name: "plan workspace: section list, progress, a goal from the goal bank and a finding's link, by keyboard",
    async run({ page, axe, heading, tabTo, signIn, step, focused }) {
      step("a district administrator loads a new 7-year-old student");
      await signIn(page, DEMO_ACCOUNTS.districtAdmin);
      const loaded = await page.request.post("/api/district/roster", {
        headers: { ...(await csrfHeaders(page)), "content-type": "text/csv" },
        data: ROSTER,
      });
      assert.equal(loaded.status(), 200, await loaded.text());
      await page.request.post("/api/auth/sign-out", { headers: await csrfHeaders(page) });

      step("the case manager starts an IEP for the student");
      await signIn(page, DEMO_ACCOUNTS.caseManager);
      const found = (await (await page.request.get("/api/students?q=Halloway")).json()) as {
        items: Array<{ id: string; firstName: string }>;
      };
      const wren = found.items.find((s) => s.firstName === "Wren");
      assert.ok(wren, "the new student is on the caseload");
      const created = await page.request.post(`/api/students/${wren.id}/plans`, {
        headers: await csrfHeaders(page),
        data: { type: "iep" },
      });
      assert.equal(created.status(), 201, await created.text());
      const plan = (await created.json()) as { plan: { id: string } };
      await page.goto(`/students/${wren.id}/plans/${plan.plan.id}/edit`);
      await heading(page, "Edit IEP for Wren Halloway");
      await page.getByRole("region", { name: "What the checks found" }).waitFor();
      await axe(page, "a blank IEP draft in the editor");

      step("the save status and the progress are in view; no transition plan at 7, with the reason");
      await page.getByTestId("save-status").waitFor();
      const transition = page.getByTestId("not-applicable-transition");
      await transition.waitFor();
      assert.match((await transition.textContent()) ?? "", /turns 16 \(April 10, 2035\)/);
      const before = await progressOf(page);
      assert.equal(before.complete, 0);

      step("move to Key dates through the section list; focus lands on its heading");
      const nav = page.getByRole("navigation", { name: "Sections" });
      await tabTo(page, nav.getByRole("link", { name: "Key dates" }), { maxPresses: 40 });
      await page.keyboard.press("Enter");
      assert.match(await focused(page), /h-dates/);

      step("fill the plan's dates by keyboard; the section counts as complete");
      await page.keyboard.press("Tab");
      assert.match(await focused(page), /field-dates\./, "Tab from the heading goes to the section's first field");
      await tabTo(page, page.locator('[id="field-dates.planStart"]'));
      await page.keyboard.type("09012026");
      await tabTo(page, page.locator('[id="field-dates.planEnd"]'));
      await page.keyboard.type("08312027");
      await page.waitForFunction(
        (n) => /^(\d+) of/.exec(document.querySelector('[data-testid="plan-progress"]')?.textContent ?? "")?.[1] === n,
        String(before.complete + 1),
      );
      await nav.getByText(/Key dates/).waitFor();
      assert.match((await nav.getByRole("listitem").filter({ hasText: "Key dates" }).textContent()) ?? "", /Complete/);
      await axe(page, "the editor after a section is complete");

      step("build a goal from the goal bank");
      const builder = page.getByTestId("goal-builder");
      const picker = builder.getByLabel("Start from a pattern in the goal bank");
      await tabTo(page, picker, { maxPresses: 120 });
      await page.keyboard.type("Oral reading");
      assert.equal(await picker.inputValue(), "lantern-reading-fluency");
      await tabTo(page, builder.getByRole("button", { name: "Use this pattern" }));
      await page.keyboard.press("Enter");
      assert.match(await focused(page), /goal-builder-skill/);
      await tabTo(page, builder.getByLabel("Baseline: the amount now"));
      await page.keyboard.type("42");
      await tabTo(page, builder.getByLabel("Target: the amount by the date"));
      await page.keyboard.type("90");

      step("a vague phrase is flagged as it is typed, and goes away when removed");
      await tabTo(page, builder.getByLabel("Criterion: how well or how often"));
      await page.keyboard.press("End");
      await page.keyboard.type(" as needed");
      await builder.getByTestId("goal-warnings").waitFor();
      assert.match((await builder.getByText(/“as needed” leaves the amount/).textContent()) ?? "", /as needed/);
      for (let i = 0; i < " as needed".length; i++) await page.keyboard.press("Backspace");
      await builder.getByTestId("goal-warnings").waitFor({ state: "detached" });
      await tabTo(page, builder.getByLabel("By date"));
      await page.keyboard.type("06042027");
      const preview = (await builder.getByTestId("goal-preview").textContent()) ?? "";
      assert.equal(
        preview,
        "By June 4, 2027, Wren will read a passage at grade level aloud at 90 words correct per minute, on 3 of 4 weekly one-minute probes, as measured by curriculum-based measurement reading probes. Now: 42 words correct per minute.",
      );
      await axe(page, "the goal builder with a goal written");

      step("add the goal: it appears in the plan's goals, focus on it");
      await tabTo(page, builder.getByRole("button", { name: "Add this goal to the plan" }));
      await page.keyboard.press("Enter");
      await page.waitForFunction(() => document.activeElement?.id.startsWith("field-goals.0.") === true);
      const statement = page.locator('[id="field-goals.0.statement"]');
      assert.equal(await statement.inputValue(), preview);
      await builder.getByText("Goal 1 added to the plan's goals.").waitFor();
      await page.waitForFunction(
        () => document.querySelector('[data-testid="save-status"]')?.getAttribute("data-state") === "saved",
      );

      step("the goals section counts as complete once its only goal is measurable");
      const goalsItem = nav.getByRole("listitem").filter({ hasText: "Measurable annual goals" });
      await goalsItem.getByText(/Complete/).waitFor();

      step("a finding sits beside its field; its link puts focus in that field");
      const impact = "/presentLevels/impactOnGeneralCurriculum";
      await page.locator(`[data-testid="finding-note"][data-place="${impact}"]`).waitFor();
      const findingsList = page.getByTestId("plan-findings");
      const finding = findingsList.getByRole("listitem").filter({ hasText: "general curriculum" }).first();
      const link = finding.getByRole("link", { name: "Go to this part of the plan" });
      await tabTo(page, link, { backward: true, maxPresses: 250 });
      await page.keyboard.press("Enter");
      assert.match(await focused(page), /field-presentLevels\.impactOnGeneralCurriculum/);
      await page.keyboard.type("Reading below grade level keeps Wren from following grade-level lessons in class.");
      await page.waitForFunction(
        () => document.querySelector('[data-testid="save-status"]')?.getAttribute("data-state") === "saved",
      );
      await axe(page, "the editor after following a finding");
    },
  },
];
