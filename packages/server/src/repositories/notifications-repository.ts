/**
 * What the notifications beyond a single change read and remember: who to tell about a student
 * (case managers, providers, the district's administrators), each person's language, the day a
 * district's daily digest went out, the deadlines a digest reports, and the services already
 * reported as behind schedule (migration 0097).
 */
import { addDays, type DeadlineState, type IsoDate } from "@lantern/core";
import { type Kysely, sql } from "kysely";
import type { Database } from "../db/schema.ts";

/** Roles that run a student's plan: told of deadlines and records requests. */
export const CASE_MANAGER_ROLES = ["case-manager", "section-504-coordinator"] as const;
/** Roles told when a service falls behind: the providers and the case managers. */
export const SERVICE_ROLES = ["related-service-provider", ...CASE_MANAGER_ROLES] as const;

export type DigestDeadline = {
  personId: string;
  studentId: string;
  firstName: string;
  lastName: string;
  label: string;
  dueDate: IsoDate;
  state: Extract<DeadlineState, "overdue" | "due-soon">;
  /** It became overdue, or entered the due-soon window, since the last digest. */
  isNew: boolean;
};

export function createNotificationsRepository(db: Kysely<Database>) {
  return {
    /** Each person's preferred language (as stored: "en", "es", "es-MX", …). */
    async languages(personIds: readonly string[]): Promise<Map<string, string>> {
      if (personIds.length === 0) return new Map();
      const rows = await db
        .selectFrom("people")
        .select(["id", "preferred_language"])
        .where("id", "in", [...personIds])
        .execute();
      return new Map(rows.map((r) => [r.id, r.preferred_language]));
    },

    /** Active staff with one of `roles` on the students' caseloads, per student. */
    async caseloadStaff(
      studentIds: readonly string[],
      roles: readonly string[],
    ): Promise<Array<{ studentId: string; personId: string }>> {
      if (studentIds.length === 0) return [];
      const rows = await db
        .selectFrom("caseload_members as c")
        .innerJoin("people as p", "p.id", "c.person_id")
        .select(["c.student_id", "c.person_id"])
        .where("c.student_id", "in", [...studentIds])
        .where("c.role", "in", [...roles])
        .where("p.disabled_at", "is", null)
        .execute();
      return rows.map((r) => ({ studentId: r.student_id, personId: r.person_id }));
    },

    /** The district's active administrators. */
    async districtAdmins(districtId: string): Promise<string[]> {
      const rows = await db
        .selectFrom("role_assignments as r")
        .innerJoin("people as p", "p.id", "r.person_id")
        .select("p.id")
        .distinct()
        .where("r.district_id", "=", districtId)
        .where("r.role", "=", "district-admin")
        .where("p.disabled_at", "is", null)
        .execute();
      return rows.map((r) => r.id);
    },

    async studentName(studentId: string): Promise<{ firstName: string; lastName: string }> {
      const row = await db
        .selectFrom("students")
        .select(["first_name", "last_name"])
        .where("id", "=", studentId)
        .executeTakeFirstOrThrow();
      return { firstName: row.first_name, lastName: row.last_name };
    },

    async districtIds(): Promise<string[]> {
      return (await db.selectFrom("districts").select("id").orderBy("id").execute()).map((r) => r.id);
    },

    /** The last day before `today` a digest went out in the district (null: never). */
    async lastDigestDay(districtId: string, today: IsoDate): Promise<IsoDate | null> {
      const row = await sql<{ day: string | null }>`
        select max(day)::text as day from notification_digests
        where district_id = ${districtId} and day < ${today}::date`.execute(db);
      return (row.rows[0]?.day as IsoDate | null) ?? null;
    },

    /** Take the day's digest: false when it was already taken (sent, or being sent) for that day. */
    async claimDigestDay(districtId: string, day: IsoDate): Promise<boolean> {
      const rows = await sql`insert into notification_digests (district_id, day) values (${districtId}, ${day}::date)
        on conflict do nothing returning day`.execute(db);
      return rows.rows.length === 1;
    },

    /**
     * Unmet deadlines overdue or due soon on `today` of the district's open plans, per case manager
     * on the student's caseload, each marked new when it crossed into its state after `since`.
     */
    async digestDeadlines(
      districtId: string,
      today: IsoDate,
      since: IsoDate,
      dueSoonDays: number,
    ): Promise<DigestDeadline[]> {
      const soon = addDays(today, dueSoonDays);
      const soonBefore = addDays(since, dueSoonDays);
      const rows = await sql<Omit<DigestDeadline, "isNew"> & { isNew: boolean }>`
        select m.person_id as "personId", d.student_id as "studentId", s.first_name as "firstName",
          s.last_name as "lastName", d.label, d.due_date::text as "dueDate",
          case when d.due_date < ${today}::date then 'overdue' else 'due-soon' end as state,
          (case when d.due_date < ${today}::date then d.due_date >= ${since}::date
                else d.due_date > ${soonBefore}::date end) as "isNew"
        from plan_deadlines d
        join plan_compliance c on c.plan_id = d.plan_id
        join students s on s.id = d.student_id
        join caseload_members m on m.student_id = d.student_id
          and m.role in (${sql.join([...CASE_MANAGER_ROLES])})
        join people p on p.id = m.person_id and p.disabled_at is null
        where d.district_id = ${districtId} and c.plan_status <> 'ended' and d.met_on is null
          and d.due_date <= ${soon}::date
        order by m.person_id, d.due_date, d.id
        limit 50000`.execute(db);
      return rows.rows;
    },

    /** Students of the district with a plan in effect (whose services are counted). */
    async studentsWithPlansInEffect(
      districtId: string,
    ): Promise<Array<{ studentId: string; schoolId: string; firstName: string; lastName: string }>> {
      const rows = await sql<{ studentId: string; schoolId: string; firstName: string; lastName: string }>`
        select distinct s.id as "studentId", s.school_id as "schoolId", s.first_name as "firstName",
          s.last_name as "lastName"
        from plan_compliance c join students s on s.id = c.student_id
        where c.district_id = ${districtId} and c.plan_status = 'in-effect'
        order by s.id`.execute(db);
      return rows.rows;
    },

    /** Services of these students already reported as behind, as "studentId|serviceId". */
    async behindNotices(studentIds: readonly string[]): Promise<Set<string>> {
      if (studentIds.length === 0) return new Set();
      const rows = await db
        .selectFrom("service_behind_notices")
        .select(["student_id", "service_id"])
        .where("student_id", "in", [...studentIds])
        .execute();
      return new Set(rows.map((r) => `${r.student_id}|${r.service_id}`));
    },

    async addBehindNotices(notices: ReadonlyArray<{ studentId: string; serviceId: string }>, since: IsoDate) {
      if (notices.length === 0) return;
      await db
        .insertInto("service_behind_notices")
        .values(notices.map((n) => ({ student_id: n.studentId, service_id: n.serviceId, since })))
        .onConflict((oc) => oc.columns(["student_id", "service_id"]).doNothing())
        .execute();
    },

    async removeBehindNotices(notices: ReadonlyArray<{ studentId: string; serviceId: string }>) {
      for (const n of notices) {
        await db
          .deleteFrom("service_behind_notices")
          .where("student_id", "=", n.studentId)
          .where("service_id", "=", n.serviceId)
          .execute();
      }
    },
  };
}

export type NotificationsRepository = ReturnType<typeof createNotificationsRepository>;
