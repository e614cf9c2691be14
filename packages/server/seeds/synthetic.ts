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
 */
import { createHash } from "node:crypto";
import { canonicalJson, ZPlanDocument } from "@lantern/core";
import { hash } from "@node-rs/argon2";
import cliProgress from "cli-progress";
import { type Kysely, sql } from "kysely";
import { UsageError } from "../src/cli/cli-errors.ts";
import { type ColumnSpec, insertColumns, type Value } from "../src/db/insert-columns.ts";
import type { Database } from "../src/db/schema.ts";
import { refreshAllPlansCompliance } from "../src/use-cases/refresh-plan-compliance.ts";
import { DEMO_PASSWORD } from "./demo-accounts.ts";
import { FIRST_NAMES, LAST_NAMES } from "./fictional-names.ts";

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

/** Synthetic staff sign in with the demo password. */
export const SYNTHETIC_PASSWORD = DEMO_PASSWORD;
export const SYNTHETIC_META_KEY = "synthetic-seeded";
export const SYNTHETIC_EMAIL_DOMAIN = "synthetic-district.example";

/** A request the database cannot take (a second synthetic district): the CLI prints it as one line. */
export class SyntheticSeedError extends UsageError {
  override name = "SyntheticSeedError";
}

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

/** 32-bit hash mixing (murmur3 finalizer). */
function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function hashString(s: string, seed: number): number {
  let h = mix32(seed ^ 0x9e3779b9);
  for (let i = 0; i < s.length; i++) h = mix32(h ^ Math.imul(s.charCodeAt(i), 0x01000193));
  return h;
}

/** A small seeded PRNG (sfc32) with the helpers the generator needs. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream: string) {
    this.a = hashString(stream, seed);
    this.b = hashString(stream, seed + 1);
    this.c = hashString(stream, seed + 2);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  int(min: number, maxInclusive: number): number {
    return min + Math.floor(this.next() * (maxInclusive - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Approximately normal (mean 0, sd 1). */
  normal(): number {
    return this.next() + this.next() + this.next() + this.next() + this.next() + this.next() - 3;
  }
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/** A UUID (version 4 layout) that depends only on the seed, the table and the row number. */
export function syntheticUuid(seed: number, table: string, index: number): string {
  const base = hashString(table, seed);
  const w0 = mix32(base ^ index);
  const w1 = mix32(w0 ^ 0x68e31da4 ^ index);
  const w2 = mix32(w1 ^ 0xb5297a4d);
  const w3 = mix32(w2 ^ 0x1b56c4e9 ^ index);
  const b = (w: number, s: number) => HEX[(w >>> s) & 0xff] as string;
  return (
    `${b(w0, 24)}${b(w0, 16)}${b(w0, 8)}${b(w0, 0)}-${b(w1, 24)}${b(w1, 16)}-` +
    `4${HEX[(w1 >>> 8) & 0xff]?.slice(1)}${b(w1, 0)}-` +
    `${HEX[0x80 | ((w2 >>> 24) & 0x3f)]}${b(w2, 16)}-` +
    `${b(w2, 8)}${b(w2, 0)}${b(w3, 24)}${b(w3, 16)}${b(w3, 8)}${b(w3, 0)}`
  );
}

// ---------------------------------------------------------------------------------------------
// Dates (ISO strings, UTC arithmetic)

const DAY_MS = 86_400_000;

export function isoAddDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function isWeekend(iso: string): boolean {
  const d = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return d === 0 || d === 6;
}

// ---------------------------------------------------------------------------------------------
// Bulk loading

/** Collects rows for one table column by column and flushes them in batches. */
export class TableWriter {
  readonly names: string[];
  private cols: Value[][];
  private readonly parents: TableWriter[] = [];
  count = 0;

  constructor(
    private readonly db: Kysely<Database>,
    readonly table: string,
    private readonly spec: ColumnSpec,
    private readonly onRows: (rows: number) => void,
    private readonly batchSize = 10_000,
  ) {
    this.names = Object.keys(spec);
    this.cols = this.names.map(() => []);
  }

  /** Rows of these writers are flushed before this one's (foreign keys). */
  after(...parents: TableWriter[]): this {
    this.parents.push(...parents);
    return this;
  }

  /** Add one row (values in the column order of the spec); flushes when the batch is full. */
  async add(...values: Value[]): Promise<void> {
    for (let i = 0; i < values.length; i++) (this.cols[i] as Value[]).push(values[i] as Value);
    this.count++;
    if ((this.cols[0] as Value[]).length >= this.batchSize) await this.flush();
  }

  async flush(): Promise<void> {
    for (const parent of this.parents) await parent.flush();
    const n = (this.cols[0] as Value[]).length;
    if (n === 0) return;
    const columns = Object.fromEntries(this.names.map((name, i) => [name, this.cols[i] as Value[]]));
    this.cols = this.names.map(() => []);
    const t0 = performance.now();
    await insertColumns(this.db, this.table, this.spec, columns, n);
    if (process.env.SYNTH_TRACE) process.stderr.write(`${this.table} ${n} ${Math.round(performance.now() - t0)}ms\n`);
    this.onRows(n);
  }
}

/**
 * Load tables the way the PostgreSQL manual advises ("Populating a Database"): drop their foreign
 * keys and secondary indexes (and their primary and unique keys when no other table refers to
 * them), insert, then re-create everything exactly as the migrations defined it (definitions read
 * back from the catalog), all inside the caller's transaction. Re-adding a foreign key checks
 * every row at once, so the data is validated as strictly as row by row.
 */
export async function withIndexesBuiltAfter<T>(
  db: Kysely<Database>,
  tables: string[],
  load: () => Promise<T>,
): Promise<T> {
  type Constraint = { table: string; name: string; type: string; def: string };
  await sql`set local maintenance_work_mem = '256MB'`.execute(db);
  const constraints: Constraint[] = [];
  const indexes: string[] = [];
  for (const table of tables) {
    const { rows } = await sql<{ name: string; type: string; def: string }>`
      select conname as name, contype as type, pg_get_constraintdef(oid) as def
      from pg_constraint where conrelid = ${table}::regclass and contype in ('p', 'u', 'f')
      order by contype, conname`.execute(db);
    constraints.push(...rows.map((r) => ({ table, ...r })));
  }
  const foreign = constraints.filter((c) => c.type === "f");
  for (const c of foreign) await sql`alter table ${sql.table(c.table)} drop constraint ${sql.ref(c.name)}`.execute(db);
  const keys: Constraint[] = [];
  for (const table of tables) {
    const { rows } = await sql<{ name: string; def: string }>`
      select i.indexname as name, i.indexdef as def from pg_indexes i
      where i.schemaname = 'public' and i.tablename = ${table}
        and not exists (select 1 from pg_constraint c where c.conindid = (quote_ident(i.indexname))::regclass)`.execute(
      db,
    );
    for (const i of rows) {
      await sql`drop index ${sql.ref(i.name)}`.execute(db);
      indexes.push(i.def);
    }
    const { rows: referenced } = await sql<{ n: number }>`
      select count(*)::int as n from pg_constraint where confrelid = ${table}::regclass and contype = 'f'`.execute(db);
    if ((referenced[0]?.n ?? 0) > 0) continue;
    for (const c of constraints.filter((c) => c.table === table && c.type !== "f")) {
      await sql`alter table ${sql.table(table)} drop constraint ${sql.ref(c.name)}`.execute(db);
      keys.push(c);
    }
  }
  const result = await load();
  for (const c of keys)
    await sql`alter table ${sql.table(c.table)} add constraint ${sql.ref(c.name)} ${sql.raw(c.def)}`.execute(db);
  for (const def of indexes) await sql.raw(def).execute(db);
  for (const c of foreign)
    await sql`alter table ${sql.table(c.table)} add constraint ${sql.ref(c.name)} ${sql.raw(c.def)}`.execute(db);
  return result;
}

