/**
 * A student's service minutes: per service of the IEP, required / delivered / missed by reason /
 * made up / compensatory owed, from the plan versions that took effect, the logged sessions, the
 * district calendar and the district's compensatory policy (34 CFR 300.320(a)(7)).
 */
import {
  type IsoDate,
  type PlanServiceTerms,
  type SchoolCalendar,
  type ServiceLogSummary,
  summarizeServices,
} from "@lantern/core";
import type { EnforcementPlanSource } from "../repositories/enforcement-plan-source.ts";
import type { EnforcementRepository, StoredSession, StudentPlace } from "../repositories/enforcement-repository.ts";

export type EnforcementDeps = {
  enforcement: EnforcementRepository;
  plans: EnforcementPlanSource;
  /** The district's school calendar. */
  calendarFor(districtId: string): Promise<SchoolCalendar>;
};

export type StudentServiceMinutes = {
  summary: ServiceLogSummary;
  sessions: StoredSession[];
  plan: PlanServiceTerms;
};

export async function summarizeServiceMinutes(
  deps: EnforcementDeps,
  place: StudentPlace,
  options: { through: IsoDate; from?: IsoDate; segments?: boolean },
): Promise<StudentServiceMinutes> {
  const [plan, sessions, policy, calendar] = await Promise.all([
    deps.plans.forStudent(place.studentId),
    deps.enforcement.listSessions([place.studentId], { to: options.through }),
    deps.enforcement.getPolicy(place.districtId),
    deps.calendarFor(place.districtId),
  ]);
  const summary = summarizeServices({
    planVersions: plan.planVersions,
    sessions,
    calendar,
    policy,
    through: options.through,
    ...(options.from
      ? { from: options.from }
      : plan.current?.effectiveFrom
        ? { from: plan.current.effectiveFrom }
        : {}),
    segments: options.segments ?? true,
  });
  return { summary, sessions, plan };
}
