import { describe, expect, it } from "vitest";
import { ZNewGoalPattern } from "./goal-bank-api.ts";
import { BUILT_IN_GOAL_PATTERNS, GOAL_AREAS, GOAL_BLANK } from "./goal-patterns.ts";
import { composeGoalSentence, type GoalParts, goalWordingWarnings } from "./goal-sentence.ts";

const parts: GoalParts = {
  skill: "read a passage at grade level aloud at ___ words correct per minute",
  unit: "words correct per minute",
  direction: "increase",
  baseline: 42,
  target: 90,
  criterion: "on 3 of 4 weekly probes",
  measurementMethod: "curriculum-based measurement reading probes",
  byDate: "2027-06-04",
};

describe("the goal as the family reads it", () => {
  it("says by when, what and how much, how well, how it is measured, and where the student is now", () => {
    expect(composeGoalSentence(parts, { studentName: "Ana" })).toBe(
      "By June 4, 2027, Ana will read a passage at grade level aloud at 90 words correct per minute, on 3 of 4 weekly probes, as measured by curriculum-based measurement reading probes. Now: 42 words correct per minute.",
    );
  });

  it("shows a blank for each part not given yet", () => {
    const s = composeGoalSentence(
      { ...parts, target: null, byDate: null, criterion: "", baseline: null },
      { studentName: "" },
    );
    expect(s).toBe(
      `By ${GOAL_BLANK}, The student will read a passage at grade level aloud at ${GOAL_BLANK} words correct per minute, ${GOAL_BLANK}, as measured by curriculum-based measurement reading probes. Now: ${GOAL_BLANK} words correct per minute.`,
    );
  });
});

describe("warnings on wording that cannot be measured (300.320(a)(2)(i))", () => {
  it("flags a verb no one can count, a vague phrase and a criterion with no amount", () => {
    expect(
      goalWordingWarnings({
        skill: "will improve reading as needed",
        criterion: "with good accuracy",
        measurementMethod: "",
      }),
    ).toEqual([
      { part: "skill", phrase: "improve", kind: "unmeasurable" },
      { part: "skill", phrase: "as needed", kind: "vague" },
      { part: "criterion", phrase: null, kind: "no-amount" },
    ]);
  });

  it("finds nothing in a measurable goal", () => {
    expect(goalWordingWarnings(parts)).toEqual([]);
  });
});

describe("the bank of goal patterns", () => {
  it("has patterns in every area, each measurable as written, with a blank for the target", () => {
    for (const area of GOAL_AREAS)
      expect(
        BUILT_IN_GOAL_PATTERNS.some((p) => p.area === area),
        area,
      ).toBe(true);
    for (const p of BUILT_IN_GOAL_PATTERNS) {
      expect(goalWordingWarnings(p), p.id).toEqual([]);
      expect(ZNewGoalPattern.safeParse(p).success, p.id).toBe(true);
    }
    expect(new Set(BUILT_IN_GOAL_PATTERNS.map((p) => p.id)).size).toBe(BUILT_IN_GOAL_PATTERNS.length);
  });

  it("refuses a district pattern without a blank or with a criterion that has no amount", () => {
    const base = {
      area: "math",
      title: "x",
      skill: "add ___ facts",
      unit: "facts",
      criterion: "4 of 5",
      measurementMethod: "probes",
    };
    expect(ZNewGoalPattern.safeParse(base).success).toBe(true);
    expect(ZNewGoalPattern.safeParse({ ...base, skill: "add facts" }).success).toBe(false);
    expect(ZNewGoalPattern.safeParse({ ...base, criterion: "most of the time" }).success).toBe(false);
  });
});