export async function tableExists(db: Kysely<Database>, table: string): Promise<boolean> {
  const { rows } = await sql<{ found: boolean }>`select to_regclass(${`public.${table}`}) is not null as found`.execute(
    db,
  );
  return rows[0]?.found === true;
}

export async function columnsOf(db: Kysely<Database>, table: string): Promise<Set<string>> {
  const { rows } = await sql<{ column_name: string }>`
    select column_name from information_schema.columns where table_schema = 'public' and table_name = ${table}`.execute(
    db,
  );
  return new Set(rows.map((r) => r.column_name));
}

// ---------------------------------------------------------------------------------------------
// The district model, shared by every step

export type PlanKind = "iep" | "section-504";

export type SyntheticStudent = {
  id: string;
  index: number;
  schoolIndex: number;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  grade: string;
  /** Plans this student has (none for most). */
  plans: PlanKind[];
  caseManagerId: string | null;
  coordinatorId: string | null;
  providerId: string | null;
  guardianIds: string[];
};

export type SyntheticSchool = {
  id: string;
  name: string;
  level: "elementary" | "middle" | "high";
  adminId: string;
  coordinatorId: string;
  caseManagerIds: string[];
  providerIds: string[];
  teacherIds: string[];
  studentCount: number;
};

export type SyntheticModel = {
  seed: number;
  today: string;
  districtId: string;
  districtAdminIds: string[];
  schools: SyntheticSchool[];
  students: SyntheticStudent[];
};

/** A later feature's part of the synthetic district (plans, deadlines, sessions…). */
export type SyntheticStep = {
  name: string;
  /** Tables the step needs; it is skipped (and says so) when one is missing. */
  requires: string[];
  /** Tables it fills in bulk (their indexes and constraints are built after the load). */
  loads: string[];
  /** Rough number of rows it will insert, for the progress bar. */
  estimateRows(model: SyntheticModel): number;
  run(ctx: SyntheticContext): Promise<void>;
};

export type SyntheticContext = {
  db: Kysely<Database>;
  model: SyntheticModel;
  rng(stream: string): Rng;
  uuid(table: string, index: number): string;
  writer(table: string, spec: ColumnSpec, batchSize?: number): TableWriter;
  /** Rows inserted so far, per table. */
  counts: Record<string, number>;
};

const FIRST = FIRST_NAMES;
const LAST = LAST_NAMES;
const GUARDIAN_FIRST = ["Jordan", "Alex", "Sam", "Taylor", "Morgan", "Casey", "Jamie", "Robin", "Avery", "Riley"];
const SCHOOL_NAMES = [
  "Oak",
  "Cedar",
  "Willow",
  "Aspen",
  "Juniper",
  "Sycamore",
  "Magnolia",
  "Alder",
  "Birch",
  "Cypress",
  "Hawthorn",
  "Laurel",
  "Linden",
  "Maple",
  "Redwood",
  "Sequoia",
  "Spruce",
  "Walnut",
  "Poplar",
  "Chestnut",
];
const SCHOOL_PLACES = ["Grove", "Park", "Hill", "Creek", "Valley", "Ridge", "Meadow", "Lake", "Bay", "Canyon"];

const GRADES: Record<SyntheticSchool["level"], string[]> = {
  elementary: ["K", "1", "2", "3", "4", "5"],
  middle: ["6", "7", "8"],
  high: ["9", "10", "11", "12"],
};

/** Share of students with an IEP, a 504 plan, and both (of all students). */
export const IEP_SHARE = 0.15;
export const SECTION_504_SHARE = 0.03;
export const BOTH_SHARE = 0.005;

/** Build the in-memory district: who is where, who has which plan, who serves whom. */
export function buildModel(options: Pick<SyntheticOptions, "students" | "seed" | "today">): SyntheticModel {
  const { seed, today } = options;
  const n = options.students;
  const uuid = (table: string, i: number) => syntheticUuid(seed, table, i);
  const rng = new Rng(seed, "model");
  let personIndex = 0;
  const nextPerson = () => uuid("people", personIndex++);

  // Schools of about 500–2,000 students: about one per 1,000, sizes drawn around that.
  const schoolCount = Math.max(1, Math.round(n / 1000));
  const weights = Array.from({ length: schoolCount }, () => 0.6 + rng.next() * 0.8);
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.floor((w / weightSum) * n));
  let assigned = sizes.reduce((a, b) => a + b, 0);
  for (let i = 0; assigned < n; i = (i + 1) % schoolCount, assigned++) sizes[i] = (sizes[i] as number) + 1;

  const districtAdminIds = [nextPerson(), nextPerson()];
  const schools: SyntheticSchool[] = sizes.map((size, i) => {
    const level: SyntheticSchool["level"] = i % 20 < 11 ? "elementary" : i % 20 < 15 ? "middle" : "high";
    const suffix = level === "elementary" ? "Elementary" : level === "middle" ? "Middle School" : "High School";
    const round = Math.floor(i / (SCHOOL_NAMES.length * SCHOOL_PLACES.length));
    const name = `${SCHOOL_NAMES[i % SCHOOL_NAMES.length]} ${SCHOOL_PLACES[Math.floor(i / SCHOOL_NAMES.length) % SCHOOL_PLACES.length]} ${suffix}${round > 0 ? ` ${round + 1}` : ""}`;
    const expectedIep = size * (IEP_SHARE + 0.002);
    return {
      id: uuid("schools", i),
      name,
      level,
      adminId: nextPerson(),
      coordinatorId: nextPerson(),
      caseManagerIds: Array.from({ length: Math.max(1, Math.round(expectedIep / 25)) }, nextPerson),
      providerIds: Array.from({ length: Math.max(1, Math.round(expectedIep / 60)) }, nextPerson),
      teacherIds: Array.from({ length: Math.max(1, Math.round(size / 25)) }, nextPerson),
      studentCount: size,
    };
  });

  const year = Number(today.slice(0, 4));
  const students: SyntheticStudent[] = [];
  let s = 0;
  for (let k = 0; k < schools.length; k++) {
    const school = schools[k] as SyntheticSchool;
    const grades = GRADES[school.level];
    for (let j = 0; j < school.studentCount; j++, s++) {
      const grade = grades[j % grades.length] as string;
      const age = (grade === "K" ? 5 : Number(grade) + 5) + (rng.chance(0.5) ? 1 : 0);
      const dob = isoAddDays(`${year - age}-01-01`, rng.int(0, 364));
      const r = rng.next();
      const plans: PlanKind[] =
        r < BOTH_SHARE
          ? ["iep", "section-504"]
          : r < IEP_SHARE
            ? ["iep"]
            : r < IEP_SHARE + SECTION_504_SHARE - BOTH_SHARE
              ? ["section-504"]
              : [];
      const hasIep = plans.includes("iep");
      const guardians = rng.chance(0.2) ? 2 : 1;
      students.push({
        id: uuid("students", s),
        index: s,
        schoolIndex: k,
        firstName: rng.pick(FIRST),
        lastName: rng.pick(LAST),
        dateOfBirth: dob,
        grade,
        plans,
        caseManagerId: hasIep ? rng.pick(school.caseManagerIds) : null,
        coordinatorId: plans.includes("section-504") ? school.coordinatorId : null,
        providerId: hasIep && rng.chance(0.45) ? rng.pick(school.providerIds) : null,
        guardianIds: Array.from({ length: guardians }, nextPerson),
      });
    }
  }
  return { seed, today, districtId: uuid("districts", 0), districtAdminIds, schools, students };
}

