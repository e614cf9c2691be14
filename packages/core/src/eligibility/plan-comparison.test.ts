import { describe, expect, it } from "vitest";
import { navigate } from "./navigate.ts";
import {
  NAVIGATOR_ACTIONS,
  type NavigatorFactsInput,
  type NavigatorResult,
  ZNavigatorFacts,
} from "./navigator-facts.ts";
import { comparePlans, explainResult, nextSteps, PLAN_PROFILES } from "./plan-comparison.ts";

const facts = (over: Partial<NavigatorFactsInput>): NavigatorFactsInput => ({
  ageYears: 10,
  evaluation: "completed",
  impairments: [{ name: "ADHD", ideaCategory: "other-health-impairment", limitsWithoutMitigation: true }],
  adverseEducationalEffect: false,
  needsSpecializedInstruction: false,
  accommodationsNeeded: true,
  ...over,
});
const run = (f: NavigatorFactsInput) => navigate(ZNavigatorFacts.parse(f));

describe("comparePlans", () => {
  it("for a 504 result, describes what an IEP would give and why the facts do not point to one", () => {
    const c = comparePlans(run(facts({})));
    expect(c.plan).toBe("section-504");
    expect(c.other).toBe("iep");
    expect(c.otherWouldGive.some((p) => p.citation === "34 CFR 300.39")).toBe(true);
    expect(c.otherWouldGive.some((p) => p.citation === "34 CFR 300.321(a)")).toBe(true);
    expect(c.whyNotOther.map((t) => t.rule)).toEqual(["idea-adverse-effect", "idea-need-for-special-education"]);
  });

  it("for an IEP result, describes what a 504 plan would not give", () => {
    const c = comparePlans(run(facts({ adverseEducationalEffect: true, needsSpecializedInstruction: true })));
    expect(c.plan).toBe("iep");
    expect(c.other).toBe("section-504");
    expect(c.otherWouldNotGive.some((p) => p.text.includes("measurable annual goals"))).toBe(true);
    expect(c.otherProfile?.protections.some((p) => p.citation === "34 CFR 104.36")).toBe(true);
  });

  it("uses the likely plan before an evaluation and nothing when no plan is pointed to", () => {
    expect(comparePlans(run(facts({ evaluation: "none" }))).plan).toBe("section-504");
    expect(comparePlans(run(facts({ ageYears: 1 }))).plan).toBeNull();
  });

  it("explains the plan the result points to, not only the other one", () => {
    const iep = comparePlans(run(facts({ adverseEducationalEffect: true, needsSpecializedInstruction: true })));
    expect(iep.pointedProfile?.plan).toBe("iep");
    expect(iep.pointedProfile?.contents.some((p) => p.citation === "34 CFR 300.39")).toBe(true);
    expect(comparePlans(run(facts({}))).pointedProfile?.plan).toBe("section-504");
    const adult = comparePlans(run(facts({ ageYears: 25 })));
    expect(adult.plan).toBeNull();
    expect(adult.pointedProfile?.plan).toBe("adult-services");
  });

  it("names Section 504's discipline protections and OCR's reasonable time for evaluation (34 CFR 104.35(a))", () => {
    const texts = PLAN_PROFILES["section-504"].protections.map((p) => p.text).join(" ");
    expect(texts).toContain("more than 10 school days");
    expect(texts).toContain("reasonable time");
  });

  it("cites every point of every profile", () => {
    for (const profile of Object.values(PLAN_PROFILES)) {
      for (const p of [...profile.contents, ...profile.protections, ...profile.team]) {
        expect(p.citation).toMatch(/CFR|USC|Code/);
      }
    }
  });
});

describe("nextSteps", () => {
  it("explains every action with a title and a citation", () => {
    const result: NavigatorResult = {
      recommendation: "evaluate",
      likely: null,
      trace: [],
      unknowns: [],
      actions: [...NAVIGATOR_ACTIONS],
    };
    const steps = nextSteps(result);
    expect(steps).toHaveLength(NAVIGATOR_ACTIONS.length);
    for (const s of steps) {
      expect(s.title.length).toBeGreaterThan(5);
      expect(s.citation.length).toBeGreaterThan(5);
    }
  });
});

describe("explainResult", () => {
  it("says whose rules were used: the state's own from the table, or federal defaults", () => {
    const ca = facts({ state: "ca" });
    expect(explainResult(run(ca), ZNavigatorFacts.parse(ca)).rulesUsed).toEqual({ state: "CA", ownRules: true });
    const tx = facts({ state: "TX" });
    expect(explainResult(run(tx), ZNavigatorFacts.parse(tx)).rulesUsed).toEqual({ state: "TX", ownRules: false });
    expect(explainResult(run(facts({}))).rulesUsed).toEqual({ state: null, ownRules: false });
  });
});

describe("the comparison and next steps in Spanish", () => {
  it("say every point of the English in Spanish, with the same citations in the same order", () => {
    const f = facts({});
    const en = explainResult(run(f), f);
    const es = explainResult(navigate(ZNavigatorFacts.parse(f), "es"), f, "es");
    const cites = (r: typeof en) => [
      ...(r.comparison.pointedProfile
        ? [...r.comparison.pointedProfile.contents, ...r.comparison.pointedProfile.protections]
        : []
      ).map((p) => p.citation),
      ...r.comparison.otherWouldGive.map((p) => p.citation),
      ...r.comparison.otherWouldNotGive.map((p) => p.citation),
      ...r.nextSteps.map((s) => s.citation),
    ];
    expect(cites(es)).toEqual(cites(en));
    expect(es.comparison.otherProfile?.title).toBe("Programa de Educación Individualizado (IEP)");
    for (const plan of ["iep", "section-504", "adult-services"] as const) {
      const withPlan = { ...run(f), recommendation: plan, likely: null } as NavigatorResult;
      const [a, b] = [comparePlans(withPlan), comparePlans(withPlan, "es")];
      for (const part of ["contents", "protections", "team"] as const) {
        expect(b.pointedProfile?.[part].map((p) => p.citation)).toEqual(
          PLAN_PROFILES[plan][part].map((p) => p.citation),
        );
        expect(b.pointedProfile?.[part].map((p) => p.text)).not.toEqual(a.pointedProfile?.[part].map((p) => p.text));
      }
      expect(b.otherWouldNotGive.map((p) => p.citation)).toEqual(a.otherWouldNotGive.map((p) => p.citation));
    }
    const all = { ...run(f), actions: [...NAVIGATOR_ACTIONS] } as NavigatorResult;
    const [stepsEn, stepsEs] = [nextSteps(all), nextSteps(all, "es")];
    expect(stepsEs.map((s) => s.citation)).toEqual(stepsEn.map((s) => s.citation));
    for (const step of stepsEs) expect(`${step.title} ${step.text}`).not.toMatch(/\b(the|your|school|ask)\b/);
  });
});
