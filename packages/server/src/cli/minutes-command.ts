/**
 * `lantern minutes FILE.json [--through YYYY-MM-DD]`: required, delivered, missed (by reason), made
 * up and compensatory minutes owed, per service, from a service-log document
 * (docs/service-log-format.md). Output is JSON on stdout; bad input exits 2 with one line on stderr
 * naming the JSON path.
 */
import { readFile } from "node:fs/promises";
import {
  firstIssueLine,
  isIsoDate,
  issuesFromZod,
  type ServiceLogSummary,
  summarizeServiceLog,
  ZServiceLog,
} from "@lantern/core";
import type { Command } from "commander";
import { failWith, UsageError } from "./cli-errors.ts";

/** Read, validate and summarize a service-log file. Throws UsageError on bad input. */
async function minutesFromFile(file: string, through?: string): Promise<ServiceLogSummary> {
  if (through !== undefined && !isIsoDate(through)) {
    throw new UsageError("--through: expected a calendar date written as YYYY-MM-DD");
  }
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    throw new UsageError(`cannot read ${file}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`(root): not valid JSON (${error instanceof Error ? error.message : "parse error"})`);
  }
  const parsed = ZServiceLog.safeParse(json);
  if (!parsed.success) throw new UsageError(firstIssueLine(issuesFromZod(parsed.error.issues)));
  return summarizeServiceLog(parsed.data, through === undefined ? {} : { through });
}

export function register(program: Command): void {
  program
    .command("minutes")
    .description("Service minutes from a service-log file: required, delivered, missed, made up, compensatory owed")
    .argument("<file>", "service-log JSON document (see docs/service-log-format.md)")
    .option("--through <date>", "count through this date (YYYY-MM-DD)")
    .action(async (file: string, options: { through?: string }) => {
      try {
        const summary = await minutesFromFile(file, options.through);
        process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
      } catch (error) {
        failWith(error);
      }
    });
}
