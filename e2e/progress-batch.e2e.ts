/** A case manager records a measurement for several goals of the caseload on one screen, by keyboard. */
import assert from "node:assert/strict";
import { DEMO_ACCOUNTS, type Journey } from "./harness/types.ts";

export const journeys: Journey[] = [
  {
    name: "a case manager records progress for the caseload in one batch, by keyboard",
    async run({ page, axe, heading, tabTo, signIn, step }) {
      await signIn(page, DEMO_ACCOUNTS.caseManager);
      await tabTo(page, page.getByRole("link", { name: "Record progress for your caseload" }));
      await page.keyboard.press("Enter");
      await heading(page, "Record progress for your caseload");
      const table = page.getByRole("table", { name: "Goals of the students you work with" });
      await table.waitFor();
      const inputs = table.getByRole("textbox");
      assert.ok((await inputs.count()) >= 2, "the caseload has goals to measure");
      await axe(page, "progress batch");

      step("a value that is not a number is named on its box");
      await tabTo(page, inputs.nth(0), { maxPresses: 100 });
      await page.keyboard.type("12");
      await tabTo(page, inputs.nth(1), { maxPresses: 20 });
      await page.keyboard.type("twelve");
      await tabTo(page, page.getByRole("button", { name: "Save all measurements" }), { maxPresses: 200 });
      await page.keyboard.press("Enter");
      await page.getByText("Enter a number, like 42 or 3.5.").waitFor();
      assert.equal(await inputs.nth(1).getAttribute("aria-invalid"), "true");
      await axe(page, "progress batch with an error");

      step("fix it and save both");
      await inputs.nth(1).fill("");
      await tabTo(page, inputs.nth(1), { backward: true, maxPresses: 200 });
      await page.keyboard.type("13");
      await tabTo(page, page.getByRole("button", { name: "Save all measurements" }), { maxPresses: 200 });
      await page.keyboard.press("Enter");
      await page.getByText("2 measurements saved.").waitFor();
      const href = (await table.getByRole("rowheader").first().getByRole("link").getAttribute("href")) ?? "";
      const studentId = href.split("/")[2] as string;
      const progress = (await (await page.request.get(`/api/students/${studentId}/progress`)).json()) as {
        goals: Array<{ points: Array<{ value: number }> }>;
      };
      const values = progress.goals.flatMap((g) => g.points.map((p) => p.value));
      assert.ok(values.includes(12), "the first measurement is on the student's goal chart");
    },
  },
];
