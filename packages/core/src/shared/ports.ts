/**
 * Ports: interfaces core owns and the server implements (repositories, clock, logs).
 * Core rules depend on these shapes, never on a database or framework.
 */
import type { AuditAction } from "../access/audit-actions.ts";
import type { StudentAccessFacts } from "../access/student-access-policy.ts";
import type { IsoDate } from "./dates.ts";

/**
 * The time. "Today" is a calendar date, and which one depends on where: every legal clock runs on
 * the district's days, so it is asked for in the district's time zone (an IANA name such as
 * "America/Chicago", the `districts.time_zone` column).
 */
export type Clock = {
  now(): Date;
  /** Today's calendar date in this time zone. */
  today(timeZone: string): IsoDate;
};

export type StudentAccessRepository = {
  /** Facts about the student and the person's ties to them, or null when no such student exists. */
  findAccessFacts(personId: string, studentId: string): Promise<StudentAccessFacts | null>;
};

export type RecordOfAccessEntry = {
  personId: string;
  studentId: string;
  /** What was read or changed, e.g. "plan:7f…" or "student". */
  record: string;
  action: string;
  purpose: string;
  basis: string;
};

/** The record of access kept with each student's record (34 CFR 300.614; FERPA 99.32). */
export type RecordOfAccessLog = {
  write(entry: RecordOfAccessEntry): Promise<void>;
};

export type AuditEvent = {
  action: AuditAction;
  personId: string | null;
  studentId?: string | null;
  subject?: string | null;
  /** Non-identifying details (ids, versions, hashes) — never names or free text about a student. */
  details?: Record<string, unknown>;
  requestId?: string | null;
};

/** The append-only audit trail. */
export type AuditLog = {
  append(event: AuditEvent): Promise<void>;
};
