/**
 * The server under test, started by bench/run.ts as a child process: the real Lantern app
 * (`buildApp`) on the benchmark database, plus the physical references on the same Fastify
 * instance and the same database pool:
 *
 * - GET /bench/hello — a hello-world route;
 * - GET /bench/bare-plan/:planId — only the minimum SQL a plan read needs: one indexed read of the
 *   plan's current version, one insert into the record of access;
 * - GET /bench/raw/:query — runs a raw indexed SQL query in-process and answers its duration;
 * - GET /bench/static-table — a static HTML page with a 50-row table (browser reference).
 *
 * Environment: DATABASE_URL (PostgreSQL, with DATABASE_POOL_SIZE) or BENCH_PGLITE_DIR,
 * BENCH_PERSON_ID (the person whose caseload the raw queries read), PORT (0 = any). Prints one
 * JSON line `{ "url": … }` when ready.
 */
import { performance } from "node:perf_hooks";
import { sql } from "kysely";
import { buildApp } from "../packages/server/src/app.ts";
import { parseConfig } from "../packages/server/src/config.ts";
import { type OpenDatabase, openPglite, openPostgres } from "../packages/server/src/db/database.ts";
import { startAuditSealer } from "../packages/server/src/server.ts";

const env = process.env;
// The server's own database configuration (DATABASE_POOL_SIZE included); the port is the bench's.
const config = parseConfig({ DATABASE_URL: env.DATABASE_URL, DATABASE_POOL_SIZE: env.DATABASE_POOL_SIZE });
const database: OpenDatabase = config.DATABASE_URL
  ? await openPostgres(config.DATABASE_URL, config.DATABASE_POOL_SIZE)
  : await openPglite(env.BENCH_PGLITE_DIR ?? "bench/.data/pglite");
const db = database.db;
const app = await buildApp({
  db,
  databaseKind: database.kind,
  logLevel: "warn",
  dueSoonDays: config.DUE_SOON_DAYS,
});

app.get("/bench/hello", async () => ({ hello: "world" }));

app.get<{ Params: { planId: string } }>("/bench/bare-plan/:planId", async (request) => {
  const row = await sql<{ student_id: string; content: unknown }>`
    select p.student_id, v.content from plans p join plan_versions v on v.id = p.current_version_id
    where p.id = ${request.params.planId}::uuid`.execute(db);
  const plan = row.rows[0];
  if (!plan) throw new Error("no such plan");
  await sql`insert into record_of_access (person_id, student_id, record, action, purpose, basis, request_id)
    values (${env.BENCH_PERSON_ID}::uuid, ${plan.student_id}::uuid, 'plan', 'read-plan', 'benchmark', 'caseload', ${request.id})`.execute(
    db,
  );
  return plan.content;
});

/** Raw SQL returning the same rows as the API pages (first page, 50 rows). */
const RAW_QUERIES: Record<string, () => Promise<unknown[]>> = {
  caseload: async () =>
    (
      await sql`
        select s.id, s.first_name, s.last_name, s.grade, k.name as school_name
        from students s join schools k on k.id = s.school_id
        where s.id in (select student_id from caseload_members where person_id = ${env.BENCH_PERSON_ID}::uuid)
        order by s.last_name, s.first_name, s.id limit 51`.execute(db)
    ).rows,
  "caseload-deadlines": async () =>
    (
      await sql`
        select s.id, s.first_name, s.last_name, min(d.due_date) as next_due
        from caseload_members c join students s on s.id = c.student_id
        left join plan_deadlines d on d.student_id = s.id and d.met_on is null
        where c.person_id = ${env.BENCH_PERSON_ID}::uuid
        group by s.id order by next_due nulls last, s.id limit 51`.execute(db)
    ).rows,
  dashboard: async () =>
    (
      await sql`
        select c.plan_type, count(*)::int as plans, sum(c.error_count)::int as errors
        from plan_compliance c where c.district_id = ${env.BENCH_DISTRICT_ID}::uuid and c.plan_status = 'in-effect'
        group by c.plan_type`.execute(db)
    ).rows,
};

app.get<{ Params: { query: string } }>("/bench/raw/:query", async (request, reply) => {
  const run = RAW_QUERIES[request.params.query];
  if (!run) return reply.status(404).send({ error: "no such query" });
  const started = performance.now();
  try {
    const rows = await run();
    return { ms: performance.now() - started, rows: rows.length };
  } catch (error) {
    return reply.status(500).send({ error: error instanceof Error ? error.message : String(error) });
  }
});

app.get("/bench/static-table", async (_request, reply) => {
  const rows = Array.from(
    { length: 50 },
    (_, i) => `<tr><td><a href="#s${i}">Student ${i + 1}</a></td><td>${i % 12}</td><td>IEP</td></tr>`,
  ).join("");
  return reply
    .type("text/html")
    .send(
      `<!doctype html><html lang="en"><head><title>Reference</title></head><body><main><h1>Caseload</h1><table><thead><tr><th>Name</th><th>Grade</th><th>Plan</th></tr></thead><tbody>${rows}</tbody></table></main></body></html>`,
    );
});

// As in production: the audit trails are sealed every second while the load runs
// (BENCH_AUDIT_SEALER=off measures without it, for comparison).
const sealer = env.BENCH_AUDIT_SEALER === "off" ? { stop: async () => {} } : startAuditSealer(app, database);
await app.listen({ port: Number(env.PORT ?? 0), host: "127.0.0.1" });
const address = app.server.address();
const port = typeof address === "object" && address ? address.port : 0;
process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}`, pid: process.pid })}\n`);

const stop = async () => {
  await sealer.stop();
  await app.close();
  await database.close();
  process.exit(0);
};
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
