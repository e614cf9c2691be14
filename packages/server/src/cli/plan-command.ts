/**
 * `lantern plan …`: plan documents from the command line (format: docs/plan-format.md).
 *
 *   lantern plan validate FILE.json              check a plan (or a sealed plan) file; JSON summary on stdout
 *   lantern plan pdf FILE.json -o OUT.pdf        render the full plan, or --kind parent-summary | at-a-glance | prior-written-notice | meeting-notice
 *   lantern plan hash FILE.json                  SHA-256 of the canonical JSON (the value a seal holds)
 *   lantern plan schema [-o FILE]                the JSON Schema of a plan document
 *
 * FILE may be "-" for standard input. Bad input exits 2 with one line on stderr naming the JSON path.
 */
import { readFile, writeFile } from "node:fs/promises";
import {
  firstIssueLine,
  hashPlanContent,
  issuesFromZod,
  PLAN_PDF_KINDS,
  type PlanDocument,
  type PlanPdfKind,
  type PlanSeal,
  planDocumentJsonSchema,
  verifyPlanSeal,
  ZPlanDocument,
  ZPlanSeal,
} from "@lantern/core";
import type { Command } from "commander";
import { renderPlanPdf } from "../pdf/plan-pdf.ts";
import { failWith, UsageError } from "./cli-errors.ts";

export type LoadedPlan = {
  document: PlanDocument;
  /** The content as written in the file (what a seal covers). */
  raw: unknown;
  seal: PlanSeal | null;
};

async function readInput(file: string): Promise<string> {
  if (file === "-") {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  }
  try {
    return await readFile(file, "utf8");
  } catch {
    throw new UsageError(`cannot read ${file}`);
  }
}

/**
 * Parse a plan file: a plan document, or `{ "document": …, "seal": … }` for a sealed version
 * (the seal must match the document). Throws UsageError naming the JSON path of the first problem.
 */
export function parsePlanFile(text: string): LoadedPlan {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`(root): not valid JSON (${error instanceof Error ? error.message : "parse error"})`);
  }
  const isSealedFile =
    json !== null && typeof json === "object" && !Array.isArray(json) && "seal" in json && "document" in json;
  if (isSealedFile) {
    const { document: raw, seal: rawSeal } = json as { document: unknown; seal: unknown };
    const seal = ZPlanSeal.safeParse(rawSeal);
    if (!seal.success) {
      throw new UsageError(
        firstIssueLine(issuesFromZod(seal.error.issues.map((i) => ({ ...i, path: ["seal", ...i.path] })))),
      );
    }
    const parsed = ZPlanDocument.safeParse(raw);
    if (!parsed.success) {
      throw new UsageError(
        firstIssueLine(issuesFromZod(parsed.error.issues.map((i) => ({ ...i, path: ["document", ...i.path] })))),
      );
    }
    if (!verifyPlanSeal(raw, seal.data)) {
      throw new UsageError(
        "/seal/hash: does not match the SHA-256 of the document's canonical JSON (the content changed after sealing)",
      );
    }
    return { document: parsed.data, raw, seal: seal.data };
  }
  const parsed = ZPlanDocument.safeParse(json);
  if (!parsed.success) throw new UsageError(firstIssueLine(issuesFromZod(parsed.error.issues)));
  return { document: parsed.data, raw: json, seal: null };
}

async function loadPlanFile(file: string): Promise<LoadedPlan> {
  return parsePlanFile(await readInput(file));
}

export function planSchemaText(): string {
  return `${JSON.stringify(planDocumentJsonSchema(), null, 2)}\n`;
}

export function register(program: Command): void {
  const plan = program.command("plan").description("IEP and Section 504 plan documents (see docs/plan-format.md)");

  plan
    .command("validate")
    .description(
      "Check a plan document (or a sealed plan) against the format; exit 2 naming the JSON path when invalid",
    )
    .argument("<file>", 'plan JSON file, or "-" for standard input')
    .action(async (file: string) => {
      try {
        const { document, seal } = await loadPlanFile(file);
        const summary = {
          valid: true,
          type: document.type,
          sealed: seal !== null,
          sha256: seal?.hash ?? null,
        };
        process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
      } catch (error) {
        failWith(error);
      }
    });

  plan
    .command("pdf")
    .description(
      "Render a plan as a tagged PDF: the full plan, a parent summary, a one-page at-a-glance, the prior written notice, or the meeting notice",
    )
    .argument("<file>", 'plan JSON file, or "-" for standard input')
    .requiredOption("-o, --output <file>", "where to write the PDF")
    .option("--kind <kind>", `one of ${PLAN_PDF_KINDS.join(", ")}`, "full")
    .action(async (file: string, options: { output: string; kind: string }) => {
      try {
        if (!(PLAN_PDF_KINDS as readonly string[]).includes(options.kind)) {
          throw new UsageError(`--kind: expected one of ${PLAN_PDF_KINDS.join(", ")}`);
        }
        const kind = options.kind as PlanPdfKind;
        const { document, seal } = await loadPlanFile(file);
        if (kind === "prior-written-notice" && document.type !== "iep") {
          throw new UsageError("/type: a prior written notice belongs to an IEP");
        }
        if (kind === "meeting-notice" && !document.meeting.notice) {
          throw new UsageError("/meeting/notice: the plan has no meeting notice");
        }
        const pdf = await renderPlanPdf(kind, document, { seal });
        await writeFile(options.output, pdf);
        process.stdout.write(`${JSON.stringify({ output: options.output, kind, bytes: pdf.length })}\n`);
      } catch (error) {
        failWith(error);
      }
    });

  plan
    .command("hash")
    .description("SHA-256 of the canonical JSON (RFC 8785) of a plan file's content, as a seal records it")
    .argument("<file>", 'plan JSON file, or "-" for standard input')
    .action(async (file: string) => {
      try {
        const { raw } = await loadPlanFile(file);
        process.stdout.write(`${JSON.stringify({ algorithm: "sha256", hash: hashPlanContent(raw) })}\n`);
      } catch (error) {
        failWith(error);
      }
    });

  plan
    .command("schema")
    .description("Print the JSON Schema of a plan document, generated from the core schema")
    .option("-o, --output <file>", "write to a file instead of standard output")
    .action(async (options: { output?: string }) => {
      try {
        const text = planSchemaText();
        if (options.output) await writeFile(options.output, text);
        else process.stdout.write(text);
      } catch (error) {
        failWith(error);
      }
    });
}
