import type { Command } from "commander";
import { parseConfig } from "../config.ts";
import { openDatabase } from "../db/database.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { failWith } from "./cli-errors.ts";

export function register(program: Command): void {
  program
    .command("migrate")
    .description("Apply the database migrations that have not run yet")
    .action(async () => {
      try {
        const config = parseConfig(process.env);
        const database = await openDatabase(config);
        try {
          const applied = await migrateToLatest(database.db);
          process.stdout.write(applied.length ? `Applied: ${applied.join(", ")}\n` : "The database is up to date\n");
        } finally {
          await database.close();
        }
      } catch (error) {
        failWith(error);
      }
    });
}
