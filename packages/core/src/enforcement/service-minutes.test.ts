import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SchoolCalendar } from "../calendar/school-calendar.ts";
import { type ServicePrescriptionInput, ZServicePrescription } from "../services/service-prescription.ts";
import { addDays } from "../shared/dates.ts";
import { summarizeServices } from "./service-log.ts";
import {
  activeSpans,
  computeServiceMinutes,
  describeServiceMinutesForFamily,
  planYearPeriod,
  requiredMinutes,
  type ServiceHistory,
  type ServiceSessionInput,
  serviceHistoryOf,
  splitMonths,
  splitWeeks,
  ZCompensatoryPolicy,
  ZServiceHistory,
  ZServiceSession,
} from "./service-minutes.ts";

// 2026-27: school starts Monday 31 August. Labor Day Monday 7 September; Thanksgiving break
// Wednesday 25 – Friday 27 November; winter break 21 December – 1 January.
const calendar = new SchoolCalendar({
  years: [
    {
      label: "2026-27",
      firstDay: "2026-08-31",
      lastDay: "2027-06-11",
      holidays: [{ date: "2026-09-07", name: "Labor Day" }],
      breaks: [
        { name: "Thanksgiving break", start: "2026-11-25", end: "2026-11-27" },
        { name: "Winter break", start: "2026-12-21", end: "2027-01-01" },
      ],
    },
  ],
});

function service(overrides: Partial<ServicePrescriptionInput> = {}) {
  return ZServicePrescription.parse({
    id: "svc-speech",
    kind: "related-service",
    area: "speech-language-pathology",
    startDate: "2026-08-31",
    frequency: { times: 2, per: "week" },
    minutesPerSession: 30,
    location: "Speech room",
    providerRole: "Speech-language pathologist",
    ...overrides,
  });
}

let seq = 0;
function session(overrides: Partial<ServiceSessionInput>) {
  seq++;
  return ZServiceSession.parse({
    id: `s${seq}`,
    serviceId: "svc-speech",
    date: "2026-09-14",
    minutes: 30,
    delivery: "individual",
    status: "delivered",
    ...overrides,
  });
}

