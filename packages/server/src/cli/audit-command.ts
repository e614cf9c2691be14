import { readFileSync, writeFileSync } from "node:fs";
import type { Command } from "commander";
import { parseConfig } from "../config.ts";
import {
  type AuditHead,
  describeVerification,
  exportAuditHead,
  parseAuditHead,
  verifyAudit,
} from "../db/audit-chain.ts";
import { openDatabase } from "../db/database.ts";
import { failWith, UsageError } from "./cli-errors.ts";

export function register(program: Command): void {
  const audit = program
    .command("audit")
    .description("Check the record of access and the audit trail for tampering, or export their chain's head");

  audit
    .command("verify")
    .description("Recompute every seal and sealed row; exit 1 naming the first broken link (table and row id)")
    .option("--head <file>", "also check that the chain still ends where this exported head says")
    .action(async (options: { head?: string }) => {
      try {
        let head: AuditHead | undefined;
        if (options.head) {
          let text: string;
          try {
            text = readFileSync(options.head, "utf8");
          } catch {
            throw new UsageError(`cannot read ${options.head}`);
          }
          const parsed = parseAuditHead(text);
          if (typeof parsed === "string") throw new UsageError(`${options.head}: ${parsed}`);
          head = parsed;
        }
        const config = parseConfig(process.env);
        const database = await openDatabase(config);
        try {
          const result = await verifyAudit(database.db, head);
          process.stdout.write(`${describeVerification(result)}\n`);
          if (!result.ok) process.exitCode = 1;
        } finally {
          await database.close();
        }
      } catch (error) {
        failWith(error);
      }
    });

  audit
    .command("head")
    .description(
      "Seal what is committed and print the chain's head (JSON) to keep where the database's owner cannot reach",
    )
    .option("-o, --output <file>", "write the head to this file instead of standard output")
    .action(async (options: { output?: string }) => {
      try {
        const config = parseConfig(process.env);
        const database = await openDatabase(config);
        try {
          const head = await exportAuditHead(database.db);
          const text = `${JSON.stringify(head, null, 2)}\n`;
          if (options.output) writeFileSync(options.output, text);
          else process.stdout.write(text);
        } finally {
          await database.close();
        }
      } catch (error) {
        failWith(error);
      }
    });
}
