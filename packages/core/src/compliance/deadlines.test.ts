import { describe, expect, it } from "vitest";
import { defaultSchoolCalendar, SchoolCalendar } from "../calendar/school-calendar.ts";
import { addDays } from "../shared/dates.ts";
import {
  addCaliforniaDays,
  annualReviewDeadline,
  assessmentPlanDeadline,
  californiaExcludedRanges,
  computeDeadlines,
  type DeadlineContext,
  deadlineState,
  describeDeadlineForGuardian,
  endOfYearRule,
  iepAfterEligibilityDeadline,
  initialEvaluationDeadline,
  parentConsentPeriodDeadline,
  progressReportDeadline,
  reevaluationDeadline,
  safeguardsEventDeadline,
  safeguardsNoticeDeadline,
  section504ReevaluationDeadline,
  tooFrequentReevaluations,
  transferOfRightsDeadline,
  transitionPlanDeadline,
  ZDeadline,
} from "./deadlines.ts";

// Default calendar, 2026-27: first day Wed 26 Aug 2026, last day Fri 11 Jun 2027,
// winter break Mon 21 Dec 2026 – Sun 3 Jan 2027 (last school day Fri 18 Dec), spring break 5–9 Apr 2027.
// 2027-28 starts Wed 25 Aug 2027.
const calendar = defaultSchoolCalendar();
const ctx = (today: string, extra: Partial<DeadlineContext> = {}): DeadlineContext => ({ today, calendar, ...extra });

describe("deadlineState", () => {
  it("is due, due soon, overdue or met", () => {
    expect(deadlineState("2027-03-01", "2027-01-01", null)).toBe("due");
    expect(deadlineState("2027-03-01", "2027-01-30", null)).toBe("due-soon");
    expect(deadlineState("2027-03-01", "2027-01-29", null)).toBe("due");
    expect(deadlineState("2027-03-01", "2027-03-01", null)).toBe("due-soon");
    expect(deadlineState("2027-03-01", "2027-03-02", null)).toBe("overdue");
    expect(deadlineState("2027-03-01", "2027-03-02", "2027-02-01")).toBe("met");
  });

  it("honours a configured due-soon window", () => {
    expect(deadlineState("2027-03-01", "2027-02-10", null, 14)).toBe("due");
    expect(deadlineState("2027-03-01", "2027-02-15", null, 14)).toBe("due-soon");
    const d = annualReviewDeadline(
      { lastReviewOn: "2026-03-01" },
      ctx("2027-02-10", { settings: { dueSoonDays: 14 } }),
    );
    expect(d.state).toBe("due");
  });
});

