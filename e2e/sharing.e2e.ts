/**
 * Privacy a family can see and control: the record of access on their child's page, and
 * sharing the record with an advocate — stopped and restored by keyboard, with the advocate's
 * access following at once.
 */
import assert from "node:assert/strict";
import { DEMO_ACCOUNTS, type Journey } from "./harness/types.ts";

export const journeys: Journey[] = [
  {
    name: "a guardian reads who looked at the record, stops sharing with the advocate and shares again, by keyboard",
    async run({ page, axe, heading, tabTo, signIn, step, browser, baseURL }) {
      step("the guardian opens Mateo's page");
      await signIn(page, DEMO_ACCOUNTS.guardian);
      await tabTo(page, page.getByRole("link", { name: "Mateo Rivera" }));
      await page.keyboard.press("Enter");
      await heading(page, "Mateo Rivera");

      step("the record of access lists the guardian's own look, newest first");
      const log = page.getByRole("table", { name: "Record of access, newest first" });
      await log.waitFor();
      const firstRow = log.getByRole("row").nth(1);
      assert.match((await firstRow.textContent()) ?? "", /Ana Rivera/);
      assert.match((await firstRow.textContent()) ?? "", /Parent or guardian/);

      step("the advocate is listed; stop sharing by keyboard");
      const section = page.getByRole("region", { name: "Sharing with an advocate" });
      await section.getByText("Sam Delgado (advocate@advocacy.example)").waitFor();
      await axe(page, "student page: guardian with sharing and record of access");
      await tabTo(page, section.getByRole("button", { name: "Stop sharing with Sam Delgado" }));
      await page.keyboard.press("Enter");
      await section.getByText("You stopped sharing with Sam Delgado.").waitFor();
      await section.getByText("You are not sharing this record with anyone.").waitFor();

      step("the advocate no longer sees Mateo");
      const advocateContext = await browser.newContext({ baseURL });
      try {
        const advocatePage = await advocateContext.newPage();
        await signIn(advocatePage, DEMO_ACCOUNTS.advocate);
        await advocatePage
          .getByText("Mateo Rivera")
          .waitFor({ state: "detached", timeout: 5000 })
          .catch(() => {});
        assert.equal(await advocatePage.getByRole("link", { name: "Mateo Rivera" }).count(), 0);
      } finally {
        await advocateContext.close();
      }

      step("a wrong email is named on the field");
      const email = section.getByLabel("Advocate's email address");
      await tabTo(page, email);
      await page.keyboard.type("casemanager@maplevalley.example");
      await page.keyboard.press("Enter");
      await section.getByText("no advocate account has this email address").first().waitFor();
      assert.equal(await email.getAttribute("aria-invalid"), "true");
      await axe(page, "sharing form with an error");

      step("share again with the right address");
      await email.fill("");
      await tabTo(page, email);
      await page.keyboard.type(DEMO_ACCOUNTS.advocate);
      await page.keyboard.press("Enter");
      await section.getByText("The record is now shared with advocate@advocacy.example.").waitFor();
      await section.getByText("Sam Delgado (advocate@advocacy.example)").waitFor();
      await axe(page, "sharing restored");
    },
  },
];
