/**
 * Single sign-on for staff against a real OpenID provider (oidc-provider) started by the test:
 * the browser's redirects are followed over HTTP (inject for Lantern, fetch for the provider).
 * A staff member signs in (one with an authenticator app only after a code); an unknown user, a
 * deactivated one, an unverified email, a family account and a tampered or foreign state are
 * refused, with no session.
 */
import { sql } from "kysely";
import { Secret, TOTP } from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type Client, type TestApp } from "../helpers/build-app.ts";
import { DATABASE_KINDS } from "../helpers/test-database.ts";
import {
  OIDC_CLIENT_ID,
  OIDC_CLIENT_SECRET,
  startOidcProvider,
  type TestOidcProvider,
} from "../helpers/test-oidc-provider.ts";

/** Demo accounts (seeded in the demo district, which single sign-on is set up for). */
const DEMO_ACCOUNTS = {
  caseManager: "casemanager@maplevalley.example",
  coordinator504: "coordinator504@maplevalley.example",
  teacher: "teacher@northside.maplevalley.example",
  guardian: "parent.rivera@family.example",
} as const;

const DEMO_PASSWORD = "lantern-demo";

/** The code an authenticator app shows, `steps` periods from now. */
function codeFor(secret: string, steps = 0): string {
  const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: "SHA1" });
  return totp.generate({ timestamp: Date.now() + steps * 30_000 });
}

const REDIRECT_URL = "http://lantern.test/api/auth/oidc/callback";

