/**
 * From plan documents to the inputs of the enforcement math: the services (with their dated
 * versions: the plan, then each amendment) and the quantified goals; plus the schemas of what
 * staff record — sessions (one or a week for a caseload) and progress data points — and the
 * service-fidelity roll-up by provider, school and district.
 */
import { z } from "zod";
import type { PlanDocument } from "../plans/plan-document.ts";
import { ZServicePrescription } from "../services/service-prescription.ts";
import { addDays, dayOfWeek, type IsoDate, isIsoDate, ZIsoDate } from "../shared/dates.ts";
import { type ProgressGoal, progressGoalFromAnnualGoal, ZProgressDataPoint } from "./progress.ts";
import type { ServiceLogPlanVersion } from "./service-log.ts";
import { type ServiceMinutesSummary, ZServiceSession } from "./service-minutes.ts";

/** A plan version as enforcement sees it: when its terms took effect, and its content. */
export type EffectivePlanVersion = { label: string; effectiveFrom: IsoDate; document: PlanDocument };

/**
 * The services each plan version states with start date, frequency and duration
 * (34 CFR 300.320(a)(7)). Section 504 plans state aids and services in words only, and an IEP
 * service still missing a term cannot be counted; both are skipped (and reported by the checks).
 */
export function serviceVersionsFromPlans(versions: readonly EffectivePlanVersion[]): ServiceLogPlanVersion[] {
  return [...versions]
    .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0))
    .map((v) => ({
      label: v.label,
      effectiveFrom: v.effectiveFrom,
      services:
        v.document.type === "iep"
          ? v.document.services.flatMap((s) => {
              const parsed = ZServicePrescription.safeParse(s);
              return parsed.success ? [parsed.data] : [];
            })
          : [],
    }));
}

/** The plan's quantified goals (baseline, target, dates), ready for charts and reports. */
export function progressGoalsFromPlan(document: PlanDocument): ProgressGoal[] {
  if (document.type !== "iep") return [];
  return document.goals.flatMap((g) => {
    const goal = progressGoalFromAnnualGoal(g);
    return goal ? [goal] : [];
  });
}

// ---- What staff record -------------------------------------------------------------------------

/** Sessions of one service a student can have logged on one day (slots 1 to 20). */
export const MAX_SESSIONS_PER_DAY = 20;

/** A session as logged through the API (the server assigns the id). */
export const ZServiceSessionEntry = ZServiceSession.omit({ id: true }).extend({
  studentId: z.uuid(),
});
export type ServiceSessionEntry = z.infer<typeof ZServiceSessionEntry>;

/** A provider's week for a caseload: every cell of the logging grid at once (Monday to Sunday). */
export const ZWeekLog = z
  .object({
    weekOf: ZIsoDate.meta({ description: "The Monday of the week" }),
    entries: z.array(ZServiceSessionEntry).max(2000),
  })
  .superRefine((w, ctx) => {
    // Object checks run even when a field failed its own: the date may not be one.
    if (!isIsoDate(w.weekOf)) return;
    if (dayOfWeek(w.weekOf) !== 1) {
      ctx.addIssue({ code: "custom", message: "weekOf must be a Monday", path: ["weekOf"] });
      return;
    }
    const last = addDays(w.weekOf, 6);
    w.entries.forEach((e, i) => {
      if (e.date < w.weekOf || e.date > last) {
        ctx.addIssue({
          code: "custom",
          message: `Date must be in the week of ${w.weekOf}`,
          path: ["entries", i, "date"],
        });
      }
    });
  });
export type WeekLog = z.infer<typeof ZWeekLog>;

/** A data point as recorded through the API. */
export const ZProgressEntry = ZProgressDataPoint.extend({
  studentId: z.uuid(),
  goalId: z.string().min(1).max(64),
});
export type ProgressEntry = z.infer<typeof ZProgressEntry>;

export const ZProgressBatch = z.object({ entries: z.array(ZProgressEntry).min(1).max(2000) });

// ---- Service fidelity --------------------------------------------------------------------------

export const FIDELITY_GROUPINGS = ["provider", "school", "district"] as const;
export const ZFidelityGrouping = z.enum(FIDELITY_GROUPINGS);
export type FidelityGrouping = z.infer<typeof ZFidelityGrouping>;

/** One service of one student, with who delivers it and where. */
export type FidelityRow = {
  studentId: string;
  districtId: string;
  schoolId: string;
  schoolName: string;
  /** The provider who logged most of the service's minutes; null when nothing was logged. */
  providerId: string | null;
  providerName: string | null;
  summary: Pick<
    ServiceMinutesSummary,
    "serviceId" | "required" | "delivered" | "madeUp" | "missed" | "compensatoryOwed" | "behindSchedule"
  >;
};

export const ZFidelityGroup = z.object({
  key: z.string(),
  label: z.string(),
  students: z.number().int(),
  services: z.number().int(),
  requiredMinutes: z.number(),
  deliveredMinutes: z.number(),
  madeUpMinutes: z.number(),
  missedMinutes: z.number(),
  compensatoryOwedMinutes: z.number(),
  /** (delivered + made up) ÷ required, or null when nothing was required. */
  fidelity: z.number().nullable(),
  servicesBehindSchedule: z.number().int(),
});
export type FidelityGroup = z.infer<typeof ZFidelityGroup>;

/** Roll service summaries up by provider, school or district. */
export function aggregateFidelity(rows: readonly FidelityRow[], by: FidelityGrouping): FidelityGroup[] {
  const groups = new Map<string, FidelityGroup & { studentSet: Set<string> }>();
  for (const r of rows) {
    const key = by === "provider" ? (r.providerId ?? "unassigned") : by === "school" ? r.schoolId : r.districtId;
    const label =
      by === "provider" ? (r.providerName ?? "No sessions logged") : by === "school" ? r.schoolName : "District";
    let g = groups.get(key);
    if (!g) {
      g = {
        key,
        label,
        students: 0,
        services: 0,
        requiredMinutes: 0,
        deliveredMinutes: 0,
        madeUpMinutes: 0,
        missedMinutes: 0,
        compensatoryOwedMinutes: 0,
        fidelity: null,
        servicesBehindSchedule: 0,
        studentSet: new Set(),
      };
      groups.set(key, g);
    }
    g.studentSet.add(r.studentId);
    g.services++;
    g.requiredMinutes += r.summary.required.minutes;
    g.deliveredMinutes += r.summary.delivered.minutes;
    g.madeUpMinutes += r.summary.madeUp.minutes;
    g.missedMinutes += r.summary.missed.total;
    g.compensatoryOwedMinutes += r.summary.compensatoryOwed.minutes;
    if (r.summary.behindSchedule.isBehind) g.servicesBehindSchedule++;
  }
  return [...groups.values()]
    .map(({ studentSet, ...g }) => ({
      ...g,
      students: studentSet.size,
      fidelity:
        g.requiredMinutes > 0
          ? Math.round(((g.deliveredMinutes + g.madeUpMinutes) / g.requiredMinutes) * 1000) / 1000
          : null,
    }))
    .sort((a, b) => a.label.localeCompare(b.label) || a.key.localeCompare(b.key));
}
