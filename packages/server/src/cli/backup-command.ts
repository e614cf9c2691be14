import type { Command } from "commander";
import { parseConfig } from "../config.ts";
import { backupDatabase, restoreDatabase } from "../db/backup.ts";
import { failWith } from "./cli-errors.ts";

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function register(program: Command): void {
  program
    .command("backup")
    .description("Write a consistent copy of the database to FILE (pg_dump for PostgreSQL); safe while the server runs")
    .argument("<file>", "where to write the backup")
    .action(async (file: string) => {
      try {
        const config = parseConfig(process.env);
        const started = performance.now();
        const { kind, bytes } = await backupDatabase(config, file);
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        const what = kind === "postgres" ? "the PostgreSQL database" : `the embedded database in ${config.DATA_DIR}`;
        process.stdout.write(`Backed up ${what} to ${file} (${mb(bytes)}, ${seconds} s)\n`);
      } catch (error) {
        failWith(error);
      }
    });

  program
    .command("restore")
    .description(
      "Restore FILE (from lantern backup) into an empty database; refuses a file from a newer Lantern (exit 2)",
    )
    .argument("<file>", "a file written by lantern backup")
    .action(async (file: string) => {
      try {
        const config = parseConfig(process.env);
        const started = performance.now();
        const { kind, migrations } = await restoreDatabase(config, file);
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        const where = kind === "postgres" ? "the PostgreSQL database" : `the embedded database in ${config.DATA_DIR}`;
        process.stdout.write(`Restored ${file} into ${where} (${migrations} migrations, ${seconds} s)\n`);
      } catch (error) {
        failWith(error);
      }
    });
}
