/**
 * The roster import rate: generated fictional roster rows loaded into the benchmark district
 * through the use case (`importRoster`, which `POST /api/district/roster` and `lantern
 * import-roster` run), beside a physical reference measured in the same run on the same database:
 * plain `insert … select * from unnest(…)` statements writing the same students, guardians and
 * guardian links.
 *
 * Both run as dry runs (every statement executes, then the transaction rolls back), so the
 * benchmark district is the same after the run as before it and can be reused. The commit an
 * import would add is one WAL flush.
 *
 * Two figures per database: a file of new students (each with a guardian, 15 % with a case
 * manager), and a re-import of existing students with 10 % of grades changed.
 */
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { FIRST_NAMES, LAST_NAMES } from "../../packages/server/seeds/fictional-names.ts";
import { todayIso } from "../../packages/server/src/clock.ts";
import type { OpenDatabase } from "../../packages/server/src/db/database.ts";
import { createUseCaseDeps } from "../../packages/server/src/deps.ts";
import { importRoster } from "../../packages/server/src/use-cases/roster/import-roster.ts";
import { type BenchDbKind, prepareDatabase } from "./database.ts";
import { type Figure, figure, median } from "./measure.ts";

const HEADER =
  "sis_id,first_name,last_name,date_of_birth,grade,school,case_manager_email,guardian1_first_name,guardian1_last_name,guardian1_email";
const GRADES = ["K", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"];

type Row = {
  sisId: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  grade: string;
  school: string;
  caseManager: string;
  guardian: { firstName: string; lastName: string; email: string } | null;
};

const toCsv = (rows: Row[]) =>
  [
    HEADER,
    ...rows.map((r) =>
      [
        r.sisId,
        r.firstName,
        r.lastName,
        r.dateOfBirth,
        r.grade,
        r.school,
        r.caseManager,
        r.guardian?.firstName ?? "",
        r.guardian?.lastName ?? "",
        r.guardian?.email ?? "",
      ].join(","),
    ),
  ].join("\n");

/** Rows per second of the roster import, new students and a re-import, for each database. */
export async function benchRosterImport(
  kinds: BenchDbKind[],
  options: { students: number; seed: number; rows?: number; log: (line: string) => void },
): Promise<Figure[]> {
  const rows = options.rows ?? 10_000;
  const figures: Figure[] = [];
  for (const kind of kinds) {
    const group = kind === "postgres" ? "PostgreSQL" : "PGlite";
    const prepared = await prepareDatabase(kind, options.students, options.seed, { rebuild: false, log: options.log });
    const open = await prepared.open();
    try {
      options.log(`  roster import on ${group}: ${rows} rows, dry runs`);
      figures.push(...(await measure(open, group, prepared.summary.districtId, rows)));
    } finally {
      await open.close();
    }
  }
  return figures;
}

async function measure(open: OpenDatabase, group: string, districtId: string, rows: number): Promise<Figure[]> {
  const db = open.db;
  const today = todayIso();
  const schools = (
    await db.selectFrom("schools").select("name").where("district_id", "=", districtId).orderBy("name").execute()
  ).map((s) => s.name);
  const caseManagers = (
    await sql<{ email: string }>`
      select p.email from people p join role_assignments r on r.person_id = p.id
      where r.district_id = ${districtId}::uuid and r.role = 'case-manager' order by p.email limit 200`.execute(db)
  ).rows.map((r) => r.email);
  const admin = await db
    .selectFrom("role_assignments")
    .select("person_id")
    .where("district_id", "=", districtId)
    .where("role", "=", "district-admin")
    .executeTakeFirstOrThrow();
  const actor = { personId: admin.person_id, basis: "district-admin" };

  // New students: invented names, a guardian each, a case manager for about one in seven.
  const fresh: Row[] = Array.from({ length: rows }, (_, i) => {
    const lastName = LAST_NAMES[(i * 7) % LAST_NAMES.length] as string;
    const grade = GRADES[i % GRADES.length] as string;
    const age = (grade === "K" ? 5 : Number(grade) + 5) + (i % 2);
    return {
      sisId: `RB${String(i + 1).padStart(7, "0")}`,
      firstName: FIRST_NAMES[i % FIRST_NAMES.length] as string,
      lastName,
      dateOfBirth: `${Number(today.slice(0, 4)) - age}-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`,
      grade,
      school: schools[i % schools.length] as string,
      caseManager: i % 7 === 0 ? (caseManagers[i % caseManagers.length] ?? "") : "",
      guardian: { firstName: "Jordan", lastName, email: `roster.bench.${i + 1}@family.example` },
    };
  });
  const freshCsv = toCsv(fresh);

  // Existing students as the district has them, 10 % with a new grade.
  const existing = await sql<Omit<Row, "caseManager" | "guardian">>`
    select s.local_id as "sisId", s.first_name as "firstName", s.last_name as "lastName",
           s.date_of_birth as "dateOfBirth", s.grade, k.name as school
    from students s join schools k on k.id = s.school_id
    where s.district_id = ${districtId}::uuid and s.local_id is not null
    order by s.local_id limit ${rows}`.execute(db);
  const again: Row[] = existing.rows.map((r, i) => ({
    ...r,
    dateOfBirth: String(r.dateOfBirth),
    grade: i % 10 === 0 ? (GRADES[(GRADES.indexOf(r.grade) + 1) % GRADES.length] as string) : r.grade,
    caseManager: "",
    guardian: null,
  }));
  const againCsv = toCsv(again);

  const timeImport = async (csv: string, expectRows: number) => {
    const times: number[] = [];
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      const outcome = await importRoster(createUseCaseDeps(db), { districtId, csv, dryRun: true, today, actor });
      times.push(performance.now() - started);
      if (!outcome.ok) throw new Error(`the generated roster has problems: ${outcome.problems[0]?.message ?? ""}`);
      if (outcome.result.rows !== expectRows) throw new Error("the generated roster lost rows");
    }
    return median(times);
  };
  const importMs = await timeImport(freshCsv, fresh.length);
  const referenceMs = await timeReference(open, districtId, fresh);
  const againMs = again.length > 0 ? await timeImport(againCsv, again.length) : null;

  const perSecond = (n: number, ms: number) => n / (ms / 1000);
  const out: Figure[] = [
    figure({
      group,
      name: `roster import rate, ${fresh.length.toLocaleString("en-US")} new students (dry run, median of 3)`,
      value: perSecond(fresh.length, importMs),
      unit: "rows/s",
      reference: {
        name: "raw insert … unnest of the same students, guardians and links",
        value: perSecond(fresh.length, referenceMs),
        unit: "rows/s",
      },
      note: `${Math.round(importMs)} ms for the file (parse, validate, look up, write, audit, record of access); reference ${Math.round(referenceMs)} ms`,
    }),
  ];
  if (againMs !== null) {
    out.push(
      figure({
        group,
        name: `roster re-import rate, ${again.length.toLocaleString("en-US")} existing students, 10 % changed (dry run)`,
        value: perSecond(again.length, againMs),
        unit: "rows/s",
        reference: {
          name: "raw insert … unnest (new students, above)",
          value: perSecond(fresh.length, referenceMs),
          unit: "rows/s",
        },
        note: `${Math.round(againMs)} ms`,
      }),
    );
  }
  return out;
}

