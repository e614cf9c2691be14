/**
 * Service-delivery arithmetic: the minutes a plan requires, the minutes delivered, the minutes
 * missed (by reason), the make-ups, and the compensatory minutes the school owes.
 *
 * The plan states each service's projected start date, frequency and duration
 * (34 CFR 300.320(a)(7)); Lantern turns that promise into required minutes over the school days of
 * a period and compares it with the sessions providers logged.
 *
 * Definitions (also in docs/service-log-format.md):
 *
 * - **Active days.** A service version applies from the later of its effective date and the
 *   service's start date, through the earlier of the service's end date and the day before the
 *   next version takes effect. Amendments (34 CFR 300.324(a)(4)) therefore change required
 *   minutes from their effective date, never retroactively.
 * - **Required minutes** over the school days of the period (per the district calendar):
 *   - per **day**: school days × times × minutes;
 *   - per **week**: times × minutes for each full school week (the calendar's school weekdays,
 *     normally 5). A partial week — the service starts or ends mid-week, the period starts or ends
 *     mid-week, or a holiday or break removes days — is prorated: times × minutes × (school days
 *     counted in that week ÷ school weekdays). Weeks run Monday to Sunday;
 *   - per **month**: times × minutes for each calendar month, prorated by the month's school days
 *     that are counted (÷ all school days of that month). A month with no school days requires 0.
 *   Each period's total is computed from exact fractions and rounded once, to the nearest minute.
 * - **Delivered** = minutes of sessions with status `delivered`; **made up** = minutes of
 *   `make-up` sessions; **provided** = delivered + made up.
 * - **Missed** = minutes of sessions with a missed status, by reason. The minutes of a missed
 *   session are the minutes that were scheduled and not delivered.
 * - **School-responsible misses** = misses whose reason the district's policy counts
 *   (default: provider absent and student unavailable because of a school activity; school
 *   closures only if the district chooses; a student absence never).
 * - **Disciplinary removal.** Sessions missed while the student was removed for discipline are not
 *   required for the first 10 school days of removal in a school year; from the 11th removal day
 *   on, services must continue (34 CFR 300.530(b)(2), (d)), so those misses are the school's
 *   responsibility whatever the district's policy says. Removal days are counted across all of the
 *   student's services (`removalDays`), per school year of the calendar.
 * - **Disability-related absence.** Not a plain absence: the school must explain it and the team
 *   considers it; the district's policy may count it as the school's responsibility.
 * - **Not logged** = required − delivered − missed (never below 0): scheduled sessions nobody logged.
 * - **The school must explain** = school-responsible misses + not logged + disability-related
 *   absences the policy does not already count.
 * - **Compensatory minutes owed** (shown to families as "make-up minutes under the district's
 *   policy": whether compensatory education is owed is decided case by case) = school-responsible
 *   misses − make-ups, never below 0. Make-ups beyond the misses are reported as `makeUpInExcess`,
 *   not as credit.
 * - **Behind schedule** when provided < threshold × required (required > 0), through the
 *   computation date, and only while the service is still in effect on that date. A service that
 *   has ended (its end date passed, an amendment removed it, or the plan ended: consent revoked or
 *   exit, 34 CFR 300.300(b)(4), 300.305(e)) can no longer be caught up, so it is not behind
 *   schedule after its end: its shortfall stays in the figures (not logged, the school must
 *   explain, make-up minutes) for the team to consider (34 CFR 300.320(a)(7)).
 *
 * Sessions dated outside the service's active days are excluded and listed with the reason, so
 * every figure can be traced to the session ids behind it.
 */
import { z } from "zod";
import type { SchoolCalendar } from "../calendar/school-calendar.ts";
import { type ServicePrescription, ZServicePrescription } from "../services/service-prescription.ts";
import {
  addDays,
  addYears,
  fromDayNumber,
  type IsoDate,
  maxDate,
  minDate,
  toDayNumber,
  ZIsoDate,
} from "../shared/dates.ts";
import { DomainError } from "../shared/errors.ts";

export const CITATION_SERVICE_TERMS = "34 CFR 300.320(a)(7)";
export const CITATION_AMENDMENT = "34 CFR 300.324(a)(4)";
/** Services continue after 10 school days of removal in a school year. */
export const CITATION_DISCIPLINE_SERVICES = "34 CFR 300.530(b)(2), (d)";
/** Removal days in a school year before services must continue (300.530(b)(2)). */
export const REMOVAL_DAYS_WITHOUT_SERVICES = 10;
/** Compensatory minutes follow the district's stated policy; the figure names that basis. */
export const COMPENSATORY_BASIS = "district compensatory-services policy";

