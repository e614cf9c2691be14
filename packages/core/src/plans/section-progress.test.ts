import { describe, expect, it } from "vitest";
import { CALIFORNIA_RULES } from "../states/california.ts";
import { sampleIep } from "./plan-samples.ts";
import { IEP_SECTIONS } from "./plan-sections.ts";
import {
  FEDERAL_PROGRESS_RULES,
  iepLastDay,
  planProgress,
  progressRulesOf,
  sectionNotApplicable,
  sectionProgress,
} from "./section-progress.ts";

type Doc = Record<string, unknown>;
const rules = FEDERAL_PROGRESS_RULES;
const blankIep = (over: Doc = {}): Doc => ({ type: "iep", student: {}, dates: {}, ...over });

describe("sections that do not apply", () => {
  it("a transition plan does not apply to a 7-year-old: the IEP ends before the state's transition age", () => {
    const doc = blankIep({
      student: { dateOfBirth: "2019-03-02" },
      dates: { planStart: "2026-09-01", planEnd: "2027-08-31" },
      transition: null,
    });
    expect(sectionNotApplicable(doc, "transition", progressRulesOf(CALIFORNIA_RULES))).toEqual({
      reason: "before-transition-age",
      age: 16,
      turnsOn: "2035-03-02",
      citation: "Cal. Ed. Code 56345; 34 CFR 300.320(b)",
    });
  });

  it("applies to the IEP in effect when the student turns 16, also when the birthday falls inside the plan year", () => {
    const doc = blankIep({
      student: { dateOfBirth: "2011-05-01" },
      dates: { planStart: "2026-09-01", planEnd: "2027-08-31" },
      transition: null,
    });
    expect(sectionNotApplicable(doc, "transition", rules)).toBeNull();
  });

  it("a draft without dates yet is taken to run a year from today", () => {
    const doc = blankIep({ student: { dateOfBirth: "2019-03-02" }, transition: null });
    expect(sectionNotApplicable(doc, "transition", rules)).toBeNull();
    expect(sectionNotApplicable(doc, "transition", rules, "2026-12-04")?.reason).toBe("before-transition-age");
    const at15 = blankIep({ student: { dateOfBirth: "2011-06-01" }, transition: null });
    expect(sectionNotApplicable(at15, "transition", rules, "2026-12-04")).toBeNull();
  });

  it("is shown when it cannot be told (no birth date) or when the team already wrote one", () => {
    expect(sectionNotApplicable(blankIep({ dates: { planStart: "2026-09-01" } }), "transition", rules)).toBeNull();
    const early = blankIep({
      student: { dateOfBirth: "2013-01-01" },
      dates: { planStart: "2026-09-01" },
      transition: { postsecondaryGoals: [] },
    });
    expect(sectionNotApplicable(early, "transition", rules)).toBeNull();
  });

  it("the transfer of rights applies from the IEP in effect a year before the age of majority (300.320(c))", () => {
    const at16 = blankIep({ student: { dateOfBirth: "2010-10-01" }, dates: { planStart: "2026-09-01" } });
    expect(sectionNotApplicable(at16, "transferOfRights", rules)?.reason).toBe("before-age-of-majority-year");
    const at17 = blankIep({ student: { dateOfBirth: "2009-10-01" }, dates: { planStart: "2026-09-01" } });
    expect(sectionNotApplicable(at17, "transferOfRights", rules)).toBeNull();
  });

  it("the plan's last day is its end date, else the annual review, else a year after it starts", () => {
    expect(iepLastDay({ dates: { planStart: "2026-09-01" } })).toBe("2027-08-31");
    expect(iepLastDay({ dates: { planStart: "2024-02-29" } })).toBe("2025-02-27");
    expect(iepLastDay({ dates: { planStart: "2026-09-01", nextAnnualReview: "2027-06-01" } })).toBe("2027-06-01");
    expect(iepLastDay({ dates: {} })).toBeNull();
  });
});

describe("when a section is complete", () => {
  it("a goal section is complete only when every goal is measurable (300.320(a)(2)(i))", () => {
    const goal = {
      baseline: { value: 42, description: "" },
      target: { value: 90, description: "" },
      criterion: "on 3 of 4 probes",
      measurementMethod: "CBM probes",
      byDate: "2027-06-01",
    };
    expect(sectionProgress(blankIep({ goals: [] }), "goals", rules).state).toBe("incomplete");
    expect(sectionProgress(blankIep({ goals: [goal] }), "goals", rules)).toMatchObject({
      state: "complete",
      citation: "34 CFR 300.320(a)(2)",
    });
    expect(sectionProgress(blankIep({ goals: [goal, { ...goal, criterion: "" }] }), "goals", rules).state).toBe(
      "incomplete",
    );
  });

  it("with an alternate assessment, each goal needs short-term objectives (300.320(a)(2)(ii))", () => {
    const goal = {
      baseline: { value: 1 },
      target: { value: 5 },
      criterion: "4 of 5",
      measurementMethod: "data sheet",
      byDate: "2027-06-01",
    };
    const doc = blankIep({ goals: [goal], assessments: [{ participation: "alternate" }] });
    expect(sectionProgress(doc, "goals", rules).state).toBe("incomplete");
  });

  it("key dates are complete with a start and an end or annual review date", () => {
    expect(sectionProgress(blankIep({ dates: { planStart: "2026-09-01" } }), "dates", rules).state).toBe("incomplete");
    expect(
      sectionProgress(blankIep({ dates: { planStart: "2026-09-01", planEnd: "2027-08-31" } }), "dates", rules).state,
    ).toBe("complete");
  });

  it("a section with no completeness rule is not counted", () => {
    expect(sectionProgress(blankIep(), "signatures", rules).state).toBe("not-counted");
  });

  it("counts complete sections over those that apply; a blank draft has none complete", () => {
    const keys = IEP_SECTIONS.map((s) => s.key);
    const blank = planProgress(blankIep(), keys, rules);
    expect(blank.complete).toBe(0);
    expect(blank.total).toBeGreaterThan(10);
    const young = planProgress(
      blankIep({ student: { dateOfBirth: "2019-03-02" }, dates: { planStart: "2026-09-01" }, transition: null }),
      keys,
      rules,
    );
    expect(young.sections.find((s) => s.key === "transition")?.state).toBe("not-applicable");
    expect(young.total).toBe(blank.total - 2);
    expect(young.complete).toBe(0);
  });

  it("the full sample IEP has most sections complete", () => {
    const full = planProgress(
      sampleIep() as unknown as Doc,
      IEP_SECTIONS.map((s) => s.key),
      rules,
    );
    expect(full.complete).toBeGreaterThan(full.total / 2);
  });
});
