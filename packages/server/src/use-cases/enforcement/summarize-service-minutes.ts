/**
 * A student's service minutes: per service of the IEP, required / delivered / missed by reason /
 * made up / compensatory owed, from the plan versions that took effect, the logged sessions, the
 * district calendar and the district's compensatory policy (34 CFR 300.320(a)(7)).
 */
import {
  assertDateWindow,
  type IsoDate,
  type PlanServiceTerms,
  type ServiceLog,
  type ServiceLogSummary,
  type StudentServiceMinutes,
  summarizeServices,
} from "@lantern/core";
import { renderDeliverySummaryPdf } from "../../pdf/enforcement-pdf.ts";
import type { StoredSession, StudentPlace } from "../../repositories/enforcement-repository.ts";
import { todayFor, type UseCaseDeps } from "../deps.ts";

export type ServiceMinutesOf = {
  summary: ServiceLogSummary;
  sessions: StoredSession[];
  plan: PlanServiceTerms;
};

export async function summarizeServiceMinutes(
  deps: UseCaseDeps,
  place: StudentPlace,
  options: { through: IsoDate; from?: IsoDate | undefined; segments?: boolean },
): Promise<ServiceMinutesOf> {
  const [plan, sessions, policy, calendar] = await Promise.all([
    deps.repos.enforcementPlans.forStudent(place.studentId),
    deps.repos.enforcement.listSessions([place.studentId], { to: options.through }),
    deps.repos.enforcement.getPolicy(place.districtId),
    deps.repos.compliance.calendarOrDefault(place.districtId),
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

/** The minutes summary as the API shows it (through today in the district unless asked). */
export async function readServiceMinutes(
  deps: UseCaseDeps,
  input: { place: StudentPlace; through?: IsoDate | undefined; from?: IsoDate | undefined },
): Promise<StudentServiceMinutes> {
  const today = await todayFor(deps, input.place.districtId);
  assertDateWindow(today, { ahead: { through: input.through } });
  const through = input.through ?? today;
  const { summary: s } = await summarizeServiceMinutes(deps, input.place, { through, from: input.from });
  return {
    studentId: input.place.studentId,
    from: s.period.from,
    through: s.through,
    policy: s.policy,
    services: s.services,
    totals: s.totals,
    citations: s.citations,
  };
}

/** The service delivery summary as a PDF a family can bring to a meeting. */
export async function printDeliverySummary(
  deps: UseCaseDeps,
  input: {
    place: StudentPlace;
    through?: IsoDate | undefined;
    from?: IsoDate | undefined;
    lang?: "en" | "es" | undefined;
  },
): Promise<Buffer> {
  const { lang, ...period } = input;
  const view = await readServiceMinutes(deps, period);
  const name = (await deps.repos.students.name(input.place.studentId)) ?? (lang === "es" ? "Estudiante" : "Student");
  return renderDeliverySummaryPdf(name, view, lang);
}

/**
 * The student's service log (plan versions, calendar, policy, sessions) in the format
 * `lantern minutes` reads (docs/service-log-format.md).
 */
export async function exportServiceLog(
  deps: UseCaseDeps,
  input: { place: StudentPlace; through?: IsoDate | undefined },
): Promise<ServiceLog> {
  const today = await todayFor(deps, input.place.districtId);
  assertDateWindow(today, { ahead: { through: input.through } });
  const through = input.through ?? today;
  const [plan, sessions, policy, calendar] = await Promise.all([
    deps.repos.enforcementPlans.forStudent(input.place.studentId),
    deps.repos.enforcement.listSessions([input.place.studentId], { to: through }),
    deps.repos.enforcement.getPolicy(input.place.districtId),
    deps.repos.compliance.calendarOrDefault(input.place.districtId),
  ]);
  return {
    format: "lantern-service-log",
    version: 1,
    calendar: calendar.data,
    policy,
    planVersions:
      plan.planVersions.length > 0
        ? plan.planVersions
        : [{ label: "No plan in effect", effectiveFrom: through, services: [] }],
    reportingPeriods: [],
    asOf: through,
    sessions: sessions.map(({ studentId: _s, providerId: _p, providerName: _n, slot: _slot, ...session }) => session),
  };
}