export const SESSION_STATUSES = [
  "delivered",
  "student-absent",
  "provider-absent",
  "school-closed",
  "student-unavailable",
  "make-up",
  /** The student was removed for discipline (suspension, expulsion, interim setting). */
  "disciplinary-removal",
  /** The student was absent for a reason related to the disability (e.g. treatment, hospital). */
  "disability-related-absence",
] as const;
export const ZSessionStatus = z.enum(SESSION_STATUSES);
export type SessionStatus = z.infer<typeof ZSessionStatus>;

/** Statuses that mean the session did not happen. */
export const MISSED_REASONS = [
  "student-absent",
  "provider-absent",
  "school-closed",
  "student-unavailable",
  "disciplinary-removal",
  "disability-related-absence",
] as const;
export type MissedReason = (typeof MISSED_REASONS)[number];

/**
 * Reasons a district may count as the school's responsibility. A student's plain absence is never
 * one; a disciplinary removal past 10 days always is (not a policy choice, 300.530(b)(2), (d)).
 */
export const OWABLE_REASONS = [
  "provider-absent",
  "student-unavailable",
  "school-closed",
  "disability-related-absence",
] as const;
export const ZOwableReason = z.enum(OWABLE_REASONS);
export type OwableReason = z.infer<typeof ZOwableReason>;

export const ZServiceSession = z.object({
  id: z.string().min(1).max(64),
  serviceId: z.string().min(1).max(64),
  date: ZIsoDate,
  /** Minutes delivered; for a missed session, the minutes that were scheduled and not delivered. */
  minutes: z.number().int().min(0).max(600),
  delivery: z.enum(["individual", "group"]),
  status: ZSessionStatus,
  note: z.string().max(2000).optional(),
});
export type ServiceSession = z.infer<typeof ZServiceSession>;
export type ServiceSessionInput = z.input<typeof ZServiceSession>;

export const ZCompensatoryPolicy = z.object({
  /** Missed-session reasons the district counts as the school's responsibility. */
  owedReasons: z
    .array(ZOwableReason)
    .default(["provider-absent", "student-unavailable"])
    .refine((r) => new Set(r).size === r.length, { message: "Each reason may be listed once" }),
  /** Behind schedule when provided minutes fall below this share of required minutes (0–1). */
  behindScheduleThreshold: z.number().min(0).max(1).default(0.9),
});
export type CompensatoryPolicy = z.infer<typeof ZCompensatoryPolicy>;
export type CompensatoryPolicyInput = z.input<typeof ZCompensatoryPolicy>;

export function defaultCompensatoryPolicy(): CompensatoryPolicy {
  return ZCompensatoryPolicy.parse({});
}

/** A period of dates, both ends inclusive. */
export const ZPeriod = z
  .object({ from: ZIsoDate, to: ZIsoDate })
  .refine((p) => p.from <= p.to, { message: "from must not be after to", path: ["to"] });
export type Period = z.infer<typeof ZPeriod>;

/**
 * One version of a service as the plan stated it from `effectiveFrom` on: the original plan, or an
 * amendment. `prescription: null` means the service is no longer in the plan from that date.
 */
export const ZServiceVersion = z.object({
  effectiveFrom: ZIsoDate,
  /** Where the version comes from, e.g. "IEP signed 2026-09-02" or "Amendment 2027-01-11". */
  source: z.string().max(200).optional(),
  prescription: ZServicePrescription.nullable(),
});
export type ServiceVersion = z.infer<typeof ZServiceVersion>;

export const ZServiceHistory = z
  .object({
    serviceId: z.string().min(1).max(64),
    versions: z.array(ZServiceVersion).min(1),
  })
  .superRefine((h, ctx) => {
    h.versions.forEach((v, i) => {
      const prev = h.versions[i - 1];
      if (prev && prev.effectiveFrom >= v.effectiveFrom) {
        ctx.addIssue({
          code: "custom",
          message: "Versions must be in order of effective date, one per date",
          path: ["versions", i, "effectiveFrom"],
        });
      }
      if (v.prescription && v.prescription.id !== h.serviceId) {
        ctx.addIssue({ code: "custom", message: "Prescription id must match serviceId", path: ["versions", i] });
      }
    });
  });
export type ServiceHistory = z.infer<typeof ZServiceHistory>;