/** The least any import must write for these rows: students, guardians and links, one statement each. */
async function timeReference(open: OpenDatabase, districtId: string, rows: Row[]): Promise<number> {
  const schoolIds = new Map(
    (await open.db.selectFrom("schools").select(["id", "name"]).where("district_id", "=", districtId).execute()).map(
      (s) => [s.name, s.id],
    ),
  );
  const times: number[] = [];
  for (let run = 0; run < 3; run++) {
    const students = rows.map(() => randomUUID());
    const people = rows.map(() => randomUUID());
    const started = performance.now();
    await open.db
      .transaction()
      .execute(async (trx) => {
        await sql`
          insert into students (id, district_id, school_id, local_id, first_name, last_name, date_of_birth, grade)
          select v.id, ${districtId}::uuid, v.school_id, v.local_id, v.first_name, v.last_name, v.date_of_birth, v.grade
          from unnest(${students}::uuid[], ${rows.map((r) => schoolIds.get(r.school) as string)}::uuid[],
                      ${rows.map((r) => r.sisId)}::text[], ${rows.map((r) => r.firstName)}::text[],
                      ${rows.map((r) => r.lastName)}::text[], ${rows.map((r) => r.dateOfBirth)}::date[],
                      ${rows.map((r) => r.grade)}::text[])
            as v(id, school_id, local_id, first_name, last_name, date_of_birth, grade)`.execute(trx);
        await sql`
          insert into people (id, first_name, last_name, email)
          select * from unnest(${people}::uuid[], ${rows.map((r) => r.guardian?.firstName ?? "")}::text[],
                               ${rows.map((r) => r.guardian?.lastName ?? "")}::text[],
                               ${rows.map((r) => r.guardian?.email ?? "")}::text[])`.execute(trx);
        await sql`
          insert into guardianships (student_id, person_id)
          select * from unnest(${students}::uuid[], ${people}::uuid[])`.execute(trx);
        throw new RolledBack();
      })
      .catch((error: unknown) => {
        if (!(error instanceof RolledBack)) throw error;
      });
    times.push(performance.now() - started);
  }
  return median(times);
}

class RolledBack extends Error {}
