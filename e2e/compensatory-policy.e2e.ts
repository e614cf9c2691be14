/** A district administrator sets which missed sessions the school owes back, by keyboard. */
import assert from "node:assert/strict";
import { DEMO_ACCOUNTS, type Journey } from "./harness/types.ts";

export const journeys: Journey[] = [
  {
    name: "a district administrator sets the compensatory-services policy by keyboard",
    async run({ page, axe, heading, tabTo, signIn, step }) {
      await signIn(page, DEMO_ACCOUNTS.districtAdmin);
      await tabTo(page, page.getByRole("link", { name: "Set the district's policy on minutes owed" }));
      await page.keyboard.press("Enter");
      await heading(page, "Minutes the school owes: district policy");
      const closed = page.getByRole("checkbox", { name: "School closed" });
      await closed.waitFor();
      assert.equal(await closed.isChecked(), false, "closures are not owed by default");
      await axe(page, "compensatory policy");

      step("a percent out of range is named on its field");
      const percent = page.getByLabel("Behind schedule below this percent of required minutes");
      await tabTo(page, percent, { maxPresses: 60 });
      await page.keyboard.press("Control+A");
      await page.keyboard.type("150");
      await page.keyboard.press("Enter");
      await page.getByText("Enter a whole number from 0 to 100.").first().waitFor();
      assert.equal(await percent.getAttribute("aria-invalid"), "true");

      step("count closures as owed and flag services below 80%");
      await tabTo(page, closed, { backward: true });
      await page.keyboard.press("Space");
      await tabTo(page, percent);
      await page.keyboard.press("Control+A");
      await page.keyboard.type("80");
      await tabTo(page, page.getByRole("button", { name: "Save the policy" }));
      await page.keyboard.press("Enter");
      await page.getByText("The policy is saved. Figures use it from now on.").waitFor();
      const saved = (await (await page.request.get("/api/district/compensatory-policy")).json()) as {
        owedReasons: string[];
        behindScheduleThreshold: number;
      };
      assert.ok(saved.owedReasons.includes("school-closed"));
      assert.equal(saved.behindScheduleThreshold, 0.8);
      await axe(page, "compensatory policy saved");

      step("put the default back, so later journeys see the usual figures");
      await tabTo(page, closed, { backward: true, maxPresses: 60 });
      await page.keyboard.press("Space");
      await percent.fill("90");
      await tabTo(page, page.getByRole("button", { name: "Save the policy" }));
      await page.keyboard.press("Enter");
      await page.waitForFunction(async () => {
        const r = await fetch("/api/district/compensatory-policy");
        const p = (await r.json()) as { owedReasons: string[]; behindScheduleThreshold: number };
        return !p.owedReasons.includes("school-closed") && p.behindScheduleThreshold === 0.9;
      });
    },
  },
];