describe("initial evaluation, federal (34 CFR 300.301(c)(1))", () => {
  const consent = "2026-09-01";
  it("is due 60 calendar days after consent", () => {
    const d = initialEvaluationDeadline({ consentOn: consent }, ctx("2026-09-02"));
    expect(d.dueDate).toBe("2026-10-31");
    expect(d.citation).toBe("34 CFR 300.301(c)(1)");
    expect(d.code).toBe("deadline.initial-evaluation");
    expect(d.basis).toBe("federal");
    expect(ZDeadline.parse(d)).toEqual(d);
  });

  it("day 59 and day 60 are not late; day 61 is overdue", () => {
    expect(initialEvaluationDeadline({ consentOn: consent }, ctx(addDays(consent, 59))).state).toBe("due-soon");
    const day60 = initialEvaluationDeadline({ consentOn: consent }, ctx(addDays(consent, 60)));
    expect(day60.state).toBe("due-soon");
    expect(day60.daysLeft).toBe(0);
    const day61 = initialEvaluationDeadline({ consentOn: consent }, ctx(addDays(consent, 61)));
    expect(day61.state).toBe("overdue");
    expect(day61.late).toBe(true);
    expect(day61.daysLeft).toBe(-1);
  });

  it("eligibility on day 60 is met on time; on day 61 it is met late", () => {
    const onTime = initialEvaluationDeadline(
      { consentOn: consent, eligibilityDeterminedOn: addDays(consent, 60) },
      ctx("2026-12-01"),
    );
    expect(onTime.state).toBe("met");
    expect(onTime.late).toBe(false);
    const late = initialEvaluationDeadline(
      { consentOn: consent, eligibilityDeterminedOn: addDays(consent, 61) },
      ctx("2026-12-01"),
    );
    expect(late.state).toBe("met");
    expect(late.late).toBe(true);
  });

  it("does not skip the winter break", () => {
    expect(initialEvaluationDeadline({ consentOn: "2026-11-20" }, ctx("2026-11-21")).dueDate).toBe("2027-01-19");
  });

  it("counts 29 February in a leap year", () => {
    expect(initialEvaluationDeadline({ consentOn: "2028-01-15" }, ctx("2028-01-16")).dueDate).toBe("2028-03-15");
    expect(initialEvaluationDeadline({ consentOn: "2027-01-15" }, ctx("2027-01-16")).dueDate).toBe("2027-03-16");
  });

  it("allows no written extension of the federal 60 days except for SLD, a transfer or a child not produced (34 CFR 300.301(d)-(e), 300.309(c))", () => {
    const byAgreement = initialEvaluationDeadline({ consentOn: consent, extendedTo: "2026-11-15" }, ctx("2026-11-05"));
    expect(byAgreement.dueDate).not.toBe("2026-11-15");
    expect(byAgreement.notes.join(" ")).toContain("federal rules allow no extension");
    for (const extensionBasis of ["specific-learning-disability", "transfer", "child-not-produced"] as const) {
      const d = initialEvaluationDeadline(
        { consentOn: consent, extendedTo: "2026-11-15", extensionBasis },
        ctx("2026-11-05"),
      );
      expect(d.dueDate).toBe("2026-11-15");
      expect(d.notes.join(" ")).toContain("Extended in writing");
    }
  });

  it("allows the parent's written extension in California (Cal. Ed. Code 56302.1, 56344(a))", () => {
    const d = initialEvaluationDeadline(
      { consentOn: consent, extendedTo: "2027-06-01", extensionBasis: "parent-written-agreement" },
      { today: "2026-11-05", calendar, state: "CA" },
    );
    expect(d.dueDate).toBe("2027-06-01");
  });
});

