/**
 * People's accounts, by keyboard, with axe on each page: an administrator invites a case manager,
 * who follows the emailed link (read from the mail the administrator sees, as without a mail
 * server), chooses a password and signs in; someone who forgot their password asks for a link by
 * email and chooses a new one; a guardian added by a roster import gets an invitation and signs
 * in to see their child.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { DEMO_ACCOUNTS, type Journey, type JourneyContext } from "./harness/types.ts";

type Outbox = { messages: Array<{ to: string; subject: string; text: string }> };

/** The link of the newest message to `to`, as the district administrator's mail list shows it. */
async function linkFor(admin: Page, to: string): Promise<string> {
  const outbox = (await (await admin.request.get("/api/district/mail-outbox")).json()) as Outbox;
  const message = outbox.messages.find((m) => m.to === to);
  assert.ok(message, `a message to ${to} is in the outbox`);
  const link = /(http\S+\/set-password#token=[A-Za-z0-9_-]+)/.exec(message.text)?.[1];
  assert.ok(link, "the message carries a link to choose a password");
  return link;
}

/** A second person at another browser (own cookies). */
async function otherBrowser(ctx: JourneyContext): Promise<Page> {
  const context = await ctx.browser.newContext({ baseURL: ctx.baseURL, reducedMotion: "reduce", locale: "en-US" });
  return context.newPage();
}

/** Choose a password on the page an emailed link opens, by keyboard. */
async function choosePassword(ctx: JourneyContext, page: Page, link: string, password: string): Promise<void> {
  await page.goto(link);
  await ctx.heading(page, "Choose your password");
  await ctx.axe(page, "choose a password");
  await ctx.tabTo(page, page.getByLabel("New password"));
  await page.keyboard.type("too short");
  await ctx.tabTo(page, page.getByLabel("Type the password again"));
  await page.keyboard.type("too short");
  await page.keyboard.press("Enter");
  const summary = page.getByRole("alert").filter({ hasText: "Your password was not saved" });
  await summary.waitFor();
  assert.match(await ctx.focused(page), /alert|div/);
  assert.equal(await page.getByLabel("New password").getAttribute("aria-invalid"), "true");
  await ctx.axe(page, "password problems");
  await ctx.tabTo(page, page.getByLabel("New password"));
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type(password);
  await ctx.tabTo(page, page.getByLabel("Type the password again"));
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type(password);
  await page.keyboard.press("Enter");
  await page.getByText("Your password is saved. You can now sign in.").waitFor();
  await ctx.axe(page, "password saved");
}

async function csrf(page: Page): Promise<string> {
  const cookies = await page.context().cookies();
  return cookies.find((c) => c.name === "lantern_csrf")?.value ?? "";
}

export const journeys: Journey[] = [
  {
    name: "an administrator invites a case manager who sets a password and signs in",
    async run(ctx) {
      const { page, axe, heading, tabTo, signIn, step } = ctx;
      await signIn(page, DEMO_ACCOUNTS.districtAdmin);
      await tabTo(page, page.getByRole("link", { name: "People" }));
      await page.keyboard.press("Enter");
      await heading(page, "People");
      await page.getByRole("table", { name: "Staff accounts" }).waitFor();
      await axe(page, "people");

      step("a missing email is named and tied to its field");
      await tabTo(page, page.getByLabel("First name"));
      await page.keyboard.type("Marisol");
      await tabTo(page, page.getByLabel("Last name"));
      await page.keyboard.type("Quintero");
      await tabTo(page, page.getByRole("button", { name: "Send invitation" }));
      await page.keyboard.press("Enter");
      await page.getByRole("alert").filter({ hasText: "The invitation was not sent" }).waitFor();
      assert.equal(await page.getByLabel("Email address").getAttribute("aria-invalid"), "true");
      await axe(page, "invitation problems");

      step("the invitation is sent");
      await tabTo(page, page.getByLabel("Email address"));
      await page.keyboard.type("marisol.quintero@maplevalley.example");
      await tabTo(page, page.getByLabel("Role"));
      await page.keyboard.type("Case");
      await tabTo(page, page.getByRole("button", { name: "Send invitation" }));
      await page.keyboard.press("Enter");
      await page.getByText("Invitation sent to marisol.quintero@maplevalley.example.").waitFor();
      await page
        .getByRole("row", { name: /Marisol Quintero/ })
        .getByText(/Invited \(link works until/)
        .waitFor();
      await page.getByRole("cell", { name: "Your Lantern account at Maple Valley Unified" }).first().waitFor();
      await axe(page, "invited");

      step("the invitee opens the link, chooses a password and signs in");
      const link = await linkFor(page, "marisol.quintero@maplevalley.example");
      const invitee = await otherBrowser(ctx);
      await choosePassword(ctx, invitee, link, "quiet harbor lanterns at dusk");
      await signIn(invitee, "marisol.quintero@maplevalley.example", "quiet harbor lanterns at dusk");
      await invitee.getByText("Welcome, Marisol Quintero").waitFor();
      await axe(invitee, "invitee's home");

      step("the link works only once");
      const again = await otherBrowser(ctx);
      await again.goto(link);
      await heading(again, "Choose your password");
      await tabTo(again, again.getByLabel("New password"));
      await again.keyboard.type("another long phrase here");
      await tabTo(again, again.getByLabel("Type the password again"));
      await again.keyboard.type("another long phrase here");
      await again.keyboard.press("Enter");
      await again.getByText(/expired or was already used/).waitFor();

      step("the administrator sees the account active");
      await page.reload();
      await page
        .getByRole("row", { name: /Marisol Quintero/ })
        .getByText("Active")
        .waitFor();

      step("the administrator finds the new account's sign-in in the audit trail and downloads it as CSV");
      await page.goto("/");
      await tabTo(page, page.getByRole("link", { name: "Audit trail" }));
      await page.keyboard.press("Enter");
      await heading(page, "Audit trail and record of access");
      await page.getByRole("table", { name: /^Record of access from/ }).waitFor();
      await tabTo(page, page.getByLabel("Show", { exact: true }));
      await page.getByLabel("Show", { exact: true }).selectOption("audit-trail");
      await tabTo(page, page.getByLabel("Person"));
      await page.keyboard.type("Quintero");
      await page.keyboard.press("Enter");
      const trail = page.getByRole("table", { name: /^Audit trail from/ });
      await trail
        .getByRole("row", { name: /auth\.signed-in/ })
        .first()
        .waitFor();
      await axe(page, "audit trail");
      await tabTo(page, page.getByRole("link", { name: "Download these entries as CSV" }));
      const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
      const csv = await readFile((await download.path()) as string, "utf8");
      assert.match(csv, /^id,at,action,person,person_email,student,what,purpose,basis/);
      assert.match(csv, /auth\.signed-in,Marisol Quintero,marisol\.quintero@maplevalley\.example/);

      step("the administrator sets how long the communication log is kept; too short a period is named on its field");
      await page.goto("/");
      await tabTo(page, page.getByRole("link", { name: "Keeping and destroying records" }));
      await page.keyboard.press("Enter");
      await heading(page, "Keeping and destroying records");
      await page.getByRole("table", { name: "Records past the schedule, by student and kind" }).waitFor();
      const years = page.getByLabel("Communication log: years kept");
      await tabTo(page, years);
      await page.keyboard.type("2");
      await page.keyboard.press("Enter");
      await page.getByRole("alert").filter({ hasText: "The schedule was not saved" }).waitFor();
      assert.equal(await years.getAttribute("aria-invalid"), "true");
      await axe(page, "retention schedule with a problem");
      await tabTo(page, years);
      await page.keyboard.press("ControlOrMeta+a");
      await page.keyboard.type("5");
      await page.keyboard.press("Enter");
      await page.getByText("The schedule is saved.").waitFor();

      step(
        "saved navigator results are kept three years; Maya's old one is offered, the family told, then it is destroyed",
      );
      const navigatorYears = page.getByLabel("Saved navigator results: years kept");
      await tabTo(page, navigatorYears);
      await page.keyboard.type("3");
      await page.keyboard.press("Enter");
      await page.getByText("The schedule is saved.").waitFor();
      const offered = page.getByRole("table", { name: "Records past the schedule, by student and kind" });
      const tell = offered.getByRole("button", {
        name: "Tell the family about Maya Kowalski's Saved navigator results",
      });
      await tabTo(page, tell);
      await page.keyboard.press("Enter");
      await page.getByText(/The family was told/).waitFor();
      const destroy = offered.getByRole("button", { name: "Destroy Maya Kowalski's Saved navigator results" });
      await tabTo(page, destroy);
      await page.keyboard.press("Enter");
      const dialog = page.getByRole("dialog", { name: "Destroy these records?" });
      await dialog.waitFor();
      await axe(page, "confirm destroying a navigator result");
      await tabTo(page, dialog.getByRole("button", { name: "Destroy the records" }));
      await page.keyboard.press("Enter");
      await page.getByText("1 record was destroyed.").waitFor();
      await offered.getByRole("row", { name: /Maya Kowalski/ }).waitFor({ state: "detached" });
      await axe(page, "navigator result destroyed");
    },
  },
  {
    name: "someone who forgot their password chooses a new one from an emailed link",
    async run(ctx) {
      const { page, axe, heading, tabTo, signIn, step } = ctx;
      await signIn(page, DEMO_ACCOUNTS.districtAdmin);
      step("an account to reset (invited and set up through the API)");
      const email = "everett.lindqvist@maplevalley.example";
      const invited = await page.request.post("/api/people", {
        headers: { "x-csrf-token": await csrf(page) },
        data: { firstName: "Everett", lastName: "Lindqvist", email, role: "section-504-coordinator", schoolId: null },
      });
      assert.equal(invited.status(), 201);
      const token = /#token=(.+)$/.exec(await linkFor(page, email))?.[1];
      const first = await page.request.post("/api/auth/password", {
        headers: { "x-csrf-token": await csrf(page) },
        data: { token, password: "first password, long enough" },
      });
      assert.equal(first.status(), 200);

      step("the person asks for a link from the sign-in page");
      const person = await otherBrowser(ctx);
      await person.goto("/sign-in");
      await heading(person, "Sign in");
      await tabTo(person, person.getByRole("link", { name: "Forgot your password?" }));
      await person.keyboard.press("Enter");
      await heading(person, "Reset your password");
      await axe(person, "forgot password");
      await tabTo(person, person.getByLabel("Email address"));
      await person.keyboard.type(email);
      await person.keyboard.press("Enter");
      await person.getByText(/If an account has this email address, we sent it a link/).waitFor();
      await axe(person, "link sent");

      step("the link opens the page to choose a new password; the new one signs in");
      await choosePassword(ctx, person, await linkFor(page, email), "second password, longer still");
      await signIn(person, email, "second password, longer still");
      await person.getByText("Welcome, Everett Lindqvist").waitFor();
    },
  },
  {
    name: "a guardian added by a roster import gets an invitation and signs in",
    async run(ctx) {
      const { page, axe, heading, tabTo, signIn, step } = ctx;
      await signIn(page, DEMO_ACCOUNTS.districtAdmin);
      await tabTo(page, page.getByRole("link", { name: "Import the student roster" }));
      await page.keyboard.press("Enter");
      await heading(page, "Import the student roster");
      const csv = [
        "sis_id,first_name,last_name,date_of_birth,grade,school,guardian1_first_name,guardian1_last_name,guardian1_email",
        "MV2201,Solveig,Arkwright,2016-02-11,4,Northside Elementary,Hedda,Arkwright,hedda.arkwright@family.example",
      ].join("\n");
      const input = page.getByLabel("Roster file (CSV)");
      await tabTo(page, input);
      for (let attempt = 1; ; attempt++) {
        const chooser = page.waitForEvent("filechooser", { timeout: 4_000 });
        await page.keyboard.press("Space");
        try {
          await (await chooser).setFiles({ name: "roster.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
          break;
        } catch (error) {
          if (attempt >= 3) throw error;
        }
      }
      const invite = page.getByLabel("Email an invitation to each parent or guardian the file adds");
      assert.equal(await invite.isChecked(), true);
      await tabTo(page, page.getByRole("button", { name: "Import" }));
      await page.keyboard.press("Enter");
      await page.getByRole("heading", { name: "The roster is imported" }).waitFor();
      await page.getByText("1 parent or guardian invited by email").waitFor();
      await axe(page, "roster imported with invitations");

      step("the guardian follows the invitation, chooses a password and sees the child");
      const guardian = await otherBrowser(ctx);
      await choosePassword(
        ctx,
        guardian,
        await linkFor(page, "hedda.arkwright@family.example"),
        "solveig likes red kites",
      );
      await signIn(guardian, "hedda.arkwright@family.example", "solveig likes red kites");
      await guardian.getByText("Solveig Arkwright").first().waitFor();
      await guardian.getByRole("link", { name: /^Inbox/ }).waitFor();
      await axe(guardian, "guardian's home");
    },
  },
];
