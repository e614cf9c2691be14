/**
 * One plan's findings (with the place to fix each) and its legal deadlines as of today in the
 * district, with plain-language sentences for families. Stale results are re-checked first.
 */
import {
  compareSeverity,
  type Deadline,
  type DeadlineSettings,
  DomainError,
  daysBetween,
  deadlineState,
  describePlanCheckForGuardian,
  findingsFromDeadlines,
  type IsoDate,
  type PlanComplianceView,
  progressRulesOf,
  stateRules,
} from "@lantern/core";
import { todayFor, type UseCaseDeps } from "../deps.ts";
import { refreshStalePlans } from "./refresh-plan-compliance.ts";

/** A stored deadline with its state on `today`. */
function withState(d: Deadline, today: IsoDate, settings: Pick<DeadlineSettings, "dueSoonDays">): Deadline {
  const state = deadlineState(d.dueDate, today, d.metOn, settings.dueSoonDays);
  return {
    ...d,
    state,
    daysLeft: daysBetween(today, d.dueDate),
    late: state === "overdue" || (d.metOn !== null && d.metOn > d.dueDate),
  };
}

export async function readPlanCompliance(
  deps: UseCaseDeps,
  input: { studentId: string; planId: string; districtId: string },
): Promise<PlanComplianceView> {
  await deps.repos.plans.findPlan(input.studentId, input.planId);
  const today = await todayFor(deps, input.districtId);
  await refreshStalePlans(deps, { scope: { districtId: input.districtId, studentIds: [input.studentId] }, today });
  const stored = await deps.repos.compliance.stored(input.planId);
  if (!stored) throw new DomainError("not-found", "This plan has no results yet");
  const settings = await deps.repos.compliance.settings(input.districtId);
  const deadlines = stored.deadlines.map((d) => withState(d, today, settings));
  const findings = [...stored.findings, ...findingsFromDeadlines(deadlines)];
  findings.sort((a, b) => compareSeverity(a.severity, b.severity));
  const stateAges = progressRulesOf(stateRules(await deps.repos.districts.state(input.districtId)));
  return {
    planId: input.planId,
    planType: stored.planType,
    today,
    findings,
    deadlines,
    plainLanguage: describePlanCheckForGuardian({ findings, deadlines }),
    stateAges,
  };
}
