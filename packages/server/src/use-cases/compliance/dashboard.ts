/**
 * Compliance dashboards of a caseload, school or district: plans, findings by code and deadlines
 * by state on a day, the daily trend, and lists of deadlines. Plans changed since their last check
 * are re-checked first (a bounded number; the rest are reported as pending).
 */
import {
  addDays,
  assertDateWindow,
  type ComplianceDashboard,
  type ComplianceQuery,
  compareSeverity,
  DEADLINE_FINDING_CODES,
  DEADLINE_KINDS,
  type DeadlineKind,
  type DeadlineList,
  type DeadlineListQuery,
  DomainError,
  daysBetween,
  deadlineFindingSeverity,
  decideDashboardScope,
  type FindingCode,
  type RoleAssignment,
  type Severity,
} from "@lantern/core";
import type { DashboardScope } from "../../repositories/compliance-dashboard-repository.ts";
import { todayFor, type UseCaseDeps } from "../deps.ts";
import { refreshStalePlans } from "./refresh-plan-compliance.ts";

export type Viewer = { id: string; roles: RoleAssignment[] };

/** The plans a person's dashboard counts (core's `decideDashboardScope`), or a 403/400/404. */
export async function dashboardScope(
  deps: UseCaseDeps,
  person: Viewer,
  q: { scope?: DashboardScope["kind"] | undefined; schoolId?: string | undefined },
): Promise<DashboardScope> {
  const decision = decideDashboardScope({ personId: person.id, roles: person.roles }, q);
  if (!decision.allowed) {
    if (decision.reason === "school-required")
      throw new DomainError("invalid-input", decision.message, {
        issues: [{ path: "/schoolId", message: "Required" }],
      });
    throw new DomainError("forbidden", decision.message);
  }
  const { districtId } = decision;
  if (decision.kind === "school") {
    if (decision.checkSchoolInDistrict && !(await deps.repos.districts.hasSchool(districtId, decision.schoolId))) {
      throw new DomainError("not-found", "No such school in your district");
    }
    return { kind: "school", districtId, schoolId: decision.schoolId, studentIds: null };
  }
  if (decision.kind === "district") return { kind: "district", districtId, schoolId: null, studentIds: null };
  return {
    kind: "caseload",
    districtId,
    schoolId: null,
    studentIds: await deps.repos.dashboard.caseloadStudentIds(person.id),
  };
}

/** Refresh what is stale in scope and settle the day and the settings the counts use. */
async function prepare(deps: UseCaseDeps, person: Viewer, q: ComplianceQuery) {
  const scope = await dashboardScope(deps, person, q);
  const realToday = await todayFor(deps, scope.districtId);
  assertDateWindow(realToday, { ahead: { today: q.today } });
  const today = q.today ?? realToday;
  // A bounded number of changed plans is re-checked now; the rest are reported as pending.
  const { pending } = await refreshStalePlans(deps, { scope, today });
  const settings = await deps.repos.compliance.settings(scope.districtId);
  return { scope, today, realToday, settings, pendingPlans: pending };
}

type Prepared = Awaited<ReturnType<typeof prepare>>;
type DashboardView = Omit<ComplianceDashboard, "trend"> & { trend: ComplianceDashboard["trend"] };

/** Answers per (scope, filters, day), valid while the district's revision is unchanged; per database. */
const caches = new WeakMap<object, Map<string, { revision: number; value: DashboardView }>>();

export async function buildDashboard(
  deps: UseCaseDeps,
  input: { person: Viewer; query: ComplianceQuery },
): Promise<ComplianceDashboard> {
  const prepared = await prepare(deps, input.person, input.query);
  const { scope, today, settings, pendingPlans } = prepared;
  const q = input.query;
  let cache = caches.get(deps.repos.dashboard);
  if (!cache) {
    cache = new Map();
    caches.set(deps.repos.dashboard, cache);
  }
  const revision = await deps.repos.compliance.revision(scope.districtId);
  const key = JSON.stringify([
    scope.kind,
    scope.districtId,
    scope.schoolId,
    scope.studentIds ? scope.studentIds.join(",") : null,
    q.planType ?? null,
    q.status,
    today,
    settings.dueSoonDays,
    pendingPlans,
  ]);
  const hit = cache.get(key);
  if (hit && hit.revision === revision) return hit.value;
  const value = await computeDashboard(deps, prepared, q);
  if (cache.size > 1000) cache.clear();
  cache.set(key, { revision, value });
  return value;
}

