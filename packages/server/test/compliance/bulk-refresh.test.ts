/**
 * Stored compliance results of a synthetic district, on PGlite and PostgreSQL:
 * - the bulk refresh (batches, neighbours settled once at the end) stores exactly what refreshing
 *   each plan on its own stores, boilerplate counts included;
 * - two servers on one PostgreSQL database (two connection pools, two in-memory index caches)
 *   agree on boilerplate after either changes a plan: the cache is checked against the school's
 *   revision in the database.
 */
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedSynthetic } from "../../seeds/synthetic.ts";
import { openPostgres } from "../../src/db/database.ts";
import { createUseCaseDeps } from "../../src/deps.ts";
import {
  refreshAllPlansCompliance,
  refreshPlanCompliance,
  refreshPlansCompliance,
} from "../../src/use-cases/compliance/refresh-plan-compliance.ts";
import { createTestDatabase, DATABASE_KINDS, TEST_TODAY, type TestDatabase } from "../helpers/test-database.ts";

const BOILERPLATE = "quality.accommodation.boilerplate";

type Snapshot = Map<string, string>;

/** Every plan's stored results as one comparable string (ids and timestamps left out). */
async function snapshot(t: TestDatabase): Promise<Snapshot> {
  const heads = await sql<{ plan_id: string; line: string }>`
    select plan_id, concat_ws('|', plan_type, plan_status, version_id, computed_for, recheck_on,
      error_count, warning_count, info_count, accommodation_signature::text) as line
    from plan_compliance`.execute(t.db);
  const findings = await sql<{ plan_id: string; line: string }>`
    select plan_id, string_agg(concat_ws('|', code, severity, place, message), E'\\n' order by code, place, message) as line
    from plan_findings group by plan_id`.execute(t.db);
  const deadlines = await sql<{ plan_id: string; line: string }>`
    select plan_id, string_agg(concat_ws('|', kind, code, due_date, start_date, met_on, basis), E'\\n' order by kind, due_date) as line
    from plan_deadlines group by plan_id`.execute(t.db);
  const out: Snapshot = new Map();
  for (const r of heads.rows) out.set(r.plan_id, r.line);
  for (const r of [...findings.rows, ...deadlines.rows]) out.set(r.plan_id, `${out.get(r.plan_id)}\n${r.line}`);
  return out;
}

/** Plans whose stored per-code counts differ from their stored findings (should be none). */
async function miscounted(t: TestDatabase): Promise<number> {
  const rows = await sql<{ n: number }>`
    select count(*)::int as n from plan_compliance c
    where c.finding_counts <> coalesce((
      select jsonb_object_agg(k, n) from (
        select f.code || '|' || f.severity as k, count(*) as n from plan_findings f where f.plan_id = c.plan_id group by 1
      ) counted), '{}'::jsonb)`.execute(t.db);
  return rows.rows[0]?.n ?? -1;
}

async function clearResults(t: TestDatabase): Promise<void> {
  await sql`delete from plan_findings`.execute(t.db);
  await sql`delete from plan_deadlines`.execute(t.db);
  await sql`delete from plan_compliance`.execute(t.db);
  await sql`delete from boilerplate_revisions`.execute(t.db);
}

