/**
 * Errors are never swallowed around authorization, on both databases: when the database fails
 * while the access path decides about a student of a list (a provider's caseload alerts, the week
 * grid), the answer is a 500 — never a list that silently leaves the student out.
 */
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type Client, type TestApp } from "./helpers/build-app.ts";
import { FACTORY_PASSWORD } from "./helpers/factories.ts";
import { DATABASE_KINDS } from "./helpers/test-database.ts";

describe.each(DATABASE_KINDS)("a failure while deciding access on %s", (kind) => {
  let t: TestApp;
  let provider: Client;

  beforeAll(async () => {
    t = await buildTestApp(kind, { seed: false });
    const district = await t.make.district();
    const school = await t.make.school({ districtId: district.id });
    const student = await t.make.student({ districtId: district.id, schoolId: school.id });
    const staff = await t.make.staff({
      districtId: district.id,
      schoolId: school.id,
      role: "related-service-provider",
      caseload: [student.id],
    });
    provider = await t.signIn(staff.email, FACTORY_PASSWORD);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("is a 500 for the lists of a provider's caseload, not a student left out", async () => {
    const urls = ["/api/caseload/service-alerts", "/api/caseload/service-week?weekOf=2026-11-23"];
    for (const url of urls) expect((await provider.get(url)).statusCode, url).toBe(200);
    // The access facts read the person's classes; without that table every decision fails.
    await sql`alter table classes rename to classes_unreachable`.execute(t.db);
    try {
      for (const url of urls) {
        const res = await provider.get(url);
        expect(res.statusCode, `${url}: ${res.body}`).toBe(500);
        expect(res.json()).toMatchObject({ error: "Internal Server Error" });
      }
    } finally {
      await sql`alter table classes_unreachable rename to classes`.execute(t.db);
    }
    for (const url of urls) expect((await provider.get(url)).statusCode, url).toBe(200);
  });
});
