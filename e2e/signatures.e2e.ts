/**
 * Signatures that prove who signed, and safe actions: for a student made in the test, a case
 * manager proposes an IEP and enters a teacher's signature given on paper, with the scanned page
 * uploaded by keyboard; the guardian is emailed that the plan waits for her (the outbox holds it,
 * with the link), signs in, opens the message in her inbox and follows its link, sees the plan
 * first, signs as herself (a wrong name
 * is refused with a clear message), confirms in a dialog that took focus (Escape cancels and gives
 * focus back), and the plan is sealed; the case manager confirms putting it in effect. axe on each
 * step.
 */
import assert from "node:assert/strict";
import { sampleIep } from "@lantern/core";
import type { Page } from "playwright-core";
import { districtToday } from "./harness/district-today.ts";
import { DEMO_ACCOUNTS, type Journey, type JourneyContext } from "./harness/types.ts";

const csrfOf = async (page: Page) =>
  (await page.context().cookies()).find((c) => c.name === "lantern_csrf")?.value ?? "";

async function post(page: Page, url: string, data: unknown) {
  const res = await page.request.post(url, { headers: { "x-csrf-token": await csrfOf(page) }, data: data as object });
  assert.ok(res.status() < 300, `${url}: ${res.status()} ${await res.text()}`);
  return res;
}

/** A new student on the case manager's caseload whose parent is Ana Rivera, loaded by roster. */
async function newStudent(page: Page, lastName: string): Promise<string> {
  const sisId = `SG${Date.now().toString().slice(-6)}`;
  const csv = [
    "sis_id,first_name,last_name,date_of_birth,grade,school,case_manager_email,guardian1_first_name,guardian1_last_name,guardian1_email",
    `${sisId},Lior,${lastName},2015-05-02,5,Northside Elementary,${DEMO_ACCOUNTS.caseManager},Ana,Rivera,${DEMO_ACCOUNTS.guardian}`,
  ].join("\n");
  const imported = await page.request.post("/api/district/roster", {
    headers: { "content-type": "text/csv", "x-csrf-token": await csrfOf(page) },
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

/** The smallest PNG-looking page: what matters to the server is its first bytes. */
const SCANNED_PAGE = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200)]);

