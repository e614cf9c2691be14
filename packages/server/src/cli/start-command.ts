import type { Command } from "commander";
import { demoAccountsTable } from "../../seeds/demo-accounts.ts";
import { startServer } from "../server.ts";
import { failWith } from "./cli-errors.ts";

export function register(program: Command): void {
  program
    .command("start")
    .description("Migrate the database, seed the demo district on first start, and serve the app")
    .option("--no-seed", "do not seed the demo district on an empty database")
    .action(async (options: { seed: boolean }) => {
      try {
        const server = await startServer({ env: process.env, seed: options.seed });
        const where =
          server.database.kind === "pglite" ? `embedded database in ${server.config.DATA_DIR}` : "PostgreSQL server";
        process.stdout.write(
          `Lantern is running at ${server.url} (${where}${server.seededNow ? ", demo district seeded" : ""})\n${demoAccountsTable()}\nAPI docs: ${server.url}/api/docs\n`,
        );
        const stop = async () => {
          await server.close();
          process.exit(0);
        };
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
      } catch (error) {
        failWith(error);
      }
    });
}
