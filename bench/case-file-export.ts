/**
 * `npm run bench:case-file [-- --years N]`: the whole-record ZIP of one student with N years of
 * records (default 10): an IEP a year with an amendment (2 versions each, sealed), a meeting with
 * its notice a year, a service session every day, a progress point every two weeks per goal, and a
 * record of access of 20 reads a week. Times the export (streamed to a sink that only counts
 * bytes, as a download does), samples the process's RSS and heap every 10 ms, and reports the
 * peak above the idle server, beside two references from the same run: one plan PDF rendered
 * alone, and the heap a fully buffered ZIP would need at least (its size).
 */
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { addDays, hashPlanContent, sampleIep } from "@lantern/core";
import { Command } from "commander";
import { sql } from "kysely";
import { clockOnDay } from "../packages/server/src/clock.ts";
import { openPglite } from "../packages/server/src/db/database.ts";
import { migrateToLatest } from "../packages/server/src/db/migrate.ts";
import { createUseCaseDeps } from "../packages/server/src/deps.ts";
import { renderPlanPdf } from "../packages/server/src/pdf/plan-pdf.ts";
import { exportCaseFile } from "../packages/server/src/use-cases/records/export-case-file.ts";

const years = Number(
  new Command().option("--years <n>", "years of records", "10").parse().opts<{ years: string }>().years,
);
const log = (line: string) => process.stderr.write(`${line}\n`);
const TODAY = "2026-11-23";
const start = addDays(TODAY, -365 * years);

const open = await openPglite(null);
const db = open.db;
try {
  await migrateToLatest(db);
  log(`seeding ${years} years of records…`);
  const district = await db
    .insertInto("districts")
    .values({ name: "Bench Unified", state: "CA" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const school = await db
    .insertInto("schools")
    .values({ district_id: district.id, name: "Bench Elementary" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const staff = await db
    .insertInto("people")
    .values({ first_name: "Casey", last_name: "Manager", email: "cm@bench.example" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const student = await db
    .insertInto("students")
    .values({
      district_id: district.id,
      school_id: school.id,
      first_name: "Avery",
      last_name: "Bench",
      date_of_birth: "2012-03-01",
      grade: "8",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const doc = sampleIep();
  const serviceId = doc.services[0]?.id ?? "svc-1";
  const goalIds = doc.goals.map((g) => g.id);
  let versions = 0;
  for (let y = 0; y < years; y++) {
    const yearStart = addDays(start, 365 * y);
    const plan = await db
      .insertInto("plans")
      .values({
        student_id: student.id,
        district_id: district.id,
        school_id: school.id,
        type: "iep",
        status: y === years - 1 ? "in-effect" : "ended",
        created_by: staff.id,
        created_at: `${yearStart}T16:00:00Z`,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    let last = "";
    for (let n = 1; n <= 2; n++) {
      const content = { ...doc, student: { ...doc.student, studentId: student.id } };
      const v = await sql<{ id: string }>`
        insert into plan_versions (plan_id, number, content, status, created_by, created_at, sealed_at, content_sha256)
        values (${plan.id}, ${n}, ${JSON.stringify(content)}::jsonb, ${n === 2 && y === years - 1 ? "in-effect" : "ended"},
          ${staff.id}, ${`${addDays(yearStart, n * 90)}T16:00:00Z`}, ${`${addDays(yearStart, n * 90 + 5)}T16:00:00Z`},
          ${hashPlanContent(content)})
        returning id`.execute(db);
      last = v.rows[0]?.id as string;
      versions++;
      if (n === 1) {
        await db
          .insertInto("plan_meetings")
          .values({
            plan_id: plan.id,
            version_id: last,
            scheduled_at: `${addDays(yearStart, 90)}T16:00:00Z`,
            purpose: "annual review",
            notice_sent_on: addDays(yearStart, 80),
            attendees: "[]",
            attendance: "[]",
            excusals: "[]",
            parent_contact_attempts: "[]",
            created_by: staff.id,
          })
          .execute();
      }
    }
    await db.updateTable("plans").set({ current_version_id: last }).where("id", "=", plan.id).execute();
  }
  const days = 365 * years;
  await sql`insert into service_sessions (district_id, school_id, student_id, service_id, session_date, minutes, delivery, status, provider_id)
    select ${district.id}, ${school.id}, ${student.id}, ${serviceId}, (${start}::date + n), 30, 'individual',
      case when n % 9 = 0 then 'provider-absent' else 'delivered' end, ${staff.id}
    from generate_series(0, ${days - 1}::int) n`.execute(db);
  for (const goal of goalIds) {
    await sql`insert into progress_data_points (district_id, school_id, student_id, goal_id, point_date, value, recorded_by)
      select ${district.id}, ${school.id}, ${student.id}, ${goal}, (${start}::date + n * 14), (n % 20)::float, ${staff.id}
      from generate_series(0, ${Math.floor(days / 14)}::int) n`.execute(db);
  }
  const reads = Math.floor((days / 7) * 20);
  await sql`insert into record_of_access (person_id, student_id, record, action, purpose, basis, request_id)
    select ${staff.id}, ${student.id}, 'plan:' || n, 'read-plan', 'view plan', 'case-manager', 'req-' || n
    from generate_series(1, ${reads}::int) n`.execute(db);
  log(`  ${versions} plan versions, ${days} sessions, ${reads} record-of-access rows`);

  const deps = createUseCaseDeps(db, { clock: clockOnDay(TODAY) });
  // Reference: one plan PDF alone (warm).
  await renderPlanPdf("full", doc);
  const pdfStarted = performance.now();
  await renderPlanPdf("full", doc);
  const onePdfMs = performance.now() - pdfStarted;

  global.gc?.();
  const idle = process.memoryUsage();
  let peakRss = idle.rss;
  let peakHeap = idle.heapUsed;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 10);
  const started = performance.now();
  const { stream } = await exportCaseFile(deps, { studentId: student.id, districtId: district.id });
  let bytes = 0;
  await pipeline(
    stream,
    new Writable({
      write(chunk: Buffer, _enc, cb) {
        bytes += chunk.length;
        cb();
      },
    }),
  );
  const ms = performance.now() - started;
  clearInterval(sampler);
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  const pdfs = versions * 2 + years; // full plan + prior written notice per version, a meeting notice a year
  log(`ZIP export, ${years} years: ${(ms / 1000).toFixed(2)} s, ${mb(bytes)} MB`);
  log(
    `  ${pdfs} PDFs; one plan PDF alone: ${onePdfMs.toFixed(0)} ms (× ${pdfs} = ${((onePdfMs * pdfs) / 1000).toFixed(2)} s)`,
  );
  log(`  peak RSS ${mb(peakRss)} MB (idle ${mb(idle.rss)} MB, +${mb(peakRss - idle.rss)} MB)`);
  log(
    `  peak heap ${mb(peakHeap)} MB (idle ${mb(idle.heapUsed)} MB, +${mb(peakHeap - idle.heapUsed)} MB); the ZIP is ${mb(bytes)} MB`,
  );
} finally {
  await open.close();
}