describe("initial evaluation, California (Ed. Code 56302.1, 56344(a))", () => {
  const ca = (today: string) => ctx(today, { state: "CA" });

  it("finds the winter break and the summer as non-counted stretches", () => {
    const ranges = californiaExcludedRanges(calendar);
    expect(ranges).toContainEqual({ start: "2026-12-19", end: "2027-01-03" });
    expect(ranges).toContainEqual({ start: "2027-06-12", end: "2027-08-24" });
    // Spring break has exactly 5 weekdays: it counts.
    expect(ranges.some((r) => r.start <= "2027-04-07" && "2027-04-07" <= r.end)).toBe(false);
  });

  it("does not count a winter break of more than 5 school days; the clock resumes when school reconvenes", () => {
    const d = initialEvaluationDeadline({ consentOn: "2026-11-20" }, ca("2026-11-21"));
    // 28 days (21 Nov – 18 Dec), break skipped (19 Dec – 3 Jan), 32 more days from Mon 4 Jan.
    expect(d.dueDate).toBe("2027-02-04");
    expect(d.basis).toBe("state");
    expect(d.citation).toContain("56344(a)");
    expect(d.notes.join(" ")).toContain("December 19, 2026 to January 3, 2027 is not counted");
  });

  it("day 59/60/61 around a break", () => {
    const consent = "2026-11-20";
    expect(addCaliforniaDays(calendar, consent, 59).dueDate).toBe("2027-02-03");
    expect(addCaliforniaDays(calendar, consent, 60).dueDate).toBe("2027-02-04");
    expect(addCaliforniaDays(calendar, consent, 61).dueDate).toBe("2027-02-05");
    expect(initialEvaluationDeadline({ consentOn: consent }, ca("2027-02-04")).state).toBe("due-soon");
    expect(initialEvaluationDeadline({ consentOn: consent }, ca("2027-02-05")).state).toBe("overdue");
  });

  it("counts a break of exactly 5 school days (spring break)", () => {
    expect(initialEvaluationDeadline({ consentOn: "2027-03-15" }, ca("2027-03-16")).dueDate).toBe("2027-05-14");
  });

  it("skips a 6-weekday break but not a 5-weekday one (custom calendar)", () => {
    const cal = (breakEnd: string) =>
      new SchoolCalendar({
        years: [
          {
            label: "2030-31",
            firstDay: "2030-08-26",
            lastDay: "2031-06-13",
            breaks: [{ name: "Fall break", start: "2030-10-14", end: breakEnd }],
          },
        ],
      });
    // Mon 14 Oct – Fri 18 Oct: 5 weekdays, counted.
    expect(addCaliforniaDays(cal("2030-10-18"), "2030-10-01", 60).dueDate).toBe("2030-11-30");
    // Mon 14 Oct – Mon 21 Oct: 6 weekdays; the run Sat 12 – Mon 21 (10 days) is not counted.
    expect(addCaliforniaDays(cal("2030-10-21"), "2030-10-01", 60).dueDate).toBe("2030-12-10");
  });

  it("consent during a break starts the clock when school reconvenes", () => {
    // Consent on 23 Dec: counting starts Mon 4 Jan 2027 (day 1) → day 60 = 4 Mar 2027.
    expect(initialEvaluationDeadline({ consentOn: "2026-12-23" }, ca("2026-12-23")).dueDate).toBe("2027-03-04");
  });

  it("skips the summer between school years", () => {
    // 31 days (12 May – 11 Jun), summer skipped, 29 more from Wed 25 Aug 2027.
    expect(initialEvaluationDeadline({ consentOn: "2027-05-11" }, ca("2027-05-11")).dueDate).toBe("2027-09-22");
  });

  it("end-of-year rule: a referral 30 days or less before the last day → 30 days after the next year starts", () => {
    expect(endOfYearRule(calendar, "2027-05-12")).toEqual({
      dueDate: "2027-09-24",
      daysBeforeEnd: 30,
      nextFirstDay: "2027-08-25",
    });
    expect(endOfYearRule(calendar, "2027-05-11")).toBeNull();
    const d = initialEvaluationDeadline({ consentOn: "2027-05-20", referralOn: "2027-05-12" }, ca("2027-05-20"));
    expect(d.dueDate).toBe("2027-09-24");
    expect(d.notes.join(" ")).toContain("30 days after school starts again");
    // Federal rules ignore it.
    expect(
      initialEvaluationDeadline({ consentOn: "2027-05-20", referralOn: "2027-05-12" }, ctx("2027-05-20")).dueDate,
    ).toBe("2027-07-19");
  });

  it("is met by the IEP meeting", () => {
    const d = initialEvaluationDeadline(
      { consentOn: "2026-11-20", initialIepMeetingOn: "2027-02-01" },
      ca("2027-03-01"),
    );
    expect(d.state).toBe("met");
    expect(d.late).toBe(false);
  });
});

