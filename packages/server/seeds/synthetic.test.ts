import { createHash } from "node:crypto";
import { hashPlanContent, validatePlanDocument } from "@lantern/core";
import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app.ts";
import type { Database } from "../src/db/schema.ts";
import { createTestDatabase, DATABASE_KINDS, TEST_TODAY, type TestDatabase } from "../test/helpers/test-database.ts";
import {
  BOTH_SHARE,
  buildModel,
  buildPlans,
  IEP_SHARE,
  isSyntheticSeeded,
  PLAN_STAGES,
  SECTION_504_SHARE,
  SYNTHETIC_PASSWORD,
  SYNTHETIC_STEPS,
  type SyntheticSummary,
  seedSynthetic,
  syntheticUuid,
} from "./synthetic.ts";

const STUDENTS = 300;

/**
 * What the seed writes for 300 students, seed 42 and TEST_TODAY: a SHA-256 over every row of every
 * table it fills (rows sorted, timestamps in UTC), leaving out what is not meant to repeat (password
 * hashes are salted; `created_at`/`updated_at` default to the time of the load). A change to the
 * generator that changes the district changes this digest: when that is the intent, put the new one here.
 */
const SEED_42_DIGEST = "2da7a37bb79fdcbb8fb139e786eb9470beac802519ab4bc8041080eaf4acb840";
const NOT_REPEATABLE = new Set(["password_hash", "created_at", "updated_at"]);

async function rowsDigest(db: Kysely<Database>, tables: readonly string[]): Promise<string> {
  const hash = createHash("sha256");
  for (const table of [...new Set(tables)].sort()) {
    const { rows: columns } = await sql<{ name: string; type: string }>`
      select column_name as name, data_type as type from information_schema.columns
      where table_schema = 'public' and table_name = ${table} order by column_name`.execute(db);
    const kept = columns.filter((c) => !NOT_REPEATABLE.has(c.name));
    const values = kept.map((c) =>
      c.type === "timestamp with time zone"
        ? sql`coalesce((${sql.ref(c.name)} at time zone 'UTC')::text, '∅')`
        : sql`coalesce(${sql.ref(c.name)}::text, '∅')`,
    );
    const { rows } = await sql<{ row: string }>`
      select concat_ws(${"\u001f"}, ${sql.join(values)}) as row from ${sql.table(table)} order by 1`.execute(db);
    hash.update(`${table}\n${kept.map((c) => c.name).join(",")}\n`);
    for (const r of rows) hash.update(`${r.row}\n`);
  }
  return hash.digest("hex");
}

