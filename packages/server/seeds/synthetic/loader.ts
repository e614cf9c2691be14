/**
 * The loader: rows go to the database in batches of columns (one `insert … select * from unnest(…)`
 * per batch), into tables whose indexes and constraints are built after the load.
 */
import { type Kysely, sql } from "kysely";
import { type ColumnSpec, insertColumns, type Value } from "../../src/db/insert-columns.ts";
import type { Database } from "../../src/db/schema.ts";
import type { SyntheticModel } from "./model.ts";
import type { Rng } from "./random.ts";

/** Collects rows for one table column by column and flushes them in batches. */
export class TableWriter {
  readonly names: string[];
  private cols: Value[][];
  private readonly parents: TableWriter[] = [];
  count = 0;

  constructor(
    private readonly db: Kysely<Database>,
    readonly table: string,
    private readonly spec: ColumnSpec,
    private readonly onRows: (rows: number) => void,
    private readonly batchSize = 10_000,
  ) {
    this.names = Object.keys(spec);
    this.cols = this.names.map(() => []);
  }

  /** Rows of these writers are flushed before this one's (foreign keys). */
  after(...parents: TableWriter[]): this {
    this.parents.push(...parents);
    return this;
  }

  /** Add one row (values in the column order of the spec); flushes when the batch is full. */
  async add(...values: Value[]): Promise<void> {
    for (let i = 0; i < values.length; i++) (this.cols[i] as Value[]).push(values[i] as Value);
    this.count++;
    if ((this.cols[0] as Value[]).length >= this.batchSize) await this.flush();
  }

  async flush(): Promise<void> {
    for (const parent of this.parents) await parent.flush();
    const n = (this.cols[0] as Value[]).length;
    if (n === 0) return;
    const columns = Object.fromEntries(this.names.map((name, i) => [name, this.cols[i] as Value[]]));
    this.cols = this.names.map(() => []);
    const t0 = performance.now();
    await insertColumns(this.db, this.table, this.spec, columns, n);
    if (process.env.SYNTH_TRACE) process.stderr.write(`${this.table} ${n} ${Math.round(performance.now() - t0)}ms\n`);
    this.onRows(n);
  }
}

/**
 * Load tables the way the PostgreSQL manual advises ("Populating a Database"): drop their foreign
 * keys and secondary indexes (and their primary and unique keys when no other table refers to
 * them), insert, then re-create everything exactly as the migrations defined it (definitions read
 * back from the catalog), all inside the caller's transaction. Re-adding a foreign key checks
 * every row at once, so the data is validated as strictly as row by row.
 */
export async function withIndexesBuiltAfter<T>(
  db: Kysely<Database>,
  tables: string[],
  load: () => Promise<T>,
): Promise<T> {
  type Constraint = { table: string; name: string; type: string; def: string };
  await sql`set local maintenance_work_mem = '256MB'`.execute(db);
  const constraints: Constraint[] = [];
  const indexes: string[] = [];
  for (const table of tables) {
    const { rows } = await sql<{ name: string; type: string; def: string }>`
      select conname as name, contype as type, pg_get_constraintdef(oid) as def
      from pg_constraint where conrelid = ${table}::regclass and contype in ('p', 'u', 'f')
      order by contype, conname`.execute(db);
    constraints.push(...rows.map((r) => ({ table, ...r })));
  }
  const foreign = constraints.filter((c) => c.type === "f");
  for (const c of foreign) await sql`alter table ${sql.table(c.table)} drop constraint ${sql.ref(c.name)}`.execute(db);
  const keys: Constraint[] = [];
  for (const table of tables) {
    const { rows } = await sql<{ name: string; def: string }>`
      select i.indexname as name, i.indexdef as def from pg_indexes i
      where i.schemaname = 'public' and i.tablename = ${table}
        and not exists (select 1 from pg_constraint c where c.conindid = (quote_ident(i.indexname))::regclass)`.execute(
      db,
    );
    for (const i of rows) {
      await sql`drop index ${sql.ref(i.name)}`.execute(db);
      indexes.push(i.def);
    }
    const { rows: referenced } = await sql<{ n: number }>`
      select count(*)::int as n from pg_constraint where confrelid = ${table}::regclass and contype = 'f'`.execute(db);
    if ((referenced[0]?.n ?? 0) > 0) continue;
    for (const c of constraints.filter((c) => c.table === table && c.type !== "f")) {
      await sql`alter table ${sql.table(table)} drop constraint ${sql.ref(c.name)}`.execute(db);
      keys.push(c);
    }
  }
  const result = await load();
  for (const c of keys)
    await sql`alter table ${sql.table(c.table)} add constraint ${sql.ref(c.name)} ${sql.raw(c.def)}`.execute(db);
  for (const def of indexes) await sql.raw(def).execute(db);
  for (const c of foreign)
    await sql`alter table ${sql.table(c.table)} add constraint ${sql.ref(c.name)} ${sql.raw(c.def)}`.execute(db);
  return result;
}

export async function tableExists(db: Kysely<Database>, table: string): Promise<boolean> {
  const { rows } = await sql<{ found: boolean }>`select to_regclass(${`public.${table}`}) is not null as found`.execute(
    db,
  );
  return rows[0]?.found === true;
}

export type SyntheticStep = {
  name: string;
  /** Tables the step needs; it is skipped (and says so) when one is missing. */
  requires: string[];
  /** Tables it fills in bulk (their indexes and constraints are built after the load). */
  loads: string[];
  /** Rough number of rows it will insert, for the progress bar. */
  estimateRows(model: SyntheticModel): number;
  run(ctx: SyntheticContext): Promise<void>;
};

export type SyntheticContext = {
  db: Kysely<Database>;
  model: SyntheticModel;
  rng(stream: string): Rng;
  uuid(table: string, index: number): string;
  writer(table: string, spec: ColumnSpec, batchSize?: number): TableWriter;
  /** Rows inserted so far, per table. */
  counts: Record<string, number>;
};
