import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { navigate } from "./navigate.ts";
import {
  ALWAYS_SPECIAL_EDUCATION,
  COMMON_MITIGATING_MEASURES,
  CURRENT_PLANS,
  DISABILITY_BASES,
  EVALUATION_STATES,
  EXPECTED_DURATIONS,
  IDEA_CATEGORIES,
  type Impairment,
  type NavigatorFacts,
  RELATED_SERVICES,
  ZNavigatorFacts,
  ZNavigatorResult,
} from "./navigator-facts.ts";

const triBool = fc.constantFrom(true, false, null);
const otherMeasures = COMMON_MITIGATING_MEASURES.filter((m) => m !== "ordinary-eyeglasses");
const measure = fc.constantFrom(...COMMON_MITIGATING_MEASURES, "contact-lenses", "insulin-pump");

const impairment: fc.Arbitrary<Impairment> = fc.record({
  name: fc.constantFrom("Dyslexia", "ADHD", "Asthma", "Epilepsy", "Diabetes", "Low vision"),
  ideaCategory: fc.option(fc.constantFrom(...IDEA_CATEGORIES, "none" as const), { nil: null }),
  majorLifeActivities: fc.subarray(["reading", "learning", "breathing", "major-bodily-function:endocrine"]),
  limitsNow: triBool,
  limitsWithoutMitigation: triBool,
  mitigatingMeasures: fc.uniqueArray(measure, { maxLength: 3 }),
  episodicOrInRemission: fc.boolean(),
  limitsWhenActive: triBool,
  basis: fc.constantFrom(...DISABILITY_BASES),
  expectedDuration: fc.option(fc.constantFrom(...EXPECTED_DURATIONS), { nil: null }),
  determiningFactorIsInstructionOrEnglish: fc.boolean(),
});

const facts: fc.Arbitrary<NavigatorFacts> = fc.record({
  ageYears: fc.integer({ min: 0, max: 30 }),
  evaluation: fc.constantFrom(...EVALUATION_STATES),
  impairments: fc.array(impairment, { maxLength: 3 }),
  adverseEducationalEffect: triBool,
  needsSpecializedInstruction: triBool,
  relatedServicesNeeded: fc.uniqueArray(fc.constantFrom(...RELATED_SERVICES), { maxLength: 3 }),
  accommodationsNeeded: triBool,
  performingAtGradeLevel: triBool,
  currentPlans: fc.uniqueArray(fc.constantFrom(...CURRENT_PLANS), { maxLength: 2 }),
  state: fc.constantFrom(null, "CA", "TX", "NY"),
  speechIsSpecialEducationInState: fc.constantFrom(true, false, null),
  graduatedWithRegularDiploma: fc.boolean(),
  graduatedWithCertificate: fc.boolean(),
  determiningFactorIsInstructionOrEnglish: fc.boolean(),
  specialEducationServicesNeeded: fc.uniqueArray(fc.constantFrom(...ALWAYS_SPECIAL_EDUCATION), { maxLength: 2 }),
  dateOfBirth: fc.constantFrom(null, "2004-03-10", "2004-09-10"),
  asOf: fc.constantFrom(null, "2026-05-01", "2026-08-01"),
  ageIsApproximate: fc.boolean(),
});

const RUNS = { numRuns: 2000 };

