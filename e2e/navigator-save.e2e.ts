/** Staff keep a navigator result with a student's record, by keyboard; the save is recorded. */
import assert from "node:assert/strict";
import { DEMO_ACCOUNTS, type Journey } from "./harness/types.ts";

/** Answers of a finished wizard (an IEP case), as the wizard keeps them in the session. */
const IEP_ANSWERS = {
  age: "7",
  evaluation: "completed",
  condition: "Dyslexia",
  category: "specific-learning-disability",
  limits: "yes",
  episodic: "no",
  adverse: "yes",
  specializedInstruction: "yes",
  relatedServices: ["none"],
  accommodations: "yes",
  gradeLevel: "no",
  plans: ["none"],
  state: "CA",
  duration: "more-than-six-months",
};

export const journeys: Journey[] = [
  {
    name: "a case manager saves a navigator result to a student's record by keyboard",
    async run({ page, axe, tabTo, signIn, step }) {
      await signIn(page, DEMO_ACCOUNTS.caseManager);
      step("open the result of a finished wizard");
      await page.evaluate((answers) => {
        sessionStorage.setItem("lantern.navigator.answers", JSON.stringify(answers));
      }, IEP_ANSWERS);
      await page.goto("/navigator?step=result");
      const section = page.getByRole("region", { name: "Keep this result with a student's record" });
      await section.waitFor();

      step("saving without a student names the field");
      await tabTo(page, section.getByRole("button", { name: "Save to the record" }), { maxPresses: 300 });
      await page.keyboard.press("Enter");
      await section.getByText("Choose the student whose record this result belongs to.").first().waitFor();
      assert.equal(await section.getByLabel("Student").getAttribute("aria-invalid"), "true");
      await axe(page, "navigator result: save form with an error");

      step("choose Mateo Rivera and save");
      const select = section.getByLabel("Student");
      await tabTo(page, select, { backward: true });
      await page.keyboard.type("Rivera, Mateo"); // a list box picks the option typed
      assert.equal(await select.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.text), "Rivera, Mateo");
      await tabTo(page, section.getByRole("button", { name: "Save to the record" }), { maxPresses: 300 });
      await page.keyboard.press("Enter");
      await section.getByText("Saved to Mateo Rivera's record.").waitFor();
      await axe(page, "navigator result: saved");

      step("the saved result is on Mateo's page");
      await tabTo(page, section.getByRole("link", { name: "Open Mateo Rivera's record" }));
      await page.keyboard.press("Enter");
      const saved = page.getByTestId("navigator-results");
      await saved.getByText(/An IEP \(Individualized Education Program\) \(saved /).waitFor();
      await axe(page, "student page with a saved navigator result");
    },
  },
  {
    name: "a parent writes a letter to the school from the child's page and saves it to the record, by keyboard",
    async run({ page, axe, tabTo, signIn, step, heading }) {
      await signIn(page, DEMO_ACCOUNTS.guardian);
      step("open Mateo's page from 'My children'");
      await tabTo(page, page.getByRole("link", { name: /Mateo Rivera/ }), { maxPresses: 100 });
      await page.keyboard.press("Enter");
      await heading(page, /Mateo Rivera/);
      const section = page.getByRole("region", { name: "Letters to the school" });
      await section.waitFor();
      await section.getByText("No letters are saved with this record yet.").waitFor();

      step("choose the records letter; the child's name and school are filled in");
      const records = section.getByRole("radio", { name: "Ask for your child's records" });
      await tabTo(page, section.getByRole("radio").first(), { maxPresses: 300 });
      for (let i = 0; i < 10 && !(await records.isChecked()); i++) await page.keyboard.press("ArrowDown");
      assert.ok(await records.isChecked(), "the records letter is chosen");
      assert.equal(await section.getByRole("textbox", { name: /Your child's name/ }).inputValue(), "Mateo Rivera");
      await tabTo(page, section.getByRole("textbox", { name: /Your name/ }), { maxPresses: 50 });
      await page.keyboard.type("Elena Rivera");
      await tabTo(page, section.getByRole("button", { name: "Show the letter" }), { maxPresses: 50 });
      await page.keyboard.press("Enter");
      const sheet = section.getByRole("article", { name: "The letter" });
      await sheet.waitFor();
      assert.ok(((await sheet.textContent()) ?? "").includes("Request for Mateo Rivera's education records"));
      await axe(page, "student page: letter written");

      step("save it to the record");
      await tabTo(page, section.getByRole("button", { name: "Save to Mateo Rivera's record" }), { maxPresses: 50 });
      await page.keyboard.press("Enter");
      await section.getByText("Saved to Mateo Rivera's record.").waitFor();
      const saved = section.getByTestId("saved-letters");
      await saved.getByText(/Ask for your child's records, dated /).waitFor();
      await axe(page, "student page: letter saved");
    },
  },
];
