/**
 * The database as Kysely sees it. Each feature adds its tables here next to its migration.
 * Generated columns (defaults) are typed as Generated so inserts may omit them.
 */
import type { ColumnType, Generated } from "kysely";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T = unknown> = ColumnType<T, string, string>;

export type AppMetaTable = { key: string; value: Json; updated_at: Generated<Date> };

export type DistrictsTable = {
  id: Generated<string>;
  name: string;
  state: string;
  time_zone: Generated<string>;
  settings: ColumnType<Record<string, unknown>, string | undefined, string>;
  created_at: Timestamp;
};

export type SchoolsTable = { id: Generated<string>; district_id: string; name: string; created_at: Timestamp };

export type PeopleTable = {
  id: Generated<string>;
  first_name: string;
  last_name: string;
  email: string;
  password_hash: string | null;
  preferred_language: Generated<string>;
  created_at: Timestamp;
  disabled_at: Date | null;
};

export type RoleAssignmentsTable = {
  id: Generated<string>;
  person_id: string;
  role: string;
  district_id: string;
  school_id: string | null;
  created_at: Timestamp;
};

export type StudentsTable = {
  id: Generated<string>;
  district_id: string;
  school_id: string;
  local_id: string | null;
  first_name: string;
  last_name: string;
  date_of_birth: string;
  grade: string;
  created_at: Timestamp;
};

export type GuardianshipsTable = {
  student_id: string;
  person_id: string;
  relationship: Generated<string>;
  created_at: Timestamp;
};

export type AdvocateLinksTable = {
  student_id: string;
  advocate_id: string;
  linked_by: string;
  created_at: Timestamp;
  revoked_at: Date | null;
};

export type CaseloadMembersTable = { person_id: string; student_id: string; role: string; created_at: Timestamp };
export type ClassesTable = { id: Generated<string>; school_id: string; name: string; teacher_id: string };
export type ClassEnrollmentsTable = { class_id: string; student_id: string };

export type SessionsTable = {
  id: string;
  person_id: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
};

export type LoginAttemptsTable = { key: string; attempted_at: Timestamp };

export type RecordOfAccessTable = {
  id: Generated<number>;
  accessed_at: Timestamp;
  person_id: string;
  student_id: string;
  record: string;
  action: string;
  purpose: string;
  basis: string;
  request_id: string | null;
};

export type AuditEventsTable = {
  id: Generated<number>;
  occurred_at: Timestamp;
  action: string;
  person_id: string | null;
  student_id: string | null;
  subject: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, never>;
  request_id: string | null;
};

export type Database = {
  app_meta: AppMetaTable;
  districts: DistrictsTable;
  schools: SchoolsTable;
  people: PeopleTable;
  role_assignments: RoleAssignmentsTable;
  students: StudentsTable;
  guardianships: GuardianshipsTable;
  advocate_links: AdvocateLinksTable;
  caseload_members: CaseloadMembersTable;
  classes: ClassesTable;
  class_enrollments: ClassEnrollmentsTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  record_of_access: RecordOfAccessTable;
  audit_events: AuditEventsTable;
};