// ---------------------------------------------------------------------------------------------
// Steps

const PEOPLE_SPEC: ColumnSpec = {
  id: "uuid",
  first_name: "text",
  last_name: "text",
  email: "text",
  password_hash: "text",
};
const ROLE_SPEC: ColumnSpec = { id: "uuid", person_id: "uuid", role: "text", district_id: "uuid", school_id: "uuid" };

/** District, schools, staff, students, guardians, caseloads and classes (migration 0001). */
export const tenancyStep: SyntheticStep = {
  name: "students, staff and guardians",
  requires: ["students", "people", "guardianships", "caseload_members", "classes"],
  loads: [
    "people",
    "role_assignments",
    "students",
    "guardianships",
    "caseload_members",
    "classes",
    "class_enrollments",
  ],
  estimateRows(model) {
    const staff = model.schools.reduce(
      (a, k) => a + 2 + k.caseManagerIds.length + k.providerIds.length + k.teacherIds.length,
      2,
    );
    const guardians = model.students.reduce((a, s) => a + s.guardianIds.length, 0);
    const caseload = model.students.reduce(
      (a, s) => a + (s.caseManagerId ? 1 : 0) + (s.coordinatorId ? 1 : 0) + (s.providerId ? 1 : 0),
      0,
    );
    return 2 * staff + 3 * guardians + 2 * model.students.length + caseload;
  },
  async run(ctx) {
    const { model, db } = ctx;
    const passwordHash = await hash(SYNTHETIC_PASSWORD);
    const rng = ctx.rng("people");
    await sql`insert into districts (id, name, state, settings) values (${model.districtId}::uuid, ${"Synthetic Unified School District"}, ${"CA"}, ${"{}"}::jsonb)`.execute(
      db,
    );
    const schools = ctx.writer("schools", { id: "uuid", district_id: "uuid", name: "text" });
    for (const k of model.schools) await schools.add(k.id, model.districtId, k.name);
    await schools.flush();

    const people = ctx.writer("people", PEOPLE_SPEC);
    const roles = ctx.writer("role_assignments", ROLE_SPEC).after(people);
    let roleIndex = 0;
    const staff = async (id: string, role: string, email: string, schoolId: string | null) => {
      await people.add(id, rng.pick(FIRST), rng.pick(LAST), `${email}@${SYNTHETIC_EMAIL_DOMAIN}`, passwordHash);
      await roles.add(ctx.uuid("role_assignments", roleIndex++), id, role, model.districtId, schoolId);
    };
    for (const [i, id] of model.districtAdminIds.entries()) await staff(id, "district-admin", `admin.${i + 1}`, null);
    for (const [k, school] of model.schools.entries()) {
      await staff(school.adminId, "school-admin", `principal.${k + 1}`, school.id);
      await staff(school.coordinatorId, "section-504-coordinator", `coordinator504.${k + 1}`, null);
      for (const [i, id] of school.caseManagerIds.entries())
        await staff(id, "case-manager", `casemanager.${k + 1}.${i + 1}`, null);
      for (const [i, id] of school.providerIds.entries())
        await staff(id, "related-service-provider", `provider.${k + 1}.${i + 1}`, null);
      for (const [i, id] of school.teacherIds.entries())
        await staff(id, "teacher", `teacher.${k + 1}.${i + 1}`, school.id);
    }

    const students = ctx.writer("students", {
      id: "uuid",
      district_id: "uuid",
      school_id: "uuid",
      local_id: "text",
      first_name: "text",
      last_name: "text",
      date_of_birth: "date",
      grade: "text",
    });
    const guardianships = ctx
      .writer("guardianships", { student_id: "uuid", person_id: "uuid", relationship: "text" })
      .after(people, students);
    for (const s of model.students) {
      const school = model.schools[s.schoolIndex] as SyntheticSchool;
      await students.add(
        s.id,
        model.districtId,
        school.id,
        `SY${String(s.index + 1).padStart(7, "0")}`,
        s.firstName,
        s.lastName,
        s.dateOfBirth,
        s.grade,
      );
    }
    await students.flush();
    for (const s of model.students) {
      for (const [g, gid] of s.guardianIds.entries()) {
        const first = rng.pick(GUARDIAN_FIRST);
        await people.add(gid, first, s.lastName, `family.${s.index + 1}.${g + 1}@${SYNTHETIC_EMAIL_DOMAIN}`, null);
        await roles.add(ctx.uuid("role_assignments", roleIndex++), gid, "guardian", model.districtId, null);
        await guardianships.add(s.id, gid, g === 0 ? "parent" : rng.pick(["parent", "grandparent", "guardian"]));
      }
    }
    // Parents before the rows that reference them.
    await people.flush();
    await roles.flush();
    await guardianships.flush();

    const caseload = ctx.writer("caseload_members", { person_id: "uuid", student_id: "uuid", role: "text" });
    for (const s of model.students) {
      if (s.caseManagerId) await caseload.add(s.caseManagerId, s.id, "case-manager");
      if (s.coordinatorId) await caseload.add(s.coordinatorId, s.id, "section-504-coordinator");
      if (s.providerId) await caseload.add(s.providerId, s.id, "related-service-provider");
    }
    await caseload.flush();

    // One homeroom per teacher; every student is in one.
    const classes = ctx.writer("classes", { id: "uuid", school_id: "uuid", name: "text", teacher_id: "uuid" });
    const enrollments = ctx.writer("class_enrollments", { class_id: "uuid", student_id: "uuid" }).after(classes);
    let classIndex = 0;
    const classIds: string[][] = [];
    for (const school of model.schools) {
      const ids: string[] = [];
      for (const [i, teacherId] of school.teacherIds.entries()) {
        const id = ctx.uuid("classes", classIndex++);
        ids.push(id);
        await classes.add(id, school.id, `Homeroom ${i + 1}`, teacherId);
      }
      classIds.push(ids);
    }
    await classes.flush();
    for (const s of model.students) {
      const ids = classIds[s.schoolIndex] as string[];
      await enrollments.add(ids[s.index % ids.length] as string, s.id);
    }
    await enrollments.flush();
  },
};

