/**
 * The audit-trail viewer: a district administrator reads the district's record of access and
 * audit trail, filtered by student, person, action and dates, a bounded page at a time, and as a
 * formula-safe CSV; reading it is itself in the audit trail; nobody else reads it, and another
 * district's administrator sees none of this district's rows.
 */
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type Client, type TestApp } from "./helpers/build-app.ts";
import { DATABASE_KINDS } from "./helpers/test-database.ts";

const FORMULA = "=HYPERLINK(1)";
/** Rows carry the database's own time; the range reaches the real today. */
const today = new Date().toISOString().slice(0, 10);
const range = `from=2026-10-01&to=${today}`;

type Page = {
  entries: Array<{ id: number; action: string; studentName: string | null; personEmail: string | null }>;
  nextBefore: number | null;
  actions: string[];
};

describe.each(DATABASE_KINDS)("audit-trail viewer on %s", (kind) => {
  let t: TestApp;
  let admin: Client;
  let mateo: string;

  beforeAll(async () => {
    t = await buildTestApp(kind, { rateLimitPerMinute: 5 });
    mateo = t.ids?.students.get("Mateo Rivera") as string;
    const parent = await t.signIn("parent.rivera@family.example");
    expect((await parent.get(`/api/students/${mateo}`)).statusCode).toBe(200);
    expect((await parent.get(`/api/students/${mateo}/access-log`)).statusCode).toBe(200);
    admin = await t.signIn("admin@maplevalley.example");
  });
  afterAll(async () => {
    await t?.close();
  });

  it("filters the record of access by student, person and action, and pages through it", async () => {
    const res = await admin.get(
      `/api/district/audit-trail?trail=record-of-access&student=mateo&person=parent.rivera&${range}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["cache-control"]).toContain("no-store");
    const page = res.json() as Page;
    expect(page.entries.length).toBeGreaterThanOrEqual(2);
    for (const e of page.entries) {
      expect(e.studentName).toBe("Mateo Rivera");
      expect(e.personEmail).toBe("parent.rivera@family.example");
    }
    expect(page.actions).toContain("read-access-log");
    const byAction = (
      await admin.get(
        `/api/district/audit-trail?trail=record-of-access&person=parent.rivera&action=read-access-log&${range}`,
      )
    ).json() as Page;
    expect(byAction.entries.map((e) => e.action)).toEqual(["read-access-log"]);

    const first = (await admin.get(`/api/district/audit-trail?trail=record-of-access&limit=1&${range}`)).json() as Page;
    expect(first.entries).toHaveLength(1);
    expect(first.nextBefore).toBe(first.entries[0]?.id);
    const second = (
      await admin.get(`/api/district/audit-trail?trail=record-of-access&limit=1&before=${first.nextBefore}&${range}`)
    ).json() as Page;
    expect(second.entries[0]?.id).toBeLessThan(first.entries[0]?.id as number);
    expect((await admin.get("/api/district/audit-trail?limit=201")).statusCode).toBe(400);
  });

  it("shows the audit trail, with sign-ins and its own viewing in it", async () => {
    const page = (await admin.get(`/api/district/audit-trail?trail=audit-trail&${range}`)).json() as Page;
    const actions = page.entries.map((e) => e.action);
    expect(actions).toContain("auth.signed-in");
    expect(actions).toContain("audit-trail.viewed");
    const viewed = await sql<{ details: { trail: string; byStudent: boolean } }>`
      select details from audit_events where action = 'audit-trail.viewed' order by id limit 1`.execute(t.db);
    expect(viewed.rows[0]?.details).toMatchObject({ trail: "record-of-access", byStudent: true });
    expect(JSON.stringify(viewed.rows[0]?.details)).not.toContain("mateo");
  });

  it("bounds the dates: at most a year, the end not before the start", async () => {
    const long = await admin.get("/api/district/audit-trail?from=2024-01-01&to=2026-11-01");
    expect(long.statusCode).toBe(400);
    expect(long.json().message).toContain("to must be at most 366 days");
    expect((await admin.get("/api/district/audit-trail?from=2026-11-02&to=2026-11-01")).statusCode).toBe(400);
    expect((await admin.get("/api/district/audit-trail?from=2026-02-30")).statusCode).toBe(400);
  });

  it("exports the filtered rows as CSV with formulas written as text, recorded and rate-limited", async () => {
    await t.db.updateTable("students").set({ first_name: FORMULA }).where("id", "=", mateo).execute();
    const res = await admin.get(`/api/district/audit-trail.csv?trail=record-of-access&person=parent.rivera&${range}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toContain("text/csv");
    expect(res.headers["cache-control"]).toContain("no-store");
    const lines = res.body.trim().split("\n");
    expect(lines[0]).toBe("id,at,action,person,person_email,student,what,purpose,basis");
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(res.body).toContain(`'${FORMULA} Rivera`);
    expect(res.body).not.toMatch(/(^|,)"?=HYPERLINK/m);
    const exported = await sql<{ n: number }>`
      select count(*)::int as n from audit_events where action = 'audit-trail.exported'`.execute(t.db);
    expect(exported.rows[0]?.n).toBe(1);
    let last = res.statusCode;
    for (let i = 0; i < 6 && last !== 429; i++) last = (await admin.get("/api/district/audit-trail.csv")).statusCode;
    expect(last).toBe(429);
  });

  it("is for district administrators only; another district's sees none of these rows", async () => {
    for (const email of ["principal@northside.maplevalley.example", "parent.rivera@family.example"]) {
      const c = await t.signIn(email);
      const res = await c.get("/api/district/audit-trail");
      expect(res.statusCode, email).toBe(403);
      expect((await c.get("/api/district/audit-trail.csv")).statusCode).toBe(403);
    }
    const other = await t.signIn("admin@cedarhills.example");
    for (const trail of ["record-of-access", "audit-trail"]) {
      const res = await other.get(`/api/district/audit-trail?trail=${trail}&limit=200&${range}`);
      expect(res.statusCode).toBe(200);
      const page = res.json() as Page;
      expect(res.body).not.toContain("Rivera");
      expect(res.body).not.toContain("maplevalley");
      expect(page.entries.every((e) => e.personEmail === null || e.personEmail === "admin@cedarhills.example")).toBe(
        true,
      );
    }
    expect((await (await t.anonymous()).get("/api/district/audit-trail")).statusCode).toBe(401);
  });
});
