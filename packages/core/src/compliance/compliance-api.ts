/**
 * What the compliance API returns and accepts: one plan's findings and deadlines, caseload /
 * school / district dashboards (counts by finding and by deadline state), deadline lists with
 * keyset pagination, district settings. The server validates with these; the web imports the types.
 */
import { z } from "zod";
import { ZSchoolCalendar } from "../calendar/school-calendar.ts";
import { ZIsoDate } from "../shared/dates.ts";
import { ZDeadline, ZDeadlineKind, ZDeadlineState } from "./deadlines.ts";
import { ZFinding, ZFindingCode, ZSeverity } from "./findings.ts";

export const ZPlanComplianceView = z.object({
  planId: z.string(),
  planType: z.string(),
  today: ZIsoDate,
  findings: z.array(ZFinding),
  deadlines: z.array(ZDeadline),
  /** The same, in sentences for families. */
  plainLanguage: z.array(z.string()),
  /**
   * The ages in the district's state's rules that decide which sections apply (a transition plan
   * from the transition age, 34 CFR 300.320(b); the transfer of rights, 300.320(c)).
   */
  stateAges: z
    .object({
      transitionAge: z.object({ value: z.number().int(), citation: z.string() }),
      ageOfMajority: z.object({ value: z.number().int(), citation: z.string() }),
    })
    .optional(),
});
export type PlanComplianceView = z.infer<typeof ZPlanComplianceView>;

export const COMPLIANCE_SCOPES = ["caseload", "school", "district"] as const;
export const ZComplianceScope = z.enum(COMPLIANCE_SCOPES);

export const ZComplianceQuery = z.object({
  /** Default: district for district administrators, school for school administrators, else caseload. */
  scope: ZComplianceScope.optional(),
  schoolId: z.uuid().optional(),
  planType: z.enum(["iep", "section-504"]).optional(),
  /** Plans in effect (default), or every plan not ended (drafts and proposals too). */
  status: z.enum(["in-effect", "open"]).default("in-effect"),
  /** Count as of this day (default: today). */
  today: ZIsoDate.optional(),
});
export type ComplianceQuery = z.infer<typeof ZComplianceQuery>;

/** A day's headline counts of a district or school (recorded when its dashboard is first computed that day). */
export const ZComplianceTrendPoint = z.object({
  day: ZIsoDate,
  plans: z.number().int(),
  plansWithErrors: z.number().int(),
  overdue: z.number().int(),
  dueSoon: z.number().int(),
});
export type ComplianceTrendPoint = z.infer<typeof ZComplianceTrendPoint>;

export const ZComplianceDashboard = z.object({
  scope: ZComplianceScope,
  districtId: z.string(),
  schoolId: z.string().nullable(),
  today: ZIsoDate,
  dueSoonDays: z.number().int(),
  /** Plans changed since their last check and not yet re-checked (refreshed in the background). */
  pendingPlans: z.number().int(),
  plans: z.object({
    total: z.number().int(),
    iep: z.number().int(),
    section504: z.number().int(),
    /** Plans with at least one error (stored findings or an overdue legal clock). */
    withErrors: z.number().int(),
  }),
  findings: z.array(
    z.object({ code: ZFindingCode, severity: ZSeverity, findings: z.number().int(), plans: z.number().int() }),
  ),
  deadlines: z.object({
    overdue: z.number().int(),
    dueSoon: z.number().int(),
    due: z.number().int(),
    met: z.number().int(),
    byKind: z.array(
      z.object({
        kind: ZDeadlineKind,
        overdue: z.number().int(),
        dueSoon: z.number().int(),
        due: z.number().int(),
        met: z.number().int(),
      }),
    ),
  }),
  /** Up to 60 earlier days, oldest first (district and school scopes; empty for a caseload). */
  trend: z.array(ZComplianceTrendPoint),
});
export type ComplianceDashboard = z.infer<typeof ZComplianceDashboard>;

export const ZDeadlineListQuery = ZComplianceQuery.extend({
  state: z.enum(["overdue", "due-soon", "due", "open"]).default("overdue"),
  kind: ZDeadlineKind.optional(),
  /** Opaque cursor from the previous page's `nextCursor`. */
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type DeadlineListQuery = z.infer<typeof ZDeadlineListQuery>;

export const ZDeadlineListItem = z.object({
  id: z.number().int(),
  planId: z.string(),
  planType: z.string(),
  studentId: z.string(),
  studentName: z.string(),
  schoolId: z.string(),
  kind: ZDeadlineKind,
  code: z.string(),
  label: z.string(),
  citation: z.string(),
  dueDate: ZIsoDate,
  state: ZDeadlineState,
  daysLeft: z.number().int(),
});
export type DeadlineListItem = z.infer<typeof ZDeadlineListItem>;

export const ZDeadlineList = z.object({
  items: z.array(ZDeadlineListItem),
  nextCursor: z.string().nullable(),
});
export type DeadlineList = z.infer<typeof ZDeadlineList>;

export const ZComplianceSettings = z.object({
  dueSoonDays: z.number().int().min(0).max(365),
  section504ReevaluationYears: z.number().int().min(1).max(6),
  boilerplateMinStudents: z.number().int().min(1).max(10_000),
});
export type ComplianceSettings = z.infer<typeof ZComplianceSettings>;

export const ZCalendarFeed = z.object({
  /** The secret address of the feed; shown once. Anyone with it can read the feed until it is revoked. */
  url: z.string(),
  createdAt: z.string(),
});
export type CalendarFeed = z.infer<typeof ZCalendarFeed>;

/** The district's school calendar: its own, or null when it uses the default one. */
export const ZSchoolCalendarView = z.object({ custom: z.boolean(), calendar: ZSchoolCalendar.nullable() });
export type SchoolCalendarView = z.infer<typeof ZSchoolCalendarView>;

/** The feed's file name at its secret address: `<token>.ics`. */
export const ZCalendarFeedParams = z.object({ file: z.string().max(100) });
