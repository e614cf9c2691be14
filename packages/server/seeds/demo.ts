/**
 * The fictional demo district: three schools (the high school has no students yet: new ones are
 * added in the app), staff in every role, ~40 students with guardians,
 * caseloads and classes. Other features add their demo data (plans, deadlines, sessions) through
 * `DEMO_SEED_STEPS`, which run in order inside the same transaction.
 * Every name is invented; no real student is represented.
 */
import { hash } from "@node-rs/argon2";
import { type Kysely, sql } from "kysely";
import type { Database } from "../src/db/schema.ts";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./demo-accounts.ts";
import { DEMO_SEED_STEPS } from "./demo-steps.ts";
import { FIRST_NAMES, LAST_NAMES } from "./fictional-names.ts";

export type DemoIds = {
  districtId: string;
  schools: { northside: string; riverside: string };
  people: Record<(typeof DEMO_ACCOUNTS)[number]["email"], string>;
  /** Students by "First Last". */
  students: Map<string, string>;
  /** A staff member of another district, for access tests. */
  otherDistrict: { districtId: string; adminId: string; studentId: string };
};

export type DemoSeedStep = { name: string; run(db: Kysely<Database>, ids: DemoIds, today: string): Promise<void> };

const FIRST = FIRST_NAMES.slice(0, 40);
const LAST = LAST_NAMES.slice(0, 40);

export async function isSeeded(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom("app_meta").select("key").where("key", "=", "demo-seeded").executeTakeFirst();
  return row !== undefined;
}

/** Seed the demo district in one transaction. `today` anchors ages and dates (YYYY-MM-DD). */
/** Advisory-lock key that serializes demo seeding across server processes sharing one database. */
const SEED_LOCK = 7_270_001;

/**
 * Seed the demo district once. Servers starting together on an empty database take turns on an
 * advisory lock; the one that finds the district already seeded returns null.
 */
