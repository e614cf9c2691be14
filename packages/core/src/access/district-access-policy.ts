/**
 * Who may see or change a district's own settings and read its aggregate reports (not a student's
 * record: those go through `decideStudentAccess`). District administrators set the district's
 * policies; school administrators read reports for their school; other staff may read settings.
 */
import type { Actor, RoleAssignment } from "./roles.ts";

const FAMILY_ROLES = new Set(["guardian", "advocate"]);

/**
 * The role under which `actor` may change (`change`) or read the district's settings, or null.
 * Changing covers district-wide data the administrator maintains, such as loading the student
 * roster. With `districtId`, only a role in that district counts.
 */
export function districtSettingsRole(
  actor: Actor,
  intent: "read" | "change",
  districtId?: string,
): RoleAssignment | null {
  const inDistrict = (r: RoleAssignment) => districtId === undefined || r.districtId === districtId;
  if (intent === "change") return actor.roles.find((r) => r.role === "district-admin" && inDistrict(r)) ?? null;
  return actor.roles.find((r) => !FAMILY_ROLES.has(r.role) && inDistrict(r)) ?? null;
}

/**
 * The scope of district or school reports `actor` may read: a district administrator the whole
 * district (or one school of it), a school administrator their own school; null for anyone else.
 */
export function reportScopeFor(
  actor: Actor,
  schoolId?: string,
): { districtId: string; schoolId: string | null } | null {
  const district = actor.roles.find((r) => r.role === "district-admin");
  if (district) return { districtId: district.districtId, schoolId: schoolId ?? null };
  const school = actor.roles.find((r) => r.role === "school-admin" && (!schoolId || r.schoolId === schoolId));
  if (school?.schoolId) return { districtId: school.districtId, schoolId: school.schoolId };
  return null;
}