// ---------------------------------------------------------------------------------------------
// Plans (migration 0002): every lifecycle stage, with meetings and signatures

/** How far along a plan is; the versions follow from it. */
export const PLAN_STAGES = ["in-effect", "amended", "renewal-draft", "draft", "proposed", "signed", "ended"] as const;
export type PlanStage = (typeof PLAN_STAGES)[number];

export type SyntheticGoal = {
  id: string;
  area: string;
  unit: string;
  direction: "increase" | "decrease";
  baseline: number;
  target: number;
  /** How quickly the student moves toward the target (1 = on the aim line). */
  pace: number;
};

export type SyntheticService = {
  id: string;
  kind: "special-education" | "related-service";
  area: string;
  timesPerWeek: number;
  minutes: number;
  delivery: "individual" | "group";
  providerId: string;
};

export type SyntheticVersion = {
  id: string;
  number: number;
  status: "draft" | "proposed" | "signed" | "in-effect" | "amended" | "ended";
  sealed: boolean;
  meetingDate: string;
  planStart: string;
  content: Record<string, unknown>;
};

export type SyntheticPlan = {
  id: string;
  student: SyntheticStudent;
  type: PlanKind;
  stage: PlanStage;
  status: SyntheticVersion["status"];
  effectiveFrom: string | null;
  effectiveTo: string | null;
  endedOn: string | null;
  versions: SyntheticVersion[];
  /** The version in effect (sessions and progress data are logged against it). */
  inEffect: SyntheticVersion | null;
  goals: SyntheticGoal[];
  services: SyntheticService[];
};

const GOAL_BANK = [
  {
    area: "Reading fluency",
    domain: "academic",
    unit: "words correct per minute",
    base: [40, 95],
    gain: [25, 45],
    dir: "increase",
    method: "Curriculum-based measurement probes",
  },
  {
    area: "Reading comprehension",
    domain: "academic",
    unit: "percent correct",
    base: [30, 60],
    gain: [20, 35],
    dir: "increase",
    method: "Comprehension questions on grade-level passages",
  },
  {
    area: "Math computation",
    domain: "academic",
    unit: "problems correct in 2 minutes",
    base: [5, 20],
    gain: [8, 15],
    dir: "increase",
    method: "Timed computation probes",
  },
  {
    area: "Written expression",
    domain: "academic",
    unit: "rubric points",
    base: [1, 2],
    gain: [1, 2],
    dir: "increase",
    method: "District writing rubric",
  },
  {
    area: "Articulation",
    domain: "functional",
    unit: "percent accuracy",
    base: [40, 65],
    gain: [20, 35],
    dir: "increase",
    method: "Speech-language pathologist's data sheets",
  },
  {
    area: "On-task behavior",
    domain: "functional",
    unit: "percent of intervals on task",
    base: [35, 60],
    gain: [20, 30],
    dir: "increase",
    method: "Interval observations",
  },
  {
    area: "Classroom disruptions",
    domain: "functional",
    unit: "incidents per week",
    base: [8, 15],
    gain: [5, 9],
    dir: "decrease",
    method: "Behavior log",
  },
  {
    area: "Fine motor",
    domain: "functional",
    unit: "legible letters per line",
    base: [4, 8],
    gain: [3, 6],
    dir: "increase",
    method: "Handwriting samples",
  },
] as const;

const ACCOMMODATION_BANK = [
  {
    category: "testing",
    text: "Extended time (1.5×) on tests and quizzes",
    providedBy: "All teachers",
    when: "Tests and quizzes",
  },
  { category: "instructional", text: "Preferential seating as needed", providedBy: "Teachers", when: "As needed" },
  {
    category: "instructional",
    text: "Check for understanding as appropriate",
    providedBy: "Teachers",
    when: "When appropriate",
  },
  {
    category: "instructional",
    text: "Audio versions of texts",
    providedBy: "General education teachers",
    when: "Reading assignments",
  },
  {
    category: "testing",
    text: "Tests in a small-group setting",
    providedBy: "Special education teacher",
    when: "Unit tests",
  },
  { category: "instructional", text: "Copies of class notes", providedBy: "Teachers", when: "Daily" },
  {
    category: "environmental",
    text: "Movement breaks of five minutes every 30 minutes",
    providedBy: "Teachers",
    when: "Every class period",
  },
  {
    category: "instructional",
    text: "Directions given orally and in writing",
    providedBy: "Teachers",
    when: "New assignments",
  },
  {
    category: "behavioral",
    text: "Daily check-in with the counselor",
    providedBy: "School counselor",
    when: "Start of the school day",
  },
  { category: "testing", text: "Use of a calculator on math tests", providedBy: "Math teacher", when: "Math tests" },
] as const;

const IMPAIRMENT_BANK = [
  {
    name: "Attention-deficit/hyperactivity disorder",
    activity: "concentrating",
    limitation: "Sustaining attention during lessons and tests is hard.",
  },
  {
    name: "Type 1 diabetes",
    activity: "major-bodily-function:endocrine",
    limitation: "Blood sugar must be monitored and managed during the day.",
  },
  {
    name: "Anxiety disorder",
    activity: "learning",
    limitation: "Timed tests and speaking in front of the class cause severe anxiety.",
  },
  { name: "Asthma", activity: "breathing", limitation: "Physical activity and poor air quality can bring on attacks." },
  {
    name: "Severe peanut allergy",
    activity: "major-bodily-function:immune",
    limitation: "Exposure to peanuts can cause anaphylaxis.",
  },
] as const;

