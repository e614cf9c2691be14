/**
 * Real databases for tests: a fresh in-memory PGlite, or a fresh database on the PostgreSQL
 * server — migrated, and seeded with the demo district when asked.
 */
import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import pg from "pg";
import { inject } from "vitest";
import { type DemoIds, seedDemo } from "../../seeds/demo.ts";
import { type OpenDatabase, openPglite, openPostgres } from "../../src/db/database.ts";
import { migrateToLatest } from "../../src/db/migrate.ts";
import type { Database } from "../../src/db/schema.ts";

export const DATABASE_KINDS = ["pglite", "postgres"] as const;
export type DatabaseKindUnderTest = (typeof DATABASE_KINDS)[number];

/** A fixed "today" so that seeded ages and deadlines are stable. */
export const TEST_TODAY = "2026-11-23";

export type TestDatabase = {
  kind: DatabaseKindUnderTest;
  db: Kysely<Database>;
  ids: DemoIds | null;
  /** The PostgreSQL address (null for PGlite), for a second connection pool in the same test. */
  url: string | null;
  close(): Promise<void>;
};

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function createTestDatabase(
  kind: DatabaseKindUnderTest,
  options: { seed?: boolean; migrate?: boolean } = {},
): Promise<TestDatabase> {
  let open: OpenDatabase;
  let drop = async () => {};
  let url: string | null = null;
  if (kind === "pglite") {
    open = await openPglite(null);
  } else {
    const adminUrl = inject("postgresUrl");
    const name = `lantern_test_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    url = withDatabase(adminUrl, name);
    open = await openPostgres(url, 5);
    drop = async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  }
  if (options.migrate !== false) await migrateToLatest(open.db);
  const ids = options.seed === false || options.migrate === false ? null : await seedDemo(open.db, TEST_TODAY);
  return {
    kind,
    db: open.db,
    ids,
    url,
    async close() {
      await open.close();
      await drop();
    },
  };
}
