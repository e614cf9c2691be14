/**
 * Retention and destruction (34 CFR 300.624): the district's schedule, the records past it, the
 * notices to families, the destruction itself, and families' requests to destroy records.
 */
import type { DestructionRequest, IsoDate, RetentionRecordType } from "@lantern/core";
import { type Kysely, sql } from "kysely";
import type { Database } from "../db/schema.ts";

/** Where each kind of record lives, and the date that starts its retention. */
const SOURCES: Record<RetentionRecordType, { table: string; date: string }> = {
  "service-log": { table: "service_sessions", date: "session_date" },
  "progress-data": { table: "progress_data_points", date: "point_date" },
  communications: { table: "communications", date: "occurred_on" },
  letters: { table: "family_letters", date: "letter_date" },
};

type OfferRow = {
  id: string;
  student_id: string;
  record_type: string;
  before: string;
  noticed_at: Date;
  destroyed_at: Date | null;
};

type RequestRow = {
  id: string;
  student_id: string;
  student_name: string;
  requested_by_name: string;
  requested_at: Date;
  record_types: string[];
  reason: string;
  status: string;
  status_note: string;
  decided_at: Date | null;
};

function toRequest(r: RequestRow): DestructionRequest {
  return {
    id: r.id,
    studentId: r.student_id,
    studentName: r.student_name,
    requestedBy: r.requested_by_name,
    requestedAt: new Date(r.requested_at).toISOString(),
    recordTypes: r.record_types as RetentionRecordType[],
    reason: r.reason,
    status: r.status as DestructionRequest["status"],
    statusNote: r.status_note,
    decidedAt: r.decided_at ? new Date(r.decided_at).toISOString() : null,
  };
}

