/// <reference types="vite/client" />
import { describe, expect, it } from "vitest";
import { navigate, substantialLimitation } from "./navigate.ts";
import {
  type NavigatorFactsInput,
  type NavigatorResult,
  ZNavigatorFacts,
  ZNavigatorResult,
} from "./navigator-facts.ts";

type Fixture = {
  name: string;
  facts: unknown;
  expect: { recommendation: string; likely?: string | null; actionsInclude?: string[] };
};

// The local copies, plus the shared folder beside the repository when it exists (new shared cases
// are picked up without copying). Both globs are resolved by Vite at transform time.
const local = import.meta.glob<Fixture>("./fixtures/*.json", { eager: true, import: "default" });
const shared = import.meta.glob<Fixture>("../../../../../shared/fixtures/eligibility/*.json", {
  eager: true,
  import: "default",
});

function fileName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

const cases = new Map<string, Fixture>();
for (const [path, fixture] of Object.entries(local)) cases.set(`local ${fileName(path)}`, fixture);
for (const [path, fixture] of Object.entries(shared)) cases.set(`shared ${fileName(path)}`, fixture);

function run(input: NavigatorFactsInput): NavigatorResult {
  return navigate(ZNavigatorFacts.parse(input));
}

const base: NavigatorFactsInput = {
  ageYears: 10,
  evaluation: "completed",
  impairments: [
    {
      name: "ADHD",
      ideaCategory: "other-health-impairment",
      majorLifeActivities: ["concentrating"],
      limitsNow: true,
      limitsWithoutMitigation: true,
    },
  ],
  adverseEducationalEffect: true,
  needsSpecializedInstruction: true,
  accommodationsNeeded: true,
};

describe("navigator fixtures", () => {
  it("finds the seven local fixtures", () => {
    expect(Object.keys(local).length).toBeGreaterThanOrEqual(7);
  });

  it("reads the shared fixtures when the shared folder exists", () => {
    // In CI the shared folder sits beside the repository; the glob is empty only without it.
    for (const fixture of Object.values(shared)) expect(typeof fixture.name).toBe("string");
  });

  for (const [label, fixture] of cases) {
    it(`${label}: ${fixture.name}`, () => {
      const result = navigate(ZNavigatorFacts.parse(fixture.facts));
      expect(ZNavigatorResult.parse(result)).toEqual(result);
      expect(result.recommendation).toBe(fixture.expect.recommendation);
      if (fixture.expect.likely !== undefined) expect(result.likely).toBe(fixture.expect.likely);
      for (const action of fixture.expect.actionsInclude ?? []) expect(result.actions).toContain(action);
      for (const entry of result.trace) expect(entry.citation.length).toBeGreaterThan(0);
    });
  }
});

describe("age", () => {
  it("sends children under 3 to early intervention, citing Part C", () => {
    const result = run({ ...base, ageYears: 1 });
    expect(result.recommendation).toBe("early-intervention");
    expect(result.actions).toEqual(["contact-early-intervention"]);
    expect(result.trace[0]?.citation).toContain("303.21");
  });

  it("adds the transition at 3 for a two-year-old", () => {
    expect(run({ ...base, ageYears: 2 }).actions).toContain("plan-transition-at-3");
  });

  it("ends IDEA eligibility with a regular diploma but keeps Section 504", () => {
    const result = run({ ...base, ageYears: 18, graduatedWithRegularDiploma: true });
    expect(result.recommendation).toBe("section-504");
    expect(result.trace.find((t) => t.rule === "idea-age-range")?.outcome).toBe("not-met");
  });

  it("ends IDEA after 21 but Section 504 has no age limit", () => {
    const result = run({ ...base, ageYears: 22 });
    expect(result.recommendation).toBe("section-504");
    expect(result.trace.find((t) => t.rule === "section-504-age")?.outcome).toBe("met");
  });

  it("allows developmental delay only from 3 through 9", () => {
    const delay = (ageYears: number) =>
      run({
        ...base,
        ageYears,
        impairments: [{ name: "Global delay", ideaCategory: "developmental-delay", limitsWithoutMitigation: true }],
      });
    expect(delay(9).recommendation).toBe("iep");
    const ten = delay(10);
    expect(ten.recommendation).toBe("section-504");
    expect(ten.trace.find((t) => t.rule === "idea-developmental-delay-age")?.citation).toBe("34 CFR 300.8(b)");
  });
});

