/**
 * Named prepared statements for the hot read path. PostgreSQL plans an unnamed statement on every
 * execution; for the queries every request runs (the session with the access facts, the record of
 * access, the plan page) planning costs more than executing. A statement marked here is prepared
 * once per pooled connection and its plan kept (PostgreSQL switches to a generic plan when it is
 * no worse), which `openPostgres` arranges. PGlite has no named statements: there the mark changes
 * nothing.
 *
 * Mark only statements whose SQL text has a fixed shape (no lists whose length varies with the
 * data) and whose result columns do not depend on `select *` of a table, so that the set of
 * statements stays small and a migration never changes a prepared statement's result type.
 */
import type { CompiledQuery } from "kysely";

const names = new Map<string, string>();

/** Mark a compiled query's statement to be prepared; returns the same query. */
export function prepared<Q extends CompiledQuery>(query: Q): Q {
  if (!names.has(query.sql)) names.set(query.sql, `lantern_${names.size + 1}`);
  return query;
}

/** The statement name of a marked SQL text (undefined when it is not marked). */
export function preparedStatementName(sql: string): string | undefined {
  return names.get(sql);
}
