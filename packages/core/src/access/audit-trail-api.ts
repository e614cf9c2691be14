/**
 * The audit-trail viewer's wire shapes: a district administrator reads the district's audit trail
 * (what was changed, signed in or refused) and record of access (who read or changed a student's
 * record, 34 CFR 300.614; FERPA 99.32), filtered by student, person, action and dates, a bounded
 * page at a time, and as CSV. Reading it is itself written to the audit trail.
 */
import { z } from "zod";
import { ZIsoDate } from "../shared/dates.ts";

export const AUDIT_TRAILS = ["audit-trail", "record-of-access"] as const;
export type AuditTrailKind = (typeof AUDIT_TRAILS)[number];

/** The most rows a page shows, and the most a CSV file holds. */
export const AUDIT_TRAIL_PAGE_MAX = 200;
export const AUDIT_TRAIL_CSV_MAX = 10_000;
/** Days shown when no start date is given. */
export const AUDIT_TRAIL_DEFAULT_DAYS = 30;

const filters = {
  trail: z.enum(AUDIT_TRAILS).default("audit-trail"),
  /** Part of a student's name. */
  student: z.string().trim().max(100).optional(),
  /** Part of a person's name or email. */
  person: z.string().trim().max(100).optional(),
  /** One action exactly (`plan.signed`, `read-record`, …). */
  action: z
    .string()
    .trim()
    .max(60)
    .regex(/^[a-z0-9.-]*$/, "must be an action name such as plan.signed or read-record")
    .optional(),
  from: ZIsoDate.optional(),
  to: ZIsoDate.optional(),
};

export const ZAuditTrailQuery = z.object({
  ...filters,
  /** The next page: rows older than this id (the previous page's `nextBefore`). */
  before: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
  limit: z.coerce.number().int().min(1).max(AUDIT_TRAIL_PAGE_MAX).default(50),
});
export type AuditTrailQuery = z.infer<typeof ZAuditTrailQuery>;

export const ZAuditTrailCsvQuery = z.object(filters);
export type AuditTrailCsvQuery = z.infer<typeof ZAuditTrailCsvQuery>;

export const ZAuditTrailEntry = z.object({
  id: z.number().int(),
  /** When it happened (ISO 8601, UTC). */
  at: z.string(),
  action: z.string(),
  personId: z.string().nullable(),
  personName: z.string().nullable(),
  personEmail: z.string().nullable(),
  studentId: z.string().nullable(),
  studentName: z.string().nullable(),
  /** The part of the record (record of access) or the thing acted on (audit trail). */
  what: z.string().nullable(),
  /** Why (record of access) — the purpose given on the way in. */
  purpose: z.string().nullable(),
  /** The role or tie that allowed it (record of access). */
  basis: z.string().nullable(),
});
export type AuditTrailEntry = z.infer<typeof ZAuditTrailEntry>;

export const ZAuditTrailPage = z.object({
  trail: z.enum(AUDIT_TRAILS),
  from: ZIsoDate,
  to: ZIsoDate,
  entries: z.array(ZAuditTrailEntry),
  /** Pass as `before` for the next page; null on the last. */
  nextBefore: z.number().int().nullable(),
  /** The actions this trail can hold, for the action filter. */
  actions: z.array(z.string()),
});
export type AuditTrailPage = z.infer<typeof ZAuditTrailPage>;
