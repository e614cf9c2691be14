/**
 * CSRF and the headers of every reply: the CSRF check cannot be dodged by a percent-encoded path,
 * sign-in issues a new token, a token planted by another site is refused, and every reply carries
 * the security headers, with `Cache-Control: no-store` on everything the API sends.
 */
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../seeds/demo-accounts.ts";
import { buildApp } from "../src/app.ts";
import { buildTestApp, type TestApp } from "./helpers/build-app.ts";
import { DATABASE_KINDS } from "./helpers/test-database.ts";

const CASE_MANAGER = "casemanager@maplevalley.example";

function cookie(res: LightMyRequestResponse, name: string) {
  return res.cookies.find((c) => c.name === name);
}

describe.each(DATABASE_KINDS)("web security on %s", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(kind);
  });
  afterAll(async () => {
    await t?.close();
  });

  describe("CSRF", () => {
    it("checks a percent-encoded API path as the route it decodes to", async () => {
      for (const url of ["/%61pi/auth/sign-in", "/api/auth/%73ign-in", "/%2561pi/auth/sign-in"]) {
        const res = await t.app.inject({
          method: "POST",
          url,
          payload: { email: CASE_MANAGER, password: DEMO_PASSWORD },
        });
        expect(res.statusCode, url).not.toBe(200);
        expect(cookie(res, "lantern_session"), url).toBeUndefined();
      }
      const decoded = await t.app.inject({
        method: "POST",
        url: "/%61pi/auth/sign-in",
        payload: { email: CASE_MANAGER, password: DEMO_PASSWORD },
      });
      expect(decoded.statusCode).toBe(403);
      expect(decoded.json().message).toContain("x-csrf-token");
    });

    it("issues a new token at sign-in and refuses the one from before", async () => {
      const c = await t.anonymous();
      const before = c.csrf;
      const res = await c.send("POST", "/api/auth/sign-in", { email: CASE_MANAGER, password: DEMO_PASSWORD });
      expect(res.statusCode).toBe(200);
      const after = (res.json() as { csrfToken: string }).csrfToken;
      expect(after).not.toBe(before);
      expect(cookie(res, "lantern_csrf")?.value).toBe(after);
      const session = cookie(res, "lantern_session")?.value as string;

      const stale = await t.app.inject({
        method: "POST",
        url: "/api/auth/sign-out",
        headers: { cookie: `lantern_session=${session}; lantern_csrf=${before}`, "x-csrf-token": before },
      });
      expect(stale.statusCode).toBe(403);
      const fresh = await c.send("POST", "/api/auth/sign-out");
      expect(fresh.statusCode).toBe(204);
    });

    it("refuses a token planted by another site in the CSRF cookie of a signed-in browser", async () => {
      const c = await t.signIn(CASE_MANAGER);
      const session = /lantern_session=([^;]+)/.exec(c.cookie)?.[1] as string;
      const planted = "planted-by-another-site-0123456789";
      const res = await t.app.inject({
        method: "POST",
        url: "/api/auth/sign-out",
        headers: { cookie: `lantern_session=${session}; lantern_csrf=${planted}`, "x-csrf-token": planted },
      });
      expect(res.statusCode).toBe(403);
      // The session read replaces the planted cookie with the session's own token.
      const healed = await t.app.inject({
        method: "GET",
        url: "/api/auth/session",
        headers: { cookie: `lantern_session=${session}; lantern_csrf=${planted}` },
      });
      const token = (healed.json() as { csrfToken: string }).csrfToken;
      expect(token).not.toBe(planted);
      expect(cookie(healed, "lantern_csrf")?.value).toBe(token);
    });
  });

  describe("headers", () => {
    it("sends the security headers on every reply: API, errors and pages", async () => {
      const c = await t.signIn(CASE_MANAGER);
      for (const res of [await t.app.inject({ url: "/api/health" }), await c.get("/api/nothing-here")]) {
        const csp = String(res.headers["content-security-policy"]);
        expect(csp).toContain("default-src 'self'");
        expect(csp).toContain("script-src 'self'");
        expect(csp).toContain("frame-ancestors 'none'");
        expect(csp).toContain("object-src 'none'");
        expect(csp).not.toContain("upgrade-insecure-requests");
        expect(res.headers["x-content-type-options"]).toBe("nosniff");
        expect(res.headers["referrer-policy"]).toBe("same-origin");
        expect(res.headers["x-frame-options"]).toBe("DENY");
        expect(res.headers["strict-transport-security"]).toBeUndefined();
        expect(res.headers["cache-control"]).toBe("no-store");
      }
    });

    it("marks every API reply no-store: each GET route, and student JSON, CSV and PDF", async () => {
      const ids = t.ids;
      if (!ids) throw new Error("seeded");
      const studentId = ids.students.get("Mateo Rivera") as string;
      const admin = await t.signIn("admin@maplevalley.example");
      const cm = await t.signIn(CASE_MANAGER);
      const plans = (await cm.get(`/api/students/${studentId}/plans`)).json() as { items: Array<{ id: string }> };
      const planId = plans.items[0]?.id as string;
      expect(planId).toBeDefined();

      const student = await cm.get(`/api/students/${studentId}`);
      expect(student.statusCode).toBe(200);
      const pdf = await cm.get(`/api/students/${studentId}/plans/${planId}/pdf?kind=full`);
      expect(pdf.headers["content-type"]).toContain("application/pdf");
      const csv = await admin.get("/api/compliance/dashboard.csv");
      expect(csv.statusCode).toBe(200);
      expect(csv.headers["content-type"]).toContain("text/csv");
      for (const res of [student, pdf, csv]) expect(res.headers["cache-control"]).toContain("no-store");

      const routes = t.app.routeList.filter((r) => r.method === "GET" && r.url.startsWith("/api/"));
      expect(routes.length).toBeGreaterThan(20);
      for (const route of routes) {
        const url = route.url
          .replace(":studentId", studentId)
          .replace(":planId", planId)
          .replace(/:[A-Za-z]+/g, "00000000-0000-4000-8000-000000000000")
          .replace("*", "");
        const res = await admin.get(url);
        expect(res.headers["cache-control"], `${route.url} → ${res.statusCode}`).toContain("no-store");
      }
    });
  });
});