/** A service with one version, effective from its start date. */
export function serviceHistoryOf(prescription: ServicePrescription, source?: string): ServiceHistory {
  return {
    serviceId: prescription.id,
    versions: [{ effectiveFrom: prescription.startDate, prescription, ...(source ? { source } : {}) }],
  };
}

/** A stretch of days on which one version of a service applies. */
export type ActiveSpan = { from: IsoDate; to: IsoDate | null; versionIndex: number; prescription: ServicePrescription };

/** The spans on which the service is in effect, in date order (open-ended when `to` is null). */
export function activeSpans(history: ServiceHistory): ActiveSpan[] {
  const out: ActiveSpan[] = [];
  history.versions.forEach((v, i) => {
    const p = v.prescription;
    if (!p) return;
    const next = history.versions[i + 1];
    const from = maxDate(v.effectiveFrom, p.startDate);
    let to: IsoDate | null = p.endDate;
    if (next) {
      const dayBefore = addDays(next.effectiveFrom, -1);
      to = to === null ? dayBefore : minDate(to, dayBefore);
    }
    if (to !== null && to < from) return;
    out.push({ from, to, versionIndex: i, prescription: p });
  });
  return out;
}

export type RequiredSegment = {
  /** Index into the history's versions. */
  versionIndex: number;
  source: string | null;
  from: IsoDate;
  to: IsoDate;
  rule: "per-day" | "per-week" | "per-month";
  times: number;
  minutesPerSession: number;
  /** School days counted in this segment. */
  schoolDays: number;
  /** School days of the full unit (a school week, or the calendar month); 1 for per-day. */
  unitSchoolDays: number;
  /** Required minutes for the segment, to 2 decimals. */
  minutes: number;
};

export type RequiredMinutes = {
  /** Total required minutes, rounded once to the nearest minute. */
  minutes: number;
  exactMinutes: number;
  segments: RequiredSegment[];
  citation: string;
};

/** Required minutes of a service over [from, to] (inclusive). */
export function requiredMinutes(
  history: ServiceHistory,
  calendar: SchoolCalendar,
  range: Period,
  options: { segments?: boolean } = {},
): RequiredMinutes {
  const withSegments = options.segments ?? true;
  const weekdaysPerWeek = Math.max(1, calendar.data.weekdays.length);
  const segments: RequiredSegment[] = [];
  let exact = 0;
  for (const span of activeSpans(history)) {
    const from = maxDate(span.from, range.from);
    const to = span.to === null ? range.to : minDate(span.to, range.to);
    if (to < from) continue;
    const p = span.prescription;
    const perSession = p.frequency.times * p.minutesPerSession;
    const source = history.versions[span.versionIndex]?.source ?? null;
    const push = (
      a: IsoDate,
      b: IsoDate,
      rule: RequiredSegment["rule"],
      days: number,
      unit: number,
      minutes: number,
    ) => {
      exact += minutes;
      if (withSegments) {
        segments.push({
          versionIndex: span.versionIndex,
          source,
          from: a,
          to: b,
          rule,
          times: p.frequency.times,
          minutesPerSession: p.minutesPerSession,
          schoolDays: days,
          unitSchoolDays: unit,
          minutes: round2(minutes),
        });
      }
    };
    if (p.frequency.per === "day") {
      const days = calendar.countSchoolDays(from, to);
      push(from, to, "per-day", days, 1, days * perSession);
    } else if (p.frequency.per === "week") {
      for (const w of splitWeeks({ from, to })) {
        const days = calendar.countSchoolDays(w.from, w.to);
        if (days === 0) continue;
        push(w.from, w.to, "per-week", days, weekdaysPerWeek, (perSession * days) / weekdaysPerWeek);
      }
    } else {
      for (const m of splitMonths({ from, to })) {
        const days = calendar.countSchoolDays(m.from, m.to);
        if (days === 0) continue;
        const monthDays = calendar.countSchoolDays(monthStart(m.from), monthEnd(m.from));
        push(m.from, m.to, "per-month", days, monthDays, (perSession * days) / monthDays);
      }
    }
  }
  return { minutes: Math.round(exact), exactMinutes: exact, segments, citation: CITATION_SERVICE_TERMS };
}

export type MinutesWithSessions = { minutes: number; sessionIds: string[] };

