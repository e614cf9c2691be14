/** Saved eligibility navigator results (migration 0006): append-only rows per student. */
import type { NavigatorFacts, NavigatorResult, SavedNavigatorResult } from "@lantern/core";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";

type Row = {
  id: string;
  student_id: string;
  saved_by: string;
  saved_at: Date;
  facts: NavigatorFacts;
  result: NavigatorResult;
};

function toSaved(row: Row): SavedNavigatorResult {
  return {
    id: row.id,
    studentId: row.student_id,
    savedBy: row.saved_by,
    savedAt: new Date(row.saved_at).toISOString(),
    facts: row.facts,
    result: row.result,
  };
}

export function createNavigatorResultsRepository(db: Kysely<Database>) {
  return {
    async insert(entry: {
      studentId: string;
      savedBy: string;
      facts: NavigatorFacts;
      result: NavigatorResult;
    }): Promise<SavedNavigatorResult> {
      const row = await db
        .insertInto("navigator_results")
        .values({
          student_id: entry.studentId,
          saved_by: entry.savedBy,
          recommendation: entry.result.recommendation,
          likely: entry.result.likely,
          facts: JSON.stringify(entry.facts),
          result: JSON.stringify(entry.result),
        })
        .returning(["id", "student_id", "saved_by", "saved_at", "facts", "result"])
        .executeTakeFirstOrThrow();
      return toSaved(row);
    },

    async listForStudent(studentId: string, limit = 50): Promise<SavedNavigatorResult[]> {
      const rows = await db
        .selectFrom("navigator_results")
        .select(["id", "student_id", "saved_by", "saved_at", "facts", "result"])
        .where("student_id", "=", studentId)
        .orderBy("saved_at", "desc")
        .orderBy("id", "desc")
        .limit(limit)
        .execute();
      return rows.map(toSaved);
    },
  };
}
