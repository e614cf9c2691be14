/** A family's state complaint drafts (migration 0095): rows per student, each save a new revision. */
import type { ComplaintEvidence, ComplaintText } from "@lantern/core";
import { DomainError } from "@lantern/core";
import { type Kysely, sql } from "kysely";
import type { Database } from "../db/schema.ts";

export type ComplaintDraftRecord = {
  id: string;
  studentId: string;
  revision: number;
  text: ComplaintText;
  evidence: ComplaintEvidence[];
  createdBy: string;
  createdAt: string;
  updatedAt: string;
};

const parse = <T>(v: unknown): T => (typeof v === "string" ? (JSON.parse(v) as T) : (v as T));

export function createComplaintDraftsRepository(db: Kysely<Database>) {
  const select = () =>
    db
      .selectFrom("complaint_drafts as c")
      .innerJoin("people as p", "p.id", "c.created_by")
      .select([
        "c.id",
        "c.student_id",
        "c.revision",
        "c.text",
        "c.evidence",
        "c.created_at",
        "c.updated_at",
        sql<string>`p.first_name || ' ' || p.last_name`.as("created_by_name"),
      ]);
  type Row = Awaited<ReturnType<ReturnType<typeof select>["executeTakeFirstOrThrow"]>>;
  const toRecord = (r: Row): ComplaintDraftRecord => ({
    id: r.id,
    studentId: r.student_id,
    revision: r.revision,
    text: parse<ComplaintText>(r.text),
    evidence: parse<ComplaintEvidence[]>(r.evidence),
    createdBy: r.created_by_name,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  });
  return {
    async insert(d: {
      studentId: string;
      personId: string;
      text: ComplaintText;
      evidence: readonly ComplaintEvidence[];
    }): Promise<string> {
      const row = await db
        .insertInto("complaint_drafts")
        .values({
          student_id: d.studentId,
          created_by: d.personId,
          updated_by: d.personId,
          text: JSON.stringify(d.text),
          evidence: JSON.stringify(d.evidence),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      return row.id;
    },

    /** Save new words when `revision` is still the stored one; false when someone saved first. */
    async saveText(d: {
      studentId: string;
      draftId: string;
      revision: number;
      text: ComplaintText;
      personId: string;
    }): Promise<boolean> {
      const res = await db
        .updateTable("complaint_drafts")
        .set({
          text: JSON.stringify(d.text),
          revision: sql`revision + 1`,
          updated_at: sql`now()`,
          updated_by: d.personId,
        })
        .where("id", "=", d.draftId)
        .where("student_id", "=", d.studentId)
        .where("revision", "=", d.revision)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },

    async find(studentId: string, draftId: string): Promise<ComplaintDraftRecord> {
      const row = await select().where("c.id", "=", draftId).where("c.student_id", "=", studentId).executeTakeFirst();
      if (!row) throw new DomainError("not-found", "No such complaint draft for this student");
      return toRecord(row);
    },

    /** The student's drafts, newest first. */
    async listForStudent(studentId: string): Promise<ComplaintDraftRecord[]> {
      const rows = await select()
        .where("c.student_id", "=", studentId)
        .orderBy("c.created_at", "desc")
        .orderBy("c.id")
        .limit(100)
        .execute();
      return rows.map(toRecord);
    },
  };
}