export function createRetentionRepository(db: Kysely<Database>) {
  const requestQuery = () =>
    db
      .selectFrom("destruction_requests as d")
      .innerJoin("students as s", "s.id", "d.student_id")
      .innerJoin("people as p", "p.id", "d.requested_by")
      .select([
        "d.id",
        "d.student_id",
        sql<string>`s.first_name || ' ' || s.last_name`.as("student_name"),
        sql<string>`p.first_name || ' ' || p.last_name`.as("requested_by_name"),
        "d.requested_at",
        "d.record_types",
        "d.reason",
        "d.status",
        "d.status_note",
        "d.decided_at",
      ]);

  return {
    async schedule(districtId: string): Promise<Array<{ recordType: RetentionRecordType; years: number }>> {
      const rows = await db
        .selectFrom("retention_schedules")
        .select(["record_type", "years"])
        .where("district_id", "=", districtId)
        .orderBy("record_type")
        .execute();
      return rows.map((r) => ({ recordType: r.record_type as RetentionRecordType, years: r.years }));
    },

    async replaceSchedule(
      districtId: string,
      entries: ReadonlyArray<{ recordType: string; years: number }>,
      personId: string,
    ): Promise<void> {
      await db.deleteFrom("retention_schedules").where("district_id", "=", districtId).execute();
      if (entries.length === 0) return;
      await db
        .insertInto("retention_schedules")
        .values(
          entries.map((e) => ({
            district_id: districtId,
            record_type: e.recordType,
            years: e.years,
            updated_by: personId,
          })),
        )
        .execute();
    },

    /** Per student and kind: how many records are dated before the kind's cutoff, with the open notice. */
    async offered(
      districtId: string,
      cutoffs: ReadonlyArray<{ recordType: RetentionRecordType; before: IsoDate }>,
      page: { limit: number; offset: number },
    ) {
      if (cutoffs.length === 0) return [];
      const parts = cutoffs.map(({ recordType, before }) => {
        const source = SOURCES[recordType];
        return sql`select x.student_id, ${recordType}::text as record_type, ${before}::date as before,
            count(*)::int as records, min(x.${sql.ref(source.date)})::text as oldest
          from ${sql.table(source.table)} x join students s on s.id = x.student_id
          where s.district_id = ${districtId} and x.${sql.ref(source.date)} < ${before}::date
          group by x.student_id`;
      });
      const { rows } = await sql<{
        student_id: string;
        student_name: string;
        record_type: RetentionRecordType;
        before: string;
        records: number;
        oldest: string;
        noticed_at: Date | null;
      }>`with past as (${sql.join(parts, sql` union all `)})
        select past.student_id, s.first_name || ' ' || s.last_name as student_name, past.record_type,
          past.before::text as before, past.records, past.oldest,
          (select max(o.noticed_at) from destruction_offers o where o.student_id = past.student_id
            and o.record_type = past.record_type and o.destroyed_at is null) as noticed_at
        from past join students s on s.id = past.student_id
        order by s.last_name, s.first_name, s.id, past.record_type
        limit ${page.limit} offset ${page.offset}`.execute(db);
      return rows.map((r) => ({
        studentId: r.student_id,
        studentName: r.student_name,
        recordType: r.record_type,
        before: r.before,
        records: Number(r.records),
        oldest: r.oldest,
        noticedAt: r.noticed_at ? new Date(r.noticed_at).toISOString() : null,
      }));
    },

    /** A student of the district (null when there is none). */
    async student(districtId: string, studentId: string): Promise<{ id: string; name: string } | null> {
      const row = await db
        .selectFrom("students")
        .select(["id", sql<string>`first_name || ' ' || last_name`.as("name")])
        .where("id", "=", studentId)
        .where("district_id", "=", districtId)
        .executeTakeFirst();
      return row ?? null;
    },

    async guardians(studentId: string): Promise<string[]> {
      const rows = await db
        .selectFrom("guardianships")
        .select("person_id")
        .where("student_id", "=", studentId)
        .execute();
      return rows.map((r) => r.person_id);
    },

    async countPast(studentId: string, recordType: RetentionRecordType, before: IsoDate): Promise<number> {
      const source = SOURCES[recordType];
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(source.table)}
        where student_id = ${studentId} and ${sql.ref(source.date)} < ${before}::date`.execute(db);
      return Number(rows[0]?.n ?? 0);
    },

    /** The newest notice not yet acted on for this student and kind. */
    async openOffer(studentId: string, recordType: RetentionRecordType): Promise<OfferRow | null> {
      const row = await db
        .selectFrom("destruction_offers")
        .select(["id", "student_id", "record_type", "before", "noticed_at", "destroyed_at"])
        .where("student_id", "=", studentId)
        .where("record_type", "=", recordType)
        .where("destroyed_at", "is", null)
        .orderBy("noticed_at", "desc")
        .forUpdate()
        .executeTakeFirst();
      return row ?? null;
    },

    async addOffer(input: {
      districtId: string;
      studentId: string;
      recordType: RetentionRecordType;
      before: IsoDate;
      personId: string;
    }): Promise<string> {
      const row = await db
        .insertInto("destruction_offers")
        .values({
          district_id: input.districtId,
          student_id: input.studentId,
          record_type: input.recordType,
          before: input.before,
          noticed_by: input.personId,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      return row.id;
    },

    /**
     * Delete the records a notice covers, in the caller's transaction; returns how many. The
     * append-only kinds accept it only for rows this notice covers (migration 0085).
     */
    async destroy(offer: { id: string; studentId: string; recordType: RetentionRecordType; before: IsoDate }) {
      const source = SOURCES[offer.recordType];
      await sql`select set_config('lantern.destruction_offer', ${offer.id}, true)`.execute(db);
      const { rows } = await sql<{ n: number }>`with gone as (
          delete from ${sql.table(source.table)}
          where student_id = ${offer.studentId} and ${sql.ref(source.date)} < ${offer.before}::date
          returning 1)
        select count(*)::int as n from gone`.execute(db);
      await sql`select set_config('lantern.destruction_offer', '', true)`.execute(db);
      return Number(rows[0]?.n ?? 0);
    },

    async markDestroyed(offerId: string, personId: string, count: number): Promise<void> {
      await db
        .updateTable("destruction_offers")
        .set({ destroyed_at: sql<Date>`now()`, destroyed_by: personId, destroyed_count: count })
        .where("id", "=", offerId)
        .execute();
    },

    /** Requests to inspect the student's records not yet fulfilled. */
    async openRecordsRequests(studentId: string): Promise<number> {
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from records_requests r
        where r.student_id = ${studentId}
          and not exists (select 1 from records_request_events e where e.request_id = r.id and e.kind = 'fulfilled')`.execute(
        db,
      );
      return Number(rows[0]?.n ?? 0);
    },

    async addRequest(input: {
      districtId: string;
      studentId: string;
      personId: string;
      recordTypes: readonly string[];
      reason: string;
    }): Promise<string> {
      const row = await db
        .insertInto("destruction_requests")
        .values({
          district_id: input.districtId,
          student_id: input.studentId,
          requested_by: input.personId,
          record_types: [...input.recordTypes],
          reason: input.reason,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async request(requestId: string, districtId: string, lock = false): Promise<DestructionRequest | null> {
      let q = requestQuery().where("d.id", "=", requestId).where("d.district_id", "=", districtId);
      if (lock) q = q.forUpdate("d");
      const row = await q.executeTakeFirst();
      return row ? toRequest(row) : null;
    },

    async requestsForStudent(studentId: string): Promise<DestructionRequest[]> {
      const rows = await requestQuery()
        .where("d.student_id", "=", studentId)
        .orderBy("d.requested_at", "desc")
        .limit(200)
        .execute();
      return rows.map(toRequest);
    },

    async requestsForDistrict(districtId: string, status: string | undefined, limit: number) {
      let q = requestQuery().where("d.district_id", "=", districtId);
      if (status) q = q.where("d.status", "=", status);
      const rows = await q.orderBy("d.requested_at", "desc").limit(limit).execute();
      return rows.map(toRequest);
    },

    async decideRequest(requestId: string, status: string, note: string, personId: string): Promise<void> {
      await db
        .updateTable("destruction_requests")
        .set({ status, status_note: note, decided_by: personId, decided_at: sql<Date>`now()` })
        .where("id", "=", requestId)
        .execute();
    },
  };
}

export type RetentionRepository = ReturnType<typeof createRetentionRepository>;
