import { describe, expect, it } from "vitest";
import { CALIFORNIA_RULES } from "./california.ts";
import { FEDERAL_RULES } from "./federal.ts";
import type { StateRule, StateRules } from "./state-rules.ts";
import { hasStateRules, partBAgeStatus, STATE_TABLE, stateRules, ZStateCode } from "./state-table.ts";

function rulesOf(s: StateRules): Array<[string, StateRule<unknown>]> {
  const out: Array<[string, StateRule<unknown>]> = [];
  for (const [key, value] of Object.entries(s)) {
    if (key === "evaluation") {
      for (const [k, v] of Object.entries(value as Record<string, StateRule<unknown>>))
        out.push([`evaluation.${k}`, v]);
    } else if (typeof value === "object" && value !== null && "citation" in value) {
      out.push([key, value as StateRule<unknown>]);
    }
  }
  return out;
}

describe("state table", () => {
  it("has California first and federal defaults for any other state", () => {
    expect(STATE_TABLE[0]?.code).toBe("CA");
    expect(stateRules("ca")).toBe(CALIFORNIA_RULES);
    expect(stateRules("TX")).toBe(FEDERAL_RULES);
    expect(stateRules(null)).toBe(FEDERAL_RULES);
    expect(hasStateRules("CA")).toBe(true);
    expect(hasStateRules("NY")).toBe(false);
  });

  it("gives every rule of every state a citation and a certainty", () => {
    for (const s of [FEDERAL_RULES, ...STATE_TABLE]) {
      for (const [key, rule] of rulesOf(s)) {
        expect(rule.citation.length, `${s.code} ${key}`).toBeGreaterThan(5);
        expect(["checked", "secondary", "unchecked"]).toContain(rule.certainty);
      }
    }
  });

  it("counts speech-language pathology as special education in California (Cal. Ed. Code 56333; 5 CCR 3051.1)", () => {
    expect(CALIFORNIA_RULES.relatedServicesAsSpecialEducation.value).toEqual(["speech-language-pathology"]);
    expect(CALIFORNIA_RULES.relatedServicesAsSpecialEducation.citation).toContain("5 CCR 3051.1");
    expect(FEDERAL_RULES.relatedServicesAsSpecialEducation.value).toEqual([]);
  });

  it("uses developmental delay at 3 through 9 federally and not at all for Part B in California (34 CFR 300.8(b); Cal. Ed. Code 56441.11)", () => {
    expect(FEDERAL_RULES.developmentalDelayAges.value).toEqual({ from: 3, to: 9 });
    expect(CALIFORNIA_RULES.developmentalDelayAges.value).toBeNull();
    expect(CALIFORNIA_RULES.developmentalDelayAges.citation).toBe("Cal. Ed. Code 56441.11");
  });

  it("sets transition at 16 and California's evaluation clocks (34 CFR 300.320(b); Cal. Ed. Code 56321(a), 56344(a))", () => {
    expect(CALIFORNIA_RULES.transitionAge.value).toBe(16);
    expect(CALIFORNIA_RULES.evaluation.assessmentPlan.value).toEqual({ days: 15, unit: "calendar" });
    expect(CALIFORNIA_RULES.evaluation.iepWithinEvaluationClock.value).toBe(true);
    expect(FEDERAL_RULES.evaluation.iepWithinEvaluationClock.value).toBe(false);
    expect(CALIFORNIA_RULES.recordsAccess.value).toEqual({ days: 5, unit: "business" });
    expect(FEDERAL_RULES.recordsAccess.value).toEqual({ days: 45, unit: "calendar" });
  });

  it("marks what the legal fact sheet has not checked", () => {
    // LAW.md: 56341.5 is not in the fact sheet; speech as special education is a secondary summary.
    expect(CALIFORNIA_RULES.parentParticipation.certainty).toBe("unchecked");
    expect(CALIFORNIA_RULES.relatedServicesAsSpecialEducation.certainty).toBe("secondary");
    expect(CALIFORNIA_RULES.partBEnd.certainty).toBe("checked");
  });

  it("lets a California student who turns 22 between January and June finish the school year (Cal. Ed. Code 56026(c)(4))", () => {
    const dates = (dateOfBirth: string, asOf: string) => ({ dateOfBirth, asOf });
    expect(partBAgeStatus(CALIFORNIA_RULES, 21)).toBe("within");
    expect(partBAgeStatus(CALIFORNIA_RULES, 22)).toBe("unknown");
    expect(partBAgeStatus(CALIFORNIA_RULES, 22, dates("2004-01-15", "2026-06-30"))).toBe("within");
    expect(partBAgeStatus(CALIFORNIA_RULES, 22, dates("2004-01-15", "2026-07-01"))).toBe("past");
    expect(partBAgeStatus(CALIFORNIA_RULES, 22, dates("2004-07-15", "2026-08-01"))).toBe("past");
    expect(partBAgeStatus(CALIFORNIA_RULES, 23)).toBe("past");
    expect(partBAgeStatus(FEDERAL_RULES, 22, dates("2004-01-15", "2026-03-01"))).toBe("past");
  });

  it("reads a two-letter code in any case and names the problem otherwise", () => {
    expect(stateRules(ZStateCode.parse("ca"))).toBe(CALIFORNIA_RULES);
    expect(ZStateCode.safeParse("California").success).toBe(false);
  });
});