describe.each(DATABASE_KINDS)("stored compliance results of a synthetic district on %s", (kind) => {
  let t: TestDatabase;
  let districtId: string;

  beforeAll(async () => {
    t = await createTestDatabase(kind, { seed: false });
    const summary = await seedSynthetic(t.db, {
      students: 600,
      seed: 11,
      today: TEST_TODAY,
      progress: false,
      compliance: false,
    });
    districtId = summary.districtId;
    // A low bar so that the synthetic boilerplate is flagged in a district this small.
    await sql`insert into compliance_settings (district_id, boilerplate_min_students, updated_at)
      values (${districtId}, 3, now())`.execute(t.db);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it("stores the same results in bulk as plan by plan, boilerplate counts included", async () => {
    // Small batches, so that plans checked early miss neighbours added by later batches.
    const done = await refreshAllPlansCompliance(
      createUseCaseDeps(t.db),
      { districtId, today: TEST_TODAY },
      undefined,
      { batchSize: 25 },
    );
    const bulk = await snapshot(t);
    expect(done).toBeGreaterThan(50);
    expect(bulk.size).toBeGreaterThan(50);
    const flagged = [...bulk.values()].filter((v) => v.includes(BOILERPLATE)).length;
    expect(flagged).toBeGreaterThan(3);
    expect(await miscounted(t)).toBe(0);

    await clearResults(t);
    const ids = (
      await sql<{ id: string }>`select id from plans where status <> 'ended' order by id`.execute(t.db)
    ).rows.map((r) => r.id);
    for (const id of ids) await refreshPlanCompliance(createUseCaseDeps(t.db), { planId: id, today: TEST_TODAY });
    const oneByOne = await snapshot(t);
    expect(await miscounted(t)).toBe(0);
    expect(oneByOne.size).toBe(bulk.size);
    for (const [planId, line] of bulk) expect(oneByOne.get(planId), planId).toBe(line);
  }, 120_000);

  it("refreshing a batch again changes nothing", async () => {
    const before = await snapshot(t);
    const ids = [...before.keys()].slice(0, 40);
    const s = await refreshPlansCompliance(createUseCaseDeps(t.db), { planIds: ids, today: TEST_TODAY });
    expect(s.refreshed.length).toBe(40);
    expect(s.affected).toEqual([]);
    expect(await snapshot(t)).toEqual(before);
  });

  // Overlapping checks need concurrent sessions; PGlite has one.
  if (kind === "postgres")
    it("overlapping checks of the same plans (two quick changes, two servers) all succeed and store one result each", async () => {
      const other = await openPostgres(t.url as string, 4);
      try {
        const expected = await snapshot(t);
        const ids = [...expected.keys()].slice(0, 6);
        // First checks: nothing stored yet for these plans, so each check inserts its result.
        await sql`delete from plan_findings where plan_id = any(${ids}::uuid[])`.execute(t.db);
        await sql`delete from plan_deadlines where plan_id = any(${ids}::uuid[])`.execute(t.db);
        await sql`delete from plan_compliance where plan_id = any(${ids}::uuid[])`.execute(t.db);
        const runs = [];
        for (let i = 0; i < 8; i++) {
          const db = i % 2 ? other.db : t.db;
          runs.push(
            i % 3
              ? refreshPlanCompliance(createUseCaseDeps(db), {
                  planId: ids[i % ids.length] as string,
                  today: TEST_TODAY,
                })
              : refreshPlansCompliance(createUseCaseDeps(db), { planIds: ids, today: TEST_TODAY }),
          );
        }
        const outcomes = await Promise.allSettled(runs);
        expect(outcomes.filter((o) => o.status === "rejected")).toEqual([]);
        const after = await snapshot(t);
        for (const id of ids) expect(after.get(id), id).toBe(expected.get(id));
        expect(await miscounted(t)).toBe(0);
      } finally {
        await other.close();
      }
    });

  // Two connection pools need a server; PGlite has one owner.
  if (kind === "postgres")
    it("two servers on one database agree on boilerplate after either changes a plan", async () => {
      const other = await openPostgres(t.url as string, 3);
      try {
        // Both servers hold the flagged school's index in memory.
        const flagged = await sql<{ plan_id: string; school_id: string; student_id: string }>`
          select f.plan_id, f.school_id, f.student_id from plan_findings f
          where f.code = ${BOILERPLATE} and f.place = '/accommodations/0' order by f.plan_id limit 1`.execute(t.db);
        const target = flagged.rows[0];
        if (!target) throw new Error("no boilerplate in the synthetic district");
        await refreshPlanCompliance(createUseCaseDeps(t.db), { planId: target.plan_id, today: TEST_TODAY });
        await refreshPlanCompliance(createUseCaseDeps(other.db), { planId: target.plan_id, today: TEST_TODAY });
        const neighbours = async () =>
          (
            await sql<{ n: number }>`select count(*)::int as n from plan_findings
              where school_id = ${target.school_id} and code = ${BOILERPLATE}`.execute(t.db)
          ).rows[0]?.n ?? 0;
        const flaggedBefore = await neighbours();

        // The second server ends the plan: its neighbours' counts drop.
        await sql`update plans set status = 'ended', updated_at = now() where id = ${target.plan_id}`.execute(other.db);
        const ended = await refreshPlanCompliance(createUseCaseDeps(other.db), {
          planId: target.plan_id,
          today: TEST_TODAY,
        });
        expect(ended.affected.length).toBeGreaterThan(0);
        expect(await miscounted(t)).toBe(0);
        const afterEnd = await snapshot(t);

        // The first server, whose cached index still holds the ended plan, re-checks a neighbour:
        // it must see the school as the second server left it and store the same result.
        const neighbour = ended.affected[0] as string;
        await refreshPlanCompliance(createUseCaseDeps(t.db), { planId: neighbour, today: TEST_TODAY });
        expect((await snapshot(t)).get(neighbour)).toBe(afterEnd.get(neighbour));
        expect(await neighbours()).toBeLessThanOrEqual(flaggedBefore);

        // And the same result as a fresh process (no cache at all) computes.
        const fresh = await openPostgres(t.url as string, 2);
        try {
          await refreshPlanCompliance(createUseCaseDeps(fresh.db), { planId: neighbour, today: TEST_TODAY });
          expect((await snapshot(t)).get(neighbour)).toBe(afterEnd.get(neighbour));
        } finally {
          await fresh.close();
        }
      } finally {
        await other.close();
      }
    }, 60_000);
});
