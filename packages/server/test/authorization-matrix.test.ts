/**
 * Every student route × every role: allowed, or 403/404 as the access policy says; and every
 * allowed read wrote its record-of-access row. Student routes are found from the app's own route
 * table, so a new route cannot escape this test.
 */
import { hash } from "@node-rs/argon2";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type Client, type TestApp } from "./helpers/build-app.ts";
import { DATABASE_KINDS } from "./helpers/test-database.ts";

type Expectation = "allowed" | "denied";

/** Who may read Mateo Rivera's record (demo student 0) — written out by hand from the policy's intent. */
const MATEO: Record<string, Expectation> = {
  "admin@maplevalley.example": "allowed", // district admin, same district
  "principal@northside.maplevalley.example": "allowed", // school admin of his school
  "casemanager@maplevalley.example": "allowed", // on the caseload
  "coordinator504@maplevalley.example": "denied", // not on the 504 coordinator's caseload
  "teacher@northside.maplevalley.example": "allowed", // in the teacher's class
  "slp@maplevalley.example": "allowed", // on the provider's caseload
  "parent.rivera@family.example": "allowed", // his mother
  "advocate@advocacy.example": "allowed", // linked by his mother
  "guardian.thompson@family.example": "denied", // guardian of another child
  "admin@cedarhills.example": "denied", // admin of another district
};

/** Aaliyah Thompson (demo student 1): on the case manager's and SLP's caseloads, not in the teacher's class. */
const AALIYAH: Record<string, Expectation> = {
  ...MATEO,
  "teacher@northside.maplevalley.example": "denied", // teacher off the caseload
  "parent.rivera@family.example": "denied",
  "advocate@advocacy.example": "denied",
  "guardian.thompson@family.example": "allowed",
};

/** Routes whose action is narrower than reading the record: who loses access there. */
const NARROWER: Array<{ route: RegExp; denied: string[] }> = [
  {
    // The record of access is for the family and the staff who run the plan (34 CFR 300.614).
    route: /\/access-log$/,
    denied: ["teacher@northside.maplevalley.example", "slp@maplevalley.example", "advocate@advocacy.example"],
  },
];

function expectationFor(route: string, email: string, base: Expectation): Expectation {
  const narrower = NARROWER.find((n) => n.route.test(route));
  return narrower?.denied.includes(email) ? "denied" : base;
}

