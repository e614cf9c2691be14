/**
 * What compliance dashboards read: plans' stored results counted for a caseload, school or
 * district (per-plan finding counts added up, deadline states computed in SQL for the day asked),
 * deadline lists with keyset pagination, the daily trend points, and a person's calendar feed.
 * Answers come from indexed rows; nothing here checks a plan (see refresh-plan-compliance.ts).
 */
import {
  addDays,
  DEADLINE_KINDS,
  type DeadlineKind,
  type DeadlineState,
  DomainError,
  deadlineFindingSeverity,
  type IsoDate,
} from "@lantern/core";
import { type Kysely, type RawBuilder, sql } from "kysely";
import type { Database } from "../db/schema.ts";
import { deadlineStateSql, openDeadlinesSql } from "./compliance-repository.ts";

/** Whose plans a dashboard counts: a district, a school, or some students (a caseload, a family). */
export type DashboardScope = {
  kind: "caseload" | "school" | "district";
  districtId: string;
  schoolId: string | null;
  /** Caseload scope (and guardians): the students in it. */
  studentIds: string[] | null;
};

export type DashboardFilter = { status: "in-effect" | "open"; planType?: string | undefined };

export type DeadlineRow = {
  id: number;
  planId: string;
  planType: string;
  studentId: string;
  firstName: string;
  lastName: string;
  schoolId: string;
  kind: DeadlineKind;
  code: string;
  label: string;
  citation: string;
  dueDate: IsoDate;
  state: DeadlineState;
};

export type TrendPoint = { day: IsoDate; plans: number; plansWithErrors: number; overdue: number; dueSoon: number };

function scopeWhere(scope: DashboardScope, filter: DashboardFilter): RawBuilder<unknown> {
  const parts = [sql`c.district_id = ${scope.districtId}`];
  if (scope.schoolId) parts.push(sql`c.school_id = ${scope.schoolId}`);
  if (scope.studentIds) {
    parts.push(scope.studentIds.length ? sql`c.student_id in (${sql.join(scope.studentIds)})` : sql`false`);
  }
  parts.push(filter.status === "in-effect" ? sql`c.plan_status = 'in-effect'` : sql`c.plan_status <> 'ended'`);
  if (filter.planType) parts.push(sql`c.plan_type = ${filter.planType}`);
  return sql.join(parts, sql` and `);
}

function encodeCursor(dueDate: string, id: number): string {
  return Buffer.from(`${dueDate}|${id}`).toString("base64url");
}