const LRE = ["RC80", "RC79TO40", "RC80", "RC80", "RC39"] as const;

/** A school day: a weekday outside summer (Jun 12 – Aug 19) and winter break (Dec 21 – Jan 4). */
export function isSchoolDay(iso: string): boolean {
  if (isWeekend(iso)) return false;
  const md = iso.slice(5);
  if (md >= "06-12" && md <= "08-19") return false;
  if (md >= "12-21" || md <= "01-04") return false;
  return true;
}

function ageOn(dob: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(dob.slice(0, 4));
  return on.slice(5) < dob.slice(5) ? years - 1 : years;
}

const planCache = new WeakMap<SyntheticModel, SyntheticPlan[]>();

/** Every plan of the district, deterministic from the model (memoised per model). */
export function buildPlans(model: SyntheticModel): SyntheticPlan[] {
  const cached = planCache.get(model);
  if (cached) return cached;
  const rng = new Rng(model.seed, "plans");
  const today = model.today;
  const plans: SyntheticPlan[] = [];
  let versionIndex = 0;
  for (const student of model.students) {
    for (const type of student.plans) {
      const school = model.schools[student.schoolIndex] as SyntheticSchool;
      const planIndex = plans.length;
      const r = rng.next();
      const stage: PlanStage =
        r < 0.6
          ? "in-effect"
          : r < 0.7
            ? "amended"
            : r < 0.77
              ? "renewal-draft"
              : r < 0.83
                ? "draft"
                : r < 0.88
                  ? "proposed"
                  : r < 0.93
                    ? "signed"
                    : "ended";
      // Start dates: most within the last year; one in 16 overdue for the annual review (past),
      // one in 16 due within 30 days (near) besides those drawn there, the rest far; new plans start soon.
      let start: string;
      if (stage === "draft" || stage === "proposed" || stage === "signed") start = isoAddDays(today, rng.int(3, 45));
      else if (stage === "ended") start = isoAddDays(today, -rng.int(400, 700));
      else if (planIndex % 16 === 0) start = isoAddDays(today, -(365 + rng.int(1, 60)));
      else if (planIndex % 16 === 1) start = isoAddDays(today, -(364 - rng.int(0, 30)));
      else start = isoAddDays(today, -rng.int(0, 364));
      const end = isoAddDays(start, 364);
      const guardianName = `${rng.pick(GUARDIAN_FIRST)} ${student.lastName}`;

      const goals: SyntheticGoal[] = [];
      const services: SyntheticService[] = [];
      if (type === "iep") {
        const goalCount = rng.int(1, 4);
        const used = new Set<number>();
        for (let g = 0; g < goalCount; g++) {
          let k = rng.int(0, GOAL_BANK.length - 1);
          while (used.has(k)) k = (k + 1) % GOAL_BANK.length;
          used.add(k);
          const bank = GOAL_BANK[k] as (typeof GOAL_BANK)[number];
          const baseline = rng.int(bank.base[0], bank.base[1]);
          const gain = rng.int(bank.gain[0], bank.gain[1]);
          goals.push({
            id: `goal-${g + 1}`,
            area: bank.area,
            unit: bank.unit,
            direction: bank.dir,
            baseline,
            target: bank.dir === "increase" ? baseline + gain : Math.max(0, baseline - gain),
            pace: 0.3 + rng.next() * 1.1,
          });
        }
        const sai = rng.chance(0.8) || student.providerId === null;
        const related = student.providerId ?? (school.providerIds[0] as string);
        const add = (
          kind: SyntheticService["kind"],
          area: string,
          times: number,
          minutes: number,
          providerId: string,
        ) =>
          services.push({
            id: `svc-${services.length + 1}`,
            kind,
            area,
            timesPerWeek: times,
            minutes,
            delivery: rng.chance(0.6) ? "group" : "individual",
            providerId,
          });
        if (sai)
          add(
            "special-education",
            "specialized-academic-instruction",
            rng.int(2, 4),
            rng.pick([30, 45, 60]),
            student.caseManagerId as string,
          );
        if (student.providerId) add("related-service", "speech-language-pathology", rng.int(1, 2), 30, related);
        if (rng.chance(0.12)) add("related-service", "occupational-therapy", 1, 30, related);
        if (rng.chance(0.12)) add("related-service", "counseling", 1, 30, related);
      }
      const accommodations = Array.from({ length: rng.int(2, 5) }, (_, i) => {
        const a = ACCOMMODATION_BANK[
          (rng.int(0, ACCOMMODATION_BANK.length - 1) + i) % ACCOMMODATION_BANK.length
        ] as (typeof ACCOMMODATION_BANK)[number];
        return { id: `acc-${i + 1}`, ...a };
      }).filter((a, i, all) => all.findIndex((b) => b.text === a.text) === i);
      const impairment = IMPAIRMENT_BANK[rng.int(0, IMPAIRMENT_BANK.length - 1)] as (typeof IMPAIRMENT_BANK)[number];
      const lre = rng.pick(LRE);
      const disability = rng.pick([
        "specific-learning-disability",
        "speech-or-language-impairment",
        "other-health-impairment",
        "autism",
        "emotional-disturbance",
        "intellectual-disability",
      ]);

      const contentFor = (planStart: string, meetingDate: string, sealed: boolean, amendment: boolean) =>
        type === "iep"
          ? iepContent({
              student,
              school,
              model,
              planStart,
              meetingDate,
              sealed,
              amendment,
              goals,
              services,
              accommodations,
              guardianName,
              lre,
              disability,
            })
          : section504Content({
              student,
              school,
              planStart,
              meetingDate,
              sealed,
              accommodations,
              guardianName,
              impairment,
            });
      const version = (
        number: number,
        status: SyntheticVersion["status"],
        sealed: boolean,
        planStart: string,
        meetingDate: string,
        amendment = false,
      ): SyntheticVersion => ({
        id: syntheticUuid(model.seed, "plan_versions", versionIndex++),
        number,
        status,
        sealed,
        meetingDate,
        planStart,
        // Stored as the API stores it: validated, defaults filled in.
        content: ZPlanDocument.parse(contentFor(planStart, meetingDate, sealed, amendment)) as Record<string, unknown>,
      });
      const meeting = isoAddDays(start, -1);
      let versions: SyntheticVersion[];
      let inEffect: SyntheticVersion | null = null;
      let status: SyntheticVersion["status"];
      let endedOn: string | null = null;
      switch (stage) {
        case "in-effect":
          versions = [version(1, "in-effect", true, start, meeting)];
          inEffect = versions[0] as SyntheticVersion;
          status = "in-effect";
          break;
        case "amended": {
          const amendedOn = isoAddDays(start, rng.int(30, 150));
          const v1 = version(1, "amended", true, start, meeting);
          const v2 = version(
            2,
            "in-effect",
            true,
            amendedOn < today ? amendedOn : today,
            amendedOn < today ? amendedOn : today,
            true,
          );
          versions = [v1, v2];
          inEffect = v2;
          status = "in-effect";
          break;
        }
        case "renewal-draft": {
          const v1 = version(1, "in-effect", true, start, meeting);
          const v2 = version(2, "draft", false, isoAddDays(start, 365), isoAddDays(start, 364));
          versions = [v1, v2];
          inEffect = v1;
          status = "in-effect";
          break;
        }
        case "draft":
        case "proposed":
        case "signed":
          versions = [version(1, stage, stage === "signed", start, meeting)];
          status = stage;
          break;
        case "ended":
          versions = [version(1, "ended", true, start, meeting)];
          endedOn = isoAddDays(start, rng.int(120, 300));
          status = "ended";
          break;
      }
      plans.push({
        id: syntheticUuid(model.seed, "plans", planIndex),
        student,
        type,
        stage,
        status,
        effectiveFrom: inEffect || stage === "signed" || stage === "ended" ? start : null,
        effectiveTo: inEffect || stage === "signed" ? end : stage === "ended" ? endedOn : null,
        endedOn,
        versions,
        inEffect,
        goals,
        services,
      });
    }
  }
  planCache.set(model, plans);
  return plans;
}

