/** Sharing a child's record with an advocate, and the record of access shown to families and staff. */
import { z } from "zod";
import { ZStudentIdParams } from "../students/students-api.ts";

export const ZAdvocateLinkRequest = z.object({
  advocateEmail: z.email({ error: "Enter the advocate's email address" }).max(254),
});

export const ZAdvocateLink = z.object({
  advocateId: z.string(),
  name: z.string(),
  email: z.string(),
  linkedAt: z.string(),
});
export const ZAdvocateLinks = z.object({ items: z.array(ZAdvocateLink) });
export type AdvocateLink = z.infer<typeof ZAdvocateLink>;

export const ZAdvocateParams = ZStudentIdParams.extend({ advocateId: z.uuid() });

export const ZAccessLogQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.coerce.number().int().positive().optional(),
});

export const ZAccessLogEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  who: z.string(),
  role: z.string(),
  record: z.string(),
  action: z.string(),
  purpose: z.string(),
});
export const ZAccessLog = z.object({ items: z.array(ZAccessLogEntry), nextBefore: z.number().int().nullable() });
export type AccessLog = z.infer<typeof ZAccessLog>;
export type AdvocateLinks = z.infer<typeof ZAdvocateLinks>;
