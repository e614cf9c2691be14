/**
 * Failed access leaves a trace, and the routes that can be guessed at or cost the most are rate
 * limited: a request without a session (401), a change without its CSRF token (403) and a
 * calendar-feed address that does not exist (404) are each in the audit trail, with the route's
 * pattern and never the secret tried; the 31st feed miss or CSV export in a minute is a 429 that
 * says how long to wait.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "./helpers/build-app.ts";
import { DATABASE_KINDS } from "./helpers/test-database.ts";

describe.each(DATABASE_KINDS)("refusals and rate limits on %s", (kind) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await buildTestApp(kind);
  }, 180_000);
  afterAll(async () => {
    await t?.close();
  });

  async function eventsOf(action: string) {
    return t.db.selectFrom("audit_events").select(["details", "request_id"]).where("action", "=", action).execute();
  }

  it("records a request without a session and a change without its CSRF token", async () => {
    const anonymous = await t.anonymous();
    expect((await anonymous.get("/api/students")).statusCode).toBe(401);
    expect(await eventsOf("access.unauthenticated")).toEqual([
      { details: { method: "GET", route: "/api/students" }, request_id: expect.any(String) },
    ]);

    const admin = await t.signIn("admin@maplevalley.example");
    const res = await admin.inject({ method: "PUT", url: "/api/district/compliance-settings", payload: {} });
    expect(res.statusCode).toBe(403);
    expect(await eventsOf("access.csrf-refused")).toEqual([
      { details: { method: "PUT", route: "/api/district/compliance-settings" }, request_id: expect.any(String) },
    ]);
  });

  it("records a calendar-feed miss without the address tried, and limits misses to 30 a minute", async () => {
    const anonymous = await t.anonymous();
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      statuses.push((await anonymous.get(`/api/compliance/calendar/guess${i}secret.ics`)).statusCode);
    }
    expect(statuses.slice(0, 30).every((s) => s === 404)).toBe(true);
    expect(statuses[30]).toBe(429);
    const misses = await eventsOf("calendar-feed.token-missed");
    expect(misses).toHaveLength(30);
    expect(JSON.stringify(misses)).not.toContain("secret");
  });

  it("limits a person's CSV exports to 30 a minute, with the wait in the reply", async () => {
    const admin = await t.signIn("admin@maplevalley.example");
    for (let i = 0; i < 30; i++) {
      const res = await admin.get("/api/compliance/dashboard.csv");
      expect(res.statusCode, res.body).toBe(200);
    }
    const limited = await admin.get("/api/compliance/dashboard.csv");
    expect(limited.statusCode).toBe(429);
    const body = limited.json() as { details: { retryAfterSeconds: number } };
    expect(body.details.retryAfterSeconds).toBeGreaterThan(0);
    expect(body.details.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(limited.headers["retry-after"]).toBe(String(body.details.retryAfterSeconds));
    // Another person is not held back by it.
    const principal = await t.signIn("principal@northside.maplevalley.example");
    expect((await principal.get("/api/compliance/dashboard.csv")).statusCode).toBe(200);
  });
});