describe("California: the IEP itself within 60 days of consent (Cal. Ed. Code 56344(a))", () => {
  const ca = (today: string): DeadlineContext => ({ today, calendar, state: "CA" });

  it("is not met by the eligibility decision alone", () => {
    const d = initialEvaluationDeadline(
      { consentOn: "2026-09-01", eligibilityDeterminedOn: "2026-10-15" },
      ca("2026-11-15"),
    );
    expect(d.state).not.toBe("met");
    expect(d.notes.join(" ")).toContain("the IEP itself is due within the same 60 days");
    // Federally, the eligibility decision meets it (34 CFR 300.301(c)(1)).
    const federal = initialEvaluationDeadline(
      { consentOn: "2026-09-01", eligibilityDeterminedOn: "2026-10-15" },
      ctx("2026-11-15"),
    );
    expect(federal.state).toBe("met");
  });

  it("makes the IEP after eligibility due by the earlier of eligibility + 30 days and the 60-day date", () => {
    const facts = computeDeadlines(
      {
        planKind: "iep",
        isInitial: true,
        consentToEvaluateOn: "2026-09-01",
        eligibilityDeterminedOn: "2026-10-25",
      },
      ca("2026-10-26"),
    );
    const sixty = facts.find((d) => d.kind === "initial-evaluation");
    const after = facts.find((d) => d.kind === "iep-after-eligibility");
    expect(sixty?.dueDate).toBe("2026-10-31");
    expect(after?.dueDate).toBe("2026-10-31");
    expect(after?.citation).toContain("56344(a)");
    // Federally: eligibility + 30 days.
    const fed = computeDeadlines(
      { planKind: "iep", isInitial: true, consentToEvaluateOn: "2026-09-01", eligibilityDeterminedOn: "2026-10-25" },
      ctx("2026-10-26"),
    );
    expect(fed.find((d) => d.kind === "iep-after-eligibility")?.dueDate).toBe("2026-11-24");
  });
});

describe("California: the assessment plan within 15 days of referral, and the parent's 15 days (Cal. Ed. Code 56321(a), 56043(a)-(b))", () => {
  const ca = (today: string): DeadlineContext => ({ today, calendar, state: "CA" });

  it("is due 15 days after the referral, met when the plan is sent", () => {
    const d = assessmentPlanDeadline({ referralOn: "2026-09-10" }, ca("2026-09-20"));
    expect(d?.dueDate).toBe("2026-09-25");
    expect(d?.code).toBe("deadline.assessment-plan");
    expect(d?.citation).toBe("Cal. Ed. Code 56321(a); 56043(a)");
    expect(assessmentPlanDeadline({ referralOn: "2026-09-10", sentOn: "2026-09-20" }, ca("2026-09-30"))?.state).toBe(
      "met",
    );
  });

  it("does not count a break of more than 5 school days", () => {
    // Referral Thu 17 Dec: 1 day (18 Dec), the winter break skipped, 14 more from Mon 4 Jan.
    expect(assessmentPlanDeadline({ referralOn: "2026-12-17" }, ca("2026-12-17"))?.dueDate).toBe("2027-01-17");
  });

  it("moves a referral 10 days or less before the end of the year to 10 days into the next year", () => {
    const d = assessmentPlanDeadline({ referralOn: "2027-06-05" }, ca("2027-06-05"));
    expect(d?.dueDate).toBe("2027-09-04");
    expect(d?.notes.join(" ")).toContain("within 10 days after school starts again");
  });

  it("has no such clock under federal rules", () => {
    expect(assessmentPlanDeadline({ referralOn: "2026-09-10" }, ctx("2026-09-20"))).toBeNull();
  });

  it("gives the parent at least 15 days to decide, and never raises a finding", () => {
    const d = parentConsentPeriodDeadline({ planSentOn: "2026-09-20" }, ca("2026-10-10"));
    expect(d?.dueDate).toBe("2026-10-05");
    expect(describeDeadlineForGuardian(d as NonNullable<typeof d>)).toContain("to decide whether to consent");
  });
});

