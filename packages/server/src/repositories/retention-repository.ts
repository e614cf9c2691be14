/**
 * Retention and destruction (34 CFR 300.624): the district's schedule, the records past it, the
 * notices to families, the destruction itself, and families' requests to destroy records.
 */
import type { DestructionRequest, IsoDate, RetentionRecordType } from "@lantern/core";
import { type Kysely, type RawBuilder, sql } from "kysely";
import type { Database } from "../db/schema.ts";

/**
 * Each kind's records as units (`id`, `student_id`, `day`: the date that starts its retention).
 * A plan is a unit with everything of it; a meeting with its preparation and shared drafts. The
 * database's guards (migrations 0085, 0115) compute the same dates.
 */
const UNITS: Record<RetentionRecordType, RawBuilder<unknown>> = {
  "service-log": sql`select id, student_id, session_date as day from service_sessions`,
  "progress-data": sql`select id, student_id, point_date as day from progress_data_points`,
  communications: sql`select id, student_id, occurred_on as day from communications`,
  letters: sql`select id, student_id, letter_date as day from family_letters`,
  // A plan still running is needed to provide services (300.624(a)): only an ended plan counts.
  plans: sql`select id, student_id, ended_on as day from plans where ended_on is not null`,
  // Meetings about a version the plan has moved past; those of the current version stay with it.
  meetings: sql`select m.id, p.student_id, (m.scheduled_at at time zone 'UTC')::date as day
    from plan_meetings m join plans p on p.id = m.plan_id
    where m.version_id is distinct from p.current_version_id and m.version_id is distinct from p.in_effect_version_id`,
  "navigator-results": sql`select id, student_id, (saved_at at time zone 'UTC')::date as day from navigator_results`,
  // Answered requests only, and never one holding the family's statement, which is kept as long
  // as the record it contests (34 CFR 300.620(c); 99.21(c)).
  "amendment-requests": sql`select r.id, r.student_id, r.requested_on as day from amendment_requests r
    where exists (select 1 from amendment_request_events e where e.request_id = r.id and e.kind in ('amended','refused'))
      and not exists (select 1 from amendment_request_events e where e.request_id = r.id and e.kind = 'statement')`,
  "complaint-drafts": sql`select id, student_id, (updated_at at time zone 'UTC')::date as day from complaint_drafts`,
};

/** Delete the units `ids` of a kind, with their parts, children first. */
const DESTROY: Record<RetentionRecordType, (db: Kysely<Database>, ids: string[]) => Promise<void>> = {
  "service-log": async (db, ids) => {
    await db.deleteFrom("service_sessions").where("id", "in", ids).execute();
  },
  "progress-data": async (db, ids) => {
    await db.deleteFrom("progress_data_points").where("id", "in", ids).execute();
  },
  communications: async (db, ids) => {
    await db.deleteFrom("communications").where("id", "in", ids).execute();
  },
  letters: async (db, ids) => {
    await db.deleteFrom("family_letters").where("id", "in", ids).execute();
  },
  plans: async (db, ids) => {
    const versions = db.selectFrom("plan_versions").select("id").where("plan_id", "in", ids);
    const meetings = db.selectFrom("plan_meetings").select("id").where("plan_id", "in", ids);
    const shares = db.selectFrom("shared_drafts").select("id").where("plan_id", "in", ids);
    await db.deleteFrom("draft_comments").where("share_id", "in", shares).execute();
    await db.deleteFrom("shared_drafts").where("plan_id", "in", ids).execute();
    await db.deleteFrom("meeting_preparations").where("meeting_id", "in", meetings).execute();
    await db.deleteFrom("plan_meetings").where("plan_id", "in", ids).execute();
    await db
      .deleteFrom("plan_signature_scans")
      .where("signature_id", "in", db.selectFrom("plan_signatures").select("id").where("version_id", "in", versions))
      .execute();
    await db.deleteFrom("plan_signatures").where("version_id", "in", versions).execute();
    await db.deleteFrom("plan_translations").where("plan_id", "in", ids).execute();
    await db
      .updateTable("plans")
      .set({ current_version_id: null, in_effect_version_id: null })
      .where("id", "in", ids)
      .execute();
    await db.deleteFrom("compliance_queue").where("plan_id", "in", ids).execute();
    await db.deleteFrom("plan_findings").where("plan_id", "in", ids).execute();
    await db.deleteFrom("plan_deadlines").where("plan_id", "in", ids).execute();
    await db.deleteFrom("plan_compliance").where("plan_id", "in", ids).execute();
    await db.deleteFrom("plan_versions").where("plan_id", "in", ids).execute();
    await db.deleteFrom("plans").where("id", "in", ids).execute();
  },
  meetings: async (db, ids) => {
    const shares = db.selectFrom("shared_drafts").select("id").where("meeting_id", "in", ids);
    await db.deleteFrom("draft_comments").where("share_id", "in", shares).execute();
    await db.deleteFrom("shared_drafts").where("meeting_id", "in", ids).execute();
    await db.deleteFrom("meeting_preparations").where("meeting_id", "in", ids).execute();
    await db.deleteFrom("plan_meetings").where("id", "in", ids).execute();
  },
  "navigator-results": async (db, ids) => {
    await db.deleteFrom("navigator_results").where("id", "in", ids).execute();
  },
  "amendment-requests": async (db, ids) => {
    await db.deleteFrom("amendment_request_events").where("request_id", "in", ids).execute();
    await db.deleteFrom("amendment_requests").where("id", "in", ids).execute();
  },
  "complaint-drafts": async (db, ids) => {
    await db.deleteFrom("complaint_drafts").where("id", "in", ids).execute();
  },
};

