/**
 * Who may manage people's accounts: a district administrator everyone with a staff role in their
 * district; a school administrator the staff whose roles are all at their school, and only with
 * roles at that school. Family roles (guardians, advocates) come from the roster and a parent's
 * own links, never from an administrator's choice (34 CFR 300.30; FERPA 99.31).
 */
import type { Actor, Role, RoleAssignment } from "../access/roles.ts";

/** Roles an administrator may give: staff roles. */
export const STAFF_ROLES = [
  "district-admin",
  "school-admin",
  "case-manager",
  "section-504-coordinator",
  "teacher",
  "related-service-provider",
] as const satisfies readonly Role[];
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Roles that are given at one school (a school id is required). */
export const SCHOOL_ROLES: ReadonlySet<Role> = new Set(["school-admin", "teacher"]);
/** Roles with a caseload of students (caseload transfer applies to them). */
export const CASELOAD_ROLES: ReadonlySet<Role> = new Set([
  "case-manager",
  "section-504-coordinator",
  "related-service-provider",
  "teacher",
]);

export type PeopleScope = { districtId: string; schoolId: string | null; basis: Role };

/** The people `actor` may manage, or null: a district administrator's district, a school administrator's school. */
export function peopleAdminScope(actor: Actor): PeopleScope | null {
  const district = actor.roles.find((r) => r.role === "district-admin");
  if (district) return { districtId: district.districtId, schoolId: null, basis: "district-admin" };
  const school = actor.roles.find((r) => r.role === "school-admin" && r.schoolId !== null);
  if (school) return { districtId: school.districtId, schoolId: school.schoolId, basis: "school-admin" };
  return null;
}

/** May someone with `scope` manage a person holding `roles`? Only when every role is theirs to manage. */
export function canManagePerson(scope: PeopleScope, roles: readonly RoleAssignment[]): boolean {
  const inDistrict = roles.filter((r) => r.districtId === scope.districtId);
  if (inDistrict.length === 0) return false;
  return roles.every((r) => canGiveRole(scope, r));
}

/** May someone with `scope` give (or take away) this role? */
export function canGiveRole(
  scope: PeopleScope,
  role: Pick<RoleAssignment, "role" | "districtId" | "schoolId">,
): boolean {
  if (role.districtId !== scope.districtId) return false;
  if (!(STAFF_ROLES as readonly Role[]).includes(role.role)) return false;
  if (scope.schoolId === null) return true;
  return role.role !== "district-admin" && role.schoolId === scope.schoolId;
}
