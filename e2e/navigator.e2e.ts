/**
 * Eligibility navigator journeys: a parent answers the wizard by keyboard for an IEP case and a
 * 504 case, reads the reasons (with their law), goes back without losing answers, and downloads
 * the evaluation-request letter as a PDF. axe scans every question and the result.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { pdfText } from "../packages/server/test/helpers/pdf-reading.ts";
import type { Journey, JourneyContext } from "./harness/types.ts";

type Ctx = JourneyContext;

/** The question's heading (h2) has focus once the step shows. */
async function question(ctx: Ctx, page: Page, title: string): Promise<void> {
  const h2 = page.getByRole("heading", { level: 2, name: title });
  await h2.waitFor();
  assert.ok(
    await h2.evaluate((h) => h === document.activeElement),
    `focus is on the question "${title}" (was ${await ctx.focused(page)})`,
  );
  await ctx.axe(page, `navigator: ${title}`);
}

/** Picks a radio answer by keyboard: Tab into the group, then arrow keys to the answer. */
async function choose(ctx: Ctx, page: Page, answer: string): Promise<void> {
  const radios = page.getByRole("radio");
  const target = page.getByRole("radio", { name: answer, exact: true });
  await ctx.tabTo(page, radios.first());
  const count = await radios.count();
  for (let i = 0; i < count && !(await target.isChecked()); i++) {
    if (i === 0 && (await target.evaluate((el) => el === document.activeElement))) await page.keyboard.press("Space");
    else await page.keyboard.press("ArrowDown");
  }
  assert.ok(await target.isChecked(), `"${answer}" is chosen`);
}

async function tick(ctx: Ctx, page: Page, answer: string): Promise<void> {
  const box = page.getByRole("checkbox", { name: answer, exact: true });
  await ctx.tabTo(page, box);
  await page.keyboard.press("Space");
  assert.ok(await box.isChecked(), `"${answer}" is ticked`);
}

async function next(ctx: Ctx, page: Page, name = "Next"): Promise<void> {
  await ctx.tabTo(page, page.getByRole("button", { name, exact: true }));
  await page.keyboard.press("Enter");
}

async function startWizard(ctx: Ctx, page: Page): Promise<void> {
  ctx.step("open the navigator from the landing page");
  await page.goto("/");
  await ctx.heading(page, "Help for students with disabilities at school");
  await ctx.tabTo(page, page.getByRole("link", { name: "Find out what help your child can get" }));
  await page.keyboard.press("Enter");
  await ctx.heading(page, "Find out what help your child can get");
  await ctx.axe(page, "navigator: introduction");
  await ctx.tabTo(page, page.getByRole("button", { name: "Start" }));
  await page.keyboard.press("Enter");
}

/**
 * Fills the letter for a next step, shows it, and downloads the PDF; returns the letter's text on
 * the page and the PDF's text. `letterName` is the letter shown (or chosen when there are several).
 */