/** What the tombstone keeps of a destroyed plan: ids, dates and the sealed versions' hashes, never content. */
export type DestroyedPlan = {
  id: string;
  type: string;
  endedOn: string | null;
  versions: Array<{ id: string; number: number; sealedAt: string | null; sha256: string | null }>;
  signatures: number;
  meetings: number;
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
      const parts = cutoffs.map(
        ({
          recordType,
          before,
        }) => sql`select x.student_id, ${recordType}::text as record_type, ${before}::date as before,
            count(*)::int as records, min(x.day)::text as oldest
          from (${UNITS[recordType]}) x join students s on s.id = x.student_id
          where s.district_id = ${districtId} and x.day < ${before}::date
          group by x.student_id`,
      );
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
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from (${UNITS[recordType]}) x
        where x.student_id = ${studentId} and x.day < ${before}::date`.execute(db);
      return Number(rows[0]?.n ?? 0);
    },

    /** The units of a kind dated before `before`, oldest first. */
    async idsPast(studentId: string, recordType: RetentionRecordType, before: IsoDate): Promise<string[]> {
      const { rows } = await sql<{ id: string }>`select x.id from (${UNITS[recordType]}) x
        where x.student_id = ${studentId} and x.day < ${before}::date order by x.day, x.id`.execute(db);
      return rows.map((r) => r.id);
    },

    /** What the tombstone keeps of plans about to be destroyed (no content). */
    async plansForTombstone(ids: readonly string[]): Promise<DestroyedPlan[]> {
      if (ids.length === 0) return [];
      const { rows } = await sql<{
        id: string;
        type: string;
        ended_on: string | null;
        versions: DestroyedPlan["versions"];
        signatures: number;
        meetings: number;
      }>`select p.id, p.type, p.ended_on::text as ended_on,
          coalesce((select jsonb_agg(jsonb_build_object('id', v.id, 'number', v.number,
              'sealedAt', to_char(v.sealed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
              'sha256', v.content_sha256) order by v.number)
            from plan_versions v where v.plan_id = p.id), '[]'::jsonb) as versions,
          (select count(*)::int from plan_signatures s join plan_versions v on v.id = s.version_id
            where v.plan_id = p.id) as signatures,
          (select count(*)::int from plan_meetings m where m.plan_id = p.id) as meetings
        from plans p where p.id in (${sql.join(ids)}) order by p.ended_on, p.id`.execute(db);
      return rows.map((r) => ({
        id: r.id,
        type: r.type,
        endedOn: r.ended_on,
        versions: r.versions.map((v) => ({ ...v, sha256: v.sha256?.trim() ?? null })),
        signatures: Number(r.signatures),
        meetings: Number(r.meetings),
      }));
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
     * Delete the records a notice covers, with their parts, in the caller's transaction. The
     * append-only kinds and sealed plan versions accept it only for rows this notice covers
     * (migrations 0085, 0115).
     */
    async destroy(offer: { id: string; recordType: RetentionRecordType }, ids: string[]): Promise<number> {
      if (ids.length === 0) return 0;
      await sql`select set_config('lantern.destruction_offer', ${offer.id}, true)`.execute(db);
      await DESTROY[offer.recordType](db, ids);
      await sql`select set_config('lantern.destruction_offer', '', true)`.execute(db);
      return ids.length;
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
