/**
 * Providers log sessions against the services of the plan: one at a time, or a week for a
 * caseload from the logging grid. A session must name a service the student's plan states.
 */
import { DomainError, type ErrorIssue, type ServiceSessionEntry } from "@lantern/core";
import type { StudentPlace } from "../repositories/enforcement-repository.ts";
import type { EnforcementDeps } from "./summarize-service-minutes.ts";

async function knownServices(deps: EnforcementDeps, studentIds: string[]): Promise<Map<string, Set<string>>> {
  const plans = await deps.plans.forStudents(studentIds);
  const out = new Map<string, Set<string>>();
  for (const [studentId, plan] of plans) {
    out.set(studentId, new Set(plan.planVersions.flatMap((v) => v.services.map((s) => s.id))));
  }
  return out;
}

function check(entries: ServiceSessionEntry[], known: Map<string, Set<string>>, base: string): void {
  const issues: ErrorIssue[] = [];
  entries.forEach((e, i) => {
    if (!known.get(e.studentId)?.has(e.serviceId)) {
      issues.push({ path: `${base}/${i}/serviceId`, message: "Not a service of this student's plan" });
    }
  });
  if (issues.length > 0) {
    throw new DomainError("invalid-input", "Sessions must name a service of the student's plan", { issues });
  }
}

export async function logServiceSession(
  deps: EnforcementDeps,
  place: StudentPlace,
  entry: ServiceSessionEntry,
  providerId: string,
) {
  check([entry], await knownServices(deps, [place.studentId]), "");
  return deps.enforcement.insertSession(place, entry, providerId);
}

export async function logServiceWeek(
  deps: EnforcementDeps,
  places: Map<string, StudentPlace>,
  entries: ServiceSessionEntry[],
  providerId: string,
): Promise<number> {
  check(entries, await knownServices(deps, [...places.keys()]), "/entries");
  return deps.enforcement.upsertWeek(
    entries.map((entry) => ({ place: places.get(entry.studentId) as StudentPlace, entry })),
    providerId,
  );
}
