/**
 * Stored compliance results (migration 0003): per-plan findings and deadlines, district calendars
 * and settings.
 */
import {
  addDays,
  type Deadline,
  type DeadlineSettings,
  type DeadlineState,
  type Finding,
  type IsoDate,
  type PlanAccommodationSignature,
  SchoolCalendar,
  ZSchoolCalendar,
} from "@lantern/core";
import { type Kysely, type RawBuilder, sql } from "kysely";
import { type ColumnSpec, insertRows } from "../db/insert-columns.ts";
import type { Database } from "../db/schema.ts";

/**
 * The state of a stored deadline (`alias.due_date`, `alias.met_on`) on `today`, in SQL, exactly as
 * core's `deadlineState` decides it: met when fulfilled; else overdue before `today`; due soon up to
 * `dueSoonDays` days ahead; else due. Stored deadlines keep no state (it changes every day):
 * dashboards and lists compute it with this. `test/compliance/deadline-state-sql.test.ts` runs it
 * against `deadlineState` over a grid of dates on both databases.
 */
export function deadlineStateSql(today: IsoDate, dueSoonDays: number, alias = "d"): RawBuilder<DeadlineState> {
  const due = sql.ref(`${alias}.due_date`);
  const met = sql.ref(`${alias}.met_on`);
  return sql<DeadlineState>`case when ${met} is not null then 'met'
    when ${due} < ${today}::date then 'overdue'
    when ${due} <= ${addDays(today, dueSoonDays)}::date then 'due-soon' else 'due' end`;
}

/** Deadlines not yet met whose state on `today` is `state` ("open": any), as a range on `due_date` that indexes serve. */
export function openDeadlinesSql(
  state: Exclude<DeadlineState, "met"> | "open",
  today: IsoDate,
  dueSoonDays: number,
  alias = "d",
): RawBuilder<boolean> {
  const due = sql.ref(`${alias}.due_date`);
  const open = sql`${sql.ref(`${alias}.met_on`)} is null`;
  const soon = addDays(today, dueSoonDays);
  switch (state) {
    case "overdue":
      return sql<boolean>`${open} and ${due} < ${today}::date`;
    case "due-soon":
      return sql<boolean>`${open} and ${due} >= ${today}::date and ${due} <= ${soon}::date`;
    case "due":
      return sql<boolean>`${open} and ${due} > ${soon}::date`;
    case "open":
      return sql<boolean>`${open}`;
  }
}

export type PlanPlace = { planId: string; districtId: string; schoolId: string; studentId: string };

/** What `replaceMany` stores for one plan. */
export type StoredResultInput = {
  place: PlanPlace;
  head: {
    versionId: string | null;
    planType: string;
    planStatus: string;
    planUpdatedAt: Date;
    versionUpdatedAt: Date | null;
    computedFor: IsoDate;
    recheckOn: IsoDate | null;
    signature: PlanAccommodationSignature | null;
  };
  findings: Finding[];
  deadlines: Deadline[];
};

const PLAN_COMPLIANCE_SPEC: ColumnSpec = {
  plan_id: "uuid",
  version_id: "uuid",
  district_id: "uuid",
  school_id: "uuid",
  student_id: "uuid",
  plan_type: "text",
  plan_status: "text",
  plan_updated_at: "timestamptz",
  version_updated_at: "timestamptz",
  computed_for: "date",
  recheck_on: "date",
  computed_at: "timestamptz",
  error_count: "int",
  warning_count: "int",
  info_count: "int",
  accommodation_signature: "jsonb",
  finding_counts: "jsonb",
};

const PLAN_FINDINGS_SPEC: ColumnSpec = {
  plan_id: "uuid",
  district_id: "uuid",
  school_id: "uuid",
  student_id: "uuid",
  code: "text",
  severity: "text",
  citation: "text",
  message: "text",
  place: "text",
  fix: "text",
};

