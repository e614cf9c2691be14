/**
 * The service-log document: a plan's services (as dated plan versions, so amendments apply from
 * their effective date), the school calendar, the district's compensatory policy and the logged
 * sessions — everything needed to recompute the minutes figures outside Lantern, for scripted use
 * and audits. Format: docs/service-log-format.md.
 */
import { z } from "zod";
import { SchoolCalendar, ZSchoolCalendar } from "../calendar/school-calendar.ts";
import { ZServicePrescription } from "../services/service-prescription.ts";
import { type IsoDate, maxDate, ZIsoDate } from "../shared/dates.ts";
import {
  CITATION_AMENDMENT,
  CITATION_SERVICE_TERMS,
  type CompensatoryPolicy,
  computeServiceMinutes,
  groupSessionsByService,
  type ServiceHistory,
  type ServiceMinutesSummary,
  type ServiceSession,
  ZCompensatoryPolicy,
  ZServiceSession,
} from "./service-minutes.ts";

export const SERVICE_LOG_FORMAT = "lantern-service-log";

export const ZServiceLogPlanVersion = z.object({
  /** How the version is known, e.g. "IEP signed 2026-09-02" or "Amendment 2027-01-11". */
  label: z.string().min(1).max(200),
  /** The date the version's services take effect. */
  effectiveFrom: ZIsoDate,
  services: z.array(ZServicePrescription),
});
export type ServiceLogPlanVersion = z.infer<typeof ZServiceLogPlanVersion>;

export const ZReportingPeriod = z
  .object({
    label: z.string().min(1).max(120),
    from: ZIsoDate,
    to: ZIsoDate,
  })
  .refine((p) => p.from <= p.to, { message: "from must not be after to", path: ["to"] });
export type ReportingPeriod = z.infer<typeof ZReportingPeriod>;

export const ZServiceLog = z
  .object({
    format: z.literal(SERVICE_LOG_FORMAT),
    version: z.literal(1),
    /** A label for people (never required to be a name); fictional in examples. */
    student: z.object({ label: z.string().max(200) }).optional(),
    calendar: ZSchoolCalendar,
    policy: ZCompensatoryPolicy.prefault({}),
    /** The plan versions in force, oldest first: the signed plan, then each amendment. */
    planVersions: z.array(ZServiceLogPlanVersion).min(1),
    /** Report-card or progress-report periods to break the figures down by. */
    reportingPeriods: z.array(ZReportingPeriod).default([]),
    /** Count through this date unless the command line says otherwise. */
    asOf: ZIsoDate.optional(),
    sessions: z.array(ZServiceSession),
  })
  .superRefine((log, ctx) => {
    const known = new Set<string>();
    log.planVersions.forEach((v, i) => {
      const prev = log.planVersions[i - 1];
      if (prev && prev.effectiveFrom >= v.effectiveFrom) {
        ctx.addIssue({
          code: "custom",
          message: "Plan versions must be in order of effective date, one per date",
          path: ["planVersions", i, "effectiveFrom"],
        });
      }
      const ids = new Set<string>();
      v.services.forEach((s, j) => {
        if (ids.has(s.id)) {
          ctx.addIssue({
            code: "custom",
            message: `Service id "${s.id}" appears twice in this version`,
            path: ["planVersions", i, "services", j, "id"],
          });
        }
        ids.add(s.id);
        known.add(s.id);
      });
    });
    const sessionIds = new Set<string>();
    log.sessions.forEach((s, i) => {
      if (sessionIds.has(s.id)) {
        ctx.addIssue({ code: "custom", message: `Session id "${s.id}" is not unique`, path: ["sessions", i, "id"] });
      }
      sessionIds.add(s.id);
      if (!known.has(s.serviceId)) {
        ctx.addIssue({
          code: "custom",
          message: `No service "${s.serviceId}" in any plan version`,
          path: ["sessions", i, "serviceId"],
        });
      }
    });
  });
export type ServiceLog = z.infer<typeof ZServiceLog>;
export type ServiceLogInput = z.input<typeof ZServiceLog>;

/**
 * One history per service from dated plan versions: a service keeps the terms of the latest
 * version that lists it; a service a later version drops ends the day before that version.
 */
export function serviceHistoriesFromPlanVersions(versions: readonly ServiceLogPlanVersion[]): ServiceHistory[] {
  const histories = new Map<string, ServiceHistory>();
  for (const v of versions) {
    const present = new Set<string>();
    for (const s of v.services) {
      present.add(s.id);
      const h = histories.get(s.id) ?? { serviceId: s.id, versions: [] };
      h.versions.push({ effectiveFrom: v.effectiveFrom, source: v.label, prescription: s });
      histories.set(s.id, h);
    }
    for (const h of histories.values()) {
      const last = h.versions[h.versions.length - 1];
      if (!present.has(h.serviceId) && last?.prescription) {
        h.versions.push({ effectiveFrom: v.effectiveFrom, source: v.label, prescription: null });
      }
    }
  }
  return [...histories.values()];
}