describe("required minutes", () => {
  it("prorates a service that starts mid-week by the school days it covers", () => {
    const history = serviceHistoryOf(service({ startDate: "2026-09-02" })); // a Wednesday
    const r = requiredMinutes(history, calendar, { from: "2026-08-31", to: "2026-09-06" });
    // 2 × 30 = 60 a week; Wednesday–Friday are 3 of 5 school days → 36.
    expect(r.minutes).toBe(36);
    expect(r.segments).toEqual([
      expect.objectContaining({ from: "2026-09-02", to: "2026-09-06", schoolDays: 3, unitSchoolDays: 5, minutes: 36 }),
    ]);
    expect(r.citation).toBe("34 CFR 300.320(a)(7)");
  });

  it("prorates a holiday week and requires nothing in a week of break", () => {
    const history = serviceHistoryOf(service());
    expect(requiredMinutes(history, calendar, { from: "2026-09-07", to: "2026-09-13" }).minutes).toBe(48); // Labor Day
    expect(requiredMinutes(history, calendar, { from: "2026-11-23", to: "2026-11-29" }).minutes).toBe(24); // 2 days
    const winter = requiredMinutes(history, calendar, { from: "2026-12-21", to: "2026-12-27" });
    expect(winter.minutes).toBe(0);
    expect(winter.segments).toEqual([]);
  });

  it("adds weeks of a month, clipped to the month", () => {
    const history = serviceHistoryOf(service());
    const r = requiredMinutes(history, calendar, { from: "2026-09-01", to: "2026-09-30" });
    // 21 school days in September (Labor Day off) × 12 minutes a day.
    expect(r.minutes).toBe(252);
    expect(r.segments.map((s) => [s.from, s.schoolDays, s.minutes])).toEqual([
      ["2026-09-01", 4, 48],
      ["2026-09-07", 4, 48],
      ["2026-09-14", 5, 60],
      ["2026-09-21", 5, 60],
      ["2026-09-28", 3, 36],
    ]);
  });

  it("counts school days for a daily service", () => {
    const history = serviceHistoryOf(service({ frequency: { times: 1, per: "day" }, minutesPerSession: 20 }));
    const r = requiredMinutes(history, calendar, { from: "2026-09-01", to: "2026-09-30" });
    expect(r.minutes).toBe(21 * 20);
    expect(r.segments[0]).toMatchObject({ rule: "per-day", schoolDays: 21 });
  });

  it("prorates a monthly service by the school days of the month", () => {
    const history = serviceHistoryOf(
      service({ startDate: "2026-09-16", frequency: { times: 4, per: "month" }, minutesPerSession: 30 }),
    );
    const sept = requiredMinutes(history, calendar, { from: "2026-09-01", to: "2026-09-30" });
    // 11 of September's 21 school days from the 16th: 120 × 11 / 21 = 62.86 → 63.
    expect(sept.segments[0]).toMatchObject({ schoolDays: 11, unitSchoolDays: 21, minutes: 62.86 });
    expect(sept.minutes).toBe(63);
    // December has a winter break, but a full month still requires the full monthly amount.
    expect(requiredMinutes(history, calendar, { from: "2026-12-01", to: "2026-12-31" }).minutes).toBe(120);
    // A month without school days requires nothing.
    expect(requiredMinutes(history, calendar, { from: "2027-07-01", to: "2027-07-31" }).minutes).toBe(0);
  });

  it("applies an amendment from its effective date, not retroactively", () => {
    const history = ZServiceHistory.parse({
      serviceId: "svc-speech",
      versions: [
        { effectiveFrom: "2026-08-31", source: "IEP", prescription: service() },
        {
          effectiveFrom: "2026-10-14", // a Wednesday
          source: "Amendment",
          prescription: service({ frequency: { times: 3, per: "week" } }),
        },
      ],
    });
    // September is untouched by the later amendment.
    expect(requiredMinutes(history, calendar, { from: "2026-09-01", to: "2026-09-30" }).minutes).toBe(252);
    const week = requiredMinutes(history, calendar, { from: "2026-10-12", to: "2026-10-18" });
    // Monday–Tuesday at 60/week (2 × 12), Wednesday–Friday at 90/week (3 × 18).
    expect(week.minutes).toBe(24 + 54);
    expect(week.segments.map((s) => [s.source, s.from, s.to, s.minutes])).toEqual([
      ["IEP", "2026-10-12", "2026-10-13", 24],
      ["Amendment", "2026-10-14", "2026-10-18", 54],
    ]);
    const summary = computeServiceMinutes({
      history,
      sessions: [],
      calendar,
      period: { from: "2026-10-01", to: "2026-10-31" },
    });
    // Oct 1–2: 24; Oct 5–9: 60; Oct 12–13: 24; Oct 14–16: 54; Oct 19–23, 26–30: 90 each.
    expect(summary.required.minutes).toBe(24 + 60 + 24 + 54 + 90 + 90);
    expect(summary.citations).toContain("34 CFR 300.324(a)(4)");
  });

  it("stops requiring minutes when a service leaves the plan or reaches its end date", () => {
    const history = ZServiceHistory.parse({
      serviceId: "svc-speech",
      versions: [
        { effectiveFrom: "2026-08-31", prescription: service() },
        { effectiveFrom: "2026-09-14", prescription: null },
      ],
    });
    expect(activeSpans(history)).toHaveLength(1);
    expect(requiredMinutes(history, calendar, { from: "2026-09-01", to: "2026-09-30" }).minutes).toBe(96);
    const ended = serviceHistoryOf(service({ endDate: "2026-09-04" }));
    expect(requiredMinutes(ended, calendar, { from: "2026-09-01", to: "2026-09-30" }).minutes).toBe(48);
  });

  it("is additive: the weeks or months of a range add up to the range", () => {
    const histories = [
      serviceHistoryOf(service({ startDate: "2026-09-09" })),
      serviceHistoryOf(service({ frequency: { times: 3, per: "month" }, minutesPerSession: 45 })),
      serviceHistoryOf(service({ frequency: { times: 1, per: "day" }, minutesPerSession: 15 })),
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 280 }),
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 0, max: 2 }),
        (start, length, which) => {
          const from = addDays("2026-08-24", start);
          const range = { from, to: addDays(from, length) };
          const h = histories[which] as ServiceHistory;
          const whole = requiredMinutes(h, calendar, range).exactMinutes;
          const weeks = splitWeeks(range).reduce((s, w) => s + requiredMinutes(h, calendar, w).exactMinutes, 0);
          const months = splitMonths(range).reduce((s, m) => s + requiredMinutes(h, calendar, m).exactMinutes, 0);
          expect(weeks).toBeCloseTo(whole, 6);
          expect(months).toBeCloseTo(whole, 6);
        },
      ),
    );
  });
});

