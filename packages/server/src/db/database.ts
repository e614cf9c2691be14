/**
 * Open the one PostgreSQL dialect Lantern speaks: embedded PGlite in DATA_DIR by default, or a
 * PostgreSQL server when DATABASE_URL is set. Both return dates as "YYYY-MM-DD" strings and
 * 64-bit integers as numbers, so code above this file never sees a driver difference.
 */
import { accessSync, constants, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient } from "kysely";
import pg from "pg";
import type { Config } from "../config.ts";
import { type DataDirLock, DataDirLockedError, lockDataDir } from "./data-dir-lock.ts";
import { PGliteDialect, PGliteThread } from "./pglite-dialect.ts";
import { preparedStatementName } from "./prepared-statements.ts";
import type { Database } from "./schema.ts";

export type DatabaseKind = "pglite" | "postgres";

export type OpenDatabase = {
  db: Kysely<Database>;
  kind: DatabaseKind;
  close(): Promise<void>;
  /** The embedded database's thread (PGlite only), for whole-database operations such as a backup. */
  pglite?: PGliteThread;
};

export class DatabaseOpenError extends Error {
  override name = "DatabaseOpenError";
}

const INT8 = 20;
const DATE = 1082;

pg.types.setTypeParser(INT8, (v: string) => Number(v));
pg.types.setTypeParser(DATE, (v: string) => v);

/** Open the database named by the configuration (does not migrate). */
export async function openDatabase(
  config: Pick<Config, "DATABASE_URL" | "DATABASE_POOL_SIZE" | "DATA_DIR">,
): Promise<OpenDatabase> {
  if (config.DATABASE_URL) return openPostgres(config.DATABASE_URL, config.DATABASE_POOL_SIZE);
  return openPglite(resolve(config.DATA_DIR));
}

export async function openPostgres(url: string, poolSize = 10): Promise<OpenDatabase> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5000 });
  pool.on("error", () => {
    // An idle client lost its connection; the pool replaces it on next use.
  });
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => {});
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatabaseOpenError(`Cannot reach the PostgreSQL server in DATABASE_URL (${redact(url)}): ${reason}`);
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) });
  return { db, kind: "postgres", close: () => db.destroy() };
}

/**
 * The pool as Kysely's PostgreSQL dialect sees it, except that a statement marked by `prepared`
 * runs as a named prepared statement (`pg` parses it once per connection and reuses it).
 */
function preparingPool(pool: pg.Pool): PostgresPool {
  const facades = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const facadeOf = (client: pg.PoolClient): PostgresPoolClient => ({
    // biome-ignore lint/suspicious/noExplicitAny: forwards both of Kysely's call shapes (SQL + values, or a cursor).
    query: ((text: any, values?: readonly unknown[]) => {
      const name = typeof text === "string" ? preparedStatementName(text) : undefined;
      if (name !== undefined) return client.query({ name, text, values: values ? [...values] : [] });
      return values === undefined ? client.query(text) : client.query(text, [...values]);
    }) as PostgresPoolClient["query"],
    release: () => client.release(),
  });
  return {
    async connect() {
      const client = await pool.connect();
      let facade = facades.get(client);
      if (!facade) {
        facade = facadeOf(client);
        facades.set(client, facade);
      }
      return facade;
    },
    end: () => pool.end(),
  };
}

/**
 * Open (creating when absent) a PGlite database in `dataDir`/pglite; `dataDir` null = in memory;
 * `load` = a backup to unpack into it first (see backup.ts).
 * The database runs in its own worker thread (see pglite-dialect.ts).
 */
export async function openPglite(dataDir: string | null, options: { load?: Uint8Array } = {}): Promise<OpenDatabase> {
  let path: string | null = null;
  if (dataDir !== null) {
    try {
      mkdirSync(dataDir, { recursive: true });
      accessSync(dataDir, constants.W_OK);
    } catch {
      throw new DatabaseOpenError(`The data directory ${dataDir} cannot be created or written (check DATA_DIR)`);
    }
    path = join(dataDir, "pglite");
  }
  // One process per folder (see data-dir-lock.ts); an in-memory database is this process's own.
  let lock: DataDirLock | null = null;
  if (dataDir !== null) {
    try {
      lock = lockDataDir(dataDir);
    } catch (error) {
      if (error instanceof DataDirLockedError) throw new DatabaseOpenError(error.message);
      throw error;
    }
  }
  let thread: PGliteThread;
  try {
    thread = await PGliteThread.start(path, options);
  } catch (error) {
    lock?.release();
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatabaseOpenError(`Cannot open the embedded database in ${path ?? "memory"}: ${reason}`);
  }
  const db = new Kysely<Database>({ dialect: new PGliteDialect(thread) });
  return {
    db,
    kind: "pglite",
    pglite: thread,
    close: async () => {
      try {
        await db.destroy();
      } finally {
        lock?.release();
      }
    },
  };
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
}
