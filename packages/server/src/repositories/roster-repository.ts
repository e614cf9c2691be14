/**
 * The SQL of a roster import: what the district already holds for the rows of a file, and the
 * batched writes (one `insert … select … from unnest(…)` or `update … from unnest(…)` per batch of
 * rows). Every function takes the import's transaction.
 */
import { type Kysely, sql } from "kysely";
import type { Database } from "../db/schema.ts";

/** Rows per statement: large enough to amortise a round trip, small enough to bound one message. */
const ROSTER_BATCH = 5000;

export type ExistingSchool = { id: string; name: string; code: string | null };
export type ExistingStudent = {
  id: string;
  localId: string;
  schoolId: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  grade: string;
};
export type StudentWrite = Omit<ExistingStudent, "localId"> & { localId: string };
export type GuardianLink = { studentId: string; personId: string; relationship: string };
/** A guardian link's language and interpreter need from the file (null: the file leaves it blank). */
export type GuardianLanguageWrite = {
  studentId: string;
  personId: string;
  language: string | null;
  interpreterNeeded: boolean | null;
};
export type NewPerson = { id: string; firstName: string; lastName: string; email: string };
export type StudentEvent = { action: "student.created" | "student.updated"; studentId: string; details: string };

function chunks<T>(items: readonly T[], size = ROSTER_BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const col = <T, K extends keyof T>(rows: readonly T[], key: K): Array<T[K]> => rows.map((r) => r[key]);

export function createRosterRepository(db: Kysely<Database>) {
  return {
    /** Imports into one district take turns (held until the transaction ends). */
    async lockDistrict(districtId: string): Promise<void> {
      await sql`select pg_advisory_xact_lock(hashtext('lantern.roster'), hashtext(${districtId}))`.execute(db);
    },

    async districtExists(districtId: string): Promise<boolean> {
      const row = await db.selectFrom("districts").select("id").where("id", "=", districtId).executeTakeFirst();
      return row !== undefined;
    },

    async listDistricts(): Promise<Array<{ id: string; name: string }>> {
      return db.selectFrom("districts").select(["id", "name"]).orderBy("name").execute();
    },

    async schools(districtId: string): Promise<ExistingSchool[]> {
      return db
        .selectFrom("schools")
        .select(["id", "name", "code"])
        .where("district_id", "=", districtId)
        .orderBy("created_at")
        .execute();
    },

    async insertSchools(districtId: string, schools: ExistingSchool[]): Promise<void> {
      if (schools.length === 0) return;
      await db
        .insertInto("schools")
        .values(schools.map((s) => ({ id: s.id, district_id: districtId, name: s.name, code: s.code })))
        .execute();
    },

    async updateSchools(schools: ExistingSchool[]): Promise<void> {
      for (const s of schools) {
        await db.updateTable("schools").set({ name: s.name, code: s.code }).where("id", "=", s.id).execute();
      }
    },

    /** Case managers of the district (active accounts), by lower-case email. */
    async caseManagersByEmail(districtId: string, emails: string[]): Promise<Map<string, string>> {
      if (emails.length === 0) return new Map();
      const { rows } = await sql<{ id: string; email: string }>`
        select distinct p.id, lower(p.email) as email
        from people p join role_assignments r on r.person_id = p.id
        where lower(p.email) = any(${emails}::text[]) and p.disabled_at is null
          and r.role = 'case-manager' and r.district_id = ${districtId}::uuid`.execute(db);
      return new Map(rows.map((r) => [r.email, r.id]));
    },

    /** Anyone with an account or a record in Lantern, by lower-case email. */
    async peopleByEmail(emails: string[]): Promise<Map<string, string>> {
      const out = new Map<string, string>();
      for (const batch of chunks(emails)) {
        const { rows } = await sql<{ id: string; email: string }>`
          select id, lower(email) as email from people where lower(email) = any(${batch}::text[])`.execute(db);
        for (const r of rows) out.set(r.email, r.id);
      }
      return out;
    },

    async studentsBySisId(districtId: string, sisIds: string[]): Promise<Map<string, ExistingStudent>> {
      const out = new Map<string, ExistingStudent>();
      for (const batch of chunks(sisIds)) {
        const { rows } = await sql<{
          id: string;
          local_id: string;
          school_id: string;
          first_name: string;
          last_name: string;
          date_of_birth: string;
          grade: string;
        }>`
          select id, local_id, school_id, first_name, last_name, date_of_birth, grade from students
          where district_id = ${districtId}::uuid and local_id = any(${batch}::text[])`.execute(db);
        for (const r of rows) {
          out.set(r.local_id, {
            id: r.id,
            localId: r.local_id,
            schoolId: r.school_id,
            firstName: r.first_name,
            lastName: r.last_name,
            dateOfBirth: r.date_of_birth,
            grade: r.grade,
          });
        }
      }
      return out;
    },

    /** Guardian links of these students: student → (person → relationship). */
    async guardianLinks(studentIds: string[]): Promise<Map<string, Map<string, string>>> {
      const out = new Map<string, Map<string, string>>();
      for (const batch of chunks(studentIds)) {
        const { rows } = await sql<{ student_id: string; person_id: string; relationship: string }>`
          select student_id, person_id, relationship from guardianships
          where student_id = any(${batch}::uuid[])`.execute(db);
        for (const r of rows) {
          const links = out.get(r.student_id) ?? new Map<string, string>();
          links.set(r.person_id, r.relationship);
          out.set(r.student_id, links);
        }
      }
      return out;
    },

    /** What guardian links of these students say of language and interpreter: "student:person" → values. */
    async guardianLanguages(
      studentIds: string[],
    ): Promise<Map<string, { language: string | null; interpreterNeeded: boolean }>> {
      const out = new Map<string, { language: string | null; interpreterNeeded: boolean }>();
      for (const batch of chunks(studentIds)) {
        const { rows } = await sql<{
          student_id: string;
          person_id: string;
          language: string | null;
          interpreter_needed: boolean;
        }>`
          select student_id, person_id, language, interpreter_needed from guardianships
          where student_id = any(${batch}::uuid[])`.execute(db);
        for (const r of rows) {
          out.set(`${r.student_id}:${r.person_id}`, { language: r.language, interpreterNeeded: r.interpreter_needed });
        }
      }
      return out;
    },

    /** Set the language and interpreter need the file gives on guardian links (a null value keeps what is there). */
    async setGuardianLanguages(items: GuardianLanguageWrite[]): Promise<void> {
      for (const batch of chunks(items)) {
        await sql`
          update guardianships g
          set language = coalesce(v.language, g.language),
              interpreter_needed = coalesce(v.interpreter_needed, g.interpreter_needed)
          from unnest(${col(batch, "studentId")}::uuid[], ${col(batch, "personId")}::uuid[],
                      ${col(batch, "language")}::text[], ${col(batch, "interpreterNeeded")}::boolean[])
            as v(student_id, person_id, language, interpreter_needed)
          where g.student_id = v.student_id and g.person_id = v.person_id`.execute(db);
      }
    },

    /** The case managers on each student's caseload. */
    async caseManagersOf(studentIds: string[]): Promise<Map<string, string[]>> {
      const out = new Map<string, string[]>();
      for (const batch of chunks(studentIds)) {
        const { rows } = await sql<{ student_id: string; person_id: string }>`
          select student_id, person_id from caseload_members
          where student_id = any(${batch}::uuid[]) and role = 'case-manager'`.execute(db);
        for (const r of rows) out.set(r.student_id, [...(out.get(r.student_id) ?? []), r.person_id]);
      }
      return out;
    },

    /**
     * Add these people, and answer the id each email has now: another district's import may have
     * added the same person a moment ago (emails are unique in Lantern), and then that one is kept.
     */
    async insertPeople(people: NewPerson[]): Promise<Map<string, string>> {
      const ids = new Map<string, string>();
      for (const batch of chunks(people)) {
        const emails = col(batch, "email");
        await sql`
          insert into people (id, first_name, last_name, email)
          select * from unnest(${col(batch, "id")}::uuid[], ${col(batch, "firstName")}::text[],
                               ${col(batch, "lastName")}::text[], ${emails}::text[])
          on conflict ((lower(email))) do nothing`.execute(db);
        const { rows } = await sql<{ id: string; email: string }>`
          select id, lower(email) as email from people where lower(email) = any(${emails}::text[])`.execute(db);
        for (const r of rows) ids.set(r.email, r.id);
      }
      return ids;
    },

    /** Of these people, those with any role in the district (the district already knows them). */
    async withRoleIn(districtId: string, personIds: string[]): Promise<Set<string>> {
      const out = new Set<string>();
      for (const batch of chunks(personIds)) {
        const { rows } = await sql<{ person_id: string }>`
          select distinct person_id from role_assignments
          where district_id = ${districtId}::uuid and person_id = any(${batch}::uuid[])`.execute(db);
        for (const r of rows) out.add(r.person_id);
      }
      return out;
    },

    /** Guardian links to people of another district, waiting for their acceptance (kept once). */
    async insertPendingGuardianLinks(
      districtId: string,
      links: GuardianLink[],
      createdBy: string | null,
    ): Promise<number> {
      let n = 0;
      for (const batch of chunks(links)) {
        const { rows } = await sql<{ id: string }>`
          insert into pending_guardian_links (student_id, person_id, district_id, relationship, created_by)
          select l.s, l.p, ${districtId}::uuid, l.r, ${createdBy}::uuid
          from unnest(${col(batch, "studentId")}::uuid[], ${col(batch, "personId")}::uuid[],
                      ${col(batch, "relationship")}::text[]) as l(s, p, r)
          on conflict (student_id, person_id) where decided_at is null do nothing
          returning id`.execute(db);
        n += rows.length;
      }
      return n;
    },

    /** Give these people the guardian role in the district unless they have it. */
    async ensureGuardianRoles(districtId: string, personIds: string[]): Promise<void> {
      for (const batch of chunks(personIds)) {
        await sql`
          insert into role_assignments (person_id, role, district_id)
          select p.id, 'guardian', ${districtId}::uuid from unnest(${batch}::uuid[]) as p(id)
          where not exists (select 1 from role_assignments r
                            where r.person_id = p.id and r.role = 'guardian' and r.district_id = ${districtId}::uuid)`.execute(
          db,
        );
      }
    },

    async insertStudents(districtId: string, students: StudentWrite[]): Promise<void> {
      for (const batch of chunks(students)) {
        await sql`
          insert into students (id, district_id, school_id, local_id, first_name, last_name, date_of_birth, grade)
          select v.id, ${districtId}::uuid, v.school_id, v.local_id, v.first_name, v.last_name, v.date_of_birth, v.grade
          from unnest(${col(batch, "id")}::uuid[], ${col(batch, "schoolId")}::uuid[], ${col(batch, "localId")}::text[],
                      ${col(batch, "firstName")}::text[], ${col(batch, "lastName")}::text[],
                      ${col(batch, "dateOfBirth")}::date[], ${col(batch, "grade")}::text[])
            as v(id, school_id, local_id, first_name, last_name, date_of_birth, grade)`.execute(db);
      }
    },

    async updateStudents(students: StudentWrite[]): Promise<void> {
      for (const batch of chunks(students)) {
        await sql`
          update students s set school_id = v.school_id, first_name = v.first_name, last_name = v.last_name,
                                date_of_birth = v.date_of_birth, grade = v.grade
          from unnest(${col(batch, "id")}::uuid[], ${col(batch, "schoolId")}::uuid[],
                      ${col(batch, "firstName")}::text[], ${col(batch, "lastName")}::text[],
                      ${col(batch, "dateOfBirth")}::date[], ${col(batch, "grade")}::text[])
            as v(id, school_id, first_name, last_name, date_of_birth, grade)
          where s.id = v.id`.execute(db);
      }
    },

    async insertGuardianships(links: GuardianLink[]): Promise<void> {
      for (const batch of chunks(links)) {
        await sql`
          insert into guardianships (student_id, person_id, relationship)
          select * from unnest(${col(batch, "studentId")}::uuid[], ${col(batch, "personId")}::uuid[],
                               ${col(batch, "relationship")}::text[])`.execute(db);
      }
    },

    async updateRelationships(links: GuardianLink[]): Promise<void> {
      for (const batch of chunks(links)) {
        await sql`
          update guardianships g set relationship = v.relationship
          from unnest(${col(batch, "studentId")}::uuid[], ${col(batch, "personId")}::uuid[],
                      ${col(batch, "relationship")}::text[]) as v(student_id, person_id, relationship)
          where g.student_id = v.student_id and g.person_id = v.person_id`.execute(db);
      }
    },

    /** Make `personId` each student's one case manager (earlier case managers leave the caseload). */
    async setCaseManagers(pairs: Array<{ studentId: string; personId: string }>): Promise<void> {
      for (const batch of chunks(pairs)) {
        const students = col(batch, "studentId");
        const people = col(batch, "personId");
        await sql`
          delete from caseload_members c using unnest(${students}::uuid[], ${people}::uuid[]) as v(student_id, person_id)
          where c.student_id = v.student_id and c.role = 'case-manager' and c.person_id <> v.person_id`.execute(db);
        await sql`
          insert into caseload_members (person_id, student_id, role)
          select v.person_id, v.student_id, 'case-manager'
          from unnest(${students}::uuid[], ${people}::uuid[]) as v(student_id, person_id)
          on conflict (person_id, student_id) do update set role = 'case-manager'`.execute(db);
      }
    },

    /** One audit event per student created or changed (details hold field names, never values). */
    async appendStudentEvents(
      events: StudentEvent[],
      personId: string | null,
      requestId: string | null,
    ): Promise<void> {
      for (const batch of chunks(events)) {
        await sql`
          insert into audit_events (action, person_id, student_id, subject, details, request_id)
          select v.action, ${personId}::uuid, v.student_id, 'roster', v.details::jsonb, ${requestId}
          from unnest(${col(batch, "action")}::text[], ${col(batch, "studentId")}::uuid[],
                      ${col(batch, "details")}::text[]) as v(action, student_id, details)`.execute(db);
      }
    },

    /** The record of access of each student written by the import (34 CFR 300.614; FERPA 99.32). */
    async recordWrites(
      studentIds: string[],
      access: { personId: string; basis: string; purpose: string; requestId: string | null },
    ): Promise<void> {
      for (const batch of chunks(studentIds)) {
        await sql`
          insert into record_of_access (person_id, student_id, record, action, purpose, basis, request_id)
          select ${access.personId}::uuid, v.id, 'student', 'write-record', ${access.purpose}, ${access.basis},
                 ${access.requestId}
          from unnest(${batch}::uuid[]) as v(id)`.execute(db);
      }
    },
  };
}

export type RosterRepository = ReturnType<typeof createRosterRepository>;