type ContentInput = {
  student: SyntheticStudent;
  school: SyntheticSchool;
  planStart: string;
  meetingDate: string;
  sealed: boolean;
  accommodations: Array<{ id: string; category: string; text: string; providedBy: string; when: string }>;
  guardianName: string;
};

function monthYear(iso: string): string {
  const months = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ];
  return `${months[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
}

function iepContent(
  input: ContentInput & {
    model: SyntheticModel;
    amendment: boolean;
    goals: SyntheticGoal[];
    services: SyntheticService[];
    lre: string;
    disability: string;
  },
): Record<string, unknown> {
  const { student, school, planStart, meetingDate, sealed } = input;
  const planEnd = isoAddDays(planStart, 364);
  const first = student.firstName;
  const age = ageOn(student.dateOfBirth, planStart);
  const reports = [0.3, 0.55, 0.8].map((f) => isoAddDays(planStart, Math.round(364 * f)));
  return {
    type: "iep",
    schemaVersion: 1,
    student: {
      studentId: student.id,
      localId: `SY${String(student.index + 1).padStart(7, "0")}`,
      firstName: first,
      lastName: student.lastName,
      dateOfBirth: student.dateOfBirth,
      grade: student.grade,
      school: school.name,
      district: "Synthetic Unified School District",
      primaryLanguage: "English",
      englishLearner: false,
      guardians: [{ name: input.guardianName, relationship: "Parent", language: "English" }],
    },
    primaryDisability: input.disability,
    meeting: {
      date: meetingDate,
      type: input.amendment ? "amendment" : "annual",
      location: "Conference room",
      parentParticipation: "in-person",
      notes: `The team reviewed ${first}'s progress and present levels.`,
    },
    dates: {
      planStart,
      planEnd,
      nextAnnualReview: planEnd,
      lastEvaluation: isoAddDays(planStart, -400),
      nextReevaluation: isoAddDays(planStart, 695),
    },
    presentLevels: {
      academic: `${first} is working toward grade-level standards with specialized instruction.`,
      functional: `${first} follows classroom routines with reminders.`,
      impactOnGeneralCurriculum: `${first}'s disability affects progress in the general education curriculum without support.`,
      strengths: ["Curious", "Works well with peers"],
      needs: input.goals.map((g, i) => ({
        id: `need-${i + 1}`,
        area: g.area,
        description: `Skills in ${g.area.toLowerCase()}`,
      })),
    },
    goals: input.goals.map((g, i) => ({
      id: g.id,
      area: g.area,
      domain: GOAL_BANK.find((b) => b.area === g.area)?.domain ?? "academic",
      statement: `By ${monthYear(planEnd)}, ${first} will reach ${g.target} ${g.unit} in ${g.area.toLowerCase()}.`,
      baseline: { value: g.baseline, description: `${g.baseline} ${g.unit}`, measuredOn: isoAddDays(planStart, -20) },
      target: { value: g.target, description: `${g.target} ${g.unit}` },
      unit: g.unit,
      direction: g.direction,
      criterion: "in 3 of 4 consecutive probes",
      measurementMethod: GOAL_BANK.find((b) => b.area === g.area)?.method ?? "Probes",
      byDate: planEnd,
      needIds: [`need-${i + 1}`],
    })),
    progressReporting: {
      howMeasured: "Data charted by the case manager and providers",
      schedule: { kind: "report-card-periods" },
      reportDates: reports,
      format: "Written report sent with the report card",
    },
    services: input.services.map((s) => ({
      id: s.id,
      kind: s.kind,
      area: s.area,
      startDate: planStart,
      frequency: { times: s.timesPerWeek, per: "week" },
      minutesPerSession: s.minutes,
      delivery: s.delivery,
      location: s.kind === "special-education" ? "Learning center" : "Therapy room",
      providerRole: s.kind === "special-education" ? "Special education teacher" : "Related service provider",
      goalIds: input.goals.map((g) => g.id),
    })),
    placement: {
      settingCode: input.lre,
      percentInGeneralEducation: input.lre === "RC80" ? 85 : input.lre === "RC79TO40" ? 60 : 30,
      nonParticipationExplanation: `${first} leaves general education for specialized instruction and services.`,
      school: school.name,
      isSchoolOfResidence: true,
    },
    accommodations: input.accommodations.map((a) => ({ ...a, needIds: input.goals.length ? ["need-1"] : [] })),
    assessments: [
      {
        id: "asm-1",
        name: "State assessment in English language arts",
        scope: "state",
        participation: "regular-with-accommodations",
        accommodationIds: input.accommodations.filter((a) => a.category === "testing").map((a) => a.id),
      },
    ],
    specialFactors: {
      behavior: { considered: true, applies: false },
      limitedEnglishProficiency: { considered: true, applies: false },
      braille: { considered: true, applies: false },
      communication: { considered: true, applies: false },
      assistiveTechnology: { considered: true, applies: false },
    },
    extendedSchoolYear: { decision: "not-required", rationale: "No significant regression over breaks." },
    transition:
      age >= 16
        ? {
            postsecondaryGoals: [
              {
                id: "psg-1",
                area: "education-training",
                text: `After high school, ${first} will enroll in a community college program.`,
              },
              { id: "psg-2", area: "employment", text: `After high school, ${first} will work part time.` },
            ],
            transitionServices: [
              {
                id: "ts-1",
                area: "instruction",
                description: "College-preparation course",
                providedBy: "School",
                postsecondaryGoalIds: ["psg-1"],
              },
            ],
            courseOfStudy: "Diploma track",
            studentInvited: true,
          }
        : null,
    amendment: input.amendment
      ? {
          madeAtMeeting: false,
          parentWrittenAgreementDate: meetingDate,
          description: "Added minutes of service.",
          teamInformedOn: meetingDate,
        }
      : null,
    attendees: [
      {
        id: "att-1",
        name: input.guardianName,
        role: "parent",
        title: "Parent",
        attendance: sealed ? "attended" : "invited",
      },
      {
        id: "att-2",
        name: "General education teacher",
        role: "regular-education-teacher",
        attendance: sealed ? "attended" : "invited",
      },
      {
        id: "att-3",
        name: "Case manager",
        role: "special-education-teacher",
        attendance: sealed ? "attended" : "invited",
      },
      {
        id: "att-4",
        name: "Assistant principal",
        role: "agency-representative",
        attendance: sealed ? "attended" : "invited",
      },
    ],
    signatures: sealed
      ? [
          {
            attendeeId: "att-1",
            method: "typed",
            typedName: input.guardianName,
            signedAt: `${meetingDate}T16:00:00Z`,
            meaning: "agreement",
          },
        ]
      : [],
    consent: sealed ? { choice: "consent", date: meetingDate, givenBy: "att-1" } : { choice: null },
    safeguardsNotice: { givenOn: meetingDate, method: "in-person", language: "English" },
  };
}

