/**
 * Plan workspace journey: a case manager starts the annual review of Mateo Rivera's IEP from the
 * demo data, edits it (autosaved), schedules the meeting, records attendance and notes, and
 * proposes it; his mother reads it and signs by keyboard; the version is sealed and its SHA-256
 * shown. Every page is scanned with axe.
 */
import assert from "node:assert/strict";
import { districtToday } from "./harness/district-today.ts";
import { DEMO_ACCOUNTS, type Journey } from "./harness/types.ts";

export const journeys: Journey[] = [
  {
    name: "a case manager drafts, meets and proposes an IEP; the guardian signs by keyboard; the plan is sealed",
    async run({ page, axe, heading, tabTo, signIn, step }) {
      step("sign in as the case manager and open Mateo Rivera's plans");
      await signIn(page, DEMO_ACCOUNTS.caseManager);
      const found = (await (await page.request.get("/api/students?q=Rivera")).json()) as {
        items: Array<{ id: string; firstName: string }>;
      };
      const mateo = found.items.find((s) => s.firstName === "Mateo");
      assert.ok(mateo, "Mateo Rivera is on the caseload");
      await page.goto(`/students/${mateo.id}/plans`);
      await heading(page, "Plans for Mateo Rivera");
      await axe(page, "plans of a student");

      step("open the IEP in effect: its seal is shown");
      await tabTo(page, page.getByRole("link", { name: /^IEP — In effect/ }));
      await page.keyboard.press("Enter");
      await heading(page, "IEP for Mateo Rivera");
      const firstHash = (await page.getByTestId("plan-hash").textContent()) ?? "";
      assert.match(firstHash.replaceAll(" ", ""), /^[0-9a-f]{64}$/);
      await page.getByText("The stored plan still matches its fingerprint.").waitFor();
      await axe(page, "plan in effect");

      step("start the annual review: a new draft version");
      await tabTo(page, page.getByRole("button", { name: "Start the annual review" }), { maxPresses: 80 });
      await page.keyboard.press("Enter");
      await page.getByTestId("plan-status").getByText("Version 2: Draft — being written").waitFor();

      step("edit the draft: fewer speech minutes and the notice date; autosaved");
      await tabTo(page, page.getByRole("link", { name: "Edit the draft" }), { maxPresses: 80 });
      await page.keyboard.press("Enter");
      await heading(page, "Edit IEP for Mateo Rivera");
      const minutes = page.locator('[name="services.1.minutesPerSession"]');
      await tabTo(page, minutes, { maxPresses: 1500 });
      await page.keyboard.press("Control+A");
      await page.keyboard.type("15");
      await page.locator('[name="priorWrittenNotice.date"]').fill(districtToday());
      step("the special factors and the summer-services decision, by keyboard");
      const behavior = page.getByRole("checkbox", { name: /^Behavior: the team considered/ });
      await tabTo(page, behavior, { maxPresses: 800 });
      const wasChecked = await behavior.isChecked();
      await page.keyboard.press("Space");
      assert.equal(await behavior.isChecked(), !wasChecked);
      const esy = page.getByRole("combobox", { name: "Decision" });
      await tabTo(page, esy, { maxPresses: 60 });
      await page.keyboard.type("Not needed");
      assert.equal(await esy.inputValue(), "not-required");
      const status = page.getByTestId("save-status");
      await page
        .waitForFunction(
          () =>
            document.querySelector('[data-testid="save-status"]')?.getAttribute("data-state") === "saved" &&
            (document.querySelector('[data-testid="save-status"]')?.textContent ?? "").includes("Saved at"),
          undefined,
          { timeout: 30_000 },
        )
        .catch(async (error: unknown) => {
          throw new Error(`not saved: ${await page.getByTestId("save-status").textContent()} (${String(error)})`);
        });
      assert.match((await status.textContent()) ?? "", /Saved at/);
      step("the plan checks sit beside the editor, each with its rule");
      const checks = page.getByRole("region", { name: "What the checks found" });
      await checks.waitFor();
      assert.match((await checks.textContent()) ?? "", /34 CFR|nothing missing/);
      await axe(page, "plan editor");

      step("back to the plan: schedule the meeting");
      await tabTo(page, page.getByRole("link", { name: "Back to the plan" }), { backward: true, maxPresses: 3000 });
      await page.keyboard.press("Enter");
      await heading(page, "IEP for Mateo Rivera");
      const today = districtToday();
      await page.getByLabel("Date", { exact: false }).first().fill(today);
      await page.getByLabel(/^Where/).fill("Room 12");
      await page.getByLabel(/^What the meeting is for/).fill("Annual IEP review");
      await page.getByLabel("Date the notice was sent to the family").fill(today);
      await axe(page, "plan draft with the meeting form");
      await tabTo(page, page.getByRole("button", { name: "Schedule" }));
      await page.keyboard.press("Enter");
      await page.getByTestId("meeting-scheduled").waitFor();

      step("record attendance and notes");
      for (const select of await page.locator('select[name^="attendance-"]').all()) {
        await select.selectOption("attended");
      }
      await page.getByLabel("Meeting notes").fill("The team reviewed progress; speech sessions are shorter this year.");
      const saved = page.waitForResponse((r) => r.url().includes("/attendance") && r.request().method() === "PUT");
      await tabTo(page, page.getByRole("button", { name: "Save attendance and notes" }));
      await page.keyboard.press("Enter");
      assert.equal((await saved).status(), 200);
      await page.getByTestId("meeting-scheduled").waitFor();

      step("log an earlier attempt to reach the parent (34 CFR 300.322(d))");
      const contact = page.getByRole("form", { name: "Attempts to involve the parent" });
      await tabTo(page, contact.getByRole("button", { name: "Record the attempt" }), { maxPresses: 120 });
      await page.keyboard.press("Enter");
      await contact.getByText("Enter the date of the attempt.").first().waitFor();
      await contact.getByLabel("Date of the attempt").fill("2026-11-10");
      await tabTo(page, contact.getByLabel("What happened"));
      await page.keyboard.type("Left a voicemail; the parent called back the next day.");
      await tabTo(page, contact.getByRole("button", { name: "Record the attempt" }));
      await page.keyboard.press("Enter");
      await contact
        .getByTestId("contact-attempts")
        .getByText(/Phone call: Left a voicemail/)
        .waitFor();
      await axe(page, "plan draft after the meeting");

      step("propose the plan to the family");
      await tabTo(page, page.getByRole("button", { name: "Propose the plan to the family" }), {
        backward: true,
        maxPresses: 120,
      });
      await page.keyboard.press("Enter");
      await page
        .getByTestId("plan-status")
        .getByText("Proposed — waiting for the family's signature")
        .first()
        .waitFor();
      await page
        .getByTestId("diff")
        .getByText(/Speech/i)
        .first()
        .waitFor();
      await axe(page, "proposed plan");

      step("sign out; the guardian signs in and opens the plan");
      await tabTo(page, page.getByRole("button", { name: "Sign out", exact: true }), {
        backward: true,
        maxPresses: 150,
      });
      await page.keyboard.press("Enter");
      await page.getByRole("link", { name: "Sign in" }).first().waitFor();
      await signIn(page, DEMO_ACCOUNTS.guardian);
      const plans = (await (await page.request.get(`/api/students/${mateo.id}/plans`)).json()) as {
        items: Array<{ id: string; type: string }>;
      };
      const iep = plans.items.find((p) => p.type === "iep");
      assert.ok(iep);
      await page.goto(`/students/${mateo.id}/plans/${iep.id}`);
      await heading(page, "IEP for Mateo Rivera");
      await page.getByRole("heading", { level: 2, name: "The plan, in plain words" }).waitFor();
      await axe(page, "guardian reads the proposed plan");

      step("the family can print the notice of the meeting (34 CFR 300.322(b))");
      const noticeLink = page.getByRole("link", { name: "Notice of the team meeting (PDF)" });
      await noticeLink.waitFor();
      const noticeHref = await noticeLink.getAttribute("href");
      assert.ok(noticeHref, "the notice link has an address");
      const notice = await page.request.get(noticeHref);
      assert.equal(notice.status(), 200);
      assert.equal(notice.headers()["content-type"], "application/pdf");

      step("sign by keyboard: consent, typed name, Enter");
      await tabTo(page, page.getByRole("radio", { name: "I agree to the whole plan" }), { maxPresses: 80 });
      await page.keyboard.press("Space");
      await tabTo(page, page.getByLabel(/^Type your full name/));
      await page.keyboard.type("Ana Rivera");
      await page.keyboard.press("Enter");
      const confirm = page.getByRole("dialog", { name: "Sign this plan?" });
      await confirm.waitFor();
      await tabTo(page, confirm.getByRole("button", { name: "Yes, sign" }));
      await page.keyboard.press("Enter");
      await page.getByTestId("plan-status").getByText("Signed and sealed — not yet in effect").first().waitFor();
      const hash = (await page.getByTestId("plan-hash").textContent()) ?? "";
      assert.match(hash.replaceAll(" ", ""), /^[0-9a-f]{64}$/);
      assert.notEqual(hash, firstHash, "the new version has its own seal");
      await page.getByText("The stored plan still matches its fingerprint.").waitFor();
      await page
        .getByTestId("signatures")
        .getByText(/Ana Rivera/)
        .waitFor();
      await axe(page, "sealed plan (guardian)");
    },
  },
];
