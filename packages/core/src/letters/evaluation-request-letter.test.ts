import { describe, expect, it } from "vitest";
import {
  buildEvaluationRequestLetter,
  type EvaluationLetterInputRaw,
  ZEvaluationLetterInput,
} from "./evaluation-request-letter.ts";
import { formatLetterDate, letterToText } from "./letter.ts";

const input: EvaluationLetterInputRaw = {
  facts: {
    ageYears: 8,
    evaluation: "none",
    impairments: [{ name: "Trouble reading", ideaCategory: "specific-learning-disability" }],
  },
  parentName: "Maria Example",
  studentName: "Sam Example",
  schoolName: "Cedar Grove Elementary",
  state: "ca",
  date: "2026-11-23",
  grade: "3",
};

describe("evaluation request letter", () => {
  it("is dated, addressed to the school, and cites the right to request an evaluation", () => {
    const letter = buildEvaluationRequestLetter(ZEvaluationLetterInput.parse(input));
    expect(letter.dateText).toBe("November 23, 2026");
    expect(letter.recipient).toContain("Cedar Grove Elementary");
    const text = letterToText(letter);
    expect(text).toContain("34 CFR 300.301(b)");
    expect(text).toContain("assessment plan");
    expect(text).toContain("procedural safeguards notice");
    expect(text).toContain("34 CFR 300.504(a)(1)");
    expect(text).toContain("Trouble reading (possibly specific learning disability)");
    expect(text).toContain("Sam Example (in grade 3)");
  });

  it("states California's break exclusion and end-of-year rules (Cal. Ed. Code 56321(a), 56344(a))", () => {
    const ca = letterToText(buildEvaluationRequestLetter(ZEvaluationLetterInput.parse(input)));
    expect(ca).toContain("not counting days between school sessions or school vacations of more than five school days");
    expect(ca).toContain("within 10 days of the end of the regular school year");
    expect(ca).toContain("within 10 days after the next school year begins");
    expect(ca).toContain("30 days or less before the end of the regular school year");
    expect(ca).toContain("the IEP itself");
    expect(ca).toContain("deciding eligibility alone does not meet this deadline");
    expect(ca).toContain("Cal. Ed. Code 56302.1; 56344(a)");
  });

  it("says Section 504 has no federal number of days but expects a reasonable time (OCR Resource Guide)", () => {
    const tx = letterToText(buildEvaluationRequestLetter(ZEvaluationLetterInput.parse({ ...input, state: "TX" })));
    expect(tx).toContain("reasonable time");
  });

  it("states California timelines in California only", () => {
    const ca = letterToText(buildEvaluationRequestLetter(ZEvaluationLetterInput.parse(input)));
    expect(ca).toContain("56321");
    expect(ca).toContain("within 15 days");
    expect(ca).toContain("at least 15 days");
    expect(ca).toContain("56344(a)");
    expect(ca).not.toContain("15 calendar days");
    const tx = letterToText(buildEvaluationRequestLetter(ZEvaluationLetterInput.parse({ ...input, state: "TX" })));
    expect(tx).not.toContain("56321");
    expect(tx).toContain("34 CFR 300.301(c)");
  });

  it("rejects a bad state code and a bad date, naming the field", () => {
    const bad = ZEvaluationLetterInput.safeParse({ ...input, state: "California", date: "2026-13-01" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join("/")).sort()).toEqual(["date", "state"]);
  });

  it("formats dates without time zone drift", () => {
    expect(formatLetterDate("2027-01-01")).toBe("January 1, 2027");
  });
});
