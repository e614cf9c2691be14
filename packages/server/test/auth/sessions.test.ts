/**
 * Sessions end after the district's idle limit (staff sooner than families), "stay signed in"
 * starts the idle time again, and "sign out everywhere" ends every session of the person.
 */
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../helpers/build-app.ts";
import { FACTORY_PASSWORD } from "../helpers/factories.ts";
import { DATABASE_KINDS } from "../helpers/test-database.ts";

describe.each(DATABASE_KINDS)("sessions on %s", (kind) => {
  let t: TestApp;
  let district: { id: string };
  let admin: { email: string };
  let teacher: { id: string; email: string };
  let guardian: { email: string };

  beforeAll(async () => {
    t = await buildTestApp(kind);
    district = await t.make.district();
    const school = await t.make.school({ districtId: district.id });
    const student = await t.make.student({ districtId: district.id, schoolId: school.id });
    admin = await t.make.staff({ districtId: district.id, role: "district-admin" });
    teacher = await t.make.staff({
      districtId: district.id,
      schoolId: school.id,
      role: "teacher",
      caseload: [student.id],
    });
    guardian = await t.make.guardian({ districtId: district.id, studentIds: [student.id] });
  });
  afterAll(() => t.close());

  /** Move a session's last activity and expiry into the past, as if nobody had used it for a while. */
  async function age(personEmail: string, minutes: number) {
    await sql`
      update sessions set last_seen_at = last_seen_at - make_interval(mins => ${minutes}),
        expires_at = expires_at - make_interval(mins => ${minutes})
      where person_id = (select id from people where email = ${personEmail})`.execute(t.db);
  }

  it("gives staff 30 minutes and families 2 hours by default, and says so in the session", async () => {
    const staff = await t.signIn(teacher.email, FACTORY_PASSWORD);
    expect((await staff.get("/api/auth/session")).json().user.idleMinutes).toBe(30);
    const family = await t.signIn(guardian.email, FACTORY_PASSWORD);
    expect((await family.get("/api/auth/session")).json().user.idleMinutes).toBe(120);
  });

  it("ends a staff session after 30 idle minutes but not a family's", async () => {
    const staff = await t.signIn(teacher.email, FACTORY_PASSWORD);
    const family = await t.signIn(guardian.email, FACTORY_PASSWORD);
    await age(teacher.email, 31);
    await age(guardian.email, 31);
    expect((await staff.get("/api/auth/session")).json().user).toBeNull();
    expect((await staff.get("/api/students")).statusCode).toBe(401);
    expect((await family.get("/api/auth/session")).json().user).not.toBeNull();
  });

  it("starts the idle time again when the person chooses to stay signed in", async () => {
    const staff = await t.signIn(teacher.email, FACTORY_PASSWORD);
    await age(teacher.email, 28);
    const extended = await staff.send("POST", "/api/auth/session/extend");
    expect(extended.statusCode).toBe(200);
    await age(teacher.email, 28);
    expect((await staff.get("/api/auth/session")).json().user?.email).toBe(teacher.email);
  });

  it("uses the limits the district sets, for sessions started after the change", async () => {
    const adminClient = await t.signIn(admin.email, FACTORY_PASSWORD);
    const bad = await adminClient.send("PUT", "/api/district/session-settings", {
      staffIdleMinutes: 2,
      familyIdleMinutes: 60,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/staff time limit must be at least 5 minutes/);
    const teacherClient = await t.signIn(teacher.email, FACTORY_PASSWORD);
    const refused = await teacherClient.send("PUT", "/api/district/session-settings", {
      staffIdleMinutes: 15,
      familyIdleMinutes: 60,
    });
    expect(refused.statusCode).toBe(403);
    const ok = await adminClient.send("PUT", "/api/district/session-settings", {
      staffIdleMinutes: 15,
      familyIdleMinutes: 60,
    });
    expect(ok.statusCode).toBe(200);
    expect((await teacherClient.get("/api/district/session-settings")).json()).toEqual({
      staffIdleMinutes: 15,
      familyIdleMinutes: 60,
    });
    const again = await t.signIn(teacher.email, FACTORY_PASSWORD);
    expect((await again.get("/api/auth/session")).json().user.idleMinutes).toBe(15);
    const audit = await t.db
      .selectFrom("audit_events")
      .select(["action", "subject"])
      .where("subject", "=", "session-settings")
      .execute();
    expect(audit).toEqual([{ action: "settings.updated", subject: "session-settings" }]);
  });

  it("signs out everywhere: every session of the person ends, others' do not", async () => {
    const laptop = await t.signIn(teacher.email, FACTORY_PASSWORD);
    const phone = await t.signIn(teacher.email, FACTORY_PASSWORD);
    const family = await t.signIn(guardian.email, FACTORY_PASSWORD);
    expect((await phone.send("POST", "/api/auth/sign-out-everywhere")).statusCode).toBe(204);
    expect((await laptop.get("/api/auth/session")).json().user).toBeNull();
    expect((await phone.get("/api/auth/session")).json().user).toBeNull();
    expect((await family.get("/api/auth/session")).json().user).not.toBeNull();
    const left = await t.db
      .selectFrom("sessions")
      .select(sql<number>`count(*)::int`.as("n"))
      .where("person_id", "=", teacher.id)
      .executeTakeFirstOrThrow();
    expect(left.n).toBe(0);
    const events = await t.db
      .selectFrom("audit_events")
      .select("action")
      .where("person_id", "=", teacher.id)
      .where("action", "=", "auth.signed-out-everywhere")
      .execute();
    expect(events).toHaveLength(1);
  });

  it("refuses both actions without a session", async () => {
    const nobody = await t.anonymous();
    expect((await nobody.send("POST", "/api/auth/session/extend")).statusCode).toBe(401);
    expect((await nobody.send("POST", "/api/auth/sign-out-everywhere")).statusCode).toBe(401);
  });
});
