/**
 * A district administrator loads a small roster by keyboard: a file with a mistake is checked and
 * its problem shown by line and column (nothing saved), the corrected file is checked and then
 * imported. axe on each state.
 */
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { DEMO_ACCOUNTS, type Journey, type JourneyContext } from "./harness/types.ts";

const HEADER =
  "sis_id,first_name,last_name,date_of_birth,grade,school,case_manager_email,guardian1_first_name,guardian1_last_name,guardian1_email";
const GOOD = [
  HEADER,
  "MV2101,Odile,Brandvold,2016-08-21,4,Northside Elementary,casemanager@maplevalley.example,Ines,Brandvold,ines.brandvold@family.example",
  "MV2102,Tariq,Wexley,2013-11-03,7,Riverside Middle School,,Jun,Wexley,jun.wexley@family.example",
].join("\n");
/** The same file with the second student's date of birth mistyped. */
const BAD = GOOD.replace("2013-11-03", "2013-11-31");

async function chooseFile(ctx: JourneyContext, page: Page, text: string, backward = false): Promise<void> {
  const input = page.getByLabel("Roster file (CSV)");
  await ctx.tabTo(page, input, { backward });
  // The browser opens its file dialog on Space; the driver starts catching that dialog
  // asynchronously, so a first press can come before it listens: press again if nothing opened.
  for (let attempt = 1; ; attempt++) {
    const chooser = page.waitForEvent("filechooser", { timeout: 4_000 });
    await page.keyboard.press("Space");
    try {
      await (await chooser).setFiles({ name: "roster.csv", mimeType: "text/csv", buffer: Buffer.from(text) });
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
      assert.equal(await input.evaluate((el) => el === document.activeElement), true, "the file input kept focus");
    }
  }
}

export const journeys: Journey[] = [
  {
    name: "a district administrator checks and imports a roster file by keyboard",
    async run(ctx) {
      const { page, axe, heading, tabTo, signIn, step } = ctx;
      await signIn(page, DEMO_ACCOUNTS.districtAdmin);
      await tabTo(page, page.getByRole("link", { name: "Import the student roster" }));
      await page.keyboard.press("Enter");
      await heading(page, "Import the student roster");
      await page.getByRole("table", { name: "Columns of the roster file" }).waitFor();
      await axe(page, "roster import");

      step("a file with a mistyped date is checked: its line and column are named, nothing is saved");
      await chooseFile(ctx, page, BAD);
      await tabTo(page, page.getByRole("button", { name: "Check the file" }));
      await page.keyboard.press("Enter");
      const problems = page.getByRole("table", { name: "Problems by line and column" });
      await problems.waitFor();
      const row = problems.getByRole("row", { name: /^3 date_of_birth/ });
      await row.waitFor();
      const status = page.getByRole("status").filter({ hasText: "problem" });
      assert.match((await status.textContent()) ?? "", /The file has 1 problem\. Nothing was saved\./);
      const input = page.getByLabel("Roster file (CSV)");
      assert.equal(await input.getAttribute("aria-invalid"), "true");
      assert.ok(((await input.getAttribute("aria-describedby")) ?? "").split(" ").includes("roster-problems"));
      const before = (await (await page.request.get("/api/students?q=Wexley")).json()) as { items: unknown[] };
      assert.equal(before.items.length, 0, "nothing was saved");
      await axe(page, "roster problems");

      step("the corrected file is checked, then imported");
      await chooseFile(ctx, page, GOOD, true);
      await tabTo(page, page.getByRole("button", { name: "Check the file" }));
      await page.keyboard.press("Enter");
      await page.getByRole("heading", { name: "The file is ready to import" }).waitFor();
      await page.getByText("Importing it would add 2 students, update 0 students").waitFor();
      await axe(page, "roster checked");
      await tabTo(page, page.getByRole("button", { name: "Import" }));
      await page.keyboard.press("Enter");
      await page.getByRole("heading", { name: "The roster is imported" }).waitFor();
      await page.getByText("Imported: 2 students added, 0 students updated, 0 students unchanged.").waitFor();
      const after = (await (await page.request.get("/api/students?q=Wexley")).json()) as {
        items: Array<{ firstName: string; grade: string; schoolName: string }>;
      };
      assert.deepEqual(
        after.items.map((s) => [s.firstName, s.grade, s.schoolName]),
        [["Tariq", "7", "Riverside Middle School"]],
      );
      await axe(page, "roster imported");
    },
  },
];
