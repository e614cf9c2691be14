import { describe, expect, it } from "vitest";
import type { IepDocument } from "./iep-document.ts";
import { diffPlans } from "./plan-diff.ts";
import { sample504, sampleIep } from "./plan-samples.ts";

describe("plan diff", () => {
  it("reports nothing for identical plans", () => {
    expect(diffPlans(sampleIep(), sampleIep())).toEqual([]);
  });

  it("describes year-over-year changes in plain language", () => {
    const before = sampleIep();
    const after: IepDocument = JSON.parse(JSON.stringify(before));
    // Speech: 2 × 30 = 60 → 1 × 30 = 30 minutes per week
    const speech = after.services.find((s) => s.id === "svc-2");
    if (!speech) throw new Error("sample has speech");
    speech.frequency = { times: 1, per: "week" };
    after.goals = after.goals.filter((g) => g.id !== "goal-2");
    after.accommodations.push({
      id: "acc-3",
      category: "environmental",
      text: "Preferential seating near the board",
      providedBy: "Teachers",
      when: "All classes",
      needIds: [],
    });
    after.accommodations = after.accommodations.filter((a) => a.id !== "acc-2");
    after.placement.percentInGeneralEducation = 70;
    after.placement.settingCode = "RC79TO40";
    after.services.push({
      id: "svc-3",
      kind: "related-service",
      area: "occupational-therapy",
      description: "",
      startDate: "2027-10-15",
      endDate: null,
      frequency: { times: 1, per: "week" },
      minutesPerSession: 30,
      delivery: "individual",
      location: "OT room",
      providerRole: "Occupational therapist",
      goalIds: [],
      needIds: [],
    });
    const texts = diffPlans(before, after).map((c) => c.text);
    expect(texts).toContain("Speech-language pathology: 60 → 30 minutes per week");
    expect(texts).toContain("Goal 2 (Written expression) removed");
    expect(texts).toContain("Accommodation added: Preferential seating near the board");
    expect(texts).toContain("Accommodation removed: Audio versions of texts");
    expect(texts).toContain("Time in general education: 85% → 70%");
    expect(texts).toContain(
      "Placement: General education class 80% or more of the day → General education class 40% to 79% of the day",
    );
    expect(texts).toContain("Occupational therapy added: 30 minutes per week");
  });

  it("matches goals whose id changed by area and reports a new target", () => {
    const before = sampleIep();
    const after: IepDocument = JSON.parse(JSON.stringify(before));
    const goal = after.goals[0];
    if (!goal) throw new Error("sample has goals");
    goal.id = "goal-2027-1";
    goal.target.value = 150;
    const changes = diffPlans(before, after);
    expect(changes.map((c) => c.text)).toEqual(["Goal 1 (Reading fluency): target 130 → 150 words correct per minute"]);
    expect(changes[0]?.itemId).toBe("goal-2027-1");
  });

  it("compares 504 plans and reports a change of plan type", () => {
    const before = sample504();
    const after = { ...before, accommodations: before.accommodations.slice(1) };
    expect(diffPlans(before, after).map((c) => c.text)).toEqual([
      "Accommodation removed: Check blood sugar in any setting",
    ]);
    expect(diffPlans(before, sampleIep())[0]?.text).toBe("Section 504 plan replaced by an IEP");
  });
});
