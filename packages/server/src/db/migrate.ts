/** Numbered, forward-only migrations from packages/server/migrations, run at start and by `lantern migrate`. */
import { readdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type Kysely, type Migration, type MigrationProvider, type MigrationResult, Migrator } from "kysely";
import { redactValues } from "../log-errors.ts";

/** Compiled (packages/server/dist/lantern.js, migrations in dist/migrations) or run from source. */
const COMPILED = !import.meta.url.endsWith(".ts");
const EXTENSION = COMPILED ? ".js" : ".ts";

export const MIGRATIONS_DIR = COMPILED
  ? join(dirname(fileURLToPath(import.meta.url)), "migrations")
  : join(dirname(fileURLToPath(import.meta.url)), "..", "..", "migrations");

/** The names of the migrations this Lantern has, in order ("0001-foundation", …). */
export async function knownMigrations(): Promise<string[]> {
  return (await readdir(MIGRATIONS_DIR))
    .filter((f) => /^\d{4}-[a-z0-9-]+\.(ts|js)$/.test(f) && f.endsWith(EXTENSION))
    .map((f) => f.slice(0, -EXTENSION.length))
    .sort();
}

class FolderMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const out: Record<string, Migration> = {};
    for (const name of await knownMigrations()) {
      out[name] = (await import(pathToFileURL(join(MIGRATIONS_DIR, `${name}${EXTENSION}`)).href)) as Migration;
    }
    return out;
  }
}

export class MigrationError extends Error {
  override name = "MigrationError";
}

/** Bring the database to the latest migration. Returns the names of migrations applied now. */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and take any database.
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  // A migration numbered below one already run is refused: migrations run in one order everywhere.
  const migrator = new Migrator({ db, provider: new FolderMigrationProvider(), allowUnorderedMigrations: false });
  const { error, results } = await migrator.migrateToLatest();
  const applied = (results ?? []).filter((r: MigrationResult) => r.status === "Success").map((r) => r.migrationName);
  if (error) {
    const failed = (results ?? []).find((r) => r.status === "Error");
    const reason = redactValues(error instanceof Error ? error.message : String(error));
    throw new MigrationError(`Migration ${failed?.migrationName ?? "(unknown)"} failed: ${reason}`);
  }
  return applied;
}
