/**
 * Compliance results (migrations 0003, 0009, 0011, 0013): each plan's stored findings and
 * deadlines, the queue of plans whose results are out of date (filled by the database's own
 * triggers), what a check reads about a batch of plans, and the district's settings and calendar.
 */
import {
  addDays,
  type Deadline,
  type DeadlineKind,
  type DeadlineSettings,
  type DeadlineState,
  defaultSchoolCalendar,
  type Finding,
  type IsoDate,
  type PlanAccommodationSignature,
  SchoolCalendar,
  ZSchoolCalendar,
} from "@lantern/core";
import { type Kysely, type RawBuilder, sql } from "kysely";
import { type ColumnSpec, insertRows } from "../db/insert-columns.ts";
import type { Database } from "../db/schema.ts";
import type { toPlanTranslation } from "./plan-translations-repository.ts";

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
function findingCounts(findings: ReadonlyArray<Pick<Finding, "code" | "severity">>): Record<string, number> {
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
let fallbackCalendar: SchoolCalendar | null = null;

/** A signature recorded beside a version, as a check reads it. */
export type RecordedSignature = {
  attendee_id: string;
  method: string;
  signature_text: string;
  meaning: string;
  signed_at: string;
  signer_person_id: string | null;
};

/** One plan of a batch to check, with everything its check needs. */
export type PlanToCheck = {
  id: string;
  student_id: string;
  district_id: string;
  school_id: string;
  /** The school its stored results were filed under (differs when the student moved). */
  stored_school_id: string | null;
  type: string;
  status: string;
  updated_at: Date | string;
  version_id: string | null;
  content: unknown;
  version_updated_at: Date | string | null;
  recorded_signatures: RecordedSignature[] | null;
  other_active: Array<{ id: string; type: string }> | null;
  /** What the student's record says of the guardians' languages (migration 0101), when it says anything. */
  guardian_languages: Array<{ language: string | null; interpreter_needed: boolean }> | null;
  /** The plan's human translations (migration 0121), when it has any. */
  translations: Array<Parameters<typeof toPlanTranslation>[0]> | null;
};

/** Which plans are stale: the whole district, a school, or some students. */
export type StaleScope = { districtId: string; schoolId?: string | null; studentIds?: readonly string[] | null };

export type ComplianceSettingsWithDefaults = DeadlineSettings & { boilerplateMinStudents: number };

export type ComplianceRepositoryOptions = {
  /** The database itself (not a transaction): keys the calendar cache. */
  root: Kysely<Database>;
  /** The due-soon window of a district that has not chosen one (DUE_SOON_DAYS). */
  defaultDueSoonDays: number;
};

export function createComplianceRepository(db: Kysely<Database>, options: ComplianceRepositoryOptions) {
  const database = db;
  return {
    async settings(districtId: string): Promise<ComplianceSettingsWithDefaults> {
      const row = await db
        .selectFrom("compliance_settings")
        .selectAll()
        .where("district_id", "=", districtId)
        .executeTakeFirst();
      return {
        dueSoonDays: row?.due_soon_days ?? options.defaultDueSoonDays,
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
      let perDb = calendarCache.get(options.root);
      if (!perDb) {
        perDb = new Map();
        calendarCache.set(options.root, perDb);
      }
      const stamp = new Date(row.updated_at).toISOString();
      const cached = perDb.get(districtId);
      if (cached && cached.stamp === stamp) return cached.calendar;
      const raw = typeof row.calendar === "string" ? JSON.parse(row.calendar) : row.calendar;
      const calendar = new SchoolCalendar(ZSchoolCalendar.parse(raw));
      perDb.set(districtId, { stamp, calendar });
      return calendar;
    },

    /** The district's calendar, or the default one Lantern ships. */
    async calendarOrDefault(districtId: string): Promise<SchoolCalendar> {
      const own = await this.calendar(districtId);
      if (own) return own;
      fallbackCalendar ??= defaultSchoolCalendar(2020, 2032);
      return fallbackCalendar;
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

    // ---- The queue and what a check reads ------------------------------------------------------

    /**
     * Take these plans off the queue, in a short statement of its own (holding the rows for a
     * whole check would make writers of the same plans wait on it). Returns the plans that were
     * on it: a change committed after this queues the plan again.
     */
    async takeFromQueue(planIds: readonly string[]): Promise<string[]> {
      if (planIds.length === 0) return [];
      const rows = await sql<{ plan_id: string }>`
        delete from compliance_queue where plan_id = any(${[...planIds]}::uuid[]) returning plan_id`.execute(db);
      return rows.rows.map((r) => r.plan_id);
    },

    /** Put plans back on the queue (their check failed), in plan id order like the triggers. */
    async requeue(planIds: readonly string[]): Promise<void> {
      if (planIds.length === 0) return;
      await sql`insert into compliance_queue (plan_id, district_id, school_id, student_id)
        select p.id, p.district_id, p.school_id, p.student_id from plans p where p.id = any(${[...planIds]}::uuid[])
        order by p.id on conflict (plan_id) do nothing`.execute(db);
    },

    /**
     * One check of a plan at a time (in a transaction): two reads can find the same plans stale at
     * once, and both would store a first result. Each check takes a transaction-level advisory lock
     * per plan, all in one order, so overlapping checks wait for each other and never in a circle.
     * Only checks take these locks: a user's save never waits for a check.
     */
    async lockForCheck(planIds: readonly string[]): Promise<void> {
      if (planIds.length === 0) return;
      await sql`select pg_advisory_xact_lock(s.k) from (
          select distinct hashtextextended('plan-check:' || id, 0) as k
          from unnest(${[...planIds]}::uuid[]) as id order by k offset 0) s`.execute(db);
    },

    /** Of these plans, those whose stored results are missing or were computed for another day. */
    async dayStaleAmong(planIds: readonly string[], today: IsoDate): Promise<string[]> {
      if (planIds.length === 0) return [];
      const rows = await sql<{ id: string }>`
        select p.id from unnest(${[...planIds]}::uuid[]) as p(id)
        left join plan_compliance c on c.plan_id = p.id
        where c.plan_id is null or c.recheck_on <= ${today}::date or c.computed_for > ${today}::date`.execute(db);
      return rows.rows.map((r) => r.id);
    },

    /**
     * Plans in scope to re-check: those on the queue (changed since their last check), and stored
     * results that depend on the day and were computed for another one. Both come from indexes;
     * nothing compares a whole district with its results.
     */
    async staleIds(scope: StaleScope, today: IsoDate, limit: number | null): Promise<{ ids: string[]; total: number }> {
      if (scope.studentIds && scope.studentIds.length === 0) return { ids: [], total: 0 };
      const filter = (alias: "q" | "c") =>
        sql`${sql.ref(`${alias}.district_id`)} = ${scope.districtId}
          ${scope.schoolId ? sql`and ${sql.ref(`${alias}.school_id`)} = ${scope.schoolId}` : sql``}
          ${scope.studentIds ? sql`and ${sql.ref(`${alias}.student_id`)} = any(${[...scope.studentIds]}::uuid[])` : sql``}`;
      const rows = await sql<{ id: string; total: number }>`
        select id, count(*) over ()::int as total from (
          select q.plan_id as id from compliance_queue q where ${filter("q")}
          union
          select c.plan_id from plan_compliance c
          where ${filter("c")} and (c.recheck_on <= ${today}::date or c.computed_for > ${today}::date)
        ) stale
        order by id
        ${limit === null ? sql`` : sql`limit ${limit}`}`.execute(db);
      return { ids: rows.rows.map((r) => r.id), total: Number(rows.rows[0]?.total ?? 0) };
    },

    /** A batch of plans with everything their check needs, in one query. */
    async plansToCheck(planIds: readonly string[]): Promise<PlanToCheck[]> {
      if (planIds.length === 0) return [];
      const rows = await sql<PlanToCheck>`
        select p.id, p.student_id, p.district_id, p.school_id, c.school_id as stored_school_id,
          p.type, p.status, p.updated_at,
          v.id as version_id, v.content, v.updated_at as version_updated_at,
          (select json_agg(json_build_object(
              'attendee_id', s.attendee_id, 'method', s.method, 'signature_text', s.signature_text,
              'meaning', s.meaning, 'signed_at', s.signed_at, 'signer_person_id', s.signer_person_id))
            from plan_signatures s where s.version_id = v.id) as recorded_signatures,
          (select json_agg(json_build_object('id', o.id, 'type', o.type))
            from plans o where o.student_id = p.student_id and o.status = 'in-effect' and o.id <> p.id) as other_active,
          (select json_agg(json_build_object('language', g.language, 'interpreter_needed', g.interpreter_needed))
            from guardianships g where g.student_id = p.student_id
              and (g.language is not null or g.interpreter_needed)) as guardian_languages,
          (select json_agg(t order by t.translated_at, t.id) from plan_translations t
            where t.plan_id = p.id) as translations
        from plans p
        left join plan_versions v on v.id = coalesce(p.in_effect_version_id, p.current_version_id)
        left join plan_compliance c on c.plan_id = p.id
        where p.id = any(${[...planIds]}::uuid[])`.execute(db);
      return rows.rows;
    },

    /** Plans with stored results, their place and the accommodations of their checked version. */
    async accommodationsOf(
      planIds: readonly string[],
    ): Promise<Array<{ place: PlanPlace; accommodations: Array<{ id: string; text: string }> }>> {
      if (planIds.length === 0) return [];
      const rows = await sql<PlanPlace & { accommodations: unknown }>`
        select c.plan_id as "planId", c.district_id as "districtId", c.school_id as "schoolId",
          c.student_id as "studentId", v.content -> 'accommodations' as accommodations
        from plan_compliance c left join plan_versions v on v.id = c.version_id
        where c.plan_id = any(${[...planIds]}::uuid[])`.execute(db);
      return rows.rows.map(({ accommodations, ...place }) => ({
        place,
        accommodations: Array.isArray(accommodations) ? (accommodations as Array<{ id: string; text: string }>) : [],
      }));
    },

    /** The schools and districts these plans' stored results are filed under. */
    async placesOfStored(planIds: readonly string[]): Promise<Array<{ schoolId: string; districtId: string }>> {
      if (planIds.length === 0) return [];
      const rows = await sql<{ schoolId: string; districtId: string }>`
        select distinct c.school_id as "schoolId", c.district_id as "districtId" from plan_compliance c
        where c.plan_id = any(${[...planIds]}::uuid[])`.execute(db);
      return rows.rows;
    },

    /**
     * The soonest unmet deadline of each student's plans that have not ended, with its state on
     * `today` (students without one are absent).
     */
    async nextDeadlines(
      studentIds: readonly string[],
      today: IsoDate,
      dueSoonDays: number,
    ): Promise<Map<string, { kind: DeadlineKind; label: string; dueDate: IsoDate; state: DeadlineState }>> {
      const out = new Map<string, { kind: DeadlineKind; label: string; dueDate: IsoDate; state: DeadlineState }>();
      if (studentIds.length === 0) return out;
      const rows = await sql<{
        student_id: string;
        kind: DeadlineKind;
        label: string;
        due_date: string;
        state: DeadlineState;
      }>`
        select distinct on (d.student_id) d.student_id, d.kind, d.label, d.due_date::text as due_date,
          ${deadlineStateSql(today, dueSoonDays)} as state
        from plan_deadlines d join plan_compliance c on c.plan_id = d.plan_id
        where d.student_id = any(${[...studentIds]}::uuid[]) and d.met_on is null and c.plan_status <> 'ended'
        order by d.student_id, d.due_date, d.id`.execute(db);
      for (const r of rows.rows) {
        out.set(r.student_id, { kind: r.kind, label: r.label, dueDate: r.due_date, state: r.state });
      }
      return out;
    },
  };
}