export async function seedDemo(db: Kysely<Database>, today: string): Promise<DemoIds | null> {
  const passwordHash = await hash(DEMO_PASSWORD);
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${SEED_LOCK})`.execute(trx);
    if (await isSeeded(trx)) return null;
    const year = Number(today.slice(0, 4));
    const district = await trx
      .insertInto("districts")
      .values({ name: "Maple Valley Unified School District", state: "CA", settings: "{}" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const [northside, riverside] = await trx
      .insertInto("schools")
      .values([
        { district_id: district.id, name: "Northside Elementary" },
        { district_id: district.id, name: "Riverside Middle School" },
        { district_id: district.id, name: "Maple Valley High School" },
      ])
      .returning("id")
      .execute();
    if (!northside || !riverside) throw new Error("schools not created");

    const people = {} as DemoIds["people"];
    for (const account of DEMO_ACCOUNTS) {
      const [first, ...rest] = account.name.split(" ");
      const row = await trx
        .insertInto("people")
        .values({
          first_name: first ?? "",
          last_name: rest.join(" "),
          email: account.email,
          password_hash: passwordHash,
          // The related-service provider is a speech-language pathologist (core's service code).
          discipline: account.role === "related-service-provider" ? "speech-language-pathology" : null,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      people[account.email] = row.id;
      const schoolId = account.role === "school-admin" || account.role === "teacher" ? northside.id : null;
      await trx
        .insertInto("role_assignments")
        .values({ person_id: row.id, role: account.role, district_id: district.id, school_id: schoolId })
        .execute();
    }

    // 40 students: 24 at Northside (K–5), 16 at Riverside (6–8).
    const students = new Map<string, string>();
    for (let i = 0; i < 40; i++) {
      const first = FIRST[i] as string;
      const last = LAST[i] as string;
      const atNorthside = i < 24;
      const grade = atNorthside ? String(i % 6 === 0 ? "K" : i % 6) : String(6 + (i % 3));
      const age = grade === "K" ? 5 : Number(grade) + 5;
      const birthYear = year - age - (i % 2);
      const month = String((i % 12) + 1).padStart(2, "0");
      const day = String((i % 27) + 1).padStart(2, "0");
      const row = await trx
        .insertInto("students")
        .values({
          district_id: district.id,
          school_id: atNorthside ? northside.id : riverside.id,
          local_id: `MV${String(1000 + i)}`,
          first_name: first,
          last_name: last,
          date_of_birth: `${birthYear}-${month}-${day}`,
          grade,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      students.set(`${first} ${last}`, row.id);

      // Every student has a fictional guardian; Mateo Rivera's is the demo parent account.
      let guardianId: string;
      if (i === 0) {
        guardianId = people["parent.rivera@family.example"];
      } else {
        const g = await trx
          .insertInto("people")
          .values({
            first_name: i % 2 === 0 ? "Jordan" : "Alex",
            last_name: last,
            email: `family.${last.toLowerCase()}.${i}@family.example`,
            password_hash: null,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        guardianId = g.id;
        await trx
          .insertInto("role_assignments")
          .values({ person_id: guardianId, role: "guardian", district_id: district.id, school_id: null })
          .execute();
      }
      await trx
        .insertInto("guardianships")
        .values({ student_id: row.id, person_id: guardianId, relationship: i === 0 ? "mother" : "parent" })
        .execute();
    }

    const ids = [...students.values()];
    const at = (i: number) => ids[i] as string;
    // Case manager: 16 students across both schools; 504 coordinator: 8; SLP: 10.
    const caseload = (personId: string, role: string, indexes: number[]) =>
      trx
        .insertInto("caseload_members")
        .values(indexes.map((i) => ({ person_id: personId, student_id: at(i), role })))
        .execute();
    await caseload(
      people["casemanager@maplevalley.example"],
      "case-manager",
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 24, 25, 26, 27, 28, 29],
    );
    await caseload(
      people["coordinator504@maplevalley.example"],
      "section-504-coordinator",
      [10, 11, 12, 13, 30, 31, 32, 33],
    );
    await caseload(people["slp@maplevalley.example"], "related-service-provider", [0, 1, 2, 3, 5, 7, 24, 26, 28, 34]);

    // The teacher's 3rd-grade class at Northside.
    const cls = await trx
      .insertInto("classes")
      .values({
        school_id: northside.id,
        name: "Grade 3 — Room 12",
        teacher_id: people["teacher@northside.maplevalley.example"],
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("class_enrollments")
      .values([0, 3, 9, 15, 21].map((i) => ({ class_id: cls.id, student_id: at(i) })))
      .execute();

    // The advocate is linked to Mateo Rivera by his mother.
    await trx
      .insertInto("advocate_links")
      .values({
        student_id: at(0),
        advocate_id: people["advocate@advocacy.example"],
        linked_by: people["parent.rivera@family.example"],
      })
      .execute();

    // A second, tiny district: its admin must never see Maple Valley's students, nor they its.
    const other = await trx
      .insertInto("districts")
      .values({ name: "Cedar Hills School District", state: "OR", settings: "{}" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const otherSchool = await trx
      .insertInto("schools")
      .values({ district_id: other.id, name: "Cedar Hills Elementary" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const otherAdmin = await trx
      .insertInto("people")
      .values({
        first_name: "Morgan",
        last_name: "Lee",
        email: "admin@cedarhills.example",
        password_hash: passwordHash,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("role_assignments")
      .values({ person_id: otherAdmin.id, role: "district-admin", district_id: other.id, school_id: null })
      .execute();
    const otherStudent = await trx
      .insertInto("students")
      .values({
        district_id: other.id,
        school_id: otherSchool.id,
        local_id: "CH0001",
        first_name: "Riley",
        last_name: "Quinn",
        date_of_birth: `${year - 9}-04-02`,
        grade: "4",
      })
      .returning("id")
      .executeTakeFirstOrThrow();

    const demoIds: DemoIds = {
      districtId: district.id,
      schools: { northside: northside.id, riverside: riverside.id },
      people,
      students,
      otherDistrict: { districtId: other.id, adminId: otherAdmin.id, studentId: otherStudent.id },
    };
    for (const step of DEMO_SEED_STEPS) await step.run(trx, demoIds, today);
    await trx
      .insertInto("app_meta")
      .values({ key: "demo-seeded", value: JSON.stringify({ on: today }) })
      .execute();
    await sql`select 1`.execute(trx);
    return demoIds;
  });
}
