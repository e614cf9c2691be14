/**
 * Students as the people allowed to see them list and open them: each with their plans' badges
 * and, in lists, the soonest deadline of their plans (refreshed first when the queue says a plan
 * changed since its last check, like every compliance read).
 */
import {
  type ReadScope,
  type RoleAssignment,
  readScopesFor,
  type StudentDetail,
  type StudentList,
  type StudentListItem,
} from "@lantern/core";
import { refreshStalePlans } from "../compliance/refresh-plan-compliance.ts";
import { todayFor, type UseCaseDeps } from "../deps.ts";

export type ListStudentsInput = {
  person: { id: string; roles: RoleAssignment[] };
  limit: number;
  cursor?: string | undefined;
  q?: string | undefined;
  schoolId?: string | undefined;
};

/** The soonest unmet deadline of each student's plans, as of today in each student's district. */
async function nextDeadlines(deps: UseCaseDeps, students: ReadonlyArray<{ id: string; districtId: string }>) {
  const out = new Map<string, NonNullable<StudentListItem["nextDeadline"]>>();
  const byDistrict = new Map<string, string[]>();
  for (const s of students) byDistrict.set(s.districtId, [...(byDistrict.get(s.districtId) ?? []), s.id]);
  for (const [districtId, studentIds] of byDistrict) {
    const today = await todayFor(deps, districtId);
    await refreshStalePlans(deps, { scope: { districtId, studentIds }, today });
    const { dueSoonDays } = await deps.repos.compliance.settings(districtId);
    for (const [id, deadline] of await deps.repos.compliance.nextDeadlines(studentIds, today, dueSoonDays)) {
      out.set(id, deadline);
    }
  }
  return out;
}

/** One page of the students the person may see (caseload, school, district, or own children). */
export async function listStudents(deps: UseCaseDeps, input: ListStudentsInput): Promise<StudentList> {
  const scopes: ReadScope[] = readScopesFor({ personId: input.person.id, roles: input.person.roles });
  const page = await deps.repos.students.listAccessible({
    personId: input.person.id,
    scopes,
    limit: input.limit,
    cursor: input.cursor,
    q: input.q,
    schoolId: input.schoolId,
  });
  const ids = page.items.map((s) => s.id);
  const [badges, deadlines] = await Promise.all([deps.repos.plans.badges(ids), nextDeadlines(deps, page.items)]);
  return {
    items: page.items.map((s) => ({
      id: s.id,
      firstName: s.firstName,
      lastName: s.lastName,
      grade: s.grade,
      schoolName: s.schoolName,
      plans: badges.get(s.id) ?? [],
      nextDeadline: deadlines.get(s.id) ?? null,
    })),
    nextCursor: page.nextCursor,
  };
}

/** One student's record summary, with their plans' badges; null when there is no such student. */
export async function readStudent(deps: UseCaseDeps, input: { studentId: string }): Promise<StudentDetail | null> {
  const [detail, badges] = await Promise.all([
    deps.repos.students.findDetail(input.studentId),
    deps.repos.plans.badges([input.studentId]),
  ]);
  return detail ? { ...detail, plans: badges.get(input.studentId) ?? [] } : null;
}
