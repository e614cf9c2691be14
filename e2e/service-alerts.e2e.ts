/** Staff home pages show the services on their caseload that have fallen behind. */
import assert from "node:assert/strict";
import { DEMO_ACCOUNTS, type Journey } from "./harness/types.ts";

export const journeys: Journey[] = [
  {
    name: "a provider's home lists services behind schedule, each linking to the student's minutes",
    async run({ page, axe, heading, tabTo, signIn, step }) {
      step("sign in as the speech-language pathologist");
      await signIn(page, DEMO_ACCOUNTS.relatedServiceProvider);
      const region = page.getByRole("region", { name: "Services falling behind" });
      await region.waitFor();
      const items = region.getByTestId("service-alerts").getByRole("link");
      await items.first().waitFor();
      const first = (await items.first().textContent()) ?? "";
      assert.match(first, /[\d,]+ of [\d,]+ minutes given so far/);
      await axe(page, "home: provider with service alerts");

      step("follow the first alert by keyboard");
      await tabTo(page, items.first());
      await page.keyboard.press("Enter");
      await heading(page, /^Services for /);
      await axe(page, "service minutes from an alert");
    },
  },
];
