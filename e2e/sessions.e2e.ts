/**
 * Sessions: a case manager types in a new plan; the session ends (she signs out everywhere from
 * another computer); the next save finds it ended, the app says why on the sign-in page, and
 * after signing in again she is back in the editor with every word she typed. A student made in
 * the test, nothing seeded for it. axe on each step.
 */
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { DEMO_ACCOUNTS, type Journey } from "./harness/types.ts";

/** A new student on the case manager's caseload, loaded as a district administrator would (a roster file). */
async function newStudent(page: Page, lastName: string): Promise<string> {
  const csrf = (await page.context().cookies()).find((c) => c.name === "lantern_csrf")?.value ?? "";
  const sisId = `SE${Date.now().toString().slice(-6)}`;
  const csv = [
    "sis_id,first_name,last_name,date_of_birth,grade,school,case_manager_email",
    `${sisId},Noor,${lastName},2015-02-11,5,Northside Elementary,${DEMO_ACCOUNTS.caseManager}`,
  ].join("\n");
  const imported = await page.request.post("/api/district/roster", {
    headers: { "content-type": "text/csv", "x-csrf-token": csrf },
    data: csv,
  });
  assert.equal(imported.status(), 200, await imported.text());
  const found = (await (await page.request.get(`/api/students?q=${lastName}`)).json()) as {
    items: Array<{ id: string; lastName: string }>;
  };
  const student = found.items.find((s) => s.lastName === lastName);
  assert.ok(student, "the new student is listed");
  return student.id;
}

export const journeys: Journey[] = [
  {
    name: "a session that ends while a plan is being typed loses nothing: sign in again and the text is back",
    async run({ page, browser, baseURL, axe, heading, tabTo, signIn, step }) {
      step("a district administrator adds a student by roster");
      await signIn(page, DEMO_ACCOUNTS.districtAdmin);
      const lastName = `Idlewood${Date.now().toString().slice(-5)}`;
      const studentId = await newStudent(page, lastName);

      step("the case manager starts an IEP and types the present levels");
      const laptop = await browser.newContext({ baseURL });
      const editor = await laptop.newPage();
      try {
        await signIn(editor, DEMO_ACCOUNTS.caseManager);
        await editor.goto(`/students/${studentId}/plans`);
        await heading(editor, `Plans for Noor ${lastName}`);
        await tabTo(editor, editor.getByRole("button", { name: "Start the draft" }), { maxPresses: 80 });
        await editor.keyboard.press("Enter");
        await heading(editor, `Edit IEP for Noor ${lastName}`);
        const academic = editor.locator(`[name="presentLevels.academic"]`);
        await tabTo(editor, academic, { maxPresses: 200 });
        await editor.keyboard.type("Noor reads 48 words a minute in grade 2 text.");
        await editor.waitForFunction(
          () => document.querySelector('[data-testid="save-status"]')?.getAttribute("data-state") === "saved",
        );

        step("she signs out everywhere from another computer");
        const other = await browser.newContext({ baseURL });
        try {
          const phone = await other.newPage();
          await signIn(phone, DEMO_ACCOUNTS.caseManager);
          await tabTo(phone, phone.getByRole("button", { name: "Sign out everywhere" }), {
            backward: true,
            maxPresses: 80,
          });
          await phone.keyboard.press("Enter");
          await phone.getByRole("link", { name: "Sign in" }).first().waitFor();
        } finally {
          await other.close();
        }

        step("she goes on typing; the save finds the session ended and the sign-in page says why");
        await academic.focus();
        await editor.keyboard.press("End");
        await editor.keyboard.type(" She self-corrects most errors.");
        await heading(editor, "Sign in");
        await editor.getByText("You were signed out").waitFor();
        assert.match(new URL(editor.url()).searchParams.get("next") ?? "", new RegExp(`/students/${studentId}/plans/`));
        await axe(editor, "sign-in after the session ended");

        step("she signs in again and is back in the editor with everything she typed");
        await tabTo(editor, editor.getByLabel("Email address"));
        await editor.keyboard.type(DEMO_ACCOUNTS.caseManager);
        await tabTo(editor, editor.getByLabel("Password"));
        await editor.keyboard.type("lantern-demo");
        await editor.keyboard.press("Enter");
        await heading(editor, `Edit IEP for Noor ${lastName}`);
        assert.equal(
          await editor.locator(`[name="presentLevels.academic"]`).inputValue(),
          "Noor reads 48 words a minute in grade 2 text. She self-corrects most errors.",
        );
        await editor.waitForFunction(
          () => document.querySelector('[data-testid="save-status"]')?.getAttribute("data-state") === "saved",
        );
        await axe(editor, "plan editor after signing in again");
      } finally {
        await laptop.close();
      }
    },
  },
];
