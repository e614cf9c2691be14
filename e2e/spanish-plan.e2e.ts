/**
 * A plan in the family's language (decision 0027). From nothing: the case manager adds a student
 * on the "Add a student" page with Ana Rivera as the parent, records on the student's page that she
 * reads Spanish, starts an IEP and writes the present levels and a goal by keyboard; the check says
 * the plan's words have no Spanish translation (with its citation), and she adds a Spanish
 * translation beside the present levels and the goal by keyboard, seeing who translated each and
 * when. Then the parent signs in (the app opens in Spanish, her language on the record), reads the
 * plan with the translated goal and its translator's note, and downloads the Spanish family summary,
 * whose text holds the translation. axe at each step.
 */
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { pdfText } from "./harness/pdf-text.ts";
import { PlanEditor } from "./harness/plan-editor.ts";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type Journey, type JourneyContext } from "./harness/types.ts";

const GOAL = "By June, Lucía will read a grade 3 passage aloud at 90 words correct per minute in 4 of 5 probes.";
const GOAL_ES =
  "Para junio, Lucía leerá en voz alta un texto de tercer grado a 90 palabras correctas por minuto en 4 de 5 pruebas.";
const LEVELS = "Lucía reads 42 words correct per minute in grade 3 text; she understands stories read to her.";
const LEVELS_ES =
  "Lucía lee 42 palabras correctas por minuto en un texto de tercer grado; entiende los cuentos que le leen.";

const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);

/** The case manager adds the student on the "Add a student" page, by keyboard; the plans page opens. */
async function addStudent(ctx: JourneyContext, first: string, last: string): Promise<string> {
  const { page, signIn, tabTo, heading, axe, step } = ctx;
  step(`the case manager adds ${first} ${last} in the app`);
  await signIn(page, DEMO_ACCOUNTS.caseManager);
  await tabTo(page, page.getByRole("link", { name: "Add a student" }), { maxPresses: 40 });
  await page.keyboard.press("Enter");
  await heading(page, "Add a student");
  const form = new PlanEditor(page, "student-");
  await form.text("firstName", first);
  await form.text("lastName", last);
  await form.date("dateOfBirth", `${new Date().getUTCFullYear() - 9}-04-20`);
  await form.select("grade", "Grade 3");
  await form.select("schoolId", "Northside Elementary");
  await form.text("guardians-0-firstName", "Ana");
  await form.text("guardians-0-lastName", "Rivera");
  await form.text("guardians-0-email", DEMO_ACCOUNTS.guardian);
  await form.text("guardians-0-relationship", "Mother");
  await form.select("guardians-0-preferredLanguage", "Spanish");
  await tabTo(page, page.getByRole("checkbox", { name: "Parent or guardian 1 needs an interpreter at meetings" }));
  await page.keyboard.press("Space");
  await axe(page, "add a student whose parent reads Spanish");
  await tabTo(page, page.getByRole("button", { name: "Add the student" }));
  await page.keyboard.press("Enter");
  await heading(page, `Plans for ${first} ${last}`);
  const studentId = page.url().split("/students/")[1]?.split("/")[0] ?? "";
  assert.ok(studentId, "the new student's plans page opened");
  return studentId;
}

/** On the student's page, the case manager records that Ana Rivera reads Spanish (the student's record). */
async function recordLanguage(
  ctx: JourneyContext,
  studentId: string,
  name: string,
  reads: "Spanish" | "English",
): Promise<void> {
  const { page, tabTo, heading, axe, step } = ctx;
  step(`the case manager records on the student's record that the parent reads ${reads}`);
  await page.goto(`/students/${studentId}`);
  await heading(page, name);
  // The language chosen on "Add a student" is already on the student's record.
  await page.getByText("Prefers Spanish; needs an interpreter at meetings").first().waitFor();
  const change = page.getByText("Change Ana Rivera's language", { exact: true });
  await tabTo(page, change, { maxPresses: 80 });
  await page.keyboard.press("Enter");
  const language = new PlanEditor(page, "");
  const select = page.getByLabel("Ana Rivera's preferred language");
  await select.waitFor();
  const id = (await select.getAttribute("id")) ?? "";
  await language.select(id, reads);
  await tabTo(page, page.getByRole("button", { name: "Save", exact: true }));
  await page.keyboard.press("Enter");
  await page.getByRole("status").filter({ hasText: "Ana Rivera's language is saved." }).waitFor();
  if (reads === "Spanish") await axe(page, "parent's language recorded");
}

