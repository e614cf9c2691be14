/**
 * Service fidelity: for every student with an IEP in a school or district, required vs delivered
 * minutes and compensatory minutes owed, rolled up by provider, school or district. A service is
 * attributed to the provider who logged most of its minutes.
 */
import {
  addDays,
  aggregateFidelity,
  assertDateWindow,
  type FidelityGroup,
  type FidelityGrouping,
  type FidelityRow,
  type IsoDate,
  summarizeServices,
} from "@lantern/core";
import type { StoredSession } from "../../repositories/enforcement-repository.ts";
import { todayFor, type UseCaseDeps } from "../deps.ts";

export type FidelityReport = {
  by: FidelityGrouping;
  from: IsoDate;
  through: IsoDate;
  groups: FidelityGroup[];
  rows: FidelityRow[];
};

/** The report for a district or one of its schools: through today unless asked, over a year unless asked. */
export async function buildServiceFidelityReport(
  deps: UseCaseDeps,
  input: {
    by: FidelityGrouping;
    from?: IsoDate | undefined;
    through?: IsoDate | undefined;
    districtId: string;
    schoolId: string | null;
  },
): Promise<FidelityReport> {
  const today = await todayFor(deps, input.districtId);
  const through = input.through ?? today;
  const from = input.from ?? addDays(through, -364);
  assertDateWindow(today, { ahead: { through }, range: { from: ["from", from], through: ["through", through] } });
  const scope = { districtId: input.districtId, schoolId: input.schoolId };
  const students = await deps.repos.enforcement.studentsInScope(scope);
  const ids = students.map((s) => s.studentId);
  const [plans, sessions, policy, calendar] = await Promise.all([
    deps.repos.enforcementPlans.forStudents(ids),
    deps.repos.enforcement.listSessionsInScope(scope, { from, to: through }),
    deps.repos.enforcement.getPolicy(input.districtId),
    deps.repos.compliance.calendarOrDefault(input.districtId),
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
      through,
      from,
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
  return { by: input.by, from, through, groups: aggregateFidelity(rows, input.by), rows };
}
