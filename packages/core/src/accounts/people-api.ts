/**
 * The people API: administrators list, invite, deactivate and reactivate staff, change their
 * roles and move a caseload; anyone sets a password from an emailed link or asks for one.
 * Passwords follow core's password rules (NIST SP 800-63B; password-policy.ts).
 */
import { z } from "zod";
import { ZRole } from "../access/roles.ts";
import { ZProviderDiscipline } from "../services/service-prescription.ts";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "./password-policy.ts";
import { STAFF_ROLES } from "./people-policy.ts";

const name = (what: string) =>
  z.string().trim().min(1, `Enter the ${what}`).max(100, `Use at most 100 characters for the ${what}`);

export const ZEmailAddress = z
  .email({ error: "Enter an email address like name@example.org" })
  .max(254)
  .transform((e) => e.toLowerCase());

export const ZStaffRole = z.enum(STAFF_ROLES, { error: "Choose a role" });

export const ZRoleChoice = z.object({
  role: ZStaffRole,
  /** The school, for a role at one school (school administrator, teacher); null for district-wide. */
  schoolId: z.uuid({ error: "Choose a school" }).nullable(),
});
export type RoleChoice = z.infer<typeof ZRoleChoice>;

export const ZInvitePersonRequest = z.object({
  firstName: name("first name"),
  lastName: name("last name"),
  email: ZEmailAddress,
  role: ZStaffRole,
  schoolId: z.uuid({ error: "Choose a school" }).nullable(),
});
export type InvitePersonRequest = z.infer<typeof ZInvitePersonRequest>;

export const ZChangeRolesRequest = z.object({
  roles: z.array(ZRoleChoice).min(1, "Give at least one role (or deactivate the account)").max(10),
});
export type ChangeRolesRequest = z.infer<typeof ZChangeRolesRequest>;

/**
 * Set a related-service provider's discipline (null clears it). The week's service log lists the
 * services of this area first; without it, the areas the provider has logged.
 */
export const ZSetDisciplineRequest = z.object({
  discipline: ZProviderDiscipline.nullable().meta({ example: "speech-language-pathology" }),
});
export type SetDisciplineRequest = z.infer<typeof ZSetDisciplineRequest>;

export const ZTransferCaseloadRequest = z.object({
  /** Who takes over every student on the caseload. */
  toPersonId: z.uuid({ error: "Choose who takes over the caseload" }),
});
export type TransferCaseloadRequest = z.infer<typeof ZTransferCaseloadRequest>;

export const ZTransferCaseloadResponse = z.object({ moved: z.number().int() });

export const PERSON_STATUSES = ["active", "invited", "deactivated"] as const;
export const ZPersonStatus = z.enum(PERSON_STATUSES);
export type PersonStatus = z.infer<typeof ZPersonStatus>;

export const ZPersonSummary = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  /** Invited: no password set yet. Deactivated: cannot sign in. */
  status: ZPersonStatus,
  roles: z.array(z.object({ role: ZRole, schoolId: z.string().nullable() })),
  caseloadSize: z.number().int(),
  /** When the open invitation's link expires (null: none open). */
  invitationExpiresAt: z.string().nullable(),
  /** Whether the signed-in administrator may change this account. */
  manageable: z.boolean(),
  /**
   * A related-service provider's discipline: the service area they give, as the plan's services
   * name it (core's service codes), or null when not recorded.
   */
  discipline: ZProviderDiscipline.nullable(),
});
export type PersonSummary = z.infer<typeof ZPersonSummary>;

export const ZPeopleResponse = z.object({
  people: z.array(ZPersonSummary),
  /** The schools an administrator may choose for a role. */
  schools: z.array(z.object({ id: z.string(), name: z.string() })),
  /** The roles this administrator may give. */
  roles: z.array(ZStaffRole),
});
export type PeopleResponse = z.infer<typeof ZPeopleResponse>;

export const ZPersonParams = z.object({ personId: z.uuid() });

/** Set a password from an invitation or a reset link. */
export const ZSetPasswordRequest = z.object({
  token: z.string().min(20, "This link is not complete: open it from the message again").max(200),
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters`)
    .max(MAX_PASSWORD_LENGTH, `Use at most ${MAX_PASSWORD_LENGTH} characters`),
});
export type SetPasswordRequest = z.infer<typeof ZSetPasswordRequest>;

export const ZSetPasswordResponse = z.object({ email: z.string() });

export const ZForgotPasswordRequest = z.object({ email: ZEmailAddress });
export type ForgotPasswordRequest = z.infer<typeof ZForgotPasswordRequest>;

/** The same answer whether or not the address has an account. */
export const ZForgotPasswordResponse = z.object({ message: z.string() });

/** A student on a staff member's caseload, as the People page lists them. */
export const ZCaseloadStudent = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  schoolName: z.string(),
});
export type CaseloadStudent = z.infer<typeof ZCaseloadStudent>;

export const ZCaseloadResponse = z.object({
  /** Whether the person holds a role with a caseload in the district (students may be added). */
  holdsCaseloadRole: z.boolean(),
  students: z.array(ZCaseloadStudent),
});
export type CaseloadResponse = z.infer<typeof ZCaseloadResponse>;

export const ZCaseloadStudentParams = z.object({ personId: z.uuid(), studentId: z.uuid() });