describe("IDEA", () => {
  it("needs both parts: a category and a need for special education", () => {
    expect(run(base).recommendation).toBe("iep");
    expect(run({ ...base, needsSpecializedInstruction: false }).recommendation).toBe("section-504");
  });

  it("does not qualify a student who needs only a related service", () => {
    const result = run({ ...base, needsSpecializedInstruction: false, relatedServicesNeeded: ["counseling"] });
    expect(result.recommendation).toBe("section-504");
    const entry = result.trace.find((t) => t.rule === "idea-related-service-only");
    expect(entry?.outcome).toBe("not-met");
    expect(entry?.citation).toBe("34 CFR 300.8(a)(2)");
  });

  it("counts speech therapy as special education where the state does", () => {
    const facts: NavigatorFactsInput = {
      ...base,
      impairments: [
        { name: "Articulation", ideaCategory: "speech-or-language-impairment", limitsWithoutMitigation: true },
      ],
      needsSpecializedInstruction: false,
      relatedServicesNeeded: ["speech-language-pathology"],
    };
    expect(run(facts).recommendation).toBe("section-504");
    const inState = run({ ...facts, speechIsSpecialEducationInState: true });
    expect(inState.recommendation).toBe("iep");
    expect(inState.trace.some((t) => t.citation.includes("300.39(a)(2)(i)"))).toBe(true);
  });

  it("applies the 300.306(b) exclusion when the team found it", () => {
    const sld: NavigatorFactsInput = {
      ...base,
      impairments: [{ name: "Reading", ideaCategory: "specific-learning-disability", limitsWithoutMitigation: true }],
    };
    expect(run(sld).trace.find((t) => t.rule === "idea-exclusion")?.outcome).toBe("not-applicable");
    const excluded = run({ ...sld, determiningFactorIsInstructionOrEnglish: true });
    expect(excluded.recommendation).not.toBe("iep");
    expect(excluded.trace.find((t) => t.rule === "idea-exclusion")?.outcome).toBe("not-met");
  });

  it("folds an existing 504 plan into the IEP", () => {
    const result = run({ ...base, currentPlans: ["section-504"] });
    expect(result.recommendation).toBe("iep");
    expect(result.actions).toContain("fold-504-into-iep");
    expect(result.actions).toContain("ask-for-iep-meeting");
  });
});

describe("Section 504 under the ADAAA", () => {
  const asthma = (measures: string[], limitsNow: boolean | null, limitsWithoutMitigation: boolean | null) =>
    run({
      ...base,
      needsSpecializedInstruction: false,
      adverseEducationalEffect: false,
      impairments: [{ name: "Asthma", mitigatingMeasures: measures, limitsNow, limitsWithoutMitigation }],
    });

  it("ignores medication when judging the limit", () => {
    expect(asthma(["medication"], false, true).recommendation).toBe("section-504");
  });

  it("takes ordinary eyeglasses into account", () => {
    const glasses = run({
      ...base,
      needsSpecializedInstruction: false,
      adverseEducationalEffect: false,
      impairments: [
        {
          name: "Myopia",
          mitigatingMeasures: ["ordinary-eyeglasses"],
          limitsNow: false,
          limitsWithoutMitigation: true,
        },
      ],
    });
    expect(glasses.recommendation).toBe("no-plan");
  });

  it("counts an episodic condition that limits when active", () => {
    const epilepsy = {
      name: "Epilepsy",
      mitigatingMeasures: [],
      limitsNow: false,
      limitsWithoutMitigation: false,
      episodicOrInRemission: true,
      limitsWhenActive: true,
    };
    const [parsed] = ZNavigatorFacts.parse({ ...base, impairments: [epilepsy] }).impairments;
    expect(parsed && substantialLimitation(parsed)).toBe("met");
  });

  it("gives no plan for 'record of' or 'regarded as' alone", () => {
    const result = run({
      ...base,
      needsSpecializedInstruction: false,
      adverseEducationalEffect: false,
      impairments: [{ name: "Past cancer", basis: "record-of", limitsWithoutMitigation: true }],
    });
    expect(result.recommendation).toBe("no-plan");
    expect(result.trace.find((t) => t.rule === "section-504-record-or-regarded")?.outcome).toBe("not-met");
  });

  it("never lets good grades rule a student out", () => {
    const result = run({
      ...base,
      needsSpecializedInstruction: false,
      adverseEducationalEffect: false,
      performingAtGradeLevel: true,
    });
    expect(result.recommendation).toBe("section-504");
    expect(result.trace.some((t) => t.rule === "section-504-grades")).toBe(true);
  });
});

describe("unknowns", () => {
  it("turn into evaluate and name what must be found out, never into no", () => {
    const result = run({ ...base, needsSpecializedInstruction: null, accommodationsNeeded: null });
    expect(result.recommendation).toBe("evaluate");
    expect(result.unknowns).toContain("needs-specialized-instruction");
    expect(result.actions).toContain("find-out-needs-specialized-instruction");
    expect(result.actions).toContain("ask-for-evaluation-report");
  });

  it("handles a student with nothing known yet", () => {
    const result = run({ ageYears: 7, evaluation: "none" });
    expect(result.recommendation).toBe("evaluate");
    expect(result.likely).toBeNull();
    expect(result.actions.slice(0, 2)).toEqual(["request-evaluation-in-writing", "find-out-impairment"]);
    expect(result.unknowns).toEqual([
      "impairment",
      "adverse-educational-effect",
      "needs-specialized-instruction",
      "accommodations-needed",
    ]);
  });

  it("points to the likely plan before the evaluation", () => {
    const result = run({ ...base, evaluation: "requested" });
    expect(result.recommendation).toBe("evaluate");
    expect(result.likely).toBe("iep");
    expect(result.actions).toContain("ask-for-assessment-plan");
    expect(result.actions).not.toContain("request-evaluation-in-writing");
  });
});