async function letter(
  ctx: Ctx,
  page: Page,
  school: string,
  letterName: string,
): Promise<{ sheet: string; pdf: string; fileName: string }> {
  ctx.step("fill in the letter by keyboard");
  await page.getByRole("heading", { level: 2, name: "Letters for your next steps" }).waitFor();
  await page.getByText(letterName, { exact: true }).first().waitFor();
  await ctx.tabTo(page, page.getByRole("button", { name: "Show the letter" }), { maxPresses: 200 });
  await page.keyboard.press("Enter");
  const summary = page.getByRole("alert").filter({ hasText: "Please fix these problems" });
  await summary.waitFor();
  const parent = page.getByRole("textbox", { name: /Your name/ });
  assert.equal(await parent.getAttribute("aria-invalid"), "true", "the empty name is marked invalid");
  const describedBy = (await parent.getAttribute("aria-describedby")) ?? "";
  const texts = await page.evaluate(
    (ids) => ids.map((id) => document.getElementById(id)?.textContent ?? ""),
    describedBy.split(" "),
  );
  assert.ok(texts.includes("Enter your name."), `the error is tied to the field (${texts.join(" | ")})`);
  await ctx.axe(page, "navigator: letter with errors");

  for (const [name, value] of [
    [/Your name/, "Ana Example"],
    [/Your child's name/, "Leo Example"],
    [/School name/, school],
  ] as const) {
    await ctx.tabTo(page, page.getByRole("textbox", { name }), { maxPresses: 200 });
    await page.keyboard.type(value);
  }
  await ctx.tabTo(page, page.getByRole("button", { name: "Show the letter" }));
  await page.keyboard.press("Enter");
  const sheet = page.getByRole("article", { name: "The letter" });
  await sheet.waitFor();
  await page.waitForFunction(() => document.activeElement?.getAttribute("aria-label") === "The letter", null, {
    timeout: 2000,
  });
  assert.ok(await sheet.evaluate((el) => el === document.activeElement), "focus moves to the letter");
  const sheetText = (await sheet.textContent()) ?? "";
  assert.ok(sheetText.includes(school), "the letter is addressed to the school");
  await page.getByRole("button", { name: "Print the letter" }).waitFor();
  await page.getByRole("button", { name: "Download the letter (text)" }).waitFor();
  await ctx.axe(page, "navigator: letter");

  ctx.step("download the letter as a PDF");
  await ctx.tabTo(page, page.getByRole("button", { name: "Download the letter (PDF)" }));
  const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  const path = await download.path();
  const bytes = await readFile(path);
  assert.equal(bytes.subarray(0, 5).toString("latin1"), "%PDF-", "the download is a PDF");
  await page.getByText("The letter was downloaded.").waitFor();
  return { sheet: sheetText, pdf: pdfText(bytes), fileName: download.suggestedFilename() };
}

/** Types the age in years (or a birth date) on the first question. */
async function age(ctx: Ctx, page: Page, field: "Age in years" | "Or the date of birth", value: string) {
  await ctx.tabTo(page, page.getByRole("textbox", { name: field }));
  await page.keyboard.type(value);
}

async function state(ctx: Ctx, page: Page, name: string, code: string) {
  await question(ctx, page, "Which state does your child go to school in?");
  const select = page.getByRole("combobox", { name: "State" });
  await ctx.tabTo(page, select);
  await page.keyboard.type(name);
  assert.equal(await select.inputValue(), code);
  await next(ctx, page);
}

export const journeys: Journey[] = [
  {
    name: "a parent finds by keyboard that the law points to an IEP, sees what an IEP gives and why, and downloads the IEP-meeting letter",
    async run(ctx) {
      const { page, step } = ctx;
      await startWizard(ctx, page);

      step("an unanswered age shows an error tied to the field; the age is typed, not a range");
      await question(ctx, page, "How old is your child?");
      await next(ctx, page);
      await page.getByRole("alert").getByText("Type your child's age in whole years", { exact: false }).waitFor();
      const years = page.getByRole("textbox", { name: "Age in years" });
      assert.equal(await years.getAttribute("aria-invalid"), "true");
      const describedBy = (await years.getAttribute("aria-describedby")) ?? "";
      assert.equal(describedBy.split(" ").length, 2, "the field is described by its hint and its error");
      await ctx.axe(page, "navigator: question with an error");
      assert.equal(await page.getByRole("radio").count(), 0, "no age ranges are offered up front");
      await age(ctx, page, "Age in years", "7");
      await next(ctx, page);

      step("the state comes second, and drives the rules");
      await state(ctx, page, "California", "CA");

      await question(ctx, page, "Has the school done a formal evaluation of your child?");
      await choose(ctx, page, "Yes, it is finished");
      await next(ctx, page);

      await question(ctx, page, "What disability or condition does your child have, or might have?");
      await ctx.tabTo(page, page.getByRole("textbox", { name: "The condition" }));
      await page.keyboard.type("Dyslexia");
      await page.keyboard.press("Enter");

      await question(ctx, page, "Which of these describes it best?");
      await choose(ctx, page, "A learning disability (such as dyslexia or dyscalculia)");
      await next(ctx, page);

      await question(ctx, page, "How long is the condition expected to last?");
      await choose(ctx, page, "More than six months");
      await next(ctx, page);

      step("the term 'major life activity' is explained where it appears");
      await question(
        ctx,
        page,
        "Does the condition make a major life activity much harder for your child than for most children?",
      );
      const term = page.getByRole("button", { name: /^major life activity/ });
      await ctx.tabTo(page, term);
      await page.keyboard.press("Enter");
      assert.equal(await term.getAttribute("aria-expanded"), "true");
      await page.getByText("A major life activity is something people do every day", { exact: false }).waitFor();
      await ctx.axe(page, "navigator: explained term");
      await choose(ctx, page, "Yes");
      await next(ctx, page);

      step("going back keeps the answer");
      await question(ctx, page, "Does the condition come and go, or is it in remission now?");
      await ctx.tabTo(page, page.getByRole("button", { name: "Back" }));
      await page.keyboard.press("Enter");
      await page.getByRole("heading", { level: 2, name: /major life activity much harder/ }).waitFor();
      assert.ok(await page.getByRole("radio", { name: "Yes", exact: true }).isChecked(), "the answer is kept");
      await next(ctx, page);
      await page.getByRole("heading", { level: 2, name: /come and go/ }).waitFor();

      step("the browser's back and forward buttons move between questions and keep answers");
      await page.goBack();
      await page.getByRole("heading", { level: 2, name: /major life activity much harder/ }).waitFor();
      assert.ok(await page.getByRole("radio", { name: "Yes", exact: true }).isChecked(), "the answer is kept");
      await page.goForward();
      await page.getByRole("heading", { level: 2, name: /come and go/ }).waitFor();
      await choose(ctx, page, "No");
      await next(ctx, page);

      await question(ctx, page, "Does it affect how your child does in school?");
      await choose(ctx, page, "Yes");
      await next(ctx, page);

      await question(ctx, page, "Does your child need specially designed instruction?");
      await choose(ctx, page, "Yes");
      await next(ctx, page);

      await question(ctx, page, "Does your child need any of these services?");
      await tick(ctx, page, "None of these");
      await next(ctx, page);

      await question(ctx, page, "Does your child need accommodations or other help to take part in school?");
      await choose(ctx, page, "Yes");
      await next(ctx, page);

      await question(ctx, page, "Is your child doing grade-level work?");
      await choose(ctx, page, "No");
      await next(ctx, page);

      await question(ctx, page, "Does your child have a plan at school now?");
      await tick(ctx, page, "No plan");
      await next(ctx, page, "See the result");

      step("the result: an IEP, what an IEP gives, the reasons and their law, under California's rules");
      await ctx.heading(page, "What the law points to");
      const answer = page.getByRole("heading", { level: 2, name: "An IEP (Individualized Education Program)" });
      await answer.waitFor();
      assert.ok(await answer.evaluate((h) => h === document.activeElement), "focus is on the answer");
      await page.getByText("The rules of California were used where they differ from federal law.").waitFor();
      await page.getByRole("heading", { level: 2, name: "What an IEP gives your child" }).waitFor();
      const reasons = page.getByRole("list").filter({ hasText: "Both parts of IDEA's test are met" });
      await reasons.waitFor();
      const reasonText = (await reasons.textContent()) ?? "";
      assert.ok(reasonText.includes("Law: 34 CFR 300.8(a)(1)"), "reasons cite the law");
      assert.ok(reasonText.includes("At 7"), "the reasons state the age the parent typed");
      await page
        .getByRole("heading", { level: 2, name: "What a 504 plan would and would not give your child" })
        .waitFor();
      await page.getByRole("heading", { level: 2, name: "Next steps", exact: true }).waitFor();
      await page.getByText("Ask for the IEP meeting", { exact: false }).waitFor();
      await ctx.axe(page, "navigator: result (IEP)");

      const written = await letter(ctx, page, "Cedar Grove Elementary", "Ask for an IEP meeting");
      assert.equal(written.fileName, "iep-meeting-request-letter.pdf");
      assert.ok(written.sheet.includes("Cal. Ed. Code 56343.5"), "the letter gives California's 30 days");
      assert.ok(written.pdf.includes("Cedar Grove Elementary"), "the PDF's text names the school");
      assert.ok(written.pdf.includes("56343.5"), "the PDF gives the California timeline");
    },
  },

  {
    name: "a parent gives a birth date and 'I don't know' answers, finds the evaluation likely points to a 504 plan, and downloads the evaluation letter",
    async run(ctx) {
      const { page, step } = ctx;
      await startWizard(ctx, page);

      await question(ctx, page, "How old is your child?");
      await age(ctx, page, "Or the date of birth", "2012-05-01");
      await next(ctx, page);

      await state(ctx, page, "Texas", "TX");

      await question(ctx, page, "Has your child graduated from high school with a regular diploma?");
      await choose(ctx, page, "No");
      await next(ctx, page);

      await question(ctx, page, "Has the school done a formal evaluation of your child?");
      await choose(ctx, page, "No, and nobody has asked for one");
      await next(ctx, page);

      await question(ctx, page, "What disability or condition does your child have, or might have?");
      await ctx.tabTo(page, page.getByRole("textbox", { name: "The condition" }));
      await page.keyboard.type("ADHD");
      await next(ctx, page);

      await question(ctx, page, "Which of these describes it best?");
      await choose(
        ctx,
        page,
        "A health condition that limits strength, energy or alertness (such as ADHD, diabetes or epilepsy)",
      );
      await next(ctx, page);

      await question(ctx, page, "How long is the condition expected to last?");
      await choose(ctx, page, "I don't know");
      await next(ctx, page);

      await question(
        ctx,
        page,
        "Does the condition make a major life activity much harder for your child than for most children?",
      );
      await choose(ctx, page, "Yes");
      await next(ctx, page);

      await question(ctx, page, "Does the condition come and go, or is it in remission now?");
      await choose(ctx, page, "I don't know");
      await next(ctx, page);

      await question(ctx, page, "Does it affect how your child does in school?");
      await choose(ctx, page, "No");
      await next(ctx, page);

      step("the term 'specially designed instruction' is explained where it appears");
      await question(ctx, page, "Does your child need specially designed instruction?");
      const term = page.getByRole("button", { name: /^specially designed instruction/ });
      await ctx.tabTo(page, term);
      await page.keyboard.press("Enter");
      await page.getByText("teaching that is changed to fit your child", { exact: false }).waitFor();
      await choose(ctx, page, "No, extra time or other changes are enough");
      await next(ctx, page);

      await question(ctx, page, "Does your child need any of these services?");
      await page.getByRole("button", { name: /^related services/ }).waitFor();
      await tick(ctx, page, "None of these");
      await next(ctx, page);

      await question(ctx, page, "Does your child need accommodations or other help to take part in school?");
      await choose(ctx, page, "Yes");
      await next(ctx, page);

      await question(ctx, page, "Is your child doing grade-level work?");
      await choose(ctx, page, "I don't know");
      await next(ctx, page);

      await question(ctx, page, "Does your child have a plan at school now?");
      await tick(ctx, page, "I don't know");
      await next(ctx, page, "See the result");

      step("the result: an evaluation first, likely a 504 plan, why not an IEP, and what an IEP would give");
      await ctx.heading(page, "What the law points to");
      await page.getByRole("heading", { level: 2, name: "Ask for an evaluation first" }).waitFor();
      await page.getByText("From what you told us, the evaluation may point to: a 504 plan.").waitFor();
      await page.getByText("Lantern does not have Texas's own rules yet", { exact: false }).waitFor();
      await page.getByRole("heading", { level: 2, name: "What a 504 plan gives your child" }).waitFor();
      await page.getByRole("heading", { level: 2, name: "What an IEP would and would not give your child" }).waitFor();
      await page.getByRole("heading", { level: 3, name: "Why the answers do not point to it" }).waitFor();
      await ctx.axe(page, "navigator: result (evaluate, likely 504)");

      const written = await letter(ctx, page, "Riverside Middle School", "Ask for an evaluation");
      assert.equal(written.fileName, "evaluation-request-letter.pdf");
      assert.ok(written.sheet.includes("34 CFR 300.301(b)"), "the letter cites the right to request an evaluation");
      assert.ok(written.sheet.includes("procedural safeguards notice"), "the letter asks for the safeguards notice");
      assert.ok(written.pdf.includes("Riverside Middle School"), "the PDF's text names the school");
      assert.ok(!written.pdf.includes("56321"), "no California timeline outside California");
    },
  },

  {
    name: "a parent who knows only an age range of 22 or older is sent to adult services, with no age invented and no letter",
    async run(ctx) {
      const { page, step } = ctx;
      await startWizard(ctx, page);

      step("tick 'I don't know the exact age' and choose a range");
      await question(ctx, page, "How old is your child?");
      await tick(ctx, page, "I don't know the exact age");
      assert.ok(await page.getByRole("textbox", { name: "Age in years" }).isDisabled(), "the age box is set aside");
      await next(ctx, page);
      await question(ctx, page, "About how old is your child?");
      await choose(ctx, page, "22 or older");
      await next(ctx, page);

      await state(ctx, page, "New York", "NY");

      await question(ctx, page, "Does your child have a plan at school now?");
      await tick(ctx, page, "No plan");
      await next(ctx, page, "See the result");

      step("the result: adult services, with their next steps and no evaluation letter");
      await ctx.heading(page, "What the law points to");
      await page.getByRole("heading", { level: 2, name: "Adult services: college, training and work" }).waitFor();
      await page.getByText("You gave an age range, not the exact age", { exact: false }).waitFor();
      await page.getByRole("heading", { level: 2, name: "What help looks like after high school" }).waitFor();
      await page.getByText("Contact the state's vocational rehabilitation agency", { exact: false }).waitFor();
      const reasons = page.getByRole("list").filter({ hasText: "Section 504" });
      assert.ok(!/\bAt \d+/.test((await reasons.first().textContent()) ?? ""), "no reason states an age");
      assert.equal(
        await page.getByRole("heading", { level: 2, name: "Letters for your next steps" }).count(),
        0,
        "no letter is offered",
      );
      await ctx.axe(page, "navigator: result (adult services)");
    },
  },
];