describe("behind HTTPS (COOKIE_SECURE=true)", () => {
  it("names the cookies __Host-, sends HSTS, and refuses a CSRF cookie without the prefix", async () => {
    const { createTestDatabase } = await import("./helpers/test-database.ts");
    const database = await createTestDatabase("pglite");
    const app = await buildApp({ db: database.db, databaseKind: "pglite", logLevel: "silent", secureCookies: true });
    try {
      const first = await app.inject({ url: "/api/auth/session" });
      const csrf = cookie(first, "__Host-lantern_csrf");
      expect(csrf?.secure).toBe(true);
      expect(csrf?.path).toBe("/");
      expect(csrf?.domain).toBeUndefined();
      expect(first.headers["strict-transport-security"]).toContain("max-age=31536000");
      expect(String(first.headers["content-security-policy"])).toContain("upgrade-insecure-requests");
      const token = csrf?.value as string;

      // A cookie without the prefix (which any subdomain or plain-HTTP reply could have set) is not read.
      const planted = await app.inject({
        method: "POST",
        url: "/api/auth/sign-in",
        headers: { cookie: `lantern_csrf=${token}`, "x-csrf-token": token },
        payload: { email: CASE_MANAGER, password: DEMO_PASSWORD },
      });
      expect(planted.statusCode).toBe(403);
      const signedIn = await app.inject({
        method: "POST",
        url: "/api/auth/sign-in",
        headers: { cookie: `__Host-lantern_csrf=${token}`, "x-csrf-token": token },
        payload: { email: CASE_MANAGER, password: DEMO_PASSWORD },
      });
      expect(signedIn.statusCode).toBe(200);
      expect(cookie(signedIn, "__Host-lantern_session")?.httpOnly).toBe(true);
    } finally {
      await app.close();
      await database.close();
    }
  });
});
