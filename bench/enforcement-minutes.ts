/**
 * Benchmark: the service delivery summary for a school of 2,000 students with a year of sessions.
 *
 * Each synthetic student has an IEP with three services — speech 2 × 30 a week, occupational
 * therapy 4 × 30 a month (amended mid-year to 3 × 30), counseling 1 × 30 a day — and a school
 * year of sessions with absences and make-ups. Measured:
 *
 * - `summary`: core's `summarizeServices` for every student (required minutes over the school
 *   calendar, delivered, missed by reason, made up, owed), then the school roll-up;
 * - `reference`: the least any implementation must do — one pass over every session, adding its
 *   minutes to its student's and service's total.
 *
 * Run: `node --import tsx bench/enforcement-minutes.ts [students]`. Prints JSON figures and the
 * ratio summary / reference.
 */
import {
  aggregateFidelity,
  defaultCompensatoryPolicy,
  defaultSchoolCalendar,
  type FidelityRow,
  type ServiceLogPlanVersion,
  type ServicePrescription,
  type ServiceSession,
  type SessionStatus,
  summarizeServices,
} from "@lantern/core";

const YEAR = { from: "2026-08-26", to: "2027-06-11" };

function prescription(
  id: string,
  area: ServicePrescription["area"],
  times: number,
  per: "day" | "week" | "month",
): ServicePrescription {
  return {
    id,
    kind: "related-service",
    area,
    description: "",
    startDate: YEAR.from,
    endDate: YEAR.to,
    frequency: { times, per },
    minutesPerSession: 30,
    delivery: "individual",
    location: "School",
    providerRole: "Provider",
  };
}

const PLAN: ServiceLogPlanVersion[] = [
  {
    label: "IEP",
    effectiveFrom: YEAR.from,
    services: [
      prescription("speech", "speech-language-pathology", 2, "week"),
      prescription("ot", "occupational-therapy", 4, "month"),
      prescription("counseling", "counseling", 1, "day"),
    ],
  },
  {
    label: "Amendment",
    effectiveFrom: "2027-01-19",
    services: [
      prescription("speech", "speech-language-pathology", 2, "week"),
      prescription("ot", "occupational-therapy", 3, "month"),
      prescription("counseling", "counseling", 1, "day"),
    ],
  },
];

function statusFor(n: number): SessionStatus {
  if (n % 11 === 5) return "provider-absent";
  if (n % 13 === 7) return "student-absent";
  if (n % 17 === 3) return "student-unavailable";
  if (n % 23 === 9) return "make-up";
  return "delivered";
}

export function buildSchool(students: number) {
  const calendar = defaultSchoolCalendar(2024, 2028);
  const days = calendar.schoolDaysBetween(YEAR.from, YEAR.to);
  const sessionsByStudent: ServiceSession[][] = [];
  let total = 0;
  for (let s = 0; s < students; s++) {
    const list: ServiceSession[] = [];
    let n = s;
    days.forEach((date, i) => {
      const add = (serviceId: string) => {
        n++;
        list.push({
          id: `${s}-${serviceId}-${i}`,
          serviceId,
          date,
          minutes: 30,
          delivery: "individual",
          status: statusFor(n),
        });
      };
      add("counseling");
      if (i % 5 === 0 || i % 5 === 2) add("speech");
      if (i % 5 === 3) add("ot");
    });
    total += list.length;
    sessionsByStudent.push(list);
  }
  return { calendar, sessionsByStudent, total };
}

export function runEnforcementBench(students = 2000) {
  const { calendar, sessionsByStudent, total } = buildSchool(students);
  const policy = defaultCompensatoryPolicy();

  const summary = () => {
    const rows: FidelityRow[] = [];
    sessionsByStudent.forEach((sessions, i) => {
      const result = summarizeServices({
        planVersions: PLAN,
        sessions,
        calendar,
        policy,
        through: YEAR.to,
        segments: false,
      });
      for (const service of result.services) {
        rows.push({
          studentId: String(i),
          districtId: "d",
          schoolId: "s",
          schoolName: "School",
          providerId: null,
          providerName: null,
          summary: service,
        });
      }
    });
    return aggregateFidelity(rows, "school");
  };

  const reference = () => {
    const totals = new Map<string, number>();
    sessionsByStudent.forEach((sessions, i) => {
      for (const x of sessions) {
        const key = `${i}|${x.serviceId}`;
        totals.set(key, (totals.get(key) ?? 0) + x.minutes);
      }
    });
    return totals.size;
  };

  const time = (f: () => unknown, runs = 5) => {
    f();
    const ms: number[] = [];
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      f();
      ms.push(performance.now() - t0);
    }
    ms.sort((a, b) => a - b);
    return ms[Math.floor(ms.length / 2)] as number;
  };

  const summaryMs = time(summary);
  const referenceMs = time(reference);
  const group = summary()[0];
  return {
    name: "enforcement: school delivery summary",
    students,
    services: students * 3,
    sessions: total,
    summaryMedianMs: Math.round(summaryMs * 10) / 10,
    referenceMedianMs: Math.round(referenceMs * 10) / 10,
    ratio: Math.round((summaryMs / referenceMs) * 10) / 10,
    school: group
      ? {
          requiredMinutes: group.requiredMinutes,
          deliveredMinutes: group.deliveredMinutes,
          compensatoryOwedMinutes: group.compensatoryOwedMinutes,
          fidelity: group.fidelity,
        }
      : null,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const students = Number(process.argv[2] ?? 2000);
  console.log(JSON.stringify(runEnforcementBench(students), null, 2));
}