describe("navigate properties", () => {
  it("never throws on valid facts, returns a valid result, and cites every rule", () => {
    fc.assert(
      fc.property(facts, (f) => {
        // Valid facts survive the schema unchanged.
        expect(ZNavigatorFacts.parse(f)).toEqual(f);
        const result = navigate(f);
        ZNavigatorResult.parse(result);
        expect(result.trace.length).toBeGreaterThan(0);
        for (const entry of result.trace) expect(entry.citation.trim().length).toBeGreaterThan(0);
        expect(result.likely === null || result.recommendation === "evaluate").toBe(true);
        expect(new Set(result.actions).size).toBe(result.actions.length);
      }),
      RUNS,
    );
  });

  it("sends every child under 3 to early intervention", () => {
    fc.assert(
      fc.property(facts, fc.integer({ min: 0, max: 2 }), (f, age) => {
        expect(navigate({ ...f, ageYears: age }).recommendation).toBe("early-intervention");
      }),
      RUNS,
    );
  });

  it("never turns an IEP into a 504 plan when a need for specialized instruction is added", () => {
    fc.assert(
      fc.property(facts, (f) => {
        const before = navigate(f);
        const after = navigate({ ...f, needsSpecializedInstruction: true });
        if (before.recommendation === "iep") expect(after.recommendation).not.toBe("section-504");
        if (before.recommendation === "iep") expect(after.recommendation).toBe("iep");
      }),
      RUNS,
    );
  });

  it("ignores mitigating measures other than ordinary eyeglasses (and contacts)", () => {
    const lensFree = (i: Impairment): Impairment => ({
      ...i,
      mitigatingMeasures: i.mitigatingMeasures.filter((m) => m !== "ordinary-eyeglasses" && m !== "contact-lenses"),
    });
    fc.assert(
      fc.property(
        facts,
        fc.array(fc.uniqueArray(fc.constantFrom(...otherMeasures), { maxLength: 4 }), { minLength: 3, maxLength: 3 }),
        (f, replacements) => {
          const withoutLenses = { ...f, impairments: f.impairments.map(lensFree) };
          const replaced = {
            ...withoutLenses,
            impairments: withoutLenses.impairments.map((i, n) => ({ ...i, mitigatingMeasures: replacements[n] ?? [] })),
          };
          const a = navigate(withoutLenses);
          const b = navigate(replaced);
          expect(b.recommendation).toBe(a.recommendation);
          expect(b.likely).toBe(a.likely);
          expect(b.unknowns).toEqual(a.unknowns);
        },
      ),
      RUNS,
    );
  });

  it("never turns an unknown answer into a 'no'", () => {
    fc.assert(
      fc.property(facts, (f) => {
        const unknown = navigate({
          ...f,
          needsSpecializedInstruction: null,
          accommodationsNeeded: null,
          relatedServicesNeeded: [],
        });
        if (f.ageYears >= 3) {
          // With need unknown, no-plan is only possible when the disability side is known to fail.
          if (unknown.recommendation === "no-plan") {
            const s504 = unknown.trace.find((t) => t.rule === "section-504-eligibility");
            expect(s504?.outcome).toBe("not-met");
            expect(unknown.trace.find((t) => t.rule === "idea-eligibility")?.outcome).toBe("not-met");
          }
        }
      }),
      RUNS,
    );
  });

  it("never settles on a 504 plan or no plan while the need for specially designed instruction is unknown (34 CFR 300.111)", () => {
    fc.assert(
      fc.property(facts, (f) => {
        const r = navigate({
          ...f,
          needsSpecializedInstruction: null,
          relatedServicesNeeded: [],
          specialEducationServicesNeeded: [],
        });
        if (r.recommendation === "evaluate") expect(["section-504", "no-plan"]).not.toContain(r.likely);
      }),
      RUNS,
    );
  });

  it("brings the exit protections whenever a current IEP would end (34 CFR 300.305(e), 300.503, 300.518, 300.502)", () => {
    fc.assert(
      fc.property(facts, (f) => {
        const r = navigate({ ...f, currentPlans: ["iep"] });
        if (r.recommendation === "section-504" || r.recommendation === "no-plan") {
          for (const a of [
            "reevaluate-before-exit",
            "ask-for-prior-written-notice",
            "know-stay-put-rights",
            "consider-independent-evaluation",
          ] as const) {
            expect(r.actions).toContain(a);
          }
        }
      }),
      RUNS,
    );
  });

  it("asks for the evaluation in writing whenever none has been requested", () => {
    fc.assert(
      fc.property(facts, (f) => {
        const r = navigate({ ...f, evaluation: "none" });
        if (r.recommendation !== "early-intervention" && r.recommendation !== "adult-services") {
          expect(r.recommendation).toBe("evaluate");
          expect(r.actions).toContain("request-evaluation-in-writing");
        }
      }),
      RUNS,
    );
  });

  it("in Spanish gives the same decision, rules, outcomes and citations, with every reason in Spanish", () => {
    // Words that only an English sentence has (an impairment's own name is the family's, and
    // these test names are not among them).
    const english = /\b(the|student|school|needs?|not|and|with|under|which|whether|is|are)\b/;
    fc.assert(
      fc.property(facts, (f) => {
        const en = navigate(f);
        const es = navigate(f, "es");
        expect(es.recommendation).toBe(en.recommendation);
        expect(es.likely).toBe(en.likely);
        expect(es.actions).toEqual(en.actions);
        expect(es.unknowns).toEqual(en.unknowns);
        expect(es.trace.map((t) => [t.rule, t.outcome, t.citation])).toEqual(
          en.trace.map((t) => [t.rule, t.outcome, t.citation]),
        );
        for (const entry of es.trace) {
          expect(entry.explanation).not.toMatch(english);
          expect(entry.explanation).not.toContain("undefined");
        }
      }),
      { numRuns: 500 },
    );
  });
});
