/**
 * Foundation journeys: signing in and out by keyboard as staff and as a family, the skip link,
 * and an axe scan of every page visited (landing, sign-in, both homes, a student, the 404 page).
 */
import assert from "node:assert/strict";
import { AxeViolationsError } from "./harness/axe.ts";
import { DEMO_ACCOUNTS, type Journey } from "./harness/types.ts";

export const journeys: Journey[] = [
  {
    name: "a case manager signs in by keyboard, sees the caseload, opens a student and signs out",
    async run({ page, axe, heading, tabTo, signIn, step }) {
      step("open the landing page");
      await page.goto("/");
      await heading(page, "Help for students with disabilities at school");
      assert.equal(await page.title(), "Special education plans, in plain language – Lantern");
      await axe(page, "landing");

      step("go to sign-in with the keyboard");
      await tabTo(page, page.getByRole("link", { name: "Sign in" }).first());
      await page.keyboard.press("Enter");
      const signInHeading = await heading(page, "Sign in");
      assert.equal(await page.title(), "Sign in – Lantern");
      assert.ok(await signInHeading.evaluate((h) => h === document.activeElement), "focus moves to the new page's h1");
      await axe(page, "sign-in");

      step("submit the empty form: errors are announced and tied to the fields");
      await tabTo(page, page.getByRole("button", { name: "Sign in" }));
      await page.keyboard.press("Enter");
      const summary = page.getByRole("alert");
      await summary.getByText("Enter your email address.").waitFor();
      await page.waitForFunction(() => document.activeElement?.getAttribute("role") === "alert");
      const email = page.getByLabel("Email address");
      assert.equal(await email.getAttribute("aria-invalid"), "true");
      const describedBy = (await email.getAttribute("aria-describedby")) ?? "";
      const descriptions = await page.evaluate(
        (ids) => ids.map((id) => document.getElementById(id)?.textContent ?? ""),
        describedBy.split(" "),
      );
      assert.ok(descriptions.includes("Enter your email address."), `described by ${descriptions.join(" | ")}`);
      await axe(page, "sign-in with errors");

      step("a wrong password is refused with a message on the field");
      await tabTo(page, email);
      await page.keyboard.type(DEMO_ACCOUNTS.caseManager);
      await tabTo(page, page.getByLabel("Password"));
      await page.keyboard.type("not-the-password");
      await page.keyboard.press("Enter");
      await page.getByRole("alert").getByText("The email address or password is not right", { exact: false }).waitFor();
      assert.equal(await email.getAttribute("aria-invalid"), "true");

      step("sign in by keyboard");
      await signIn(page, DEMO_ACCOUNTS.caseManager);
      await heading(page, "Your students");
      assert.equal(await page.title(), "Your students – Lantern");
      const table = page.getByRole("table", { name: /Students on your caseload/ });
      await table.waitFor();
      const rows = await table.getByRole("row").count();
      assert.ok(rows > 1, `the caseload lists students (found ${rows - 1})`);
      await axe(page, "home: case manager");

      step("find Mateo Rivera with the search box");
      await tabTo(page, page.getByRole("searchbox", { name: "Find a student" }));
      await page.keyboard.type("Rivera");
      await page.keyboard.press("Enter");
      const mateo = page
        .getByRole("table", { name: /Students on your caseload/ })
        .getByRole("link", { name: "Mateo Rivera" });
      await mateo.waitFor();

      step("open the student");
      await tabTo(page, mateo, { maxPresses: 80 });
      await page.keyboard.press("Enter");
      const studentHeading = await heading(page, "Mateo Rivera");
      assert.ok(await studentHeading.evaluate((h) => h === document.activeElement), "focus is on the student's name");
      for (const section of ["Plans", "Deadlines", "Services"]) {
        await page.getByRole("heading", { level: 2, name: section }).waitFor();
      }
      await page.getByText("Parents and guardians").waitFor();
      await axe(page, "student page");

      step("a glossary word opens its explanation by keyboard");
      const term = page.getByRole("button", { name: /^IEP/ }).first();
      await tabTo(page, term, { maxPresses: 80 });
      await page.keyboard.press("Enter");
      assert.equal(await term.getAttribute("aria-expanded"), "true");
      await page.getByText("Individualized Education Program", { exact: false }).first().waitFor();
      await axe(page, "student page with a glossary explanation open");

      step("sign out by keyboard");
      await tabTo(page, page.getByRole("button", { name: "Sign out", exact: true }), {
        backward: true,
        maxPresses: 80,
      });
      await page.keyboard.press("Enter");
      await heading(page, "Help for students with disabilities at school");
      await page.getByRole("link", { name: "Sign in" }).first().waitFor();

      step("the student's page now asks to sign in");
      await page.goto("/students/any");
      await heading(page, "Sign in");
      assert.match(page.url(), /\/sign-in\?next=%2Fstudents%2Fany$/);
    },
  },

  {
    name: "a guardian signs in by keyboard and sees only their own children under My children",
    async run({ page, axe, heading, signIn, tabTo, step }) {
      await signIn(page, DEMO_ACCOUNTS.guardian);
      await heading(page, "My children");
      const children = page.getByRole("list", { name: "My children" }).getByRole("listitem");
      await children.first().waitFor();
      const names = await children.getByRole("heading", { level: 2 }).allTextContents();
      assert.deepEqual(names, ["Mateo Rivera", "Paloma Rivera"]);
      assert.equal(await page.getByRole("table").count(), 0, "families do not get the staff caseload table");
      await axe(page, "home: guardian");

      step("open the child's page");
      await tabTo(page, page.getByRole("link", { name: "Mateo Rivera" }));
      await page.keyboard.press("Enter");
      await heading(page, "Mateo Rivera");

      step("sign out");
      await tabTo(page, page.getByRole("button", { name: "Sign out", exact: true }), { backward: true });
      await page.keyboard.press("Enter");
      await heading(page, "Help for students with disabilities at school");
    },
  },

  {
    name: "a district admin pages through every student with Show more, by keyboard",
    async run({ page, axe, heading, signIn, tabTo, focused, step }) {
      await signIn(page, DEMO_ACCOUNTS.districtAdmin);
      await heading(page, "Students");
      await page.getByRole("link", { name: "See how the whole district is doing" }).waitFor();
      const table = page.getByRole("table", { name: /Students you can see/ });
      await table.waitFor();
      const bodyRows = table.locator("tbody tr");
      assert.equal(await bodyRows.count(), 25, "the first page holds 25 students");
      await axe(page, "home: district admin");

      step("show more by keyboard until everyone is listed");
      let pages = 1;
      const more = page.getByRole("button", { name: "Show more" });
      while ((await more.count()) > 0) {
        const before = await bodyRows.count();
        await tabTo(page, more, { maxPresses: 120 });
        await page.keyboard.press("Enter");
        await page.waitForFunction((count) => document.querySelectorAll("tbody tr").length > count, before);
        pages++;
        await page.getByText(/more students? shown\./).waitFor();
        assert.notEqual(await focused(page), "body", "focus is never dropped to the page body");
        assert.ok(pages < 20, "the list ends");
      }
      const total = await bodyRows.count();
      assert.ok(total > 25 && pages > 1, `more than one page of students (${total} in ${pages} pages)`);
      await page.getByText(`Showing ${total} students. That is everyone.`).waitFor();
      const names = await table.locator("tbody th").allTextContents();
      assert.equal(new Set(names).size, names.length, "no student appears twice across pages");
      assert.match(await focused(page), /^p/, "focus moves to the summary when the button goes away");
      await axe(page, "home: district admin, all pages");
    },
  },

  {
    name: "the skip link is the first stop and moves focus to the main content",
    async run({ page, heading, focused }) {
      await page.goto("/sign-in");
      await heading(page, "Sign in");
      await page.keyboard.press("Tab");
      assert.equal(await focused(page), "a: Skip to main content");
      const skip = page.getByRole("link", { name: "Skip to main content" });
      const box = await skip.boundingBox();
      assert.ok(box && box.y >= 0 && box.height > 0, "the skip link is visible when focused");
      await page.keyboard.press("Enter");
      assert.match(await focused(page), /^main#main/);
      await page.keyboard.press("Tab");
      assert.match(await focused(page), /^(input|a|button)/, "the next Tab goes into the page content");
      assert.ok(
        await page.evaluate(() => document.querySelector("main")?.contains(document.activeElement) ?? false),
        "focus stays inside main",
      );
    },
  },

  {
    name: "an unknown address shows a page-not-found page with a way home",
    async run({ page, axe, heading }) {
      const response = await page.goto("/no-such-page");
      assert.equal(response?.status(), 200, "the server falls back to the app for unknown paths");
      await heading(page, "Page not found");
      assert.equal(await page.title(), "Page not found – Lantern");
      await page.getByRole("link", { name: "Go to the home page" }).waitFor();
      await axe(page, "404");
    },
  },

  {
    name: "an advocate who types a staff page's address reads that it is for school staff, and nothing is refused",
    async run({ page, axe, heading, signIn, tabTo }) {
      await signIn(page, DEMO_ACCOUNTS.advocate);
      const refused: string[] = [];
      page.on("response", (r) => {
        if (r.status() === 401 || r.status() === 403) refused.push(`${r.status()} ${new URL(r.url()).pathname}`);
      });
      await page.goto("/compliance");
      await heading(page, "This page is for school staff");
      await axe(page, "staff page: advocate");
      await tabTo(page, page.getByRole("link", { name: "Go to the home page" }));
      await page.keyboard.press("Enter");
      await page.getByRole("link", { name: "Mateo Rivera" }).waitFor();
      assert.deepEqual(refused, [], "no request the advocate may not make");
    },
  },

  {
    name: "the accessibility check itself fails on a page with violations",
    async run({ page, axe }) {
      await page.setContent(
        '<!doctype html><html><head><title>Bad</title></head><body><main><img src="x.png"><input type="text"></main></body></html>',
      );
      const error = await axe(page, "deliberately inaccessible page").then(
        () => null,
        (caught: unknown) => caught,
      );
      assert.ok(error instanceof AxeViolationsError, "axe must reject a page with violations");
      assert.match(error.message, /image-alt/);
      assert.match(error.message, /label/);
    },
  },
];