export type ServiceMinutesSummary = {
  serviceId: string;
  period: Period;
  /** Last date counted: the period's end, or `through` when earlier. */
  through: IsoDate;
  required: RequiredMinutes;
  delivered: MinutesWithSessions;
  missed: Record<MissedReason, MinutesWithSessions> & { total: number };
  madeUp: MinutesWithSessions;
  /** Delivered + made up. */
  provided: number;
  schoolResponsibleMissed: MinutesWithSessions;
  compensatoryOwed: MinutesWithSessions & { basis: string; owedReasons: OwableReason[] };
  /** Make-up minutes beyond the school-responsible misses of the period (not a credit). */
  makeUpInExcess: number;
  behindSchedule: {
    isBehind: boolean;
    /** provided ÷ required, or null when nothing is required yet. */
    ratio: number | null;
    threshold: number;
  };
  excludedSessions: Array<{ id: string; reason: "outside-service-dates" }>;
  /** Missed during a disciplinary removal: the first 10 removal days of the school year, and after. */
  disciplinaryRemoval: {
    firstTenDays: MinutesWithSessions;
    /** Services must continue from the 11th removal day: always the school's responsibility. */
    afterTenDays: MinutesWithSessions;
    citation: string;
  };
  /** Scheduled minutes no one logged: required − delivered − missed, never below 0. */
  notLogged: { minutes: number };
  /** What the school must explain: its own misses, minutes not logged, disability-related absences. */
  schoolMustExplain: { minutes: number };
  citations: string[];
};

export type ComputeServiceMinutesInput = {
  history: ServiceHistory;
  /** Sessions of this service (others are ignored). */
  sessions: readonly ServiceSession[];
  calendar: SchoolCalendar;
  policy?: CompensatoryPolicy;
  period: Period;
  /** Count nothing after this date (e.g. today for a running total). */
  through?: IsoDate;
  /** Include the required-minutes breakdown (default true). */
  segments?: boolean;
  /**
   * The student's days of disciplinary removal (any service). Default: the dates of this service's
   * `disciplinary-removal` sessions.
   */
  removalDays?: readonly IsoDate[];
};

/**
 * The removal day's place among the student's removal days of the same school year (1 = first).
 * Between school years, or outside the calendar, the calendar year stands in.
 */
export function removalDayNumber(date: IsoDate, removalDays: readonly IsoDate[], calendar: SchoolCalendar): number {
  const year = calendar.data.years.find((y) => y.firstDay <= date && date <= y.lastDay);
  const from = year ? year.firstDay : `${date.slice(0, 4)}-01-01`;
  const to = year ? year.lastDay : `${date.slice(0, 4)}-12-31`;
  const days = new Set<string>();
  for (const d of removalDays) if (d >= from && d <= to && d <= date) days.add(d);
  days.add(date);
  return days.size;
}

