/** Sharing a child's record with advocates (migration 0001), and the record of access as families read it. */
import type { AccessLog, AdvocateLink } from "@lantern/core";
import { type Kysely, sql } from "kysely";
import type { Database } from "../db/schema.ts";

export function createSharingRepository(db: Kysely<Database>) {
  return {
    /** Advocates the record is shared with now, oldest link first. */
    async advocates(studentId: string): Promise<AdvocateLink[]> {
      const rows = await db
        .selectFrom("advocate_links as a")
        .innerJoin("people as p", "p.id", "a.advocate_id")
        .select(["a.advocate_id", "p.first_name", "p.last_name", "p.email", "a.created_at"])
        .where("a.student_id", "=", studentId)
        .where("a.revoked_at", "is", null)
        .orderBy("a.created_at")
        .execute();
      return rows.map((r) => ({
        advocateId: r.advocate_id,
        name: `${r.first_name} ${r.last_name}`,
        email: r.email,
        linkedAt: new Date(r.created_at).toISOString(),
      }));
    },

    /** The person with an advocate account at this email address (any case), if any. */
    async findAdvocateByEmail(email: string): Promise<{ id: string; name: string; email: string } | null> {
      const row = await db
        .selectFrom("people as p")
        .innerJoin("role_assignments as r", "r.person_id", "p.id")
        .select(["p.id", "p.first_name", "p.last_name", "p.email"])
        .where(sql<boolean>`lower(p.email) = ${email.toLowerCase()}`)
        .where("r.role", "=", "advocate")
        .executeTakeFirst();
      return row ? { id: row.id, name: `${row.first_name} ${row.last_name}`, email: row.email } : null;
    },

    /** Link (or link again) an advocate; answers when the link was made. */
    async link(studentId: string, advocateId: string, linkedBy: string, at: Date): Promise<string> {
      const row = await db
        .insertInto("advocate_links")
        .values({ student_id: studentId, advocate_id: advocateId, linked_by: linkedBy, created_at: at })
        .onConflict((oc) =>
          oc
            .columns(["student_id", "advocate_id"])
            .doUpdateSet({ revoked_at: null, linked_by: linkedBy, created_at: at }),
        )
        .returning("created_at")
        .executeTakeFirstOrThrow();
      return new Date(row.created_at).toISOString();
    },

    /** Revoke a live link; false when there was none. */
    async unlink(studentId: string, advocateId: string, at: Date): Promise<boolean> {
      const result = await db
        .updateTable("advocate_links")
        .set({ revoked_at: at })
        .where("student_id", "=", studentId)
        .where("advocate_id", "=", advocateId)
        .where("revoked_at", "is", null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    /** Who read or changed the student's record, newest first, a page before `before`. */
    async accessLog(studentId: string, page: { limit: number; before?: number | undefined }): Promise<AccessLog> {
      let query = db
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
        .orderBy("a.id", "desc")
        .limit(page.limit + 1);
      if (page.before) query = query.where("a.id", "<", page.before);
      const rows = await query.execute();
      const shown = rows.slice(0, page.limit);
      return {
        items: shown.map((r) => ({
          id: r.id,
          at: new Date(r.accessed_at).toISOString(),
          who: `${r.first_name} ${r.last_name}`,
          role: r.basis,
          record: r.record,
          action: r.action,
          purpose: r.purpose,
        })),
        nextBefore: rows.length > page.limit ? (shown[shown.length - 1]?.id ?? null) : null,
      };
    },
  };
}
