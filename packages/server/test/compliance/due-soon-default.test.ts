/**
 * DUE_SOON_DAYS is the due-soon window of a district that has not set its own; once the district
 * sets one, its own counts (both databases).
 */
import type { ComplianceSettings } from "@lantern/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type Client, type TestApp } from "../helpers/build-app.ts";
import { FACTORY_PASSWORD } from "../helpers/factories.ts";
import { DATABASE_KINDS } from "../helpers/test-database.ts";

describe.each(DATABASE_KINDS)("the default due-soon window on %s", (kind) => {
  let t: TestApp;
  let admin: Client;

  beforeAll(async () => {
    t = await buildTestApp(kind, { seed: false, dueSoonDays: 45 });
    const district = await t.make.district();
    const staff = await t.make.staff({ districtId: district.id, role: "district-admin" });
    admin = await t.signIn(staff.email, FACTORY_PASSWORD);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("comes from DUE_SOON_DAYS until the district sets its own", async () => {
    const before = (await admin.get("/api/district/compliance-settings")).json() as ComplianceSettings;
    expect(before.dueSoonDays).toBe(45);
    const own = { ...before, dueSoonDays: 10 };
    expect((await admin.send("PUT", "/api/district/compliance-settings", own)).statusCode).toBe(200);
    expect(((await admin.get("/api/district/compliance-settings")).json() as ComplianceSettings).dueSoonDays).toBe(10);
  });
});
