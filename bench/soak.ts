/**
 * `npm run bench:soak [-- --students N] [--db pglite|postgres] [--connections 50]`
 *
 * A soak test: the real server on the synthetic district under a mixed read/write load from 50
 * connections for SOAK_SECONDS (default 600, ten minutes). Each connection signs in as the case
 * manager or the district administrator and loops: reads (the student list, a student, the
 * communication log, the case chronology, the district's compliance dashboard) and, one request
 * in five, a write (a note in a student's communication log, with its audit event and record of
 * access). Prints the error rate, p50 and p99 latency, and the server's memory (RSS) at the
 * start, its peak (sampled every second) and the end, and writes bench/results/<time>-soak.json.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { SYNTHETIC_PASSWORD } from "../packages/server/seeds/synthetic.ts";
import { todayIso } from "../packages/server/src/clock.ts";
import { BENCH_DIR, type BenchDbKind, prepareDatabase } from "./lib/database.ts";
import { round, rssMb, type Session, signIn, startBenchServer } from "./lib/measure.ts";

const opts = new Command()
  .option("--students <n>", "students in the synthetic district", "2000")
  .option("--db <kind>", "pglite or postgres", "pglite")
  .option("--connections <n>", "concurrent connections", "50")
  .parse(process.argv.slice(2), { from: "user" })
  .opts<{ students: string; db: string; connections: string }>();
const students = Number(opts.students);
const connections = Number(opts.connections);
const seconds = Number(process.env.SOAK_SECONDS ?? 600);
if (!["pglite", "postgres"].includes(opts.db)) fail("--db must be pglite or postgres");
if (!Number.isInteger(students) || students < 100) fail("--students must be a whole number ≥ 100");
if (!Number.isInteger(connections) || connections < 1) fail("--connections must be a whole number ≥ 1");
if (!Number.isFinite(seconds) || seconds < 1) fail("SOAK_SECONDS must be a number of seconds ≥ 1");
const kind = opts.db as BenchDbKind;
const log = (line: string) => process.stderr.write(`${line}\n`);

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

const prepared = await prepareDatabase(kind, students, 1, { rebuild: false, log });
const server = await startBenchServer({ ...prepared.env, DATABASE_POOL_SIZE: "20" });
log(
  `server ${server.url} (pid ${server.pid}) on ${kind}, ${students} students; ${connections} connections for ${seconds} s`,
);

try {
  const accounts = prepared.summary.accounts;
  const sessions: Session[] = [
    await signIn(server.url, accounts.caseManager, SYNTHETIC_PASSWORD),
    await signIn(server.url, accounts.districtAdmin, SYNTHETIC_PASSWORD),
  ];
  const list = (await (
    await fetch(`${server.url}/api/students?limit=100`, { headers: { cookie: sessions[0]?.cookie ?? "" } })
  ).json()) as { items: Array<{ id: string }> };
  const studentIds = list.items.map((s) => s.id);
  if (studentIds.length === 0) throw new Error("the case manager has no students to read");
  // The synthetic district keeps the default time zone; a note dated by UTC is "not yet" in the evening there.
  const today = todayIso();

  const reads = [
    () => "/api/students?limit=25",
    (id: string) => `/api/students/${id}`,
    (id: string) => `/api/students/${id}/communications`,
    (id: string) => `/api/students/${id}/chronology`,
    () => "/api/compliance/dashboard",
  ];

  const latencies: number[] = [];
  let requests = 0;
  let errors = 0;
  const errorKinds = new Map<string, number>();
  const memory = { start: rssMb(server.pid) ?? 0, peak: 0, end: 0 };
  memory.peak = memory.start;
  const sampler = setInterval(() => {
    const now = rssMb(server.pid);
    if (now !== null && now > memory.peak) memory.peak = now;
  }, 1000);

  const deadline = performance.now() + seconds * 1000;
  async function worker(n: number): Promise<void> {
    const session = sessions[n % sessions.length] as Session;
    let k = n;
    while (performance.now() < deadline) {
      k++;
      const id = studentIds[k % studentIds.length] as string;
      const write = k % 5 === 0;
      const started = performance.now();
      let status = 0;
      try {
        const res = write
          ? await fetch(`${server.url}/api/students/${id}/communications`, {
              method: "POST",
              headers: { "content-type": "application/json", cookie: session.cookie, "x-csrf-token": session.csrf },
              body: JSON.stringify({ occurredOn: today, mode: "note", withWhom: "Soak test", summary: `Note ${k}` }),
            })
          : await fetch(`${server.url}${(reads[k % reads.length] as (id: string) => string)(id)}`, {
              headers: { cookie: session.cookie },
            });
        await res.arrayBuffer();
        status = res.status;
      } catch {
        status = -1;
      }
      latencies.push(performance.now() - started);
      requests++;
      if (status < 200 || status >= 300) {
        errors++;
        const key = `${write ? "POST" : "GET"} ${status}`;
        errorKinds.set(key, (errorKinds.get(key) ?? 0) + 1);
      }
    }
  }
  const began = performance.now();
  await Promise.all(Array.from({ length: connections }, (_, n) => worker(n)));
  const elapsed = (performance.now() - began) / 1000;
  clearInterval(sampler);
  memory.end = rssMb(server.pid) ?? 0;
  memory.peak = Math.max(memory.peak, memory.end);

  const sorted = Float64Array.from(latencies).sort();
  const result = {
    kind,
    students,
    connections,
    seconds: round(elapsed, 1),
    requests,
    requestsPerSecond: round(requests / elapsed, 1),
    writeShare: 0.2,
    errors,
    errorRatePercent: round((errors / Math.max(1, requests)) * 100, 3),
    errorKinds: Object.fromEntries(errorKinds),
    p50Ms: round(percentile(sorted, 50), 1),
    p99Ms: round(percentile(sorted, 99), 1),
    memoryMb: { start: round(memory.start, 0), peak: round(memory.peak, 0), end: round(memory.end, 0) },
    cpus: cpus().length,
    at: new Date().toISOString(),
  };
  console.log(JSON.stringify(result, null, 2));
  const dir = join(BENCH_DIR, "results");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${result.at.replaceAll(":", "-")}-soak.json`), `${JSON.stringify(result, null, 2)}\n`);
} finally {
  await server.stop();
}
