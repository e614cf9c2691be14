/**
 * The embedded database (PGlite in its own thread): queries from many connections run in order,
 * a transaction holds the others until it ends, errors keep PostgreSQL's fields, values come back
 * as `pg` returns them, and a closed database says so.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Kysely, sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { type OpenDatabase, openPglite } from "../src/db/database.ts";
import { prepared } from "../src/db/prepared-statements.ts";

let open: OpenDatabase | null = null;
afterEach(async () => {
  await open?.close();
  open = null;
});

// biome-ignore lint/suspicious/noExplicitAny: a scratch table outside the schema.
async function scratch(): Promise<Kysely<any>> {
  open = await openPglite(null);
  // biome-ignore lint/suspicious/noExplicitAny: a scratch table outside the schema.
  const db = open.db as unknown as Kysely<any>;
  await sql`create table t (id int primary key, note text)`.execute(db);
  return db;
}

const settled = <T>(p: Promise<T>) => {
  const state = { done: false };
  p.then(
    () => {
      state.done = true;
    },
    () => {
      state.done = true;
    },
  );
  return state;
};

describe("the embedded database thread", () => {
  it("holds other connections' queries while a transaction is open, then runs them after its commit", async () => {
    const db = await scratch();
    let outside: Promise<unknown> | null = null;
    let outsideState: { done: boolean } | null = null;
    await db.transaction().execute(async (trx) => {
      await trx.insertInto("t").values({ id: 1, note: "inside" }).execute();
      outside = db.selectFrom("t").select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow();
      outsideState = settled(outside);
      await new Promise((r) => setTimeout(r, 50));
      // The transaction's own queries still run while the other one waits.
      const mine = await trx.selectFrom("t").select("note").execute();
      expect(mine).toEqual([{ note: "inside" }]);
      expect(outsideState.done).toBe(false);
    });
    expect(await outside).toEqual({ n: 1 });
  });

  it("rolls a failed transaction back and keeps serving", async () => {
    const db = await scratch();
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.insertInto("t").values({ id: 1, note: "kept?" }).execute();
        throw new Error("stop");
      }),
    ).rejects.toThrow("stop");
    expect(await db.selectFrom("t").selectAll().execute()).toEqual([]);
    await db.insertInto("t").values({ id: 2, note: "after" }).execute();
    expect(await db.selectFrom("t").select("id").execute()).toEqual([{ id: 2 }]);
  });

  it("runs many queries sent at once in order, with prepared and plain statements mixed", async () => {
    const db = await scratch();
    await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        i % 2
          ? db
              .insertInto("t")
              .values({ id: i, note: `n${i}` })
              .execute()
          : db.executeQuery(
              prepared(
                db
                  .insertInto("t")
                  .values({ id: i, note: `n${i}` })
                  .compile(),
              ),
            ),
      ),
    );
    const row = await db.selectFrom("t").select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow();
    expect(row.n).toBe(200);
  });

  it("keeps PostgreSQL's error fields, and returns dates and 64-bit integers as pg does", async () => {
    const db = await scratch();
    await db.insertInto("t").values({ id: 1, note: "a" }).execute();
    const error = await db
      .insertInto("t")
      .values({ id: 1, note: "b" })
      .execute()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ code: "23505", constraint: "t_pkey", table: "t" });
    expect((error as Error).message).toMatch(/duplicate key/);

    const values = await sql<{ d: unknown; big: unknown; at: unknown; doc: unknown }>`
      select '2026-11-23'::date as d, 9007199254740991::int8 as big,
             '2026-11-23T10:00:00Z'::timestamptz as at, '{"a":[1,2]}'::jsonb as doc`.execute(db);
    expect(values.rows[0]).toEqual({
      d: "2026-11-23",
      big: 9007199254740991,
      at: new Date("2026-11-23T10:00:00Z"),
      doc: { a: [1, 2] },
    });
  });

  it("parses a prepared statement's rows on the server's thread exactly as PGlite parses the others", async () => {
    const db = await scratch();
    await db.insertInto("t").values({ id: 1, note: "a" }).execute();
    const query = sql`
      select '2026-11-23'::date as d, 42::int8 as big, 1.5::numeric as num, true as yes, null::text as nothing,
             '2026-11-23T10:00:00Z'::timestamptz as at, '{"a":[1,2]}'::jsonb as doc, '[3]'::json as list,
             array['x', 'y,z']::text[] as words, '{1,2}'::int[] as ints, array['2026-01-02'::date] as dates,
             array[gen_random_uuid()::text] is not null as ok, 'b0c8a7c2-0d8f-4f59-9d43-2a1e2a7d0c11'::uuid as id,
             '\\x0102'::bytea as bytes
      from t where id = ${1}`.compile(db);
    const plain = await db.executeQuery(query);
    const viaPrepared = await db.executeQuery(prepared(query));
    expect(viaPrepared.rows).toEqual(plain.rows);
    expect(viaPrepared.rows[0]).toMatchObject({
      d: "2026-11-23",
      big: 42,
      words: ["x", "y,z"],
      ints: [1, 2],
      dates: ["2026-01-02"],
    });

    const duplicate = await db
      .executeQuery(prepared(db.insertInto("t").values({ id: 1, note: "again" }).compile()))
      .catch((e: unknown) => e);
    expect(duplicate).toMatchObject({ code: "23505", constraint: "t_pkey" });
    const changed = await db.executeQuery(
      prepared(db.updateTable("t").set({ note: "b" }).where("id", "=", 1).compile()),
    );
    expect(changed.numAffectedRows).toBe(1n);
  });

  it("keeps what was written in a data directory across a close and a reopen", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lantern-embedded-"));
    open = await openPglite(dir);
    await sql`create table kept (n int)`.execute(open.db);
    await sql`insert into kept values (42)`.execute(open.db);
    await open.close();
    open = await openPglite(dir);
    const rows = await sql<{ n: number }>`select n from kept`.execute(open.db);
    expect(rows.rows).toEqual([{ n: 42 }]);
  });

  it("answers a query after close with a clear error", async () => {
    const db = await scratch();
    await open?.close();
    open = null;
    await expect(db.selectFrom("t").selectAll().execute()).rejects.toThrow(/closed|destroyed/);
  });
});