/** Required, delivered, missed, made up and owed minutes of one service over one period. */
export function computeServiceMinutes(input: ComputeServiceMinutesInput): ServiceMinutesSummary {
  const { history, calendar, period } = input;
  const policy = input.policy ?? defaultCompensatoryPolicy();
  if (period.from > period.to) {
    throw new DomainError("invalid-input", "A period's start must not be after its end", {
      issues: [{ path: "/period/to", message: "from must not be after to" }],
    });
  }
  const through = input.through !== undefined ? minDate(input.through, period.to) : period.to;
  const required =
    through < period.from
      ? { minutes: 0, exactMinutes: 0, segments: [], citation: CITATION_SERVICE_TERMS }
      : requiredMinutes(history, calendar, { from: period.from, to: through }, { segments: input.segments ?? true });

  const spans = activeSpans(history);
  const inService = (date: IsoDate) => spans.some((s) => s.from <= date && (s.to === null || date <= s.to));

  const empty = (): MinutesWithSessions => ({ minutes: 0, sessionIds: [] });
  const delivered = empty();
  const madeUp = empty();
  const missed = {
    "student-absent": empty(),
    "provider-absent": empty(),
    "school-closed": empty(),
    "student-unavailable": empty(),
    "disciplinary-removal": empty(),
    "disability-related-absence": empty(),
  } satisfies Record<MissedReason, MinutesWithSessions>;
  const excludedSessions: ServiceMinutesSummary["excludedSessions"] = [];
  const firstTenDays = empty();
  const afterTenDays = empty();
  const removalDays =
    input.removalDays ??
    input.sessions
      .filter((s) => s.serviceId === history.serviceId && s.status === "disciplinary-removal")
      .map((s) => s.date);

  for (const s of input.sessions) {
    if (s.serviceId !== history.serviceId) continue;
    if (s.date < period.from || s.date > through) continue;
    if (!inService(s.date)) {
      excludedSessions.push({ id: s.id, reason: "outside-service-dates" });
      continue;
    }
    const bucket = s.status === "delivered" ? delivered : s.status === "make-up" ? madeUp : missed[s.status];
    bucket.minutes += s.minutes;
    bucket.sessionIds.push(s.id);
    if (s.status === "disciplinary-removal") {
      const part =
        removalDayNumber(s.date, removalDays, calendar) > REMOVAL_DAYS_WITHOUT_SERVICES ? afterTenDays : firstTenDays;
      part.minutes += s.minutes;
      part.sessionIds.push(s.id);
    }
  }

  const owedReasons = [...policy.owedReasons];
  const schoolResponsibleMissed = empty();
  for (const reason of OWABLE_REASONS) {
    if (!owedReasons.includes(reason)) continue;
    schoolResponsibleMissed.minutes += missed[reason].minutes;
    schoolResponsibleMissed.sessionIds.push(...missed[reason].sessionIds);
  }
  // Past 10 removal days, services must continue: the school's responsibility, whatever the policy.
  schoolResponsibleMissed.minutes += afterTenDays.minutes;
  schoolResponsibleMissed.sessionIds.push(...afterTenDays.sessionIds);
  const owed = Math.max(0, schoolResponsibleMissed.minutes - madeUp.minutes);
  const provided = delivered.minutes + madeUp.minutes;
  const ratio = required.exactMinutes > 0 ? provided / required.exactMinutes : null;
  // Behind schedule is a call to catch up: only for a service still in effect (see above).
  const stillInEffect = inService(through);
  const amended = history.versions.length > 1;
  const missedTotal = MISSED_REASONS.reduce((sum, r) => sum + missed[r].minutes, 0);
  const notLogged = Math.max(0, required.minutes - delivered.minutes - missedTotal);
  const disabilityRelated = owedReasons.includes("disability-related-absence")
    ? 0
    : missed["disability-related-absence"].minutes;
  const citations = amended ? [CITATION_SERVICE_TERMS, CITATION_AMENDMENT] : [CITATION_SERVICE_TERMS];
  if (afterTenDays.minutes > 0) citations.push(CITATION_DISCIPLINE_SERVICES);

  return {
    serviceId: history.serviceId,
    period: { from: period.from, to: period.to },
    through,
    required,
    delivered,
    missed: { ...missed, total: missedTotal },
    madeUp,
    provided,
    schoolResponsibleMissed,
    compensatoryOwed: {
      minutes: owed,
      sessionIds: [...schoolResponsibleMissed.sessionIds, ...madeUp.sessionIds],
      basis: COMPENSATORY_BASIS,
      owedReasons,
    },
    makeUpInExcess: Math.max(0, madeUp.minutes - schoolResponsibleMissed.minutes),
    behindSchedule: {
      isBehind: stillInEffect && ratio !== null && ratio < policy.behindScheduleThreshold,
      ratio: ratio === null ? null : round2(ratio),
      threshold: policy.behindScheduleThreshold,
    },
    excludedSessions,
    disciplinaryRemoval: { firstTenDays, afterTenDays, citation: CITATION_DISCIPLINE_SERVICES },
    notLogged: { minutes: notLogged },
    schoolMustExplain: { minutes: schoolResponsibleMissed.minutes + notLogged + disabilityRelated },
    citations,
  };
}

/** How families see compensatory minutes: never a bare "owed", which would read as a legal finding. */
export const FAMILY_MAKE_UP_WORDING = "make-up minutes under the district's policy";
/** The same words in Spanish, as the family's Spanish pages say them. */
export const FAMILY_MAKE_UP_WORDING_ES = "minutos de reposición según la política del distrito";

/**
 * Plain sentences for a family about one service's minutes. Compensatory education is decided case
 * by case (by the team, a hearing officer or the state), so the figure is "make-up minutes under the
 * district's policy", not minutes "owed".
 */
