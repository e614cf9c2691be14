/**
 * Real databases for tests: a fresh in-memory PGlite, or a fresh database on the PostgreSQL
 * server — migrated, and seeded with the demo district when asked. Migrated and seeded databases
 * are copies of templates made once per run (database-templates.ts); `migrate: false` gives an
 * empty one.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Kysely } from "kysely";
import { inject } from "vitest";
import type { DemoIds } from "../../seeds/demo.ts";
import { type OpenDatabase, openPglite, openPostgres } from "../../src/db/database.ts";
import type { Database } from "../../src/db/schema.ts";
import { adminQuery, deserializeIds, withDatabase } from "./database-templates.ts";

export { TEST_TODAY } from "./test-today.ts";

export const DATABASE_KINDS = ["pglite", "postgres"] as const;
export type DatabaseKindUnderTest = (typeof DATABASE_KINDS)[number];

export type TestDatabase = {
  kind: DatabaseKindUnderTest;
  db: Kysely<Database>;
  ids: DemoIds | null;
  /** The PostgreSQL address (null for PGlite), for a second connection pool in the same test. */
  url: string | null;
  close(): Promise<void>;
};

/** The PGlite dumps, read once per test worker. */
const dumps = new Map<string, Uint8Array>();
function dump(file: string): Uint8Array {
  let bytes = dumps.get(file);
  if (!bytes) {
    bytes = new Uint8Array(readFileSync(file));
    dumps.set(file, bytes);
  }
  return bytes;
}

export async function createTestDatabase(
  kind: DatabaseKindUnderTest,
  options: { seed?: boolean; migrate?: boolean } = {},
): Promise<TestDatabase> {
  const templates = inject("databaseTemplates");
  const template = options.migrate === false ? null : options.seed === false ? "migrated" : "seeded";
  let open: OpenDatabase;
  let drop = async () => {};
  let url: string | null = null;
  if (kind === "pglite") {
    open = await openPglite(null, template ? { load: dump(templates.pglite[template]) } : {});
  } else {
    const adminUrl = inject("postgresUrl");
    const name = `lantern_test_${randomBytes(6).toString("hex")}`;
    await adminQuery(adminUrl, `create database ${name}${template ? ` template ${templates.postgres[template]}` : ""}`);
    url = withDatabase(adminUrl, name);
    open = await openPostgres(url, 5);
    drop = () => adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
  }
  return {
    kind,
    db: open.db,
    ids: template === "seeded" ? deserializeIds(templates.ids[kind]) : null,
    url,
    async close() {
      await open.close();
      await drop();
    },
  };
}
