/**
 * Compliance: one plan's findings and deadlines (staff and families, through the access path),
 * caseload / school / district dashboards with counts by finding and by deadline state, lists of
 * overdue and upcoming deadlines (keyset pagination, CSV), the district's settings and school
 * calendar, and a personal ICS feed of upcoming deadlines at a secret, revocable address.
 *
 * Dashboards read stored results (refreshed when a plan changed since its last check), so they
 * answer from indexed rows; deadline states are computed in SQL for the day asked.
 */

import { createHash, randomBytes } from "node:crypto";
import {
  addDays,
  compareSeverity,
  DEADLINE_FINDING_CODES,
  DEADLINE_KINDS,
  type DeadlineKind,
  type DeadlineState,
  DomainError,
  deadlineFindingSeverity,
  decideDashboardScope,
  districtSettingsRole,
  FINDING_RULES,
  type FindingCode,
  type IsoDate,
  type Severity,
  ZCalendarFeed,
  ZCalendarFeedParams,
  ZComplianceDashboard,
  ZComplianceQuery,
  ZComplianceSettings,
  ZDeadlineList,
  ZDeadlineListQuery,
  ZPlanComplianceView,
  ZPlanParams,
  ZSchoolCalendar,
  ZSchoolCalendarView,
} from "@lantern/core";
import { stringify } from "csv-stringify/sync";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { type RawBuilder, sql } from "kysely";
import type { z } from "zod";
import { todayIso } from "../../clock.ts";
import { recordListing } from "../../plugins/access.ts";
import type { SignedInPerson } from "../../plugins/auth.ts";
import {
  createComplianceRepository,
  deadlineStateSql,
  openDeadlinesSql,
} from "../../repositories/compliance-repository.ts";
import { readPlanCompliance, refreshStalePlans } from "../../use-cases/refresh-plan-compliance.ts";

