/**
 * Demo service sessions and progress data for every student with an IEP in effect: a plan year of
 * sessions up to yesterday (mostly delivered, with provider and student absences, a school
 * activity, and make-ups for some of the school's misses), and a score every two weeks for each
 * quantified goal. Deterministic: the same pattern every time. Runs after the demo plans.
 */
import { addDays, dayOfWeek, defaultSchoolCalendar, type ServiceSessionEntry, type SessionStatus } from "@lantern/core";
import type { Kysely } from "kysely";
import type { Database } from "../src/db/schema.ts";
import { createEnforcementPlanSource } from "../src/repositories/enforcement-plan-source.ts";
import type { DemoSeedStep } from "./demo.ts";

/** Weekdays a service meets, by how many times a week (Monday = 1). */
const MEETING_DAYS: Record<number, number[]> = { 1: [2], 2: [1, 3], 3: [1, 3, 5], 4: [1, 2, 3, 4], 5: [1, 2, 3, 4, 5] };

function statusFor(n: number): SessionStatus {
  if (n % 11 === 5) return "provider-absent";
  if (n % 13 === 7) return "student-absent";
  if (n % 17 === 3) return "student-unavailable";
  return "delivered";
}

export const demoEnforcementStep: DemoSeedStep = {
  name: "enforcement: service sessions and progress data",
  async run(db: Kysely<Database>, ids, today) {
    const calendar = defaultSchoolCalendar(2020, 2032);
    const plans = createEnforcementPlanSource(db);
    const studentIds = [...ids.students.values()];
    const data = await plans.forStudents(studentIds);
    const slp = ids.people["slp@maplevalley.example"];
    const cm = ids.people["casemanager@maplevalley.example"];
    const places = await db
      .selectFrom("students")
      .select(["id", "district_id", "school_id"])
      .where("id", "in", studentIds)
      .execute();
    const placeOf = new Map(places.map((p) => [p.id, p]));
    const sessionRows: Array<ServiceSessionEntry & { providerId: string; slot: number }> = [];
    const pointRows: Array<{ studentId: string; goalId: string; date: string; value: number }> = [];
    const yesterday = addDays(today, -1);

    for (const [studentId, plan] of data) {
      if (!plan.current) continue;
      const from = plan.current.effectiveFrom ?? addDays(today, -365);
      const version = [...plan.planVersions].reverse().find((v) => v.effectiveFrom <= today);
      for (const service of version?.services ?? []) {
        const providerId = service.area === "speech-language-pathology" ? slp : cm;
        const start = from > service.startDate ? from : service.startDate;
        let n = 0;
        let owedMakeUps = 0;
        for (const date of calendar.schoolDaysBetween(start, yesterday)) {
          const dow = dayOfWeek(date);
          const meets =
            service.frequency.per === "day" ||
            (service.frequency.per === "week" &&
              (MEETING_DAYS[Math.min(service.frequency.times, 5)] ?? [1]).includes(dow)) ||
            (service.frequency.per === "month" && dow === 2 && Number(date.slice(8)) <= service.frequency.times * 7);
          if (!meets) continue;
          n++;
          const status = statusFor(n);
          sessionRows.push({
            studentId,
            serviceId: service.id,
            date,
            minutes: service.minutesPerSession,
            delivery: service.delivery === "group" ? "group" : "individual",
            status,
            providerId,
            slot: 1,
          });
          if (status === "provider-absent" && n % 2 === 0) owedMakeUps++;
          // Every other provider absence is made up on the next Thursday it can be.
          if (owedMakeUps > 0 && dow === 4 && status === "delivered") {
            owedMakeUps--;
            sessionRows.push({
              studentId,
              serviceId: service.id,
              date,
              minutes: service.minutesPerSession,
              delivery: "individual",
              status: "make-up",
              note: "Make-up session",
              providerId,
              slot: 2,
            });
          }
        }
      }
      for (const goal of plan.goals) {
        const first = goal.baselineDate > from ? goal.baselineDate : from;
        let k = 0;
        for (let date = addDays(first, 14); date <= yesterday && date <= goal.targetDate; date = addDays(date, 14)) {
          k++;
          const share =
            (Date.parse(date) - Date.parse(goal.baselineDate)) /
            (Date.parse(goal.targetDate) - Date.parse(goal.baselineDate));
          const wobble = ((k * 7) % 5) - 2;
          const value =
            goal.baseline +
            (goal.target - goal.baseline) * share * 0.85 +
            (wobble * Math.abs(goal.target - goal.baseline)) / 50;
          pointRows.push({ studentId, goalId: goal.goalId, date, value: Math.round(value * 10) / 10 });
        }
      }
    }

    for (let i = 0; i < sessionRows.length; i += 1000) {
      await db
        .insertInto("service_sessions")
        .values(
          sessionRows.slice(i, i + 1000).map((s) => {
            const place = placeOf.get(s.studentId);
            return {
              district_id: place?.district_id ?? ids.districtId,
              school_id: place?.school_id ?? ids.schools.northside,
              student_id: s.studentId,
              service_id: s.serviceId,
              session_date: s.date,
              slot: s.slot,
              minutes: s.minutes,
              delivery: s.delivery,
              status: s.status,
              note: s.note ?? null,
              provider_id: s.providerId,
            };
          }),
        )
        .execute();
    }
    if (pointRows.length > 0) {
      await db
        .insertInto("progress_data_points")
        .values(
          pointRows.map((p) => {
            const place = placeOf.get(p.studentId);
            return {
              district_id: place?.district_id ?? ids.districtId,
              school_id: place?.school_id ?? ids.schools.northside,
              student_id: p.studentId,
              goal_id: p.goalId,
              point_date: p.date,
              value: p.value,
              recorded_by: cm,
            };
          }),
        )
        .execute();
    }
  },
};
