import { ZSignInLockedBody } from "@lantern/core";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateToLatest } from "../src/db/migrate.ts";
import { buildTestApp, type TestApp } from "./helpers/build-app.ts";
import { DATABASE_KINDS } from "./helpers/test-database.ts";

describe.each(DATABASE_KINDS)("foundation on %s", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(kind);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("applied every migration, and a second run applies none", async () => {
    const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(t.db);
    expect(rows.rows.map((r) => r.name)).toContain("0001-foundation");
    expect(await migrateToLatest(t.db)).toEqual([]);
  });

  it("reports health with the database kind", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/health" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: "ok", database: kind });
  });

  it("serves an OpenAPI 3.1 document generated from the schemas", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/docs/json" });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/health", "/api/students/{studentId}"]));
  });

  it("signs in, shows the session, and signs out", async () => {
    const c = await t.signIn("casemanager@maplevalley.example");
    const session = (await c.get("/api/auth/session")).json() as { user: { homeRole: string; email: string } };
    expect(session.user).toMatchObject({ homeRole: "case-manager", email: "casemanager@maplevalley.example" });
    expect(c.cookie).toContain("lantern_session=");
    const out = await c.send("POST", "/api/auth/sign-out");
    expect(out.statusCode).toBe(204);
    expect(((await c.get("/api/auth/session")).json() as { user: unknown }).user).toBeNull();
    expect((await c.get("/api/students")).statusCode).toBe(401);
  });

  it("sets the session cookie HttpOnly and SameSite", async () => {
    const c = await t.anonymous();
    const res = await c.send("POST", "/api/auth/sign-in", {
      email: "teacher@northside.maplevalley.example",
      password: "lantern-demo",
    });
    const cookie = res.cookies.find((x) => x.name === "lantern_session");
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Lax");
  });

  it("refuses a change without the CSRF token", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-in",
      payload: { email: "casemanager@maplevalley.example", password: "lantern-demo" },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toContain("x-csrf-token");
  });

  it("answers a wrong password with 401 and slows the next try after three failures", async () => {
    const c = await t.anonymous();
    const email = "coordinator504@maplevalley.example";
    for (let i = 0; i < 3; i++) {
      const res = await c.send("POST", "/api/auth/sign-in", { email, password: "wrong" });
      expect(res.statusCode).toBe(401);
      expect(res.json().message).toBe("Email or password is not right");
    }
    const blocked = await c.send("POST", "/api/auth/sign-in", { email, password: "lantern-demo" });
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers["retry-after"])).toBeGreaterThan(0);
    expect(Number(blocked.headers["retry-after"])).toBeLessThanOrEqual(10);
  });

  it("answers a locked sign-in in the shape core's contract gives, and documents it", async () => {
    const c = await t.anonymous();
    // An address nobody has is slowed the same way (the answer never says which part was wrong).
    const email = "nobody@maplevalley.example";
    for (let i = 0; i < 5; i++) await c.send("POST", "/api/auth/sign-in", { email, password: "wrong" });
    const blocked = await c.send("POST", "/api/auth/sign-in", { email, password: "anything" });
    expect(blocked.statusCode).toBe(429);
    const body = ZSignInLockedBody.parse(blocked.json());
    // The wait left (10 seconds after the third failure), where the web reads it.
    expect(body.details.retryAfterSeconds).toBeGreaterThan(0);
    expect(body.details.retryAfterSeconds).toBeLessThanOrEqual(10);
    expect(blocked.headers["retry-after"]).toBe(String(body.details.retryAfterSeconds));
    const doc = (await t.app.inject({ method: "GET", url: "/api/docs/json" })).json() as {
      paths: Record<string, { post?: { responses?: Record<string, unknown> } }>;
    };
    const documented = doc.paths["/api/auth/sign-in"]?.post?.responses?.["429"];
    expect(JSON.stringify(documented)).toContain("retryAfterSeconds");
  });

  it("keeps each person's list to the students they may see", async () => {
    const list = async (email: string) => {
      const c = await t.signIn(email);
      const names: string[] = [];
      let cursor: string | null = null;
      do {
        const url: string = `/api/students?limit=7${cursor ? `&cursor=${cursor}` : ""}`;
        const page = (await c.get(url)).json() as {
          items: Array<{ firstName: string; lastName: string }>;
          nextCursor: string | null;
        };
        names.push(...page.items.map((s) => `${s.firstName} ${s.lastName}`));
        cursor = page.nextCursor;
      } while (cursor);
      return names;
    };
    // Ana Rivera is the guardian of Mateo and of his younger sister Paloma.
    expect(await list("parent.rivera@family.example")).toEqual(["Mateo Rivera", "Paloma Rivera"]);
    expect(await list("advocate@advocacy.example")).toEqual(["Mateo Rivera"]);
    expect(await list("casemanager@maplevalley.example")).toHaveLength(17);
    expect(await list("teacher@northside.maplevalley.example")).toHaveLength(5);
    expect(await list("principal@northside.maplevalley.example")).toHaveLength(25);
    const district = await list("admin@maplevalley.example");
    expect(district).toHaveLength(41);
    expect(new Set(district).size).toBe(41);
    expect(district).not.toContain("Riley Quinn");
    expect(await list("admin@cedarhills.example")).toEqual(["Riley Quinn"]);
  });

  it("finds students by the start of a first or last name, within what the person may see", async () => {
    const admin = await t.signIn("admin@maplevalley.example");
    const names = async (c: Awaited<ReturnType<typeof t.signIn>>, q: string) =>
      (
        (await c.get(`/api/students?limit=100&q=${encodeURIComponent(q)}`)).json() as {
          items: Array<{ firstName: string; lastName: string }>;
        }
      ).items.map((s) => `${s.firstName} ${s.lastName}`);
    expect(await names(admin, "riv")).toContain("Mateo Rivera");
    expect(await names(admin, "RIVERA")).toContain("Mateo Rivera");
    expect(await names(admin, "mateo riv")).toEqual(["Mateo Rivera"]);
    expect(await names(admin, "riv mateo")).toEqual(["Mateo Rivera"]);
    // The start of a name, not any part of it; wildcards are plain characters.
    expect(await names(admin, "ivera")).not.toContain("Mateo Rivera");
    expect(await names(admin, "%")).toEqual([]);
    expect(await names(admin, "_ateo")).toEqual([]);
    // Another district's student is not found by name.
    expect(await names(admin, "quinn")).toEqual([]);
    const parent = await t.signIn("parent.rivera@family.example");
    expect(await names(parent, "m")).toEqual(["Mateo Rivera"]);
  });

  it("records the student list view in the record of access", async () => {
    const c = await t.signIn("parent.rivera@family.example");
    const before = await countAccess(t, "parent.rivera@family.example");
    await c.get("/api/students");
    // One entry for each child listed: Mateo and his sister Paloma.
    expect(await countAccess(t, "parent.rivera@family.example")).toBe(before + 2);
  });

  it("makes the record of access and the audit trail append-only in the database", async () => {
    await expect(sql`update record_of_access set purpose = 'changed'`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_events`.execute(t.db)).rejects.toThrow(/append-only/);
  });

  describe("bad input gets a 4xx with a message, never a 500", () => {
    it("malformed JSON", async () => {
      const c = await t.anonymous();
      const res = await c.inject({
        method: "POST",
        url: "/api/auth/sign-in",
        headers: { "x-csrf-token": c.csrf, "content-type": "application/json" },
        payload: '{"email": "x@y.org", ',
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toMatch(/not valid JSON/);
    });

    it("wrong types name the field", async () => {
      const c = await t.anonymous();
      const res = await c.send("POST", "/api/auth/sign-in", { email: 42, password: ["x"] });
      expect(res.statusCode).toBe(400);
      const body = res.json() as { message: string; issues: Array<{ path: string }> };
      expect(body.issues.map((i) => i.path)).toEqual(expect.arrayContaining(["/email", "/password"]));
      expect(body.message).toContain("/email");
    });

    it("an oversized body", async () => {
      const c = await t.anonymous();
      const res = await c.send("POST", "/api/auth/sign-in", { email: "a@b.org", password: "x".repeat(2_000_000) });
      expect(res.statusCode).toBe(413);
      expect(res.json().message).toMatch(/too large/);
    });

    it("a bad query parameter and a bad cursor", async () => {
      const c = await t.signIn("admin@maplevalley.example");
      expect((await c.get("/api/students?limit=0")).statusCode).toBe(400);
      const bad = await c.get("/api/students?cursor=nonsense");
      expect(bad.statusCode).toBe(400);
      expect(bad.json().issues[0].path).toBe("/cursor");
    });

    it("an unknown route", async () => {
      const res = await t.app.inject({ method: "GET", url: "/api/nothing-here" });
      expect(res.statusCode).toBe(404);
    });
  });
});

async function countAccess(t: TestApp, email: string): Promise<number> {
  const row = await sql<{ n: number }>`
    select count(*)::int as n from record_of_access r join people p on p.id = r.person_id where p.email = ${email}
  `.execute(t.db);
  return row.rows[0]?.n ?? 0;
}

describe.each(DATABASE_KINDS)("sharing and the record of access on %s", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(kind);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("lets a guardian unlink and relink an advocate, and the advocate's access follows", async () => {
    const parent = await t.signIn("parent.rivera@family.example");
    const advocate = await t.signIn("advocate@advocacy.example");
    const mateo = t.ids?.students.get("Mateo Rivera") as string;
    const links = (await parent.get(`/api/students/${mateo}/advocates`)).json() as {
      items: Array<{ advocateId: string; email: string }>;
    };
    expect(links.items.map((l) => l.email)).toEqual(["advocate@advocacy.example"]);
    const advocateId = links.items[0]?.advocateId as string;

    expect((await parent.send("DELETE", `/api/students/${mateo}/advocates/${advocateId}`)).statusCode).toBe(204);
    expect((await advocate.get(`/api/students/${mateo}`)).statusCode).toBe(404);

    const relink = await parent.send("POST", `/api/students/${mateo}/advocates`, {
      advocateEmail: "ADVOCATE@advocacy.example",
    });
    expect(relink.statusCode).toBe(201);
    expect((await advocate.get(`/api/students/${mateo}`)).statusCode).toBe(200);
  });

  it("refuses sharing by staff and names a wrong advocate email", async () => {
    const mateo = t.ids?.students.get("Mateo Rivera") as string;
    const staff = await t.signIn("casemanager@maplevalley.example");
    const byStaff = await staff.send("POST", `/api/students/${mateo}/advocates`, {
      advocateEmail: "advocate@advocacy.example",
    });
    expect(byStaff.statusCode).toBe(403);
    const parent = await t.signIn("parent.rivera@family.example");
    const wrong = await parent.send("POST", `/api/students/${mateo}/advocates`, {
      advocateEmail: "casemanager@maplevalley.example",
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().issues[0].path).toBe("/advocateEmail");
  });

  it("shows the family who read their child's record, newest first", async () => {
    const mateo = t.ids?.students.get("Mateo Rivera") as string;
    const staff = await t.signIn("slp@maplevalley.example");
    await staff.get(`/api/students/${mateo}`);
    const parent = await t.signIn("parent.rivera@family.example");
    const log = (await parent.get(`/api/students/${mateo}/access-log?limit=5`)).json() as {
      items: Array<{ id: number; who: string; purpose: string; role: string }>;
    };
    // Newest first (the family's own look at the log is written while it is read, so it may or
    // may not be in this page); the provider's read is there with who, role and purpose.
    const ids = log.items.map((e) => e.id);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    expect(log.items.find((e) => e.who === "Hannah Berg")).toMatchObject({
      purpose: "view student record",
      role: "related-service-provider",
    });
  });
});

describe.each(DATABASE_KINDS)("the record of access guards every read on %s", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(kind);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("sends no student data when the record of access cannot be written", async () => {
    const c = await t.signIn("casemanager@maplevalley.example");
    const mateo = t.ids?.students.get("Mateo Rivera") as string;
    expect((await c.get(`/api/students/${mateo}`)).statusCode).toBe(200);
    await sql`
      create function refuse_access_rows() returns trigger language plpgsql as $$
      begin raise exception 'record of access unavailable'; end; $$;
      create trigger refuse_access_rows before insert on record_of_access
        for each row execute function refuse_access_rows();
    `.execute(t.db);
    const res = await c.get(`/api/students/${mateo}`);
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain("Mateo");
    expect(res.body).not.toContain("Rivera");
  });
});
