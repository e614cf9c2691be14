/**
 * Second factor: a staff member sets up an authenticator app from "Account security" (the test
 * reads the key shown as text and computes the codes an app would), saves the recovery codes,
 * signs out, and signs in with the password and then a code; a wrong code is refused first. By
 * keyboard, axe on each step. She turns it off at the end, as the page allows where the district
 * does not require it.
 *
 * Single sign-on with the second factor: against a real OpenID provider (oidc-provider) and a
 * Lantern of its own set up for it, a stranger the district's provider knows is refused with a
 * clear message, and a case manager with an authenticator app signs in with her district account
 * and then a code; the session says how she signed in. axe on Lantern's pages, not the provider's.
 */
import assert from "node:assert/strict";
import { Secret, TOTP } from "otpauth";
import type { Page } from "playwright-core";
import {
  OIDC_CLIENT_ID,
  OIDC_CLIENT_SECRET,
  startOidcProvider,
} from "../packages/server/test/helpers/test-oidc-provider.ts";
import { freePort, startLantern } from "./harness/server.ts";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type Journey } from "./harness/types.ts";

/** What an authenticator app shows for this key, `steps` periods from now. */
function appCode(secret: string, steps = 0): string {
  const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: "SHA1" });
  return totp.generate({ timestamp: Date.now() + steps * 30_000 });
}