describe("delivered, missed and compensatory minutes", () => {
  const september = { from: "2026-09-01", to: "2026-09-30" };

  it("never owes minutes for a student's absence", () => {
    const absent = session({ status: "student-absent", date: "2026-09-15" });
    const everyReason = ZCompensatoryPolicy.parse({
      owedReasons: ["provider-absent", "student-unavailable", "school-closed"],
    });
    const r = computeServiceMinutes({
      history: serviceHistoryOf(service()),
      sessions: [absent],
      calendar,
      policy: everyReason,
      period: september,
    });
    expect(r.missed["student-absent"]).toEqual({ minutes: 30, sessionIds: [absent.id] });
    expect(r.compensatoryOwed.minutes).toBe(0);
    expect(r.schoolResponsibleMissed.minutes).toBe(0);
    // The policy cannot even express a student's absence as owed.
    expect(ZCompensatoryPolicy.safeParse({ owedReasons: ["student-absent"] }).success).toBe(false);
  });

  it("owes provider absences and school-caused unavailability by default, closures only by choice", () => {
    const sessions = [
      session({ date: "2026-09-14" }),
      session({ date: "2026-09-15", status: "provider-absent" }),
      session({ date: "2026-09-16", status: "student-unavailable", minutes: 25 }),
      session({ date: "2026-09-17", status: "school-closed" }),
      session({ date: "2026-09-18", status: "student-absent" }),
    ];
    const base = { history: serviceHistoryOf(service()), sessions, calendar, period: september };
    const byDefault = computeServiceMinutes(base);
    expect(byDefault.delivered).toEqual({ minutes: 30, sessionIds: [sessions[0]?.id] });
    expect(byDefault.missed.total).toBe(115);
    expect(byDefault.schoolResponsibleMissed.minutes).toBe(55);
    expect(byDefault.compensatoryOwed).toMatchObject({
      minutes: 55,
      sessionIds: [sessions[1]?.id, sessions[2]?.id],
      owedReasons: ["provider-absent", "student-unavailable"],
      basis: "district compensatory-services policy",
    });
    const withClosures = computeServiceMinutes({
      ...base,
      policy: ZCompensatoryPolicy.parse({ owedReasons: ["provider-absent", "student-unavailable", "school-closed"] }),
    });
    expect(withClosures.compensatoryOwed.minutes).toBe(85);
    expect(withClosures.compensatoryOwed.sessionIds).toContain(sessions[3]?.id);
  });

  it("subtracts make-ups, never going below zero when make-ups exceed misses", () => {
    const miss = session({ date: "2026-09-15", status: "provider-absent" });
    const makeUp = session({ date: "2026-09-22", status: "make-up", minutes: 20 });
    const partly = computeServiceMinutes({
      history: serviceHistoryOf(service()),
      sessions: [miss, makeUp],
      calendar,
      period: september,
    });
    expect(partly.compensatoryOwed.minutes).toBe(10);
    expect(partly.compensatoryOwed.sessionIds).toEqual([miss.id, makeUp.id]);
    expect(partly.makeUpInExcess).toBe(0);

    const bigMakeUp = session({ date: "2026-09-23", status: "make-up", minutes: 60 });
    const over = computeServiceMinutes({
      history: serviceHistoryOf(service()),
      sessions: [miss, makeUp, bigMakeUp],
      calendar,
      period: september,
    });
    expect(over.madeUp).toEqual({ minutes: 80, sessionIds: [makeUp.id, bigMakeUp.id] });
    expect(over.compensatoryOwed.minutes).toBe(0);
    expect(over.makeUpInExcess).toBe(50);
    expect(over.provided).toBe(80);
  });

  it("flags a service behind schedule against a configurable threshold", () => {
    // Week of 14 September requires 60 minutes.
    const week = { from: "2026-09-14", to: "2026-09-20" };
    const sessions = [session({ date: "2026-09-14", minutes: 30 }), session({ date: "2026-09-16", minutes: 25 })];
    const strict = computeServiceMinutes({
      history: serviceHistoryOf(service()),
      sessions,
      calendar,
      period: week,
    });
    expect(strict.required.minutes).toBe(60);
    expect(strict.behindSchedule).toEqual({ isBehind: false, ratio: 0.92, threshold: 0.9 });
    const stricter = computeServiceMinutes({
      history: serviceHistoryOf(service()),
      sessions,
      calendar,
      period: week,
      policy: ZCompensatoryPolicy.parse({ behindScheduleThreshold: 0.95 }),
    });
    expect(stricter.behindSchedule.isBehind).toBe(true);
  });

  it("counts only through the given date, and requires only to that date", () => {
    const sessions = [session({ date: "2026-09-14" }), session({ date: "2026-09-21" })];
    const r = computeServiceMinutes({
      history: serviceHistoryOf(service()),
      sessions,
      calendar,
      period: september,
      through: "2026-09-18",
    });
    expect(r.through).toBe("2026-09-18");
    expect(r.required.minutes).toBe(48 + 48 + 60);
    expect(r.delivered.sessionIds).toEqual([sessions[0]?.id]);
    expect(r.behindSchedule.isBehind).toBe(true);
  });

  it("is not behind schedule after the service has ended; the shortfall stays in the figures", () => {
    const ended = computeServiceMinutes({
      history: serviceHistoryOf(service({ endDate: "2026-09-18" })),
      sessions: [],
      calendar,
      period: september,
      through: "2026-09-30",
    });
    expect(ended.required.minutes).toBe(48 + 48 + 60);
    expect(ended.behindSchedule.isBehind).toBe(false);
    expect(ended.notLogged.minutes).toBe(156);
    const running = computeServiceMinutes({
      history: serviceHistoryOf(service({ endDate: "2026-09-18" })),
      sessions: [],
      calendar,
      period: september,
      through: "2026-09-18",
    });
    expect(running.behindSchedule.isBehind).toBe(true);
  });

  it("is not behind schedule once the plan has ended (exit, consent revoked)", () => {
    const summary = summarizeServices({
      planVersions: [
        { label: "Plan (version 1)", effectiveFrom: "2026-08-31", services: [service()] },
        { label: "Plan ended", effectiveFrom: "2026-09-19", services: [] },
      ],
      sessions: [],
      calendar,
      policy: ZCompensatoryPolicy.parse({}),
      through: "2026-12-04",
    });
    const [s] = summary.services;
    expect(s?.required.minutes).toBe(60 + 48 + 60);
    expect(s?.behindSchedule.isBehind).toBe(false);
  });

  it("excludes and lists sessions outside the service's dates and ignores other services", () => {
    const early = session({ date: "2026-09-01" });
    const other = session({ date: "2026-09-15", serviceId: "svc-ot" });
    const r = computeServiceMinutes({
      history: serviceHistoryOf(service({ startDate: "2026-09-08" })),
      sessions: [early, other],
      calendar,
      period: september,
    });
    expect(r.delivered.minutes).toBe(0);
    expect(r.excludedSessions).toEqual([{ id: early.id, reason: "outside-service-dates" }]);
  });

  it("rejects a history whose versions are out of order", () => {
    const bad = ZServiceHistory.safeParse({
      serviceId: "svc-speech",
      versions: [
        { effectiveFrom: "2026-10-01", prescription: service() },
        { effectiveFrom: "2026-09-01", prescription: service() },
      ],
    });
    expect(bad.success).toBe(false);
  });

  it("computes a plan year from its start date", () => {
    expect(planYearPeriod("2026-09-02")).toEqual({ from: "2026-09-02", to: "2027-09-01" });
  });
});