function section504Content(
  input: ContentInput & { impairment: (typeof IMPAIRMENT_BANK)[number] },
): Record<string, unknown> {
  const { student, school, planStart, meetingDate, sealed } = input;
  return {
    type: "section-504",
    schemaVersion: 1,
    student: {
      studentId: student.id,
      firstName: student.firstName,
      lastName: student.lastName,
      dateOfBirth: student.dateOfBirth,
      grade: student.grade,
      school: school.name,
    },
    meeting: { date: meetingDate, type: "annual", notes: "Reviewed the plan with the family." },
    dates: { planStart, reviewDate: isoAddDays(planStart, 364), nextReevaluation: isoAddDays(planStart, 1000) },
    impairments: [
      {
        id: "imp-1",
        name: input.impairment.name,
        mitigatingMeasures: [],
        limitations: [
          { id: "lim-1", majorLifeActivity: input.impairment.activity, description: input.impairment.limitation },
        ],
      },
    ],
    evaluationSources: [
      { id: "src-1", kind: "parent-input", description: "Parent interview" },
      { id: "src-2", kind: "teacher-report", description: "Teacher observations" },
    ],
    accommodations: input.accommodations.map((a) => ({ ...a, limitationIds: ["lim-1"] })),
    aidsAndServices: [],
    placement: "General education classes",
    attendees: [
      { id: "att-1", name: input.guardianName, role: "parent", attendance: sealed ? "attended" : "invited" },
      {
        id: "att-2",
        name: "Section 504 coordinator",
        role: "other",
        title: "504 coordinator",
        attendance: sealed ? "attended" : "invited",
      },
    ],
    signatures: sealed
      ? [{ attendeeId: "att-1", method: "typed", typedName: input.guardianName, signedAt: `${meetingDate}T16:00:00Z` }]
      : [],
    safeguardsNotice: { givenOn: meetingDate, method: "in-person" },
  };
}

function sha256Hex(content: unknown): string {
  return createHash("sha256").update(canonicalJson(content)).digest("hex");
}

export const plansStep: SyntheticStep = {
  name: "plans",
  requires: ["plans", "plan_versions", "plan_meetings", "plan_signatures"],
  loads: ["plans", "plan_versions", "plan_meetings", "plan_signatures"],
  estimateRows(model) {
    const plans = model.students.reduce((a, s) => a + s.plans.length, 0);
    return Math.round(plans * 4.3);
  },
  async run(ctx) {
    const { model, db } = ctx;
    const plans = buildPlans(model);
    const planWriter = ctx.writer("plans", {
      id: "uuid",
      student_id: "uuid",
      district_id: "uuid",
      school_id: "uuid",
      type: "text",
      status: "text",
      created_by: "uuid",
      created_at: "timestamptz",
      effective_from: "date",
      effective_to: "date",
      ended_on: "date",
      ended_reason: "text",
    });
    const versionWriter = ctx
      .writer(
        "plan_versions",
        {
          id: "uuid",
          plan_id: "uuid",
          number: "int",
          parent_version_id: "uuid",
          content: "jsonb",
          status: "text",
          sealed_at: "timestamptz",
          content_sha256: "text",
          created_by: "uuid",
          created_at: "timestamptz",
        },
        500,
      )
      .after(planWriter);
    const meetingWriter = ctx
      .writer("plan_meetings", {
        id: "uuid",
        plan_id: "uuid",
        version_id: "uuid",
        scheduled_at: "timestamptz",
        location: "text",
        purpose: "text",
        meeting_type: "text",
        notice_sent_on: "date",
        created_by: "uuid",
      })
      .after(versionWriter);
    const signatureWriter = ctx
      .writer("plan_signatures", {
        id: "uuid",
        version_id: "uuid",
        attendee_id: "text",
        role: "text",
        method: "text",
        signature_text: "text",
        meaning: "text",
        signer_person_id: "uuid",
        signed_at: "timestamptz",
        consent_choice: "text",
      })
      .after(versionWriter);
    let meetingIndex = 0;
    let signatureIndex = 0;
    for (const plan of plans) {
      const author = (plan.type === "iep" ? plan.student.caseManagerId : plan.student.coordinatorId) as string;
      const school = model.schools[plan.student.schoolIndex] as SyntheticSchool;
      const firstMeeting = plan.versions[0]?.meetingDate ?? model.today;
      await planWriter.add(
        plan.id,
        plan.student.id,
        model.districtId,
        school.id,
        plan.type,
        plan.status,
        author,
        `${isoAddDays(firstMeeting, -14)}T17:00:00Z`,
        plan.effectiveFrom,
        plan.effectiveTo,
        plan.endedOn,
        plan.endedOn ? "The student no longer needs the plan" : null,
      );
      let parent: string | null = null;
      for (const v of plan.versions) {
        const sealedAt = v.sealed ? `${v.meetingDate}T16:30:00Z` : null;
        await versionWriter.add(
          v.id,
          plan.id,
          v.number,
          parent,
          JSON.stringify(v.content),
          v.status,
          sealedAt,
          v.sealed ? sha256Hex(v.content) : null,
          author,
          `${isoAddDays(v.meetingDate, -14)}T17:00:00Z`,
        );
        parent = v.id;
        await meetingWriter.add(
          ctx.uuid("plan_meetings", meetingIndex++),
          plan.id,
          v.id,
          `${v.meetingDate}T15:30:00Z`,
          "Conference room",
          v.number > 1 ? "Review and revise the plan" : "Develop the plan",
          v.number > 1 && plan.stage === "amended" ? "amendment" : "annual",
          isoAddDays(v.meetingDate, -10),
          author,
        );
        if (v.sealed) {
          const guardian = plan.student.guardianIds[0] as string;
          const typedName = ((v.content.signatures as Array<{ typedName: string }>)[0]?.typedName ?? "") as string;
          await signatureWriter.add(
            ctx.uuid("plan_signatures", signatureIndex++),
            v.id,
            "att-1",
            "parent",
            "typed",
            typedName,
            "agreement",
            guardian,
            `${v.meetingDate}T16:00:00Z`,
            plan.type === "iep" ? "consent" : null,
          );
        }
      }
    }
    await meetingWriter.flush();
    await signatureWriter.flush();
    // Point each plan at its latest and in-effect versions (the two keys refer to each other).
    const ids: string[] = [];
    const current: string[] = [];
    const inEffect: Array<string | null> = [];
    for (const plan of plans) {
      ids.push(plan.id);
      current.push((plan.versions[plan.versions.length - 1] as SyntheticVersion).id);
      inEffect.push(plan.inEffect?.id ?? null);
    }
    for (let i = 0; i < ids.length; i += 10_000) {
      await sql`
        update plans p set current_version_id = v.current_id, in_effect_version_id = v.in_effect_id
        from unnest(${ids.slice(i, i + 10_000)}::uuid[], ${current.slice(i, i + 10_000)}::uuid[],
                    ${inEffect.slice(i, i + 10_000)}::uuid[]) as v(id, current_id, in_effect_id)
        where p.id = v.id`.execute(db);
    }
  },
};

