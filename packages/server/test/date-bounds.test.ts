/**
 * No request can make the server count across centuries: a date a report looks ahead to is at
 * most a year after today, and a range spans at most a year. Each refusal is a fast 400 naming
 * the field. (A caseload's service alerts through 9999-12-31 once took 28 seconds.)
 */
import { addDays } from "@lantern/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type Client, type TestApp } from "./helpers/build-app.ts";
import { DATABASE_KINDS, TEST_TODAY } from "./helpers/test-database.ts";

describe.each(DATABASE_KINDS)("date bounds on %s", (kind) => {
  let t: TestApp;
  let slp: Client;
  let admin: Client;

  beforeAll(async () => {
    t = await buildTestApp(kind);
    slp = await t.signIn("slp@maplevalley.example");
    admin = await t.signIn("admin@maplevalley.example");
  }, 180_000);
  afterAll(async () => {
    await t?.close();
  });

  async function timed(client: Client, url: string) {
    const started = performance.now();
    const res = await client.get(url);
    return { res, ms: performance.now() - started };
  }

  it("answers service alerts through 9999-12-31 with a fast 400", async () => {
    const { res, ms } = await timed(slp, "/api/caseload/service-alerts?through=9999-12-31");
    expect(res.statusCode).toBe(400);
    expect((res.json() as { message: string }).message).toMatch(/through/);
    expect(ms).toBeLessThan(1000);
  });

  it("refuses service alerts more than a year ahead, and answers within the year", async () => {
    const far = await timed(slp, `/api/caseload/service-alerts?through=${addDays(TEST_TODAY, 367)}`);
    expect(far.res.statusCode).toBe(400);
    expect(far.res.json()).toMatchObject({ issues: [{ path: "/through" }] });
    expect(far.ms).toBeLessThan(1000);
    const near = await slp.get(`/api/caseload/service-alerts?through=${addDays(TEST_TODAY, 200)}`);
    expect(near.statusCode, near.body).toBe(200);
  });

  it("bounds the service-fidelity report's range and the dashboard's day", async () => {
    const long = await admin.get("/api/reports/service-fidelity?by=school&from=2020-01-01&through=2026-11-01");
    expect(long.statusCode).toBe(400);
    expect(long.json()).toMatchObject({ issues: [{ path: "/through" }] });
    const backwards = await admin.get("/api/reports/service-fidelity?by=school&from=2026-11-01&through=2026-10-01");
    expect(backwards.statusCode).toBe(400);
    const year = await admin.get("/api/reports/service-fidelity?by=school&from=2025-11-23&through=2026-11-23");
    expect(year.statusCode, year.body).toBe(200);
    const dashboard = await admin.get(`/api/compliance/dashboard?today=${addDays(TEST_TODAY, 400)}`);
    expect(dashboard.statusCode).toBe(400);
    expect(dashboard.json()).toMatchObject({ issues: [{ path: "/today" }] });
  });

  it("bounds a student's minutes summary, service log and progress report", async () => {
    const studentId = t.ids?.students.get("Mateo Rivera") as string;
    const ahead = addDays(TEST_TODAY, 500);
    for (const url of [
      `/api/students/${studentId}/service-minutes?through=${ahead}`,
      `/api/students/${studentId}/service-log.json?through=${ahead}`,
      `/api/students/${studentId}/progress-report.pdf?asOf=${ahead}`,
    ]) {
      const res = await admin.get(url);
      expect(res.statusCode, url).toBe(400);
    }
  });
});