describe("disciplinary removals, disability-related absences and minutes not logged", () => {
  const history = serviceHistoryOf(service());
  const period = { from: "2026-08-31", to: "2026-12-18" };

  it("requires services from the 11th school day of removal in a school year, whatever the policy (34 CFR 300.530(b)(2), (d))", () => {
    // Twelve removal days in October; sessions missed on the 10th and the 12th removal day.
    const removalDays = [
      "2026-10-01",
      "2026-10-02",
      "2026-10-05",
      "2026-10-06",
      "2026-10-07",
      "2026-10-08",
      "2026-10-09",
      "2026-10-12",
      "2026-10-13",
      "2026-10-14",
      "2026-10-15",
      "2026-10-16",
    ];
    const tenth = session({ date: "2026-10-14", status: "disciplinary-removal" });
    const twelfth = session({ date: "2026-10-16", status: "disciplinary-removal" });
    const s = computeServiceMinutes({
      history,
      sessions: [tenth, twelfth],
      calendar,
      period,
      removalDays,
      policy: ZCompensatoryPolicy.parse({ owedReasons: [] }),
    });
    expect(s.disciplinaryRemoval.firstTenDays.sessionIds).toEqual([tenth.id]);
    expect(s.disciplinaryRemoval.afterTenDays.sessionIds).toEqual([twelfth.id]);
    expect(s.compensatoryOwed.minutes).toBe(30);
    expect(s.citations).toContain("34 CFR 300.530(b)(2), (d)");
  });

  it("counts removal days across the student's services (summarizeServices)", () => {
    // Removal days logged on other services count toward the 10.
    const removals = Array.from({ length: 10 }, (_, i) => ({
      id: `r${i}`,
      serviceId: "svc-other",
      date: addDays("2026-10-05", i < 5 ? i : i + 2),
      minutes: 30,
      delivery: "individual" as const,
      status: "disciplinary-removal" as const,
    }));
    const eleventh = session({ date: "2026-10-19", status: "disciplinary-removal" });
    const summary = summarizeServices({
      planVersions: [
        {
          label: "IEP",
          effectiveFrom: "2026-08-31",
          services: [service(), service({ id: "svc-other", area: "counseling" })],
        },
      ],
      sessions: [...removals, eleventh],
      calendar,
      policy: ZCompensatoryPolicy.parse({}),
      through: "2026-12-18",
    });
    const speech = summary.services.find((x) => x.serviceId === "svc-speech");
    expect(speech?.disciplinaryRemoval.afterTenDays.sessionIds).toEqual([eleventh.id]);
  });

  it("keeps a disability-related absence apart from a plain absence: the school must explain it, and the policy may count it", () => {
    const absence = session({ date: "2026-09-15", status: "disability-related-absence" });
    const byDefault = computeServiceMinutes({
      history,
      sessions: [absence],
      calendar,
      period: { from: "2026-09-14", to: "2026-09-18" },
    });
    expect(byDefault.compensatoryOwed.minutes).toBe(0);
    expect(byDefault.schoolMustExplain.minutes).toBeGreaterThanOrEqual(30);
    const counted = computeServiceMinutes({
      history,
      sessions: [absence],
      calendar,
      period: { from: "2026-09-14", to: "2026-09-18" },
      policy: ZCompensatoryPolicy.parse({ owedReasons: ["disability-related-absence"] }),
    });
    expect(counted.compensatoryOwed.minutes).toBe(30);
  });

  it("shows scheduled sessions nobody logged as not logged, and counts them toward what the school must explain", () => {
    // One week: 2 × 30 required; one delivered, one student absence → nothing left unlogged.
    const week = { from: "2026-09-14", to: "2026-09-18" };
    const full = computeServiceMinutes({
      history,
      sessions: [session({ date: "2026-09-15" }), session({ date: "2026-09-17", status: "student-absent" })],
      calendar,
      period: week,
    });
    expect(full.notLogged.minutes).toBe(0);
    expect(full.schoolMustExplain.minutes).toBe(0);
    const half = computeServiceMinutes({
      history,
      sessions: [session({ date: "2026-09-15" })],
      calendar,
      period: week,
    });
    expect(half.notLogged.minutes).toBe(30);
    expect(half.schoolMustExplain.minutes).toBe(30);
  });

  it("tells families 'make-up minutes under the district's policy', never a bare 'owed'", () => {
    const s = computeServiceMinutes({
      history,
      sessions: [session({ date: "2026-09-15", status: "provider-absent" })],
      calendar,
      period: { from: "2026-09-14", to: "2026-09-18" },
    });
    const lines = describeServiceMinutesForFamily(s);
    expect(lines.join(" ")).toContain("make-up minutes under the district's policy");
    expect(lines.join(" ")).toContain("decided case by case");
    expect(lines.join(" ")).not.toMatch(/\bowed\b/i);
  });
});