describe("safeguards notice on the events of 34 CFR 300.504(a)(1)-(4)", () => {
  it("is due on the day of a disciplinary change of placement and met by a notice that day", () => {
    const events = [{ event: "disciplinary-change-of-placement" as const, date: "2026-11-02" }];
    const late = safeguardsEventDeadline({ events, noticesOn: ["2026-09-01"] }, ctx("2026-11-10"));
    expect(late?.state).toBe("overdue");
    expect(late?.citation).toBe("34 CFR 300.504(a)(1)-(4)");
    expect(safeguardsEventDeadline({ events, noticesOn: ["2026-11-02"] }, ctx("2026-11-10"))?.state).toBe("met");
  });

  it("counts only the first due process complaint of a school year", () => {
    const events = [
      { event: "due-process-complaint" as const, date: "2026-10-01" },
      { event: "due-process-complaint" as const, date: "2026-12-01" },
    ];
    const d = safeguardsEventDeadline({ events, noticesOn: ["2026-10-01"] }, ctx("2026-12-05"));
    expect(d?.state).toBe("met");
  });
});

describe("IEP meeting after eligibility (300.323(c)(1))", () => {
  it("is due 30 days after the determination", () => {
    const d = iepAfterEligibilityDeadline({ eligibilityDeterminedOn: "2027-01-31" }, ctx("2027-03-02"));
    expect(d.dueDate).toBe("2027-03-02");
    expect(d.state).toBe("due-soon");
    expect(iepAfterEligibilityDeadline({ eligibilityDeterminedOn: "2027-01-31" }, ctx("2027-03-03")).state).toBe(
      "overdue",
    );
    expect(
      iepAfterEligibilityDeadline(
        { eligibilityDeterminedOn: "2027-01-31", initialIepMeetingOn: "2027-02-20" },
        ctx("2027-03-03"),
      ).state,
    ).toBe("met");
  });
});

describe("annual review (300.324(b)(1))", () => {
  it("is due one year after the last review", () => {
    const d = annualReviewDeadline({ lastReviewOn: "2026-03-12" }, ctx("2026-10-01"));
    expect(d.dueDate).toBe("2027-03-12");
    expect(d.state).toBe("due");
    expect(annualReviewDeadline({ lastReviewOn: "2026-03-12" }, ctx("2027-03-13")).state).toBe("overdue");
  });

  it("a review on 29 February is due on 28 February the next year", () => {
    expect(annualReviewDeadline({ lastReviewOn: "2028-02-29" }, ctx("2028-03-01")).dueDate).toBe("2029-02-28");
    expect(annualReviewDeadline({ lastReviewOn: "2028-02-29" }, ctx("2029-03-01")).state).toBe("overdue");
  });
});

describe("reevaluation (300.303)", () => {
  it("is due 3 years after the last evaluation", () => {
    const d = reevaluationDeadline({ lastEvaluationOn: "2024-02-29" }, ctx("2026-12-01"));
    expect(d?.dueDate).toBe("2027-02-28");
    expect(d?.state).toBe("due");
  });

  it("a waiver covers that reevaluation only: the 3-year clock restarts from the agreement (34 CFR 300.303(b)(2))", () => {
    const d = reevaluationDeadline({ lastEvaluationOn: "2024-02-29", waiversOn: ["2027-01-10"] }, ctx("2027-03-01"));
    expect(d?.dueDate).toBe("2030-01-10");
    expect(d?.notes.join(" ")).toContain("covers that reevaluation only");
    // The older boolean (no date) counts as an agreement on the day the reevaluation was due.
    const legacy = reevaluationDeadline({ lastEvaluationOn: "2024-02-29", waivedByAgreement: true }, ctx("2027-03-01"));
    expect(legacy?.dueDate).toBe("2030-02-28");
  });

  it("flags reevaluations less than a year apart without agreement", () => {
    expect(tooFrequentReevaluations([{ date: "2026-01-10" }, { date: "2026-09-01" }])).toEqual([
      { earlier: "2026-01-10", later: "2026-09-01" },
    ]);
    expect(tooFrequentReevaluations([{ date: "2026-01-10" }, { date: "2026-09-01", agreed: true }])).toEqual([]);
    expect(tooFrequentReevaluations([{ date: "2026-01-10" }, { date: "2027-01-10" }])).toEqual([]);
    expect(tooFrequentReevaluations([{ date: "2027-01-09" }, { date: "2026-01-10" }])).toEqual([
      { earlier: "2026-01-10", later: "2027-01-09" },
    ]);
  });
});