export const journeys: Journey[] = [
  {
    name: "a staff member sets up an authenticator app, then signs in with her password and a code",
    async run({ page, axe, heading, tabTo, signIn, step }) {
      const email = DEMO_ACCOUNTS.coordinator504;
      step("she signs in and opens Account security");
      await signIn(page, email);
      await tabTo(page, page.getByRole("link", { name: "Account security" }));
      await page.keyboard.press("Enter");
      await heading(page, "Account security");
      await page.getByText("The second step is off.").waitFor();
      await axe(page, "account security, second step off");

      step("she sets up the app with the key shown as text and its first code");
      await tabTo(page, page.getByRole("button", { name: "Set up an authenticator app" }));
      await page.keyboard.press("Enter");
      const key = page.getByTestId("totp-secret");
      await key.waitFor();
      await page.getByRole("img", { name: /QR code with your Lantern key/ }).waitFor();
      const secret = (await key.innerText()).replace(/\s/g, "");
      assert.match(secret, /^[A-Z2-7]{32}$/);
      await axe(page, "setting up an authenticator app");
      await tabTo(page, page.getByLabel("Code from the app"));
      await page.keyboard.type("000000");
      await page.keyboard.press("Enter");
      await page.getByText("That code did not match").first().waitFor();
      await page.keyboard.press("Control+A");
      await page.keyboard.type(appCode(secret));
      await page.keyboard.press("Enter");

      step("the recovery codes are shown once, with focus on their heading");
      const codesHeading = page.getByRole("heading", { level: 2, name: "Your recovery codes" });
      await codesHeading.waitFor();
      assert.equal(await codesHeading.evaluate((el) => el === document.activeElement), true);
      const codes = await page.locator(".recovery-codes code").allInnerTexts();
      assert.equal(codes.length, 10);
      await axe(page, "recovery codes");
      await tabTo(page, page.getByRole("button", { name: "I have saved my recovery codes" }));
      await page.keyboard.press("Enter");
      await page.getByText("You have 10 recovery codes left").waitFor();

      step("she signs out, and her password alone no longer signs her in");
      await tabTo(page, page.getByRole("button", { name: "Sign out", exact: true }));
      await page.keyboard.press("Enter");
      await page.getByRole("link", { name: "Sign in" }).first().waitFor();
      await page.goto("/sign-in");
      await heading(page, "Sign in");
      await tabTo(page, page.getByLabel("Email address"));
      await page.keyboard.type(email);
      await tabTo(page, page.getByLabel("Password"));
      await page.keyboard.type(DEMO_PASSWORD);
      await page.keyboard.press("Enter");
      const codeHeading = page.getByRole("heading", { level: 2, name: "Enter your code" });
      await codeHeading.waitFor();
      assert.equal(await codeHeading.evaluate((el) => el === document.activeElement), true);
      assert.equal((await page.request.get("/api/auth/session").then((r) => r.json())).user, null);
      await axe(page, "sign-in, second step");

      step("a wrong code is refused; the app's next code signs her in");
      await tabTo(page, page.getByLabel("Code", { exact: true }));
      await page.keyboard.type("123456");
      await page.keyboard.press("Enter");
      await page.getByRole("alert").getByText("That code did not work").waitFor();
      await axe(page, "sign-in, wrong code");
      await page.getByLabel("Code", { exact: true }).focus();
      await page.keyboard.press("Control+A");
      // A code of a later time step than the one used to set up (a code is never accepted twice).
      await page.keyboard.type(appCode(secret, 1));
      await page.keyboard.press("Enter");
      await page.getByRole("button", { name: "Sign out", exact: true }).waitFor();

      step("she turns the second step off again");
      await tabTo(page, page.getByRole("link", { name: "Account security" }));
      await page.keyboard.press("Enter");
      await heading(page, "Account security");
      await tabTo(page, page.getByRole("button", { name: "Turn off the second step" }));
      await page.keyboard.press("Enter");
      await page.getByText("The second step is off. You sign in with your password alone.").waitFor();
    },
  },
  {
    name: "a staff member signs in with her district account and a code; a stranger is refused",
    async run({ context, page, axe, heading, tabTo, step }) {
      step("the district's OpenID provider and a Lantern set up for it start");
      // The provider's development pages load a web font from the internet: nothing leaves this machine.
      await context.route(
        (url) => url.hostname !== "127.0.0.1",
        (route) => route.abort(),
      );
      const port = await freePort();
      const provider = await startOidcProvider({ redirectUrl: `http://127.0.0.1:${port}/api/auth/oidc/callback` });
      const lantern = await startLantern({
        port,
        oidc: { issuer: provider.issuer, clientId: OIDC_CLIENT_ID, clientSecret: OIDC_CLIENT_SECRET },
      }).catch(async (error: unknown) => {
        await provider.close();
        throw error;
      });
      try {
        const email = DEMO_ACCOUNTS.caseManager;
        step("she has set up an authenticator app (through the API)");
        const secret = await enrolAuthenticator(page, lantern.url, email);
        await context.clearCookies();

        let scanned = false;
        /** From Lantern's sign-in page to the provider's, by keyboard; logs in there as `login`. */
        const throughProvider = async (login: string) => {
          await page.goto(`${lantern.url}/sign-in`);
          await heading(page, "Sign in");
          const districtAccount = page.getByRole("link", { name: "Sign in with your district account" });
          await districtAccount.waitFor();
          if (!scanned) await axe(page, "sign-in with a district account offered");
          scanned = true;
          await tabTo(page, districtAccount);
          await page.keyboard.press("Enter");
          // The provider's own pages: its login form (any password), then consent.
          await tabTo(page, page.locator('input[name="login"]'));
          await page.keyboard.type(login);
          await tabTo(page, page.locator('input[name="password"]'));
          await page.keyboard.type("the-district-password");
          await page.keyboard.press("Enter");
          await page.getByRole("heading", { level: 1, name: "Authorize" }).waitFor();
          await tabTo(page, page.getByRole("button", { name: "Continue" }));
          await page.keyboard.press("Enter");
          await page.waitForURL((url) => url.origin === lantern.url);
        };

        step("a stranger the provider knows is refused on Lantern's sign-in page");
        await throughProvider("stranger@maplevalley.example");
        await page.waitForURL(/\/sign-in\?sso=unknown-account$/);
        await heading(page, "Sign in");
        await page.getByText("Signing in with your district account did not work").waitFor();
        await page.getByText("There is no Lantern account for your district email address.").waitFor();
        assert.equal((await page.request.get(`${lantern.url}/api/auth/session`).then((r) => r.json())).user, null);
        await axe(page, "sign-in, district account refused");
        await context.clearCookies();

        step("she signs in at the provider and comes back to the code step, with focus on it");
        await throughProvider(email);
        const codeHeading = page.getByRole("heading", { level: 2, name: "Enter your code" });
        await codeHeading.waitFor();
        assert.equal(await codeHeading.evaluate((el) => el === document.activeElement), true);
        assert.equal(new URL(page.url()).hash, "", "the pending sign-in is taken out of the address");
        assert.equal((await page.request.get(`${lantern.url}/api/auth/session`).then((r) => r.json())).user, null);
        await axe(page, "sign-in with the district account, second step");

        step("the app's code signs her in, and the session says how");
        await tabTo(page, page.getByLabel("Code", { exact: true }));
        // A later time step than the one used to set up (a code is never accepted twice).
        await page.keyboard.type(appCode(secret, 1));
        await page.keyboard.press("Enter");
        await page.getByRole("button", { name: "Sign out", exact: true }).waitFor();
        const session = await page.request.get(`${lantern.url}/api/auth/session`).then((r) => r.json());
        assert.equal(session.user?.email, email);
        assert.equal(session.user?.signInMethod, "oidc+totp");
        await axe(page, "home after signing in with the district account");
        // Her home page's lists have loaded before this test's server stops.
        await page.waitForLoadState("networkidle");
      } finally {
        // Leave Lantern first: a request the open page keeps waiting would hold the server's close.
        await page.goto("about:blank").catch(() => {});
        await lantern.close();
        await provider.close();
      }
    },
  },
];

/** Signs in with the password and sets up an authenticator app through the API; answers its key. */
async function enrolAuthenticator(page: Page, baseUrl: string, email: string): Promise<string> {
  const api = page.request;
  const anonymous = (await api.get(`${baseUrl}/api/auth/session`).then((r) => r.json())) as { csrfToken: string };
  const signedIn = await api.post(`${baseUrl}/api/auth/sign-in`, {
    headers: { "x-csrf-token": anonymous.csrfToken },
    data: { email, password: DEMO_PASSWORD },
  });
  assert.equal(signedIn.status(), 200);
  const headers = { "x-csrf-token": (await signedIn.json()).csrfToken as string };
  const enrolment = await api.post(`${baseUrl}/api/auth/second-factor/enrolment`, { headers, data: {} });
  assert.equal(enrolment.status(), 200, await enrolment.text());
  const { secret } = (await enrolment.json()) as { secret: string };
  const confirmed = await api.post(`${baseUrl}/api/auth/second-factor/enrolment/confirm`, {
    headers,
    data: { code: appCode(secret) },
  });
  assert.equal(confirmed.status(), 200, await confirmed.text());
  return secret;
}
