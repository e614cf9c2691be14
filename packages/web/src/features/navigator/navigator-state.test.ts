import { navigate, RELATED_SERVICES, ZNavigatorFacts } from "@lantern/core";
import { describe, expect, it } from "vitest";
import { en } from "../../i18n/catalogs.ts";
import {
  type Answers,
  activeSteps,
  answersToFacts,
  firstUnanswered,
  loadAnswers,
  STEPS,
  saveAnswers,
  toggleMulti,
  US_STATES,
} from "./navigator-state.ts";

const catalog = en as Readonly<Record<string, unknown>>;

const iepAnswers: Answers = {
  age: "3-9",
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
};

describe("navigator wizard state", () => {
  it("has a title, a hint and a label for every question and option", () => {
    for (const step of STEPS) {
      expect(catalog[`navigator.q.${step.id}.title`], step.id).toBeTypeOf("string");
      expect(catalog[`navigator.q.${step.id}.hint`], step.id).toBeTypeOf("string");
      if (step.kind === "choice" || step.kind === "multi") {
        for (const option of step.options) {
          // A related service is named by core (label.relatedService.*), as in plans.
          const key =
            step.id === "relatedServices" && (RELATED_SERVICES as readonly string[]).includes(option)
              ? `label.relatedService.${option}`
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
      else expect(step.options).toContain("unknown");
    }
  });

  it("asks only the first question for a child under 3", () => {
    expect(activeSteps({ age: "under-3" }).map((s) => s.id)).toEqual(["age"]);
    expect(firstUnanswered({ age: "under-3" })).toBeNull();
  });

  it("asks about episodes only when the condition comes and goes", () => {
    expect(activeSteps({ ...iepAnswers, episodic: "no" }).some((s) => s.id === "limitsWhenActive")).toBe(false);
    expect(firstUnanswered({ ...iepAnswers, episodic: "yes" })).toBe("limitsWhenActive");
  });

  it("maps 'I don't know' to unknown (null), never to no", () => {
    const facts = ZNavigatorFacts.parse(
      answersToFacts(
        {
          age: "10-21",
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
      age: "10-21",
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
