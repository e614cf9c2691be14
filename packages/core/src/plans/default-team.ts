/**
 * The team a plan meeting invites by default (34 CFR 300.321(a)): the parents (a)(1), the child's
 * special education teacher or case manager (a)(3) — for a Section 504 plan its coordinator —,
 * related-service providers who work with the child (a)(6), and one of the child's general
 * education teachers (a)(2). The team changes it as the meeting needs.
 */
import type { PlanAttendee } from "./plan-common.ts";

export const DEFAULT_TEAM_CITATION = "34 CFR 300.321(a)";

export type TeamCandidates = {
  guardians: ReadonlyArray<{ personId: string; name: string; relationship: string }>;
  /** People on the child's caseload, with their caseload role. */
  caseload: ReadonlyArray<{
    personId: string;
    name: string;
    role: "case-manager" | "section-504-coordinator" | "related-service-provider" | string;
  }>;
  /** Teachers of the child's classes. */
  teachers: ReadonlyArray<{ personId: string; name: string }>;
};

const CASELOAD_TITLES: Record<string, string> = {
  "case-manager": "Case manager",
  "section-504-coordinator": "Section 504 coordinator",
  "related-service-provider": "Related service provider",
};

export function defaultTeam(candidates: TeamCandidates): PlanAttendee[] {
  const team: PlanAttendee[] = [];
  const invite = (a: Omit<PlanAttendee, "attendance" | "excusal">) =>
    team.push({ ...a, attendance: "invited", excusal: null });
  candidates.guardians.forEach((g, i) => {
    invite({ id: `parent-${i + 1}`, name: g.name, role: "parent", title: g.relationship, accountId: g.personId });
  });
  candidates.caseload.forEach((m, i) => {
    invite({
      id: `staff-${i + 1}`,
      name: m.name,
      role: m.role === "related-service-provider" ? "related-service-provider" : "special-education-teacher",
      title: CASELOAD_TITLES[m.role] ?? "Related service provider",
      accountId: m.personId,
    });
  });
  candidates.teachers.forEach((t, i) => {
    if (team.some((a) => a.accountId === t.personId)) return;
    invite({
      id: `teacher-${i + 1}`,
      name: t.name,
      role: "regular-education-teacher",
      title: "General education teacher",
      accountId: t.personId,
    });
  });
  return team;
}
