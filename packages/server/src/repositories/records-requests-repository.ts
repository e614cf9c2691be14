/** Records requests and their history (migration 0060): append-only rows per student. */
import type { IsoDate, RecordsRequestChannel, RecordsRequestEventKind } from "@lantern/core";
import { type Kysely, sql } from "kysely";
import type { Database } from "../db/schema.ts";

export type StoredRecordsRequest = {
  id: string;
  studentId: string;
  districtId: string;
  studentName: string;
  channel: RecordsRequestChannel;
  receivedOn: IsoDate;
  requester: string;
  scope: string;
  events: Array<{ kind: RecordsRequestEventKind; on: IsoDate; at: string; who: string; note: string }>;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function createRecordsRequestsRepository(db: Kysely<Database>) {
  async function load(where: { studentIds?: readonly string[]; requestId?: string; openIn?: readonly string[] }) {
    let q = db
      .selectFrom("records_requests as r")
      .innerJoin("students as s", "s.id", "r.student_id")
      .select([
        "r.id",
        "r.student_id",
        "s.district_id",
        sql<string>`s.first_name || ' ' || s.last_name`.as("student_name"),
        "r.channel",
        "r.received_on",
        "r.requester",
        "r.scope",
      ]);
    if (where.studentIds) q = q.where("r.student_id", "in", where.studentIds.length ? where.studentIds : [""]);
    if (where.requestId) q = q.where("r.id", "=", where.requestId);
    if (where.openIn) {
      q = q
        .where("s.district_id", "in", where.openIn.length ? where.openIn : [""])
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom("records_request_events as f")
                .select("f.id")
                .whereRef("f.request_id", "=", "r.id")
                .where("f.kind", "=", "fulfilled"),
            ),
          ),
        );
    }
    const rows = await q.orderBy("r.received_on", "desc").orderBy("r.created_at", "desc").limit(500).execute();
    if (rows.length === 0) return [];
    const events = await db
      .selectFrom("records_request_events as e")
      .innerJoin("people as p", "p.id", "e.person_id")
      .select([
        "e.request_id",
        "e.kind",
        "e.occurred_on",
        "e.created_at",
        "e.note",
        sql<string>`p.first_name || ' ' || p.last_name`.as("who"),
      ])
      .where(
        "e.request_id",
        "in",
        rows.map((r) => r.id),
      )
      .orderBy("e.created_at")
      .execute();
    return rows.map(
      (r): StoredRecordsRequest => ({
        id: r.id,
        studentId: r.student_id,
        districtId: r.district_id,
        studentName: r.student_name,
        channel: r.channel as RecordsRequestChannel,
        receivedOn: r.received_on,
        requester: r.requester,
        scope: r.scope,
        events: events
          .filter((e) => e.request_id === r.id)
          .map((e) => ({
            kind: e.kind as RecordsRequestEventKind,
            on: e.occurred_on,
            at: new Date(e.created_at).toISOString(),
            who: e.who,
            note: e.note,
          })),
      }),
    );
  }

  return {
    async insert(entry: {
      studentId: string;
      channel: RecordsRequestChannel;
      receivedOn: IsoDate;
      requester: string;
      requestedBy: string | null;
      scope: string;
      createdBy: string;
      note: string;
    }): Promise<string> {
      const row = await db
        .insertInto("records_requests")
        .values({
          student_id: entry.studentId,
          channel: entry.channel,
          received_on: entry.receivedOn,
          requester: entry.requester,
          requested_by: entry.requestedBy,
          scope: entry.scope,
          created_by: entry.createdBy,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await db
        .insertInto("records_request_events")
        .values({
          request_id: row.id,
          kind: "received",
          occurred_on: entry.receivedOn,
          person_id: entry.createdBy,
          note: entry.note,
        })
        .execute();
      return row.id;
    },

    async addEvent(entry: {
      requestId: string;
      kind: RecordsRequestEventKind;
      on: IsoDate;
      personId: string;
      note: string;
    }): Promise<void> {
      await db
        .insertInto("records_request_events")
        .values({
          request_id: entry.requestId,
          kind: entry.kind,
          occurred_on: entry.on,
          person_id: entry.personId,
          note: entry.note,
        })
        .execute();
    },

    /** Serialize changes to one request (its history is written in order). */
    async lock(requestId: string): Promise<void> {
      await db.selectFrom("records_requests").select("id").where("id", "=", requestId).forUpdate().execute();
    },

    listForStudent(studentId: string): Promise<StoredRecordsRequest[]> {
      return load({ studentIds: [studentId] });
    },

    async findForStudent(studentId: string, requestId: string): Promise<StoredRecordsRequest | null> {
      if (!UUID.test(requestId)) return null;
      const [found] = await load({ studentIds: [studentId], requestId });
      return found ?? null;
    },

    /** Requests not yet fulfilled in these districts, newest first (the caller keeps those the person may see). */
    listOpenInDistricts(districtIds: readonly string[]): Promise<StoredRecordsRequest[]> {
      return load({ openIn: districtIds });
    },

    /** The next IEP meeting of the student's plans on or after a day (it brings a request's due date forward). */
    async nextMeetingOn(studentId: string, from: IsoDate): Promise<IsoDate | null> {
      const row = await db
        .selectFrom("plan_meetings as m")
        .innerJoin("plans as p", "p.id", "m.plan_id")
        .select(sql<string>`min((m.scheduled_at at time zone 'UTC')::date)::text`.as("on"))
        .where("p.student_id", "=", studentId)
        .where(sql<boolean>`(m.scheduled_at at time zone 'UTC')::date > ${from}::date`)
        .executeTakeFirst();
      return row?.on ?? null;
    },
  };
}
