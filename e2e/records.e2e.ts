/**
 * The family's case file, from a blank state: a district administrator loads a new student whose
 * guardian is the demo parent; the guardian asks for the records by keyboard; the case manager sees
 * the request due, logs an older paper request and records the records provided; the guardian
 * downloads the whole record and every file's SHA-256 is checked; the chronology shows the missed
 * deadline and downloads as a PDF; the guardian drafts a state complaint from two chronology entries,
 * fills in what is missing and downloads it; the case manager shares a draft IEP before its meeting,
 * the guardian comments on its goal and the case manager answers. The guardian also asks to amend a
 * record, the case manager refuses, and the guardian's statement goes into the record and the ZIP
 * (34 CFR 300.618-300.620); the case manager records the guardian's language on the student page,
 * and the guardian's next sign-in opens in Spanish. axe on every page.
 */
import assert from "node:assert/strict";
import { randomInt } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { readZip, verifySums } from "../packages/server/test/helpers/zip-reading.ts";
import { isoDaysFrom } from "./harness/plan-editor.ts";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type Journey } from "./harness/types.ts";

async function csrf(page: Page): Promise<string> {
  const cookies = await page.context().cookies();
  return cookies.find((c) => c.name === "lantern_csrf")?.value ?? "";
}

function daysAgo(days: number): string {
  return isoDaysFrom(new Date(), -days);
}

