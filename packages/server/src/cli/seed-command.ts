import type { Command } from "commander";
import { isSeeded, seedDemo } from "../../seeds/demo.ts";
import { demoAccountsTable } from "../../seeds/demo-accounts.ts";
import { todayIso } from "../clock.ts";
import { parseConfig } from "../config.ts";
import { openDatabase } from "../db/database.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { failWith, UsageError } from "./cli-errors.ts";

export function register(program: Command): void {
  program
    .command("seed")
    .description("Seed the fictional demo district (once); --synthetic builds a large synthetic district")
    .option("--synthetic", "generate a synthetic district (see --students)")
    .option("--students <n>", "students in the synthetic district", "100000")
    .option("--seed <n>", "random seed for the synthetic district", "1")
    .action(async (options: { synthetic?: boolean; students: string; seed: string }) => {
      try {
        const config = parseConfig(process.env);
        const database = await openDatabase(config);
        try {
          await migrateToLatest(database.db);
          if (options.synthetic) {
            const students = Number(options.students);
            const seed = Number(options.seed);
            if (!Number.isInteger(students) || students < 1)
              throw new UsageError("--students must be a whole number ≥ 1");
            if (!Number.isInteger(seed)) throw new UsageError("--seed must be a whole number");
            const { seedSynthetic } = await import("../../seeds/synthetic.ts");
            await seedSynthetic(database.db, { students, seed, today: todayIso(), progress: true });
            return;
          }
          if (await isSeeded(database.db)) {
            process.stdout.write("The demo district is already seeded\n");
            return;
          }
          await seedDemo(database.db, todayIso());
          process.stdout.write(`Seeded the demo district.\n${demoAccountsTable()}\n`);
        } finally {
          await database.close();
        }
      } catch (error) {
        failWith(error);
      }
    });
}