type Scope = {
  kind: "caseload" | "school" | "district";
  person: SignedInPerson;
  districtId: string;
  schoolId: string | null;
  /** Caseload scope (and guardians): the students in it. */
  studentIds: string[] | null;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** RFC 5545 text escaping and line folding (75 octets). */
function icsText(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}
function fold(line: string): string {
  const out: string[] = [];
  let rest = line;
  while (Buffer.byteLength(rest) > 75) {
    let cut = 75;
    while (Buffer.byteLength(rest.slice(0, cut)) > 75) cut--;
    out.push(rest.slice(0, cut));
    rest = ` ${rest.slice(cut)}`;
  }
  out.push(rest);
  return out.join("\r\n");
}

const routes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.db;
  const repo = createComplianceRepository(app.deps.db);

  async function resolveScope(
    person: SignedInPerson,
    q: { scope?: Scope["kind"] | undefined; schoolId?: string | undefined },
  ): Promise<Scope> {
    const decision = decideDashboardScope({ personId: person.id, roles: person.roles }, q);
    if (!decision.allowed) {
      if (decision.reason === "school-required")
        throw new DomainError("invalid-input", decision.message, {
          issues: [{ path: "/schoolId", message: "Required" }],
        });
      throw new DomainError("forbidden", decision.message);
    }
    const { kind, districtId } = decision;
    if (decision.kind === "school") {
      if (decision.checkSchoolInDistrict) {
        const school = await db
          .selectFrom("schools")
          .select("id")
          .where("id", "=", decision.schoolId)
          .where("district_id", "=", districtId)
          .executeTakeFirst();
        if (!school) throw new DomainError("not-found", "No such school in your district");
      }
      return { kind: "school", person, districtId, schoolId: decision.schoolId, studentIds: null };
    }
    if (kind === "district") return { kind, person, districtId, schoolId: null, studentIds: null };
    const rows = await db
      .selectFrom("caseload_members")
      .select("student_id")
      .where("person_id", "=", person.id)
      .execute();
    return { kind, person, districtId, schoolId: null, studentIds: [...new Set(rows.map((r) => r.student_id))] };
  }

  /** Students the person may see deadlines of in a feed: staff scope, or a guardian's own children. */
  async function feedScope(person: SignedInPerson): Promise<Scope | null> {
    const staff = person.roles.some((r) => r.role !== "guardian" && r.role !== "advocate");
    if (staff) return resolveScope(person, {});
    const children = await db
      .selectFrom("guardianships")
      .select("student_id")
      .where("person_id", "=", person.id)
      .execute();
    const district = person.roles[0]?.districtId;
    if (!district) return null;
    return {
      kind: "caseload",
      person,
      districtId: district,
      schoolId: null,
      studentIds: children.map((c) => c.student_id),
    };
  }

  function scopeWhere(scope: Scope, status: "in-effect" | "open", planType?: string): RawBuilder<unknown> {
    const parts = [sql`c.district_id = ${scope.districtId}`];
    if (scope.schoolId) parts.push(sql`c.school_id = ${scope.schoolId}`);
    if (scope.studentIds) {
      parts.push(scope.studentIds.length ? sql`c.student_id in (${sql.join(scope.studentIds)})` : sql`false`);
    }
    parts.push(status === "in-effect" ? sql`c.plan_status = 'in-effect'` : sql`c.plan_status <> 'ended'`);
    if (planType) parts.push(sql`c.plan_type = ${planType}`);
    return sql.join(parts, sql` and `);
  }

  async function prepare(request: FastifyRequest, q: z.infer<typeof ZComplianceQuery>) {
    const person = app.auth.requirePerson(request);
    const scope = await resolveScope(person, q);
    const today = q.today ?? todayIso();
    // A bounded number of changed plans is re-checked now; the rest are reported as pending.
    const { pending: pendingPlans } = await refreshStalePlans(app.deps.db, scope, today);
    const settings = await repo.settings(scope.districtId);
    return { scope, today, settings, pendingPlans };
  }

  // ---- One plan ------------------------------------------------------------------------------

  app.get(
    "/api/students/:studentId/plans/:planId/compliance",
    {
      schema: {
        tags: ["compliance"],
        summary:
          "A plan's findings (with the place to fix each) and its legal deadlines, with plain-language sentences",
        params: ZPlanParams,
        response: { 200: ZPlanComplianceView },
      },
    },
    async (request) => {
      const { studentId, planId } = request.params;
      const access = await app.access.authorize(request, {
        studentId,
        action: "read-plan",
        purpose: "view plan findings and deadlines",
        record: `plan:${planId}`,
      });
      if (!UUID.test(planId)) throw new DomainError("not-found", "No such plan for this student");
      const plan = await db
        .selectFrom("plans")
        .select("id")
        .where("id", "=", planId)
        .where("student_id", "=", access.student.studentId)
        .executeTakeFirst();
      if (!plan) throw new DomainError("not-found", "No such plan for this student");
      const view = await readPlanCompliance(
        app.deps.db,
        { planId, districtId: access.student.districtId, studentId: access.student.studentId },
        todayIso(),
      );
      if (!view) throw new DomainError("not-found", "This plan has no results yet");
      return view;
    },
  );

  // ---- Dashboards ----------------------------------------------------------------------------

  /**
   * Trends: the headline counts of a district or school are kept per day (the latest computed
   * for the real date with no filters, so each day ends with its final counts); the last 60 days
   * are returned.
   */
  async function recordAndReadTrend(
    scope: Scope,
    q: z.infer<typeof ZComplianceQuery>,
    today: IsoDate,
    point: { plans: number; plansWithErrors: number; overdue: number; dueSoon: number },
  ) {
    if (scope.kind === "caseload") return [];
    const unfiltered = q.planType === undefined && q.status === "in-effect";
    if (unfiltered && today === todayIso()) {
      await sql`insert into compliance_snapshots (district_id, school_id, day, plans, plans_with_errors, overdue, due_soon)
        values (${scope.districtId}, ${scope.schoolId}, ${today}, ${point.plans}, ${point.plansWithErrors},
          ${point.overdue}, ${point.dueSoon})
        on conflict (district_id, coalesce(school_id, '00000000-0000-0000-0000-000000000000'::uuid), day)
        do update set plans = excluded.plans, plans_with_errors = excluded.plans_with_errors,
          overdue = excluded.overdue, due_soon = excluded.due_soon`.execute(db);
    }
    const rows = await sql<{
      day: string;
      plans: number;
      plans_with_errors: number;
      overdue: number;
      due_soon: number;
    }>`
      select day, plans, plans_with_errors, overdue, due_soon from compliance_snapshots
      where district_id = ${scope.districtId}
        and ${scope.schoolId ? sql`school_id = ${scope.schoolId}` : sql`school_id is null`}
        and day >= ${addDays(today, -60)}::date and day <= ${today}::date
      order by day`.execute(db);
    return rows.rows.map((r) => ({
      day: String(r.day).slice(0, 10),
      plans: r.plans,
      plansWithErrors: r.plans_with_errors,
      overdue: r.overdue,
      dueSoon: r.due_soon,
    }));
  }

  /** Answers per (scope, filters, day), valid while the district's revision is unchanged. */
  const dashboardCache = new Map<string, { revision: number; value: Awaited<ReturnType<typeof computeDashboard>> }>();

  async function dashboard(request: FastifyRequest, q: z.infer<typeof ZComplianceQuery>) {
    const prepared = await prepare(request, q);
    const { scope, today } = prepared;
    const revision = await repo.revision(scope.districtId);
    const key = JSON.stringify([
      scope.kind,
      scope.districtId,
      scope.schoolId,
      scope.studentIds ? scope.studentIds.join(",") : null,
      q.planType ?? null,
      q.status,
      today,
      prepared.settings.dueSoonDays,
      prepared.pendingPlans,
    ]);
    const hit = dashboardCache.get(key);
    if (hit && hit.revision === revision) return { ...hit.value, scopeForListing: scope };
    const value = await computeDashboard(prepared, q);
    if (dashboardCache.size > 1000) dashboardCache.clear();
    dashboardCache.set(key, { revision, value });
    return { ...value, scopeForListing: scope };
  }

  async function computeDashboard(prepared: Awaited<ReturnType<typeof prepare>>, q: z.infer<typeof ZComplianceQuery>) {
    const { scope, today, settings, pendingPlans } = prepared;
    const where = scopeWhere(scope, q.status, q.planType);
    const state = deadlineStateSql(today, settings.dueSoonDays);
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
        where ${where} and c.error_count = 0 and ${openDeadlinesSql("overdue", today, settings.dueSoonDays)}
          and d.kind in (${sql.join(
            DEADLINE_KINDS.filter((k) => deadlineFindingSeverity(k, "overdue") === "error"),
          )})`.execute(db),
    ]);
    const p = plans.rows[0] ?? { total: 0, iep: 0, s504: 0, errors: 0 };
    const withErrors = p.errors + (overduePlans.rows[0]?.n ?? 0);
    const overdueCount = deadlines.rows.filter((d) => d.state === "overdue").reduce((n, d) => n + d.n, 0);
    const dueSoonCount = deadlines.rows.filter((d) => d.state === "due-soon").reduce((n, d) => n + d.n, 0);
    const trend = await recordAndReadTrend(scope, q, today, {
      plans: p.total,
      plansWithErrors: withErrors,
      overdue: overdueCount,
      dueSoon: dueSoonCount,
    });
    const counts = new Map<string, { code: FindingCode; severity: Severity; findings: number; plans: number }>();
    const add = (code: string, severity: Severity, n: number, planCount: number) => {
      const key = `${code}|${severity}`;
      const c = counts.get(key) ?? { code: code as FindingCode, severity, findings: 0, plans: 0 };
      c.findings += n;
      c.plans += planCount;
      counts.set(key, c);
    };
    for (const f of findings.rows) add(f.code, f.severity as Severity, f.findings, f.plans);
    const byKind = new Map<
      DeadlineKind,
      { kind: DeadlineKind; overdue: number; dueSoon: number; due: number; met: number }
    >();
    const totals = { overdue: 0, dueSoon: 0, due: 0, met: 0 };
    for (const d of deadlines.rows) {
      const kind = d.kind as DeadlineKind;
      const k = byKind.get(kind) ?? { kind, overdue: 0, dueSoon: 0, due: 0, met: 0 };
      const field = d.state === "due-soon" ? "dueSoon" : d.state;
      k[field] += d.n;
      totals[field] += d.n;
      byKind.set(kind, k);
      // One finding per deadline (and a plan has one deadline of each kind).
      const severity = deadlineFindingSeverity(kind, d.state);
      if (severity) add(DEADLINE_FINDING_CODES[kind], severity, d.n, d.plans);
    }
    return {
      scope: scope.kind,
      districtId: scope.districtId,
      schoolId: scope.schoolId,
      today,
      dueSoonDays: settings.dueSoonDays,
      pendingPlans,
      plans: { total: p.total, iep: p.iep, section504: p.s504, withErrors },
      findings: [...counts.values()].sort((a, b) => compareSeverity(a.severity, b.severity) || b.plans - a.plans),
      deadlines: {
        ...totals,
        byKind: DEADLINE_KINDS.filter((k) => byKind.has(k)).map(
          (k) => byKind.get(k) as NonNullable<ReturnType<typeof byKind.get>>,
        ),
      },
      trend,
    };
  }

  app.get(
    "/api/compliance/dashboard",
    {
      schema: {
        tags: ["compliance"],
        summary: "Caseload, school or district dashboard: plans, findings by code and deadlines by state",
        querystring: ZComplianceQuery,
        response: { 200: ZComplianceDashboard },
      },
    },
    async (request) => {
      const { scopeForListing: _scope, ...view } = await dashboard(request, request.query);
      return view;
    },
  );

  app.get(
    "/api/compliance/dashboard.csv",
    {
      schema: {
        tags: ["compliance"],
        summary: "The dashboard's counts by finding and by deadline as CSV",
        querystring: ZComplianceQuery,
      },
    },
    async (request, reply) => {
      const view = await dashboard(request, request.query);
      const rows = [
        ...view.findings.map((f) => ({
          kind: "finding",
          code: f.code,
          severity: f.severity,
          citation: FINDING_RULES[f.code].citation,
          findings: f.findings,
          plans: f.plans,
          overdue: "",
          due_soon: "",
          due: "",
          met: "",
        })),
        ...view.deadlines.byKind.map((d) => ({
          kind: "deadline",
          code: d.kind,
          severity: "",
          citation: "",
          findings: "",
          plans: "",
          overdue: d.overdue,
          due_soon: d.dueSoon,
          due: d.due,
          met: d.met,
        })),
      ];
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="compliance-${view.scope}-${view.today}.csv"`)
        .send(stringify(rows, { header: true }));
    },
  );

  // ---- Deadline lists ------------------------------------------------------------------------

  async function deadlineList(request: FastifyRequest, q: z.infer<typeof ZDeadlineListQuery>, max: number) {
    const { scope, today, settings } = await prepare(request, q);
    const where = scopeWhere(scope, q.status, q.planType);
    const range = openDeadlinesSql(q.state, today, settings.dueSoonDays);
    const after = q.cursor ? decodeCursor(q.cursor) : null;
    const rows = await sql<{
      id: number;
      plan_id: string;
      plan_type: string;
      student_id: string;
      first_name: string;
      last_name: string;
      school_id: string;
      kind: string;
      code: string;
      label: string;
      citation: string;
      due_date: string;
      state: DeadlineState;
    }>`
      select d.id, d.plan_id, c.plan_type, d.student_id, s.first_name, s.last_name, d.school_id, d.kind, d.code,
        d.label, d.citation, d.due_date, ${deadlineStateSql(today, settings.dueSoonDays)} as state
      from plan_deadlines d
      join plan_compliance c on c.plan_id = d.plan_id
      join students s on s.id = d.student_id
      where ${where} and ${range}
        ${q.kind ? sql`and d.kind = ${q.kind}` : sql``}
        ${after ? sql`and (d.due_date, d.id) > (${after.dueDate}::date, ${after.id})` : sql``}
      order by d.due_date, d.id
      limit ${max + 1}`.execute(db);
    const page = rows.rows.slice(0, max);
    const last = page[page.length - 1];
    await recordListing(
      app.deps.db,
      request,
      scope.person.id,
      [...new Set(page.map((r) => r.student_id))],
      "compliance deadline list",
    );
    return {
      items: page.map((r) => ({
        id: Number(r.id),
        planId: r.plan_id,
        planType: r.plan_type,
        studentId: r.student_id,
        studentName: `${r.first_name} ${r.last_name}`,
        schoolId: r.school_id,
        kind: r.kind as DeadlineKind,
        code: r.code,
        label: r.label,
        citation: r.citation,
        dueDate: String(r.due_date).slice(0, 10),
        state: r.state,
        daysLeft: Math.round((Date.parse(String(r.due_date).slice(0, 10)) - Date.parse(today)) / 86_400_000),
      })),
      nextCursor:
        rows.rows.length > max && last ? encodeCursor(String(last.due_date).slice(0, 10), Number(last.id)) : null,
    };
  }

  app.get(
    "/api/compliance/deadlines",
    {
      schema: {
        tags: ["compliance"],
        summary: "Overdue, due-soon or upcoming deadlines in a caseload, school or district, soonest first",
        querystring: ZDeadlineListQuery,
        response: { 200: ZDeadlineList },
      },
    },
    async (request) => deadlineList(request, request.query, request.query.limit),
  );

  app.get(
    "/api/compliance/deadlines.csv",
    {
      schema: {
        tags: ["compliance"],
        summary: "The deadline list as CSV (up to 10,000 rows)",
        querystring: ZDeadlineListQuery,
      },
    },
    async (request, reply) => {
      const list = await deadlineList(request, { ...request.query, cursor: undefined }, 10_000);
      const csv = stringify(
        list.items.map((i) => ({
          student: i.studentName,
          plan_type: i.planType,
          deadline: i.label,
          kind: i.kind,
          due_date: i.dueDate,
          state: i.state,
          days_left: i.daysLeft,
          citation: i.citation,
        })),
        { header: true },
      );
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="deadlines-${request.query.state}.csv"`)
        .send(csv);
    },
  );

  // ---- District settings and calendar --------------------------------------------------------

  function districtAdmin(request: FastifyRequest) {
    const person = app.auth.requirePerson(request);
    const role = districtSettingsRole({ personId: person.id, roles: person.roles }, "change");
    if (!role) throw new DomainError("forbidden", "Only district administrators can change compliance settings");
    return { person, districtId: role.districtId };
  }

  function districtStaff(request: FastifyRequest) {
    const person = app.auth.requirePerson(request);
    const role = districtSettingsRole({ personId: person.id, roles: person.roles }, "read");
    if (!role) throw new DomainError("forbidden", "Only district staff can see the district's settings");
    return { person, districtId: role.districtId };
  }

  app.get(
    "/api/district/compliance-settings",
    {
      schema: {
        tags: ["compliance"],
        summary: "The district's due-soon window, Section 504 reevaluation interval and boilerplate threshold",
        response: { 200: ZComplianceSettings },
      },
    },
    async (request) => {
      const { districtId } = districtStaff(request);
      const s = await repo.settings(districtId);
      return {
        dueSoonDays: s.dueSoonDays,
        section504ReevaluationYears: s.section504ReevaluationYears,
        boilerplateMinStudents: s.boilerplateMinStudents,
      };
    },
  );

  app.put(
    "/api/district/compliance-settings",
    {
      schema: {
        tags: ["compliance"],
        summary: "Change the district's compliance settings (district administrators)",
        body: ZComplianceSettings,
        response: { 200: ZComplianceSettings },
      },
    },
    async (request) => {
      const { person, districtId } = districtAdmin(request);
      await repo.saveSettings(districtId, request.body, person.id);
      // Stored results depend on the settings: recompute on next read.
      await repo.markDistrictStale(districtId);
      await app.deps.audit.append({
        action: "settings.updated",
        personId: person.id,
        studentId: null,
        subject: "compliance-settings",
        details: { ...request.body },
        requestId: request.id,
      });
      return request.body;
    },
  );

  app.get(
    "/api/district/school-calendar",
    {
      schema: {
        tags: ["compliance"],
        summary: "The district's school calendar (school days, holidays, breaks); the default when none is set",
        response: { 200: ZSchoolCalendarView },
      },
    },
    async (request) => {
      const { districtId } = districtStaff(request);
      const own = await repo.calendar(districtId);
      return { custom: own !== null, calendar: own ? own.data : null };
    },
  );

  app.put(
    "/api/district/school-calendar",
    {
      schema: {
        tags: ["compliance"],
        summary: "Set the district's school calendar (district administrators)",
        body: ZSchoolCalendar,
        response: { 200: ZSchoolCalendarView },
      },
    },
    async (request) => {
      const { person, districtId } = districtAdmin(request);
      await repo.saveCalendar(districtId, request.body, person.id);
      await repo.markDistrictStale(districtId);
      await app.deps.audit.append({
        action: "compliance.calendar-updated",
        personId: person.id,
        studentId: null,
        subject: "school-calendar",
        details: { years: request.body.years.length },
        requestId: request.id,
      });
      return { custom: true, calendar: request.body };
    },
  );

  // ---- Personal calendar feed ----------------------------------------------------------------

  app.post(
    "/api/compliance/calendar-feed",
    {
      schema: {
        tags: ["compliance"],
        summary: "Create (or replace) your secret calendar-feed address; any earlier address stops working",
        response: { 200: ZCalendarFeed },
      },
    },
    async (request) => {
      const person = app.auth.requirePerson(request);
      const token = randomBytes(32).toString("base64url");
      const createdAt = new Date();
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable("calendar_feeds")
          .set({ revoked_at: createdAt })
          .where("person_id", "=", person.id)
          .where("revoked_at", "is", null)
          .execute();
        await trx
          .insertInto("calendar_feeds")
          .values({ person_id: person.id, token_sha256: sha256(token), created_at: createdAt })
          .execute();
      });
      await app.deps.audit.append({
        action: "calendar-feed.created",
        personId: person.id,
        studentId: null,
        subject: "calendar-feed",
        details: {},
        requestId: request.id,
      });
      return { url: `/api/compliance/calendar/${token}.ics`, createdAt: createdAt.toISOString() };
    },
  );

  app.delete(
    "/api/compliance/calendar-feed",
    { schema: { tags: ["compliance"], summary: "Revoke your calendar-feed address" } },
    async (request, reply) => {
      const person = app.auth.requirePerson(request);
      await db
        .updateTable("calendar_feeds")
        .set({ revoked_at: new Date() })
        .where("person_id", "=", person.id)
        .where("revoked_at", "is", null)
        .execute();
      await app.deps.audit.append({
        action: "calendar-feed.revoked",
        personId: person.id,
        studentId: null,
        subject: "calendar-feed",
        details: {},
        requestId: request.id,
      });
      return reply.code(204).send();
    },
  );

  app.get(
    "/api/compliance/calendar/:file",
    {
      schema: {
        tags: ["compliance"],
        summary: "Your upcoming deadlines as an ICS calendar (secret address; no sign-in)",
        params: ZCalendarFeedParams,
      },
    },
    async (request, reply) => {
      const token = request.params.file.replace(/\.ics$/, "");
      const feed = await db
        .selectFrom("calendar_feeds as f")
        .innerJoin("people as p", "p.id", "f.person_id")
        .select(["f.person_id"])
        .where("f.token_sha256", "=", sha256(token))
        .where("f.revoked_at", "is", null)
        .where("p.disabled_at", "is", null)
        .executeTakeFirst();
      if (!feed) throw new DomainError("not-found", "No such calendar");
      const roles = await db
        .selectFrom("role_assignments")
        .select(["role", "district_id", "school_id"])
        .where("person_id", "=", feed.person_id)
        .execute();
      const person: SignedInPerson = {
        id: feed.person_id,
        firstName: "",
        lastName: "",
        email: "",
        roles: roles.map((r) => ({
          role: r.role as SignedInPerson["roles"][number]["role"],
          districtId: r.district_id,
          schoolId: r.school_id,
        })),
      };
      const scope = await feedScope(person);
      const today = todayIso();
      const events: string[] = [];
      if (scope) {
        await refreshStalePlans(app.deps.db, scope, today);
        const where = scopeWhere(scope, "in-effect");
        const rows = await sql<{
          id: number;
          student_id: string;
          first_name: string;
          last_name: string;
          label: string;
          due_date: string;
          citation: string;
        }>`
          select d.id, d.student_id, s.first_name, s.last_name, d.label, d.due_date, d.citation
          from plan_deadlines d
          join plan_compliance c on c.plan_id = d.plan_id
          join students s on s.id = d.student_id
          where ${where} and d.met_on is null
            and d.due_date >= ${addDays(today, -30)}::date and d.due_date <= ${addDays(today, 366)}::date
          order by d.due_date, d.id limit 5000`.execute(db);
        await recordListing(
          app.deps.db,
          request,
          feed.person_id,
          [...new Set(rows.rows.map((r) => r.student_id))],
          "calendar feed",
        );
        const stamp = `${new Date().toISOString().replace(/[-:]/g, "").slice(0, 15)}Z`;
        for (const r of rows.rows) {
          const due = String(r.due_date).slice(0, 10);
          const initials = `${r.first_name.slice(0, 1)}. ${r.last_name.slice(0, 1)}.`;
          events.push(
            "BEGIN:VEVENT",
            `UID:deadline-${r.id}@lantern`,
            `DTSTAMP:${stamp}`,
            `DTSTART;VALUE=DATE:${due.replace(/-/g, "")}`,
            `DTEND;VALUE=DATE:${addDays(due, 1).replace(/-/g, "")}`,
            fold(`SUMMARY:${icsText(`${r.label} (${initials})`)}`),
            fold(`DESCRIPTION:${icsText(`Due by ${due}. ${r.citation}.`)}`),
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
          );
        }
      }
      const body = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Lantern//Compliance deadlines//EN",
        "CALSCALE:GREGORIAN",
        "X-WR-CALNAME:Lantern deadlines",
        ...events,
        "END:VCALENDAR",
        "",
      ].join("\r\n");
      return reply
        .type("text/calendar; charset=utf-8")
        .header("cache-control", "private, no-store")
        .header("referrer-policy", "no-referrer")
        .send(body);
    },
  );
};

export default routes;