export type ServiceLogServiceSummary = ServiceMinutesSummary & {
  /** Terms of the version in force on the last counted day (or the last version listing it). */
  area: string;
  kind: string;
  providerRole: string;
};

export type ServiceLogSummary = {
  format: "lantern-service-minutes";
  version: 1;
  student: { label: string } | null;
  period: { from: IsoDate; to: IsoDate };
  through: IsoDate;
  policy: CompensatoryPolicy;
  services: ServiceLogServiceSummary[];
  reportingPeriods: Array<{ label: string; from: IsoDate; to: IsoDate; services: ServiceLogServiceSummary[] }>;
  totals: {
    required: number;
    delivered: number;
    missed: number;
    madeUp: number;
    compensatoryOwed: number;
    notLogged: number;
    schoolMustExplain: number;
  };
  citations: string[];
};

/** The date counted through: the given date, else the document's `asOf`, else the last session, else the calendar's end. */
export function serviceLogThrough(log: ServiceLog, through?: IsoDate): IsoDate {
  if (through) return through;
  if (log.asOf) return log.asOf;
  let last: IsoDate | null = null;
  for (const s of log.sessions) if (last === null || s.date > last) last = s.date;
  return last ?? new SchoolCalendar(log.calendar).coverage.to;
}

/** Per service: required, delivered, missed by reason, made up and owed, through a date. */
export function summarizeServiceLog(log: ServiceLog, options: { through?: IsoDate } = {}): ServiceLogSummary {
  return summarizeServices({
    planVersions: log.planVersions,
    sessions: log.sessions,
    calendar: new SchoolCalendar(log.calendar),
    policy: log.policy,
    reportingPeriods: log.reportingPeriods,
    through: serviceLogThrough(log, options.through),
    student: log.student ?? null,
  });
}

export type SummarizeServicesInput = {
  planVersions: readonly ServiceLogPlanVersion[];
  sessions: readonly ServiceSession[];
  calendar: SchoolCalendar;
  policy: CompensatoryPolicy;
  through: IsoDate;
  /** Start counting here instead of at the first plan version (e.g. the current plan year). */
  from?: IsoDate;
  reportingPeriods?: readonly ReportingPeriod[];
  student?: { label: string } | null;
  /** Include the required-minutes breakdown (default true). */
  segments?: boolean;
};

/** The same figures from parts already in memory (the server's path; no document needed). */
export function summarizeServices(input: SummarizeServicesInput): ServiceLogSummary {
  const { calendar, through } = input;
  const histories = serviceHistoriesFromPlanVersions(input.planVersions);
  const bySession = groupSessionsByService(input.sessions);
  // Disciplinary removal days count across all of the student's services (300.530(b)(2)).
  const removalDays = [
    ...new Set(input.sessions.filter((x) => x.status === "disciplinary-removal").map((x) => x.date)),
  ];
  const first = input.planVersions[0];
  const from = input.from ?? first?.effectiveFrom ?? through;
  const period = { from, to: maxDate(from, through) };

  const summarize = (h: ServiceHistory, p: { from: IsoDate; to: IsoDate }, segments: boolean) => {
    const s = computeServiceMinutes({
      history: h,
      sessions: bySession.get(h.serviceId) ?? [],
      calendar,
      policy: input.policy,
      period: p,
      through,
      segments,
      removalDays,
    });
    const reversed = [...h.versions].reverse();
    const terms =
      reversed.find((v) => v.prescription && v.effectiveFrom <= s.through)?.prescription ??
      reversed.find((v) => v.prescription)?.prescription;
    return {
      ...s,
      area: terms?.area ?? "other",
      kind: terms?.kind ?? "special-education",
      providerRole: terms?.providerRole ?? "",
    };
  };

  const services = histories.map((h) => summarize(h, period, input.segments ?? true));
  const reportingPeriods = (input.reportingPeriods ?? [])
    .filter((rp) => rp.from <= through)
    .map((rp) => ({
      label: rp.label,
      from: rp.from,
      to: rp.to,
      services: histories.map((h) => summarize(h, { from: rp.from, to: rp.to }, false)),
    }));
  const sum = (f: (s: ServiceLogServiceSummary) => number) => services.reduce((t, s) => t + f(s), 0);
  return {
    format: "lantern-service-minutes",
    version: 1,
    student: input.student ?? null,
    period,
    through,
    policy: input.policy,
    services,
    reportingPeriods,
    totals: {
      required: sum((s) => s.required.minutes),
      delivered: sum((s) => s.delivered.minutes),
      missed: sum((s) => s.missed.total),
      madeUp: sum((s) => s.madeUp.minutes),
      compensatoryOwed: sum((s) => s.compensatoryOwed.minutes),
      notLogged: sum((s) => s.notLogged.minutes),
      schoolMustExplain: sum((s) => s.schoolMustExplain.minutes),
    },
    citations: [CITATION_SERVICE_TERMS, ...(input.planVersions.length > 1 ? [CITATION_AMENDMENT] : [])],
  };
}
