/** What the API returns about students: one schema each, shared by server validation, OpenAPI and the web app. */
import { z } from "zod";
import { ZDeadlineKind } from "../compliance/deadlines.ts";
import { ZPlanType } from "../plans/plan-document.ts";
import { ZIsoDate } from "../shared/dates.ts";
import { normalizeGrade } from "./roster.ts";

export const ZPlanBadge = z.object({
  id: z.string(),
  type: ZPlanType,
  status: z.string(),
});

export const ZDeadlineBadge = z.object({
  /** What the clock is for, so a family can be shown its name rather than the staff task in `label`. */
  kind: ZDeadlineKind.optional(),
  label: z.string(),
  dueDate: ZIsoDate,
  state: z.enum(["met", "due", "due-soon", "overdue"]),
});

export const ZStudentListItem = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  grade: z.string(),
  schoolName: z.string(),
  plans: z.array(ZPlanBadge),
  nextDeadline: ZDeadlineBadge.nullable(),
});
export type StudentListItem = z.infer<typeof ZStudentListItem>;

export const ZStudentListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(500).optional(),
  q: z.string().trim().max(100).optional(),
  schoolId: z.uuid().optional(),
});

export const ZStudentList = z.object({
  items: z.array(ZStudentListItem),
  nextCursor: z.string().nullable(),
});
export type StudentList = z.infer<typeof ZStudentList>;

export const ZStudentDetail = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  dateOfBirth: ZIsoDate,
  grade: z.string(),
  /** The district's student number in its student information system, or null when none. */
  localId: z.string().nullable(),
  school: z.object({ id: z.string(), name: z.string() }),
  district: z.object({ id: z.string(), name: z.string(), state: z.string() }),
  guardians: z.array(
    z.object({
      personId: z.string(),
      name: z.string(),
      relationship: z.string(),
      /** The guardian's preferred language (a code such as "es"), or null when not recorded. */
      language: z.string().nullable(),
      /** The guardian needs an interpreter at meetings (34 CFR 300.322(e)). */
      interpreterNeeded: z.boolean(),
    }),
  ),
  caseManager: z.object({ name: z.string() }).nullable(),
  plans: z.array(ZPlanBadge),
});
export type StudentDetail = z.infer<typeof ZStudentDetail>;

export const ZStudentIdParams = z.object({ studentId: z.string().min(1).max(64) });

// ---------------------------------------------------------------------------------------------
// Adding one student in the app (the roster import adds many: docs/roster-format.md)

const personName = (what: string) =>
  z
    .string({ error: `Enter the ${what}` })
    .trim()
    .min(1, `Enter the ${what}`)
    .max(100, `Use at most 100 characters for the ${what}`);

/** Languages a family may ask Lantern's messages and notices in (34 CFR 300.503(c), 300.322(e)). */
export const FAMILY_LANGUAGES = ["en", "es", "vi", "zh", "tl", "ar", "ko", "ru", "pt", "ht", "so", "fr"] as const;
export const ZFamilyLanguage = z.enum(FAMILY_LANGUAGES, { error: "Choose the language the family prefers" });

export const ZNewStudentGuardian = z.object({
  firstName: personName("guardian's first name"),
  lastName: personName("guardian's last name"),
  email: z
    .email({ error: "Enter the guardian's email address, like name@example.org" })
    .max(254, "Use at most 254 characters for the email")
    .transform((e) => e.toLowerCase()),
  relationship: z
    .string()
    .trim()
    .min(1, "Enter how the guardian is related to the student (for example mother)")
    .max(40, "Use at most 40 characters for the relationship")
    .transform((r) => r.toLowerCase()),
  /**
   * The guardian's language, recorded on the student's record for them (decision 0021); for a
   * guardian new to Lantern also the language their account, messages and notices use.
   */
  preferredLanguage: ZFamilyLanguage,
  /** The guardian needs an interpreter at meetings (34 CFR 300.322(e)), recorded on the student's record. */
  interpreterNeeded: z
    .boolean({ error: "Say whether the guardian needs an interpreter (true or false)" })
    .default(false),
});
export type NewStudentGuardian = z.output<typeof ZNewStudentGuardian>;

export const ZAddStudentRequest = z.object({
  schoolId: z.uuid({ error: "Choose the student's school" }),
  firstName: personName("student's first name"),
  lastName: personName("student's last name"),
  dateOfBirth: ZIsoDate.meta({ description: "Checked against today: not after it, not more than 30 years before" }),
  grade: z
    .string({ error: "Choose the grade" })
    .trim()
    .transform((v, ctx) => {
      const grade = normalizeGrade(v);
      if (grade === null) {
        ctx.addIssue({ code: "custom", message: "Choose the grade: PK, TK, K, 1 to 12, or UG (ungraded)" });
        return z.NEVER;
      }
      return grade;
    })
    .meta({ example: "7" }),
  /** The district's student number in its student information system; unique in the district. */
  localId: z
    .string()
    .trim()
    .max(64, "Use at most 64 characters for the student number")
    .regex(/^\S*$/, "Write the student number without spaces")
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .default(null),
  guardians: z.array(ZNewStudentGuardian).max(2, "Add at most two guardians here").default([]),
});
export type AddStudentRequest = z.output<typeof ZAddStudentRequest>;

/**
 * Correcting a student's details after adding them (name, date of birth, grade, school, student
 * number): the same fields and checks as adding one, without the guardians. A PUT replaces them
 * all; an empty or absent student number clears it.
 */
export const ZEditStudentRequest = ZAddStudentRequest.omit({ guardians: true });
export type EditStudentRequest = z.output<typeof ZEditStudentRequest>;

export const ZAddStudentResponse = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  /** Guardians whose link waits for their acceptance (an account of another district). */
  pendingGuardianLinks: z.number().int(),
});
export type AddStudentResponse = z.infer<typeof ZAddStudentResponse>;

/** The schools where the signed-in person may add a student. */
export const ZStudentIntakeSchools = z.object({
  schools: z.array(z.object({ id: z.string(), name: z.string() })),
  /** The student joins the person's caseload when they add one. */
  joinsCaseload: z.boolean(),
});
export type StudentIntakeSchools = z.infer<typeof ZStudentIntakeSchools>;
