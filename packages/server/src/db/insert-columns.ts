/**
 * Bulk inserts: column arrays inserted with one `insert … select … from rows from (unnest(…), …)`
 * statement per batch (one array parameter per column, so any number of rows fits the protocol's
 * parameter limit). The same statement runs on PGlite and on PostgreSQL.
 */
import { type Kysely, type RawBuilder, sql } from "kysely";
import type { Database } from "./schema.ts";

export type ColumnType = "uuid" | "text" | "date" | "int" | "numeric" | "bool" | "jsonb" | "timestamptz";
export type ColumnSpec = Record<string, ColumnType>;
export type Value = string | number | boolean | null;

/** Insert column arrays with one `unnest` statement per `batchSize` rows. */
export async function insertColumns(
  db: Kysely<Database>,
  table: string,
  spec: ColumnSpec,
  columns: Record<string, Value[]>,
  batchSize = 10_000,
  onBatch?: (rows: number) => void,
): Promise<number> {
  const names = Object.keys(spec);
  const total = columns[names[0] as string]?.length ?? 0;
  for (let start = 0; start < total; start += batchSize) {
    const end = Math.min(total, start + batchSize);
    // One set-returning function per column, zipped by ROWS FROM. JSON columns travel as one JSON
    // array (no array-literal escaping of large documents); SQL nulls are JSON nulls there.
    const sources: RawBuilder<unknown>[] = names.map((name) => {
      const values = (columns[name] as Value[]).slice(start, end);
      if (spec[name] === "jsonb")
        return sql`jsonb_array_elements(${`[${values.map((v) => (v === null ? "null" : String(v))).join(",")}]`}::jsonb)`;
      return sql`unnest(${values}::${sql.raw(spec[name] as string)}[])`;
    });
    const selected = names.map((name, i) =>
      spec[name] === "jsonb" ? sql`nullif(${sql.ref(`c${i}`)}, 'null'::jsonb)` : sql.ref(`c${i}`),
    );
    await sql`insert into ${sql.table(table)} (${sql.join(names.map((n) => sql.ref(n)))})
      select ${sql.join(selected)} from rows from (${sql.join(sources)}) as r(${sql.join(names.map((_, i) => sql.ref(`c${i}`)))})`.execute(
      db,
    );
    onBatch?.(end - start);
  }
  return total;
}

/** `insertColumns` for rows given as objects (keys as in `spec`; a missing key is null). */
export async function insertRows(
  db: Kysely<Database>,
  table: string,
  spec: ColumnSpec,
  rows: ReadonlyArray<Record<string, Value>>,
  batchSize = 10_000,
): Promise<number> {
  const columns: Record<string, Value[]> = {};
  for (const name of Object.keys(spec)) columns[name] = rows.map((row) => row[name] ?? null);
  return insertColumns(db, table, spec, columns, batchSize);
}
