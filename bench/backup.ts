/**
 * `npm run bench:backup [-- --students N] [--db pglite|postgres|both]`
 *
 * Time and size of `lantern backup` and `lantern restore` (the compiled command, as an operator
 * runs it) on the synthetic district: PostgreSQL (pg_dump / pg_restore into a new database) and
 * the embedded database (the data folder's tarball, unpacked into an empty folder). The stored
 * district is reused (see lib/database.ts). Writes bench/results/<time>-backup-<N>.json.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { sql } from "kysely";
import pg from "pg";
import { BENCH_DIR, type BenchDbKind, prepareDatabase } from "./lib/database.ts";

const opts = new Command()
  .option("--students <n>", "students in the synthetic district", "100000")
  .option("--db <kind>", "pglite, postgres or both", "both")
  .parse(process.argv.slice(2), { from: "user" })
  .opts<{ students: string; db: string }>();
const students = Number(opts.students);
const kinds: BenchDbKind[] = opts.db === "both" ? ["postgres", "pglite"] : [opts.db as BenchDbKind];
const log = (line: string) => process.stderr.write(`${line}\n`);
const BIN = join(BENCH_DIR, "..", "bin", "lantern.js");

function lantern(args: string[], env: Record<string, string>): number {
  const started = performance.now();
  const r = spawnSync(process.execPath, [BIN, ...args], {
    env: { ...process.env, DATABASE_URL: "", MIGRATION_DATABASE_URL: "", ...env },
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`lantern ${args.join(" ")} failed: ${r.stderr}`);
  log(`  ${r.stdout.trim()}`);
  return (performance.now() - started) / 1000;
}

const build = spawnSync("npm", ["run", "build:server"], { stdio: "inherit" });
if (build.status !== 0) process.exit(1);

type Result = {
  kind: BenchDbKind;
  rows: number;
  databaseMb: number;
  backupSeconds: number;
  fileMb: number;
  restoreSeconds: number;
};
const results: Result[] = [];
for (const kind of kinds) {
  const prepared = await prepareDatabase(kind, students, 1, { rebuild: false, log });
  const open = await prepared.open();
  let rows = 0;
  let databaseMb = 0;
  try {
    const tables = await sql<{
      name: string;
    }>`select tablename as name from pg_tables where schemaname = 'public'`.execute(open.db);
    for (const { name } of tables.rows) {
      const r = await sql<{ n: number }>`select count(*)::int8 as n from ${sql.table(name)}`.execute(open.db);
      rows += Number(r.rows[0]?.n ?? 0);
    }
    const s = await sql<{ b: number }>`select pg_database_size(current_database())::int8 as b`.execute(open.db);
    databaseMb = Number(s.rows[0]?.b ?? 0) / 1024 / 1024;
  } finally {
    await open.close();
  }
  const dir = mkdtempSync(join(tmpdir(), "lantern-bench-backup-"));
  const file = join(dir, kind === "postgres" ? "lantern.dump" : "lantern.tar.gz");
  log(`${kind}: ${students} students, ${rows} rows, ${databaseMb.toFixed(0)} MB`);
  const source =
    kind === "postgres"
      ? { DATABASE_URL: prepared.env.DATABASE_URL as string }
      : { DATA_DIR: prepared.env.BENCH_PGLITE_DIR as string };
  const backupSeconds = lantern(["backup", file], source);
  const fileMb = statSync(file).size / 1024 / 1024;
  let restoreSeconds: number;
  if (kind === "postgres") {
    const url = new URL(prepared.env.DATABASE_URL as string);
    const name = `lantern_bench_restore_${process.pid}`;
    const admin = new pg.Client({ connectionString: url.toString() });
    await admin.connect();
    await admin.query(`create database ${name}`);
    url.pathname = `/${name}`;
    try {
      restoreSeconds = lantern(["restore", file], { DATABASE_URL: url.toString() });
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  } else {
    const target = join(dir, "restored");
    mkdirSync(target);
    restoreSeconds = lantern(["restore", file], { DATA_DIR: target });
  }
  rmSync(dir, { recursive: true, force: true });
  const result = { kind, rows, databaseMb, backupSeconds, fileMb, restoreSeconds };
  log(`  backup ${backupSeconds.toFixed(1)} s, ${fileMb.toFixed(0)} MB; restore ${restoreSeconds.toFixed(1)} s`);
  results.push(result);
}

const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const out = join(BENCH_DIR, "results", `${stamp}-backup-${students}.json`);
writeFileSync(out, `${JSON.stringify({ students, cpus: cpus().length, results }, null, 2)}\n`);
log(`Wrote ${out}`);
