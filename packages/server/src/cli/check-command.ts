/**
 * `lantern check FILE.json [--today YYYY-MM-DD] [--state CA]`: the compliance findings and legal
 * deadlines of a plan document (IEP or Section 504), as JSON on stdout. Findings do not change
 * the exit code (0); an invalid file exits 2 with one line on stderr naming the JSON path.
 * Days are counted on Lantern's default school calendar.
 */
import { readFile } from "node:fs/promises";
import { checkPlan, defaultSchoolCalendar, isIsoDate, type PlanCheck, validatePlanDocument } from "@lantern/core";
import type { Command } from "commander";
import { failWith, UsageError } from "./cli-errors.ts";

export type CheckOptions = { today?: string | undefined; state?: string | undefined };

function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Read, validate and check a plan file. Throws UsageError on bad input. */
async function checkFile(file: string, options: CheckOptions = {}): Promise<PlanCheck> {
  const today = options.today ?? localToday();
  if (!isIsoDate(today)) throw new UsageError("--today: expected a calendar date written as YYYY-MM-DD");
  const state = options.state?.toUpperCase();
  if (state !== undefined && !/^[A-Z]{2}$/.test(state)) {
    throw new UsageError("--state: expected a two-letter state code, such as CA");
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
  const validation = validatePlanDocument(json);
  if (!validation.ok) {
    const first = validation.issues[0];
    const more = validation.issues.length > 1 ? ` (and ${validation.issues.length - 1} more)` : "";
    throw new UsageError(
      first ? `${first.path === "/" ? "(root)" : first.path}: ${first.message}${more}` : "invalid plan",
    );
  }
  // A calendar wide enough for the plan's clocks (three-year reevaluations, plans a year ahead).
  const year = Number(today.slice(0, 4));
  const calendar = defaultSchoolCalendar(year - 4, year + 4);
  return checkPlan(validation.document, { today, calendar, state });
}

export function register(program: Command): void {
  program
    .command("check")
    .description("Compliance findings and deadlines of a plan document (IEP or Section 504), as JSON")
    .argument("<file>", "plan document JSON (see docs/examples/iep.json)")
    .option("--today <date>", "check as of this date (YYYY-MM-DD); default: today")
    .option("--state <code>", "state rules for counting days (CA: California)")
    .action(async (file: string, options: CheckOptions) => {
      try {
        const result = await checkFile(file, options);
        process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      } catch (error) {
        failWith(error);
      }
    });
}