export const journeys: Journey[] = [
  {
    name: "a guardian asks for records, staff provide them, the guardian downloads and verifies the whole record, and the chronology shows a missed deadline",
    async run({ page, axe, heading, tabTo, signIn, step, browser, baseURL }) {
      const suffix = randomInt(1000, 9999);
      const first = "Rosalind";
      const last = `Quillfeather${suffix}`;
      const name = `${first} ${last}`;

      step("a district administrator loads the new student, with the demo parent as guardian");
      const adminContext = await browser.newContext({ baseURL });
      try {
        const admin = await adminContext.newPage();
        await signIn(admin, DEMO_ACCOUNTS.districtAdmin);
        const roster = [
          "sis_id,first_name,last_name,date_of_birth,grade,school,case_manager_email,guardian1_first_name,guardian1_last_name,guardian1_email",
          `RQ${suffix},${first},${last},2016-05-14,4,Northside Elementary,${DEMO_ACCOUNTS.caseManager},Ana,Rivera,${DEMO_ACCOUNTS.guardian}`,
        ].join("\n");
        const res = await admin.request.post("/api/district/roster", {
          headers: { "content-type": "text/csv", "x-csrf-token": await csrf(admin) },
          data: roster,
        });
        assert.equal(res.status(), 200, await res.text());
      } finally {
        await adminContext.close();
      }

      step("the guardian opens the new child's case file by keyboard");
      await signIn(page, DEMO_ACCOUNTS.guardian);
      await tabTo(page, page.getByRole("link", { name }));
      await page.keyboard.press("Enter");
      await heading(page, name);
      await tabTo(page, page.getByRole("link", { name: /^Case file/ }), { maxPresses: 120 });
      await page.keyboard.press("Enter");
      await heading(page, `Case file for ${name}`);
      await page.getByRole("table", { name: "Records requests, newest first" }).waitFor();
      await axe(page, "case file: guardian, no requests yet");

      step("the guardian asks for the records");
      await tabTo(page, page.getByLabel("What would you like? (optional)"));
      await page.keyboard.type("Every assessment report and service log");
      await tabTo(page, page.getByRole("button", { name: `Ask for ${first}'s records` }));
      await page.keyboard.press("Enter");
      await page.getByText(/Your request was sent\. The records are due by /).waitFor();
      const requests = page.getByRole("table", { name: "Records requests, newest first" });
      await requests.getByRole("row", { name: /Asked in Lantern/ }).waitFor();
      assert.match((await requests.textContent()) ?? "", /5 business days, Cal\. Ed\. Code 56504/);
      await axe(page, "case file: request sent");
      const caseFileUrl = page.url();
      const studentPath = new URL(caseFileUrl).pathname.replace(/\/case-file$/, "");

      step("the guardian asks the school to change a record");
      await tabTo(page, page.getByLabel(/^Which record/), { maxPresses: 120 });
      await page.keyboard.type("Present levels in the 2026 IEP");
      await page.getByLabel("Why it is wrong").fill("It gives last year's reading level.");
      await page.getByLabel("What it should say").fill("Reads at a fourth-grade level (spring 2026).");
      await tabTo(page, page.getByRole("button", { name: "Send my request" }));
      await page.keyboard.press("Enter");
      await page.getByText(/Your request was sent\. The school will decide by /).waitFor();

      step("the case manager sees the request due, logs an older paper request, and provides the records");
      const staffContext = await browser.newContext({ baseURL, locale: "en-US" });
      try {
        const staff = await staffContext.newPage();
        await signIn(staff, DEMO_ACCOUNTS.caseManager);
        await tabTo(staff, staff.getByRole("link", { name: "Deadlines and plan checks for your students" }));
        await staff.keyboard.press("Enter");
        const due = staff.getByRole("table", { name: "Open records requests" });
        await due.waitFor();
        await axe(staff, "deadlines page with records requests due");
        await tabTo(staff, due.getByRole("link", { name: `Open ${name}'s case file` }), { maxPresses: 200 });
        await staff.keyboard.press("Enter");
        await heading(staff, `Case file for ${name}`);

        await tabTo(staff, staff.getByLabel(/^Day it was received/), { maxPresses: 120 });
        await staff.getByLabel(/^Day it was received/).fill(daysAgo(30));
        await tabTo(staff, staff.getByLabel(/^Who asked/));
        await staff.keyboard.type("Ana Rivera (letter by mail)");
        await tabTo(staff, staff.getByRole("button", { name: "Log the request" }));
        await staff.keyboard.press("Enter");
        await staff.getByText(/The request was logged\./).waitFor();

        const appRow = staff.getByRole("row", { name: /Asked in Lantern/ });
        await tabTo(staff, appRow.getByRole("button", { name: "Records provided to Ana Rivera" }), { maxPresses: 120 });
        await staff.keyboard.press("Enter");
        await staff.getByText("The request is marked as provided.").waitFor();
        await appRow.getByText(/Records provided on /).waitFor();
        await axe(staff, "case file: staff after providing the records");

        await staff.getByLabel("Decision").selectOption("refused");
        await staff
          .getByLabel("What was changed, or why the record stays as it is")
          .fill("The levels are those of the fall assessment.");
        await tabTo(staff, staff.getByRole("button", { name: "Record the decision" }), { maxPresses: 120 });
        await staff.keyboard.press("Enter");
        await staff.getByText("The decision is recorded. The family sees it now.").waitFor();

        step("the case manager records the guardian's language; the guardian's next sign-in opens in Spanish");
        await staff.goto(studentPath);
        await heading(staff, name);
        await tabTo(staff, staff.getByText("Change Ana Rivera's language"), { maxPresses: 120 });
        await staff.keyboard.press("Enter");
        await staff.getByLabel("Ana Rivera's preferred language").selectOption("es");
        await staff.getByLabel("Needs an interpreter at meetings").check();
        await staff.getByRole("button", { name: "Save", exact: true }).click();
        await staff.getByText("Ana Rivera's language is saved.").waitFor();
        await staff.getByText("Prefers Spanish; needs an interpreter at meetings").waitFor();
        await axe(staff, "student page: guardian's language");
        const familyContext = await browser.newContext({ baseURL, locale: "en-US" });
        try {
          const family = await familyContext.newPage();
          await family.goto("/sign-in");
          await family.getByLabel("Email address").fill(DEMO_ACCOUNTS.guardian);
          await family.getByLabel("Password").fill(DEMO_PASSWORD);
          await family.getByLabel("Password").press("Enter");
          await heading(family, "Mis hijos");
          assert.equal(await family.evaluate(() => document.documentElement.lang), "es");
        } finally {
          await familyContext.close();
          // Other journeys sign in as the same guardian: the language goes back to not recorded.
          const personId = await staff.evaluate(async (path) => {
            const r = await fetch(`/api${path}`);
            const s = (await r.json()) as { guardians: Array<{ personId: string; name: string }> };
            return s.guardians.find((g) => g.name === "Ana Rivera")?.personId ?? "";
          }, studentPath);
          const reset = await staff.request.put(`/api${studentPath}/guardians/${personId}/language`, {
            headers: { "x-csrf-token": await csrf(staff) },
            data: { language: null, interpreterNeeded: false },
          });
          assert.equal(reset.status(), 200, await reset.text());
        }
      } finally {
        await staffContext.close();
      }

      step("the guardian reads the refusal and its rights, and places a statement in the record");
      await page.goto(caseFileUrl);
      await heading(page, `Case file for ${name}`);
      await page.getByText("Your rights when the school says no").waitFor();
      await tabTo(page, page.getByLabel("Your statement"), { maxPresses: 120 });
      await page.keyboard.type("We disagree: the spring 2026 assessment shows a fourth-grade level.");
      await tabTo(page, page.getByRole("button", { name: "Add my statement to the record" }));
      await page.keyboard.press("Enter");
      await page.getByText("Your statement is now in the record.").waitFor();
      await page.getByText(/Family's statement, kept with the record/).waitFor();
      await axe(page, "case file: statement in the record");

      step("the guardian downloads the whole record and checks every file's SHA-256");
      await page
        .getByRole("row", { name: /Asked in Lantern/ })
        .getByText(/Records provided on /)
        .waitFor();
      await tabTo(page, page.getByRole("link", { name: `Download ${first}'s whole record (ZIP)` }), {
        maxPresses: 120,
      });
      const [zipDownload] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
      const files = await readZip(await readFile(await zipDownload.path()));
      const { listed, wrong, unlisted } = verifySums(files);
      assert.deepEqual(wrong, [], "every SHA-256 matches");
      assert.deepEqual(unlisted, [], "every file is listed in SHA256SUMS");
      assert.ok(listed.length >= 10);
      for (const kind of [
        "student.json",
        "plans/index.json",
        "meetings.json",
        "signatures.json",
        "service-log.csv",
        "progress.csv",
        "records-requests.json",
        "amendment-requests.json",
        "record-of-access.csv",
        "education-records.csv",
      ]) {
        assert.ok(files.has(kind), `the ZIP holds ${kind}`);
      }
      const inZip = JSON.parse(files.get("records-requests.json")?.toString() ?? "[]") as Array<{ status: string }>;
      assert.deepEqual(inZip.map((r) => r.status).sort(), ["fulfilled", "received"]);
      assert.match(files.get("record-of-access.csv")?.toString() ?? "", /download the whole record/);
      const amendments = JSON.parse(files.get("amendment-requests.json")?.toString() ?? "[]") as Array<{
        status: string;
        statement: string | null;
      }>;
      assert.equal(amendments[0]?.status, "refused");
      assert.match(amendments[0]?.statement ?? "", /fourth-grade level/);

      step("the chronology shows the missed deadline and downloads as a PDF");
      const chronology = page.getByRole("table", { name: /^Chronology, oldest first/ });
      await chronology.waitFor();
      const missed = chronology.getByRole("row", { name: /Missed:.*not provided/ });
      await missed.waitFor();
      assert.match((await missed.textContent()) ?? "", /Cal\. Ed\. Code 56504/);
      await tabTo(page, page.getByRole("checkbox", { name: "Records request", exact: true }), { maxPresses: 120 });
      await tabTo(page, page.getByRole("button", { name: "Show entries" }));
      await page.keyboard.press("Enter");
      await axe(page, "case file: chronology");
      await tabTo(page, page.getByRole("link", { name: "Download the chronology as a PDF" }), {
        backward: true,
        maxPresses: 120,
      });
      const [pdfDownload] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
      const pdf = await readFile(await pdfDownload.path());
      assert.equal(pdf.subarray(0, 5).toString("latin1"), "%PDF-");

      step("the guardian drafts a state complaint from two chronology entries and downloads it");
      const chosen = chronology.getByRole("checkbox", { name: /^Use in a complaint: .*, Records request$/ });
      for (const i of [0, 1]) {
        await tabTo(page, chosen.nth(i), { maxPresses: 120 });
        await page.keyboard.press("Space");
      }
      await tabTo(page, page.getByRole("button", { name: "Draft a complaint from 2 chosen entries" }));
      await page.keyboard.press("Enter");
      await page.getByRole("heading", { name: "State complaint draft", level: 2 }).waitFor();
      const evidence = page.getByTestId("complaint-evidence");
      assert.match((await evidence.textContent()) ?? "", /days? late\. Rule: .*Cal\. Ed\. Code 56504/);
      await page
        .getByTestId("complaint-gaps")
        .getByText(/address where the child lives/)
        .waitFor();
      await tabTo(page, page.getByLabel("Address where the child lives"), { maxPresses: 40 });
      await page.keyboard.type("4 Willow Lane, Maple Valley");
      await tabTo(page, page.getByRole("button", { name: "Save the draft" }), { maxPresses: 40 });
      await page.keyboard.press("Enter");
      await page.getByText("The draft is saved.").waitFor();
      assert.equal(await page.getByTestId("complaint-gaps").count(), 0);
      await axe(page, "case file: complaint draft");
      await tabTo(page, page.getByRole("link", { name: "Download the complaint as a PDF" }));
      const [complaint] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
      assert.equal((await readFile(await complaint.path())).subarray(0, 5).toString("latin1"), "%PDF-");

      step("the case manager starts a draft IEP with a goal, schedules its meeting and shares the draft");
      const studentId = new URL(caseFileUrl).pathname.split("/")[2] as string;
      const teamContext = await browser.newContext({ baseURL, locale: "en-US" });
      try {
        const staff = await teamContext.newPage();
        await signIn(staff, DEMO_ACCOUNTS.caseManager);
        const headers = { "x-csrf-token": await csrf(staff) };
        const created = await staff.request.post(`/api/students/${studentId}/plans`, {
          headers,
          data: {
            type: "iep",
            content: {
              goals: [
                {
                  id: "goal-1",
                  area: "Reading",
                  statement: `By June, ${first} will read a grade-level passage aloud.`,
                },
              ],
            },
          },
        });
        assert.equal(created.status(), 201, await created.text());
        const planId = ((await created.json()) as { plan: { id: string } }).plan.id;
        const scheduled = await staff.request.post(`/api/students/${studentId}/plans/${planId}/meetings`, {
          headers,
          data: {
            scheduledAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
            location: "Room 4",
            purpose: "Initial IEP meeting",
          },
        });
        assert.equal(scheduled.status(), 200, await scheduled.text());
        await staff.goto(`/students/${studentId}/plans/${planId}`);
        await heading(staff, /IEP/);
        await tabTo(staff, staff.getByRole("button", { name: "Share a copy of this draft with the family" }), {
          maxPresses: 120,
        });
        await staff.keyboard.press("Enter");
        await staff.getByText(/^Version 1 shared on /).waitFor();

        step("the guardian comments on the shared goal");
        await page.goto(caseFileUrl);
        await heading(page, `Case file for ${name}`);
        const goal = "Goal: Goal 1: Reading";
        await tabTo(page, page.getByLabel(`Your comment on ${goal}`), { maxPresses: 120 });
        await page.keyboard.type("Could the goal say how often her reading is checked?");
        await tabTo(page, page.getByRole("button", { name: `Send comment on ${goal}` }));
        await page.keyboard.press("Enter");
        await page.getByText("Your comment was sent.").waitFor();
        await axe(page, "case file: meeting preparation with a shared draft");

        step("the case manager answers the comment in the meeting's agenda");
        await staff.reload();
        await staff.getByText(/^On Goal 1: Reading, .* wrote:/).waitFor();
        await tabTo(staff, staff.getByLabel(/^Your answer to .* on Goal 1: Reading/), { maxPresses: 120 });
        await staff.keyboard.type("Yes: every two weeks. We will write that in.");
        await tabTo(staff, staff.getByRole("button", { name: /^Send the answer to .* on Goal 1: Reading/ }));
        await staff.keyboard.press("Enter");
        await staff.getByText(/answered: Yes: every two weeks\./).waitFor();
        await axe(staff, "plan page: meeting agenda with the family's comment answered");
      } finally {
        await teamContext.close();
      }
      await page.reload();
      await page.getByText(/answered: Yes: every two weeks\./).waitFor();
    },
  },
];
