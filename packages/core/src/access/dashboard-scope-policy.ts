/**
 * Which compliance dashboard a staff member may open: a district administrator the district (or
 * one school of it), a school administrator or Section 504 coordinator their school, other staff
 * their own caseload. A dashboard lists students, so it shows them only to the school officials
 * whose work concerns them (the officials FERPA 99.32 names, with a legitimate interest); families
 * read their own child's deadlines on the child's page, not here.
 */
import type { Actor } from "./roles.ts";

export const DASHBOARD_SCOPES = ["district", "school", "caseload"] as const;
export type DashboardScopeKind = (typeof DASHBOARD_SCOPES)[number];

export type DashboardScopeDecision =
  | { allowed: true; kind: "district"; districtId: string; schoolId: null }
  | {
      allowed: true;
      kind: "school";
      districtId: string;
      schoolId: string;
      /** The school was chosen by a district administrator: the caller checks it is in the district. */
      checkSchoolInDistrict: boolean;
    }
  | { allowed: true; kind: "caseload"; districtId: string; schoolId: null }
  | { allowed: false; reason: "forbidden" | "school-required"; message: string };

const FAMILY_ROLES = new Set(["guardian", "advocate"]);
const SCHOOL_REPORT_ROLES = new Set(["school-admin", "section-504-coordinator"]);

/**
 * Decide the dashboard scope for `actor`. Without `scope`, the widest one the actor has: district,
 * then school (school administrators), then caseload.
 */
export function decideDashboardScope(
  actor: Actor,
  wanted: { scope?: DashboardScopeKind | undefined; schoolId?: string | undefined } = {},
): DashboardScopeDecision {
  const staff = actor.roles.filter((r) => !FAMILY_ROLES.has(r.role));
  const district = staff.find((r) => r.role === "district-admin");
  const kind =
    wanted.scope ?? (district ? "district" : staff.some((r) => r.role === "school-admin") ? "school" : "caseload");
  if (kind === "district") {
    if (!district)
      return {
        allowed: false,
        reason: "forbidden",
        message: "Only district administrators can see the district dashboard",
      };
    return { allowed: true, kind, districtId: district.districtId, schoolId: null };
  }
  if (kind === "school") {
    if (district) {
      if (!wanted.schoolId) return { allowed: false, reason: "school-required", message: "Choose a school" };
      return {
        allowed: true,
        kind,
        districtId: district.districtId,
        schoolId: wanted.schoolId,
        checkSchoolInDistrict: true,
      };
    }
    const school = staff.find(
      (r) => SCHOOL_REPORT_ROLES.has(r.role) && r.schoolId && (!wanted.schoolId || r.schoolId === wanted.schoolId),
    );
    if (!school?.schoolId)
      return {
        allowed: false,
        reason: "forbidden",
        message: "Only school administrators can see the school dashboard",
      };
    return {
      allowed: true,
      kind,
      districtId: school.districtId,
      schoolId: school.schoolId,
      checkSchoolInDistrict: false,
    };
  }
  const first = staff[0];
  if (!first) return { allowed: false, reason: "forbidden", message: "Dashboards are for school staff" };
  return { allowed: true, kind, districtId: first.districtId, schoolId: null };
}