function decodeCursor(cursor: string): { dueDate: string; id: number } {
  const [dueDate, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  if (!dueDate || !/^\d{4}-\d{2}-\d{2}$/.test(dueDate) || !id || !/^\d+$/.test(id)) {
    throw new DomainError("invalid-input", "Invalid cursor", {
      issues: [{ path: "/cursor", message: "Invalid cursor" }],
    });
  }
  return { dueDate, id: Number(id) };
}

const SNAPSHOT_ALL_SCHOOLS = "00000000-0000-0000-0000-000000000000";

export function createComplianceDashboardRepository(db: Kysely<Database>) {
  return {
    /** The students a person serves: those on their caseload and, for a teacher, those in their classes. */
    async caseloadStudentIds(personId: string): Promise<string[]> {
      const [caseload, classes] = await Promise.all([
        db.selectFrom("caseload_members").select("student_id").where("person_id", "=", personId).execute(),
        db
          .selectFrom("class_enrollments as e")
          .innerJoin("classes as k", "k.id", "e.class_id")
          .select("e.student_id")
          .where("k.teacher_id", "=", personId)
          .execute(),
      ]);
      return [...new Set([...caseload, ...classes].map((r) => r.student_id))];
    },

    /** A guardian's own children. */
    async childrenOf(personId: string): Promise<string[]> {
      const rows = await db
        .selectFrom("guardianships")
        .select("student_id")
        .where("person_id", "=", personId)
        .execute();
      return rows.map((r) => r.student_id);
    },

    /**
     * The headline counts on `today`: plans (by type, with errors), stored findings by code and
     * severity, deadlines by kind and state, and plans whose only error is an overdue legal clock.
     */
    async counts(scope: DashboardScope, filter: DashboardFilter, today: IsoDate, dueSoonDays: number) {
      const where = scopeWhere(scope, filter);
      const state = deadlineStateSql(today, dueSoonDays);
      const [plans, findings, deadlines, overduePlans] = await Promise.all([
        sql<{ total: number; iep: number; s504: number; errors: number }>`
          select count(*)::int as total,
            count(*) filter (where c.plan_type = 'iep')::int as iep,
            count(*) filter (where c.plan_type = 'section-504')::int as s504,
            count(*) filter (where c.error_count > 0)::int as errors
          from plan_compliance c where ${where}`.execute(db),
        // Each plan's findings are stored counted by code and severity: add those up.
        sql<{ code: string; severity: string; findings: number; plans: number }>`
          select split_part(e.key, '|', 1) as code, split_part(e.key, '|', 2) as severity,
            sum(e.value::int)::int as findings, count(*)::int as plans
          from plan_compliance c cross join lateral jsonb_each_text(c.finding_counts) as e
          where ${where} group by e.key`.execute(db),
        sql<{ kind: string; state: DeadlineState; n: number; plans: number }>`
          select kind, state, sum(n)::int as n, count(*)::int as plans from (
            select d.kind, ${state} as state, d.plan_id, count(*) as n
            from plan_deadlines d join plan_compliance c on c.plan_id = d.plan_id
            where ${where} group by d.kind, 2, d.plan_id
          ) per_plan group by kind, state`.execute(db),
        // Plans without stored errors whose legal clocks are overdue (an error finding).
        sql<{ n: number }>`
          select count(distinct d.plan_id)::int as n
          from plan_deadlines d join plan_compliance c on c.plan_id = d.plan_id
          where ${where} and c.error_count = 0 and ${openDeadlinesSql("overdue", today, dueSoonDays)}
            and d.kind in (${sql.join(DEADLINE_KINDS.filter((k) => deadlineFindingSeverity(k, "overdue") === "error"))})`.execute(
          db,
        ),
      ]);
      return {
        plans: plans.rows[0] ?? { total: 0, iep: 0, s504: 0, errors: 0 },
        findings: findings.rows,
        deadlines: deadlines.rows.map((d) => ({ ...d, kind: d.kind as DeadlineKind })),
        overduePlansWithoutErrors: overduePlans.rows[0]?.n ?? 0,
      };
    },

    /** Unmet deadlines in a state on `today`, soonest first, after the cursor. */
    async deadlines(
      scope: DashboardScope,
      filter: DashboardFilter & {
        state: "overdue" | "due-soon" | "due" | "open";
        kind?: DeadlineKind | undefined;
        cursor?: string | undefined;
      },
      today: IsoDate,
      dueSoonDays: number,
      max: number,
    ): Promise<{ rows: DeadlineRow[]; nextCursor: string | null }> {
      const after = filter.cursor ? decodeCursor(filter.cursor) : null;
      const rows = await sql<DeadlineRow>`
        select d.id, d.plan_id as "planId", c.plan_type as "planType", d.student_id as "studentId",
          s.first_name as "firstName", s.last_name as "lastName", d.school_id as "schoolId", d.kind, d.code,
          d.label, d.citation, d.due_date::text as "dueDate", ${deadlineStateSql(today, dueSoonDays)} as state
        from plan_deadlines d
        join plan_compliance c on c.plan_id = d.plan_id
        join students s on s.id = d.student_id
        where ${scopeWhere(scope, filter)} and ${openDeadlinesSql(filter.state, today, dueSoonDays)}
          ${filter.kind ? sql`and d.kind = ${filter.kind}` : sql``}
          ${after ? sql`and (d.due_date, d.id) > (${after.dueDate}::date, ${after.id})` : sql``}
        order by d.due_date, d.id
        limit ${max + 1}`.execute(db);
      const page = rows.rows.slice(0, max);
      const last = page[page.length - 1];
      return { rows: page, nextCursor: rows.rows.length > max && last ? encodeCursor(last.dueDate, last.id) : null };
    },

    /** Keep the day's headline counts of a district (school null) or school; the latest write of a day wins. */
    async recordTrendPoint(scope: { districtId: string; schoolId: string | null }, point: TrendPoint): Promise<void> {
      await sql`insert into compliance_snapshots (district_id, school_id, day, plans, plans_with_errors, overdue, due_soon)
        values (${scope.districtId}, ${scope.schoolId}, ${point.day}, ${point.plans}, ${point.plansWithErrors},
          ${point.overdue}, ${point.dueSoon})
        on conflict (district_id, coalesce(school_id, ${SNAPSHOT_ALL_SCHOOLS}::uuid), day)
        do update set plans = excluded.plans, plans_with_errors = excluded.plans_with_errors,
          overdue = excluded.overdue, due_soon = excluded.due_soon`.execute(db);
    },

    /** A district's (school null) or school's trend points from `from` through `through`, oldest first. */
    async trend(scope: { districtId: string; schoolId: string | null }, from: IsoDate, through: IsoDate) {
      let q = db
        .selectFrom("compliance_snapshots")
        .select(["day", "plans", "plans_with_errors", "overdue", "due_soon"])
        .where("district_id", "=", scope.districtId)
        .where("day", ">=", from)
        .where("day", "<=", through)
        .orderBy("day");
      q = scope.schoolId ? q.where("school_id", "=", scope.schoolId) : q.where("school_id", "is", null);
      return (await q.execute()).map<TrendPoint>((r) => ({
        day: String(r.day).slice(0, 10),
        plans: r.plans,
        plansWithErrors: r.plans_with_errors,
        overdue: r.overdue,
        dueSoon: r.due_soon,
      }));
    },

    /** Unmet deadlines of plans in effect from a month ago to a year ahead (a calendar feed), at most 5,000. */
    async feedDeadlines(scope: DashboardScope, today: IsoDate, dueSoonDays: number) {
      const rows = await sql<{
        id: number;
        studentId: string;
        firstName: string;
        lastName: string;
        label: string;
        dueDate: IsoDate;
        citation: string;
      }>`
        select d.id, d.student_id as "studentId", s.first_name as "firstName", s.last_name as "lastName",
          d.label, d.due_date::text as "dueDate", d.citation
        from plan_deadlines d
        join plan_compliance c on c.plan_id = d.plan_id
        join students s on s.id = d.student_id
        where ${scopeWhere(scope, { status: "in-effect" })} and ${openDeadlinesSql("open", today, dueSoonDays)}
          and d.due_date >= ${addDays(today, -30)}::date and d.due_date <= ${addDays(today, 366)}::date
        order by d.due_date, d.id limit 5000`.execute(db);
      return rows.rows;
    },
  };
}
