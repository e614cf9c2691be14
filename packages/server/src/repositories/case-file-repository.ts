/**
 * Reads for the family's case file (the whole-record export and the chronology) that no other
 * repository answers: the record of access in pages (it can be long), the plan deadlines stored by
 * the compliance checks, and people's names.
 */
import type { IsoDate } from "@lantern/core";
import { type Kysely, sql } from "kysely";
import type { Database } from "../db/schema.ts";

export type AccessRow = {
  id: number;
  at: string;
  who: string;
  basis: string;
  record: string;
  action: string;
  purpose: string;
};

export type StoredDeadline = {
  id: string;
  planId: string;
  kind: string;
  label: string;
  citation: string;
  dueDate: IsoDate;
  metOn: IsoDate | null;
};

export function createCaseFileRepository(db: Kysely<Database>) {
  return {
    /** The record of access, oldest first, a page after `afterId` (0: from the start). */
    async accessPage(studentId: string, afterId: number, limit: number): Promise<AccessRow[]> {
      const rows = await db
        .selectFrom("record_of_access as a")
        .innerJoin("people as p", "p.id", "a.person_id")
        .select([
          "a.id",
          "a.accessed_at",
          "p.first_name",
          "p.last_name",
          "a.basis",
          "a.record",
          "a.action",
          "a.purpose",
        ])
        .where("a.student_id", "=", studentId)
        .where("a.id", ">", afterId)
        .orderBy("a.id")
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        id: Number(r.id),
        at: new Date(r.accessed_at).toISOString(),
        who: `${r.first_name} ${r.last_name}`,
        basis: r.basis,
        record: r.record,
        action: r.action,
        purpose: r.purpose,
      }));
    },

    /** The deadlines the compliance checks stored for the student's plans. */
    async deadlines(studentId: string): Promise<StoredDeadline[]> {
      const rows = await db
        .selectFrom("plan_deadlines")
        .select(["id", "plan_id", "kind", "label", "citation", "due_date", "met_on"])
        .where("student_id", "=", studentId)
        .orderBy("due_date")
        .execute();
      return rows.map((r) => ({
        id: String(r.id),
        planId: r.plan_id,
        kind: r.kind,
        label: r.label,
        citation: r.citation,
        dueDate: r.due_date,
        metOn: r.met_on,
      }));
    },

    /** Names of people by id ("First Last"). */
    async names(personIds: readonly string[]): Promise<Map<string, string>> {
      const ids = [...new Set(personIds)];
      if (ids.length === 0) return new Map();
      const rows = await db
        .selectFrom("people")
        .select(["id", sql<string>`first_name || ' ' || last_name`.as("name")])
        .where("id", "in", ids)
        .execute();
      return new Map(rows.map((r) => [r.id, r.name]));
    },
  };
}
