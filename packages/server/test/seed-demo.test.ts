import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../seeds/demo.ts";
import { createTestDatabase, DATABASE_KINDS, TEST_TODAY, type TestDatabase } from "./helpers/test-database.ts";

describe.each(DATABASE_KINDS)("demo seed on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind, { seed: false });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("seeds once even when two starts race on an empty database", async () => {
    const results = await Promise.all([seedDemo(t.db, TEST_TODAY), seedDemo(t.db, TEST_TODAY)]);
    expect(results.filter((r) => r !== null)).toHaveLength(1);
    const districts = await sql<{ n: number }>`select count(*)::int as n from districts`.execute(t.db);
    expect(districts.rows[0]?.n).toBe(2); // Maple Valley and the small second district, once each
    expect(await seedDemo(t.db, TEST_TODAY)).toBeNull();
  });

  it("writes each student's own name in their plans, never the sample plan's child", async () => {
    const rows = await sql<{ n: number }>`
      select count(*)::int as n from plan_versions where content::text like '%Rowan%'`.execute(t.db);
    expect(rows.rows[0]?.n).toBe(0);
  });
});