describe("synthetic district model", () => {
  const model = buildModel({ students: 20_000, seed: 7, today: TEST_TODAY });

  it("has the asked number of students in schools of about 500–2,000", () => {
    expect(model.students).toHaveLength(20_000);
    expect(model.schools).toHaveLength(20);
    for (const school of model.schools) {
      expect(school.studentCount).toBeGreaterThanOrEqual(500);
      expect(school.studentCount).toBeLessThanOrEqual(2000);
    }
    expect(model.schools.reduce((a, k) => a + k.studentCount, 0)).toBe(20_000);
  });

  it("gives ~15 % of students an IEP, ~3 % a Section 504 plan and a few both", () => {
    const share = (f: (plans: string[]) => boolean) => model.students.filter((s) => f(s.plans)).length / 20_000;
    expect(share((p) => p.includes("iep"))).toBeCloseTo(IEP_SHARE, 2);
    expect(share((p) => p.includes("section-504"))).toBeCloseTo(SECTION_504_SHARE, 2);
    expect(share((p) => p.length === 2)).toBeGreaterThan(BOTH_SHARE / 2);
    expect(share((p) => p.length === 2)).toBeLessThan(BOTH_SHARE * 2);
  });

  it("puts every IEP student on a case manager's caseload and every 504 student with a coordinator", () => {
    for (const s of model.students) {
      expect(s.caseManagerId !== null).toBe(s.plans.includes("iep"));
      expect(s.coordinatorId !== null).toBe(s.plans.includes("section-504"));
      expect(s.guardianIds.length).toBeGreaterThanOrEqual(1);
    }
  });

  it("is the same for the same seed and different for another", () => {
    const again = buildModel({ students: 20_000, seed: 7, today: TEST_TODAY });
    const other = buildModel({ students: 20_000, seed: 8, today: TEST_TODAY });
    expect(again.students.slice(0, 50)).toEqual(model.students.slice(0, 50));
    expect(other.students[0]?.id).not.toBe(model.students[0]?.id);
    expect(syntheticUuid(7, "students", 0)).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});

describe.each(DATABASE_KINDS)("synthetic district on %s", (kind) => {
  let first: TestDatabase;
  let second: TestDatabase;
  let summary: SyntheticSummary;

  beforeAll(async () => {
    first = await createTestDatabase(kind, { seed: false });
    second = await createTestDatabase(kind, { seed: false });
    summary = await seedSynthetic(first.db, { students: STUDENTS, seed: 42, today: TEST_TODAY, progress: false });
    await seedSynthetic(second.db, { students: STUDENTS, seed: 42, today: TEST_TODAY, progress: false });
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
  });

  async function tableCounts(t: TestDatabase): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const table of Object.keys(summary.counts)) {
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(t.db);
      out[table] = rows[0]?.n ?? -1;
    }
    return out;
  }

  it("inserts the rows it reports", async () => {
    expect(summary.counts.students).toBe(STUDENTS);
    expect(await tableCounts(first)).toEqual(summary.counts);
  });

  it("writes the same rows as it always has for the same seed (a digest of every table it fills)", async () => {
    const tables = ["districts", "schools", "plans", ...SYNTHETIC_STEPS.flatMap((step) => step.loads)];
    expect(await rowsDigest(first.db, tables)).toBe(SEED_42_DIGEST);
  });

  it("gives the same counts and the same first rows for the same seed", async () => {
    expect(await tableCounts(second)).toEqual(await tableCounts(first));
    const firstRows = (t: TestDatabase) =>
      t.db
        .selectFrom("students")
        .select(["id", "first_name", "last_name", "date_of_birth", "grade", "school_id"])
        .orderBy("last_name")
        .orderBy("first_name")
        .orderBy("id")
        .limit(20)
        .execute();
    expect(await firstRows(second)).toEqual(await firstRows(first));
  });

  it("stores the plan shares of the model and puts IEP students on caseloads", async () => {
    const model = buildModel({ students: STUDENTS, seed: 42, today: TEST_TODAY });
    const ieps = model.students.filter((s) => s.plans.includes("iep")).length;
    expect(summary.plans.iep).toBe(ieps);
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from caseload_members where role = 'case-manager'`.execute(first.db);
    expect(rows[0]?.n).toBe(ieps);
  });

  it("has plans at every lifecycle stage, each content valid and each sealed version's hash right", async () => {
    const plans = buildPlans(buildModel({ students: 3000, seed: 42, today: TEST_TODAY }));
    expect(new Set(plans.map((p) => p.stage))).toEqual(new Set(PLAN_STAGES));
    const versions = await first.db
      .selectFrom("plan_versions")
      .select(["content", "sealed_at", "content_sha256", "status"])
      .execute();
    expect(versions.length).toBe(summary.counts.plan_versions);
    expect(versions.length).toBeGreaterThan(summary.plans.iep + summary.plans.section504 - 1);
    for (const v of versions) {
      const result = validatePlanDocument(v.content);
      expect(result.issues).toEqual([]);
      if (v.sealed_at) expect(v.content_sha256).toBe(hashPlanContent(v.content));
      else expect(v.content_sha256).toBeNull();
    }
    const { rows } = await sql<{ stale: number }>`
      select count(*)::int as stale from plans p
      where p.current_version_id is null
         or (p.status = 'in-effect' and p.in_effect_version_id is null)`.execute(first.db);
    expect(rows[0]?.stale).toBe(0);
  });

  it("logs a year of sessions and progress data for IEPs in effect, with deadlines past, near and far", async () => {
    const { rows } = await sql<{ sessions: number; points: number; first_day: string; missed: number }>`
      select (select count(*)::int from service_sessions) as sessions,
             (select count(*)::int from progress_data_points) as points,
             (select min(session_date)::text from service_sessions) as first_day,
             (select count(*)::int from service_sessions where status <> 'delivered') as missed`.execute(first.db);
    const r = rows[0];
    expect(r?.sessions).toBeGreaterThan(summary.plans.iep * 10);
    expect(r?.points).toBeGreaterThan(summary.plans.iep * 2);
    expect(r?.missed).toBeGreaterThan(0);
    expect((r?.first_day ?? "9999") <= "2026-01-01").toBe(true);
    const { rows: due } = await sql<{ past: number; near: number; far: number }>`
      select count(*) filter (where effective_to < ${TEST_TODAY}::date)::int as past,
             count(*) filter (where effective_to between ${TEST_TODAY}::date and ${TEST_TODAY}::date + 30)::int as near,
             count(*) filter (where effective_to > ${TEST_TODAY}::date + 30)::int as far
      from plans where status = 'in-effect'`.execute(first.db);
    expect(due[0]?.near).toBeGreaterThan(0);
    expect(due[0]?.far).toBeGreaterThan(0);
    expect(due[0]?.past).toBeGreaterThan(0);
  });

  it("stores compliance results for every plan not ended (a small district is checked during the seed)", async () => {
    const { rows } = await sql<{ open: number; checked: number; deadlines: number }>`
      select (select count(*)::int from plans where status <> 'ended') as open,
             (select count(*)::int from plan_compliance) as checked,
             (select count(*)::int from plan_deadlines) as deadlines`.execute(first.db);
    expect(rows[0]?.checked).toBe(rows[0]?.open);
    expect(rows[0]?.deadlines).toBeGreaterThan(0);
    expect(summary.steps["compliance results"]).toBeGreaterThanOrEqual(0);
  });

  it("re-creates the indexes and constraints the migrations define after the bulk load", async () => {
    const fresh = await createTestDatabase(kind, { seed: false });
    const loaded = [...new Set(SYNTHETIC_STEPS.flatMap((step) => step.loads))];
    try {
      const defs = async (t: TestDatabase) =>
        (
          await sql<{ def: string }>`
            select indexdef as def from pg_indexes
            where tablename in (${sql.join(loaded)}) order by indexname`.execute(t.db)
        ).rows.map((r) => r.def);
      const constraints = async (t: TestDatabase) =>
        (
          await sql<{ def: string }>`
            select conname || ' ' || pg_get_constraintdef(oid) as def from pg_constraint
            where conrelid::regclass::text in (${sql.join(loaded)}) order by conname`.execute(t.db)
        ).rows.map((r) => r.def);
      expect(await defs(first)).toEqual(await defs(fresh));
      expect(await constraints(first)).toEqual(await constraints(fresh));
      expect((await defs(first)).length).toBeGreaterThan(15);
      expect((await constraints(first)).length).toBeGreaterThan(25);
    } finally {
      await fresh.close();
    }
  });

  it("serves a seeded plan through the plan read API to its case manager", async () => {
    const app = await buildApp({ db: first.db, databaseKind: kind, logLevel: "silent", serveWeb: false });
    try {
      const session = await app.inject({ method: "GET", url: "/api/auth/session" });
      const jar = new Map(session.cookies.map((c) => [c.name, c.value]));
      const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
      const signedIn = await app.inject({
        method: "POST",
        url: "/api/auth/sign-in",
        headers: { cookie: cookie(), "x-csrf-token": (session.json() as { csrfToken: string }).csrfToken },
        payload: { email: summary.accounts.caseManager, password: SYNTHETIC_PASSWORD },
      });
      expect(signedIn.statusCode).toBe(200);
      for (const c of signedIn.cookies) jar.set(c.name, c.value);
      const { rows } = await sql<{ id: string; student_id: string; type: string }>`
        select distinct on (p.type) p.id, p.student_id, p.type from plans p
        join caseload_members c on c.student_id = p.student_id
        join people m on m.id = c.person_id and m.email = ${summary.accounts.caseManager}
        where p.status = 'in-effect' order by p.type, p.id`.execute(first.db);
      expect(rows.length).toBeGreaterThan(0);
      for (const plan of rows) {
        const res = await app.inject({
          method: "GET",
          url: `/api/students/${plan.student_id}/plans/${plan.id}`,
          headers: { cookie: cookie() },
        });
        expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      }
    } finally {
      await app.close();
    }
  });

  it("lets a synthetic case manager sign in with a password hash, and refuses a second synthetic district", async () => {
    const person = await first.db
      .selectFrom("people")
      .select(["password_hash"])
      .where("email", "=", summary.accounts.caseManager)
      .executeTakeFirstOrThrow();
    expect(person.password_hash).toMatch(/^\$argon2id\$/);
    expect((await isSyntheticSeeded(first.db))?.students).toBe(STUDENTS);
    await expect(
      seedSynthetic(first.db, { students: 10, seed: 1, today: TEST_TODAY, progress: false }),
    ).rejects.toThrow(/already holds a synthetic district/);
  });
});