const PLAN_DEADLINES_SPEC: ColumnSpec = {
  plan_id: "uuid",
  district_id: "uuid",
  school_id: "uuid",
  student_id: "uuid",
  kind: "text",
  code: "text",
  citation: "text",
  label: "text",
  due_date: "date",
  start_date: "date",
  met_on: "date",
  basis: "text",
  notes: "jsonb",
};

/** Findings counted by `code|severity`, as dashboards add them up. */
export function findingCounts(findings: ReadonlyArray<Pick<Finding, "code" | "severity">>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of findings) {
    const key = `${f.code}|${f.severity}`;
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}

/** The columns every per-plan row carries. */
function placeColumns(place: PlanPlace) {
  return {
    plan_id: place.planId,
    district_id: place.districtId,
    school_id: place.schoolId,
    student_id: place.studentId,
  };
}

async function insertFindings(
  db: Kysely<Database>,
  rows: ReadonlyArray<{ place: PlanPlace; finding: Finding }>,
): Promise<void> {
  await insertRows(
    db,
    "plan_findings",
    PLAN_FINDINGS_SPEC,
    rows.map(({ place, finding: f }) => ({
      ...placeColumns(place),
      code: f.code,
      severity: f.severity,
      citation: f.citation,
      message: f.message,
      place: f.place,
      fix: f.fix,
    })),
  );
}

export type StoredPlanResult = {
  versionId: string | null;
  planType: string;
  planStatus: string;
  planUpdatedAt: Date;
  versionUpdatedAt: Date | null;
  computedFor: IsoDate;
  findings: Finding[];
  deadlines: Deadline[];
  signature: PlanAccommodationSignature | null;
};

/** Dates come back as Date objects from some drivers and strings from others. */
export function isoDate(value: unknown): string {
  if (value instanceof Date) {
    const y = value.getFullYear();
    const m = String(value.getMonth() + 1).padStart(2, "0");
    const d = String(value.getDate()).padStart(2, "0");
    return `${y}-${m}-${d}`;
  }
  return String(value).slice(0, 10);
}

const calendarCache = new WeakMap<object, Map<string, { stamp: string; calendar: SchoolCalendar }>>();