// ---------------------------------------------------------------------------------------------
// Enforcement (migration 0004): a year of service sessions and goal progress data

const SESSION_STATUSES = [
  ["delivered", 0.86],
  ["student-absent", 0.05],
  ["provider-absent", 0.04],
  ["school-closed", 0.02],
  ["student-unavailable", 0.02],
  ["make-up", 0.01],
] as const;

export const enforcementStep: SyntheticStep = {
  name: "service sessions and progress data",
  requires: ["plans", "plan_versions", "service_sessions", "progress_data_points"],
  loads: ["service_sessions", "progress_data_points"],
  estimateRows(model) {
    let rows = 0;
    for (const plan of buildPlans(model)) {
      if (!plan.inEffect) continue;
      const days = Math.min(365, Math.max(0, (Date.parse(model.today) - Date.parse(plan.inEffect.planStart)) / DAY_MS));
      const weeks = (days / 7) * 0.8;
      rows += plan.services.reduce((a, s) => a + s.timesPerWeek * weeks, 0) + (plan.goals.length * days * 0.8) / 14;
    }
    return Math.round(rows);
  },
  async run(ctx) {
    await loadEnforcement(ctx);
  },
};

async function loadEnforcement(ctx: SyntheticContext): Promise<void> {
  {
    const { model } = ctx;
    const rng = ctx.rng("sessions");
    const sessions = ctx.writer("service_sessions", {
      id: "uuid",
      district_id: "uuid",
      school_id: "uuid",
      student_id: "uuid",
      service_id: "text",
      session_date: "date",
      minutes: "int",
      delivery: "text",
      status: "text",
      provider_id: "uuid",
    });
    const points = ctx.writer("progress_data_points", {
      id: "uuid",
      district_id: "uuid",
      school_id: "uuid",
      student_id: "uuid",
      goal_id: "text",
      point_date: "date",
      value: "numeric",
      recorded_by: "uuid",
    });
    let sessionIndex = 0;
    let pointIndex = 0;
    const yearAgo = isoAddDays(model.today, -365);
    // The past year, day by day (index 0 = a year ago, last = yesterday).
    const calendar = Array.from({ length: 365 }, (_, i) => isoAddDays(yearAgo, i));
    const schoolDay = calendar.map(isSchoolDay);
    for (const plan of buildPlans(model)) {
      const version = plan.inEffect;
      if (!version || plan.type !== "iep") continue;
      const planStart = (plan.versions[0] as SyntheticVersion).planStart;
      const from = planStart > yearAgo ? planStart : yearAgo;
      const schoolId = (model.schools[plan.student.schoolIndex] as SyntheticSchool).id;
      const startOffset = Math.round((Date.parse(planStart) - Date.parse(yearAgo)) / DAY_MS);
      // Sessions: each week, `timesPerWeek` of its school days (day numbers into the calendar).
      const first = Math.round((Date.parse(from) - Date.parse(yearAgo)) / DAY_MS);
      for (const service of plan.services) {
        for (let week = first; week < calendar.length; week += 7) {
          const days: number[] = [];
          for (let d = week; d < week + 7 && d < calendar.length; d++) if (schoolDay[d]) days.push(d);
          const count = Math.min(service.timesPerWeek, days.length);
          for (let t = 0; t < count; t++) {
            const day = calendar[days[Math.floor((t * days.length) / count)] as number] as string;
            let r = rng.next();
            let status: string = "delivered";
            for (const [s, p] of SESSION_STATUSES) {
              if (r < p) {
                status = s;
                break;
              }
              r -= p;
            }
            await sessions.add(
              ctx.uuid("service_sessions", sessionIndex++),
              model.districtId,
              schoolId,
              plan.student.id,
              service.id,
              day,
              status === "delivered" || status === "make-up" ? service.minutes : 0,
              service.delivery,
              status,
              service.providerId,
            );
          }
        }
      }
      // Progress: a data point every two weeks on a school day.
      const recorder = plan.student.caseManagerId as string;
      for (const goal of plan.goals) {
        for (let d = first; d < calendar.length; d += 14) {
          if (!schoolDay[d]) continue;
          const day = calendar[d] as string;
          const fraction = (d - startOffset) / 364;
          const expected = goal.baseline + (goal.target - goal.baseline) * fraction * goal.pace;
          const spread = Math.abs(goal.target - goal.baseline) * 0.08 + 0.2;
          const value = Math.max(0, Math.round((expected + rng.normal() * spread) * 10) / 10);
          await points.add(
            ctx.uuid("progress_data_points", pointIndex++),
            model.districtId,
            schoolId,
            plan.student.id,
            goal.id,
            day,
            value,
            recorder,
          );
        }
      }
    }
    await sessions.flush();
    await points.flush();
  }
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
      await refreshAllPlansCompliance(db, { districtId: model.districtId }, options.today, (n) =>
        checkBar?.update(Math.min(n, plans)),
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
