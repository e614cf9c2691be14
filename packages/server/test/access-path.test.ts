/**
 * The access path of a plan read, on both databases: the session, its roles and the student's
 * access facts come from one query (and say the same as the separate facts query), an expired,
 * signed-out or disabled session is refused, another district's student stays hidden, the record
 * of access is written by the statement that reads the plan (no row, no data), and the reply has
 * the shape the API documents.
 */
import { ZPlanDetail } from "@lantern/core";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStudentAccessRepository } from "../src/repositories/access-repository.ts";
import { createSessionRepository, hashToken } from "../src/repositories/session-repository.ts";
import { buildTestApp, type Client, type TestApp } from "./helpers/build-app.ts";
import { DATABASE_KINDS } from "./helpers/test-database.ts";

const CM = "casemanager@maplevalley.example";
const OTHER_DISTRICT = "admin@cedarhills.example";

function sessionToken(c: Client): string {
  const token = /(?:^|; )lantern_session=([^;]+)/.exec(c.cookie)?.[1];
  if (!token) throw new Error("no session cookie");
  return token;
}

describe.each(DATABASE_KINDS)("the access path of a plan read on %s", (kind) => {
  let t: TestApp;
  let mateo: string;
  let planUrl: string;
  let planId: string;

  beforeAll(async () => {
    t = await buildTestApp(kind);
    mateo = t.ids?.students.get("Mateo Rivera") as string;
    const plan = await t.db
      .selectFrom("plans")
      .select("id")
      .where("student_id", "=", mateo)
      .orderBy("created_at")
      .executeTakeFirstOrThrow();
    planId = plan.id;
    planUrl = `/api/students/${mateo}/plans/${planId}`;
  });
  afterAll(async () => {
    await t?.close();
  });

  const planAccessRows = async () =>
    (
      await sql<{
        n: number;
      }>`select count(*)::int as n from record_of_access where record = ${`plan:${planId}`}`.execute(t.db)
    ).rows[0]?.n ?? 0;

  it("reads the session, the roles and the student's access facts in one query, as the facts query would", async () => {
    const sessions = createSessionRepository(t.db);
    const facts = createStudentAccessRepository(t.db);
    const aaliyah = t.ids?.students.get("Aaliyah Thompson") as string;
    for (const email of [CM, "teacher@northside.maplevalley.example", "parent.rivera@family.example", OTHER_DISTRICT]) {
      const c = await t.signIn(email);
      for (const studentId of [mateo, aaliyah]) {
        const session = await sessions.resolveSession(sessionToken(c), studentId);
        expect(session?.person.email).toBe(email);
        expect(session?.person.roles.length).toBeGreaterThan(0);
        expect(session?.student).toEqual({
          studentId,
          facts: await facts.findAccessFacts(session?.person.id as string, studentId),
        });
      }
    }
    const c = await t.signIn(CM);
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect((await sessions.resolveSession(sessionToken(c), unknown))?.student).toEqual({
      studentId: unknown,
      facts: null,
    });
    expect((await sessions.resolveSession(sessionToken(c), "not-a-uuid"))?.student).toEqual({
      studentId: "not-a-uuid",
      facts: null,
    });
    expect((await sessions.resolveSession(sessionToken(c)))?.student).toBeUndefined();
  });

  it("refuses an expired session", async () => {
    const c = await t.signIn(CM);
    expect((await c.get(planUrl)).statusCode).toBe(200);
    await t.db
      .updateTable("sessions")
      .set({ expires_at: new Date(Date.now() - 60_000) })
      .where("id", "=", hashToken(sessionToken(c)))
      .execute();
    const res = await c.get(planUrl);
    expect(res.statusCode).toBe(401);
    expect(res.body).not.toContain("Mateo");
    expect(await createSessionRepository(t.db).resolveSession(sessionToken(c), mateo)).toBeNull();
  });

  it("refuses a signed-out session at once, and a disabled person's", async () => {
    const c = await t.signIn(CM);
    const cookie = c.cookie;
    expect((await c.get(planUrl)).statusCode).toBe(200);
    expect((await c.send("POST", "/api/auth/sign-out")).statusCode).toBe(204);
    const stale = await t.app.inject({ method: "GET", url: planUrl, headers: { cookie } });
    expect(stale.statusCode).toBe(401);

    const d = await t.signIn("slp@maplevalley.example");
    expect((await d.get(planUrl)).statusCode).toBe(200);
    await t.db
      .updateTable("people")
      .set({ disabled_at: new Date() })
      .where("email", "=", "slp@maplevalley.example")
      .execute();
    expect((await d.get(planUrl)).statusCode).toBe(401);
  });

  it("does not show another district's student, and writes no record of access for it", async () => {
    const c = await t.signIn(OTHER_DISTRICT);
    const before = await planAccessRows();
    const res = await c.get(planUrl);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain("Mateo");
    expect(await planAccessRows()).toBe(before);
  });

  it("answers in the shape the API documents, with the stored document as it was saved", async () => {
    const c = await t.signIn(CM);
    const res = await c.get(planUrl);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^application\/json/);
    const body = ZPlanDetail.parse(res.json());
    const stored = await t.db
      .selectFrom("plans as p")
      .innerJoin("plan_versions as v", "v.id", "p.current_version_id")
      .select("v.content")
      .where("p.id", "=", planId)
      .executeTakeFirstOrThrow();
    expect(body.version.content).toEqual(stored.content);
    expect(body.plan.id).toBe(planId);

    const docs = (await t.app.inject({ method: "GET", url: "/api/docs/json" })).json() as {
      paths: Record<
        string,
        { get?: { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> } }
      >;
    };
    const schema = docs.paths["/api/students/{studentId}/plans/{planId}"]?.get?.responses?.["200"]?.content?.[
      "application/json"
    ]?.schema as { properties?: Record<string, unknown> } | undefined;
    expect(Object.keys(schema?.properties ?? {})).toEqual(
      expect.arrayContaining(["plan", "version", "versions", "meetings", "checks", "permissions"]),
    );
  });

  it("writes the record of access in the statement that reads the plan: no row, no plan", async () => {
    const c = await t.signIn(CM);
    const before = await planAccessRows();
    expect((await c.get(planUrl)).statusCode).toBe(200);
    expect(await planAccessRows()).toBe(before + 1);

    await sql`
      create function refuse_plan_access_rows() returns trigger language plpgsql as $$
      begin raise exception 'record of access unavailable'; end; $$;
      create trigger refuse_plan_access_rows before insert on record_of_access
        for each row execute function refuse_plan_access_rows();
    `.execute(t.db);
    try {
      const res = await c.get(planUrl);
      expect(res.statusCode).toBe(500);
      expect(res.body).not.toContain("Mateo");
      expect(res.body).not.toContain(planId);
    } finally {
      await sql`
        drop trigger refuse_plan_access_rows on record_of_access;
        drop function refuse_plan_access_rows();
      `.execute(t.db);
    }
    expect(await planAccessRows()).toBe(before + 1);
    expect((await c.get(planUrl)).statusCode).toBe(200);
    expect(await planAccessRows()).toBe(before + 2);
  });
});
