/**
 * Adding one student in the app, on both databases: who may add at which school, the student and
 * guardians written with the audit event and the record of access in one transaction, a case
 * manager's new student on their caseload, and bad input answered 4xx naming the field, with
 * nothing half-written.
 */
import type { AddStudentResponse, StudentIntakeSchools } from "@lantern/core";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type Client, type TestApp } from "../helpers/build-app.ts";
import { FACTORY_PASSWORD } from "../helpers/factories.ts";
import { DATABASE_KINDS } from "../helpers/test-database.ts";

describe.each(DATABASE_KINDS)("adding a student in the app on %s", (kind) => {
  let t: TestApp;
  let caseManager: Client;
  let caseManagerId: string;
  let principal: Client;
  let teacher: Client;
  let otherAdmin: Client;
  let school: { id: string };
  let otherSchool: { id: string };
  let foreignGuardianEmail: string;
  let knownGuardian: { id: string; email: string };

  const body = (over: Record<string, unknown> = {}) => ({
    schoolId: school.id,
    firstName: "Nia",
    lastName: "Okonkwo",
    dateOfBirth: "2014-05-02",
    grade: "07",
    localId: `L${Math.random().toString(36).slice(2, 9)}`,
    guardians: [
      {
        firstName: "Ada",
        lastName: "Okonkwo",
        email: `ada.${Math.random().toString(36).slice(2, 8)}@family.example`,
        relationship: "Mother",
        preferredLanguage: "es",
      },
    ],
    ...over,
  });
  const count = async (table: "students" | "people") =>
    Number((await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(t.db)).rows[0]?.n);

  beforeAll(async () => {
    t = await buildTestApp(kind, { seed: false });
    const district = await t.make.district();
    school = await t.make.school({ districtId: district.id });
    otherSchool = await t.make.school({ districtId: district.id });
    const cm = await t.make.staff({ districtId: district.id, schoolId: null, role: "case-manager" });
    caseManagerId = cm.id;
    caseManager = await t.signIn(cm.email, FACTORY_PASSWORD);
    const p = await t.make.staff({ districtId: district.id, schoolId: school.id, role: "school-admin" });
    principal = await t.signIn(p.email, FACTORY_PASSWORD);
    const tc = await t.make.staff({ districtId: district.id, schoolId: school.id, role: "teacher" });
    teacher = await t.signIn(tc.email, FACTORY_PASSWORD);
    const elsewhere = await t.make.district();
    const oa = await t.make.staff({ districtId: elsewhere.id, schoolId: null, role: "district-admin" });
    otherAdmin = await t.signIn(oa.email, FACTORY_PASSWORD);
    const foreign = await t.make.staff({ districtId: elsewhere.id, role: "guardian" });
    foreignGuardianEmail = foreign.email;
    knownGuardian = await t.make.staff({ districtId: district.id, role: "guardian" });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("lists the schools each person may add a student to", async () => {
    const cm = (await caseManager.get("/api/student-intake/schools")).json() as StudentIntakeSchools;
    expect(cm.schools.map((s) => s.id).sort()).toEqual([school.id, otherSchool.id].sort());
    expect(cm.joinsCaseload).toBe(true);
    const pr = (await principal.get("/api/student-intake/schools")).json() as StudentIntakeSchools;
    expect(pr.schools.map((s) => s.id)).toEqual([school.id]);
    expect(pr.joinsCaseload).toBe(false);
    expect((await teacher.get("/api/student-intake/schools")).statusCode).toBe(403);
  });

  it("adds the student and the guardian in one go; the case manager has them on the caseload", async () => {
    const sent = body();
    const res = await caseManager.send("POST", "/api/students", sent);
    expect(res.statusCode, res.body).toBe(201);
    const added = res.json() as AddStudentResponse;
    const student = await t.db.selectFrom("students").selectAll().where("id", "=", added.id).executeTakeFirstOrThrow();
    expect(student).toMatchObject({ first_name: "Nia", grade: "7", local_id: sent.localId, school_id: school.id });
    const guardian = await t.db
      .selectFrom("guardianships as g")
      .innerJoin("people as p", "p.id", "g.person_id")
      .select(["p.email", "p.preferred_language", "g.relationship"])
      .where("g.student_id", "=", added.id)
      .executeTakeFirstOrThrow();
    expect(guardian).toEqual({ email: sent.guardians[0]?.email, preferred_language: "es", relationship: "mother" });
    const onCaseload = await t.db
      .selectFrom("caseload_members")
      .select("role")
      .where("student_id", "=", added.id)
      .where("person_id", "=", caseManagerId)
      .executeTakeFirst();
    expect(onCaseload?.role).toBe("case-manager");
    expect((await caseManager.get(`/api/students/${added.id}`)).statusCode).toBe(200);
    const audit = await t.db.selectFrom("audit_events").select("action").where("student_id", "=", added.id).execute();
    expect(audit.map((a) => a.action)).toContain("student.created");
    const access = await t.db
      .selectFrom("record_of_access")
      .select(["action", "basis"])
      .where("student_id", "=", added.id)
      .where("action", "=", "write-record")
      .executeTakeFirstOrThrow();
    expect(access.basis).toBe("case-manager");
  });

  it("records each guardian's language and interpreter need on the student's record, in the same write", async () => {
    const before = await t.db
      .selectFrom("people")
      .select("preferred_language")
      .where("id", "=", knownGuardian.id)
      .executeTakeFirstOrThrow();
    const sent = body({
      guardians: [
        {
          firstName: "Ada",
          lastName: "Okonkwo",
          email: `ada.${Math.random().toString(36).slice(2, 8)}@family.example`,
          relationship: "Mother",
          preferredLanguage: "es",
          interpreterNeeded: true,
        },
        {
          firstName: "Known",
          lastName: "Guardian",
          email: knownGuardian.email,
          relationship: "father",
          preferredLanguage: "vi",
        },
      ],
    });
    const res = await caseManager.send("POST", "/api/students", sent);
    expect(res.statusCode, res.body).toBe(201);
    const added = res.json() as AddStudentResponse;
    const onRecord = await t.db
      .selectFrom("guardianships as g")
      .innerJoin("people as p", "p.id", "g.person_id")
      .select(["p.email", "p.preferred_language", "g.language", "g.interpreter_needed"])
      .where("g.student_id", "=", added.id)
      .orderBy("g.relationship", "desc")
      .execute();
    expect(onRecord).toEqual([
      { email: sent.guardians[0]?.email, preferred_language: "es", language: "es", interpreter_needed: true },
      // A person Lantern already knows keeps their own account's language; the record holds the one given here.
      {
        email: knownGuardian.email,
        preferred_language: before.preferred_language,
        language: "vi",
        interpreter_needed: false,
      },
    ]);
    const detail = (await caseManager.get(`/api/students/${added.id}`)).json() as {
      guardians: Array<{ language: string | null; interpreterNeeded: boolean }>;
    };
    expect(detail.guardians.map((g) => [g.language, g.interpreterNeeded]).sort()).toEqual([
      ["es", true],
      ["vi", false],
    ]);
    const bad = await caseManager.send(
      "POST",
      "/api/students",
      body({
        guardians: [
          {
            firstName: "A",
            lastName: "B",
            email: "x@family.example",
            relationship: "x",
            preferredLanguage: "en",
            interpreterNeeded: "yes",
          },
        ],
      }),
    );
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { issues: Array<{ path: string }> }).issues.map((i) => i.path)).toContain(
      "/guardians/0/interpreterNeeded",
    );
  });

  it("answers bad input with 400 naming the field, and writes nothing", async () => {
    const before = [await count("students"), await count("people")];
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ firstName: "  " }, "/firstName"],
      [{ dateOfBirth: "2014-02-30" }, "/dateOfBirth"],
      [{ dateOfBirth: "2099-01-01" }, "/dateOfBirth"],
      [{ grade: "14" }, "/grade"],
      [{ localId: "has space" }, "/localId"],
      [{ schoolId: "00000000-0000-4000-8000-000000000000" }, "/schoolId"],
      [
        {
          guardians: [
            { firstName: "A", lastName: "B", email: "not-an-email", relationship: "mother", preferredLanguage: "en" },
          ],
        },
        "/guardians/0/email",
      ],
      [
        {
          guardians: [
            { firstName: "A", lastName: "B", email: "same@family.example", relationship: "x", preferredLanguage: "en" },
            { firstName: "C", lastName: "D", email: "same@family.example", relationship: "y", preferredLanguage: "en" },
          ],
        },
        "/guardians/1/email",
      ],
    ];
    for (const [over, path] of cases) {
      const res = await caseManager.send("POST", "/api/students", body(over));
      expect(res.statusCode, `${path}: ${res.body}`).toBe(400);
      const issues = (res.json() as { issues: Array<{ path: string }> }).issues.map((i) => i.path);
      expect(issues, res.body).toContain(path);
    }
    expect([await count("students"), await count("people")]).toEqual(before);
  });

  it("refuses a student number already in the district with 409 naming it", async () => {
    const first = body();
    expect((await caseManager.send("POST", "/api/students", first)).statusCode).toBe(201);
    const before = await count("people");
    const res = await caseManager.send("POST", "/api/students", body({ localId: first.localId }));
    expect(res.statusCode, res.body).toBe(409);
    expect((res.json() as { issues: Array<{ path: string }> }).issues[0]?.path).toBe("/localId");
    expect(await count("people")).toBe(before);
  });

  it("keeps a school administrator to their school, and other districts and teachers out", async () => {
    expect((await principal.send("POST", "/api/students", body())).statusCode).toBe(201);
    const elsewhere = await principal.send("POST", "/api/students", body({ schoolId: otherSchool.id }));
    expect(elsewhere.statusCode).toBe(400);
    expect((await otherAdmin.send("POST", "/api/students", body())).statusCode).toBe(400);
    expect((await teacher.send("POST", "/api/students", body())).statusCode).toBe(403);
  });

  it("makes a guardian from another district wait for their acceptance", async () => {
    const res = await caseManager.send(
      "POST",
      "/api/students",
      body({
        guardians: [
          {
            firstName: "Far",
            lastName: "Away",
            email: foreignGuardianEmail,
            relationship: "father",
            preferredLanguage: "en",
          },
        ],
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const added = res.json() as AddStudentResponse;
    expect(added.pendingGuardianLinks).toBe(1);
    const links = await t.db
      .selectFrom("guardianships")
      .select("person_id")
      .where("student_id", "=", added.id)
      .execute();
    expect(links).toEqual([]);
  });
});
