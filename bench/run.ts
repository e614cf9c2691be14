/**
 * `npm run bench [-- --students N] [--seed S] [--db pglite|postgres|both] [--seconds S] [--trials N] [--pdfs N] [--rebuild]`
 *
 * Builds (or reuses) the synthetic district, then measures each figure beside a physical
 * reference in the same run, prints a table and writes bench/results/latest.json (and a
 * timestamped copy). Anything not available yet is reported as "n/a (reason)".
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { sql } from "kysely";
import { SYNTHETIC_PASSWORD } from "../packages/server/seeds/synthetic.ts";
import { benchNavigator, benchPdf, benchTimeToInteractive, benchWebSize } from "./lib/client-figures.ts";
import { BENCH_DIR, type BenchDbKind, prepareDatabase } from "./lib/database.ts";
import {
  type BenchServer,
  type Figure,
  figure,
  type LoadResult,
  load,
  median,
  notAvailable,
  round,
  rssMb,
  type Session,
  signIn,
  startBenchServer,
  timedGet,
} from "./lib/measure.ts";
import { benchRosterImport } from "./lib/roster.ts";

const program = new Command()
  .name("bench")
  .option("--students <n>", "students in the synthetic district", "100000")
  .option("--seed <n>", "seed of the synthetic district", "1")
  .option("--db <kind>", "pglite, postgres or both", "both")
  .option("--seconds <n>", "duration of each load test", "")
  .option("--connections <n>", "concurrent connections of each load test", "50")
  .option("--trials <n>", "measured runs of the plan read and its bare route (medians are reported)", "3")
  .option("--pdfs <n>", "plan PDFs in the bulk export", "")
  .option("--rebuild", "rebuild the synthetic district even when one exists")
  .parse(process.argv.slice(2), { from: "user" });
const opts = program.opts<{
  students: string;
  seed: string;
  db: string;
  seconds: string;
  connections: string;
  trials: string;
  pdfs: string;
  rebuild?: boolean;
}>();
const students = Number(opts.students);
const seed = Number(opts.seed);
if (!Number.isInteger(students) || students < 100) fail("--students must be a whole number ≥ 100");
if (!Number.isInteger(seed)) fail("--seed must be a whole number");
if (!["pglite", "postgres", "both"].includes(opts.db)) fail("--db must be pglite, postgres or both");
const kinds: BenchDbKind[] = opts.db === "both" ? ["postgres", "pglite"] : [opts.db as BenchDbKind];
const seconds = opts.seconds ? Number(opts.seconds) : students >= 50_000 ? 10 : 5;
const connections = Number(opts.connections);
const trials = Number(opts.trials);
if (!Number.isInteger(trials) || trials < 1 || trials > 9) fail("--trials must be a whole number from 1 to 9");
const pdfCount = opts.pdfs ? Number(opts.pdfs) : students >= 50_000 ? 1000 : 100;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

const log = (line: string) => process.stderr.write(`${line}\n`);
const figures: Figure[] = [];
const add = (f: Figure) => {
  figures.push(f);
  log(`  ${f.group} · ${f.name}: ${f.value === null ? (f.note ?? "n/a") : `${round(f.value, 2)} ${f.unit}`}`);
};

async function guarded(group: string, name: string, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    add(notAvailable(group, name, error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error)));
  }
}

// ---------------------------------------------------------------------------------------------
// Per database

async function benchDatabase(kind: BenchDbKind): Promise<void> {
  const group = kind === "postgres" ? "PostgreSQL" : "PGlite";
  log(`\n== ${group}: synthetic district of ${students} students (seed ${seed})`);
  const prepared = await prepareDatabase(kind, students, seed, { rebuild: opts.rebuild === true, log });
  add(
    figure({
      group,
      name: `build the synthetic district (${students} students)`,
      value: prepared.builtSeconds ?? prepared.summary.seconds,
      unit: "s",
      target: kind === "postgres" && students >= 100_000 ? "< 60 s" : null,
      met: kind === "postgres" && students >= 100_000 ? (prepared.builtSeconds ?? prepared.summary.seconds) < 60 : null,
      note: `${Object.values(prepared.summary.counts).reduce((a, b) => a + b, 0)} rows${prepared.builtSeconds === null ? "; reused, time of its build" : ""}`,
    }),
  );

  const checkSeconds = prepared.summary.steps["compliance results"];
  if (checkSeconds !== undefined) {
    const checked = prepared.summary.plans.iep + prepared.summary.plans.section504;
    add(
      figure({
        group,
        name: "check every plan and store its findings and deadlines (part of the build)",
        value: checkSeconds,
        unit: "s",
        note: `${checked} students with plans; ≈ ${Math.round(checked / Math.max(checkSeconds, 0.1))} plans/s in batches of 1,000`,
      }),
    );
  }

  // Ids the figures need, read before the server opens the database (PGlite has one owner).
  const open = await prepared.open();
  let ids: {
    caseManagerId: string;
    districtId: string;
    planPaths: string[];
    barePaths: string[];
    studentPaths: string[];
  };
  try {
    const cm = await open.db
      .selectFrom("people")
      .select("id")
      .where("email", "=", prepared.summary.accounts.caseManager)
      .executeTakeFirstOrThrow();
    const plans = await sql<{ id: string; student_id: string }>`
      select p.id, p.student_id from plans p
      where p.student_id in (select student_id from caseload_members where person_id = ${cm.id}::uuid)
        and p.type = 'iep' and p.status = 'in-effect'
      order by p.id limit 200`
      .execute(open.db)
      .catch(() => ({ rows: [] as Array<{ id: string; student_id: string }> }));
    const caseload = await open.db
      .selectFrom("caseload_members")
      .select("student_id")
      .where("person_id", "=", cm.id)
      .execute();
    ids = {
      caseManagerId: cm.id,
      districtId: prepared.summary.districtId,
      planPaths: plans.rows.map((p) => `/api/students/${p.student_id}/plans/${p.id}`),
      barePaths: plans.rows.map((p) => `/bench/bare-plan/${p.id}`),
      studentPaths: caseload.map((c) => `/api/students/${c.student_id}`),
    };
  } finally {
    await open.close();
  }

  const server = await startBenchServer({
    ...prepared.env,
    BENCH_PERSON_ID: ids.caseManagerId,
    BENCH_DISTRICT_ID: ids.districtId,
  });
  try {
    const idleRss = rssMb(server.pid);
    const cm = await signIn(server.url, prepared.summary.accounts.caseManager, SYNTHETIC_PASSWORD);
    await coldWarm(group, server, cm, "caseload page API (first 50, signed in)", "/api/students?limit=50", "caseload");
    await guarded(group, "district compliance dashboard", async () => {
      const admin = await signIn(server.url, prepared.summary.accounts.districtAdmin, SYNTHETIC_PASSWORD);
      await coldWarm(group, server, admin, "district compliance dashboard", "/api/compliance/dashboard", "dashboard", {
        cold: 1000,
        warm: 100,
      });
    });
    await guarded(group, "plan read API under load", () =>
      loadFigures(group, server, cm, ids.planPaths, ids.barePaths, ids.studentPaths, idleRss),
    );
    await guarded(group, "caseload page time to interactive", async () => {
      const tti = await benchTimeToInteractive(server.url, cm);
      add(
        figure({
          group,
          name: "caseload page time to interactive (Chromium, median of 3)",
          value: tti.page,
          unit: "ms",
          reference: { name: "static 50-row HTML table", value: tti.reference, unit: "ms" },
          target: "< 1000 ms",
          met: tti.page < 1000,
          note: tti.note,
        }),
      );
      add(
        figure({
          group,
          name: "JavaScript the caseload page loads, gzip",
          value: tti.scriptsKb,
          unit: "KB",
          target: "≤ 250 KB",
          met: tti.scriptsKb <= 250,
          note: "every script the browser fetched for the signed-in caseload page",
        }),
      );
    });
  } finally {
    await server.stop();
  }
}

async function coldWarm(
  group: string,
  server: BenchServer,
  session: Session,
  name: string,
  path: string,
  raw: string,
  targets: { cold: number; warm: number } | null = null,
): Promise<void> {
  const cold = await timedGet(`${server.url}${path}`, session);
  // Slow pages get fewer repetitions so that the suite stays within minutes.
  const repeat = cold.ms > 5000 ? 2 : cold.ms > 500 ? 5 : 20;
  const warm: number[] = [];
  for (let i = 0; i < repeat; i++) warm.push((await timedGet(`${server.url}${path}`, session)).ms);
  const rawCold = (await timedGet(`${server.url}/bench/raw/${raw}`)).body as { ms: number };
  const rawWarm: number[] = [];
  for (let i = 0; i < 20; i++)
    rawWarm.push(((await timedGet(`${server.url}/bench/raw/${raw}`)).body as { ms: number }).ms);
  add(
    figure({
      group,
      name: `${name}, cold`,
      value: cold.ms,
      unit: "ms",
      reference: { name: `raw indexed SQL (${raw}), cold`, value: rawCold.ms, unit: "ms" },
      target: targets ? `< ${targets.cold} ms` : null,
      met: targets ? cold.ms < targets.cold : null,
      note: "first request after the server started",
    }),
  );
  add(
    figure({
      group,
      name: `${name}, warm (median of ${repeat})`,
      value: median(warm),
      unit: "ms",
      reference: { name: `raw indexed SQL (${raw}), warm`, value: median(rawWarm), unit: "ms" },
      target: targets ? `< ${targets.warm} ms` : null,
      met: targets ? median(warm) < targets.warm : null,
    }),
  );
}

async function loadFigures(
  group: string,
  server: BenchServer,
  session: Session,
  planPaths: string[],
  barePaths: string[],
  studentPaths: string[],
  idleRss: number | null,
): Promise<void> {
  const opts = { connections, seconds, warmupSeconds: Math.min(5, seconds) };
  log(
    `  load: ${connections} connections × ${seconds} s per route, after ${opts.warmupSeconds} s of warm-up; ` +
      `plan read and bare route: median of ${trials} runs`,
  );
  const trialNote = (r: LoadResult) =>
    r.trials ? `; runs: ${r.trials.map((t) => `${Math.round(t.rps)} req/s p99 ${t.p99} ms`).join(", ")}` : "";
  const hello = await load(server.url, ["/bench/hello"], opts);
  add(figure({ group, name: "hello-world route", value: hello.rps, unit: "req/s", note: `p99 ${hello.p99} ms` }));

  if (planPaths.length === 0) {
    add(notAvailable(group, "plan read API under load", "no plans in the synthetic district (plans not migrated)"));
  } else {
    const bare = await load(server.url, barePaths, { ...opts, trials });
    add(
      figure({
        group,
        name: "bare route: one indexed plan read + one insert",
        value: bare.rps,
        unit: "req/s",
        reference: { name: "hello-world", value: hello.rps, unit: "req/s" },
        note: `p99 ${bare.p99} ms${bare.non2xx ? `; ${bare.non2xx} non-2xx` : ""}${trialNote(bare)}`,
      }),
    );
    let peakRss = 0;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, rssMb(server.pid) ?? 0);
    }, 200);
    const api = await load(server.url, planPaths, { ...opts, trials, cookie: session.cookie });
    clearInterval(sampler);
    const ratio = api.rps / bare.rps;
    add(
      figure({
        group,
        name: "plan read API (full IEP, signed in, record of access)",
        value: api.rps,
        unit: "req/s",
        reference: { name: "bare route", value: bare.rps, unit: "req/s" },
        target: "≥ 50 % of the bare route",
        met: ratio >= 0.5,
        note: `${round((api.rps / hello.rps) * 100, 1)} % of hello-world${api.non2xx ? `; ${api.non2xx} non-2xx` : ""}${trialNote(api)}`,
      }),
    );
    add(
      figure({
        group,
        name: trials > 1 ? `plan read API p99 latency (median of ${trials} runs)` : "plan read API p99 latency",
        value: api.p99,
        unit: "ms",
        reference: { name: "bare route p99", value: bare.p99, unit: "ms" },
        target: "< 50 ms",
        met: api.p99 < 50,
        note: `p50 ${api.p50} ms`,
      }),
    );
    add(
      figure({
        group,
        name: "server memory (peak RSS under plan-read load)",
        value: peakRss,
        unit: "MB",
        reference: { name: "same server idle", value: idleRss, unit: "MB" },
      }),
    );
  }
  if (studentPaths.length > 0) {
    const student = await load(server.url, studentPaths, { ...opts, cookie: session.cookie });
    add(
      figure({
        group,
        name: "student record API (signed in, record of access)",
        value: student.rps,
        unit: "req/s",
        reference: { name: "hello-world", value: hello.rps, unit: "req/s" },
        note: `p99 ${student.p99} ms${student.non2xx ? `; ${student.non2xx} non-2xx` : ""}`,
      }),
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Run

const started = new Date();
log(`Lantern benchmarks: ${students} students, seed ${seed}, ${kinds.join(" and ")}; ${cpus().length} cores`);
for (const kind of kinds) {
  await guarded(kind === "postgres" ? "PostgreSQL" : "PGlite", "database figures", () => benchDatabase(kind));
}
log("\n== In-process figures");
await guarded("core", "navigator", async () => add(await benchNavigator()));
await guarded("PDF", "plan PDF", async () => {
  for (const f of await benchPdf(pdfCount)) add(f);
});
await guarded("web", "initial JavaScript", async () => add(benchWebSize()));
await guarded("import", "roster import rate", async () => {
  for (const f of await benchRosterImport(kinds, { students, seed, log })) add(f);
});

// ---------------------------------------------------------------------------------------------
// Report

const fmt = (v: number | null, unit: string) =>
  v === null ? "—" : `${v >= 100 ? Math.round(v).toLocaleString("en-US") : round(v, 2)} ${unit}`.trim();
const rows = figures.map((f) => [
  f.group,
  f.name,
  f.value === null ? (f.note ?? "n/a") : fmt(f.value, f.unit),
  f.reference ? `${fmt(f.reference.value, f.reference.unit)} (${f.reference.name})` : "—",
  f.ratio === null ? "—" : `${round(f.ratio, 2)}×`,
  f.target ? `${f.target} ${f.met === null ? "" : f.met ? "✓" : "✗"}` : "",
  f.value === null ? "" : (f.note ?? ""),
]);
const header = ["group", "figure", "value", "reference (same run)", "ratio", "target", "note"];
const widths = header.map((h, i) => Math.min(60, Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length))));
const line = (cells: string[]) => cells.map((c, i) => c.slice(0, widths[i]).padEnd(widths[i] ?? 0)).join("  ");
process.stdout.write(`\n${line(header)}\n${widths.map((w) => "-".repeat(w)).join("  ")}\n`);
for (const r of rows) process.stdout.write(`${line(r)}\n`);

const result = {
  startedAt: started.toISOString(),
  finishedAt: new Date().toISOString(),
  machine: {
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? "unknown",
    memoryGb: round(totalmem() / 1024 ** 3, 1),
    node: process.version,
    loadAverage: readLoadAverage(),
  },
  options: { students, seed, databases: kinds, seconds, connections, pdfs: pdfCount },
  figures,
};
const dir = join(BENCH_DIR, "results");
mkdirSync(dir, { recursive: true });
const json = `${JSON.stringify(result, null, 2)}\n`;
writeFileSync(join(dir, "latest.json"), json);
writeFileSync(join(dir, `${started.toISOString().replace(/[:.]/g, "-")}-${students}.json`), json);
log(`\nWrote bench/results/latest.json (${figures.length} figures; ${readdirSync(dir).length - 1} earlier runs kept)`);
process.exit(0);

function readLoadAverage(): string | null {
  try {
    return existsSync("/proc/loadavg") ? readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ") : null;
  } catch {
    return null;
  }
}
