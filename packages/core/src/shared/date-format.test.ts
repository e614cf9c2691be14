import { describe, expect, it } from "vitest";
import { defaultSchoolCalendar } from "../calendar/school-calendar.ts";
import { checkPlan, describePlanCheckForGuardian } from "../compliance/check-plan.ts";
import { type Deadline, describeDeadlineForGuardian, transitionPlanDeadline } from "../compliance/deadlines.ts";
import { progressStatement } from "../enforcement/progress.ts";
import { formatLetterDate } from "../letters/letter.ts";
import { sampleIep } from "../plans/plan-samples.ts";
import {
  dateLocaleOf,
  formatDateTime,
  formatLongDate,
  formatMonth,
  formatShortDate,
  formatTime,
  formatWeekday,
  monthName,
} from "./date-format.ts";

/** Day-month-year ("12 March 2027"): how US families should never see a date. */
const DAY_MONTH_YEAR =
  /\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b/;

describe("dates for people", () => {
  it("writes English dates the US way, whatever English was asked for", () => {
    expect(formatLongDate("2027-03-12")).toBe("March 12, 2027");
    expect(formatLongDate("2027-03-12", "en")).toBe("March 12, 2027");
    expect(formatLongDate("2027-03-12", "en-GB")).toBe("March 12, 2027");
    expect(formatShortDate("2027-03-12", "en")).toBe("Mar 12, 2027");
    expect(formatWeekday("2027-03-12", "en")).toBe("Friday");
  });

  it("writes Spanish dates with the same functions", () => {
    expect(formatLongDate("2027-03-12", "es")).toBe("12 de marzo de 2027");
    expect(formatShortDate("2027-03-12", "es")).toBe("12 mar 2027");
    expect(formatWeekday("2027-03-12", "es")).toBe("viernes");
    expect(dateLocaleOf("es-MX")).toBe("es");
    expect(dateLocaleOf("fr")).toBe("en");
  });

  it("writes a month and a month's name in each language", () => {
    expect(formatMonth("2026-10")).toBe("October 2026");
    expect(formatMonth("2026-09", "es")).toBe("septiembre de 2026");
    expect(formatMonth("2026-13", "es")).toBe("2026-13");
    expect(monthName(12, "es")).toBe("diciembre");
    expect(monthName(1)).toBe("January");
    expect(monthName(0, "es")).toBe("0");
  });

  it("shows a calendar date as written, with no time-zone shift", () => {
    expect(formatLongDate("2027-01-01")).toBe("January 1, 2027");
    expect(formatLongDate("2026-12-31")).toBe("December 31, 2026");
    expect(formatLongDate("not a date")).toBe("not a date");
  });

  it("shows a moment in the time zone it is given", () => {
    const moment = "2027-03-12T22:30:00Z";
    expect(formatDateTime(moment, "en", "America/Los_Angeles")).toBe("Mar 12, 2027, 2:30 PM");
    expect(formatDateTime(moment, "en", "America/New_York")).toBe("Mar 12, 2027, 5:30 PM");
    expect(formatTime(moment, "en", "America/Chicago")).toBe("4:30 PM");
    expect(formatDateTime(moment, "es", "America/Los_Angeles")).toBe("12 mar 2027, 2:30 p.m.");
  });
});

describe("core's sentences use the same dates", () => {
  const deadline: Deadline = {
    kind: "annual-review",
    code: "deadline.annual-review",
    citation: "34 CFR 300.324(b)(1)(i)",
    label: "Hold the annual IEP review meeting",
    dueDate: "2027-03-12",
    state: "due",
    startDate: "2026-03-13",
    metOn: null,
    daysLeft: 30,
    late: false,
    basis: "federal",
    notes: [],
  };

  it("tells a family when a deadline is due, month first", () => {
    expect(describeDeadlineForGuardian(deadline)).toBe("The annual review of the IEP is due by March 12, 2027.");
    expect(describeDeadlineForGuardian({ ...deadline, state: "met", metOn: "2027-03-01" })).toContain("March 1, 2027");
    expect(describeDeadlineForGuardian(deadline, "es")).toContain("12 de marzo de 2027");
  });

  it("writes no day-month-year date in a plan check, a deadline note, a progress statement or a letter", () => {
    const ctx = { today: "2026-11-23", calendar: defaultSchoolCalendar(2024, 2030) };
    const lines = describePlanCheckForGuardian(checkPlan(sampleIep(), ctx));
    expect(lines.length).toBeGreaterThan(0);
    const transition = transitionPlanDeadline(
      { birthDate: "2011-03-12", planStart: "2026-09-01", planEnd: "2027-08-31" },
      ctx,
    );
    if (!transition) throw new Error("expected a transition deadline");
    const statement = progressStatement(
      {
        goalId: "g",
        label: "Reading",
        unit: "words",
        direction: "increase",
        baseline: 20,
        baselineDate: "2026-09-07",
        target: 60,
        targetDate: "2027-06-14",
      },
      { status: "no-data", latest: null, trendLine: null, targetReached: false },
    );
    for (const text of [...lines, ...transition.notes, statement, formatLetterDate("2027-03-12")]) {
      expect(text).not.toMatch(DAY_MONTH_YEAR);
    }
    expect(transition.notes.join(" ")).toContain("March 12, 2027");
    expect(statement).toContain("June 14, 2027");
  });
});