async function chooseScan(ctx: JourneyContext, page: Page): Promise<void> {
  const input = page.getByLabel(/^Scanned page/);
  await ctx.tabTo(page, input);
  for (let attempt = 1; ; attempt++) {
    const chooser = page.waitForEvent("filechooser", { timeout: 4_000 });
    await page.keyboard.press("Space");
    try {
      await (await chooser).setFiles({ name: "ortega-signature.png", mimeType: "image/png", buffer: SCANNED_PAGE });
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

export const journeys: Journey[] = [
  {
    name: "the guardian signs as herself after seeing the plan first; a paper signature is entered with its scan; putting the plan in effect asks first",
    async run(ctx) {
      const { page, axe, heading, tabTo, signIn, step, focused } = ctx;
      step("a district administrator adds a student whose parent is Ana Rivera");
      await signIn(page, DEMO_ACCOUNTS.districtAdmin);
      const lastName = `Signwell${Date.now().toString().slice(-5)}`;
      const studentId = await newStudent(page, lastName);
      await page.context().clearCookies();

      step("the case manager starts the IEP, schedules the meeting and proposes the plan");
      await signIn(page, DEMO_ACCOUNTS.caseManager);
      const sample = sampleIep() as Record<string, unknown>;
      const { attendees: _a, signatures: _s, consent: _c, student: _st, ...rest } = sample;
      // The team: the parent, not yet linked to an account (she claims her place by signing in as
      // herself), the case manager and a teacher who signs on paper at the meeting.
      const content = {
        ...rest,
        attendees: [
          { id: "parent-1", name: "Ana Rivera", role: "parent", title: "Mother", accountId: null },
          { id: "staff-1", name: "Priya Natarajan", role: "special-education-teacher", title: "Case manager" },
          {
            id: "staff-2",
            name: "Jamie Ortega",
            role: "regular-education-teacher",
            title: "General education teacher",
          },
        ],
      };
      const base = `/api/students/${studentId}/plans`;
      const created = (await (await post(page, base, { type: "iep", content })).json()) as { plan: { id: string } };
      const planUrl = `${base}/${created.plan.id}`;
      const today = districtToday();
      await post(page, `${planUrl}/meetings`, {
        scheduledAt: `${today}T15:30:00Z`,
        location: "Room 4",
        purpose: "Initial IEP meeting",
        notice: { sentOn: today },
      });
      await page.goto(`/students/${studentId}/plans/${created.plan.id}`);
      await heading(page, `IEP for Lior ${lastName}`);
      await tabTo(page, page.getByRole("button", { name: "Propose the plan to the family" }), { maxPresses: 80 });
      await page.keyboard.press("Enter");
      await page
        .getByTestId("plan-status")
        .getByText(/^Proposed/)
        .first()
        .waitFor();
      await axe(page, "proposed plan (case manager)");

      step("the case manager enters the teacher's signature given on paper, with the scanned page");
      const paper = page.getByRole("region", { name: "Enter a signature given on paper" });
      await paper.waitFor();
      const who = paper.getByLabel("Who signed on paper");
      const teacher = await who
        .locator("option")
        .filter({ hasText: /teacher/i })
        .first()
        .getAttribute("value");
      assert.ok(teacher, "a teacher is on the team");
      await tabTo(page, who, { maxPresses: 120 });
      await who.selectOption(teacher);
      await tabTo(page, paper.getByLabel(/^Date written beside the signature/));
      await page.keyboard.type(today.slice(5, 7) + today.slice(8, 10) + today.slice(0, 4));
      await chooseScan(ctx, page);
      await tabTo(page, paper.getByRole("button", { name: "Enter the paper signature" }));
      await page.keyboard.press("Enter");
      const entered = page.getByTestId("signatures").getByText(/Signed on paper .*; entered by Priya Natarajan/);
      await entered.waitFor();
      const scanLink = page.getByTestId("signatures").getByRole("link", { name: /Scanned page of/ });
      const scan = await page.request.get((await scanLink.getAttribute("href")) ?? "");
      assert.equal(scan.status(), 200);
      assert.equal(scan.headers()["content-type"], "image/png");
      await axe(page, "paper signature entered");
      await page.context().clearCookies();

      const planPage = `/students/${studentId}/plans/${created.plan.id}`;
      step("the proposal's email to the guardian waits in the outbox (no mail server here), with the plan's link");
      await signIn(page, DEMO_ACCOUNTS.districtAdmin);
      const outbox = (await (await page.request.get("/api/district/mail-outbox")).json()) as {
        messages: Array<{ to: string; subject: string; text: string }>;
      };
      const mail = outbox.messages.find(
        (m) => m.to === DEMO_ACCOUNTS.guardian && m.subject === "Lior's IEP waits for you",
      );
      assert.ok(mail, "the guardian is emailed that the plan waits for her");
      assert.match(mail.text, new RegExp(`Open it in Lantern: https?://[^\\s]+${planPage}`));
      await page.context().clearCookies();

      step("the guardian signs in, finds the message in her inbox and follows its link to the plan");
      await signIn(page, DEMO_ACCOUNTS.guardian);
      await tabTo(page, page.getByRole("link", { name: /^Inbox/ }).first(), { maxPresses: 40 });
      await page.keyboard.press("Enter");
      await heading(page, "Inbox");
      const message = page
        .getByRole("listitem")
        .filter({ has: page.getByRole("heading", { name: /Lior's IEP waits for you/ }) });
      await message.waitFor();
      await axe(page, "guardian's inbox with the plan waiting");
      await tabTo(page, message.getByRole("link", { name: "Open" }), { maxPresses: 120 });
      await page.keyboard.press("Enter");
      await heading(page, `IEP for Lior ${lastName}`);
      assert.equal(new URL(page.url()).pathname, planPage);
      step("she sees the plan first");
      const firstSection = await page.locator("main h2").first().textContent();
      assert.equal(firstSection, "The plan, in plain words", "the family's page leads with the plan");
      await page.getByTestId("signing-as").getByText("You sign as Ana Rivera").waitFor();
      assert.equal(await page.getByRole("combobox", { name: /Signing as/ }).count(), 0, "no picker of other people");
      await axe(page, "guardian reads the proposed plan");

      step("a wrong name is refused with a clear message");
      await tabTo(page, page.getByRole("radio", { name: "I agree to the whole plan" }), { maxPresses: 120 });
      await page.keyboard.press("Space");
      const name = page.getByLabel(/^Type your full name/);
      await tabTo(page, name);
      await page.keyboard.type("Mickey Mouse");
      await page.keyboard.press("Enter");
      await page.getByText("The name you typed is not the name on your account, Ana Rivera.").waitFor();
      assert.equal(await name.getAttribute("aria-invalid"), "true");
      assert.match(await focused(page), /input/);
      await axe(page, "wrong name refused");

      step("her own name; the confirmation takes focus, Escape cancels and gives focus back");
      await page.keyboard.press("Control+A");
      await page.keyboard.type("Ana Rivera");
      const signButton = page.getByRole("button", { name: "Sign", exact: true });
      await tabTo(page, signButton);
      await page.keyboard.press("Enter");
      const dialog = page.getByRole("dialog", { name: "Sign this plan?" });
      await dialog.waitFor();
      assert.equal(
        await dialog.evaluate((el) => el.contains(document.activeElement)),
        true,
        "focus moved into the dialog",
      );
      await dialog.getByText(/You are signing as Ana Rivera/).waitFor();
      await axe(page, "sign confirmation");
      await page.keyboard.press("Escape");
      await dialog.waitFor({ state: "hidden" });
      assert.equal(await signButton.evaluate((el) => el === document.activeElement), true, "focus returned");

      step("she confirms: the plan is signed and sealed");
      await page.keyboard.press("Enter");
      await dialog.waitFor();
      await tabTo(page, dialog.getByRole("button", { name: "Yes, sign" }));
      await page.keyboard.press("Enter");
      await page
        .getByTestId("plan-status")
        .getByText(/Signed and sealed/)
        .first()
        .waitFor();
      await page
        .getByTestId("signatures")
        .getByText(/Typed in the app by Ana Rivera, signed in with password/)
        .waitFor();
      await page.getByText("The stored plan still matches its fingerprint.").waitFor();
      await axe(page, "sealed plan (guardian)");
      await page.context().clearCookies();

      step("the case manager puts the plan in effect after confirming");
      await signIn(page, DEMO_ACCOUNTS.caseManager);
      await page.goto(`/students/${studentId}/plans/${created.plan.id}`);
      await heading(page, `IEP for Lior ${lastName}`);
      await tabTo(page, page.getByRole("button", { name: "Put the plan in effect" }), { maxPresses: 80 });
      await page.keyboard.press("Enter");
      const confirm = page.getByRole("dialog", { name: "Put this plan in effect?" });
      await confirm.waitFor();
      await confirm.getByText(/The school must then provide everything in this plan/).waitFor();
      await axe(page, "put in effect confirmation");
      await tabTo(page, confirm.getByRole("button", { name: "Yes, put it in effect" }));
      await page.keyboard.press("Enter");
      await page
        .getByTestId("plan-status")
        .getByText(/^In effect/)
        .first()
        .waitFor();
      await axe(page, "plan in effect");
    },
  },
];
