import type { Command } from "commander";
import { parseConfig } from "../config.ts";
import { migrateForApp } from "../db/app-role.ts";
import { openDatabase } from "../db/database.ts";
import { failWith } from "./cli-errors.ts";

export function register(program: Command): void {
  program
    .command("migrate")
    .description(
      "Apply the database migrations that have not run yet (as MIGRATION_DATABASE_URL's role when set, then grant DATABASE_URL's role what the app needs)",
    )
    .action(async () => {
      try {
        const config = parseConfig(process.env);
        const database = await openDatabase(config);
        try {
          const { applied } = await migrateForApp(config, database);
          process.stdout.write(applied.length ? `Applied: ${applied.join(", ")}\n` : "The database is up to date\n");
        } finally {
          await database.close();
        }
      } catch (error) {
        failWith(error);
      }
    });
}
