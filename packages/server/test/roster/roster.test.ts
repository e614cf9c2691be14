/**
 * Roster import through the real HTTP layer on PGlite and PostgreSQL: the documented example
 * creates students, schools, guardians and a caseload; importing it again changes nothing; a
 * changed grade updates the same student; a file with one bad row saves nothing and names the
 * line and column; only the district's own administrators may import.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { RosterImportResult, RosterProblemsResponse } from "@lantern/core";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importRosterFile } from "../../src/cli/import-roster-command.ts";
import { buildTestApp, type Client, type TestApp } from "../helpers/build-app.ts";
import { DATABASE_KINDS, TEST_TODAY } from "../helpers/test-database.ts";

const EXAMPLE_FILE = resolve(import.meta.dirname, "../../../../docs/examples/roster.csv");
const EXAMPLE = readFileSync(EXAMPLE_FILE, "utf8");
const HEADER = "sis_id,first_name,last_name,date_of_birth,grade,school";

async function postRoster(c: Client, csv: string, query = "") {
  return c.inject({
    method: "POST",
    url: `/api/district/roster${query}`,
    headers: { "x-csrf-token": c.csrf, "content-type": "text/csv" },
    payload: csv,
  });
}

async function count(t: TestApp, query: ReturnType<typeof sql<{ n: number }>>): Promise<number> {
  return (await query.execute(t.db)).rows[0]?.n ?? 0;
}

describe.each(DATABASE_KINDS)("roster import on %s", (kind) => {
  let t: TestApp;
  let admin: Client;
  const studentsIn = (districtId: string) =>
    count(t, sql<{ n: number }>`select count(*)::int as n from students where district_id = ${districtId}::uuid`);

  beforeAll(async () => {
    t = await buildTestApp(kind);
    admin = await t.signIn("admin@maplevalley.example");
  });
  afterAll(async () => {
    await t?.close();
  });

  it("creates the example's students, school, guardians and caseload", async () => {
    const districtId = t.ids?.districtId as string;
    const before = await studentsIn(districtId);
    const res = await postRoster(admin, EXAMPLE);
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json() as RosterImportResult;
    expect(result).toMatchObject({
      dryRun: false,
      rows: 4,
      created: 4,
      updated: 0,
      unchanged: 0,
      schools: 1,
      guardians: 5,
      ignoredColumns: [],
    });
    expect(await studentsIn(districtId)).toBe(before + 4);

    const juniper = await t.db
      .selectFrom("students as s")
      .innerJoin("schools as k", "k.id", "s.school_id")
      .select(["s.id", "s.first_name", "s.grade", "s.date_of_birth", "k.name as school"])
      .where("s.district_id", "=", districtId)
      .where("s.local_id", "=", "MV2001")
      .executeTakeFirstOrThrow();
    expect(juniper).toMatchObject({
      first_name: "Juniper",
      grade: "3",
      date_of_birth: "2017-03-14",
      school: "Northside Elementary",
    });
    const lakeview = await t.db
      .selectFrom("schools")
      .select(["name", "code"])
      .where("district_id", "=", districtId)
      .where("code", "=", "LHS")
      .executeTakeFirstOrThrow();
    expect(lakeview.name).toBe("Lakeview High School");

    // The case manager now has Juniper on the caseload, and sees her record.
    const caseManager = await t.signIn("casemanager@maplevalley.example");
    expect((await caseManager.get(`/api/students/${juniper.id}`)).statusCode).toBe(200);
    // Her guardian is linked (with the guardian role) and named on her record.
    const detail = (await admin.get(`/api/students/${juniper.id}`)).json() as {
      guardians: Array<{ name: string; relationship: string }>;
      caseManager: { name: string } | null;
    };
    expect(detail.guardians).toEqual([
      expect.objectContaining({
        name: "Ada Ellison",
        relationship: "mother",
        language: null,
        interpreterNeeded: false,
      }),
    ]);
    expect(detail.caseManager).toEqual({ name: "Priya Natarajan" });
    expect(
      await count(
        t,
        sql<{ n: number }>`select count(*)::int as n from role_assignments r join people p on p.id = r.person_id
          where p.email = 'ada.ellison@family.example' and r.role = 'guardian' and r.district_id = ${districtId}::uuid`,
      ),
    ).toBe(1);

    // The audit trail holds the import and one event per student; the record of access one row each.
    expect(
      await count(t, sql<{ n: number }>`select count(*)::int as n from audit_events where action = 'roster.imported'`),
    ).toBe(1);
    expect(
      await count(
        t,
        sql<{
          n: number;
        }>`select count(*)::int as n from audit_events where action = 'student.created' and subject = 'roster'`,
      ),
    ).toBe(4);
    expect(
      await count(
        t,
        sql<{
          n: number;
        }>`select count(*)::int as n from record_of_access where student_id = ${juniper.id}::uuid and action = 'write-record'`,
      ),
    ).toBe(1);
  });

  it("changes nothing when the same file is imported again", async () => {
    const events = () =>
      count(t, sql<{ n: number }>`select count(*)::int as n from audit_events where subject = 'roster'`);
    const before = await events();
    const res = await postRoster(admin, EXAMPLE);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 0, updated: 0, unchanged: 4, schools: 0, guardians: 0 });
    expect(await events()).toBe(before);
  });

  it("updates a changed grade on the same student, and an existing demo student by SIS id", async () => {
    const districtId = t.ids?.districtId as string;
    const mateo = t.ids?.students.get("Mateo Rivera") as string;
    const mateoRow = await t.db
      .selectFrom("students")
      .select(["local_id", "first_name", "last_name", "date_of_birth"])
      .where("id", "=", mateo)
      .executeTakeFirstOrThrow();
    const changed = EXAMPLE.replace("MV2001,Juniper,Ellison,2017-03-14,3,", "MV2001,Juniper,Ellison,2017-03-14,4,");
    const csv = `${changed.trimEnd()}\n${mateoRow.local_id},${mateoRow.first_name},${mateoRow.last_name},${mateoRow.date_of_birth},5,Northside Elementary,,,,,,,,,,\n`;
    const before = await studentsIn(districtId);
    const res = await postRoster(admin, csv);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 0, updated: 2, unchanged: 3 });
    expect(await studentsIn(districtId)).toBe(before);
    const grades = await t.db
      .selectFrom("students")
      .select(["id", "local_id", "grade"])
      .where("district_id", "=", districtId)
      .where("local_id", "in", ["MV2001", mateoRow.local_id as string])
      .orderBy("local_id")
      .execute();
    expect(grades.map((g) => [g.local_id, g.grade])).toEqual([
      [mateoRow.local_id, "5"],
      ["MV2001", "4"],
    ]);
    expect(grades[0]?.id).toBe(mateo);
    const event = await t.db
      .selectFrom("audit_events")
      .select(["details", "person_id"])
      .where("action", "=", "student.updated")
      .where("student_id", "=", grades[1]?.id as string)
      .executeTakeFirstOrThrow();
    expect(event.details).toEqual({ via: "roster", changes: ["grade"] });
    expect(event.person_id).toBe(t.ids?.people["admin@maplevalley.example"]);
  });

  it("saves nothing from a file with one bad row, and names its line and column", async () => {
    const districtId = t.ids?.districtId as string;
    const before = await studentsIn(districtId);
    const csv = [
      HEADER,
      "MV3001,Wren,Abernathy,2016-05-01,4,Northside Elementary",
      "MV3002,Ivo,Lindqvist,2016-02-30,4,Northside Elementary",
      "MV3003,Sol,Marchetti,2015-07-19,5,Riverside Middle School",
    ].join("\r\n");
    const res = await postRoster(admin, csv);
    expect(res.statusCode).toBe(400);
    const body = res.json() as RosterProblemsResponse;
    expect(body.problemCount).toBe(1);
    expect(body.problems).toEqual([
      {
        line: 3,
        column: "date_of_birth",
        message: "Write the date of birth as YYYY-MM-DD (for example 2015-04-09) or MM/DD/YYYY",
      },
    ]);
    expect(body.message).toContain("nothing was saved");
    expect(await studentsIn(districtId)).toBe(before);
  });

  it("rolls back a file whose problems only the database can see (an unknown case manager)", async () => {
    const districtId = t.ids?.districtId as string;
    const before = await studentsIn(districtId);
    const schoolsBefore = await count(t, sql<{ n: number }>`select count(*)::int as n from schools`);
    const csv = [
      `${HEADER},case_manager_email`,
      "MV3101,Wren,Abernathy,2016-05-01,4,Hillcrest Academy,",
      "MV3102,Ivo,Lindqvist,2016-03-30,4,Northside Elementary,nobody@maplevalley.example",
    ].join("\n");
    const res = await postRoster(admin, csv);
    expect(res.statusCode).toBe(400);
    expect((res.json() as RosterProblemsResponse).problems).toEqual([
      { line: 3, column: "case_manager_email", message: "No case manager in this district has this email" },
    ]);
    expect(await studentsIn(districtId)).toBe(before);
    expect(await count(t, sql<{ n: number }>`select count(*)::int as n from schools`)).toBe(schoolsBefore);
  });

  it("answers a line that is not CSV", async () => {
    const res = await postRoster(admin, `${HEADER}\nMV3201,"Wren,Abernathy,2016-05-01,4,Northside Elementary\n`);
    expect(res.statusCode).toBe(400);
    const body = res.json() as RosterProblemsResponse;
    expect(body.problems[0]).toMatchObject({ column: null });
    expect(body.problems[0]?.message).toMatch(/quoted value is not closed/);
  });

  it("takes CSV only, and describes the route in the OpenAPI document", async () => {
    const form = await admin.inject({
      method: "POST",
      url: "/api/district/roster",
      headers: { "x-csrf-token": admin.csrf, "content-type": "application/x-www-form-urlencoded" },
      payload: "a=1",
    });
    expect(form.statusCode).toBe(415);
    const docs = (await t.app.inject({ method: "GET", url: "/api/docs/json" })).json() as {
      paths: Record<string, { post?: { requestBody?: { content?: Record<string, unknown> } } }>;
    };
    expect(Object.keys(docs.paths["/api/district/roster"]?.post?.requestBody?.content ?? {})).toEqual(["text/csv"]);
  });

  it("checks and counts without saving on a dry run", async () => {
    const districtId = t.ids?.districtId as string;
    const before = await studentsIn(districtId);
    const csv = `${HEADER}\nMV3301,Wren,Abernathy,2016-05-01,4,Northside Elementary\n`;
    const res = await postRoster(admin, csv, "?dryRun=true");
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ dryRun: true, created: 1, rows: 1 });
    expect(await studentsIn(districtId)).toBe(before);
    expect(await count(t, sql<{ n: number }>`select count(*)::int as n from students where local_id = 'MV3301'`)).toBe(
      0,
    );
  });

  it("refuses everyone but the district's own administrators", async () => {
    const csv = `${HEADER}\nMV3401,Wren,Abernathy,2016-05-01,4,Northside Elementary\n`;
    for (const email of [
      "casemanager@maplevalley.example",
      "principal@northside.maplevalley.example",
      "parent.rivera@family.example",
    ]) {
      const c = await t.signIn(email);
      expect((await postRoster(c, csv)).statusCode, email).toBe(403);
    }
    expect((await postRoster(await t.anonymous(), csv)).statusCode).toBe(401);
    expect(await count(t, sql<{ n: number }>`select count(*)::int as n from students where local_id = 'MV3401'`)).toBe(
      0,
    );
  });

  it("keeps another district's administrator out of this district", async () => {
    const maple = t.ids?.districtId as string;
    const cedar = t.ids?.otherDistrict.districtId as string;
    const other = await t.signIn("admin@cedarhills.example");
    const mapleBefore = await studentsIn(maple);
    const csv = `${HEADER}\nMV2001,Juniper,Ellison,2017-03-14,7,Cedar Hills Elementary\n`;

    // Naming Maple Valley is refused and written to the audit trail.
    const denied = await postRoster(other, csv, `?districtId=${maple}`);
    expect(denied.statusCode).toBe(403);
    expect(
      await count(
        t,
        sql<{
          n: number;
        }>`select count(*)::int as n from audit_events where action = 'access.denied' and subject = ${`district:${maple}:roster`}`,
      ),
    ).toBe(1);

    // Without it, the same SIS id lands in Cedar Hills: a different student; Maple Valley's is untouched.
    const res = await postRoster(other, csv);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 1, schools: 0 });
    expect(await studentsIn(maple)).toBe(mapleBefore);
    const rows = await t.db
      .selectFrom("students")
      .select(["district_id", "grade"])
      .where("local_id", "=", "MV2001")
      .orderBy("grade")
      .execute();
    expect(rows).toEqual([
      { district_id: maple, grade: "4" },
      { district_id: cedar, grade: "7" },
    ]);
  });

  it("imports through the command line's function, in batches, attributed to the command line", async () => {
    const districtId = t.ids?.districtId as string;
    const rows = 5_200; // more than one batch of 5,000
    const lines = [`${HEADER},guardian1_first_name,guardian1_last_name,guardian1_email`];
    for (let i = 0; i < rows; i++) {
      lines.push(
        `BULK${String(i).padStart(5, "0")},Kit,Vance${i},2015-0${(i % 9) + 1}-1${i % 10},${(i % 12) + 1},Riverside Middle School,Robin,Vance${i},robin.vance.${i}@family.example`,
      );
    }
    const file = join(import.meta.dirname, `.roster-bulk-${kind}.tmp.csv`);
    const { writeFileSync, rmSync } = await import("node:fs");
    writeFileSync(file, `${lines.join("\n")}\n`);
    try {
      const result = await importRosterFile(t.db, file, {
        district: "Maple Valley Unified School District",
        today: TEST_TODAY,
      });
      expect(result).toMatchObject({ created: rows, guardians: rows, unchanged: 0 });
    } finally {
      rmSync(file, { force: true });
    }
    expect(
      await count(
        t,
        sql<{
          n: number;
        }>`select count(*)::int as n from students where district_id = ${districtId}::uuid and local_id like 'BULK%'`,
      ),
    ).toBe(rows);
    const audit = await t.db
      .selectFrom("audit_events")
      .select(["person_id", "details"])
      .where("action", "=", "roster.imported")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(audit.person_id).toBeNull();
    expect(audit.details).toMatchObject({ via: "command line", created: rows });
  });
});