export function createComplianceRepository(database: Kysely<Database>) {
  const db = database;
  return {
    db,

    async settings(districtId: string): Promise<DeadlineSettings & { boilerplateMinStudents: number }> {
      const row = await db
        .selectFrom("compliance_settings")
        .selectAll()
        .where("district_id", "=", districtId)
        .executeTakeFirst();
      return {
        dueSoonDays: row?.due_soon_days ?? 30,
        section504ReevaluationYears: row?.section504_reevaluation_years ?? 3,
        ageOfMajority: 18,
        boilerplateMinStudents: row?.boilerplate_min_students ?? 10,
      };
    },

    async saveSettings(
      districtId: string,
      s: { dueSoonDays: number; section504ReevaluationYears: number; boilerplateMinStudents: number },
      personId: string,
    ): Promise<void> {
      const values = {
        due_soon_days: s.dueSoonDays,
        section504_reevaluation_years: s.section504ReevaluationYears,
        boilerplate_min_students: s.boilerplateMinStudents,
        updated_by: personId,
        updated_at: new Date(),
      };
      await db
        .insertInto("compliance_settings")
        .values({ district_id: districtId, ...values })
        .onConflict((oc) => oc.column("district_id").doUpdateSet(values))
        .execute();
    },

    /** The district's calendar, or null when it has not set one. */
    async calendar(districtId: string): Promise<SchoolCalendar | null> {
      const row = await db
        .selectFrom("district_calendars")
        .select(["calendar", "updated_at"])
        .where("district_id", "=", districtId)
        .executeTakeFirst();
      if (!row) return null;
      let perDb = calendarCache.get(database);
      if (!perDb) {
        perDb = new Map();
        calendarCache.set(database, perDb);
      }
      const stamp = new Date(row.updated_at).toISOString();
      const cached = perDb.get(districtId);
      if (cached && cached.stamp === stamp) return cached.calendar;
      const raw = typeof row.calendar === "string" ? JSON.parse(row.calendar) : row.calendar;
      const calendar = new SchoolCalendar(ZSchoolCalendar.parse(raw));
      perDb.set(districtId, { stamp, calendar });
      return calendar;
    },

    async saveCalendar(districtId: string, calendar: unknown, personId: string): Promise<void> {
      const values = { calendar: JSON.stringify(calendar), updated_by: personId, updated_at: new Date() };
      await db
        .insertInto("district_calendars")
        .values({ district_id: districtId, ...values })
        .onConflict((oc) => oc.column("district_id").doUpdateSet(values))
        .execute();
    },

    async stored(planId: string): Promise<StoredPlanResult | null> {
      const head = await db.selectFrom("plan_compliance").selectAll().where("plan_id", "=", planId).executeTakeFirst();
      if (!head) return null;
      const [findings, deadlines] = await Promise.all([
        db.selectFrom("plan_findings").selectAll().where("plan_id", "=", planId).orderBy("id").execute(),
        db
          .selectFrom("plan_deadlines")
          .selectAll()
          .where("plan_id", "=", planId)
          .orderBy("due_date")
          .orderBy("id")
          .execute(),
      ]);
      const sig = head.accommodation_signature;
      return {
        versionId: head.version_id,
        planType: head.plan_type,
        planStatus: head.plan_status,
        planUpdatedAt: new Date(head.plan_updated_at),
        versionUpdatedAt: head.version_updated_at ? new Date(head.version_updated_at) : null,
        computedFor: isoDate(head.computed_for),
        findings: findings.map((f) => ({
          code: f.code as Finding["code"],
          severity: f.severity as Finding["severity"],
          citation: f.citation,
          message: f.message,
          place: f.place,
          fix: f.fix,
        })),
        // State and daysLeft are filled in for the day of the request (see refresh-plan-compliance.ts).
        deadlines: deadlines.map((d) => ({
          kind: d.kind as Deadline["kind"],
          code: d.code,
          citation: d.citation,
          label: d.label,
          dueDate: isoDate(d.due_date),
          state: "due",
          startDate: d.start_date === null ? null : isoDate(d.start_date),
          metOn: d.met_on === null ? null : isoDate(d.met_on),
          daysLeft: 0,
          late: false,
          basis: d.basis as Deadline["basis"],
          notes: typeof d.notes === "string" ? (JSON.parse(d.notes) as string[]) : d.notes,
        })),
        signature: (typeof sig === "string" ? JSON.parse(sig) : sig) as PlanAccommodationSignature | null,
      };
    },

    /** Replace plans' stored results, in a few statements whatever their number (in the caller's transaction). */
    async replaceMany(
      results: ReadonlyArray<StoredResultInput>,
      /** The plans among `results` that have stored results now (default: all of them). */
      stored?: readonly string[],
    ): Promise<void> {
      if (results.length === 0) return;
      await this.removePlans(stored ?? results.map((r) => r.place.planId));
      const now = new Date().toISOString();
      await insertRows(
        database,
        "plan_compliance",
        PLAN_COMPLIANCE_SPEC,
        results.map((r) => {
          const count = (severity: string) => r.findings.filter((f) => f.severity === severity).length;
          return {
            ...placeColumns(r.place),
            version_id: r.head.versionId,
            plan_type: r.head.planType,
            plan_status: r.head.planStatus,
            plan_updated_at: r.head.planUpdatedAt.toISOString(),
            version_updated_at: r.head.versionUpdatedAt ? r.head.versionUpdatedAt.toISOString() : null,
            computed_for: r.head.computedFor,
            recheck_on: r.head.recheckOn,
            computed_at: now,
            error_count: count("error"),
            warning_count: count("warning"),
            info_count: count("info"),
            accommodation_signature: r.head.signature ? JSON.stringify(r.head.signature) : null,
            finding_counts: JSON.stringify(findingCounts(r.findings)),
          };
        }),
        5_000,
      );
      await insertFindings(
        database,
        results.flatMap((r) => r.findings.map((f) => ({ place: r.place, finding: f }))),
      );
      await insertRows(
        database,
        "plan_deadlines",
        PLAN_DEADLINES_SPEC,
        results.flatMap((r) =>
          r.deadlines.map((d) => ({
            ...placeColumns(r.place),
            kind: d.kind,
            code: d.code,
            citation: d.citation,
            label: d.label,
            due_date: d.dueDate,
            start_date: d.startDate,
            met_on: d.metOn,
            basis: d.basis,
            notes: JSON.stringify(d.notes),
          })),
        ),
      );
    },

    /**
     * Replace only the boilerplate findings of these plans (their near-duplicate counts changed
     * because a neighbour's accommodations did) and recount their severities.
     */
    async replaceBoilerplateFindings(
      entries: ReadonlyArray<{ place: PlanPlace; findings: Finding[] }>,
      code: string,
    ): Promise<void> {
      if (entries.length === 0) return;
      const ids = entries.map((e) => e.place.planId);
      await sql`delete from plan_findings where plan_id = any(${ids}::uuid[]) and code = ${code}`.execute(db);
      await insertFindings(
        database,
        entries.flatMap((e) => e.findings.map((f) => ({ place: e.place, finding: f }))),
      );
      await sql`
        update plan_compliance c set
          error_count = n.errors, warning_count = n.warnings, info_count = n.infos,
          finding_counts = n.counts
        from (
          select p.id,
            coalesce(sum(k.n) filter (where k.severity = 'error'), 0)::int as errors,
            coalesce(sum(k.n) filter (where k.severity = 'warning'), 0)::int as warnings,
            coalesce(sum(k.n) filter (where k.severity = 'info'), 0)::int as infos,
            coalesce(jsonb_object_agg(k.code || '|' || k.severity, k.n) filter (where k.code is not null), '{}'::jsonb)
              as counts
          from unnest(${ids}::uuid[]) as p(id)
          left join lateral (
            select f.code, f.severity, count(*)::int as n from plan_findings f
            where f.plan_id = p.id group by f.code, f.severity
          ) k on true
          group by p.id
        ) n
        where c.plan_id = n.id`.execute(db);
    },

    /** Note that a district's stored results changed (dashboards cache per revision). */
    async bump(districtId: string): Promise<void> {
      await sql`insert into compliance_revisions (district_id, revision) values (${districtId}, 1)
        on conflict (district_id) do update set revision = compliance_revisions.revision + 1`.execute(db);
    },

    async revision(districtId: string): Promise<number> {
      const row = await db
        .selectFrom("compliance_revisions")
        .select("revision")
        .where("district_id", "=", districtId)
        .executeTakeFirst();
      return Number(row?.revision ?? 0);
    },

    async removePlans(planIds: readonly string[]): Promise<void> {
      if (planIds.length === 0) return;
      await sql`delete from plan_findings where plan_id = any(${planIds}::uuid[])`.execute(db);
      await sql`delete from plan_deadlines where plan_id = any(${planIds}::uuid[])`.execute(db);
      await sql`delete from plan_compliance where plan_id = any(${planIds}::uuid[])`.execute(db);
    },

    /** Mark a district's plans for recomputation (settings or calendar changed). */
    async markDistrictStale(districtId: string): Promise<void> {
      await db
        .updateTable("plan_compliance")
        .set({ recheck_on: "1970-01-01" })
        .where("district_id", "=", districtId)
        .execute();
    },
  };
}

export type ComplianceRepository = ReturnType<typeof createComplianceRepository>;
