/**
 * The audit-trail viewer's reads: one district's audit trail or record of access, newest first,
 * filtered and a bounded page at a time (rows older than a cursor id). A row belongs to the
 * district when its student does, or (an event with no student) when its person has a role in
 * the district or is a guardian of one of its students.
 */
import type { AuditTrailEntry, AuditTrailKind, IsoDate } from "@lantern/core";
import { type Kysely, type RawBuilder, sql } from "kysely";
import type { Database } from "../db/schema.ts";

export type AuditTrailFilter = {
  districtId: string;
  timeZone: string;
  trail: AuditTrailKind;
  from: IsoDate;
  to: IsoDate;
  student?: string | undefined;
  person?: string | undefined;
  action?: string | undefined;
  before?: number | undefined;
  limit: number;
};

type Row = {
  id: number | string;
  at: Date | string;
  action: string;
  person_id: string | null;
  person_name: string | null;
  person_email: string | null;
  student_id: string | null;
  student_name: string | null;
  what: string | null;
  purpose: string | null;
  basis: string | null;
};

/** `value` as an ILIKE pattern that matches it anywhere, with its own % and _ taken literally. */
function contains(value: string): string {
  return `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function createAuditTrailRepository(db: Kysely<Database>) {
  return {
    async page(filter: AuditTrailFilter): Promise<AuditTrailEntry[]> {
      const conditions: RawBuilder<unknown>[] = [];
      const isEvents = filter.trail === "audit-trail";
      const at = sql.raw(isEvents ? "t.occurred_at" : "t.accessed_at");
      conditions.push(sql`${at} >= (${filter.from}::date)::timestamp at time zone ${filter.timeZone}`);
      conditions.push(sql`${at} < ((${filter.to}::date + 1)::timestamp at time zone ${filter.timeZone})`);
      if (filter.before !== undefined) conditions.push(sql`t.id < ${filter.before}`);
      if (filter.action) conditions.push(sql`t.action = ${filter.action}`);
      if (filter.student) {
        conditions.push(sql`(s.first_name || ' ' || s.last_name) ilike ${contains(filter.student)}`);
      }
      if (filter.person) {
        const pattern = contains(filter.person);
        conditions.push(sql`((p.first_name || ' ' || p.last_name) ilike ${pattern} or p.email ilike ${pattern})`);
      }
      if (isEvents) {
        conditions.push(sql`(s.district_id = ${filter.districtId}
          or (t.student_id is null and t.person_id is not null and (
            exists (select 1 from role_assignments r where r.person_id = t.person_id and r.district_id = ${filter.districtId})
            or exists (select 1 from guardianships g join students gs on gs.id = g.student_id
                       where g.person_id = t.person_id and gs.district_id = ${filter.districtId}))))`);
      } else {
        conditions.push(sql`s.district_id = ${filter.districtId}`);
      }
      const where = sql.join(conditions, sql` and `);
      const query = isEvents
        ? sql<Row>`select t.id, t.occurred_at as at, t.action, t.person_id,
              p.first_name || ' ' || p.last_name as person_name, p.email as person_email,
              t.student_id, s.first_name || ' ' || s.last_name as student_name,
              t.subject as what, null::text as purpose, null::text as basis
            from audit_events t
            left join students s on s.id = t.student_id
            left join people p on p.id = t.person_id
            where ${where}
            order by t.id desc limit ${filter.limit}`
        : sql<Row>`select t.id, t.accessed_at as at, t.action, t.person_id,
              p.first_name || ' ' || p.last_name as person_name, p.email as person_email,
              t.student_id, s.first_name || ' ' || s.last_name as student_name,
              t.record as what, t.purpose, t.basis
            from record_of_access t
            join students s on s.id = t.student_id
            left join people p on p.id = t.person_id
            where ${where}
            order by t.id desc limit ${filter.limit}`;
      const { rows } = await query.execute(db);
      return rows.map((r) => ({
        id: Number(r.id),
        at: new Date(r.at).toISOString(),
        action: r.action,
        personId: r.person_id,
        personName: r.person_name,
        personEmail: r.person_email,
        studentId: r.student_id,
        studentName: r.student_name,
        what: r.what,
        purpose: r.purpose,
        basis: r.basis,
      }));
    },
  };
}

export type AuditTrailRepository = ReturnType<typeof createAuditTrailRepository>;
