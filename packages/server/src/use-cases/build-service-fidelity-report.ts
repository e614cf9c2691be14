/**
 * Service fidelity: for every student with an IEP in a school or district, required vs delivered
 * minutes and compensatory minutes owed, rolled up by provider, school or district. A service is
 * attributed to the provider who logged most of its minutes.
 */
import {
  aggregateFidelity,
  type FidelityGroup,
  type FidelityGrouping,
  type FidelityRow,
  type IsoDate,
  summarizeServices,
} from "@lantern/core";
import type { StoredSession } from "../repositories/enforcement-repository.ts";
import type { EnforcementDeps } from "./summarize-service-minutes.ts";

export type FidelityStudent = { studentId: string; districtId: string; schoolId: string; schoolName: string };

export type FidelityReport = {
  by: FidelityGrouping;
  from: IsoDate;
  through: IsoDate;
  groups: FidelityGroup[];
  rows: FidelityRow[];
};

export async function buildServiceFidelityReport(
  deps: EnforcementDeps,
  students: FidelityStudent[],
  options: { by: FidelityGrouping; from: IsoDate; through: IsoDate; districtId: string; schoolId?: string | null },
): Promise<FidelityReport> {
  const ids = students.map((s) => s.studentId);
  const [plans, sessions, policy, calendar] = await Promise.all([
    deps.plans.forStudents(ids),
    deps.enforcement.listSessionsInScope(
      { districtId: options.districtId, schoolId: options.schoolId ?? null },
      { from: options.from, to: options.through },
    ),
    deps.enforcement.getPolicy(options.districtId),
    deps.calendarFor(options.districtId),
  ]);
  const byStudent = new Map<string, StoredSession[]>();
  for (const s of sessions) {
    const list = byStudent.get(s.studentId);
    if (list) list.push(s);
    else byStudent.set(s.studentId, [s]);
  }
  const rows: FidelityRow[] = [];
  for (const st of students) {
    const plan = plans.get(st.studentId);
    if (!plan || plan.planVersions.length === 0) continue;
    const own = byStudent.get(st.studentId) ?? [];
    const summary = summarizeServices({
      planVersions: plan.planVersions,
      sessions: own,
      calendar,
      policy,
      through: options.through,
      from: options.from,
      segments: false,
    });
    for (const s of summary.services) {
      if (s.required.minutes === 0 && s.delivered.minutes === 0 && s.missed.total === 0) continue;
      const minutesBy = new Map<string, { name: string; minutes: number }>();
      for (const x of own) {
        if (x.serviceId !== s.serviceId) continue;
        const m = minutesBy.get(x.providerId) ?? { name: x.providerName, minutes: 0 };
        m.minutes += x.minutes;
        minutesBy.set(x.providerId, m);
      }
      const top = [...minutesBy.entries()].sort((a, b) => b[1].minutes - a[1].minutes)[0];
      rows.push({
        studentId: st.studentId,
        districtId: st.districtId,
        schoolId: st.schoolId,
        schoolName: st.schoolName,
        providerId: top ? top[0] : null,
        providerName: top ? top[1].name : null,
        summary: s,
      });
    }
  }
  return {
    by: options.by,
    from: options.from,
    through: options.through,
    groups: aggregateFidelity(rows, options.by),
    rows,
  };
}