/** "Add Spanish translation" beside a field, by keyboard: type it, save it, see who and when. */
async function translate(ctx: JourneyContext, pointer: string, spanish: string): Promise<void> {
  const { page, tabTo, focused, axe, step } = ctx;
  step(`add a Spanish translation beside ${pointer}`);
  const box = page.locator(`[data-testid="translation"][data-pointer="${pointer}"]`);
  const add = box.getByRole("button", { name: /^Add Spanish translation/ });
  await new PlanEditor(page).reach(add);
  await page.keyboard.press("Enter");
  const area = box.locator("textarea");
  await area.waitFor();
  assert.equal(await area.getAttribute("lang"), "es", "the translation box is marked Spanish");
  assert.ok(
    await area.evaluate((el) => el === document.activeElement),
    `focus moved into the box (${await focused(page)})`,
  );
  await page.keyboard.insertText(spanish);
  await axe(page, `translation box open for ${pointer}`);
  await tabTo(page, box.getByRole("button", { name: "Save translation" }));
  await page.keyboard.press("Enter");
  await box
    .getByTestId("translated-by")
    .filter({ hasText: /^Translated by .+ on / })
    .waitFor();
  assert.ok((await box.textContent())?.includes(spanish), "the translation shows beside the English");
  const back = await focused(page);
  assert.match(back, /Update Spanish translation/, `focus is back on the button (${back})`);
}

export const journeys: Journey[] = [
  {
    name: "a case manager translates a Spanish-reading family's plan beside the English; the parent reads it and its family summary in Spanish",
    async run(ctx) {
      const { page, axe, heading, tabTo, step } = ctx;
      const last = `Paredes${Date.now().toString().slice(-5)}`;
      const name = `Lucía ${last}`;
      const studentId = await addStudent(ctx, "Lucía", last);
      await recordLanguage(ctx, studentId, name, "Spanish");

      step("start the IEP");
      await page.goto(`/students/${studentId}/plans`);
      await heading(page, `Plans for ${name}`);
      await tabTo(page, page.getByLabel("Kind of plan"), { maxPresses: 80 });
      await page.keyboard.type("IEP");
      await tabTo(page, page.getByRole("button", { name: "Start the draft" }));
      await page.keyboard.press("Enter");
      await page.waitForURL(/\/plans\/[^/]+\/edit$/);
      const planId = page.url().split("/plans/")[1]?.split("/")[0] ?? "";
      await heading(page, `Edit IEP for ${name}`);

      step("write the present levels and a goal");
      const e = new PlanEditor(page);
      await e.text("presentLevels.academic", LEVELS);
      await e.add("goals");
      await e.text("goals.0.area", "Reading fluency");
      await e.text("goals.0.statement", GOAL);
      await e.saved();

      step("the check says the plan's words have no Spanish translation, with its rule");
      await page.reload();
      await heading(page, `Edit IEP for ${name}`);
      const note = page.locator('[data-testid="finding-note"][data-place="/presentLevels/academic"]').filter({
        hasText: "no Spanish translation",
      });
      await note.waitFor({ timeout: 20_000 });
      assert.ok((await note.textContent())?.includes("34 CFR 300.322(e)-(f)"), "the finding cites its rule");
      await axe(page, "editor: the check about untranslated parts");

      await translate(ctx, "/presentLevels/academic", LEVELS_ES);
      await translate(ctx, "/goals/0/statement", GOAL_ES);
      await axe(page, "editor: translations beside the English");

      step("the parent signs in: the app opens in Spanish");
      await ctx.context.clearCookies();
      // As the harness signs in, but the home page that opens is in Spanish.
      await page.goto("/sign-in");
      await heading(page, "Sign in");
      await tabTo(page, page.getByLabel("Email address"));
      await page.keyboard.type(DEMO_ACCOUNTS.guardian);
      await tabTo(page, page.getByLabel("Password"));
      await page.keyboard.type(DEMO_PASSWORD);
      await page.keyboard.press("Enter");
      await heading(page, "Mis hijos");
      assert.equal(await htmlLang(page), "es");
      await axe(page, "the parent's home page in Spanish");

      step("the parent reads the plan: the goal in Spanish, with who translated it");
      await page.goto(`/students/${studentId}/plans/${planId}`);
      await heading(page, `IEP de ${name}`);
      const goal = page.getByTestId("summary-goal").first();
      await goal.getByText(GOAL_ES).waitFor();
      assert.equal(await goal.locator(`[lang="es"]`).first().textContent(), GOAL_ES);
      assert.match((await goal.getByTestId("translated-by").textContent()) ?? "", /Traducido por .+ el \d{1,2} de /);
      const levels = page.getByTestId("summary-present-levels");
      assert.ok((await levels.textContent())?.includes(LEVELS_ES), "the present levels are in Spanish");
      await axe(page, "the parent's plan in Spanish, translated");

      step("the parent downloads the Spanish family summary: it holds the translation");
      const link = page.getByRole("link", { name: "Resumen para la familia (PDF)" });
      await tabTo(page, link, { maxPresses: 150 });
      const href = (await link.getAttribute("href")) ?? "";
      assert.match(href, /kind=parent-summary&lang=es/);
      const text = await pdfText(page, href);
      assert.ok(text.includes(GOAL_ES.slice(0, 60)), "the family summary prints the translated goal");
      assert.ok(text.includes("Traducido al español por"), "and who translated it");

      // Ana Rivera is the demo parent other journeys on this server sign in as, expecting English.
      await ctx.context.clearCookies();
      await ctx.signIn(page, DEMO_ACCOUNTS.caseManager);
      await recordLanguage(ctx, studentId, name, "English");
    },
  },
];
