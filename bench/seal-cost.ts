/**
 * `npm run bench:seal [-- --rows N]`: what sealing the audit trails costs the database. Inserts N
 * record-of-access rows (as N plan reads would), then times the sealer's calls that seal them,
 * and `lantern audit verify` over them, on PGlite (in memory) and on PostgreSQL (a scratch
 * database on BENCH_POSTGRES_URL or the local server). The sealer's cost per second of load is
 * its time per row × the rows written per second (one per read of a student's record).
 */
import { Command } from "commander";
import { sql } from "kysely";
import pg from "pg";
import { sealAudit, verifyAudit } from "../packages/server/src/db/audit-chain.ts";
import { type OpenDatabase, openPglite, openPostgres } from "../packages/server/src/db/database.ts";
import { migrateToLatest } from "../packages/server/src/db/migrate.ts";

const rows = Number(new Command().option("--rows <n>", "rows to seal", "50000").parse().opts<{ rows: string }>().rows);
const log = (line: string) => process.stderr.write(`${line}\n`);

async function measure(label: string, open: OpenDatabase) {
  try {
    await migrateToLatest(open.db);
    await sql`insert into record_of_access (person_id, student_id, record, action, purpose, basis, request_id)
      select gen_random_uuid(), gen_random_uuid(), 'plan:' || n, 'read-record', 'view plan', 'case-manager', 'req-' || n
      from generate_series(1, ${rows}::int) n`.execute(open.db);
    await sealAudit(open.db); // notes the horizon
    const started = performance.now();
    const sealed = await sealAudit(open.db, rows + 1);
    const sealMs = performance.now() - started;
    const verifyStarted = performance.now();
    const verified = await verifyAudit(open.db);
    const verifyMs = performance.now() - verifyStarted;
    log(
      `${label}: sealed ${sealed} rows in ${sealMs.toFixed(0)} ms (${((sealMs * 1000) / sealed).toFixed(1)} µs a row); verify ${verifyMs.toFixed(0)} ms (${verified.ok ? "intact" : "broken"})`,
    );
  } finally {
    await open.close();
  }
}

await measure("PGlite", await openPglite(null));
const base = process.env.BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const name = `lantern_seal_cost_${process.pid}`;
const admin = new pg.Client({ connectionString: base });
await admin.connect();
await admin.query(`create database ${name}`);
try {
  const url = new URL(base);
  url.pathname = `/${name}`;
  await measure("PostgreSQL", await openPostgres(url.toString(), 2));
} finally {
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}