describe("transition plan (300.320(b)) and transfer of rights (300.320(c))", () => {
  it("the IEP in effect on the 16th birthday must contain the transition plan", () => {
    const d = transitionPlanDeadline(
      { birthDate: "2011-01-15", planStart: "2026-10-01", planEnd: "2027-09-30" },
      ctx("2026-11-01"),
    );
    expect(d?.dueDate).toBe("2026-10-01");
    expect(d?.state).toBe("overdue");
    expect(d?.code).toBe("iep.transition.missing");
  });

  it("is required also when the 16th birthday fell before this plan began (34 CFR 300.320(b))", () => {
    const d = transitionPlanDeadline(
      { birthDate: "2009-03-01", planStart: "2026-09-01", planEnd: "2027-08-31" },
      ctx("2026-10-01"),
    );
    expect(d?.dueDate).toBe("2026-09-01");
    expect(d?.state).toBe("overdue");
    expect(d?.notes.join(" ")).toContain("before this plan began");
  });

  it("a birthday after the plan ends makes the next IEP due with it", () => {
    const d = transitionPlanDeadline(
      { birthDate: "2011-12-01", planStart: "2026-10-01", planEnd: "2027-09-30" },
      ctx("2026-11-01"),
    );
    expect(d?.dueDate).toBe("2027-09-30");
    expect(d?.state).toBe("due");
    expect(
      transitionPlanDeadline(
        { birthDate: "2014-12-01", planStart: "2026-10-01", planEnd: "2027-09-30" },
        ctx("2026-11-01"),
      ),
    ).toBeNull();
  });

  it("is met when the plan has one", () => {
    const d = transitionPlanDeadline(
      { birthDate: "2011-01-15", planStart: "2026-10-01", planEnd: "2027-09-30", presentSince: "2026-10-01" },
      ctx("2026-11-01"),
    );
    expect(d?.state).toBe("met");
  });

  it("transfer of rights is due on the 17th birthday (majority 18), Feb 29 → Feb 28", () => {
    const d = transferOfRightsDeadline({ birthDate: "2012-02-29", planEnd: "2029-01-31" }, ctx("2028-12-01"));
    expect(d?.dueDate).toBe("2029-02-28");
    expect(d?.state).toBe("due");
    const majority19 = transferOfRightsDeadline(
      { birthDate: "2010-05-01", planEnd: "2027-06-01" },
      ctx("2026-12-01", { settings: { ageOfMajority: 19 } }),
    );
    expect(majority19?.dueDate).toBe("2028-05-01");
    expect(transferOfRightsDeadline({ birthDate: "2014-05-01", planEnd: "2027-06-01" }, ctx("2026-12-01"))).toBeNull();
  });
});

describe("progress reports (300.320(a)(3)(ii))", () => {
  it("is due one interval after the last report", () => {
    const d = progressReportDeadline(
      { planStart: "2026-09-01", interval: { every: 9, unit: "week" }, reportsOn: [] },
      ctx("2026-11-04"),
    );
    expect(d?.dueDate).toBe("2026-11-03");
    expect(d?.state).toBe("overdue");
    const after = progressReportDeadline(
      { planStart: "2026-09-01", interval: { every: 3, unit: "month" }, reportsOn: ["2026-11-30", "2025-05-01"] },
      ctx("2026-12-01"),
    );
    expect(after?.dueDate).toBe("2027-02-28");
    expect(after?.startDate).toBe("2026-11-30");
  });

  it("uses the plan's listed report dates", () => {
    const d = progressReportDeadline(
      {
        planStart: "2026-09-01",
        scheduledDates: ["2027-01-29", "2026-11-06", "2027-04-09"],
        reportsOn: ["2026-11-05"],
      },
      ctx("2026-12-01"),
    );
    expect(d?.dueDate).toBe("2027-01-29");
  });

  it("has no clock past the plan's end", () => {
    expect(
      progressReportDeadline(
        { planStart: "2026-09-01", planEnd: "2026-10-01", interval: { every: 3, unit: "month" }, reportsOn: [] },
        ctx("2026-09-02"),
      ),
    ).toBeNull();
  });
});

