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

// The committed copies (v1 in ./fixtures, v2 in ./fixtures/v2), plus the shared folders beside the
// repository when they exist (new shared cases are picked up without copying). Vite resolves the
// globs at transform time.
const localV1 = import.meta.glob<Fixture>("./fixtures/*.json", { eager: true, import: "default" });
const localV2 = import.meta.glob<Fixture>("./fixtures/v2/*.json", { eager: true, import: "default" });
const sharedV1 = import.meta.glob<Fixture>("../../../../../shared/fixtures/eligibility/*.json", {
  eager: true,
  import: "default",
});
const sharedV2 = import.meta.glob<Fixture>("../../../../../shared/fixtures/eligibility-v2/*.json", {
  eager: true,
  import: "default",
});
// The same folders one level further up, for a checkout kept in a folder of checkouts.
const sharedV1Up = import.meta.glob<Fixture>("../../../../../../shared/fixtures/eligibility/*.json", {
  eager: true,
  import: "default",
});
const sharedV2Up = import.meta.glob<Fixture>("../../../../../../shared/fixtures/eligibility-v2/*.json", {
  eager: true,
  import: "default",
});

function fileName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

const cases = new Map<string, Fixture>();
for (const [label, set] of [
  ["local", localV1],
  ["local v2", localV2],
  ["shared", sharedV1],
  ["shared v2", sharedV2],
  ["shared", sharedV1Up],
  ["shared v2", sharedV2Up],
] as const) {
  for (const [path, fixture] of Object.entries(set)) cases.set(`${label} ${fileName(path)}`, fixture);
}

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
  it("reads the seven v1 cases and the three v2 cases committed in the repository", () => {
    expect(Object.keys(localV1).map(fileName).sort()).toEqual([
      "adhd-accommodations-only.json",
      "asthma-inhaler.json",
      "autism-with-504-already.json",
      "dyslexia-needs-specialized-reading.json",
      "limited-but-needs-nothing.json",
      "not-yet-evaluated.json",
      "toddler.json",
    ]);
    expect(Object.keys(localV2).map(fileName).sort()).toEqual([
      "ca-speech-only.json",
      "category-not-known-yet.json",
      "graduated-regular-diploma.json",
    ]);
    expect(cases.size).toBeGreaterThanOrEqual(10);
  });

  it("reads the shared fixtures when the shared folder exists", () => {
    // In CI the shared folder sits beside the repository; the globs are empty only without it.
    for (const fixture of [sharedV1, sharedV2, sharedV1Up, sharedV2Up].flatMap((set) => Object.values(set))) {
      expect(typeof fixture.name).toBe("string");
    }
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

  it("sends a graduate with a regular diploma to adult services, not a 504 plan (34 CFR 300.102(a)(3); 104.3(l)(2))", () => {
    const result = run({ ...base, ageYears: 18, graduatedWithRegularDiploma: true });
    expect(result.recommendation).toBe("adult-services");
    expect(result.trace.find((t) => t.rule === "idea-age-range")?.outcome).toBe("not-met");
    expect(result.trace.find((t) => t.rule === "section-504-age")?.outcome).toBe("not-met");
    expect(result.actions).toEqual(["ask-about-postsecondary-accommodations", "contact-vocational-rehabilitation"]);
  });

  it("sends a student past the state's last age to adult services, with no evaluation letter (34 CFR 104.3(l)(2), 104.33)", () => {
    const result = run({ ...base, ageYears: 29, evaluation: "none" });
    expect(result.recommendation).toBe("adult-services");
    expect(result.actions).not.toContain("request-evaluation-in-writing");
    expect(result.trace.find((t) => t.rule === "adult-services")?.citation).toContain("104.3(l)(2)");
  });

  it("asks for the summary of performance when an IEP ends by graduation or age (34 CFR 300.305(e)(3))", () => {
    const result = run({ ...base, ageYears: 22, currentPlans: ["iep"] });
    expect(result.recommendation).toBe("adult-services");
    expect(result.actions).toContain("request-summary-of-performance");
    expect(result.actions).toContain("ask-for-prior-written-notice");
    // Graduation or ageing out ends eligibility without a reevaluation (300.305(e)(2)).
    expect(result.actions).not.toContain("reevaluate-before-exit");
  });

  it("lets a California student who turns 22 between January and June finish the school year (Cal. Ed. Code 56026(c)(4))", () => {
    const ca = { ...base, ageYears: 22, state: "CA" } as const;
    const march = run({ ...ca, dateOfBirth: "2004-03-10", asOf: "2026-05-01" });
    expect(march.recommendation).toBe("iep");
    expect(march.trace.find((t) => t.rule === "idea-age-range")?.citation).toContain("56026(c)(4)");
    expect(run({ ...ca, dateOfBirth: "2004-03-10", asOf: "2026-07-01" }).recommendation).toBe("adult-services");
    expect(run({ ...ca, dateOfBirth: "2004-09-10", asOf: "2027-05-01" }).recommendation).toBe("adult-services");
    const noDate = run(ca);
    expect(noDate.recommendation).toBe("evaluate");
    expect(noDate.likely).toBe("iep");
    expect(noDate.actions).toContain("find-out-date-of-birth");
    // Outside California, 22 is past the federal age.
    expect(run({ ...base, ageYears: 22, state: "TX" }).recommendation).toBe("adult-services");
  });

  it("serves ages 3 through 21 under federal rules, 22 is past them (34 CFR 300.101(a); 104.3(l)(2))", () => {
    expect(run({ ...base, ageYears: 3 }).recommendation).toBe("iep");
    expect(run({ ...base, ageYears: 21 }).recommendation).toBe("iep");
    expect(run({ ...base, ageYears: 21, needsSpecializedInstruction: false }).recommendation).toBe("section-504");
    expect(run({ ...base, ageYears: 22, needsSpecializedInstruction: false }).recommendation).toBe("adult-services");
    expect(run({ ...base, ageYears: 22, state: "NY" }).recommendation).toBe("adult-services");
  });

  it("a certificate of completion or a GED is not a regular diploma and does not end special education (34 CFR 300.102(a)(3)(ii))", () => {
    const result = run({ ...base, ageYears: 19, graduatedWithCertificate: true, currentPlans: ["iep"] });
    expect(result.recommendation).toBe("iep");
    const entry = result.trace.find((t) => t.rule === "idea-age-range");
    expect(entry?.outcome).toBe("met");
    expect(entry?.citation).toContain("300.102(a)(3)(ii)");
    expect(entry?.explanation).toMatch(/certificate of completion/);
    // In California too (Cal. Ed. Code 56026(c)(4)), and a regular diploma still wins when both are given.
    expect(run({ ...base, ageYears: 20, state: "CA", graduatedWithCertificate: true }).recommendation).toBe("iep");
    expect(
      run({ ...base, ageYears: 19, graduatedWithCertificate: true, graduatedWithRegularDiploma: true }).recommendation,
    ).toBe("adult-services");
  });

  it("a California student who turns 22 on June 30 finishes that day; one born on July 1 does not (Cal. Ed. Code 56026(c)(4))", () => {
    const ca = { ...base, ageYears: 22, state: "CA" } as const;
    expect(run({ ...ca, dateOfBirth: "2004-06-30", asOf: "2026-06-30" }).recommendation).toBe("iep");
    expect(run({ ...ca, dateOfBirth: "2004-01-01", asOf: "2026-07-01" }).recommendation).toBe("adult-services");
    expect(run({ ...ca, dateOfBirth: "2004-07-01", asOf: "2026-07-15" }).recommendation).toBe("adult-services");
  });

  it("never states an approximate age as an exact one", () => {
    const result = run({ ...base, ageYears: 8, ageIsApproximate: true });
    for (const entry of result.trace) expect(entry.explanation).not.toMatch(/\bAt 8\b/);
  });

  it("allows developmental delay only from 3 through 9 (34 CFR 300.8(b)); past 9 another category must be looked for, never a 504 answer (34 CFR 300.304(c)(4))", () => {
    const delay = (ageYears: number, needsSpecializedInstruction: boolean | null = true) =>
      run({
        ...base,
        ageYears,
        needsSpecializedInstruction,
        impairments: [{ name: "Global delay", ideaCategory: "developmental-delay", limitsWithoutMitigation: true }],
      });
    expect(delay(3).recommendation).toBe("iep");
    expect(delay(9).recommendation).toBe("iep");
    const ten = delay(10);
    expect(ten.recommendation).toBe("evaluate");
    expect(ten.likely).toBe("iep");
    expect(ten.actions).toContain("find-out-idea-category");
    expect(ten.trace.find((t) => t.rule === "idea-developmental-delay-age")?.citation).toBe(
      "34 CFR 300.8(b); 34 CFR 300.304(c)(4)",
    );
    // Needing no specially designed instruction, the category does not matter: Section 504 decides.
    expect(delay(10, false).recommendation).toBe("section-504");
    // While that need is unknown, never a 504 answer (300.111).
    expect(delay(10, null).likely).not.toBe("section-504");
  });

  it("does not use developmental delay for Part B in California (Cal. Ed. Code 56441.11)", () => {
    const result = run({
      ...base,
      ageYears: 5,
      state: "CA",
      impairments: [{ name: "Global delay", ideaCategory: "developmental-delay", limitsWithoutMitigation: true }],
    });
    expect(result.recommendation).not.toBe("iep");
    expect(result.recommendation).not.toBe("section-504");
    expect(result.likely).toBe("iep");
    const entry = result.trace.find((t) => t.rule === "idea-developmental-delay-age");
    expect(entry?.outcome).toBe("not-met");
    expect(entry?.citation).toContain("56441.11");
    // Any other state falls back to the federal default: developmental delay allowed at 5.
    const texas = run({
      ...base,
      ageYears: 5,
      state: "TX",
      impairments: [{ name: "Global delay", ideaCategory: "developmental-delay", limitsWithoutMitigation: true }],
    });
    expect(texas.recommendation).toBe("iep");
  });

  it("reevaluates a student with an IEP whose developmental delay is past the state's ages, never a switch to 504 (34 CFR 300.305(e)(1), 300.303)", () => {
    const result = run({
      ...base,
      ageYears: 10,
      currentPlans: ["iep"],
      impairments: [{ name: "Global delay", ideaCategory: "developmental-delay", limitsWithoutMitigation: true }],
    });
    expect(result.recommendation).toBe("evaluate");
    expect(result.likely).not.toBe("section-504");
    expect(result.actions).toContain("reevaluate-before-exit");
    expect(result.actions).toContain("ask-for-prior-written-notice");
    expect(result.actions).toContain("know-stay-put-rights");
    expect(result.actions).toContain("consider-independent-evaluation");
    // With another category that qualifies, the IEP stays.
    const withAutism = run({
      ...base,
      ageYears: 10,
      currentPlans: ["iep"],
      impairments: [
        { name: "Global delay", ideaCategory: "developmental-delay", limitsWithoutMitigation: true },
        { name: "Autism", ideaCategory: "autism", limitsWithoutMitigation: true },
      ],
    });
    expect(withAutism.recommendation).toBe("iep");
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

  it("treats speech-language pathology as special education in California (Cal. Ed. Code 56333; 5 CCR 3051.1)", () => {
    const speechOnly: NavigatorFactsInput = {
      ...base,
      state: "CA",
      impairments: [
        { name: "Articulation", ideaCategory: "speech-or-language-impairment", limitsWithoutMitigation: true },
      ],
      needsSpecializedInstruction: false,
      relatedServicesNeeded: ["speech-language-pathology"],
    };
    const ca = run(speechOnly);
    expect(ca.recommendation).toBe("iep");
    const entry = ca.trace.find((t) => t.rule === "idea-speech-as-special-education");
    expect(entry?.citation).toContain("56333");
    expect(entry?.citation).toContain("5 CCR 3051.1");
    // Elsewhere the federal default: a related service alone is not special education.
    expect(run({ ...speechOnly, state: "TX" }).recommendation).toBe("section-504");
    // An explicit answer overrides the table.
    expect(run({ ...speechOnly, speechIsSpecialEducationInState: false }).recommendation).toBe("section-504");
  });

  it("counts travel training and vocational education as special education in every state (34 CFR 300.39(a)(2)(ii)-(iii))", () => {
    const result = run({
      ...base,
      needsSpecializedInstruction: false,
      specialEducationServicesNeeded: ["travel-training"],
    });
    expect(result.recommendation).toBe("iep");
    expect(result.trace.find((t) => t.rule === "idea-always-special-education")?.citation).toBe(
      "34 CFR 300.39(a)(2)(ii)-(iii)",
    );
  });

  it("applies the 300.306(b) exclusion per impairment, only when no other category qualifies (34 CFR 300.306(b))", () => {
    const both: NavigatorFactsInput = {
      ...base,
      impairments: [
        {
          name: "Reading",
          ideaCategory: "specific-learning-disability",
          limitsWithoutMitigation: true,
          determiningFactorIsInstructionOrEnglish: true,
        },
        { name: "Autism", ideaCategory: "autism", limitsWithoutMitigation: true },
      ],
    };
    const result = run(both);
    expect(result.recommendation).toBe("iep");
    expect(result.trace.find((t) => t.rule === "idea-exclusion")?.outcome).toBe("not-met");
    expect(result.trace.find((t) => t.rule === "idea-category")?.explanation).toContain("autism");
    // The v1 flag still excludes the SLD, and the autism still qualifies.
    const v1 = run({
      ...base,
      determiningFactorIsInstructionOrEnglish: true,
      impairments: [
        { name: "Reading", ideaCategory: "specific-learning-disability", limitsWithoutMitigation: true },
        { name: "Autism", ideaCategory: "autism", limitsWithoutMitigation: true },
      ],
    });
    expect(v1.recommendation).toBe("iep");
  });

  it("applies the adverse-effect clause only where the category's definition has it (34 CFR 300.8(c))", () => {
    const sld = run({
      ...base,
      adverseEducationalEffect: false,
      impairments: [{ name: "Dyslexia", ideaCategory: "specific-learning-disability", limitsWithoutMitigation: true }],
    });
    expect(sld.recommendation).toBe("iep");
    expect(sld.trace.find((t) => t.rule === "idea-adverse-effect")?.outcome).toBe("not-applicable");
    for (const category of ["deaf-blindness", "multiple-disabilities"] as const) {
      const r = run({
        ...base,
        adverseEducationalEffect: false,
        impairments: [{ name: "Condition", ideaCategory: category, limitsWithoutMitigation: true }],
      });
      expect(r.recommendation).toBe("iep");
    }
    // Other health impairment has the clause.
    expect(run({ ...base, adverseEducationalEffect: false }).recommendation).toBe("section-504");
  });

  it("notes that passing from grade to grade does not rule out special education (34 CFR 300.101(c)(1))", () => {
    const result = run({ ...base, performingAtGradeLevel: true });
    expect(result.recommendation).toBe("iep");
    expect(result.trace.find((t) => t.rule === "idea-grades")?.citation).toBe("34 CFR 300.101(c)(1)");
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

describe("categories known and unknown (v2)", () => {
  it("never reads an unknown category as 'no category' after a completed evaluation (34 CFR 300.8(c))", () => {
    const unknown = run({ ...base, impairments: [{ name: "Reading", ideaCategory: null, limitsNow: true }] });
    expect(unknown.recommendation).toBe("evaluate");
    expect(unknown.likely).toBe("iep");
    expect(unknown.actions).toContain("find-out-idea-category");
    const none = run({ ...base, impairments: [{ name: "Reading", ideaCategory: "none", limitsNow: true }] });
    expect(none.recommendation).toBe("section-504");
  });

  it("after an evaluation found no category, an unknown need for specially designed instruction does not hold back Section 504 (34 CFR 300.8(a)(1); 104.3(j))", () => {
    const result = run({
      ...base,
      needsSpecializedInstruction: null,
      impairments: [{ name: "Anxiety", ideaCategory: "none", limitsNow: true, majorLifeActivities: ["concentrating"] }],
    });
    expect(result.recommendation).toBe("section-504");
    // The child-find line (300.111) would contradict the answer: IDEA is already ruled out by the category.
    expect(result.trace.find((t) => t.rule === "idea-child-find")).toBeUndefined();
  });

  it("leaving an IEP always brings reevaluation, prior written notice, stay-put and an independent evaluation (34 CFR 300.305(e)(1), 300.503, 300.518, 300.502)", () => {
    const result = run({ ...base, needsSpecializedInstruction: false, currentPlans: ["iep"] });
    expect(result.recommendation).toBe("section-504");
    expect(result.actions).toEqual(
      expect.arrayContaining([
        "reevaluate-before-exit",
        "ask-for-prior-written-notice",
        "know-stay-put-rights",
        "consider-independent-evaluation",
      ]),
    );
    expect(result.trace.find((t) => t.rule === "leaving-iep")?.citation).toContain("300.518");
  });

  it("brings the exit protections as soon as the facts rule IDEA out for a student with an IEP, even before the answer is settled (34 CFR 300.305(e)(1), 300.503, 300.518, 300.502)", () => {
    const exitActions = [
      "reevaluate-before-exit",
      "ask-for-prior-written-notice",
      "know-stay-put-rights",
      "consider-independent-evaluation",
    ];
    const withIep = { ...base, currentPlans: ["iep" as const], needsSpecializedInstruction: false };
    // A reevaluation under way that points to a 504 plan or no plan.
    const toward504 = run({ ...withIep, evaluation: "in-progress" });
    expect(toward504.recommendation).toBe("evaluate");
    expect(toward504.likely).toBe("section-504");
    expect(toward504.actions).toEqual(expect.arrayContaining(exitActions));
    const towardNone = run({ ...withIep, evaluation: "in-progress", accommodationsNeeded: false });
    expect(towardNone.likely).toBe("no-plan");
    expect(towardNone.actions).toEqual(expect.arrayContaining(exitActions));
    // Evaluated, IDEA ruled out, Section 504 still unknown.
    const pending = run({ ...withIep, accommodationsNeeded: null });
    expect(pending.recommendation).toBe("evaluate");
    expect(pending.actions).toEqual(expect.arrayContaining(exitActions));
    // The IEP stays: no exit actions.
    expect(run({ ...base, currentPlans: ["iep"], evaluation: "in-progress" }).actions).not.toContain(
      "reevaluate-before-exit",
    );
  });

  it("never points to a 504 plan or no plan while the need for specially designed instruction is unknown (34 CFR 300.111; 300.304(c)(6))", () => {
    const result = run({ ...base, evaluation: "requested", needsSpecializedInstruction: null });
    expect(result.recommendation).toBe("evaluate");
    expect(result.likely).toBeNull();
    expect(result.trace.find((t) => t.rule === "idea-child-find")?.citation).toBe(
      "34 CFR 300.111; 34 CFR 300.304(c)(6)",
    );
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

  it("tests an episodic or in-remission impairment under the actual prong first, whatever the basis says (42 USC 12102(4)(D))", () => {
    const result = run({
      ...base,
      needsSpecializedInstruction: false,
      adverseEducationalEffect: false,
      impairments: [
        {
          name: "Epilepsy",
          basis: "record-of",
          episodicOrInRemission: true,
          limitsNow: false,
          limitsWithoutMitigation: false,
          limitsWhenActive: true,
        },
      ],
    });
    expect(result.recommendation).toBe("section-504");
    expect(result.trace.some((t) => t.rule === "section-504-record-or-regarded")).toBe(false);
    expect(result.trace.find((t) => t.rule === "section-504-substantial-limitation")?.citation).toContain(
      "12102(4)(D)",
    );
  });

  it("names the transitory-and-minor exclusion in 'regarded as' wording (42 USC 12102(3)(B))", () => {
    const result = run({
      ...base,
      needsSpecializedInstruction: false,
      adverseEducationalEffect: false,
      impairments: [{ name: "Broken arm", basis: "regarded-as", expectedDuration: "six-months-or-less" }],
    });
    const entry = result.trace.find((t) => t.rule === "section-504-record-or-regarded");
    expect(entry?.citation).toContain("12102(3)(B)");
    expect(entry?.explanation).toContain("six months or less");
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
