/** Services behind schedule for the students on a provider's caseload (34 CFR 300.320(a)(7)). */
import { assertDateWindow, type IsoDate, type ServiceAlerts } from "@lantern/core";
import { todayFor, type UseCaseDeps } from "../deps.ts";
import type { PermittedStudents } from "./service-sessions.ts";
import { summarizeServiceMinutes } from "./summarize-service-minutes.ts";

export async function listServiceAlerts(
  deps: UseCaseDeps,
  input: { personId: string; districtId: string; through?: IsoDate | undefined; permitted: PermittedStudents },
): Promise<ServiceAlerts> {
  const today = await todayFor(deps, input.districtId);
  assertDateWindow(today, { ahead: { through: input.through } });
  const through = input.through ?? today;
  const caseload = await deps.repos.students.caseload(input.personId);
  const places = new Map((await input.permitted(caseload.map((m) => m.id))).map((p) => [p.studentId, p]));
  const alerts: ServiceAlerts["alerts"] = [];
  for (const m of caseload) {
    const place = places.get(m.id);
    if (!place) continue;
    const { summary } = await summarizeServiceMinutes(deps, place, { through, segments: false });
    for (const s of summary.services) {
      if (!s.behindSchedule.isBehind) continue;
      alerts.push({
        studentId: m.id,
        studentName: m.name,
        serviceId: s.serviceId,
        area: s.area,
        requiredMinutes: s.required.minutes,
        providedMinutes: s.provided,
        ratio: s.behindSchedule.ratio,
        threshold: s.behindSchedule.threshold,
        compensatoryOwedMinutes: s.compensatoryOwed.minutes,
      });
    }
  }
  return { through, alerts };
}
