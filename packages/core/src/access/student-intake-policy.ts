/**
 * Who may add a student to Lantern, and at which schools: the school officials who may change a
 * student's record (write-record in the student access policy), within the same scopes. A district
 * administrator adds at any school of the district; a school administrator at their school; a case
 * manager or Section 504 coordinator at their school (or any school of the district when their role
 * is district-wide), and the student joins their caseload, so they keep access to the record they
 * opened (FERPA 34 CFR 99.31(a)(1): school officials with a legitimate educational interest).
 */
import type { Actor, Role } from "./roles.ts";

export type StudentIntakeGrant = {
  role: Role;
  districtId: string;
  /** The one school the grant covers; null: every school of the district. */
  schoolId: string | null;
  /** The student joins the actor's caseload, with this caseload role. */
  caseloadRole: "case-manager" | "section-504-coordinator" | null;
};

/** Roles that may add students, in the order a grant is chosen (caseload roles first). */
const INTAKE_ROLES: readonly Role[] = ["case-manager", "section-504-coordinator", "school-admin", "district-admin"];

/** Every grant the actor holds to add students; empty when they may add none. */
export function studentIntakeGrants(actor: Actor): StudentIntakeGrant[] {
  const grants: StudentIntakeGrant[] = [];
  for (const role of INTAKE_ROLES) {
    for (const a of actor.roles) {
      if (a.role !== role) continue;
      if (role === "school-admin" && !a.schoolId) continue;
      grants.push({
        role,
        districtId: a.districtId,
        schoolId: role === "district-admin" ? null : a.schoolId,
        caseloadRole: role === "case-manager" || role === "section-504-coordinator" ? role : null,
      });
    }
  }
  return grants;
}

/** The grant under which the actor may add a student at this school, or null. */
export function studentIntakeGrantFor(
  actor: Actor,
  school: { districtId: string; schoolId: string },
): StudentIntakeGrant | null {
  return (
    studentIntakeGrants(actor).find(
      (g) => g.districtId === school.districtId && (g.schoolId === null || g.schoolId === school.schoolId),
    ) ?? null
  );
}
