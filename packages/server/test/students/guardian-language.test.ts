/**
 * Each guardian's preferred language and interpreter need on the student's record: from the
 * roster, set by staff on the student page, read by the session (the app opens in it) and by the
 * plan check (34 CFR 300.503(c), 300.322(e)).
 */
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type Client, type TestApp } from "../helpers/build-app.ts";
import { DATABASE_KINDS } from "../helpers/test-database.ts";

const HEADER =
  "sis_id,first_name,last_name,date_of_birth,grade,school,guardian1_first_name,guardian1_last_name,guardian1_email,Guardian 1 Home Language,guardian1_interpreter";

async function postRoster(c: Client, csv: string) {
  return c.inject({
    method: "POST",
    url: "/api/district/roster",
    headers: { "x-csrf-token": c.csrf, "content-type": "text/csv" },
    payload: csv,
  });
}

type Detail = {
  guardians: Array<{ personId: string; name: string; language: string | null; interpreterNeeded: boolean }>;
};

describe.each(DATABASE_KINDS)("guardians' languages on %s", (kind) => {
  let t: TestApp;
  let mateo: string;
  let ana: string;
  beforeAll(async () => {
    t = await buildTestApp(kind);
    mateo = t.ids?.students.get("Mateo Rivera") as string;
    ana = t.ids?.people["parent.rivera@family.example"] as string;
  });
  afterAll(async () => {
    await t?.close();
  });

  it("come from the roster's optional columns, by code or name; a second import changes nothing; bad values name their column", async () => {
    const admin = await t.signIn("admin@maplevalley.example");
    const file = `${HEADER}\nMV9001,Lucía,Paredes,2016-05-02,4,Northside Elementary,Rosa,Paredes,rosa.paredes@family.example,Spanish,yes\n`;
    const first = await postRoster(admin, file);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ created: 1, ignoredColumns: [] });
    const link = await t.db
      .selectFrom("guardianships as g")
      .innerJoin("people as p", "p.id", "g.person_id")
      .select(["g.language", "g.interpreter_needed"])
      .where("p.email", "=", "rosa.paredes@family.example")
      .executeTakeFirstOrThrow();
    expect(link).toEqual({ language: "es", interpreter_needed: true });
    const again = await postRoster(admin, file.replace(",Spanish,yes", ",es,Y"));
    expect(again.json()).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    const blank = await postRoster(admin, file.replace(",Spanish,yes", ",,"));
    expect(blank.json()).toMatchObject({ unchanged: 1 });
    const changed = await postRoster(admin, file.replace(",Spanish,yes", ",vi,no"));
    expect(changed.json()).toMatchObject({ updated: 1 });

    const bad = await postRoster(admin, file.replace(",Spanish,yes", ",Klingon!,maybe"));
    expect(bad.statusCode).toBe(400);
    const problems = (bad.json() as { problems: Array<{ column: string; message: string }> }).problems;
    expect(problems.map((p) => p.column).sort()).toEqual(["guardian1_interpreter", "guardian1_language"]);
    expect(problems.find((p) => p.column === "guardian1_language")?.message).toBe(
      "Write the language as a code (es) or its name (Spanish)",
    );
    const orphan = await postRoster(admin, `${HEADER}\nMV9002,Ana,Soto,2016-05-02,4,Northside Elementary,,,,es,\n`);
    expect(orphan.statusCode).toBe(400);
    expect(orphan.body).toContain("guardian1_email");
  });

  it("staff who write the record set them; the family and teachers may not; the session and the plan check read them", async () => {
    const staff = await t.signIn("casemanager@maplevalley.example");
    const url = `/api/students/${mateo}/guardians/${ana}/language`;
    await sql`delete from compliance_queue`.execute(t.db);
    const res = await staff.send("PUT", url, { language: "Español", interpreterNeeded: true });
    expect(res.statusCode, res.body).toBe(200);
    const guardian = (res.json() as Detail).guardians.find((g) => g.personId === ana);
    expect(guardian).toMatchObject({ language: "es", interpreterNeeded: true });
    const queued = await sql<{ n: number }>`
      select count(*)::int as n from compliance_queue where student_id = ${mateo}`.execute(t.db);
    expect(queued.rows[0]?.n).toBeGreaterThan(0);
    const audit = await sql<{ details: unknown }>`
      select details from audit_events where action = 'guardian.language-set' and student_id = ${mateo}`.execute(t.db);
    expect(audit.rows[0]?.details).toEqual({ language: "es", interpreterNeeded: true });

    const parent = await t.signIn("parent.rivera@family.example");
    const session = (await parent.get("/api/auth/session")).json() as { user: { language: string | null } };
    expect(session.user.language).toBe("es");
    const read = (await parent.get(`/api/students/${mateo}`)).json() as Detail;
    expect(read.guardians.find((g) => g.personId === ana)?.language).toBe("es");
    const staffSession = (await staff.get("/api/auth/session")).json() as { user: { language: string | null } };
    expect(staffSession.user.language).toBeNull();

    expect((await parent.send("PUT", url, { language: "en", interpreterNeeded: false })).statusCode).toBe(403);
    const teacher = await t.signIn("teacher@northside.maplevalley.example");
    expect((await teacher.send("PUT", url, { language: "en", interpreterNeeded: false })).statusCode).toBe(403);
    const other = await t.signIn("admin@cedarhills.example");
    expect((await other.send("PUT", url, { language: "en", interpreterNeeded: false })).statusCode).toBe(404);
    const bad = await staff.send("PUT", url, { language: "??", interpreterNeeded: false });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("language");
    const notGuardian = t.ids?.people["teacher@northside.maplevalley.example"] as string;
    const wrong = await staff.send("PUT", `/api/students/${mateo}/guardians/${notGuardian}/language`, {
      language: "es",
      interpreterNeeded: false,
    });
    expect(wrong.statusCode).toBe(404);
    const cleared = await staff.send("PUT", url, { language: null, interpreterNeeded: false });
    expect((cleared.json() as Detail).guardians.find((g) => g.personId === ana)).toMatchObject({
      language: null,
      interpreterNeeded: false,
    });
  });

  it("opens the app in a language other than English on any of the guardian's children, before an English one recorded first", async () => {
    const staff = await t.signIn("casemanager@maplevalley.example");
    const paloma = t.ids?.students.get("Paloma Rivera") as string;
    const set = (student: string, language: string | null) =>
      staff.send("PUT", `/api/students/${student}/guardians/${ana}/language`, { language, interpreterNeeded: false });
    expect((await set(mateo, "en")).statusCode).toBe(200);
    expect((await set(paloma, "es")).statusCode).toBe(200);
    const languageOf = async () => {
      const parent = await t.signIn("parent.rivera@family.example");
      return ((await parent.get("/api/auth/session")).json() as { user: { language: string | null } }).user.language;
    };
    expect(await languageOf()).toBe("es");
    expect((await set(paloma, null)).statusCode).toBe(200);
    expect(await languageOf()).toBe("en");
    expect((await set(mateo, null)).statusCode).toBe(200);
  });
});