describe.each(DATABASE_KINDS)("authorization matrix on %s", (kind) => {
  let t: TestApp;
  const clients = new Map<string, Client>();

  beforeAll(async () => {
    t = await buildTestApp(kind);
    // Give Aaliyah's guardian a password so they can sign in as "a guardian of another child".
    const aaliyah = t.ids?.students.get("Aaliyah Thompson") as string;
    const guardian = await t.db
      .selectFrom("guardianships")
      .select("person_id")
      .where("student_id", "=", aaliyah)
      .executeTakeFirstOrThrow();
    await t.db
      .updateTable("people")
      .set({ email: "guardian.thompson@family.example", password_hash: await hash("lantern-demo") })
      .where("id", "=", guardian.person_id)
      .execute();
    for (const email of Object.keys(MATEO)) clients.set(email, await t.signIn(email));
  });
  afterAll(async () => {
    await t?.close();
  });

  it("finds the student routes to check", () => {
    const routes = studentReadRoutes(t);
    expect(routes.length).toBeGreaterThanOrEqual(1);
    expect(routes).toContain("/api/students/:studentId");
    expect(routes).toContain("/api/students/:studentId/plans/:planId");
  });

  for (const [studentName, table] of [
    ["Mateo Rivera", MATEO],
    ["Aaliyah Thompson", AALIYAH],
  ] as const) {
    for (const [email, expected] of Object.entries(table)) {
      it(`${email} → ${studentName}: ${expected}`, async () => {
        const studentId = t.ids?.students.get(studentName) as string;
        const c = clients.get(email) as Client;
        for (const route of studentReadRoutes(t)) {
          const url = await fillRoute(t, route, studentId);
          const before = await accessRows(t, email, studentId);
          const res = await c.get(url);
          if (expectationFor(route, email, expected) === "allowed") {
            expect(res.statusCode, `${url} as ${email}: ${res.body}`).toBeLessThan(300);
            expect(await accessRows(t, email, studentId), `record of access for ${url}`).toBeGreaterThan(before);
          } else {
            expect([403, 404], `${url} as ${email}`).toContain(res.statusCode);
            expect(await accessRows(t, email, studentId)).toBe(before);
            expect(res.body).not.toContain(studentName.split(" ")[0] as string);
          }
        }
      });
    }
  }

  it("refuses every student route to someone not signed in", async () => {
    const anon = await t.anonymous();
    const studentId = t.ids?.students.get("Mateo Rivera") as string;
    for (const route of studentReadRoutes(t)) {
      expect((await anon.get(await fillRoute(t, route, studentId))).statusCode).toBe(401);
    }
  });

  it("answers an unknown or malformed student id with 404", async () => {
    const c = clients.get("admin@maplevalley.example") as Client;
    expect((await c.get("/api/students/00000000-0000-4000-8000-000000000000")).statusCode).toBe(404);
    expect((await c.get("/api/students/not-a-uuid")).statusCode).toBe(404);
  });

  it("writes an audit event for each refusal", async () => {
    const before = await sql<{
      n: number;
    }>`select count(*)::int as n from audit_events where action = 'access.denied'`.execute(t.db);
    const c = clients.get("admin@cedarhills.example") as Client;
    await c.get(`/api/students/${t.ids?.students.get("Mateo Rivera")}`);
    const after = await sql<{
      n: number;
    }>`select count(*)::int as n from audit_events where action = 'access.denied'`.execute(t.db);
    expect(after.rows[0]?.n).toBe((before.rows[0]?.n ?? 0) + 1);
  });

  it("lets only district administrators change the second-factor setting; staff read it; families neither", async () => {
    const expected: Record<string, { read: number; change: number }> = {
      "admin@maplevalley.example": { read: 200, change: 200 },
      "principal@northside.maplevalley.example": { read: 200, change: 403 },
      "casemanager@maplevalley.example": { read: 200, change: 403 },
      "coordinator504@maplevalley.example": { read: 200, change: 403 },
      "teacher@northside.maplevalley.example": { read: 200, change: 403 },
      "slp@maplevalley.example": { read: 200, change: 403 },
      "parent.rivera@family.example": { read: 403, change: 403 },
      "advocate@advocacy.example": { read: 403, change: 403 },
      "guardian.thompson@family.example": { read: 403, change: 403 },
      "admin@cedarhills.example": { read: 200, change: 200 },
    };
    for (const [email, want] of Object.entries(expected)) {
      const c = clients.get(email) as Client;
      expect((await c.get("/api/district/second-factor-settings")).statusCode, `read as ${email}`).toBe(want.read);
      const res = await c.send("PUT", "/api/district/second-factor-settings", { requiredForStaff: false });
      expect(res.statusCode, `change as ${email}`).toBe(want.change);
      // Each person's own second factor is theirs alone: status for anyone signed in.
      expect((await c.get("/api/auth/second-factor")).statusCode, `status as ${email}`).toBe(200);
    }
    const anon = await t.anonymous();
    for (const [method, url] of [
      ["GET", "/api/district/second-factor-settings"],
      ["GET", "/api/auth/second-factor"],
      ["POST", "/api/auth/second-factor/enrolment"],
      ["DELETE", "/api/auth/second-factor"],
    ] as const) {
      const res =
        method === "GET" ? await anon.get(url) : await anon.send(method, url, method === "POST" ? {} : undefined);
      expect(res.statusCode, `${method} ${url} without signing in`).toBe(401);
    }
  });
});

/** GET routes whose parameters are the student id, and the plan id (filled with one of the student's plans). */
function studentReadRoutes(t: TestApp): string[] {
  return t.app.routeList
    .filter((r) => r.method === "GET" && r.url.includes(":studentId"))
    .filter((r) => (r.url.match(/:[A-Za-z]+/g) ?? []).every((p) => p === ":studentId" || p === ":planId"))
    .map((r) => r.url);
}

async function fillRoute(t: TestApp, route: string, studentId: string): Promise<string> {
  let url = route.replace(":studentId", studentId);
  if (url.includes(":planId")) {
    const plan = await t.db
      .selectFrom("plans")
      .select("id")
      .where("student_id", "=", studentId)
      .orderBy("created_at")
      .executeTakeFirstOrThrow();
    url = url.replace(":planId", plan.id);
  }
  return url;
}

async function accessRows(t: TestApp, email: string, studentId: string): Promise<number> {
  const r = await sql<{ n: number }>`
    select count(*)::int as n from record_of_access a join people p on p.id = a.person_id
    where p.email = ${email} and a.student_id = ${studentId}
  `.execute(t.db);
  return r.rows[0]?.n ?? 0;
}
