/** Students as the people allowed to see them list and open them. Queries use keyset pagination. */
import type { ReadScope, StudentDetail, StudentListItem } from "@lantern/core";
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

/** Extra columns other features add to list items (plan badges, next deadline). */
export type StudentListDecorator = (studentIds: string[]) => Promise<Map<string, Partial<StudentListItem>>>;

/** The words of a name search, lower-cased (at most four). */
export function nameSearchWords(q: string | undefined): string[] {
  return (q ?? "")
    .toLowerCase()
    .split(/[\s,]+/)
    .filter((w) => w !== "")
    .slice(0, 4);
}

export function createStudentsRepository(db: Kysely<Database>) {
  const decorators: StudentListDecorator[] = [];

  return {
    /** Let another feature add fields to list items and details (e.g. plans adds its badges). */
    addListDecorator(decorator: StudentListDecorator) {
      decorators.push(decorator);
    },

    async decorate(ids: string[]): Promise<Map<string, Partial<StudentListItem>>> {
      const merged = new Map<string, Partial<StudentListItem>>();
      for (const decorator of decorators) {
        for (const [id, extra] of await decorator(ids)) merged.set(id, { ...merged.get(id), ...extra });
      }
      return merged;
    },

    async listAccessible(input: ListStudentsInput): Promise<{ items: StudentListItem[]; nextCursor: string | null }> {
      if (input.scopes.length === 0) return { items: [], nextCursor: null };
      let query = db
        .selectFrom("students as s")
        .innerJoin("schools as k", "k.id", "s.school_id")
        .select(["s.id", "s.first_name", "s.last_name", "s.grade", "k.name as school_name"])
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
      const extras = await this.decorate(page.map((r) => r.id));
      const items = page.map<StudentListItem>((r) => ({
        id: r.id,
        firstName: r.first_name,
        lastName: r.last_name,
        grade: r.grade,
        schoolName: r.school_name,
        plans: [],
        nextDeadline: null,
        ...extras.get(r.id),
      }));
      const last = page[page.length - 1];
      const nextCursor =
        rows.length > input.limit && last ? encodeCursor({ l: last.last_name, f: last.first_name, i: last.id }) : null;
      return { items, nextCursor };
    },

    async findDetail(studentId: string): Promise<StudentDetail | null> {
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
        .select(["p.first_name", "p.last_name", "g.relationship"])
        .where("g.student_id", "=", studentId)
        .orderBy("p.last_name")
        .execute();
      const caseManagerQuery = db
        .selectFrom("caseload_members as c")
        .innerJoin("people as p", "p.id", "c.person_id")
        .select(["p.first_name", "p.last_name"])
        .where("c.student_id", "=", studentId)
        .where("c.role", "=", "case-manager")
        .executeTakeFirst();
      const [guardians, caseManager, decorations] = await Promise.all([
        guardiansQuery,
        caseManagerQuery,
        this.decorate([studentId]),
      ]);
      const extras = decorations.get(studentId);
      return {
        id: s.id,
        firstName: s.first_name,
        lastName: s.last_name,
        dateOfBirth: s.date_of_birth,
        grade: s.grade,
        school: { id: s.school_id, name: s.school_name },
        district: { id: s.district_id, name: s.district_name, state: s.state },
        guardians: guardians.map((g) => ({ name: `${g.first_name} ${g.last_name}`, relationship: g.relationship })),
        caseManager: caseManager ? { name: `${caseManager.first_name} ${caseManager.last_name}` } : null,
        plans: extras?.plans ?? [],
      };
    },
  };
}

export type StudentsRepository = ReturnType<typeof createStudentsRepository>;

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
