/** The communication log (migration 0061): append-only rows per student. */
import type { Communication, CommunicationMode, IsoDate } from "@lantern/core";
import { type Kysely, sql } from "kysely";
import type { Database } from "../db/schema.ts";

export function createCommunicationsRepository(db: Kysely<Database>) {
  return {
    async insert(entry: {
      studentId: string;
      occurredOn: IsoDate;
      mode: CommunicationMode;
      withWhom: string;
      summary: string;
      loggedBy: string;
    }): Promise<string> {
      const row = await db
        .insertInto("communications")
        .values({
          student_id: entry.studentId,
          occurred_on: entry.occurredOn,
          mode: entry.mode,
          with_whom: entry.withWhom,
          summary: entry.summary,
          logged_by: entry.loggedBy,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      return row.id;
    },

    /** The student's log, newest first. */
    async listForStudent(studentId: string, limit = 1000): Promise<Communication[]> {
      const rows = await db
        .selectFrom("communications as c")
        .innerJoin("people as p", "p.id", "c.logged_by")
        .select([
          "c.id",
          "c.student_id",
          "c.occurred_on",
          "c.mode",
          "c.with_whom",
          "c.summary",
          "c.logged_at",
          sql<string>`p.first_name || ' ' || p.last_name`.as("logged_by"),
        ])
        .where("c.student_id", "=", studentId)
        .orderBy("c.occurred_on", "desc")
        .orderBy("c.logged_at", "desc")
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        id: r.id,
        studentId: r.student_id,
        occurredOn: r.occurred_on,
        mode: r.mode as CommunicationMode,
        withWhom: r.with_whom,
        summary: r.summary,
        loggedBy: r.logged_by,
        loggedAt: new Date(r.logged_at).toISOString(),
      }));
    },
  };
}
