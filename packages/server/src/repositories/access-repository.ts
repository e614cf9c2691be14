/** Implements core's access ports: the facts the policy needs, the record of access, the audit trail. */
import type {
  AuditEvent,
  AuditLog,
  RecordOfAccessEntry,
  RecordOfAccessLog,
  StudentAccessFacts,
  StudentAccessRepository,
} from "@lantern/core";
import { type Kysely, sql } from "kysely";
import type { Database } from "../db/schema.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export function createStudentAccessRepository(db: Kysely<Database>): StudentAccessRepository {
  return {
    async findAccessFacts(personId: string, studentId: string): Promise<StudentAccessFacts | null> {
      if (!isUuid(studentId)) return null;
      const row = await db
        .selectFrom("students as s")
        .select([
          "s.id",
          "s.district_id",
          "s.school_id",
          sql<boolean>`exists (select 1 from guardianships g where g.student_id = s.id and g.person_id = ${personId})`.as(
            "is_guardian",
          ),
          sql<boolean>`exists (select 1 from advocate_links a where a.student_id = s.id and a.advocate_id = ${personId} and a.revoked_at is null)`.as(
            "is_linked_advocate",
          ),
          sql<boolean>`exists (select 1 from caseload_members c where c.student_id = s.id and c.person_id = ${personId})`.as(
            "is_on_caseload",
          ),
          sql<boolean>`exists (select 1 from class_enrollments e join classes k on k.id = e.class_id where e.student_id = s.id and k.teacher_id = ${personId})`.as(
            "is_in_class",
          ),
        ])
        .where("s.id", "=", studentId)
        .executeTakeFirst();
      if (!row) return null;
      return {
        studentId: row.id,
        districtId: row.district_id,
        schoolId: row.school_id,
        isGuardian: row.is_guardian,
        isLinkedAdvocate: row.is_linked_advocate,
        isOnCaseload: row.is_on_caseload,
        isInClass: row.is_in_class,
      };
    },
  };
}

export function createRecordOfAccessLog(db: Kysely<Database>, requestId?: string): RecordOfAccessLog {
  return {
    async write(entry: RecordOfAccessEntry): Promise<void> {
      await db
        .insertInto("record_of_access")
        .values({
          person_id: entry.personId,
          student_id: entry.studentId,
          record: entry.record,
          action: entry.action,
          purpose: entry.purpose,
          basis: entry.basis,
          request_id: requestId ?? null,
        })
        .execute();
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
