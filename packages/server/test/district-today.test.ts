/**
 * "Today" is a date in the district's time zone (core's Clock port), set for tests through
 * buildApp's clock: at one instant, two districts can be on different days (both databases).
 */
import type { ComplianceDashboard } from "@lantern/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../src/clock.ts";
import { buildTestApp, type Client, type TestApp } from "./helpers/build-app.ts";
import { FACTORY_PASSWORD } from "./helpers/factories.ts";
import { DATABASE_KINDS } from "./helpers/test-database.ts";

describe.each(DATABASE_KINDS)("today in the district's time zone on %s", (kind) => {
  let t: TestApp;
  let eastern: Client;
  let hawaii: Client;

  beforeAll(async () => {
    // 1 a.m. on 24 November in New York is still 8 p.m. on 23 November in Honolulu.
    t = await buildTestApp(kind, { seed: false, clock: fixedClock(new Date("2026-11-24T06:00:00Z")) });
    const admin = async (timeZone: string) => {
      const district = await t.make.district({ timeZone });
      const staff = await t.make.staff({ districtId: district.id, role: "district-admin" });
      return t.signIn(staff.email, FACTORY_PASSWORD);
    };
    eastern = await admin("America/New_York");
    hawaii = await admin("Pacific/Honolulu");
  });
  afterAll(async () => {
    await t?.close();
  });

  it("counts each district's dashboard on its own date", async () => {
    const day = async (c: Client) => ((await c.get("/api/compliance/dashboard")).json() as ComplianceDashboard).today;
    expect(await day(eastern)).toBe("2026-11-24");
    expect(await day(hawaii)).toBe("2026-11-23");
  });
});
