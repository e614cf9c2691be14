/** Letters a family saved to the child's record (migration 0015): append-only rows per student. */
import { type Letter, type LetterRequest, letterToText, type SavedLetter } from "@lantern/core";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";

const COLUMNS = ["id", "student_id", "saved_by", "saved_at", "kind", "letter_date", "subject", "letter"] as const;

type Row = {
  id: string;
  student_id: string;
  saved_by: string;
  saved_at: Date;
  kind: SavedLetter["kind"];
  letter_date: string;
  subject: string;
  letter: Letter;
};

function toSaved(row: Row): SavedLetter {
  // A letter saved before letters had a language is English.
  const letter: Letter = { ...row.letter, language: row.letter.language ?? "en" };
  return {
    id: row.id,
    studentId: row.student_id,
    kind: row.kind,
    subject: row.subject,
    letterDate: row.letter_date,
    savedBy: row.saved_by,
    savedAt: new Date(row.saved_at).toISOString(),
    letter,
    text: letterToText(letter),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function createLettersRepository(db: Kysely<Database>) {
  return {
    async insert(entry: {
      studentId: string;
      savedBy: string;
      request: LetterRequest;
      letter: Letter;
    }): Promise<SavedLetter> {
      const row = await db
        .insertInto("family_letters")
        .values({
          student_id: entry.studentId,
          saved_by: entry.savedBy,
          kind: entry.request.kind,
          letter_date: entry.letter.date,
          subject: entry.letter.subject,
          request: JSON.stringify(entry.request),
          letter: JSON.stringify(entry.letter),
        })
        .returning(COLUMNS)
        .executeTakeFirstOrThrow();
      return toSaved(row);
    },

    async listForStudent(studentId: string, limit = 50): Promise<SavedLetter[]> {
      const rows = await db
        .selectFrom("family_letters")
        .select(COLUMNS)
        .where("student_id", "=", studentId)
        .orderBy("saved_at", "desc")
        .orderBy("id", "desc")
        .limit(limit)
        .execute();
      return rows.map(toSaved);
    },

    /** One of the student's letters, or null (also for an id that is not a letter id). */
    async findForStudent(studentId: string, letterId: string): Promise<SavedLetter | null> {
      if (!UUID.test(letterId)) return null;
      const row = await db
        .selectFrom("family_letters")
        .select(COLUMNS)
        .where("student_id", "=", studentId)
        .where("id", "=", letterId)
        .executeTakeFirst();
      return row ? toSaved(row) : null;
    },
  };
}
