/**
 * The benchmark databases: one per (students, seed, migrations), built once with the synthetic
 * district and reused by later runs. PostgreSQL: database `lantern_bench_<N>_s<seed>` on the server
 * in BENCH_POSTGRES_URL (default the local one). PGlite: bench/.data/pglite-<N>-s<seed>.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { isSyntheticSeeded, type SyntheticSummary, seedSynthetic } from "../../packages/server/seeds/synthetic.ts";
import { todayIso } from "../../packages/server/src/clock.ts";
import { type OpenDatabase, openPglite, openPostgres } from "../../packages/server/src/db/database.ts";
import { migrateToLatest } from "../../packages/server/src/db/migrate.ts";

export type BenchDbKind = "pglite" | "postgres";

export const BENCH_DIR = join(dirname(fileURLToPath(import.meta.url)), "..");
const MIGRATIONS_DIR = join(BENCH_DIR, "..", "packages", "server", "migrations");

export type PreparedDatabase = {
  kind: BenchDbKind;
  /** Environment for the server process. */
  env: Record<string, string>;
  summary: SyntheticSummary;
  /** Seconds spent building it now (null when reused). */
  builtSeconds: number | null;
  open(): Promise<OpenDatabase>;
};

/** What the stored district depends on: the migrations and the generator's source (every file of it). */
function migrationsKey(): string {
  const seeds = join(BENCH_DIR, "..", "packages", "server", "seeds");
  const sources = [
    join(seeds, "synthetic.ts"),
    ...readdirSync(join(seeds, "synthetic"))
      .filter((f) => f.endsWith(".ts"))
      .sort()
      .map((f) => join(seeds, "synthetic", f)),
  ];
  const digest = createHash("sha256");
  for (const file of sources) digest.update(readFileSync(file));
  const generator = digest.digest("hex").slice(0, 16);
  const migrations = readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d{4}-.*\.ts$/.test(f) && !f.endsWith(".test.ts"))
    .sort()
    .join(",");
  return `${migrations};generator ${generator}`;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function prepareDatabase(
  kind: BenchDbKind,
  students: number,
  seed: number,
  options: { rebuild: boolean; log: (line: string) => void },
): Promise<PreparedDatabase> {
  const key = migrationsKey();
  const today = todayIso();
  const valid = (s: SyntheticSummary | null, meta: string | null) =>
    s !== null && s.students === students && s.seed === seed && s.today === today && meta === key;

  if (kind === "postgres") {
    const admin = process.env.BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
    const name = `lantern_bench_${students}_s${seed}`;
    const url = withDatabase(admin, name);
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    try {
      const exists = (await client.query("select 1 from pg_database where datname = $1", [name])).rowCount === 1;
      let reuse = false;
      if (exists && !options.rebuild) {
        const open = await openPostgres(url, 2);
        try {
          reuse = valid(await isSyntheticSeeded(open.db), await migrationsMeta(open));
        } finally {
          await open.close();
        }
      }
      let builtSeconds: number | null = null;
      if (!reuse) {
        await client.query(`drop database if exists ${name} with (force)`);
        await client.query(`create database ${name}`);
        builtSeconds = await build(() => openPostgres(url, 2), students, seed, today, key, options.log, "PostgreSQL");
      }
      const open = await openPostgres(url, 2);
      const summary = (await isSyntheticSeeded(open.db)) as SyntheticSummary;
      await open.close();
      return { kind, env: { DATABASE_URL: url }, summary, builtSeconds, open: () => openPostgres(url, 10) };
    } finally {
      await client.end();
    }
  }

  const dir = join(BENCH_DIR, ".data", `pglite-${students}-s${seed}`);
  let reuse = false;
  if (!options.rebuild) {
    try {
      const open = await openPglite(dir);
      try {
        reuse = valid(await isSyntheticSeeded(open.db).catch(() => null), await migrationsMeta(open));
      } finally {
        await open.close();
      }
    } catch {
      reuse = false;
    }
  }
  let builtSeconds: number | null = null;
  if (!reuse) {
    rmSync(dir, { recursive: true, force: true });
    builtSeconds = await build(() => openPglite(dir), students, seed, today, key, options.log, "PGlite");
  }
  const open = await openPglite(dir);
  const summary = (await isSyntheticSeeded(open.db)) as SyntheticSummary;
  await open.close();
  return { kind, env: { BENCH_PGLITE_DIR: dir }, summary, builtSeconds, open: () => openPglite(dir) };
}

async function migrationsMeta(open: OpenDatabase): Promise<string | null> {
  const row = await open.db
    .selectFrom("app_meta")
    .select("value")
    .where("key", "=", "bench-migrations")
    .executeTakeFirst()
    .catch(() => undefined);
  return row ? String(row.value) : null;
}

async function build(
  openIt: () => Promise<OpenDatabase>,
  students: number,
  seed: number,
  today: string,
  key: string,
  log: (line: string) => void,
  label: string,
): Promise<number> {
  log(`Building the synthetic district on ${label}: ${students} students, seed ${seed}`);
  const open = await openIt();
  try {
    await migrateToLatest(open.db);
    const started = performance.now();
    await seedSynthetic(open.db, { students, seed, today, progress: true });
    const seconds = (performance.now() - started) / 1000;
    await open.db
      .insertInto("app_meta")
      .values({ key: "bench-migrations", value: JSON.stringify(key) })
      .execute();
    return seconds;
  } finally {
    await open.close();
  }
}
