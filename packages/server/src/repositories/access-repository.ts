/** Implements core's access ports: the facts the policy needs, the record of access, the audit trail. */
import type {
  AuditEvent,
  AuditLog,
  RecordOfAccessEntry,
  RecordOfAccessLog,
  StudentAccessFacts,
  StudentAccessRepository,
} from "@lantern/core";
import { type Expression, type Insertable, type Kysely, sql } from "kysely";
import { prepared } from "../db/prepared-statements.ts";
import type { Database } from "../db/schema.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** The columns `studentAccessFactsQuery` selects, as the driver returns them. */
export type StudentAccessFactsRow = {
  student_id: string;
  student_district_id: string;
  student_school_id: string;
  is_guardian: boolean;
  is_linked_advocate: boolean;
  is_on_caseload: boolean;
  is_in_class: boolean;
};

/**
 * The facts core's access policy needs about one student and one person's ties to them, as a
 * SELECT of at most one row (none when there is no such student). `personId` is a value or a
 * column of an enclosing query (the session lookup joins it laterally), so that the facts are
 * written once. `studentId` must be a UUID, or null for no row.
 */
export function studentAccessFactsQuery(personId: Expression<string> | string, studentId: string | null) {
  return sql<StudentAccessFactsRow>`select st.id as student_id, st.district_id as student_district_id,
      st.school_id as student_school_id,
      exists (select 1 from guardianships g where g.student_id = st.id and g.person_id = ${personId}) as is_guardian,
      exists (select 1 from advocate_links a where a.student_id = st.id and a.advocate_id = ${personId}
              and a.revoked_at is null) as is_linked_advocate,
      exists (select 1 from caseload_members c where c.student_id = st.id and c.person_id = ${personId}) as is_on_caseload,
      exists (select 1 from class_enrollments e join classes k on k.id = e.class_id
              where e.student_id = st.id and k.teacher_id = ${personId}) as is_in_class
    from students st where st.id = ${studentId}::uuid`;
}

/** The policy's facts from a row of `studentAccessFactsQuery` (null when it found no student). */
export function toStudentAccessFacts(row: Partial<StudentAccessFactsRow> | undefined): StudentAccessFacts | null {
  if (!row?.student_id || !row.student_district_id || !row.student_school_id) return null;
  return {
    studentId: row.student_id,
    districtId: row.student_district_id,
    schoolId: row.student_school_id,
    isGuardian: row.is_guardian === true,
    isLinkedAdvocate: row.is_linked_advocate === true,
    isOnCaseload: row.is_on_caseload === true,
    isInClass: row.is_in_class === true,
  };
}

export function createStudentAccessRepository(db: Kysely<Database>): StudentAccessRepository {
  return {
    async findAccessFacts(personId: string, studentId: string): Promise<StudentAccessFacts | null> {
      if (!isUuid(studentId)) return null;
      const result = await db.executeQuery(prepared(studentAccessFactsQuery(personId, studentId).compile(db)));
      return toStudentAccessFacts(result.rows[0]);
    },
  };
}

/** The record-of-access row of one allowed read or change, as it is inserted. */
export type RecordOfAccessRow = Insertable<Database["record_of_access"]>;

export function recordOfAccessRow(entry: RecordOfAccessEntry, requestId?: string | null): RecordOfAccessRow {
  return {
    person_id: entry.personId,
    student_id: entry.studentId,
    record: entry.record,
    action: entry.action,
    purpose: entry.purpose,
    basis: entry.basis,
    request_id: requestId ?? null,
  };
}

/**
 * The head of a statement that writes its record of access: `with recorded_access as (insert into
 * record_of_access …)`, to put before the SELECT that reads the data. A data-modifying WITH runs
 * to completion whether or not the query reads it, in the same statement and commit as the read,
 * so the read returns data only if the row was written.
 */
export function withRecordOfAccess(row: RecordOfAccessRow) {
  return sql`with recorded_access as (
    insert into record_of_access (person_id, student_id, record, action, purpose, basis, request_id)
    values (${row.person_id}, ${row.student_id}, ${row.record}, ${row.action}, ${row.purpose}, ${row.basis},
            ${row.request_id ?? null})
    returning id)`;
}

/**
 * The access path's storage: the facts core's policy decides on, and the record of access (one
 * row per allowed read or change of a student's record, one per student a list shows).
 */
export function createAccessRepository(db: Kysely<Database>) {
  const facts = createStudentAccessRepository(db);
  return {
    findAccessFacts: facts.findAccessFacts,

    async writeRecord(entry: RecordOfAccessEntry, requestId: string | null): Promise<void> {
      await createRecordOfAccessLog(db, requestId).write(entry);
    },

    /** Record that a list showed these students (one row each, in one insert). */
    async recordListing(input: {
      personId: string;
      studentIds: readonly string[];
      purpose: string;
      requestId: string | null;
    }): Promise<void> {
      if (input.studentIds.length === 0) return;
      await db
        .insertInto("record_of_access")
        .values(
          input.studentIds.map((studentId) => ({
            person_id: input.personId,
            student_id: studentId,
            record: "student-summary",
            action: "read-record",
            purpose: input.purpose,
            basis: "list",
            request_id: input.requestId,
          })),
        )
        .execute();
    },
  };
}

export type AccessRepository = ReturnType<typeof createAccessRepository>;

function createRecordOfAccessLog(db: Kysely<Database>, requestId?: string | null): RecordOfAccessLog {
  return {
    async write(entry: RecordOfAccessEntry): Promise<void> {
      await db.executeQuery(
        prepared(db.insertInto("record_of_access").values(recordOfAccessRow(entry, requestId)).compile()),
      );
    },
  };
}

export function createAuditLog(db: Kysely<Database>): AuditLog {
  return {
    async append(event: AuditEvent): Promise<void> {
      await db
        .insertInto("audit_events")
        .values({
          action: event.action,
          person_id: event.personId,
          student_id: event.studentId ?? null,
          subject: event.subject ?? null,
          details: JSON.stringify(event.details ?? {}),
          request_id: event.requestId ?? null,
        })
        .execute();
    },
  };
}
