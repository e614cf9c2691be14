/**
 * `lantern navigate FILE.json` (or `-` for stdin): the eligibility navigator on the command line.
 * Reads the facts (the navigator contract), prints the result as JSON on stdout. Bad input (not
 * JSON, a missing field, a wrong type, an unknown slug) exits 2 with one line on stderr naming
 * the field.
 */
import { readFile } from "node:fs/promises";
import { firstIssueLine, issuesFromZod, type NavigatorResult, navigate, ZNavigatorFacts } from "@lantern/core";
import type { Command } from "commander";
import { failWith, UsageError } from "./cli-errors.ts";

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString("utf8");
}

/** Parse facts from JSON text and run the navigator. Throws UsageError on bad input. */
function navigateText(text: string): NavigatorResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/\s+/g, " ") : "parse error";
    throw new UsageError(`(root): not valid JSON (${reason})`);
  }
  const parsed = ZNavigatorFacts.safeParse(json);
  if (!parsed.success) throw new UsageError(firstIssueLine(issuesFromZod(parsed.error.issues)));
  return navigate(parsed.data);
}

async function navigateFile(file: string): Promise<NavigatorResult> {
  let text: string;
  if (file === "-") {
    text = await readStdin();
  } else {
    try {
      text = await readFile(file, "utf8");
    } catch {
      throw new UsageError(`cannot read ${file}`);
    }
  }
  return navigateText(text);
}

export function register(program: Command): void {
  program
    .command("navigate")
    .description("Eligibility navigator: does the law point to an IEP, a 504 plan, an evaluation, or no plan — and why")
    .argument("<file>", "facts as JSON (see docs/navigator.md), or - to read standard input")
    .action(async (file: string) => {
      try {
        const result = await navigateFile(file);
        process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      } catch (error) {
        failWith(error);
      }
    });
}