export function describeServiceMinutesForFamily(
  s: {
    required: { minutes: number };
    provided: number;
    compensatoryOwed: { minutes: number };
    notLogged: { minutes: number };
    disciplinaryRemoval: { afterTenDays: { minutes: number } };
    missed: { "disability-related-absence": { minutes: number } };
  },
  locale = "en",
): string[] {
  if (locale.toLowerCase().startsWith("es")) return describeServiceMinutesForFamilyEs(s);
  const lines = [`${s.provided} of the ${s.required.minutes} minutes the plan requires so far were given.`];
  if (s.compensatoryOwed.minutes > 0) {
    lines.push(
      `${s.compensatoryOwed.minutes} ${FAMILY_MAKE_UP_WORDING}: sessions the school missed for its own reasons and has not made up yet. Whether your child should get more (compensatory education) is decided case by case.`,
    );
  }
  if (s.notLogged.minutes > 0) {
    lines.push(
      `${s.notLogged.minutes} minutes of scheduled sessions were not logged by anyone. You can ask the school to explain them.`,
    );
  }
  if (s.disciplinaryRemoval.afterTenDays.minutes > 0) {
    lines.push(
      `${s.disciplinaryRemoval.afterTenDays.minutes} minutes were missed while your child was removed from school for discipline after the first 10 school days of removal this year; services must continue then (${CITATION_DISCIPLINE_SERVICES}).`,
    );
  }
  if (s.missed["disability-related-absence"].minutes > 0) {
    lines.push(
      `${s.missed["disability-related-absence"].minutes} minutes were missed during absences related to your child's disability. You can ask the IEP team to consider them.`,
    );
  }
  return lines;
}

function describeServiceMinutesForFamilyEs(s: Parameters<typeof describeServiceMinutesForFamily>[0]): string[] {
  const lines = [`Hasta ahora se dieron ${s.provided} de los ${s.required.minutes} minutos que pide el plan.`];
  if (s.compensatoryOwed.minutes > 0) {
    lines.push(
      `${s.compensatoryOwed.minutes} ${FAMILY_MAKE_UP_WORDING_ES}: sesiones que la escuela no dio por sus propias razones y que todavía no ha repuesto. Si su hijo debe recibir más (educación compensatoria) se decide caso por caso.`,
    );
  }
  if (s.notLogged.minutes > 0) {
    lines.push(
      `Nadie anotó ${s.notLogged.minutes} minutos de sesiones programadas. Puede pedir a la escuela que los explique.`,
    );
  }
  if (s.disciplinaryRemoval.afterTenDays.minutes > 0) {
    lines.push(
      `Se perdieron ${s.disciplinaryRemoval.afterTenDays.minutes} minutos mientras su hijo estaba retirado de la escuela por disciplina, después de los primeros 10 días escolares de retiro de este año; en ese tiempo los servicios deben seguir (${CITATION_DISCIPLINE_SERVICES}).`,
    );
  }
  if (s.missed["disability-related-absence"].minutes > 0) {
    lines.push(
      `Se perdieron ${s.missed["disability-related-absence"].minutes} minutos durante faltas relacionadas con la discapacidad de su hijo. Puede pedir al equipo del IEP que los tome en cuenta.`,
    );
  }
  return lines;
}

/** Group sessions by service id once (for many services at a time). */
export function groupSessionsByService(sessions: readonly ServiceSession[]): Map<string, ServiceSession[]> {
  const map = new Map<string, ServiceSession[]>();
  for (const s of sessions) {
    const list = map.get(s.serviceId);
    if (list) list.push(s);
    else map.set(s.serviceId, [s]);
  }
  return map;
}

/** Split a range into Monday–Sunday weeks, clipped to the range. */
export function splitWeeks(range: Period): Period[] {
  const out: Period[] = [];
  let d = toDayNumber(range.from);
  const end = toDayNumber(range.to);
  while (d <= end) {
    const dow = (((d + 4) % 7) + 7) % 7; // 0 = Sunday
    const sunday = d + ((7 - dow) % 7);
    const to = Math.min(sunday, end);
    out.push({ from: fromDayNumber(d), to: fromDayNumber(to) });
    d = to + 1;
  }
  return out;
}

/** Split a range into calendar months, clipped to the range. */
export function splitMonths(range: Period): Period[] {
  const out: Period[] = [];
  let from = range.from;
  while (from <= range.to) {
    const to = minDate(monthEnd(from), range.to);
    out.push({ from, to });
    from = addDays(to, 1);
  }
  return out;
}

/** A plan year: from the plan's start through the day before its anniversary. */
export function planYearPeriod(planStart: IsoDate): Period {
  return { from: planStart, to: addDays(addYears(planStart, 1), -1) };
}

function monthStart(date: IsoDate): IsoDate {
  return `${date.slice(0, 8)}01`;
}

function monthEnd(date: IsoDate): IsoDate {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  return fromDayNumber(Date.UTC(y, m, 0) / 86_400_000);
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
