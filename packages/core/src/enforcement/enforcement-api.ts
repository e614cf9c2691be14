/**
 * Request and response shapes of the enforcement API, shared by the server (validation, OpenAPI)
 * and the web (types). The figures mirror `ServiceMinutesSummary` and `ProgressAnalysis`.
 */
import { z } from "zod";
import { ZProviderDiscipline } from "../services/service-prescription.ts";
import { ZIsoDate } from "../shared/dates.ts";
import { ZFidelityGroup, ZFidelityGrouping } from "./plan-enforcement.ts";
import { ZProgressGoal } from "./progress.ts";
import { ZCompensatoryPolicy, ZServiceSession } from "./service-minutes.ts";

const ZMinutesWithSessions = z.object({ minutes: z.number(), sessionIds: z.array(z.string()) });

export const ZRequiredSegment = z.object({
  versionIndex: z.number().int(),
  source: z.string().nullable(),
  from: ZIsoDate,
  to: ZIsoDate,
  rule: z.enum(["per-day", "per-week", "per-month"]),
  times: z.number().int(),
  minutesPerSession: z.number().int(),
  schoolDays: z.number().int(),
  unitSchoolDays: z.number().int(),
  minutes: z.number(),
});

export const ZServiceMinutesView = z.object({
  serviceId: z.string(),
  area: z.string(),
  kind: z.string(),
  providerRole: z.string(),
  period: z.object({ from: ZIsoDate, to: ZIsoDate }),
  through: ZIsoDate,
  required: z.object({
    minutes: z.number(),
    exactMinutes: z.number(),
    segments: z.array(ZRequiredSegment),
    citation: z.string(),
  }),
  delivered: ZMinutesWithSessions,
  missed: z.object({
    "student-absent": ZMinutesWithSessions,
    "provider-absent": ZMinutesWithSessions,
    "school-closed": ZMinutesWithSessions,
    "student-unavailable": ZMinutesWithSessions,
    "disciplinary-removal": ZMinutesWithSessions,
    "disability-related-absence": ZMinutesWithSessions,
    total: z.number(),
  }),
  madeUp: ZMinutesWithSessions,
  provided: z.number(),
  schoolResponsibleMissed: ZMinutesWithSessions,
  compensatoryOwed: ZMinutesWithSessions.extend({ basis: z.string(), owedReasons: z.array(z.string()) }),
  makeUpInExcess: z.number(),
  behindSchedule: z.object({ isBehind: z.boolean(), ratio: z.number().nullable(), threshold: z.number() }),
  excludedSessions: z.array(z.object({ id: z.string(), reason: z.literal("outside-service-dates") })),
  /** Missed during a disciplinary removal: the first 10 removal days of the school year, and after (services continue, 34 CFR 300.530(b)(2), (d)). */
  disciplinaryRemoval: z.object({
    firstTenDays: ZMinutesWithSessions,
    afterTenDays: ZMinutesWithSessions,
    citation: z.string(),
  }),
  /** Scheduled minutes nobody logged. */
  notLogged: z.object({ minutes: z.number() }),
  /** What the school must explain: its own misses, minutes not logged, disability-related absences. */
  schoolMustExplain: z.object({ minutes: z.number() }),
  citations: z.array(z.string()),
});
export type ServiceMinutesView = z.infer<typeof ZServiceMinutesView>;

export const ZStudentServiceMinutes = z.object({
  studentId: z.string(),
  from: ZIsoDate,
  through: ZIsoDate,
  policy: ZCompensatoryPolicy,
  services: z.array(ZServiceMinutesView),
  totals: z.object({
    required: z.number(),
    delivered: z.number(),
    missed: z.number(),
    madeUp: z.number(),
    compensatoryOwed: z.number(),
    notLogged: z.number(),
    schoolMustExplain: z.number(),
  }),
  citations: z.array(z.string()),
});
export type StudentServiceMinutes = z.infer<typeof ZStudentServiceMinutes>;

export const ZMinutesQuery = z.object({
  through: ZIsoDate.optional().meta({ description: "Count through this date (default: today)" }),
  from: ZIsoDate.optional().meta({ description: "Count from this date (default: the first plan in effect)" }),
});

/** The service delivery summary PDF: the minutes query and the document's language. */
export const ZMinutesPdfQuery = ZMinutesQuery.extend({ lang: z.enum(["en", "es"]).default("en") });

export const ZStoredSessionView = ZServiceSession.extend({
  studentId: z.string(),
  providerId: z.string(),
  providerName: z.string(),
  slot: z.number().int(),
});
export type StoredSessionView = z.infer<typeof ZStoredSessionView>;

export const ZSessionList = z.object({ items: z.array(ZStoredSessionView) });
export type SessionList = z.infer<typeof ZSessionList>;

export const ZSessionListQuery = z.object({ from: ZIsoDate.optional(), to: ZIsoDate.optional() });

/** One session for one student (the path names the student). */
export const ZLogSessionBody = ZServiceSession.omit({ id: true });

export const ZWeekQuery = z.object({ weekOf: ZIsoDate.meta({ description: "The Monday of the week" }) });

