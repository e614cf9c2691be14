/** Students as the people allowed to see them list and open them. Queries use keyset pagination. */
import type { ReadScope, StudentDetail, StudentListItem, TeamCandidates } from "@lantern/core";
import { DomainError } from "@lantern/core";
import { type Expression, type Kysely, type SqlBool, sql } from "kysely";
import type { Database } from "../db/schema.ts";

type Cursor = { l: string; f: string; i: string };

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString("base64url");
}

export function decodeCursor(value: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as Cursor;
    if (typeof c.l === "string" && typeof c.f === "string" && typeof c.i === "string") return c;
  } catch {
    // fall through
  }
  throw new DomainError("invalid-input", "The cursor is not valid: use the nextCursor of a previous page", {
    issues: [{ path: "/cursor", message: "not a cursor returned by this API" }],
  });
}

export type ListStudentsInput = {
  personId: string;
  scopes: ReadScope[];
  limit: number;
  cursor?: string | undefined;
  q?: string | undefined;
  schoolId?: string | undefined;
};

/** A student's row as a new plan's snapshot starts from it. */
export type StudentSnapshotFacts = {
  id: string;
  localId: string | null;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  grade: string;
  districtId: string;
  schoolId: string;
  schoolName: string;
  districtName: string;
  guardians: Array<{
    personId: string;
    firstName: string;
    lastName: string;
    email: string;
    /** The language on the student's record, else the account's own setting. */
    preferredLanguage: string;
    /** Whether the student's record names the language (not the account's default). */
    languageRecorded: boolean;
    interpreterNeeded: boolean;
    relationship: string;
  }>;
};

/** A list item before other features add to it (plan badges, next deadline), with its district. */
/** A student's own details, as staff enter and correct them. */
export type StudentDetails = {
  districtId: string;
  schoolId: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  grade: string;
  localId: string | null;
};

export type StudentListRow = Omit<StudentListItem, "plans" | "nextDeadline"> & { districtId: string };

/** The words of a name search, lower-cased (at most four). */
function nameSearchWords(q: string | undefined): string[] {
  return (q ?? "")
    .toLowerCase()
    .split(/[\s,]+/)
    .filter((w) => w !== "")
    .slice(0, 4);
}

