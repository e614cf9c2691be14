/**
 * No personal data in the error log: a database error on a row holding a student's diagnosis
 * (a check constraint added for the test makes the insert fail) is a 500 whose log line names the
 * constraint and the table, and holds neither the diagnosis nor any other value of the row.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../seeds/demo-accounts.ts";
import { buildApp } from "../src/app.ts";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "./helpers/test-database.ts";

const ROOT = resolve(import.meta.dirname, "..", "..", "..");
const DIAGNOSIS = "major depressive disorder, hospitalized";

describe.each(DATABASE_KINDS)("the error log on %s", (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const lines: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await sql`alter table navigator_results add constraint no_hospitalization_in_test
      check (facts::text not like '%hospitalized%')`.execute(database.db);
    app = await buildApp({
      db: database.db,
      databaseKind: kind,
      logLevel: "info",
      serveWeb: false,
      logStream: { write: (line: string) => void lines.push(line) },
    });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("logs a failing insert by its constraint and table, without the row's values", async () => {
    const first = await app.inject({ url: "/api/auth/session" });
    const csrf = (first.json() as { csrfToken: string }).csrfToken;
    const signIn = await app.inject({
      method: "POST",
      url: "/api/auth/sign-in",
      headers: { cookie: `lantern_csrf=${csrf}`, "x-csrf-token": csrf },
      payload: { email: "casemanager@maplevalley.example", password: DEMO_PASSWORD },
    });
    expect(signIn.statusCode).toBe(200);
    const cookie = signIn.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    const token = (signIn.json() as { csrfToken: string }).csrfToken;

    const fixture = JSON.parse(
      readFileSync(join(ROOT, "packages/core/src/eligibility/fixtures/asthma-inhaler.json"), "utf8"),
    ) as { facts: { impairments: Array<{ name: string }> } };
    const facts = structuredClone(fixture.facts);
    (facts.impairments[0] as { name: string }).name = DIAGNOSIS;
    const studentId = database.ids?.students.get("Mateo Rivera") as string;
    lines.length = 0;
    const res = await app.inject({
      method: "POST",
      url: `/api/students/${studentId}/navigator-results`,
      headers: { cookie, "x-csrf-token": token },
      payload: { facts },
    });
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain("depressive");

    const failed = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.msg === "request failed");
    expect(failed?.err).toMatchObject({
      code: "23514",
      constraint: "no_hospitalization_in_test",
      table: "navigator_results",
    });
    const log = lines.join("");
    expect(log).not.toContain("depressive");
    expect(log).not.toContain("hospitalized");
    expect(log).not.toContain("Failing row");
  });
});
