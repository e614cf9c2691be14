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
  {
    // The whole record in one file is for the family, its advocate and the staff who run the plan.
    route: /\/record\.zip$/,
    denied: ["teacher@northside.maplevalley.example", "slp@maplevalley.example"],
  },
  {
    // A state complaint draft is the family's own paper: no staff role reaches it (decision 0020).
    route: /\/complaint-drafts$/,
    denied: [
      "admin@maplevalley.example",
      "principal@northside.maplevalley.example",
      "casemanager@maplevalley.example",
      "coordinator504@maplevalley.example",
      "teacher@northside.maplevalley.example",
      "slp@maplevalley.example",
    ],
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

  /**
   * Who may reach the routes that sign or record a parent's consent on Aaliyah's proposed IEP. Each
   * body names no one who could sign (or the case manager's own place with a wrong name), so a caller
   * the route lets through gets a 400 from the use case, and everyone else a 403 or 404: the plan
   * never changes.
   */
  const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(16)]);
  const WRITERS = [
    "admin@maplevalley.example",
    "principal@northside.maplevalley.example",
    "casemanager@maplevalley.example",
  ];
  const SIGNING_ROUTES: Array<{ what: string; path: string; body: object; reaches: string[] }> = [
    {
      what: "a consent decision in the app (the guardian themself only)",
      path: "consent",
      body: { choice: "refuse", attendeeId: "nobody" },
      reaches: ["guardian.thompson@family.example"],
    },
    {
      what: "a consent form entered from paper (staff who may change the plan)",
      path: "consent",
      body: { choice: "refuse", attendeeId: "nobody", source: "paper" },
      reaches: WRITERS,
    },
    {
      what: "a signature in another team member's place (nobody; the case manager's own place reaches the name check)",
      path: "signatures",
      body: { attendeeId: "staff-1", method: "typed", typedName: "Nobody Here" },
      reaches: ["casemanager@maplevalley.example"],
    },
    {
      what: "a signature entered from paper (staff who may change the plan)",
      path: "paper-signatures",
      body: {
        attendeeId: "nobody",
        signerName: "Nobody Here",
        signedOn: "2026-11-20",
        scan: { fileName: "page.png", dataBase64: PNG.toString("base64") },
      },
      reaches: WRITERS,
    },
  ];
  for (const route of SIGNING_ROUTES) {
    it(`POST …/${route.path}: ${route.what}`, async () => {
      const studentId = t.ids?.students.get("Aaliyah Thompson") as string;
      const plan = await t.db
        .selectFrom("plans")
        .select(["id", "status"])
        .where("student_id", "=", studentId)
        .executeTakeFirstOrThrow();
      expect(plan.status).toBe("proposed");
      for (const email of Object.keys(AALIYAH)) {
        const c = clients.get(email) as Client;
        const res = await c.send("POST", `/api/students/${studentId}/plans/${plan.id}/${route.path}`, route.body);
        if (route.reaches.includes(email)) expect(res.statusCode, `${email}: ${res.body}`).toBe(400);
        else expect([403, 404], `${email}: ${res.body}`).toContain(res.statusCode);
      }
      const after = await t.db.selectFrom("plans").select("status").where("id", "=", plan.id).executeTakeFirstOrThrow();
      expect(after.status).toBe("proposed");
    });
  }
  /**
   * The family's writes in the case file and before a meeting, and the team's side of them, on Mateo's
   * record. Each body is one the use case refuses (an unknown entry, meeting, shared draft or
   * comment), so whoever the route lets through gets a 400 or 404 from the use case after the access
   * path wrote its record of access, and everyone else is refused before: nothing is written.
   */
  const FAMILY = ["parent.rivera@family.example", "advocate@advocacy.example"];
  const UNKNOWN = "00000000-0000-4000-8000-000000000000";
  const FAMILY_AND_TEAM_ROUTES: Array<{ method: "POST" | "PUT"; path: string; body: object; reaches: string[] }> = [
    { method: "POST", path: "complaint-drafts", body: { entryIds: ["deadline:none"] }, reaches: FAMILY },
    {
      method: "PUT",
      path: `complaint-drafts/${UNKNOWN}`,
      body: { revision: 1, text: emptyComplaintText() },
      reaches: FAMILY,
    },
    { method: "PUT", path: `meetings/${UNKNOWN}/preparation`, body: { concerns: "x" }, reaches: FAMILY },
    { method: "POST", path: `meetings/${UNKNOWN}/shared-drafts`, body: {}, reaches: WRITERS },
    {
      method: "POST",
      path: `shared-drafts/${UNKNOWN}/comments`,
      body: { itemKind: "goal", itemId: "g", text: "x" },
      reaches: FAMILY,
    },
    {
      method: "POST",
      path: `shared-drafts/${UNKNOWN}/comments/${UNKNOWN}/answers`,
      body: { text: "x" },
      reaches: WRITERS,
    },
  ];
  for (const route of FAMILY_AND_TEAM_ROUTES) {
    it(`${route.method} …/${route.path}: only ${route.reaches === FAMILY ? "the family and its advocate" : "staff who run the plan"}`, async () => {
      const studentId = t.ids?.students.get("Mateo Rivera") as string;
      for (const email of Object.keys(MATEO)) {
        const c = clients.get(email) as Client;
        const before = await accessRows(t, email, studentId);
        const res = await c.send(route.method, `/api/students/${studentId}/${route.path}`, route.body);
        const after = await accessRows(t, email, studentId);
        if (route.reaches.includes(email)) {
          expect([400, 404], `${email}: ${res.body}`).toContain(res.statusCode);
          expect(after, `${email} went through the access path`).toBeGreaterThan(before);
        } else {
          expect([403, 404], `${email}: ${res.body}`).toContain(res.statusCode);
          expect(after, `${email} was refused before the record`).toBe(before);
          expect(res.body).not.toContain("Mateo");
        }
      }
    });
  }

  /**
   * Who may reach the routes of a request to amend Mateo's record (34 CFR 300.618-300.620): the
   * family asks and places its statement; the staff who may change the record set the decision
   * date and decide. Each body passes the schema but fails in the use case (a date before the
   * request, a decision after today, a statement before any refusal), so a caller the route lets
   * through gets a 400 or 409, and everyone else a 403 or 404: the request never changes.
   */
  const MATEO_FAMILY = ["parent.rivera@family.example", "advocate@advocacy.example"];
  const MATEO_WRITERS = [
    "admin@maplevalley.example",
    "principal@northside.maplevalley.example",
    "casemanager@maplevalley.example",
  ];
  it("POST …/amendment-requests and its steps: the family asks and adds its statement; staff who write the record decide", async () => {
    const mateo = t.ids?.students.get("Mateo Rivera") as string;
    const base = `/api/students/${mateo}/amendment-requests`;
    const ask = { record: "Present levels", problem: "misleading", explanation: "Out of date", proposed: "Current" };
    for (const email of Object.keys(MATEO)) {
      const res = await (clients.get(email) as Client).send("POST", base, ask);
      if (MATEO_FAMILY.includes(email)) expect(res.statusCode, `${email}: ${res.body}`).toBe(201);
      else expect([403, 404], `${email}: ${res.body}`).toContain(res.statusCode);
    }
    const made = await t.db
      .selectFrom("amendment_requests")
      .select(["id", "requested_on"])
      .where("student_id", "=", mateo)
      .executeTakeFirstOrThrow();
    const steps: Array<{ path: string; body: object; reaches: string[]; status: number }> = [
      { path: "deadline", body: { decideBy: "2000-01-01" }, reaches: MATEO_WRITERS, status: 400 },
      {
        path: "decision",
        body: { decision: "refused", reasons: "x", on: "2199-01-01" },
        reaches: MATEO_WRITERS,
        status: 400,
      },
      { path: "statement", body: { statement: "x" }, reaches: MATEO_FAMILY, status: 409 },
    ];
    for (const step of steps) {
      for (const email of Object.keys(MATEO)) {
        const res = await (clients.get(email) as Client).send("POST", `${base}/${made.id}/${step.path}`, step.body);
        if (step.reaches.includes(email))
          expect(res.statusCode, `${step.path} as ${email}: ${res.body}`).toBe(step.status);
        else expect([403, 404], `${step.path} as ${email}: ${res.body}`).toContain(res.statusCode);
      }
    }
    const events = await t.db
      .selectFrom("amendment_request_events")
      .select("id")
      .where("request_id", "=", made.id)
      .execute();
    expect(events).toEqual([]);
  });

  it("PUT …/guardians/:personId/language: only staff who write the record set a guardian's language", async () => {
    const mateo = t.ids?.students.get("Mateo Rivera") as string;
    const ana = t.ids?.people["parent.rivera@family.example"] as string;
    // A body the schema takes and the use case refuses: a person who is not Mateo's guardian.
    const notGuardian = t.ids?.people["advocate@advocacy.example"] as string;
    for (const email of Object.keys(MATEO)) {
      const c = clients.get(email) as Client;
      const res = await c.send("PUT", `/api/students/${mateo}/guardians/${notGuardian}/language`, {
        language: "es",
        interpreterNeeded: true,
      });
      if (MATEO_WRITERS.includes(email)) expect(res.statusCode, `${email}: ${res.body}`).toBe(404);
      else expect([403, 404], `${email}: ${res.body}`).toContain(res.statusCode);
      if (!MATEO_WRITERS.includes(email)) {
        const own = await c.send("PUT", `/api/students/${mateo}/guardians/${ana}/language`, {
          language: "es",
          interpreterNeeded: true,
        });
        expect([403, 404], `${email}: ${own.body}`).toContain(own.statusCode);
      }
    }
    const link = await t.db
      .selectFrom("guardianships")
      .select(["language", "interpreter_needed"])
      .where("student_id", "=", mateo)
      .where("person_id", "=", ana)
      .executeTakeFirstOrThrow();
    expect(link).toEqual({ language: null, interpreter_needed: false });
  });

  it("PUT …/details: only people who may add a student at the school and change this record correct it", async () => {
    const mateo = t.ids?.students.get("Mateo Rivera") as string;
    const before = await t.db.selectFrom("students").selectAll().where("id", "=", mateo).executeTakeFirstOrThrow();
    // A body the schema takes and the use case refuses: a date of birth after today.
    const body = {
      schoolId: before.school_id,
      firstName: "Changed",
      lastName: before.last_name,
      dateOfBirth: "2150-01-01",
      grade: before.grade,
      localId: before.local_id,
    };
    for (const email of Object.keys(MATEO)) {
      const res = await (clients.get(email) as Client).send("PUT", `/api/students/${mateo}/details`, body);
      if (MATEO_WRITERS.includes(email)) {
        expect(res.statusCode, `${email}: ${res.body}`).toBe(400);
        expect((res.json() as { issues: Array<{ path: string }> }).issues[0]?.path).toBe("/dateOfBirth");
      } else expect([403, 404], `${email}: ${res.body}`).toContain(res.statusCode);
    }
    const anon = await t.anonymous();
    expect((await anon.send("PUT", `/api/students/${mateo}/details`, body)).statusCode).toBe(401);
    const after = await t.db.selectFrom("students").selectAll().where("id", "=", mateo).executeTakeFirstOrThrow();
    expect(after).toEqual(before);
  });

  /** Who may use the people routes (accounts, invitations, roles, caseloads, the mail outbox). */
  const PEOPLE_ADMINS: Record<string, "district" | "school"> = {
    "admin@maplevalley.example": "district",
    "admin@cedarhills.example": "district",
    "principal@northside.maplevalley.example": "school",
  };

  it("refuses every people route to everyone but administrators, and to a district's people from another", async () => {
    const routes = t.app.routeList.filter((r) => /^\/api\/(people|district\/mail-outbox)/.test(r.url));
    expect(routes.map((r) => `${r.method} ${r.url}`).sort()).toEqual(
      [
        "DELETE /api/people/:personId/caseload/:studentId",
        "DELETE /api/people/:personId/invitation",
        "GET /api/district/mail-outbox",
        "GET /api/people",
        "GET /api/people/:personId/caseload",
        "POST /api/people",
        "POST /api/people/:personId/caseload/transfer",
        "POST /api/people/:personId/deactivate",
        "POST /api/people/:personId/invitation",
        "POST /api/people/:personId/reactivate",
        "PUT /api/people/:personId/caseload/:studentId",
        "PUT /api/people/:personId/discipline",
        "PUT /api/people/:personId/roles",
      ].sort(),
    );
    // The person acted on: a teacher at Northside (not one of the signed-in clients).
    const northside = await t.db
      .selectFrom("role_assignments as r")
      .innerJoin("people as p", "p.id", "r.person_id")
      .select(["r.district_id", "r.school_id"])
      .where("p.email", "=", "teacher@northside.maplevalley.example")
      .executeTakeFirstOrThrow();
    const teacher = await t.make.staff({
      districtId: northside.district_id,
      schoolId: northside.school_id,
      role: "teacher",
    });
    const bodies: Record<string, unknown> = {
      "POST /api/people": {
        firstName: "A",
        lastName: "B",
        email: "matrix@test.example",
        role: "teacher",
        schoolId: null,
      },
      "POST /api/people/:personId/caseload/transfer": { toPersonId: teacher.id },
      "PUT /api/people/:personId/roles": { roles: [{ role: "teacher", schoolId: null }] },
      "PUT /api/people/:personId/discipline": { discipline: null },
    };
    for (const email of Object.keys(MATEO)) {
      const c = clients.get(email) as Client;
      for (const r of routes) {
        const url = r.url
          .replace(":personId", teacher.id)
          .replace(":studentId", t.ids?.students.get("Mateo Rivera") as string);
        const body = bodies[`${r.method} ${r.url}`];
        const res =
          r.method === "GET"
            ? await c.get(url)
            : await c.send(r.method as "POST", url, body ?? (r.method === "DELETE" ? undefined : {}));
        const admin = PEOPLE_ADMINS[email];
        if (!admin) expect(res.statusCode, `${r.method} ${url} as ${email}`).toBe(403);
        else if (email === "admin@cedarhills.example" && r.url.includes(":personId"))
          expect(res.statusCode, `${r.method} ${url} as ${email}`).toBe(404);
        else if (admin === "school" && r.url.includes("mail-outbox")) expect(res.statusCode).toBe(403);
        else if (r.method === "GET") expect(res.statusCode, `${url} as ${email}`).toBe(200);
        else expect(res.statusCode, `${r.method} ${url} as ${email}: ${res.body}`).not.toBe(500);
      }
    }
    expect((await (await t.anonymous()).get("/api/people")).statusCode).toBe(401);
  });

  it("lets only district administrators read the audit trail, each only their own district's", async () => {
    const routes = t.app.routeList.filter((r) => r.url.startsWith("/api/district/audit-trail"));
    expect(routes.map((r) => `${r.method} ${r.url}`).sort()).toEqual([
      "GET /api/district/audit-trail",
      "GET /api/district/audit-trail.csv",
    ]);
    const mateo = t.ids?.students.get("Mateo Rivera") as string;
    for (const email of Object.keys(MATEO)) {
      const c = clients.get(email) as Client;
      for (const r of routes) {
        const res = await c.get(`${r.url}?trail=record-of-access&limit=200`);
        if (email === "admin@maplevalley.example") expect(res.statusCode, `${r.url} as ${email}`).toBe(200);
        else if (email === "admin@cedarhills.example") {
          expect(res.statusCode, `${r.url} as ${email}`).toBe(200);
          expect(res.body).not.toContain(mateo);
        } else expect(res.statusCode, `${r.url} as ${email}`).toBe(403);
      }
    }
    for (const r of routes) expect((await (await t.anonymous()).get(r.url)).statusCode).toBe(401);
  });

  it("lets only district administrators manage retention and destruction, each in their own district", async () => {
    const routes = t.app.routeList.filter((r) =>
      /^\/api\/district\/(retention-schedule|records-offered-for-destruction|destruction-requests)/.test(r.url),
    );
    expect(routes.map((r) => `${r.method} ${r.url}`).sort()).toEqual([
      "GET /api/district/destruction-requests",
      "GET /api/district/records-offered-for-destruction",
      "GET /api/district/retention-schedule",
      "POST /api/district/destruction-requests/:requestId/decision",
      "POST /api/district/records-offered-for-destruction/destructions",
      "POST /api/district/records-offered-for-destruction/notices",
      "PUT /api/district/retention-schedule",
    ]);
    const mateo = t.ids?.students.get("Mateo Rivera") as string;
    const unknown = "00000000-0000-4000-8000-000000000000";
    const bodies: Record<string, unknown> = {
      "PUT /api/district/retention-schedule": { entries: [] },
      "POST /api/district/records-offered-for-destruction/notices": { studentId: mateo, recordType: "letters" },
      "POST /api/district/records-offered-for-destruction/destructions": { studentId: mateo, recordType: "letters" },
      "POST /api/district/destruction-requests/:requestId/decision": { status: "granted" },
    };
    for (const email of Object.keys(MATEO)) {
      const c = clients.get(email) as Client;
      for (const r of routes) {
        const key = `${r.method} ${r.url}`;
        const url = r.url.replace(":requestId", unknown);
        const res = r.method === "GET" ? await c.get(url) : await c.send(r.method as "POST", url, bodies[key]);
        if (email === "admin@maplevalley.example" || email === "admin@cedarhills.example") {
          // Reads answer; changes reach the use case (nothing to notice, no such request or student).
          if (r.method === "GET" || r.method === "PUT") expect(res.statusCode, `${key} as ${email}`).toBe(200);
          else expect([404, 409], `${key} as ${email}: ${res.body}`).toContain(res.statusCode);
          if (email === "admin@cedarhills.example") expect(res.body).not.toContain(mateo);
        } else expect(res.statusCode, `${key} as ${email}`).toBe(403);
      }
    }
    const anon = await t.anonymous();
    for (const r of routes) {
      const url = r.url.replace(":requestId", unknown);
      const body = bodies[`${r.method} ${r.url}`];
      const res = r.method === "GET" ? await anon.get(url) : await anon.send(r.method as "POST", url, body);
      expect(res.statusCode, `${r.method} ${url} without signing in`).toBe(401);
    }
  });

  it("lets only case managers, 504 coordinators and administrators add a student, at their own schools", async () => {
    const routes = t.app.routeList.filter((r) => r.url === "/api/students" || r.url.startsWith("/api/student-intake"));
    expect(routes.map((r) => `${r.method} ${r.url}`).sort()).toEqual(
      ["GET /api/student-intake/schools", "GET /api/students", "POST /api/students"].sort(),
    );
    const mateo = await t.db
      .selectFrom("students")
      .select(["school_id"])
      .where("id", "=", t.ids?.students.get("Mateo Rivera") as string)
      .executeTakeFirstOrThrow();
    // Who may add a student at Mateo's school (Northside): 201; someone with no grant: 403; an
    // administrator of another district: 400 naming the school (not one of theirs).
    const expected: Record<string, number> = {
      "admin@maplevalley.example": 201,
      "principal@northside.maplevalley.example": 201,
      "casemanager@maplevalley.example": 201,
      "coordinator504@maplevalley.example": 201,
      "teacher@northside.maplevalley.example": 403,
      "slp@maplevalley.example": 403,
      "parent.rivera@family.example": 403,
      "advocate@advocacy.example": 403,
      "guardian.thompson@family.example": 403,
      "admin@cedarhills.example": 400,
    };
    for (const [email, status] of Object.entries(expected)) {
      const c = clients.get(email) as Client;
      const schools = await c.get("/api/student-intake/schools");
      expect(schools.statusCode, `schools as ${email}`).toBe(status === 403 ? 403 : 200);
      const res = await c.send("POST", "/api/students", {
        schoolId: mateo.school_id,
        firstName: "Matrix",
        lastName: "Student",
        dateOfBirth: "2015-01-01",
        grade: "5",
        localId: null,
        guardians: [],
      });
      expect(res.statusCode, `add as ${email}: ${res.body}`).toBe(status);
    }
    expect((await (await t.anonymous()).get("/api/student-intake/schools")).statusCode).toBe(401);
  });

  it("answers every inbox route only for the signed-in person's own inbox", async () => {
    const routes = t.app.routeList.filter((r) => r.url.startsWith("/api/inbox"));
    expect(routes.map((r) => `${r.method} ${r.url}`).sort()).toEqual([
      "GET /api/inbox",
      "POST /api/inbox/guardian-links/:linkId",
      "POST /api/inbox/notifications/:notificationId/read",
      "PUT /api/inbox/preferences",
    ]);
    const anon = await t.anonymous();
    const unknown = "00000000-0000-4000-8000-000000000000";
    for (const r of routes) {
      const url = r.url.replace(/:[A-Za-z]+/g, unknown);
      const body = r.url.includes("preferences") ? { emailNotifications: true } : { accept: true };
      const res = r.method === "GET" ? await anon.get(url) : await anon.send(r.method as "POST", url, body);
      expect(res.statusCode, `${r.method} ${url}`).toBe(401);
    }
    // Someone else's message or link is not found for anyone signed in.
    const c = clients.get("teacher@northside.maplevalley.example") as Client;
    expect((await c.send("POST", `/api/inbox/notifications/${unknown}/read`)).statusCode).toBe(404);
    expect((await c.send("POST", `/api/inbox/guardian-links/${unknown}`, { accept: true })).statusCode).toBe(404);
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
      // The same rule for the security form's settings (the second factor and the idle limits together).
      expect((await c.get("/api/district/security-settings")).statusCode, `security as ${email}`).toBe(want.read);
      const security = { staffIdleMinutes: 30, familyIdleMinutes: 120, requiredForStaff: false };
      const put = await c.send("PUT", "/api/district/security-settings", security);
      expect(put.statusCode, `change security as ${email}`).toBe(want.change);
      // Each person's own second factor is theirs alone: status for anyone signed in.
      expect((await c.get("/api/auth/second-factor")).statusCode, `status as ${email}`).toBe(200);
    }
    const anon = await t.anonymous();
    for (const [method, url] of [
      ["GET", "/api/district/second-factor-settings"],
      ["GET", "/api/auth/second-factor"],
      ["POST", "/api/auth/second-factor/enrolment"],
      ["DELETE", "/api/auth/second-factor"],
      ["GET", "/api/district/security-settings"],
      ["POST", "/api/auth/second-factor/recovery-codes"],
    ] as const) {
      const res =
        method === "GET"
          ? await anon.get(url)
          : await anon.send(
              method,
              url,
              method === "POST" ? (url.endsWith("recovery-codes") ? { code: "123456" } : {}) : undefined,
            );
      expect(res.statusCode, `${method} ${url} without signing in`).toBe(401);
    }
  });
});

function emptyComplaintText() {
  return {
    violation: "",
    facts: "",
    resolution: "",
    complainant: { name: "", relationship: "", address: "", phone: "", email: "" },
    child: { name: "", address: "", school: "" },
  };
}

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
