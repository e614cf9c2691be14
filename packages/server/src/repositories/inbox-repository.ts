/** A person's inbox: notifications, their email preference, and guardian links awaiting acceptance. */
import type { Notification, PendingGuardianLink } from "@lantern/core";
import { type Kysely, sql } from "kysely";
import type { Database } from "../db/schema.ts";

export type NewNotification = { kind: string; title: string; body: string; link: string | null };

export function createInboxRepository(db: Kysely<Database>) {
  return {
    async notifications(personId: string, limit = 50): Promise<Notification[]> {
      const rows = await db
        .selectFrom("notifications")
        .selectAll()
        .where("person_id", "=", personId)
        .orderBy("created_at", "desc")
        .orderBy("id", "desc")
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        title: r.title,
        body: r.body,
        link: r.link,
        createdAt: new Date(r.created_at).toISOString(),
        read: r.read_at !== null,
      }));
    },

    async add(personIds: string[], n: NewNotification): Promise<void> {
      if (personIds.length === 0) return;
      await db
        .insertInto("notifications")
        .values(personIds.map((id) => ({ person_id: id, kind: n.kind, title: n.title, body: n.body, link: n.link })))
        .execute();
    },

    async markRead(personId: string, id: string): Promise<boolean> {
      const rows = await db
        .updateTable("notifications")
        .set({ read_at: new Date() })
        .where("id", "=", id)
        .where("person_id", "=", personId)
        .returning("id")
        .execute();
      return rows.length === 1;
    },

    /** Who among these people gets email (active, and has not chosen in-app only), with their address. */
    async emailRecipients(personIds: string[]): Promise<Array<{ id: string; email: string }>> {
      if (personIds.length === 0) return [];
      return db
        .selectFrom("people")
        .select(["id", "email"])
        .where("id", "in", personIds)
        .where("email_notifications", "=", true)
        .where("disabled_at", "is", null)
        .execute();
    },

    /** Who hears about a student's plan: guardians, and staff on the caseload (active accounts). */
    async studentAudience(
      studentId: string,
    ): Promise<{ guardians: string[]; staff: string[]; firstName: string; districtId: string }> {
      const [student, guardians, staff] = await Promise.all([
        db
          .selectFrom("students")
          .select(["first_name", "district_id"])
          .where("id", "=", studentId)
          .executeTakeFirstOrThrow(),
        db
          .selectFrom("guardianships as g")
          .innerJoin("people as p", "p.id", "g.person_id")
          .select("p.id")
          .where("g.student_id", "=", studentId)
          .where("p.disabled_at", "is", null)
          .execute(),
        db
          .selectFrom("caseload_members as c")
          .innerJoin("people as p", "p.id", "c.person_id")
          .select("p.id")
          .where("c.student_id", "=", studentId)
          .where("p.disabled_at", "is", null)
          .execute(),
      ]);
      return {
        guardians: guardians.map((r) => r.id),
        staff: staff.map((r) => r.id),
        firstName: student.first_name,
        districtId: student.district_id,
      };
    },

    async emailNotifications(personId: string): Promise<boolean> {
      const row = await db
        .selectFrom("people")
        .select("email_notifications")
        .where("id", "=", personId)
        .executeTakeFirst();
      return row?.email_notifications ?? true;
    },

    async setEmailNotifications(personId: string, on: boolean): Promise<void> {
      await db.updateTable("people").set({ email_notifications: on }).where("id", "=", personId).execute();
    },

    async pendingGuardianLinks(personId: string): Promise<PendingGuardianLink[]> {
      const rows = await db
        .selectFrom("pending_guardian_links as l")
        .innerJoin("students as s", "s.id", "l.student_id")
        .innerJoin("districts as d", "d.id", "l.district_id")
        .select(["l.id", "d.name as district_name", "s.first_name", "s.last_name", "l.relationship", "l.created_at"])
        .where("l.person_id", "=", personId)
        .where("l.decided_at", "is", null)
        .orderBy("l.created_at")
        .execute();
      return rows.map((r) => ({
        id: r.id,
        districtName: r.district_name,
        studentFirstName: r.first_name,
        studentLastName: r.last_name,
        relationship: r.relationship,
        createdAt: new Date(r.created_at).toISOString(),
      }));
    },

    /**
     * Decide an open link of this person: answers the link (null when there is none open). On
     * acceptance the guardianship and the district's guardian role are added.
     */
    async decideGuardianLink(
      personId: string,
      linkId: string,
      accept: boolean,
    ): Promise<{ studentId: string; districtId: string } | null> {
      const row = await db
        .updateTable("pending_guardian_links")
        .set({ decided_at: new Date(), accepted: accept })
        .where("id", "=", linkId)
        .where("person_id", "=", personId)
        .where("decided_at", "is", null)
        .returning(["student_id", "district_id", "relationship"])
        .executeTakeFirst();
      if (!row) return null;
      if (accept) {
        await sql`insert into guardianships (student_id, person_id, relationship)
          values (${row.student_id}, ${personId}, ${row.relationship}) on conflict do nothing`.execute(db);
        await sql`insert into role_assignments (person_id, role, district_id)
          select ${personId}, 'guardian', ${row.district_id}
          where not exists (select 1 from role_assignments where person_id = ${personId}
            and role = 'guardian' and district_id = ${row.district_id})`.execute(db);
      }
      return { studentId: row.student_id, districtId: row.district_id };
    },
  };
}

export type InboxRepository = ReturnType<typeof createInboxRepository>;
