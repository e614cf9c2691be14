import { describe, expect, it } from "vitest";
import { defaultSchoolCalendar } from "../calendar/school-calendar.ts";
import { sample504, sampleIep } from "../plans/plan-samples.ts";
import { NEXT_RECHECK_CITATION, nextRecheck } from "./next-recheck.ts";

const calendar = defaultSchoolCalendar(2024, 2028);

describe(`when results can change with time alone (${NEXT_RECHECK_CITATION})`, () => {
  it("is the soonest of a meeting or start date to come", () => {
    const iep = sampleIep();
    const doc = {
      ...iep,
      meeting: { ...iep.meeting, date: "2026-12-01" },
      dates: { ...iep.dates, planStart: "2026-12-05" },
    };
    expect(nextRecheck(doc, "2026-11-23", calendar)).toBe("2026-12-01");
  });

  it("is the 16th birthday, which brings the transition plan", () => {
    const iep = sampleIep();
    const doc = {
      ...iep,
      student: { ...iep.student, dateOfBirth: "2010-11-30" },
      meeting: { ...iep.meeting, date: "2026-01-10" },
      dates: { ...iep.dates, planStart: "2026-01-11", initialConsentToServices: null },
    };
    expect(nextRecheck(doc, "2026-11-23", calendar)).toBe("2026-11-30");
  });

  it("is a Section 504 plan's end date, else the next school year", () => {
    const plan = sample504();
    const ending = {
      ...plan,
      meeting: { ...plan.meeting, date: null },
      dates: { ...plan.dates, planStart: null, ended: "2026-12-18" },
    };
    expect(nextRecheck(ending, "2026-11-23", calendar)).toBe("2026-12-18");
    const open = { ...ending, dates: { ...ending.dates, ended: null } };
    const next = nextRecheck(open, "2026-11-23", calendar);
    expect(next !== null && calendar.data.years.some((y) => y.firstDay === next || y.lastDay < next)).toBe(true);
  });
});
