/**
 * Databases made once per test run and copied for each suite: migrating and seeding the demo
 * district takes seconds, copying a finished one a fraction of that. On PostgreSQL a copy is
 * `CREATE DATABASE … TEMPLATE`; on PGlite it is a dump of the data folder loaded into a new
 * in-memory instance. The seeded copies of one kind share one set of ids, handed to every suite.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { type DemoIds, seedDemo } from "../../seeds/demo.ts";
import { openPglite, openPostgres } from "../../src/db/database.ts";
import { migrateToLatest } from "../../src/db/migrate.ts";

/** The seed's ids in a form `provide` can pass to the test workers (no Map). */
export type SerializedDemoIds = Omit<DemoIds, "students"> & { students: Array<[string, string]> };

export type DatabaseTemplates = {
  /** Dumps of PGlite data folders, as files. */
  pglite: { migrated: string; seeded: string };
  /** Template databases on the test PostgreSQL server. */
  postgres: { migrated: string; seeded: string };
  /** The seed's ids, the same in every seeded copy of one kind. */
  ids: { pglite: SerializedDemoIds; postgres: SerializedDemoIds };
};

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function adminQuery(adminUrl: string, text: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(text);
  } finally {
    await admin.end();
  }
}

export function serializeIds(ids: DemoIds): SerializedDemoIds {
  return { ...ids, students: [...ids.students] };
}

export function deserializeIds(ids: SerializedDemoIds): DemoIds {
  return { ...ids, students: new Map(ids.students) };
}

/** Builds the four templates; the returned function removes them. */
export async function buildDatabaseTemplates(
  adminUrl: string,
  today: string,
): Promise<{ templates: DatabaseTemplates; remove(): Promise<void> }> {
  const folder = mkdtempSync(join(tmpdir(), "lantern-templates-"));
  const suffix = randomBytes(4).toString("hex");
  const names = { migrated: `lantern_template_migrated_${suffix}`, seeded: `lantern_template_seeded_${suffix}` };

  const pgliteFiles = { migrated: join(folder, "migrated.tar.gz"), seeded: join(folder, "seeded.tar.gz") };
  const embedded = await openPglite(null);
  let ids: DemoIds | null;
  try {
    await migrateToLatest(embedded.db);
    writeFileSync(pgliteFiles.migrated, await (embedded.pglite as NonNullable<typeof embedded.pglite>).dump());
    ids = await seedDemo(embedded.db, today);
    writeFileSync(pgliteFiles.seeded, await (embedded.pglite as NonNullable<typeof embedded.pglite>).dump());
  } finally {
    await embedded.close();
  }
  if (!ids) throw new Error("the demo district was already seeded in a new database");

  await adminQuery(adminUrl, `create database ${names.migrated}`);
  const server = await openPostgres(withDatabase(adminUrl, names.migrated), 2);
  try {
    await migrateToLatest(server.db);
  } finally {
    await server.close();
  }
  await adminQuery(adminUrl, `create database ${names.seeded} template ${names.migrated}`);
  const seeded = await openPostgres(withDatabase(adminUrl, names.seeded), 2);
  let serverIds: DemoIds | null;
  try {
    serverIds = await seedDemo(seeded.db, today);
  } finally {
    await seeded.close();
  }
  if (!serverIds) throw new Error("the demo district was already seeded in a new database");

  return {
    templates: {
      pglite: pgliteFiles,
      postgres: names,
      ids: { pglite: serializeIds(ids), postgres: serializeIds(serverIds) },
    },
    async remove() {
      rmSync(folder, { recursive: true, force: true });
      for (const name of Object.values(names))
        await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
    },
  };
}
