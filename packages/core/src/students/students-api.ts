/** What the API returns about students: one schema each, shared by server validation, OpenAPI and the web app. */
import { z } from "zod";
import { ZPlanType } from "../plans/plan-document.ts";
import { ZIsoDate } from "../shared/dates.ts";

export const ZPlanBadge = z.object({
  id: z.string(),
  type: ZPlanType,
  status: z.string(),
});

export const ZDeadlineBadge = z.object({
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
  school: z.object({ id: z.string(), name: z.string() }),
  district: z.object({ id: z.string(), name: z.string(), state: z.string() }),
  guardians: z.array(z.object({ name: z.string(), relationship: z.string() })),
  caseManager: z.object({ name: z.string() }).nullable(),
  plans: z.array(ZPlanBadge),
});
export type StudentDetail = z.infer<typeof ZStudentDetail>;

export const ZStudentIdParams = z.object({ studentId: z.string().min(1).max(64) });
