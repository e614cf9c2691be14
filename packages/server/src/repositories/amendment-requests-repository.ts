/** Requests to amend a record and their history (migration 0100): append-only rows per student. */
import type { AmendmentEventKind, AmendmentProblem, IsoDate } from "@lantern/core";
import { type Kysely, sql } from "kysely";
import type { Database } from "../db/schema.ts";

export type StoredAmendmentRequest = {
  id: string;
  studentId: string;
  requestedOn: IsoDate;
  requestedAt: string;
  requester: string;
  record: string;
  problem: AmendmentProblem;
  explanation: string;
  proposed: string;
  events: Array<{
    kind: Exclude<AmendmentEventKind, "requested">;
    on: IsoDate;
    at: string;
    who: string;
    text: string;
    decideBy: IsoDate | null;
  }>;
};

export function createAmendmentRequestsRepository(db: Kysely<Database>) {
  async function load(studentId: string, requestId?: string): Promise<StoredAmendmentRequest[]> {
    let q = db
      .selectFrom("amendment_requests as r")
      .innerJoin("people as p", "p.id", "r.requested_by")
      .select([
        "r.id",
        "r.student_id",
        "r.requested_on",
        sql<string>`p.first_name || ' ' || p.last_name`.as("requester"),
        "r.record",
        "r.problem",
        "r.explanation",
        "r.proposed",
        "r.created_at",
      ])
      .where("r.student_id", "=", studentId);
    if (requestId) q = q.where("r.id", "=", requestId);
    const rows = await q.orderBy("r.requested_on", "desc").orderBy("r.created_at", "desc").limit(500).execute();
    if (rows.length === 0) return [];
    const events = await db
      .selectFrom("amendment_request_events as e")
      .innerJoin("people as p", "p.id", "e.person_id")
      .select([
        "e.request_id",
        "e.kind",
        "e.occurred_on",
        "e.created_at",
        "e.text",
        "e.decide_by",
        sql<string>`p.first_name || ' ' || p.last_name`.as("who"),
      ])
      .where(
        "e.request_id",
        "in",
        rows.map((r) => r.id),
      )
      .orderBy("e.created_at")
      .orderBy("e.id")
      .execute();
    return rows.map((r) => ({
      id: r.id,
      studentId: r.student_id,
      requestedOn: r.requested_on,
      requestedAt: new Date(r.created_at).toISOString(),
      requester: r.requester,
      record: r.record,
      problem: r.problem as AmendmentProblem,
      explanation: r.explanation,
      proposed: r.proposed,
      events: events
        .filter((e) => e.request_id === r.id)
        .map((e) => ({
          kind: e.kind as Exclude<AmendmentEventKind, "requested">,
          on: e.occurred_on,
          at: new Date(e.created_at).toISOString(),
          who: e.who,
          text: e.text,
          decideBy: e.decide_by,
        })),
    }));
  }

  return {
    /** The student's requests, newest first. */
    listForStudent: (studentId: string) => load(studentId),

    async findForStudent(studentId: string, requestId: string): Promise<StoredAmendmentRequest | undefined> {
      return (await load(studentId, requestId))[0];
    },

    /** Take the request's lock for the rest of the transaction, so two steps never race. */
    async lock(studentId: string, requestId: string): Promise<boolean> {
      const row = await db
        .selectFrom("amendment_requests")
        .select("id")
        .where("id", "=", requestId)
        .where("student_id", "=", studentId)
        .forUpdate()
        .executeTakeFirst();
      return row !== undefined;
    },

    async insert(request: {
      studentId: string;
      requestedOn: IsoDate;
      requestedBy: string;
      record: string;
      problem: AmendmentProblem;
      explanation: string;
      proposed: string;
    }): Promise<string> {
      const row = await db
        .insertInto("amendment_requests")
        .values({
          student_id: request.studentId,
          requested_on: request.requestedOn,
          requested_by: request.requestedBy,
          record: request.record,
          problem: request.problem,
          explanation: request.explanation,
          proposed: request.proposed,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async addEvent(event: {
      requestId: string;
      kind: Exclude<AmendmentEventKind, "requested">;
      on: IsoDate;
      personId: string;
      text: string;
      decideBy: IsoDate | null;
    }): Promise<void> {
      await db
        .insertInto("amendment_request_events")
        .values({
          request_id: event.requestId,
          kind: event.kind,
          occurred_on: event.on,
          person_id: event.personId,
          text: event.text,
          decide_by: event.decideBy,
        })
        .execute();
    },
  };
}
