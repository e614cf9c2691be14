import { navigate, RELATED_SERVICES, ZNavigatorFacts } from "@lantern/core";
import { describe, expect, it } from "vitest";
import { en } from "../../i18n/catalogs.ts";
import {
  type Answers,
  activeSteps,
  answersToFacts,
  firstUnanswered,
  isAnswered,
  loadAnswers,
  resolveAge,
  STEPS,
  saveAnswers,
  toggleMulti,
  US_STATES,
} from "./navigator-state.ts";

const catalog = en as Readonly<Record<string, unknown>>;

const TODAY = "2026-11-23";
const iepAnswers: Answers = {
  age: "7",
  evaluation: "completed",
  condition: "Dyslexia",
  category: "specific-learning-disability",
  limits: "yes",
  episodic: "no",
  adverse: "yes",
  specializedInstruction: "yes",
  relatedServices: ["none"],
  accommodations: "yes",
  gradeLevel: "no",
  plans: ["none"],
  state: "CA",
  duration: "more-than-six-months",
};

describe("navigator wizard state", () => {
  it("has a title, a hint and a label for every question and option", () => {
    for (const step of STEPS) {
      expect(catalog[`navigator.q.${step.id}.title`], step.id).toBeTypeOf("string");
      expect(catalog[`navigator.q.${step.id}.hint`], step.id).toBeTypeOf("string");
      if (step.kind === "age") continue;
      if (step.kind === "choice" || step.kind === "multi") {
        for (const option of step.options) {
          // A related service is named by core (label.relatedService.*), as in plans.
          // Travel training and vocational education by core's service-area names.
          const key =
            step.id === "relatedServices" && (RELATED_SERVICES as readonly string[]).includes(option)
              ? `label.relatedService.${option}`
              : step.id === "relatedServices" && (option === "travel-training" || option === "vocational-education")
                ? `label.serviceArea.${option}`
                : `navigator.q.${step.id}.option.${option}`;
          expect(catalog[key], `${step.id}.${option}`).toBeTypeOf("string");
        }
        expect(step.options).toContain("unknown");
      }
    }
    for (const code of US_STATES) expect(catalog[`navigator.state.${code}`], code).toBeTypeOf("string");
  });

  it("offers 'I don't know' on every question", () => {
    for (const step of STEPS) {
      if (step.kind === "text") expect(catalog["navigator.q.condition.unknownLabel"]).toBe("I don't know");
      else if (step.kind === "age") expect(catalog["navigator.q.age.unknownLabel"]).toBe("I don't know the exact age");
      else expect(step.options).toContain("unknown");
    }
  });

  it("asks only the first question for a child under 3", () => {
    expect(activeSteps({ age: "2" }).map((s) => s.id)).toEqual(["age"]);
    expect(firstUnanswered({ age: "2" })).toBeNull();
    expect(activeSteps({ age: "unknown", ageBand: "under-3" }).map((s) => s.id)).toEqual(["age", "ageBand"]);
  });

  it("asks the age in years or as a birth date, and a range only when the exact age is not known", () => {
    const age = STEPS.find((s) => s.id === "age");
    if (!age) throw new Error("no age step");
    expect(isAnswered(age, { age: "12" }, TODAY)).toBe(true);
    expect(isAnswered(age, { age: "31" }, TODAY)).toBe(false);
    expect(isAnswered(age, { age: "seven" }, TODAY)).toBe(false);
    expect(isAnswered(age, { birthDate: "2016-04-30" }, TODAY)).toBe(true);
    expect(isAnswered(age, { birthDate: "2027-01-01" }, TODAY)).toBe(false);
    expect(isAnswered(age, { age: "unknown" }, TODAY)).toBe(true);
    expect(activeSteps({ age: "12" }).some((s) => s.id === "ageBand")).toBe(false);
    expect(firstUnanswered({ age: "unknown" })).toBe("ageBand");
    expect(resolveAge({ birthDate: "2016-04-30" }, TODAY)).toEqual({
      ageYears: 10,
      approximate: false,
      dateOfBirth: "2016-04-30",
      unknown: false,
    });
  });

  it("never invents an exact age: a range is sent as approximate, and no reason states an age", () => {
    const facts = ZNavigatorFacts.parse(answersToFacts({ ...iepAnswers, age: "unknown", ageBand: "3-9" }, "x", TODAY));
    expect(facts.ageIsApproximate).toBe(true);
    const result = navigate(facts);
    expect(result.recommendation).toBe("iep");
    for (const entry of result.trace) expect(entry.explanation).not.toMatch(/\bAt \d+/);
  });

  it("sends the state, so the state's rules decide: speech-only is an IEP in California (Cal. Ed. Code 56333)", () => {
    const speech: Answers = {
      ...iepAnswers,
      category: "speech-or-language-impairment",
      specializedInstruction: "no",
      relatedServices: ["speech-language-pathology"],
    };
    const ca = answersToFacts(speech, "x", TODAY);
    expect(ca.state).toBe("CA");
    expect(ca.speechIsSpecialEducationInState).toBeNull();
    expect(navigate(ZNavigatorFacts.parse(ca)).recommendation).toBe("iep");
    expect(navigate(ZNavigatorFacts.parse(answersToFacts({ ...speech, state: "TX" }, "x", TODAY))).recommendation).toBe(
      "section-504",
    );
  });

  it("sends the birth date so California's last school year at 22 is decided (Cal. Ed. Code 56026(c)(4))", () => {
    const facts = answersToFacts({ ...iepAnswers, age: "", birthDate: "2004-03-10" }, "x", "2026-05-01");
    expect(facts).toMatchObject({ ageYears: 22, dateOfBirth: "2004-03-10", asOf: "2026-05-01" });
    expect(navigate(ZNavigatorFacts.parse(facts)).recommendation).toBe("iep");
  });

  it("keeps 'none' apart from 'I don't know' for the category once the evaluation is finished", () => {
    expect(answersToFacts({ ...iepAnswers, category: "none" }, "x").impairments?.[0]?.ideaCategory).toBe("none");
    expect(answersToFacts({ ...iepAnswers, category: "unknown" }, "x").impairments?.[0]?.ideaCategory).toBeNull();
    expect(
      answersToFacts({ ...iepAnswers, evaluation: "none", category: "none" }, "x").impairments?.[0]?.ideaCategory,
    ).toBeNull();
  });

  it("asks how long the condition is expected to last, and counts travel training as special education", () => {
    const facts = answersToFacts(
      {
        ...iepAnswers,
        duration: "six-months-or-less",
        specializedInstruction: "no",
        relatedServices: ["travel-training"],
      },
      "x",
      TODAY,
    );
    expect(facts.impairments?.[0]?.expectedDuration).toBe("six-months-or-less");
    expect(facts.specialEducationServicesNeeded).toEqual(["travel-training"]);
    expect(navigate(ZNavigatorFacts.parse(facts)).recommendation).toBe("iep");
  });

  it("keeps answers saved by the earlier wizard, which asked a range", () => {
    const store = new Map<string, string>([["lantern.navigator.answers", JSON.stringify({ age: "10-21" })]]);
    expect(loadAnswers({ getItem: (k: string) => store.get(k) ?? null })).toEqual({ age: "unknown", ageBand: "10-21" });
  });

  it("asks about episodes only when the condition comes and goes", () => {
    expect(activeSteps({ ...iepAnswers, episodic: "no" }).some((s) => s.id === "limitsWhenActive")).toBe(false);
    expect(firstUnanswered({ ...iepAnswers, episodic: "yes" })).toBe("limitsWhenActive");
  });

  it("maps 'I don't know' to unknown (null), never to no", () => {
    const facts = ZNavigatorFacts.parse(
      answersToFacts(
        {
          age: "unknown",
          ageBand: "10-21",
          graduated: "unknown",
          evaluation: "unknown",
          conditionUnknown: true,
          category: "unknown",
          limits: "unknown",
          episodic: "unknown",
          adverse: "unknown",
          specializedInstruction: "unknown",
          relatedServices: ["unknown"],
          accommodations: "unknown",
          gradeLevel: "unknown",
          plans: ["unknown"],
          state: "unknown",
        },
        "The suspected disability",
      ),
    );
    expect(facts.adverseEducationalEffect).toBeNull();
    expect(facts.needsSpecializedInstruction).toBeNull();
    expect(facts.accommodationsNeeded).toBeNull();
    expect(facts.impairments[0]?.limitsWithoutMitigation).toBeNull();
    expect(facts.impairments[0]?.ideaCategory).toBeNull();
    expect(facts.impairments[0]?.name).toBe("The suspected disability");
    const result = navigate(facts);
    expect(result.recommendation).toBe("evaluate");
    expect(result.actions).toContain("request-evaluation-in-writing");
  });

  it("turns an IEP case and a 504 case into the right facts", () => {
    expect(navigate(ZNavigatorFacts.parse(answersToFacts(iepAnswers, "x"))).recommendation).toBe("iep");
    const adhd: Answers = {
      ...iepAnswers,
      age: "14",
      graduated: "no",
      condition: "ADHD",
      category: "other-health-impairment",
      adverse: "no",
      specializedInstruction: "no",
      gradeLevel: "yes",
    };
    expect(navigate(ZNavigatorFacts.parse(answersToFacts(adhd, "x"))).recommendation).toBe("section-504");
  });

  it("keeps 'none' and 'I don't know' exclusive in multi-choice questions", () => {
    expect(toggleMulti(["none"], "counseling", true)).toEqual(["counseling"]);
    expect(toggleMulti(["counseling", "transportation"], "unknown", true)).toEqual(["unknown"]);
    expect(toggleMulti(["counseling", "transportation"], "counseling", false)).toEqual(["transportation"]);
  });

  it("round-trips answers through storage and survives bad data", () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => store.set(k, v),
    };
    saveAnswers(storage, iepAnswers);
    expect(loadAnswers(storage)).toEqual(iepAnswers);
    store.set("lantern.navigator.answers", "{not json");
    expect(loadAnswers(storage)).toEqual({});
  });
});
