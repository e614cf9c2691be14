/**
 * Account lifecycle through the real HTTP app on PGlite and PostgreSQL: an administrator invites
 * a case manager, who sets a password from the emailed link (kept only as a hash) and signs in;
 * the link works once, expires, and stops working when revoked or replaced; a deactivated
 * account's sessions end at once; "forgot password" answers the same for any address and mails a
 * link only to an account; administrators manage only the people in their scope; every change is
 * an audit event.
 */
import type { Clock, PeopleResponse, PersonSummary } from "@lantern/core";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type Client, type TestApp } from "../helpers/build-app.ts";
import { FACTORY_PASSWORD } from "../helpers/factories.ts";
import { DATABASE_KINDS } from "../helpers/test-database.ts";

const NEW_PASSWORD = "a long walk by the river";

describe.each(DATABASE_KINDS)("account lifecycle on %s", (kind) => {
  let t: TestApp;
  let now = new Date("2026-11-23T12:00:00Z");
  const clock: Clock = { now: () => new Date(now), today: () => now.toISOString().slice(0, 10) };
  let districtId: string;
  let schoolId: string;
  let otherSchoolId: string;
  let admin: Client;

  beforeAll(async () => {
    t = await buildTestApp(kind, { seed: false, clock });
    districtId = (await t.make.district({ name: "Birchwood Unified" })).id;
    schoolId = (await t.make.school({ districtId, name: "Birchwood Elementary" })).id;
    otherSchoolId = (await t.make.school({ districtId, name: "Birchwood Middle" })).id;
    const a = await t.make.staff({ districtId, role: "district-admin", firstName: "Dana", lastName: "Admin" });
    admin = await t.signIn(a.email, FACTORY_PASSWORD);
  });
  afterAll(async () => {
    await t?.close();
  });

  /** The link of the newest message to `to`, and the token it carries. */
  async function lastLink(to: string): Promise<{ link: string; token: string; subject: string }> {
    const row = await t.db
      .selectFrom("mail_outbox")
      .select(["text_body", "subject"])
      .where("to_address", "=", to)
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    const link = /(http\S+\/set-password#token=([A-Za-z0-9_-]+))/.exec(row.text_body);
    if (!link) throw new Error(`no link in the message to ${to}`);
    return { link: link[1] as string, token: link[2] as string, subject: row.subject };
  }
  const mailCount = async (to: string) =>
    (await sql<{ n: number }>`select count(*)::int as n from mail_outbox where to_address = ${to}`.execute(t.db))
      .rows[0]?.n ?? 0;
  const setPassword = async (token: string, password = NEW_PASSWORD) =>
    (await t.anonymous()).send("POST", "/api/auth/password", { token, password });
  const audit = async (action: string, personId: string) =>
    (
      await sql<{ n: number }>`select count(*)::int as n from audit_events where action = ${action}
        and subject = ${`person:${personId}`}`.execute(t.db)
    ).rows[0]?.n ?? 0;
  async function invite(email: string, role = "case-manager", school: string | null = null): Promise<PersonSummary> {
    const res = await admin.send("POST", "/api/people", {
      firstName: "Jordan",
      lastName: "Whitfield",
      email,
      role,
      schoolId: school,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as PersonSummary;
  }

  it("invites a case manager, who sets a password once from the link and signs in", async () => {
    const person = await invite("Jordan.Whitfield@test.example");
    expect(person.status).toBe("invited");
    expect(person.email).toBe("jordan.whitfield@test.example");
    const { link, token, subject } = await lastLink("jordan.whitfield@test.example");
    expect(subject).toBe("Your Lantern account at Birchwood Unified");
    expect(link.startsWith("http://localhost:3000/set-password#token=")).toBe(true);
    // Only the token's hash is stored.
    const stored = await t.db.selectFrom("account_tokens").select("id").where("person_id", "=", person.id).execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.id).not.toContain(token);
    // Before the password is set, nobody signs in as the invitee.
    expect(
      (await (await t.anonymous()).send("POST", "/api/auth/sign-in", { email: person.email, password: "" })).statusCode,
    ).toBe(400);

    const set = await setPassword(token);
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toEqual({ email: "jordan.whitfield@test.example" });
    const c = await t.signIn("jordan.whitfield@test.example", NEW_PASSWORD);
    const session = (await c.get("/api/auth/session")).json();
    expect(session.user.roles).toEqual([{ role: "case-manager", districtId, schoolId: null }]);

    // Replay: the same link again is refused, and the password stays.
    const again = await setPassword(token, "someone else's phrase here");
    expect(again.statusCode).toBe(400);
    expect(again.json().message).toMatch(/expired or was already used/);
    await t.signIn("jordan.whitfield@test.example", NEW_PASSWORD);
    expect(await audit("account.invited", person.id)).toBe(1);
    expect(await audit("account.password-set", person.id)).toBe(1);
    const list = (await admin.get("/api/people")).json() as PeopleResponse;
    expect(list.people.find((p) => p.id === person.id)?.status).toBe("active");
  });

  it("refuses a second account with the same email, a common password, and a school role without a school", async () => {
    const dup = await admin.send("POST", "/api/people", {
      firstName: "J",
      lastName: "W",
      email: "JORDAN.WHITFIELD@test.example",
      role: "teacher",
      schoolId,
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().issues[0].path).toBe("/email");
    const noSchool = await admin.send("POST", "/api/people", {
      firstName: "Ren",
      lastName: "Oduya",
      email: "ren@test.example",
      role: "teacher",
      schoolId: null,
    });
    expect(noSchool.statusCode).toBe(400);
    expect(noSchool.json().issues[0].path).toBe("/schoolId");
    const p = await invite("common.password@test.example");
    const { token } = await lastLink(p.email);
    const common = await setPassword(token, "password1234");
    expect(common.statusCode).toBe(400);
    expect(common.json().issues).toEqual([{ path: "/password", message: expect.stringMatching(/too common/) }]);
    const short = await setPassword(token, "too short");
    expect(short.statusCode).toBe(400);
    expect(short.json().issues[0].path).toBe("/password");
    // The link was not used up by a refused password.
    expect((await setPassword(token)).statusCode).toBe(200);
  });

  it("lets an invitation expire after seven days", async () => {
    const p = await invite("expires@test.example");
    const { token } = await lastLink(p.email);
    now = new Date(now.getTime() + 7 * 86_400_000 + 1000);
    try {
      const res = await setPassword(token);
      expect(res.statusCode).toBe(400);
      expect(res.json().issues[0].path).toBe("/token");
      const list = (await admin.get("/api/people")).json() as PeopleResponse;
      expect(list.people.find((x) => x.id === p.id)?.invitationExpiresAt).toBeNull();
      // A new invitation works again.
      expect((await admin.send("POST", `/api/people/${p.id}/invitation`)).statusCode).toBe(204);
      expect((await setPassword((await lastLink(p.email)).token)).statusCode).toBe(200);
    } finally {
      now = new Date("2026-11-23T12:00:00Z");
    }
  });

  it("revokes an invitation, and a resent one replaces the earlier link", async () => {
    const p = await invite("revoked@test.example");
    const first = (await lastLink(p.email)).token;
    expect((await admin.send("DELETE", `/api/people/${p.id}/invitation`)).statusCode).toBe(204);
    expect((await setPassword(first)).statusCode).toBe(400);
    expect((await admin.send("DELETE", `/api/people/${p.id}/invitation`)).statusCode).toBe(409);
    expect((await admin.send("POST", `/api/people/${p.id}/invitation`)).statusCode).toBe(204);
    const second = (await lastLink(p.email)).token;
    expect((await admin.send("POST", `/api/people/${p.id}/invitation`)).statusCode).toBe(204);
    const third = (await lastLink(p.email)).token;
    expect((await setPassword(second)).statusCode).toBe(400);
    expect((await setPassword(third)).statusCode).toBe(200);
    expect(await audit("account.invitation-revoked", p.id)).toBe(1);
    expect(await audit("account.invitation-resent", p.id)).toBe(2);
    // Once the password is set there is nothing to resend.
    expect((await admin.send("POST", `/api/people/${p.id}/invitation`)).statusCode).toBe(409);
  });

  it("ends a deactivated account's sessions at once, and lets it back in when reactivated", async () => {
    const staff = await t.make.staff({ districtId, role: "teacher", schoolId });
    const c = await t.signIn(staff.email, FACTORY_PASSWORD);
    expect((await c.get("/api/auth/session")).json().user?.email).toBe(staff.email);
    expect((await admin.send("POST", `/api/people/${staff.id}/deactivate`)).statusCode).toBe(204);
    expect((await c.get("/api/auth/session")).json().user).toBeNull();
    expect((await c.get("/api/students")).statusCode).toBe(401);
    const count = await sql<{
      n: number;
    }>`select count(*)::int as n from sessions where person_id = ${staff.id}`.execute(t.db);
    expect(count.rows[0]?.n).toBe(0);
    await expect(t.signIn(staff.email, FACTORY_PASSWORD)).rejects.toThrow(/401/);
    // A deactivated account gets no reset link either (same answer).
    const forgot = await (await t.anonymous()).send("POST", "/api/auth/forgot-password", { email: staff.email });
    expect(forgot.statusCode).toBe(202);
    expect(await mailCount(staff.email)).toBe(0);
    expect((await admin.send("POST", `/api/people/${staff.id}/reactivate`)).statusCode).toBe(204);
    await t.signIn(staff.email, FACTORY_PASSWORD);
    expect(await audit("account.deactivated", staff.id)).toBe(1);
    expect(await audit("account.reactivated", staff.id)).toBe(1);
  });

  it("answers forgot-password the same for any address, and mails a single-use link that expires to an account", async () => {
    const staff = await t.make.staff({ districtId, role: "related-service-provider" });
    const anon = await t.anonymous();
    const known = await anon.send("POST", "/api/auth/forgot-password", { email: staff.email.toUpperCase() });
    const unknown = await anon.send("POST", "/api/auth/forgot-password", { email: "nobody.here@test.example" });
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(known.body).toBe(unknown.body);
    expect(await mailCount("nobody.here@test.example")).toBe(0);
    expect(await mailCount(staff.email)).toBe(1);
    const { token, subject } = await lastLink(staff.email);
    expect(subject).toBe("Reset your Lantern password");
    const c = await t.signIn(staff.email, FACTORY_PASSWORD);
    expect((await setPassword(token)).statusCode).toBe(200);
    // The new password ends the sessions opened with the old one; the old password is gone.
    expect((await c.get("/api/auth/session")).json().user).toBeNull();
    await expect(t.signIn(staff.email, FACTORY_PASSWORD)).rejects.toThrow(/401/);
    await t.signIn(staff.email, NEW_PASSWORD);
    expect((await setPassword(token, "yet another long phrase")).statusCode).toBe(400);

    // A reset link works for 60 minutes.
    await anon.send("POST", "/api/auth/forgot-password", { email: staff.email });
    const late = (await lastLink(staff.email)).token;
    now = new Date(now.getTime() + 61 * 60_000);
    try {
      expect((await setPassword(late)).statusCode).toBe(400);
    } finally {
      now = new Date("2026-11-23T12:00:00Z");
    }
    // Three messages an hour at most; a fourth request gets the same answer and no message.
    await anon.send("POST", "/api/auth/forgot-password", { email: staff.email });
    const flood = await anon.send("POST", "/api/auth/forgot-password", { email: staff.email });
    expect(flood.body).toBe(unknown.body);
    expect(await mailCount(staff.email)).toBe(3);
    expect((await setPassword("x".repeat(43))).statusCode).toBe(400);
  });

  it("changes roles and schools, and moves a caseload to a colleague", async () => {
    const student1 = await t.make.student({ districtId, schoolId });
    const student2 = await t.make.student({ districtId, schoolId });
    const leaving = await t.make.staff({ districtId, role: "case-manager", caseload: [student1.id, student2.id] });
    const taking = await t.make.staff({ districtId, role: "case-manager", caseload: [student2.id] });
    const move = await admin.send("POST", `/api/people/${leaving.id}/caseload/transfer`, { toPersonId: taking.id });
    expect(move.statusCode, move.body).toBe(200);
    expect(move.json()).toEqual({ moved: 1 });
    // The colleague is told; the trail names the students moved.
    const told = await sql<{ title: string }>`select title from notifications
      where person_id = ${taking.id} and kind = 'caseload-received'`.execute(t.db);
    expect(told.rows.map((r) => r.title)).toEqual(["A student was added to your caseload"]);
    const trail = await sql<{ details: { studentIds: string[] } }>`select details from audit_events
      where action = 'account.caseload-transferred' and subject = ${`person:${leaving.id}`}`.execute(t.db);
    expect(trail.rows[0]?.details.studentIds).toEqual([student1.id]);
    const caseload = await t.db
      .selectFrom("caseload_members")
      .select(["person_id", "student_id"])
      .where("student_id", "in", [student1.id, student2.id])
      .execute();
    expect(caseload.every((c) => c.person_id === taking.id)).toBe(true);
    expect(caseload).toHaveLength(2);

    const roles = await admin.send("PUT", `/api/people/${leaving.id}/roles`, {
      roles: [{ role: "teacher", schoolId: otherSchoolId }],
    });
    expect(roles.statusCode, roles.body).toBe(204);
    const list = (await admin.get("/api/people")).json() as PeopleResponse;
    expect(list.people.find((p) => p.id === leaving.id)?.roles).toEqual([{ role: "teacher", schoolId: otherSchoolId }]);
    expect((await admin.send("PUT", `/api/people/${leaving.id}/roles`, { roles: [] })).statusCode).toBe(400);
    expect(await audit("account.caseload-transferred", leaving.id)).toBe(1);
    expect(await audit("account.roles-changed", leaving.id)).toBe(1);
  });

  it("puts one student on a caseload and takes one off, each audited and within the administrator's schools", async () => {
    const student = await t.make.student({ districtId, schoolId, firstName: "Lena" });
    const elsewhere = await t.make.student({ districtId, schoolId: otherSchoolId });
    const provider = await t.make.staff({ districtId, role: "related-service-provider" });
    const url = `/api/people/${provider.id}/caseload`;
    expect((await admin.send("PUT", `${url}/${student.id}`)).statusCode).toBe(204);
    // Adding again changes nothing.
    expect((await admin.send("PUT", `${url}/${student.id}`)).statusCode).toBe(204);
    const read = await admin.get(url);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toEqual({
      holdsCaseloadRole: true,
      students: [expect.objectContaining({ id: student.id, firstName: "Lena", schoolName: "Birchwood Elementary" })],
    });
    const listed = (await admin.get("/api/people")).json() as PeopleResponse;
    expect(listed.people.find((p) => p.id === provider.id)?.caseloadSize).toBe(1);
    // The listing is written to the record of access.
    const access = await sql<{ n: number }>`select count(*)::int as n from record_of_access
      where student_id = ${student.id} and purpose = 'caseload'`.execute(t.db);
    expect(access.rows[0]?.n).toBe(1);
    expect((await admin.send("DELETE", `${url}/${student.id}`)).statusCode).toBe(204);
    expect((await admin.send("DELETE", `${url}/${student.id}`)).statusCode).toBe(404);
    expect(await audit("account.caseload-student-added", provider.id)).toBe(1);
    expect(await audit("account.caseload-student-removed", provider.id)).toBe(1);
    // Someone without a caseload role gets no students; an unknown student is not found.
    const principal = await t.make.staff({ districtId, role: "school-admin", schoolId });
    const refused = await admin.send("PUT", `/api/people/${principal.id}/caseload/${student.id}`);
    expect(refused.statusCode, refused.body).toBe(409);
    expect((await admin.send("PUT", `${url}/00000000-0000-4000-8000-000000000000`)).statusCode).toBe(404);
    expect((await admin.send("PUT", `${url}/not-a-uuid`)).statusCode).toBe(400);
    // A school administrator places only their school's students.
    const school = await t.signIn(principal.email, FACTORY_PASSWORD);
    const teacher = await t.make.staff({ districtId, role: "teacher", schoolId });
    expect((await school.send("PUT", `/api/people/${teacher.id}/caseload/${student.id}`)).statusCode).toBe(204);
    expect((await school.send("PUT", `/api/people/${teacher.id}/caseload/${elsewhere.id}`)).statusCode).toBe(404);
  });

  it("lets a school administrator manage only their school's staff, with roles at that school", async () => {
    const principal = await t.make.staff({ districtId, role: "school-admin", schoolId });
    const c = await t.signIn(principal.email, FACTORY_PASSWORD);
    const teacherHere = await t.make.staff({ districtId, role: "teacher", schoolId });
    const teacherThere = await t.make.staff({ districtId, role: "teacher", schoolId: otherSchoolId });
    const list = (await c.get("/api/people")).json() as PeopleResponse;
    expect(list.schools.map((s) => s.id)).toEqual([schoolId]);
    expect(list.roles).not.toContain("district-admin");
    const ids = list.people.map((p) => p.id);
    expect(ids).toContain(teacherHere.id);
    expect(ids).not.toContain(teacherThere.id);
    expect((await c.send("POST", `/api/people/${teacherHere.id}/deactivate`)).statusCode).toBe(204);
    expect((await c.send("POST", `/api/people/${teacherThere.id}/deactivate`)).statusCode).toBe(403);
    const up = await c.send("POST", "/api/people", {
      firstName: "A",
      lastName: "B",
      email: "up@test.example",
      role: "district-admin",
      schoolId: null,
    });
    expect(up.statusCode).toBe(403);
    const elsewhere = await c.send("POST", "/api/people", {
      firstName: "A",
      lastName: "B",
      email: "elsewhere@test.example",
      role: "teacher",
      schoolId: otherSchoolId,
    });
    expect(elsewhere.statusCode).toBe(403);
    // Another district's administrator cannot see or touch these people.
    const otherDistrict = (await t.make.district()).id;
    const stranger = await t.signIn(
      (await t.make.staff({ districtId: otherDistrict, role: "district-admin" })).email,
      FACTORY_PASSWORD,
    );
    expect((await stranger.send("POST", `/api/people/${teacherHere.id}/reactivate`)).statusCode).toBe(404);
    expect(((await stranger.get("/api/people")).json() as PeopleResponse).people.map((p) => p.id)).not.toContain(
      teacherHere.id,
    );
    const teacher = await t.signIn(teacherThere.email, FACTORY_PASSWORD);
    expect((await teacher.get("/api/people")).statusCode).toBe(403);
  });
});