/** The person at the provider: logs in as `login` and consents; answers the address the provider sends back to. */
async function atProvider(authorizationUrl: string, login: string): Promise<URL> {
  const jar = new Map<string, string>();
  let url = authorizationUrl;
  let body: URLSearchParams | undefined;
  for (let hop = 0; hop < 12; hop++) {
    const res = await fetch(url, {
      method: body ? "POST" : "GET",
      redirect: "manual",
      headers: {
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; "),
        ...(body ? { "content-type": "application/x-www-form-urlencoded" } : {}),
      },
      ...(body ? { body } : {}),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [name, ...value] = (pair ?? "").split("=");
      if (name) jar.set(name.trim(), value.join("="));
    }
    body = undefined;
    const location = res.headers.get("location");
    if (location) {
      const next = new URL(location, url);
      if (next.href.startsWith(REDIRECT_URL)) return next;
      url = next.href;
      continue;
    }
    const html = await res.text();
    if (res.status !== 200) throw new Error(`provider answered ${res.status}: ${html.slice(0, 300)}`);
    // The provider's own interaction page: log in, then consent.
    body = new URLSearchParams(
      html.includes('name="login"') ? { prompt: "login", login, password: "x" } : { prompt: "consent" },
    );
  }
  throw new Error("too many redirects at the provider");
}

describe.each(DATABASE_KINDS)("single sign-on on %s", (kind) => {
  let t: TestApp;
  let provider: TestOidcProvider;

  beforeAll(async () => {
    provider = await startOidcProvider({ redirectUrl: REDIRECT_URL });
    t = await buildTestApp(kind, {
      oidc: (database) => ({
        issuer: provider.issuer,
        clientId: OIDC_CLIENT_ID,
        clientSecret: OIDC_CLIENT_SECRET,
        districtId: database.ids?.districtId as string,
        redirectUrl: REDIRECT_URL,
      }),
    });
  });
  afterAll(async () => {
    await t?.close();
    await provider?.close();
  });

  /** Start in Lantern, log in at the provider, come back: Lantern's answer to the callback. */
  async function signInThroughProvider(login: string, tamper?: (callback: URL) => void) {
    const client = await t.anonymous();
    const start = await client.get("/api/auth/oidc/start");
    expect(start.statusCode).toBe(302);
    const authorization = new URL(start.headers.location as string);
    expect(authorization.searchParams.get("code_challenge_method")).toBe("S256");
    expect(authorization.searchParams.get("nonce")).toBeTruthy();
    const callback = await atProvider(authorization.href, login);
    tamper?.(callback);
    const back = await client.get(`/api/auth/oidc/callback${callback.search}`);
    return { client, back };
  }

  async function sessionUser(client: Client) {
    return (await client.get("/api/auth/session")).json().user as { email: string } | null;
  }

  it("says single sign-on is on, and the API description lists its routes", async () => {
    const anon = await t.anonymous();
    expect((await anon.get("/api/auth/oidc")).json()).toEqual({ enabled: true });
    const openapi = await anon.get("/api/docs/json");
    expect(openapi.statusCode).toBe(200);
    expect(Object.keys(openapi.json().paths)).toEqual(
      expect.arrayContaining(["/api/auth/oidc/start", "/api/auth/oidc/callback", "/api/auth/second-factor/verify"]),
    );
  });

  it("signs a staff member in by their verified email, and the session says how", async () => {
    const { client, back } = await signInThroughProvider(DEMO_ACCOUNTS.caseManager);
    expect(back.statusCode).toBe(302);
    expect(back.headers.location).toBe("/");
    expect((await sessionUser(client))?.email).toBe(DEMO_ACCOUNTS.caseManager);
    expect((await client.get("/api/students")).statusCode).toBe(200);
    const methods = await sql<{ sign_in_method: string }>`
      select s.sign_in_method from sessions s join people p on p.id = s.person_id
      where p.email = ${DEMO_ACCOUNTS.caseManager}`.execute(t.db);
    expect(methods.rows.map((r) => r.sign_in_method)).toEqual(["oidc"]);
  });

  it("asks a staff member with an authenticator app for a code, and starts the session only then", async () => {
    const email = DEMO_ACCOUNTS.coordinator504;
    const withPassword = await t.signIn(email, DEMO_PASSWORD);
    const { secret } = (await withPassword.send("POST", "/api/auth/second-factor/enrolment", {})).json();
    const confirmed = await withPassword.send("POST", "/api/auth/second-factor/enrolment/confirm", {
      code: codeFor(secret, -1),
    });
    expect(confirmed.statusCode).toBe(200);

    const { client, back } = await signInThroughProvider(email);
    expect(back.statusCode).toBe(302);
    const location = back.headers.location as string;
    // The pending sign-in travels in the fragment, which browsers never send to a server.
    expect(location).toMatch(/^\/sign-in#/);
    const fragment = new URLSearchParams(location.slice(location.indexOf("#") + 1));
    expect(fragment.get("step")).toBe("verify");
    expect(await sessionUser(client)).toBeNull();

    const verified = await client.send("POST", "/api/auth/second-factor/verify", {
      pendingToken: fragment.get("pending"),
      code: codeFor(secret),
    });
    expect(verified.statusCode).toBe(200);
    expect((await client.get("/api/auth/session")).json().user).toMatchObject({ email, signInMethod: "oidc+totp" });
  });

  it("refuses an unknown user, creating nobody", async () => {
    const { client, back } = await signInThroughProvider("stranger@maplevalley.example");
    expect(back.headers.location).toBe("/sign-in?sso=unknown-account");
    expect(await sessionUser(client)).toBeNull();
    const people = await sql<{ n: number }>`select count(*)::int as n from people
      where email = 'stranger@maplevalley.example'`.execute(t.db);
    expect(people.rows[0]?.n).toBe(0);
  });

  it("refuses a deactivated user", async () => {
    await sql`update people set disabled_at = now() where email = ${DEMO_ACCOUNTS.teacher}`.execute(t.db);
    try {
      const { client, back } = await signInThroughProvider(DEMO_ACCOUNTS.teacher);
      expect(back.headers.location).toBe("/sign-in?sso=deactivated");
      expect(await sessionUser(client)).toBeNull();
    } finally {
      await sql`update people set disabled_at = null where email = ${DEMO_ACCOUNTS.teacher}`.execute(t.db);
    }
  });

  it("refuses an email the provider has not verified, and a family account", async () => {
    const unverified = await signInThroughProvider(`unverified:${DEMO_ACCOUNTS.caseManager}`);
    expect(unverified.back.headers.location).toBe("/sign-in?sso=unverified-email");
    expect(await sessionUser(unverified.client)).toBeNull();
    const family = await signInThroughProvider(DEMO_ACCOUNTS.guardian);
    expect(family.back.headers.location).toBe("/sign-in?sso=not-staff");
    expect(await sessionUser(family.client)).toBeNull();
  });

  it("refuses a tampered state, and a state this browser did not start", async () => {
    const tampered = await signInThroughProvider(DEMO_ACCOUNTS.caseManager, (callback) =>
      callback.searchParams.set("state", `${callback.searchParams.get("state")}x`),
    );
    expect(tampered.back.headers.location).toBe("/sign-in?sso=state");
    expect(await sessionUser(tampered.client)).toBeNull();

    // Someone else's callback address, opened in another browser (a login forced on a victim).
    const victim = await t.anonymous();
    const attacker = await t.anonymous();
    const start = await attacker.get("/api/auth/oidc/start");
    const callback = await atProvider(start.headers.location as string, DEMO_ACCOUNTS.caseManager);
    const forced = await victim.get(`/api/auth/oidc/callback${callback.search}`);
    expect(forced.headers.location).toBe("/sign-in?sso=state");
    expect(await sessionUser(victim)).toBeNull();
    const refusals = await sql<{ n: number }>`select count(*)::int as n from audit_events
      where action = 'auth.single-sign-on-refused' and details->>'reason' = 'state'`.execute(t.db);
    expect(refusals.rows[0]?.n).toBeGreaterThanOrEqual(2);
  });
});