describe("Section 504 periodic reevaluation (104.35(d))", () => {
  it("defaults to 3 years and follows the district setting", () => {
    expect(section504ReevaluationDeadline({ lastEvaluationOn: "2024-10-01" }, ctx("2027-10-02")).state).toBe("overdue");
    const two = section504ReevaluationDeadline(
      { lastEvaluationOn: "2024-10-01" },
      ctx("2026-09-01", { settings: { section504ReevaluationYears: 2 } }),
    );
    expect(two.dueDate).toBe("2026-10-01");
    expect(two.state).toBe("due-soon");
    expect(two.code).toBe("section504.reevaluation");
  });
});

describe("procedural safeguards notice (300.504(a))", () => {
  it("is met by a notice in the current school year", () => {
    const d = safeguardsNoticeDeadline({ noticesOn: ["2026-09-10"] }, ctx("2027-01-10"));
    expect(d?.state).toBe("met");
    expect(d?.metOn).toBe("2026-09-10");
  });

  it("is overdue a year after the last notice", () => {
    const d = safeguardsNoticeDeadline({ noticesOn: ["2025-09-10"] }, ctx("2026-09-11"));
    expect(d?.dueDate).toBe("2026-09-10");
    expect(d?.state).toBe("overdue");
  });

  it("with no notice on record is due on the first day of the school year", () => {
    const d = safeguardsNoticeDeadline({ noticesOn: [] }, ctx("2026-10-01"));
    expect(d?.dueDate).toBe("2026-08-26");
    expect(d?.state).toBe("overdue");
  });
});

describe("computeDeadlines", () => {
  it("lists an initial IEP's clocks, soonest first", () => {
    const list = computeDeadlines(
      {
        planKind: "iep",
        isInitial: true,
        birthDate: "2016-04-02",
        consentToEvaluateOn: "2026-09-01",
        eligibilityDeterminedOn: "2026-10-20",
        initialIepMeetingOn: "2026-11-10",
        planStart: "2026-11-16",
        planEnd: "2027-11-09",
        progressInterval: { every: 9, unit: "week" },
        safeguardsNoticesOn: ["2026-09-01"],
      },
      ctx("2026-12-01"),
    );
    expect(list.map((d) => d.kind)).toEqual([
      "initial-evaluation",
      "iep-after-eligibility",
      "progress-report",
      "safeguards-notice",
      "annual-review",
      "reevaluation",
    ]);
    expect(list.find((d) => d.kind === "annual-review")?.dueDate).toBe("2027-11-10");
    expect(list.find((d) => d.kind === "reevaluation")?.dueDate).toBe("2029-10-20");
    for (const d of list) expect(ZDeadline.parse(d)).toEqual(d);
  });

  it("a 504 plan has the periodic reevaluation clock", () => {
    const list = computeDeadlines(
      { planKind: "section504", evaluations: [{ date: "2025-01-10" }, { date: "2023-01-10" }] },
      ctx("2026-12-01"),
    );
    expect(list).toHaveLength(1);
    expect(list[0]?.dueDate).toBe("2028-01-10");
  });
});

describe("describeDeadlineForGuardian", () => {
  it("writes one plain sentence", () => {
    const d = annualReviewDeadline({ lastReviewOn: "2026-03-12" }, ctx("2026-10-01"));
    expect(describeDeadlineForGuardian(d)).toBe("The annual review of the IEP is due by March 12, 2027.");
    const late = annualReviewDeadline({ lastReviewOn: "2026-03-12" }, ctx("2027-04-01"));
    expect(describeDeadlineForGuardian(late)).toContain("was due by March 12, 2027 and is late");
  });
});
