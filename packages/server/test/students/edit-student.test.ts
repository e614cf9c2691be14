/**
 * Correcting a student's details, on both databases: the people who may add a student at the
 * school and may change this record, the change and its audit event (the fields, not their values)
 * in one transaction, a changed date of birth putting the student's plans back on the compliance
 * queue, 409 for a student number another student has, and 400 naming the field with nothing
 * changed.
 */
import { type StudentDetail, sampleIep } from "@lantern/core";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type Client, type TestApp } from "../helpers/build-app.ts";
import { FACTORY_PASSWORD } from "../helpers/factories.ts";
import { DATABASE_KINDS } from "../helpers/test-database.ts";

describe.each(DATABASE_KINDS)("correcting a student's details on %s", (kind) => {
  let t: TestApp;
  let caseManager: Client;
  let principal: Client;
  let districtAdmin: Client;
  let otherCaseManager: Client;
  let farCaseManager: Client;
  let teacher: Client;
  let otherAdmin: Client;
  let school: { id: string };
  let otherSchool: { id: string };
  let foreignSchool: { id: string };
  let student: { id: string; districtId: string; schoolId: string };
  let planId: string;
  let takenLocalId: string;

  const body = (over: Record<string, unknown> = {}) => ({
    schoolId: school.id,
    firstName: "Nia",
    lastName: "Okonkwo",
    dateOfBirth: "2012-03-04",
    grade: "6",
    localId: null,
    ...over,
  });
  const url = () => `/api/students/${student.id}/details`;
  const row = () => t.db.selectFrom("students").selectAll().where("id", "=", student.id).executeTakeFirstOrThrow();
  const events = async () =>
    (
      await sql<{ details: Record<string, unknown> }>`
        select details from audit_events where action = 'student.updated' and student_id = ${student.id}
        order by occurred_at`.execute(t.db)
    ).rows.map((r) => r.details);
  const queued = async () =>
    (
      await sql<{ plan_id: string }>`select plan_id from compliance_queue where student_id = ${student.id}`.execute(
        t.db,
      )
    ).rows.map((r) => r.plan_id);

  beforeAll(async () => {
    t = await buildTestApp(kind, { seed: false });
    const district = await t.make.district();
    school = await t.make.school({ districtId: district.id });
    otherSchool = await t.make.school({ districtId: district.id });
    const elsewhere = await t.make.district();
    foreignSchool = await t.make.school({ districtId: elsewhere.id });
    student = await t.make.student({
      districtId: district.id,
      schoolId: school.id,
      firstName: "Nia",
      lastName: "Okonkow",
      dateOfBirth: "2012-03-04",
      grade: "6",
    });
    const neighbour = await t.make.student({ districtId: district.id, schoolId: school.id });
    takenLocalId = `S${Math.random().toString(36).slice(2, 9)}`;
    await t.db.updateTable("students").set({ local_id: takenLocalId }).where("id", "=", neighbour.id).execute();

    const cm = await t.make.staff({
      districtId: district.id,
      schoolId: school.id,
      role: "case-manager",
      caseload: [student.id],
    });
    caseManager = await t.signIn(cm.email, FACTORY_PASSWORD);
    planId = (await t.make.plan({ student, doc: sampleIep(), createdBy: cm.id })).planId;
    const p = await t.make.staff({ districtId: district.id, schoolId: school.id, role: "school-admin" });
    principal = await t.signIn(p.email, FACTORY_PASSWORD);
    const da = await t.make.staff({ districtId: district.id, schoolId: null, role: "district-admin" });
    districtAdmin = await t.signIn(da.email, FACTORY_PASSWORD);
    const ocm = await t.make.staff({ districtId: district.id, schoolId: school.id, role: "case-manager" });
    otherCaseManager = await t.signIn(ocm.email, FACTORY_PASSWORD);
    const fcm = await t.make.staff({
      districtId: district.id,
      schoolId: otherSchool.id,
      role: "case-manager",
      caseload: [student.id],
    });
    farCaseManager = await t.signIn(fcm.email, FACTORY_PASSWORD);
    const tc = await t.make.staff({
      districtId: district.id,
      schoolId: school.id,
      role: "teacher",
      caseload: [student.id],
    });
    teacher = await t.signIn(tc.email, FACTORY_PASSWORD);
    const oa = await t.make.staff({ districtId: elsewhere.id, schoolId: null, role: "district-admin" });
    otherAdmin = await t.signIn(oa.email, FACTORY_PASSWORD);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("lets the case manager correct the name; the audit event names the field, not its value", async () => {
    const res = await caseManager.send("PUT", url(), body({ lastName: "Okonkwo", localId: "  " }));
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as StudentDetail).lastName).toBe("Okonkwo");
    expect(await row()).toMatchObject({ last_name: "Okonkwo", local_id: null });
    const [event] = await events();
    expect(event).toEqual({ via: "app", changes: ["name"] });
    expect(JSON.stringify(event)).not.toContain("Okonkwo");
    const access = await t.db
      .selectFrom("record_of_access")
      .select(["basis", "purpose"])
      .where("student_id", "=", student.id)
      .where("action", "=", "write-record")
      .execute();
    expect(access).toContainEqual({ basis: "case-manager", purpose: "correct the student's details" });
  });

  it("puts the student's plans back on the compliance queue when the date of birth changes, not otherwise", async () => {
    await sql`delete from compliance_queue`.execute(t.db);
    const sameDate = await principal.send("PUT", url(), body({ lastName: "Okonkwo", grade: "07" }));
    expect(sameDate.statusCode, sameDate.body).toBe(200);
    expect(await queued()).toEqual([]);
    const res = await principal.send(
      "PUT",
      url(),
      body({ lastName: "Okonkwo", grade: "7", dateOfBirth: "2011-03-04" }),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(await queued()).toEqual([planId]);
    expect((await events()).at(-1)).toEqual({ via: "app", changes: ["date of birth"] });
    // The next read checks the plan again and takes it off the queue.
    expect((await caseManager.get(`/api/students/${student.id}/plans/${planId}/compliance`)).statusCode).toBe(200);
    expect(await queued()).toEqual([]);
  });

  it("lets a district administrator move the student to another school and set the student number", async () => {
    const res = await districtAdmin.send(
      "PUT",
      url(),
      body({ lastName: "Okonkwo", grade: "7", dateOfBirth: "2011-03-04", schoolId: otherSchool.id, localId: "N-1" }),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as StudentDetail).school.id).toBe(otherSchool.id);
    expect((await events()).at(-1)).toEqual({ via: "app", changes: ["school", "student number"] });
    const back = await districtAdmin.send(
      "PUT",
      url(),
      body({ lastName: "Okonkwo", grade: "7", dateOfBirth: "2011-03-04", localId: "N-1" }),
    );
    expect(back.statusCode, back.body).toBe(200);
  });

  it("refuses people who may not add a student at the school or may not change this record", async () => {
    const before = await row();
    const sent = body({ firstName: "Changed" });
    expect((await teacher.send("PUT", url(), sent)).statusCode).toBe(403);
    expect((await otherCaseManager.send("PUT", url(), sent)).statusCode).toBe(404);
    expect((await otherAdmin.send("PUT", url(), sent)).statusCode).toBe(404);
    // On the caseload, but adds students only at another school.
    expect((await farCaseManager.send("PUT", url(), sent)).statusCode).toBe(403);
    expect(await row()).toEqual(before);
    const denied = await sql<{ n: number }>`
      select count(*)::int as n from audit_events where action = 'access.denied' and student_id = ${student.id}`.execute(
      t.db,
    );
    expect(denied.rows[0]?.n).toBeGreaterThanOrEqual(2);
  });

  it("answers a student number another student has with 409 naming it, changing nothing", async () => {
    const before = await row();
    const res = await caseManager.send("PUT", url(), body({ localId: takenLocalId, firstName: "Changed" }));
    expect(res.statusCode, res.body).toBe(409);
    expect((res.json() as { issues: Array<{ path: string }> }).issues[0]?.path).toBe("/localId");
    expect(await row()).toEqual(before);
  });

  it("answers bad input with 400 naming the field, changing nothing", async () => {
    const before = await row();
    const cases: Array<[Client, Record<string, unknown>, string]> = [
      [caseManager, { firstName: "" }, "/firstName"],
      [caseManager, { dateOfBirth: "2150-01-01" }, "/dateOfBirth"],
      [caseManager, { dateOfBirth: "1950-01-01" }, "/dateOfBirth"],
      [caseManager, { dateOfBirth: "2012-02-30" }, "/dateOfBirth"],
      [caseManager, { grade: "14" }, "/grade"],
      [caseManager, { localId: "A 1" }, "/localId"],
      [caseManager, { schoolId: "not-a-school" }, "/schoolId"],
      [caseManager, { schoolId: foreignSchool.id }, "/schoolId"],
      // A school administrator adds students only at their school.
      [principal, { schoolId: otherSchool.id }, "/schoolId"],
    ];
    for (const [client, over, path] of cases) {
      const res = await client.send("PUT", url(), body({ lastName: "Okonkwo", localId: "N-1", ...over }));
      expect(res.statusCode, `${path}: ${res.body}`).toBe(400);
      const issues = (res.json() as { issues: Array<{ path: string }> }).issues.map((i) => i.path);
      expect(issues, res.body).toContain(path);
    }
    expect(await row()).toEqual(before);
  });
});
