/**
 * A student named like a spreadsheet formula reaches the CSV exports as text: the cell starts with
 * an apostrophe, so opening the file never runs it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "./helpers/build-app.ts";
import { DATABASE_KINDS } from "./helpers/test-database.ts";

const FORMULA = '=HYPERLINK("https://example.invalid/steal","Open")';

describe.each(DATABASE_KINDS)("CSV exports on %s", (kind) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await buildTestApp(kind);
    const studentId = t.ids?.students.get("Mateo Rivera") as string;
    await t.db
      .updateTable("students")
      .set({ first_name: FORMULA, last_name: FORMULA })
      .where("id", "=", studentId)
      .execute();
  }, 180_000);
  afterAll(async () => {
    await t?.close();
  });

  it("writes the student's name in the deadline list as text, not a formula", async () => {
    const admin = await t.signIn("admin@maplevalley.example");
    const res = await admin.get("/api/compliance/deadlines.csv?limit=500");
    expect(res.statusCode, res.body).toBe(200);
    const rows = res.body.split("\n").filter((line) => line.includes("HYPERLINK"));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.startsWith(`"'=HYPERLINK(`), row).toBe(true);
      expect(row).not.toMatch(/(^|,)"?=HYPERLINK/);
    }
  });
});
