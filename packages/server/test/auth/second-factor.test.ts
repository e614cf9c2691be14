/**
 * The second factor: setting up an authenticator app (confirmed with a first code, ten recovery
 * codes shown once), sign-in in two steps, a code never accepted twice, recovery codes that work
 * once, wrong codes locked out like passwords, and the district's "required for staff" setting.
 */

import type { SignInResponse } from "@lantern/core";
import { sql } from "kysely";
import { Secret, TOTP } from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type Client, type TestApp } from "../helpers/build-app.ts";
import { FACTORY_PASSWORD } from "../helpers/factories.ts";
import { DATABASE_KINDS } from "../helpers/test-database.ts";

/** The code an authenticator app shows, `steps` periods from now. */
function codeFor(secret: string, steps = 0): string {
  const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: "SHA1" });
  return totp.generate({ timestamp: Date.now() + steps * 30_000 });
}

describe.each(DATABASE_KINDS)("second factor on %s", (kind) => {
  let t: TestApp;
  let district: { id: string };
  let admin: { email: string };
  let caseManager: { id: string; email: string };
  let teacher: { id: string; email: string };
  let guardian: { id: string; email: string };

  beforeAll(async () => {
    t = await buildTestApp(kind);
    district = await t.make.district();
    const school = await t.make.school({ districtId: district.id });
    const student = await t.make.student({ districtId: district.id, schoolId: school.id });
    admin = await t.make.staff({ districtId: district.id, role: "district-admin" });
    caseManager = await t.make.staff({ districtId: district.id, role: "case-manager", caseload: [student.id] });
    teacher = await t.make.staff({ districtId: district.id, schoolId: school.id, role: "teacher" });
    guardian = await t.make.guardian({ districtId: district.id, studentIds: [student.id] });
  });
  afterAll(() => t.close());

  async function passwordStep(
    email: string,
  ): Promise<{ client: Client; body: SignInResponse & { secondFactor: NonNullable<SignInResponse["secondFactor"]> } }> {
    const client = await t.anonymous();
    const res = await client.send("POST", "/api/auth/sign-in", { email, password: FACTORY_PASSWORD });
    expect(res.statusCode).toBe(200);
    return { client, body: res.json() };
  }

  async function enrol(email: string): Promise<{ secret: string; recoveryCodes: string[] }> {
    const client = await t.signIn(email, FACTORY_PASSWORD);
    const started = await client.send("POST", "/api/auth/second-factor/enrolment", {});
    expect(started.statusCode).toBe(200);
    const { secret, otpauthUri } = started.json();
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/Lantern:.*secret=/);
    expect(otpauthUri).toContain(`secret=${secret}`);
    const wrong = await client.send("POST", "/api/auth/second-factor/enrolment/confirm", { code: "000000" });
    expect(wrong.statusCode).toBe(400);
    // The code of the step before now: still accepted (clock drift), and it leaves "now" for sign-in.
    const confirmed = await client.send("POST", "/api/auth/second-factor/enrolment/confirm", {
      code: codeFor(secret, -1),
    });
    expect(confirmed.statusCode).toBe(200);
    return { secret, recoveryCodes: confirmed.json().recoveryCodes };
  }

  it("sets up an app with a first code and gives ten recovery codes, kept only as hashes", async () => {
    const { recoveryCodes } = await enrol(caseManager.email);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const stored = await sql<{ code_hash: string }>`
      select code_hash from recovery_codes where person_id = ${caseManager.id}`.execute(t.db);
    expect(stored.rows).toHaveLength(10);
    for (const code of recoveryCodes) expect(stored.rows.map((r) => r.code_hash)).not.toContain(code);
    const client = await t.signIn(teacher.email, FACTORY_PASSWORD);
    expect((await client.get("/api/auth/second-factor")).json()).toEqual({
      enabled: false,
      required: false,
      recoveryCodesLeft: 0,
    });
  });

  it("signs in in two steps, refuses a wrong code and a code used before, and records the method", async () => {
    const { client, body } = await passwordStep(caseManager.email);
    expect(body.user).toBeNull();
    expect(body.secondFactor.step).toBe("verify");
    expect((await client.get("/api/auth/session")).json().user).toBeNull();
    expect((await client.get("/api/students")).statusCode).toBe(401);

    const secret = (
      await sql<{ secret: string }>`select secret from second_factors where person_id = ${caseManager.id}`.execute(t.db)
    ).rows[0]?.secret as string;
    const wrong = await client.send("POST", "/api/auth/second-factor/verify", {
      pendingToken: body.secondFactor.pendingToken,
      code: codeFor(secret, 5),
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().message).toBe("That code is not right");
    const code = codeFor(secret);
    const ok = await client.send("POST", "/api/auth/second-factor/verify", {
      pendingToken: body.secondFactor.pendingToken,
      code,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.email).toBe(caseManager.email);
    expect((await client.get("/api/students")).statusCode).toBe(200);
    const method = await sql<{ sign_in_method: string }>`
      select sign_in_method from sessions where person_id = ${caseManager.id}`.execute(t.db);
    expect(method.rows.map((r) => r.sign_in_method)).toContain("password+totp");

    // The same code again, in a new sign-in within its window: refused.
    const again = await passwordStep(caseManager.email);
    const replay = await again.client.send("POST", "/api/auth/second-factor/verify", {
      pendingToken: again.body.secondFactor.pendingToken,
      code,
    });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().message).toMatch(/already used/);
    // The pending token of a finished sign-in is spent.
    const spent = await client.send("POST", "/api/auth/second-factor/verify", {
      pendingToken: body.secondFactor.pendingToken,
      code: codeFor(secret, 1),
    });
    expect(spent.statusCode).toBe(401);
    expect(spent.json().message).toMatch(/expired/);
  });

  it("accepts each recovery code once", async () => {
    const { recoveryCodes } = await enrol(teacher.email);
    const first = await passwordStep(teacher.email);
    const used = await first.client.send("POST", "/api/auth/second-factor/verify", {
      pendingToken: first.body.secondFactor.pendingToken,
      code: (recoveryCodes[3] as string).toUpperCase(),
    });
    expect(used.statusCode).toBe(200);
    const second = await passwordStep(teacher.email);
    const reused = await second.client.send("POST", "/api/auth/second-factor/verify", {
      pendingToken: second.body.secondFactor.pendingToken,
      code: recoveryCodes[3],
    });
    expect(reused.statusCode).toBe(401);
    const status = await second.client.send("POST", "/api/auth/second-factor/verify", {
      pendingToken: second.body.secondFactor.pendingToken,
      code: recoveryCodes[4],
    });
    expect(status.statusCode).toBe(200);
    expect((await second.client.get("/api/auth/second-factor")).json().recoveryCodesLeft).toBe(8);
  });

  it("locks out after five wrong codes, even for the right one", async () => {
    const person = await t.make.staff({ districtId: district.id, role: "related-service-provider" });
    const { secret } = await enrol(person.email);
    const { client, body } = await passwordStep(person.email);
    const attempt = (code: string) =>
      client.send("POST", "/api/auth/second-factor/verify", { pendingToken: body.secondFactor.pendingToken, code });
    const answers = await Promise.all(Array.from({ length: 5 }, () => attempt("123456")));
    expect(answers.map((r) => r.statusCode)).toEqual([401, 401, 401, 401, 401]);
    const locked = await attempt(codeFor(secret));
    expect(locked.statusCode).toBe(429);
    expect(locked.headers["retry-after"]).toBe("900");
    expect(locked.json().details.retryAfterSeconds).toBe(900);
  });

  it("when the district requires it, sends staff without an app to set one up, but not families", async () => {
    const adminClient = await t.signIn(admin.email, FACTORY_PASSWORD);
    const teacherClient = await t.signIn(guardian.email, FACTORY_PASSWORD);
    expect(
      (await teacherClient.send("PUT", "/api/district/second-factor-settings", { requiredForStaff: true })).statusCode,
    ).toBe(403);
    const set = await adminClient.send("PUT", "/api/district/second-factor-settings", { requiredForStaff: true });
    expect(set.statusCode).toBe(200);
    expect((await adminClient.get("/api/district/second-factor-settings")).json()).toEqual({ requiredForStaff: true });

    // The administrator has no app yet: the password leads to setting one up, with no session before.
    const { client, body } = await passwordStep(admin.email);
    expect(body.user).toBeNull();
    expect(body.secondFactor.step).toBe("enrol");
    const pendingToken = body.secondFactor.pendingToken;
    expect(
      (await client.send("POST", "/api/auth/second-factor/verify", { pendingToken, code: "123456" })).statusCode,
    ).toBe(401);
    const started = await client.send("POST", "/api/auth/second-factor/enrolment", { pendingToken });
    expect(started.statusCode).toBe(200);
    const done = await client.send("POST", "/api/auth/second-factor/enrolment/confirm", {
      pendingToken,
      code: codeFor(started.json().secret),
    });
    expect(done.statusCode).toBe(200);
    expect(done.json().user.email).toBe(admin.email);
    expect(done.json().recoveryCodes).toHaveLength(10);
    expect((await client.get("/api/auth/second-factor")).json()).toMatchObject({ enabled: true, required: true });
    const off = await client.send("DELETE", "/api/auth/second-factor");
    expect(off.statusCode).toBe(403);

    // A family member signs in with the password alone.
    const family = await passwordStep(guardian.email);
    expect(family.body.user?.email).toBe(guardian.email);
    expect(family.body.secondFactor).toBeUndefined();
    await adminClient.send("PUT", "/api/district/second-factor-settings", { requiredForStaff: false });
  });

  it("makes new recovery codes after a current code: the earlier ones stop working, and it is audited", async () => {
    const person = await t.make.staff({ districtId: district.id, role: "related-service-provider" });
    const { secret, recoveryCodes: old } = await enrol(person.email);
    const { client, body } = await passwordStep(person.email);
    const signedIn = await client.send("POST", "/api/auth/second-factor/verify", {
      pendingToken: body.secondFactor.pendingToken,
      code: codeFor(secret),
    });
    expect(signedIn.statusCode).toBe(200);
    const url = "/api/auth/second-factor/recovery-codes";
    const wrong = await client.send("POST", url, { code: "000000" });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().issues[0].path).toBe("/code");
    const code = codeFor(secret, 1);
    const made = await client.send("POST", url, { code });
    expect(made.statusCode, made.body).toBe(200);
    // The same code is not accepted twice.
    expect((await client.send("POST", url, { code })).statusCode).toBe(400);
    const fresh = made.json().recoveryCodes as string[];
    expect(fresh).toHaveLength(10);
    expect(fresh.some((c) => old.includes(c))).toBe(false);
    expect((await client.get("/api/auth/second-factor")).json().recoveryCodesLeft).toBe(10);
    const again = await passwordStep(person.email);
    const stale = await again.client.send("POST", "/api/auth/second-factor/verify", {
      pendingToken: again.body.secondFactor.pendingToken,
      code: old[0],
    });
    expect(stale.statusCode).toBe(401);
    const works = await again.client.send("POST", "/api/auth/second-factor/verify", {
      pendingToken: again.body.secondFactor.pendingToken,
      code: fresh[0],
    });
    expect(works.statusCode).toBe(200);
    const audited = await sql<{ n: number }>`select count(*)::int as n from audit_events
      where action = 'auth.recovery-codes-regenerated' and person_id = ${person.id}`.execute(t.db);
    expect(audited.rows[0]?.n).toBe(1);
    // Without an app there is nothing to make again; without a session, 401.
    const plain = await t.signIn(guardian.email, FACTORY_PASSWORD);
    expect((await plain.send("POST", url, { code: "123456" })).statusCode).toBe(409);
    expect((await (await t.anonymous()).send("POST", url, { code: "123456" })).statusCode).toBe(401);
  });

  it("saves the district's sign-in security in one step, with each problem named", async () => {
    // Staff who have not set up an app (the others sign in in two steps).
    const otherAdmin = await t.make.staff({ districtId: district.id, role: "district-admin" });
    const adminClient = await t.signIn(otherAdmin.email, FACTORY_PASSWORD);
    const url = "/api/district/security-settings";
    expect((await adminClient.get(url)).json()).toEqual({
      staffIdleMinutes: 30,
      familyIdleMinutes: 120,
      requiredForStaff: false,
    });
    const bad = await adminClient.send("PUT", url, {
      staffIdleMinutes: 2,
      familyIdleMinutes: 60,
      requiredForStaff: true,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues.map((i: { path: string }) => i.path)).toEqual(["/staffIdleMinutes"]);
    // Nothing half-written.
    expect((await adminClient.get("/api/district/second-factor-settings")).json()).toEqual({ requiredForStaff: false });
    const saved = await adminClient.send("PUT", url, {
      staffIdleMinutes: 15,
      familyIdleMinutes: 60,
      requiredForStaff: false,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await adminClient.get("/api/district/session-settings")).json()).toEqual({
      staffIdleMinutes: 15,
      familyIdleMinutes: 60,
    });
    const provider = await t.make.staff({ districtId: district.id, role: "related-service-provider" });
    const staff = await t.signIn(provider.email, FACTORY_PASSWORD);
    expect((await staff.get(url)).statusCode).toBe(200);
    expect((await staff.send("PUT", url, saved.json())).statusCode).toBe(403);
    const family = await t.signIn(guardian.email, FACTORY_PASSWORD);
    expect((await family.get(url)).statusCode).toBe(403);
    const audited = await sql<{ n: number }>`select count(*)::int as n from audit_events
      where action = 'settings.updated' and subject = 'security-settings'`.execute(t.db);
    expect(audited.rows[0]?.n).toBe(1);
    await adminClient.send("PUT", url, { staffIdleMinutes: 30, familyIdleMinutes: 120, requiredForStaff: false });
  });

  it("lets a person turn it off where it is not required", async () => {
    const person = await t.make.staff({ districtId: district.id, role: "section-504-coordinator" });
    await enrol(person.email);
    const client = await t.signIn(person.email, FACTORY_PASSWORD);
    expect((await client.get("/api/auth/session")).json().user).toBeNull(); // the password alone no longer signs in
    const { client: c, body } = await passwordStep(person.email);
    const secret = (
      await sql<{ secret: string }>`select s.secret from second_factors s join people p on p.id = s.person_id
        where p.email = ${person.email}`.execute(t.db)
    ).rows[0]?.secret as string;
    await c.send("POST", "/api/auth/second-factor/verify", {
      pendingToken: body.secondFactor.pendingToken,
      code: codeFor(secret),
    });
    expect((await c.send("DELETE", "/api/auth/second-factor")).statusCode).toBe(204);
    expect((await passwordStep(person.email)).body.user?.email).toBe(person.email);
  });
});
