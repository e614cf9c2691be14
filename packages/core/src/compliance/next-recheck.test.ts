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

  it("is a removal for discipline, a report sent or an evaluation recorded that has not passed yet (34 CFR 300.504(a)(3); 104.35(a))", () => {
    const iep = sampleIep();
    const base = {
      ...iep,
      meeting: { ...iep.meeting, date: "2026-01-10" },
      dates: { ...iep.dates, planStart: "2026-01-11", initialConsentToServices: null },
    };
    const removal = {
      id: "rem-1",
      startDate: "2026-12-03",
      schoolDays: 12,
      kind: "suspension" as const,
      changeOfPlacement: true,
      decisionOn: "2026-12-02",
      manifestationDeterminationOn: null,
      evaluatedBeforeOn: null,
      notes: "",
    };
    expect(nextRecheck({ ...base, disciplineRemovals: [removal] }, "2026-11-23", calendar)).toBe("2026-12-02");
    const reported = {
      ...base,
      progressReporting: { ...base.progressReporting, reportsSent: [{ date: "2026-11-25", method: "Mail" }] },
    };
    expect(nextRecheck(reported, "2026-11-23", calendar)).toBe("2026-11-25");
    const evaluated = {
      ...base,
      evaluationHistory: [{ date: "2026-11-27", kind: "reevaluation" as const, agreedWithinAYear: false }],
    };
    expect(nextRecheck(evaluated, "2026-11-23", calendar)).toBe("2026-11-27");
    const plan = sample504();
    const plan504 = { ...plan, meeting: { ...plan.meeting, date: null }, dates: { ...plan.dates, planStart: null } };
    expect(nextRecheck({ ...plan504, disciplineRemovals: [removal] }, "2026-11-23", calendar)).toBe("2026-12-02");
  });
});
