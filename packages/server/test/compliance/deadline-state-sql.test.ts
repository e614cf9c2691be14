/**
 * Dashboards and deadline lists work out a stored deadline's state in SQL; core's `deadlineState`
 * is the rule. Both must agree on every day, so the SQL is run over a grid of dates (before, on
 * and after the due date and the due-soon limit, across month, year and leap-day boundaries) and
 * compared with core, on both databases.
 */
import { addDays, type DeadlineState, deadlineState, type IsoDate } from "@lantern/core";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deadlineStateSql, openDeadlinesSql } from "../../src/repositories/compliance-repository.ts";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "../helpers/test-database.ts";

const TODAYS: IsoDate[] = ["2026-11-23", "2027-12-31", "2028-02-29", "2027-03-01", "2026-06-30"];
const DUE_SOON_DAYS = [0, 1, 30, 45];

/** Due dates around `today`: every day near today and near the due-soon limit, and some far away. */
function dueDates(today: IsoDate, dueSoonDays: number): IsoDate[] {
  const offsets = new Set<number>([-400, -366, -365, -60, -31, 366, 400]);
  for (let d = -3; d <= 3; d++) {
    offsets.add(d);
    offsets.add(dueSoonDays + d);
  }
  return [...offsets].sort((a, b) => a - b).map((d) => addDays(today, d));
}

type Row = { due: IsoDate; met: IsoDate | null };

function gridFor(today: IsoDate, dueSoonDays: number): Row[] {
  return dueDates(today, dueSoonDays).flatMap((due) => [
    { due, met: null },
    { due, met: addDays(due, -2) },
    { due, met: addDays(due, 5) },
  ]);
}

describe.each(DATABASE_KINDS)("deadline states in SQL on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind, { seed: false });
  });
  afterAll(async () => {
    await t?.close();
  });

  async function run(
    rows: Row[],
    select: (today: IsoDate, soon: number) => ReturnType<typeof sql>,
    today: IsoDate,
    soon: number,
  ) {
    const result = await sql<{ i: number; value: unknown }>`
      select d.i::int as i, ${select(today, soon)} as value
      from unnest(${rows.map((r) => r.due)}::date[], ${rows.map((r) => r.met)}::date[])
        with ordinality as d(due_date, met_on, i)
      order by d.i`.execute(t.db);
    return result.rows.map((r) => r.value);
  }

  it("gives every stored deadline the state core gives it, on every day", async () => {
    let compared = 0;
    for (const today of TODAYS) {
      for (const soon of DUE_SOON_DAYS) {
        const rows = gridFor(today, soon);
        const inSql = await run(rows, (d, s) => deadlineStateSql(d, s), today, soon);
        const inCore = rows.map((r) => deadlineState(r.due, today, r.met, soon));
        expect(inSql, `today ${today}, due soon within ${soon} days`).toEqual(inCore);
        compared += rows.length;
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it("lists exactly the open deadlines core puts in each state", async () => {
    const states: Array<Exclude<DeadlineState, "met"> | "open"> = ["overdue", "due-soon", "due", "open"];
    for (const today of TODAYS) {
      for (const soon of DUE_SOON_DAYS) {
        const rows = gridFor(today, soon);
        for (const state of states) {
          const inSql = await run(rows, (d, s) => openDeadlinesSql(state, d, s), today, soon);
          const inCore = rows.map((r) => {
            const s = deadlineState(r.due, today, r.met, soon);
            return s !== "met" && (state === "open" || s === state);
          });
          expect(inSql, `${state}: today ${today}, due soon within ${soon} days`).toEqual(inCore);
        }
      }
    }
  });
});
