import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, DATABASE_KINDS, TEST_TODAY, type TestDatabase } from "../test/helpers/test-database.ts";
import {
  BOTH_SHARE,
  buildModel,
  IEP_SHARE,
  isSyntheticSeeded,
  SECTION_504_SHARE,
  type SyntheticSummary,
  seedSynthetic,
  syntheticUuid,
} from "./synthetic.ts";

const STUDENTS = 300;

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