async function computeDashboard(deps: UseCaseDeps, prepared: Prepared, q: ComplianceQuery): Promise<DashboardView> {
  const { scope, today, settings, pendingPlans } = prepared;
  const counts = await deps.repos.dashboard.counts(scope, q, today, settings.dueSoonDays);
  const p = counts.plans;
  const withErrors = p.errors + counts.overduePlansWithoutErrors;
  const sum = (state: string) => counts.deadlines.filter((d) => d.state === state).reduce((n, d) => n + d.n, 0);
  const trend = await recordAndReadTrend(deps, prepared, q, {
    plans: p.total,
    plansWithErrors: withErrors,
    overdue: sum("overdue"),
    dueSoon: sum("due-soon"),
  });
  const findings = new Map<string, { code: FindingCode; severity: Severity; findings: number; plans: number }>();
  const add = (code: string, severity: Severity, n: number, plans: number) => {
    const key = `${code}|${severity}`;
    const c = findings.get(key) ?? { code: code as FindingCode, severity, findings: 0, plans: 0 };
    c.findings += n;
    c.plans += plans;
    findings.set(key, c);
  };
  for (const f of counts.findings) add(f.code, f.severity as Severity, f.findings, f.plans);
  const byKind = new Map<
    DeadlineKind,
    { kind: DeadlineKind; overdue: number; dueSoon: number; due: number; met: number }
  >();
  const totals = { overdue: 0, dueSoon: 0, due: 0, met: 0 };
  for (const d of counts.deadlines) {
    const k = byKind.get(d.kind) ?? { kind: d.kind, overdue: 0, dueSoon: 0, due: 0, met: 0 };
    const field = d.state === "due-soon" ? "dueSoon" : d.state;
    k[field] += d.n;
    totals[field] += d.n;
    byKind.set(d.kind, k);
    // One finding per deadline (and a plan has one deadline of each kind).
    const severity = deadlineFindingSeverity(d.kind, d.state);
    if (severity) add(DEADLINE_FINDING_CODES[d.kind], severity, d.n, d.plans);
  }
  return {
    scope: scope.kind,
    districtId: scope.districtId,
    schoolId: scope.schoolId,
    today,
    dueSoonDays: settings.dueSoonDays,
    pendingPlans,
    plans: { total: p.total, iep: p.iep, section504: p.s504, withErrors },
    findings: [...findings.values()].sort((a, b) => compareSeverity(a.severity, b.severity) || b.plans - a.plans),
    deadlines: { ...totals, byKind: DEADLINE_KINDS.flatMap((k) => byKind.get(k) ?? []) },
    trend,
  };
}

/**
 * Trends: the headline counts of a district or school are kept per day (the latest computed for
 * the real date with no filters, so each day ends with its final counts); the last 60 days are
 * returned. A caseload has none.
 */
async function recordAndReadTrend(
  deps: UseCaseDeps,
  prepared: Prepared,
  q: ComplianceQuery,
  point: { plans: number; plansWithErrors: number; overdue: number; dueSoon: number },
) {
  const { scope, today, realToday } = prepared;
  if (scope.kind === "caseload") return [];
  const place = { districtId: scope.districtId, schoolId: scope.schoolId };
  if (q.planType === undefined && q.status === "in-effect" && today === realToday) {
    await deps.repos.dashboard.recordTrendPoint(place, { day: today, ...point });
  }
  return deps.repos.dashboard.trend(place, addDays(today, -60), today);
}

/** Deadlines in a caseload, school or district on a day, soonest first (keyset pages). */
export async function listDeadlines(
  deps: UseCaseDeps,
  input: { person: Viewer; query: DeadlineListQuery; max: number },
): Promise<DeadlineList> {
  const { scope, today, settings } = await prepare(deps, input.person, input.query);
  const { rows, nextCursor } = await deps.repos.dashboard.deadlines(
    scope,
    input.query,
    today,
    settings.dueSoonDays,
    input.max,
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      planId: r.planId,
      planType: r.planType,
      studentId: r.studentId,
      studentName: `${r.firstName} ${r.lastName}`,
      schoolId: r.schoolId,
      kind: r.kind,
      code: r.code,
      label: r.label,
      citation: r.citation,
      dueDate: r.dueDate,
      state: r.state,
      daysLeft: daysBetween(today, r.dueDate),
    })),
    nextCursor,
  };
}
