/**
 * `lantern import-roster FILE.csv [--district ID|NAME] [--dry-run]`: load a district's student
 * roster from CSV (docs/roster-format.md), as `POST /api/district/roster` does, in one
 * transaction. Prints what it did as JSON on stdout. A file with problems changes nothing and
 * exits 2 with one line naming the first problem's line and column (and how many more there are).
 * The audit trail records the import as made from the command line.
 */
import { readFile } from "node:fs/promises";
import { firstRosterProblemLine, type RosterImportResult, validateRoster } from "@lantern/core";
import type { Command } from "commander";
import type { Kysely } from "kysely";
import { todayIso } from "../clock.ts";
import { parseConfig } from "../config.ts";
import { openDatabase } from "../db/database.ts";
import { migrateToLatest } from "../db/migrate.ts";
import type { Database } from "../db/schema.ts";
import { createUseCaseDeps } from "../deps.ts";
import { isUuid } from "../repositories/access-repository.ts";
import { createRosterRepository } from "../repositories/roster-repository.ts";
import { importRoster, parseRosterCsv } from "../use-cases/roster/import-roster.ts";
import { failWith, UsageError } from "./cli-errors.ts";

async function readRosterFile(file: string): Promise<string> {
  try {
    return await readFile(file, "utf8");
  } catch {
    throw new UsageError(`cannot read ${file}`);
  }
}

/** Check the file on its own (no database needed); throws UsageError naming the first problem. */
function checkRosterText(csv: string, today: string): void {
  const parsed = parseRosterCsv(csv);
  if ("problem" in parsed) throw new UsageError(firstRosterProblemLine([parsed.problem]));
  const validation = validateRoster(parsed.header, parsed.records, { today });
  if (validation.problemCount > 0)
    throw new UsageError(firstRosterProblemLine(validation.problems, validation.problemCount));
}

/** The district to import into: the one named (id or name), or the only one there is. */
async function resolveDistrict(db: Kysely<Database>, wanted: string | undefined): Promise<string> {
  const districts = await createRosterRepository(db).listDistricts();
  if (wanted === undefined) {
    if (districts.length === 1 && districts[0]) return districts[0].id;
    if (districts.length === 0) throw new UsageError("this database has no district yet (run lantern seed first)");
    throw new UsageError(
      `--district is needed: this database has ${districts.length} districts (${districts.map((d) => d.name).join(", ")})`,
    );
  }
  const match = districts.filter((d) =>
    isUuid(wanted) ? d.id === wanted.toLowerCase() : d.name.toLowerCase() === wanted.trim().toLowerCase(),
  );
  if (match.length === 1 && match[0]) return match[0].id;
  throw new UsageError(`--district: no district ${isUuid(wanted) ? "has the id" : "is named"} ${wanted}`);
}

export async function importRosterFile(
  db: Kysely<Database>,
  file: string,
  options: { district?: string; dryRun?: boolean; today?: string },
): Promise<RosterImportResult> {
  const today = options.today ?? todayIso();
  const csv = await readRosterFile(file);
  checkRosterText(csv, today);
  const districtId = await resolveDistrict(db, options.district);
  const outcome = await importRoster(createUseCaseDeps(db), {
    districtId,
    csv,
    dryRun: options.dryRun === true,
    today,
    actor: null,
  });
  if (!outcome.ok) throw new UsageError(firstRosterProblemLine(outcome.problems, outcome.problemCount));
  return outcome.result;
}

export function register(program: Command): void {
  program
    .command("import-roster")
    .description("Load a district's student roster from CSV: schools, students, guardians, case managers")
    .argument("<file>", "the roster as CSV (see docs/roster-format.md)")
    .option("--district <id-or-name>", "the district to load it into (needed when the database has several)")
    .option("--dry-run", "check the file and count what would change, without saving anything")
    .action(async (file: string, options: { district?: string; dryRun?: boolean }) => {
      try {
        // Problems in the file itself are answered before the database is opened.
        checkRosterText(await readRosterFile(file), todayIso());
        const config = parseConfig(process.env);
        const database = await openDatabase(config);
        try {
          await migrateToLatest(database.db);
          const result = await importRosterFile(database.db, file, options);
          process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        } finally {
          await database.close();
        }
      } catch (error) {
        failWith(error);
      }
    });
}
