/**
 * The synthetic district for scale tests and benchmarks (built by `lantern seed --synthetic`).
 *
 * Deterministic: the same `students`, `seed` and `today` give the same rows, ids included (ids are
 * a hash of the seed, the table and the row number, so they look random to the indexes but never
 * change between runs). Every name is invented; no real person is represented.
 *
 * Shape: schools of about 500–2,000 students (elementary, middle, high), staff and caseloads,
 * guardians, ~15 % of students with an IEP, ~3 % with a Section 504 plan, a few with both. Tables
 * that later migrations add (plans, goals and progress, services and sessions, deadlines) are
 * filled by the steps in `SYNTHETIC_STEPS` when those tables exist.
 *
 * Loading: rows are generated in batches and inserted with one `insert … select * from unnest(…)`
 * per batch (one array parameter per column), inside one transaction, into the tables and indexes
 * the migrations define. The same statement runs on PGlite and on PostgreSQL.
 *
 * Parts (`synthetic/`): the generator (`random.ts`, `dates.ts`, `model.ts`, `plans.ts`,
 * `plan-content.ts`), the content banks it draws from (`content-banks.ts`), the loader
 * (`loader.ts`), and one step per group of tables (`tenancy-step.ts`, `plans-step.ts`,
 * `enforcement-step.ts`). This file runs the steps in one transaction and keeps the summary.
 */
import cliProgress from "cli-progress";
import { type Kysely, sql } from "kysely";
import { UsageError } from "../src/cli/cli-errors.ts";
import type { Database } from "../src/db/schema.ts";
import { createUseCaseDeps } from "../src/deps.ts";
import { refreshAllPlansCompliance } from "../src/use-cases/compliance/refresh-plan-compliance.ts";
import { SYNTHETIC_EMAIL_DOMAIN } from "./synthetic/content-banks.ts";
import { enforcementStep } from "./synthetic/enforcement-step.ts";
import {
  type SyntheticContext,
  type SyntheticStep,
  TableWriter,
  tableExists,
  withIndexesBuiltAfter,
} from "./synthetic/loader.ts";
import { buildModel } from "./synthetic/model.ts";
import { buildPlans } from "./synthetic/plans.ts";
import { plansStep } from "./synthetic/plans-step.ts";
import { Rng, syntheticUuid } from "./synthetic/random.ts";
import { SYNTHETIC_PASSWORD, tenancyStep } from "./synthetic/tenancy-step.ts";

export type { SyntheticStep } from "./synthetic/loader.ts";
export { BOTH_SHARE, buildModel, IEP_SHARE, SECTION_504_SHARE } from "./synthetic/model.ts";
export { buildPlans, PLAN_STAGES } from "./synthetic/plans.ts";
export { syntheticUuid } from "./synthetic/random.ts";
export { SYNTHETIC_PASSWORD } from "./synthetic/tenancy-step.ts";

export type SyntheticOptions = {
  students: number;
  seed: number;
  today: string;
  progress: boolean;
  /** Store every plan's compliance results (findings, deadlines) after the load (default: yes). */
  compliance?: boolean;
};

export type SyntheticSummary = {
  districtId: string;
  students: number;
  seed: number;
  today: string;
  /** Rows inserted per table. */
  counts: Record<string, number>;
  /** Students with an IEP, a Section 504 plan, both. */
  plans: { iep: number; section504: number; both: number };
  seconds: number;
  /** Seconds per step of the build (generation and inserts), and for re-creating indexes and constraints. */
  steps: Record<string, number>;
  /** Staff accounts that can sign in (password `SYNTHETIC_PASSWORD`). */
  accounts: { districtAdmin: string; caseManager: string; coordinator504: string; schoolAdmin: string };
};

/** The `app_meta` key under which the summary of the synthetic district is kept. */
export const SYNTHETIC_META_KEY = "synthetic-seeded";

/** A request the database cannot take (a second synthetic district): the CLI prints it as one line. */
export class SyntheticSeedError extends UsageError {
  override name = "SyntheticSeedError";
}

/** Steps in order; features append theirs once their tables exist. */
export const SYNTHETIC_STEPS: SyntheticStep[] = [tenancyStep, plansStep, enforcementStep];

// ---------------------------------------------------------------------------------------------
// Entry point

export async function isSyntheticSeeded(db: Kysely<Database>): Promise<SyntheticSummary | null> {
  const row = await db.selectFrom("app_meta").select("value").where("key", "=", SYNTHETIC_META_KEY).executeTakeFirst();
  return row ? (row.value as SyntheticSummary) : null;
}

