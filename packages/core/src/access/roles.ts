/**
 * Who people are in Lantern and what they may do with a student's record.
 * Role names follow the people the law and schools name: IEP team members (34 CFR 300.321),
 * Section 504 coordinators (34 CFR 104.7), parents (34 CFR 300.30) and those they authorize.
 */
import { z } from "zod";

export const ROLES = [
  "district-admin",
  "school-admin",
  "case-manager",
  "section-504-coordinator",
  "teacher",
  "related-service-provider",
  "guardian",
  "advocate",
] as const;
export const ZRole = z.enum(ROLES);
export type Role = z.infer<typeof ZRole>;

/** A role held by a person, scoped to a district, a school, or a caseload of named students. */
export const ZRoleAssignment = z.object({
  role: ZRole,
  districtId: z.string(),
  schoolId: z.string().nullable(),
});
export type RoleAssignment = z.infer<typeof ZRoleAssignment>;

/** The signed-in person, as the access policy sees them. */
export type Actor = {
  personId: string;
  roles: RoleAssignment[];
};

/** Precedence used to pick the home page of someone with several roles. */
export function homeRoleOf(roles: ReadonlyArray<{ role: Role }>): Role | null {
  for (const role of ROLES) if (roles.some((r) => r.role === role)) return role;
  return null;
}
