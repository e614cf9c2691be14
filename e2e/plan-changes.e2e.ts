/**
 * Changing a plan in effect: an amendment without a meeting needs the parent's written agreement
 * (34 CFR 300.324(a)(4)), and ending a plan needs a reason — both refused with the problem named,
 * then done, by keyboard. axe on each state.
 */
import assert from "node:assert/strict";
import { districtToday } from "./harness/district-today.ts";
import { DEMO_ACCOUNTS, type Journey } from "./harness/types.ts";

type ListItem = {
  id: string;
  firstName: string;
  lastName: string;
  plans: { id: string; type: string; status: string }[];
};

export const journeys: Journey[] = [
  {
    name: "a case manager amends an IEP in effect without a meeting (needs the parent's agreement) and ends a plan with a reason",
    async run({ page, axe, heading, tabTo, signIn, step }) {
      await signIn(page, DEMO_ACCOUNTS.caseManager);
      const list = (await (await page.request.get("/api/students?limit=100")).json()) as { items: ListItem[] };
      const withIep = list.items.find(
        (s) => s.firstName !== "Mateo" && s.plans.some((p) => p.type === "iep" && p.status === "in-effect"),
      );
      assert.ok(withIep, "the demo caseload has another IEP in effect");
      const plan = withIep.plans.find((p) => p.type === "iep" && p.status === "in-effect") as { id: string };
      await page.goto(`/students/${withIep.id}/plans/${plan.id}`);
      await heading(page, `IEP for ${withIep.firstName} ${withIep.lastName}`);

      step("an amendment without a meeting and without the parent's written agreement is refused");
      const amend = page.getByRole("form", { name: "Change the plan (amendment)" });
      await tabTo(page, amend.getByLabel("What changes, and why"), { maxPresses: 200 });
      await page.keyboard.type("Add a daily check-in with the counselor.");
      await tabTo(page, amend.getByRole("checkbox", { name: "The change is made at a team meeting" }));
      await page.keyboard.press("Space");
      await tabTo(page, amend.getByRole("button", { name: "Start the amendment" }));
      await page.keyboard.press("Enter");
      const refusal = amend.getByRole("alert");
      await refusal.waitFor();
      assert.match((await refusal.textContent()) ?? "", /agree|agreement/i);
      await axe(page, "amendment refused");

      step("with the date of the parent's written agreement, the amendment starts as a new draft version");
      await tabTo(page, amend.getByLabel("Date the parent agreed in writing"), { backward: true });
      await amend.getByLabel("Date the parent agreed in writing").fill(districtToday());
      await tabTo(page, amend.getByRole("button", { name: "Start the amendment" }));
      await page.keyboard.press("Enter");
      await page.getByRole("link", { name: "Edit the draft" }).waitFor();
      const amended = (await (await page.request.get(`/api/students/${withIep.id}/plans/${plan.id}`)).json()) as {
        version: { status: string; number: number; content: { amendment: { parentWrittenAgreementDate: string } } };
      };
      assert.equal(amended.version.status, "draft");
      assert.ok(amended.version.number > 1, "a new version");
      assert.ok(amended.version.content.amendment.parentWrittenAgreementDate, "the agreement date is kept");
      await axe(page, "amendment draft");

      step("ending a 504 plan needs a reason");
      const with504 = list.items.find(
        (s) => s.id !== withIep.id && s.plans.some((p) => p.type === "section-504" && p.status === "in-effect"),
      );
      assert.ok(with504, "the demo caseload has a 504 plan in effect");
      const p504 = with504.plans.find((p) => p.type === "section-504" && p.status === "in-effect") as { id: string };
      await page.goto(`/students/${with504.id}/plans/${p504.id}`);
      await heading(page, `504 plan for ${with504.firstName} ${with504.lastName}`);
      const end = page.getByRole("form", { name: "End this plan" });
      await tabTo(page, end.getByRole("button", { name: "End the plan" }), { maxPresses: 200 });
      await page.keyboard.press("Enter");
      await end.getByText("Give the reason the plan ends").first().waitFor();
      await axe(page, "end refused without a reason");
      await tabTo(page, end.getByLabel("Why the plan ends"), { backward: true });
      await page.keyboard.type("The family moved out of the district.");
      await tabTo(page, end.getByRole("button", { name: "End the plan" }));
      await page.keyboard.press("Enter");
      const confirm = page.getByRole("dialog", { name: "End this plan?" });
      await confirm.waitFor();
      await confirm.getByText(/The family moved out of the district/).waitFor();
      await axe(page, "end confirmation");
      await tabTo(page, confirm.getByRole("button", { name: "Yes, end the plan" }));
      await page.keyboard.press("Enter");
      await page.getByRole("form", { name: "End this plan" }).waitFor({ state: "detached" });
      const after = (await (await page.request.get(`/api/students/${with504.id}/plans/${p504.id}`)).json()) as {
        plan: { status: string; endedReason: string | null };
      };
      assert.equal(after.plan.status, "ended");
      assert.equal(after.plan.endedReason, "The family moved out of the district.");
      await axe(page, "plan ended");
    },
  },
];