export function createStudentsRepository(db: Kysely<Database>) {
  return {
    async listAccessible(input: ListStudentsInput): Promise<{ items: StudentListRow[]; nextCursor: string | null }> {
      if (input.scopes.length === 0) return { items: [], nextCursor: null };
      let query = db
        .selectFrom("students as s")
        .innerJoin("schools as k", "k.id", "s.school_id")
        .select(["s.id", "s.district_id", "s.first_name", "s.last_name", "s.grade", "k.name as school_name"])
        .where((eb) => eb.or(input.scopes.map((scope) => scopeCondition(scope, input.personId))))
        .orderBy("s.last_name")
        .orderBy("s.first_name")
        .orderBy("s.id")
        .limit(input.limit + 1);
      if (input.schoolId) query = query.where("s.school_id", "=", input.schoolId);
      // Each word must start a first or last name (indexed prefixes, migration 0010).
      for (const word of nameSearchWords(input.q)) {
        const prefix = `${word.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
        query = query.where(sql<SqlBool>`(lower(s.last_name) like ${prefix} or lower(s.first_name) like ${prefix})`);
      }
      if (input.cursor) {
        const c = decodeCursor(input.cursor);
        query = query.where(sql<SqlBool>`(s.last_name, s.first_name, s.id) > (${c.l}, ${c.f}, ${c.i}::uuid)`);
      }
      const rows = await query.execute();
      const page = rows.slice(0, input.limit);
      const items = page.map<StudentListRow>((r) => ({
        id: r.id,
        districtId: r.district_id,
        firstName: r.first_name,
        lastName: r.last_name,
        grade: r.grade,
        schoolName: r.school_name,
      }));
      const last = page[page.length - 1];
      const nextCursor =
        rows.length > input.limit && last ? encodeCursor({ l: last.last_name, f: last.first_name, i: last.id }) : null;
      return { items, nextCursor };
    },

    /** The student's record, without plans (the plans repository has those). */
    async findDetail(studentId: string): Promise<Omit<StudentDetail, "plans"> | null> {
      const s = await db
        .selectFrom("students as s")
        .innerJoin("schools as k", "k.id", "s.school_id")
        .innerJoin("districts as d", "d.id", "s.district_id")
        .select([
          "s.id",
          "s.first_name",
          "s.last_name",
          "s.date_of_birth",
          "s.grade",
          "s.local_id",
          "k.id as school_id",
          "k.name as school_name",
          "d.id as district_id",
          "d.name as district_name",
          "d.state",
        ])
        .where("s.id", "=", studentId)
        .executeTakeFirst();
      if (!s) return null;
      const guardiansQuery = db
        .selectFrom("guardianships as g")
        .innerJoin("people as p", "p.id", "g.person_id")
        .select(["p.id", "p.first_name", "p.last_name", "g.relationship", "g.language", "g.interpreter_needed"])
        .where("g.student_id", "=", studentId)
        .orderBy("p.last_name")
        .orderBy("p.first_name")
        .execute();
      const caseManagerQuery = db
        .selectFrom("caseload_members as c")
        .innerJoin("people as p", "p.id", "c.person_id")
        .select(["p.first_name", "p.last_name"])
        .where("c.student_id", "=", studentId)
        .where("c.role", "=", "case-manager")
        .executeTakeFirst();
      const [guardians, caseManager] = await Promise.all([guardiansQuery, caseManagerQuery]);
      return {
        id: s.id,
        firstName: s.first_name,
        lastName: s.last_name,
        dateOfBirth: s.date_of_birth,
        grade: s.grade,
        localId: s.local_id,
        school: { id: s.school_id, name: s.school_name },
        district: { id: s.district_id, name: s.district_name, state: s.state },
        guardians: guardians.map((g) => ({
          personId: g.id,
          name: `${g.first_name} ${g.last_name}`,
          relationship: g.relationship,
          language: g.language,
          interpreterNeeded: g.interpreter_needed,
        })),
        caseManager: caseManager ? { name: `${caseManager.first_name} ${caseManager.last_name}` } : null,
      };
    },

    /** What a new plan's snapshot of the student is made of. */
    async snapshotFacts(studentId: string): Promise<StudentSnapshotFacts> {
      const s = await db
        .selectFrom("students as s")
        .innerJoin("schools as k", "k.id", "s.school_id")
        .innerJoin("districts as d", "d.id", "s.district_id")
        .select([
          "s.id",
          "s.local_id",
          "s.first_name",
          "s.last_name",
          "s.date_of_birth",
          "s.grade",
          "s.district_id",
          "s.school_id",
          "k.name as school_name",
          "d.name as district_name",
        ])
        .where("s.id", "=", studentId)
        .executeTakeFirst();
      if (!s) throw new DomainError("not-found", "No such student, or not one you can see");
      const guardians = await db
        .selectFrom("guardianships as g")
        .innerJoin("people as p", "p.id", "g.person_id")
        .select([
          "p.id",
          "p.first_name",
          "p.last_name",
          "p.email",
          "p.preferred_language",
          "g.relationship",
          "g.language",
          "g.interpreter_needed",
        ])
        .where("g.student_id", "=", studentId)
        .orderBy("p.last_name")
        .execute();
      return {
        id: s.id,
        localId: s.local_id,
        firstName: s.first_name,
        lastName: s.last_name,
        dateOfBirth: s.date_of_birth,
        grade: s.grade,
        districtId: s.district_id,
        schoolId: s.school_id,
        schoolName: s.school_name,
        districtName: s.district_name,
        guardians: guardians.map((g) => ({
          personId: g.id,
          firstName: g.first_name,
          lastName: g.last_name,
          email: g.email,
          preferredLanguage: g.language ?? g.preferred_language,
          languageRecorded: g.language !== null,
          interpreterNeeded: g.interpreter_needed,
          relationship: g.relationship,
        })),
      };
    },

    /** Set a guardian's language and interpreter need on the student's record; false when not a guardian of the student. */
    async setGuardianLanguage(input: {
      studentId: string;
      personId: string;
      language: string | null;
      interpreterNeeded: boolean;
    }): Promise<boolean> {
      const result = await db
        .updateTable("guardianships")
        .set({ language: input.language, interpreter_needed: input.interpreterNeeded })
        .where("student_id", "=", input.studentId)
        .where("person_id", "=", input.personId)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    /**
     * The language on a guardian's links to students, for opening the app in it: a language other
     * than English on any link first (a form's English default says less than a language chosen),
     * then the first recorded.
     */
    async guardianLanguageOf(personId: string): Promise<string | null> {
      const row = await db
        .selectFrom("guardianships")
        .select("language")
        .where("person_id", "=", personId)
        .where("language", "is not", null)
        .orderBy(sql`language = 'en'`)
        .orderBy("created_at")
        .limit(1)
        .executeTakeFirst();
      return row?.language ?? null;
    },

    /** The people a plan meeting may invite by default: guardians, caseload staff, class teachers. */
    async teamCandidates(studentId: string): Promise<TeamCandidates> {
      const name = (p: { first_name: string; last_name: string }) => `${p.first_name} ${p.last_name}`;
      const [guardians, caseload, teachers] = await Promise.all([
        db
          .selectFrom("guardianships as g")
          .innerJoin("people as p", "p.id", "g.person_id")
          .select(["p.id", "p.first_name", "p.last_name", "g.relationship"])
          .where("g.student_id", "=", studentId)
          .orderBy("p.last_name")
          .execute(),
        db
          .selectFrom("caseload_members as c")
          .innerJoin("people as p", "p.id", "c.person_id")
          .select(["p.id", "p.first_name", "p.last_name", "c.role"])
          .where("c.student_id", "=", studentId)
          .orderBy("p.last_name")
          .execute(),
        db
          .selectFrom("class_enrollments as e")
          .innerJoin("classes as k", "k.id", "e.class_id")
          .innerJoin("people as p", "p.id", "k.teacher_id")
          .select(["p.id", "p.first_name", "p.last_name"])
          .where("e.student_id", "=", studentId)
          .execute(),
      ]);
      return {
        guardians: guardians.map((g) => ({ personId: g.id, name: name(g), relationship: g.relationship })),
        caseload: caseload.map((m) => ({ personId: m.id, name: name(m), role: m.role })),
        teachers: teachers.map((t) => ({ personId: t.id, name: name(t) })),
      };
    },

    /** The students on a person's caseload, by name (each once). */
    async caseload(personId: string): Promise<Array<{ id: string; name: string }>> {
      const rows = await db
        .selectFrom("caseload_members as c")
        .innerJoin("students as s", "s.id", "c.student_id")
        .select(["s.id", "s.first_name", "s.last_name"])
        .where("c.person_id", "=", personId)
        .orderBy("s.last_name")
        .orderBy("s.first_name")
        .execute();
      const seen = new Map<string, { id: string; name: string }>();
      for (const r of rows) if (!seen.has(r.id)) seen.set(r.id, { id: r.id, name: `${r.first_name} ${r.last_name}` });
      return [...seen.values()];
    },

    /** One school and its district, or null. */
    async school(schoolId: string): Promise<{ id: string; districtId: string; name: string } | null> {
      const r = await db
        .selectFrom("schools")
        .select(["id", "district_id", "name"])
        .where("id", "=", schoolId)
        .executeTakeFirst();
      return r ? { id: r.id, districtId: r.district_id, name: r.name } : null;
    },

    /** Schools of these districts (all of a district's, or the one named), by name. */
    async schoolsIn(
      scopes: ReadonlyArray<{ districtId: string; schoolId: string | null }>,
    ): Promise<Array<{ id: string; name: string }>> {
      if (scopes.length === 0) return [];
      const rows = await db
        .selectFrom("schools")
        .select(["id", "name"])
        .where((eb) =>
          eb.or(
            scopes.map((s) =>
              s.schoolId === null
                ? eb("district_id", "=", s.districtId)
                : eb.and([eb("district_id", "=", s.districtId), eb("id", "=", s.schoolId)]),
            ),
          ),
        )
        .orderBy("name")
        .execute();
      const seen = new Map(rows.map((r) => [r.id, r]));
      return [...seen.values()];
    },

    /** Whether the district already has a student with this student number (other than `exceptId`). */
    async localIdTaken(districtId: string, localId: string, exceptId?: string): Promise<boolean> {
      let q = db
        .selectFrom("students")
        .select("id")
        .where("district_id", "=", districtId)
        .where("local_id", "=", localId);
      if (exceptId) q = q.where("id", "<>", exceptId);
      const r = await q.executeTakeFirst();
      return r !== undefined;
    },

    /** A student's own details as staff enter them, locked until the transaction ends; null when none. */
    async detailsForUpdate(studentId: string): Promise<StudentDetails | null> {
      const r = await db
        .selectFrom("students")
        .select(["district_id", "school_id", "first_name", "last_name", "date_of_birth", "grade", "local_id"])
        .where("id", "=", studentId)
        .forUpdate()
        .executeTakeFirst();
      if (!r) return null;
      return {
        districtId: r.district_id,
        schoolId: r.school_id,
        firstName: r.first_name,
        lastName: r.last_name,
        dateOfBirth: r.date_of_birth,
        grade: r.grade,
        localId: r.local_id,
      };
    },

    /** Replace a student's own details (a date of birth changed queues their plans' check: migration 0110). */
    async updateDetails(studentId: string, d: Omit<StudentDetails, "districtId">): Promise<void> {
      await db
        .updateTable("students")
        .set({
          school_id: d.schoolId,
          first_name: d.firstName,
          last_name: d.lastName,
          date_of_birth: d.dateOfBirth,
          grade: d.grade,
          local_id: d.localId,
        })
        .where("id", "=", studentId)
        .execute();
    },

    /** Put the student on the person's caseload in this role. */
    async addToCaseload(personId: string, studentId: string, role: string): Promise<void> {
      await db
        .insertInto("caseload_members")
        .values({ person_id: personId, student_id: studentId, role })
        .onConflict((oc) => oc.columns(["person_id", "student_id"]).doNothing())
        .execute();
    },

    /** The language of people just added (their messages and notices use it). */
    async setPreferredLanguage(personId: string, language: string): Promise<void> {
      await db.updateTable("people").set({ preferred_language: language }).where("id", "=", personId).execute();
    },

    /** A student's name, for documents printed for the family. */
    async name(studentId: string): Promise<string | null> {
      const r = await db
        .selectFrom("students")
        .select(["first_name", "last_name"])
        .where("id", "=", studentId)
        .executeTakeFirst();
      return r ? `${r.first_name} ${r.last_name}` : null;
    },
  };
}

function scopeCondition(scope: ReadScope, personId: string): Expression<SqlBool> {
  switch (scope.kind) {
    case "district":
      return sql<SqlBool>`s.district_id = ${scope.districtId}::uuid`;
    case "school":
      return sql<SqlBool>`(s.district_id = ${scope.districtId}::uuid and s.school_id = ${scope.schoolId}::uuid)`;
    case "caseload":
      return sql<SqlBool>`(s.district_id = ${scope.districtId}::uuid and s.id in (select student_id from caseload_members where person_id = ${personId}::uuid))`;
    case "classes":
      return sql<SqlBool>`(s.district_id = ${scope.districtId}::uuid and s.id in (select e.student_id from class_enrollments e join classes c on c.id = e.class_id where c.teacher_id = ${personId}::uuid))`;
    case "guardian":
      return sql<SqlBool>`s.id in (select student_id from guardianships where person_id = ${personId}::uuid)`;
    case "advocate":
      return sql<SqlBool>`s.id in (select student_id from advocate_links where advocate_id = ${personId}::uuid and revoked_at is null)`;
  }
}
