/**
 * `lantern` — the command line. Each verb lives in its own `<verb>-command.ts` and is registered
 * here. Bad input exits with code 2 and one line on stderr; other failures exit with 1.
 */
import { Command, CommanderError } from "commander";
import { VERSION } from "../version.ts";
import { register as registerAudit } from "./audit-command.ts";
import { register as registerBackup } from "./backup-command.ts";
import { register as registerCheck } from "./check-command.ts";
import { register as registerImportRoster } from "./import-roster-command.ts";
import { register as registerMigrate } from "./migrate-command.ts";
import { register as registerMinutes } from "./minutes-command.ts";
import { register as registerNavigate } from "./navigate-command.ts";
import { register as registerPlan } from "./plan-command.ts";
import { register as registerSeed } from "./seed-command.ts";
import { register as registerStart } from "./start-command.ts";

function buildProgram(): Command {
  const program = new Command("lantern")
    .description("Lantern: IEP and Section 504 plans — navigator, plan workspace, compliance and enforcement")
    .version(VERSION)
    .showHelpAfterError("(run lantern --help for the verbs)")
    .exitOverride();
  registerStart(program);
  registerMigrate(program);
  registerSeed(program);
  registerMinutes(program);
  registerNavigate(program);
  registerCheck(program);
  registerPlan(program);
  registerImportRoster(program);
  registerAudit(program);
  registerBackup(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? 0 : 2;
      return;
    }
    throw error;
  }
}
