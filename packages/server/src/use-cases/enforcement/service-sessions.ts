/**
 * Providers log sessions against the services of the plan: one at a time, or a week for a
 * caseload from the logging grid. A session must name a service the student's plan states. Each
 * write and its audit events share one transaction.
 */
import {
  addDays,
  type CaseloadWeek,
  DomainError,
  dayOfWeek,
  type ErrorIssue,
  type IsoDate,
  type ServiceSessionEntry,
  type StoredSessionView,
} from "@lantern/core";
import type { StudentPlace } from "../../repositories/enforcement-repository.ts";
import { type Actor, auditAs, inTransaction, type UseCaseDeps } from "../deps.ts";

/** Decides which of these students the person may take the action on (the access path). */
export type PermittedStudents = (studentIds: readonly string[]) => Promise<StudentPlace[]>;

async function knownServices(deps: UseCaseDeps, studentIds: string[]): Promise<Map<string, Set<string>>> {
  const plans = await deps.repos.enforcementPlans.forStudents(studentIds);
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

export async function listServiceSessions(
  deps: UseCaseDeps,
  input: { studentId: string; from?: IsoDate | undefined; to?: IsoDate | undefined },
): Promise<{ items: StoredSessionView[] }> {
  const items = await deps.repos.enforcement.listSessions([input.studentId], {
    ...(input.from ? { from: input.from } : {}),
    ...(input.to ? { to: input.to } : {}),
  });
  return { items };
}

export async function logServiceSession(
  deps: UseCaseDeps,
  input: { place: StudentPlace; entry: ServiceSessionEntry; actor: Actor },
): Promise<StoredSessionView> {
  check([input.entry], await knownServices(deps, [input.place.studentId]), "");
  return inTransaction(deps, async (tx) => {
    const saved = await tx.repos.enforcement.insertSession(input.place, input.entry, input.actor.personId);
    await auditAs(
      tx.audit,
      input.actor,
    )({
      action: "service.session-logged",
      studentId: input.place.studentId,
      subject: `service-session:${saved.id}`,
      details: { serviceId: saved.serviceId, status: saved.status, minutes: saved.minutes },
    });
    return saved;
  });
}

export async function logServiceWeek(
  deps: UseCaseDeps,
  input: { places: Map<string, StudentPlace>; weekOf: IsoDate; entries: ServiceSessionEntry[]; actor: Actor },
): Promise<{ saved: number }> {
  check(input.entries, await knownServices(deps, [...input.places.keys()]), "/entries");
  return inTransaction(deps, async (tx) => {
    const saved = await tx.repos.enforcement.upsertWeek(
      input.entries.map((entry) => ({ place: input.places.get(entry.studentId) as StudentPlace, entry })),
      input.actor.personId,
    );
    const audit = auditAs(tx.audit, input.actor);
    for (const studentId of input.places.keys()) {
      await audit({
        action: "service.session-logged",
        studentId,
        subject: `service-week:${input.weekOf}`,
        details: { cells: input.entries.filter((e) => e.studentId === studentId).length },
      });
    }
    return { saved };
  });
}

/**
 * The provider's caseload for a week: each student they log services for, with the services in
 * effect during the week and the sessions logged.
 */
export async function readCaseloadWeek(
  deps: UseCaseDeps,
  input: { personId: string; districtId: string; weekOf: IsoDate; permitted: PermittedStudents },
): Promise<CaseloadWeek> {
  const { weekOf } = input;
  if (dayOfWeek(weekOf) !== 1) {
    throw new DomainError("invalid-input", "weekOf must be a Monday", {
      issues: [{ path: "/weekOf", message: "must be a Monday" }],
    });
  }
  const sunday = addDays(weekOf, 6);
  const caseload = await deps.repos.students.caseload(input.personId);
  // Students this person logs services for (a teacher's caseload, say, is left out).
  const allowed = new Set((await input.permitted(caseload.map((m) => m.id))).map((p) => p.studentId));
  const students = caseload.filter((m) => allowed.has(m.id));
  const ids = students.map((a) => a.id);
  const [plans, sessions, calendar, logged, discipline] = await Promise.all([
    deps.repos.enforcementPlans.forStudents(ids),
    deps.repos.enforcement.listSessions(ids, { from: weekOf, to: sunday }),
    deps.repos.compliance.calendarOrDefault(input.districtId),
    deps.repos.enforcement.servicesLoggedBy(input.personId, ids),
    deps.repos.accounts.discipline(input.personId),
  ]);
  // The provider's own discipline's services come first (a speech-language pathologist is not
  // offered specialized academic instruction first). Their discipline is the one on their account;
  // when none is recorded, it is inferred from the provider roles of the services they have
  // logged; nothing logged yet either: every service is theirs.
  const roleKey = (role: string) => role.trim().toLowerCase();
  const roles = new Set<string>();
  if (discipline === null) {
    for (const l of logged) {
      const versions = plans.get(l.studentId)?.planVersions ?? [];
      for (const v of versions) {
        for (const svc of v.services) if (svc.id === l.serviceId) roles.add(roleKey(svc.providerRole));
      }
    }
  }
  const yours = (service: { area: string; providerRole: string }) =>
    discipline !== null ? service.area === discipline : roles.size === 0 || roles.has(roleKey(service.providerRole));
  const days = Array.from({ length: 7 }, (_, i) => addDays(weekOf, i));
  return {
    weekOf,
    discipline,
    days,
    schoolDays: days.filter((d) => calendar.isSchoolDay(d)),
    students: students.map((a) => {
      const versions = plans.get(a.id)?.planVersions ?? [];
      // The services in effect during the week: the latest version effective by Sunday.
      const inForce = [...versions].reverse().find((v) => v.effectiveFrom <= sunday);
      const services = (inForce?.services ?? []).filter(
        (s) => s.startDate <= sunday && (s.endDate === null || s.endDate >= weekOf),
      );
      return {
        studentId: a.id,
        name: a.name,
        services: services.map((s) => ({
          serviceId: s.id,
          area: s.area,
          minutesPerSession: s.minutesPerSession,
          frequency: s.frequency,
          delivery: s.delivery,
          providerRole: s.providerRole,
          yours: yours(s),
        })),
        sessions: sessions.filter((s) => s.studentId === a.id),
      };
    }),
  };
}