/** Build the synthetic district in one transaction. Refuses when this database already has one. */
export async function seedSynthetic(db: Kysely<Database>, options: SyntheticOptions): Promise<SyntheticSummary> {
  const started = performance.now();
  const existing = await isSyntheticSeeded(db);
  if (existing)
    throw new SyntheticSeedError(
      `This database already holds a synthetic district (${existing.students} students, seed ${existing.seed}); use a fresh database`,
    );
  const model = buildModel(options);
  const available: SyntheticStep[] = [];
  const skipped: string[] = [];
  for (const step of SYNTHETIC_STEPS) {
    const present = await Promise.all(step.requires.map((t) => tableExists(db, t)));
    if (present.every(Boolean)) available.push(step);
    else skipped.push(step.name);
  }
  const total = available.reduce((a, step) => a + step.estimateRows(model), 0);
  const bar = options.progress
    ? new cliProgress.SingleBar(
        {
          stream: process.stderr,
          format: "Synthetic district |{bar}| {percentage}% | {value}/{total} rows | {step}",
          hideCursor: true,
          etaBuffer: 50,
        },
        cliProgress.Presets.shades_classic,
      )
    : null;
  bar?.start(total, 0, { step: "" });
  const counts: Record<string, number> = {};
  let done = 0;
  const stepSeconds: Record<string, number> = {};
  const runSteps = async (trx: Kysely<Database>) => {
    for (const step of available) {
      const t0 = performance.now();
      bar?.update(done, { step: step.name });
      const ctx: SyntheticContext = {
        db: trx,
        model,
        counts,
        rng: (stream) => new Rng(options.seed, `${step.name}/${stream}`),
        uuid: (table, i) => syntheticUuid(options.seed, table, i),
        writer: (table, spec, batchSize) =>
          new TableWriter(
            trx,
            table,
            spec,
            (rows) => {
              counts[table] = (counts[table] ?? 0) + rows;
              done += rows;
              bar?.update(Math.min(done, total), { step: step.name });
            },
            batchSize,
          ),
      };
      await step.run(ctx);
      stepSeconds[step.name] = Math.round((performance.now() - t0) / 100) / 10;
    }
  };
  try {
    await db.transaction().execute(async (trx) => {
      const stepStarted = performance.now();
      await withIndexesBuiltAfter(trx, [...new Set(available.flatMap((s) => s.loads))], () => runSteps(trx));
      stepSeconds["indexes and constraints"] =
        Math.round(
          ((performance.now() - stepStarted) / 1000 - Object.values(stepSeconds).reduce((a, b) => a + b, 0)) * 10,
        ) / 10;
      counts.districts = 1;
      const plans = {
        iep: model.students.filter((s) => s.plans.includes("iep")).length,
        section504: model.students.filter((s) => s.plans.includes("section-504")).length,
        both: model.students.filter((s) => s.plans.length === 2).length,
      };
      const summary: SyntheticSummary = {
        districtId: model.districtId,
        students: options.students,
        seed: options.seed,
        today: options.today,
        counts,
        plans,
        seconds: 0,
        steps: stepSeconds,
        accounts: {
          districtAdmin: `admin.1@${SYNTHETIC_EMAIL_DOMAIN}`,
          schoolAdmin: `principal.1@${SYNTHETIC_EMAIL_DOMAIN}`,
          caseManager: `casemanager.1.1@${SYNTHETIC_EMAIL_DOMAIN}`,
          coordinator504: `coordinator504.1@${SYNTHETIC_EMAIL_DOMAIN}`,
        },
      };
      await trx
        .insertInto("app_meta")
        .values({ key: SYNTHETIC_META_KEY, value: JSON.stringify(summary) })
        .execute();
    });
  } finally {
    bar?.update(Math.min(done, total));
    bar?.stop();
  }
  // Fresh statistics so the planner sees the new sizes at once.
  await sql`analyze`.execute(db);
  const summary = (await isSyntheticSeeded(db)) as SyntheticSummary;
  const compliance = options.compliance ?? true;
  if (compliance && (await tableExists(db, "plan_compliance"))) {
    const t0 = performance.now();
    const plans = buildPlans(model).filter((p) => p.status !== "ended").length;
    const checkBar = options.progress
      ? new cliProgress.SingleBar(
          { stream: process.stderr, format: "Compliance results |{bar}| {value}/{total} plans", hideCursor: true },
          cliProgress.Presets.shades_classic,
        )
      : null;
    checkBar?.start(plans, 0);
    try {
      await refreshAllPlansCompliance(
        createUseCaseDeps(db),
        { districtId: model.districtId, today: options.today },
        (n) => checkBar?.update(Math.min(n, plans)),
      );
    } finally {
      checkBar?.stop();
    }
    summary.steps["compliance results"] = Math.round((performance.now() - t0) / 100) / 10;
  }
  summary.seconds = Math.round((performance.now() - started) / 100) / 10;
  await db
    .updateTable("app_meta")
    .set({ value: JSON.stringify(summary) })
    .where("key", "=", SYNTHETIC_META_KEY)
    .execute();
  if (options.progress) {
    const lines = Object.entries(counts)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([t, c]) => `  ${t.padEnd(24)} ${c}`);
    process.stderr.write(
      `Synthetic district: ${options.students} students (seed ${options.seed}) in ${summary.seconds} s (${Object.entries(
        summary.steps,
      )
        .map(([k, v]) => `${k} ${v} s`)
        .join(", ")})\n${lines.join("\n")}\n` +
        (skipped.length ? `Skipped (tables not migrated yet): ${skipped.join(", ")}\n` : "") +
        `Sign in as ${summary.accounts.caseManager} or ${summary.accounts.districtAdmin} (password: ${SYNTHETIC_PASSWORD})\n`,
    );
  }
  return summary;
}