/** The provider's logging grid: each caseload student's services that week and what is logged. */
export const ZCaseloadWeek = z.object({
  weekOf: ZIsoDate,
  /**
   * The discipline on the signed-in provider's account (a service area code), or null when none
   * is recorded: `yours` then follows the services they have logged.
   */
  discipline: ZProviderDiscipline.nullable(),
  days: z.array(ZIsoDate),
  schoolDays: z.array(ZIsoDate),
  students: z.array(
    z.object({
      studentId: z.string(),
      name: z.string(),
      services: z.array(
        z.object({
          serviceId: z.string(),
          area: z.string(),
          minutesPerSession: z.number().int(),
          frequency: z.object({ times: z.number().int(), per: z.enum(["day", "week", "month"]) }),
          delivery: z.string(),
          /** Who the plan says provides it (e.g. "Speech-language pathologist"). */
          providerRole: z.string(),
          /**
           * A service of the signed-in provider's discipline: its area is the discipline on their
           * account; with none recorded, its provider role is one under which they have logged
           * sessions. Others are offered apart, as other services on the plans. True for every
           * service while neither is known.
           */
          yours: z.boolean(),
        }),
      ),
      sessions: z.array(ZStoredSessionView),
    }),
  ),
});
export type CaseloadWeek = z.infer<typeof ZCaseloadWeek>;

export const ZWeekLogResult = z.object({ saved: z.number().int() });
export type WeekLogResult = z.infer<typeof ZWeekLogResult>;

export const ZProgressPointView = z.object({
  id: z.string(),
  studentId: z.string(),
  goalId: z.string(),
  date: ZIsoDate,
  value: z.number(),
  note: z.string().optional(),
  recordedBy: z.string(),
});
export type ProgressPointView = z.infer<typeof ZProgressPointView>;

export const ZProgressBatchResult = z.object({ items: z.array(ZProgressPointView) });
export type ProgressBatchResult = z.infer<typeof ZProgressBatchResult>;

export const ZRecordPointBody = z.object({
  goalId: z.string().min(1).max(64),
  date: ZIsoDate,
  value: z.number().finite(),
  note: z.string().max(2000).optional(),
});
export type RecordPointBody = z.input<typeof ZRecordPointBody>;

const ZLinePoint = z.object({ date: ZIsoDate, value: z.number() });

export const ZProgressAnalysisView = z.object({
  goalId: z.string(),
  direction: z.enum(["increase", "decrease"]),
  unit: z.string(),
  aimLine: z.object({ from: ZLinePoint, to: ZLinePoint, slopePerWeek: z.number() }),
  trendLine: z
    .object({ from: ZLinePoint, to: ZLinePoint, slopePerWeek: z.number(), projectedAtGoalDate: z.number() })
    .nullable(),
  points: z.array(ZLinePoint.extend({ aimValue: z.number(), side: z.enum(["above", "below", "on"]) })),
  decision: z.object({
    rule: z.literal("four-point"),
    outcome: z.enum(["consider-changing-instruction", "consider-raising-the-goal", "keep-going", "not-enough-data"]),
    pointDates: z.array(ZIsoDate),
    explanation: z.string(),
  }),
  status: z.enum(["on-track", "not-yet-on-track", "no-data"]),
  targetReached: z.boolean(),
  latest: ZLinePoint.nullable(),
  statement: z.string(),
  citations: z.array(z.string()),
});
export type ProgressAnalysisView = z.infer<typeof ZProgressAnalysisView>;

export const ZStudentProgress = z.object({
  studentId: z.string(),
  planId: z.string().nullable(),
  reportDates: z.array(ZIsoDate),
  goals: z.array(
    z.object({
      goal: ZProgressGoal,
      analysis: ZProgressAnalysisView,
      points: z.array(ZProgressPointView),
    }),
  ),
});
export type StudentProgress = z.infer<typeof ZStudentProgress>;

export const ZProgressQuery = z.object({ asOf: ZIsoDate.optional() });

/** The progress report PDF: the progress query and the document's language (the team's words stay as written). */
export const ZProgressReportQuery = ZProgressQuery.extend({ lang: z.enum(["en", "es"]).default("en") });

export const ZFidelityQuery = z.object({
  by: ZFidelityGrouping.default("school"),
  from: ZIsoDate.optional(),
  through: ZIsoDate.optional(),
  schoolId: z.uuid().optional(),
});
export type FidelityQuery = z.input<typeof ZFidelityQuery>;

export const ZFidelityReport = z.object({
  by: ZFidelityGrouping,
  from: ZIsoDate,
  through: ZIsoDate,
  groups: z.array(ZFidelityGroup),
});
export type FidelityReportView = z.infer<typeof ZFidelityReport>;

export const ZServiceAlertsQuery = z.object({ through: ZIsoDate.optional() });

/** Services behind schedule on the signed-in person's caseload (for home pages and dashboards). */
export const ZServiceAlerts = z.object({
  through: ZIsoDate,
  alerts: z.array(
    z.object({
      studentId: z.string(),
      studentName: z.string(),
      serviceId: z.string(),
      area: z.string(),
      requiredMinutes: z.number(),
      providedMinutes: z.number(),
      ratio: z.number().nullable(),
      threshold: z.number(),
      compensatoryOwedMinutes: z.number(),
    }),
  ),
});
export type ServiceAlerts = z.infer<typeof ZServiceAlerts>;
