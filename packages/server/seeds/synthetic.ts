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
import { hash } from "@node-rs/argon2";
import cliProgress from "cli-progress";
import { type Kysely, type RawBuilder, sql } from "kysely";
import type { Database } from "../src/db/schema.ts";
import { DEMO_PASSWORD } from "./demo-accounts.ts";

export type SyntheticOptions = { students: number; seed: number; today: string; progress: boolean };

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
  /** Staff accounts that can sign in (password `SYNTHETIC_PASSWORD`). */
  accounts: { districtAdmin: string; caseManager: string; coordinator504: string; schoolAdmin: string };
};

/** Synthetic staff sign in with the demo password. */
export const SYNTHETIC_PASSWORD = DEMO_PASSWORD;
export const SYNTHETIC_META_KEY = "synthetic-seeded";
export const SYNTHETIC_EMAIL_DOMAIN = "synthetic-district.example";

export class SyntheticSeedError extends Error {
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

export type ColumnType = "uuid" | "text" | "date" | "int" | "numeric" | "bool" | "jsonb" | "timestamptz";
export type ColumnSpec = Record<string, ColumnType>;
type Value = string | number | boolean | null;

/** Insert column arrays with one `unnest` statement per `batchSize` rows. */
export async function insertColumns(
  db: Kysely<Database>,
  table: string,
  spec: ColumnSpec,
  columns: Record<string, Value[]>,
  batchSize = 10_000,
  onBatch?: (rows: number) => void,
): Promise<number> {
  const names = Object.keys(spec);
  const total = columns[names[0] as string]?.length ?? 0;
  for (let start = 0; start < total; start += batchSize) {
    const end = Math.min(total, start + batchSize);
    const arrays: RawBuilder<unknown>[] = names.map(
      (name) => sql`${(columns[name] as Value[]).slice(start, end)}::${sql.raw(spec[name] as string)}[]`,
    );
    await sql`insert into ${sql.table(table)} (${sql.join(names.map((n) => sql.ref(n)))}) select * from unnest(${sql.join(arrays)})`.execute(
      db,
    );
    onBatch?.(end - start);
  }
  return total;
}

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

const FIRST = [
  "Mateo",
  "Aaliyah",
  "Noah",
  "Sofia",
  "Liam",
  "Maya",
  "Ethan",
  "Zoe",
  "Lucas",
  "Amara",
  "Elijah",
  "Chloe",
  "Jayden",
  "Isla",
  "Kai",
  "Nora",
  "Ravi",
  "Leila",
  "Owen",
  "Hana",
  "Diego",
  "Ivy",
  "Samuel",
  "Aria",
  "Theo",
  "Mila",
  "Caleb",
  "Lena",
  "Jonah",
  "Yara",
  "Felix",
  "Ruby",
  "Andre",
  "Nia",
  "Milo",
  "Tessa",
  "Rohan",
  "Elena",
  "Gabriel",
  "June",
  "Omar",
  "Priya",
  "Marcus",
  "Alma",
  "Tobias",
  "Keira",
  "Hugo",
  "Selin",
  "Malik",
  "Esme",
  "Arjun",
  "Lucia",
  "Declan",
  "Imani",
  "Soren",
  "Paloma",
  "Reza",
  "Wren",
  "Dmitri",
  "Ayla",
  "Kenji",
  "Fatima",
  "Silas",
  "Greta",
  "Emeka",
  "Rosa",
  "Nils",
  "Aisha",
  "Bruno",
  "Cora",
];
const LAST = [
  "Rivera",
  "Thompson",
  "Nguyen",
  "Okafor",
  "Patel",
  "Kowalski",
  "Haddad",
  "Brooks",
  "Silva",
  "Mensah",
  "Park",
  "Castillo",
  "Fischer",
  "Adeyemi",
  "Larsen",
  "Moreau",
  "Iyer",
  "Sato",
  "Mwangi",
  "Novak",
  "Torres",
  "Bennett",
  "Cohen",
  "Hughes",
  "Yilmaz",
  "Alvarez",
  "Kim",
  "Dubois",
  "Ochoa",
  "Reyes",
  "Grant",
  "Ali",
  "Flores",
  "Jensen",
  "Costa",
  "Murphy",
  "Nakamura",
  "Ramos",
  "Weber",
  "Chen",
  "Abbott",
  "Baptiste",
  "Carvalho",
  "Delgado",
  "Eriksen",
  "Fontaine",
  "Gallagher",
  "Hosseini",
  "Ibarra",
  "Jovanovic",
  "Kapoor",
  "Lindqvist",
  "Mahmoud",
  "Nowak",
  "Oyelaran",
  "Pereira",
  "Quintero",
  "Rahman",
  "Sandoval",
  "Takahashi",
  "Uchenna",
  "Vargas",
  "Whitaker",
  "Xiong",
  "Yamada",
  "Zielinski",
  "Achebe",
  "Barros",
  "Cardenas",
  "Dang",
];
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

/** Steps in order; features append theirs once their tables exist. */
export const SYNTHETIC_STEPS: SyntheticStep[] = [tenancyStep];

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
  try {
    await db.transaction().execute(async (trx) => {
      for (const step of available) {
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
      }
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
  summary.seconds = Math.round((performance.now() - started) / 100) / 10;
  if (options.progress) {
    const lines = Object.entries(counts)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([t, c]) => `  ${t.padEnd(24)} ${c}`);
    process.stderr.write(
      `Synthetic district: ${options.students} students (seed ${options.seed}) in ${summary.seconds} s\n${lines.join("\n")}\n` +
        (skipped.length ? `Skipped (tables not migrated yet): ${skipped.join(", ")}\n` : "") +
        `Sign in as ${summary.accounts.caseManager} or ${summary.accounts.districtAdmin} (password: ${SYNTHETIC_PASSWORD})\n`,
    );
  }
  return summary;
}

export { isWeekend };
