import { describe, expect, it } from "vitest";
import { sampleIep } from "../plans/plan-samples.ts";
import {
  AMENDMENT_EFFECTIVE_CITATION,
  amendmentEffectiveDate,
  PLAN_ENDED_CITATION,
  PLAN_START_CITATION,
  planServiceTerms,
  type TakenEffectVersion,
} from "./plan-service-terms.ts";

const iep = sampleIep();
const version = (over: Partial<TakenEffectVersion>): TakenEffectVersion => ({
  planId: "p1",
  planEffectiveFrom: null,
  planEndedOn: null,
  versionId: "v1",
  number: 1,
  sealedOn: "2026-09-01",
  content: { ...iep, dates: { ...iep.dates, planStart: "2026-09-08" } },
  inEffectVersionId: "v1",
  ...over,
});

describe(`an amendment's terms (${AMENDMENT_EFFECTIVE_CITATION})`, () => {
  it("apply from the day it was signed and sealed, or the parent's later written agreement", () => {
    expect(amendmentEffectiveDate("2026-10-01", "2026-10-05")).toBe("2026-10-05");
    expect(amendmentEffectiveDate("2026-10-05", "2026-10-01")).toBe("2026-10-05");
    expect(amendmentEffectiveDate(null, "2026-10-01")).toBe("2026-10-01");
  });

  it("follow the plan's own terms, and the plan year still starts at the plan", () => {
    const amended = version({
      versionId: "v2",
      number: 2,
      sealedOn: "2026-10-20",
      content: { ...iep, amendment: { parentWrittenAgreementDate: "2026-10-22" } },
      inEffectVersionId: "v2",
    });
    const terms = planServiceTerms([version({ inEffectVersionId: "v2" }), amended]);
    expect(terms.planVersions.map((v) => [v.label, v.effectiveFrom])).toEqual([
      ["Plan (version 1)", "2026-09-08"],
      ["Amendment (version 2)", "2026-10-22"],
    ]);
    expect(terms.current).toMatchObject({ versionId: "v2", effectiveFrom: "2026-09-08" });
  });
});

describe(`a plan's terms (${PLAN_START_CITATION})`, () => {
  it("apply from its start date, else the day it took effect, else the day it was sealed", () => {
    expect(planServiceTerms([version({})]).planVersions[0]?.effectiveFrom).toBe("2026-09-08");
    const noStart = { ...iep, dates: { ...iep.dates, planStart: null } };
    expect(
      planServiceTerms([version({ content: noStart, planEffectiveFrom: "2026-09-03" })]).planVersions[0]?.effectiveFrom,
    ).toBe("2026-09-03");
    expect(planServiceTerms([version({ content: noStart })]).planVersions[0]?.effectiveFrom).toBe("2026-09-01");
  });
});

describe(`an ended plan's services (${PLAN_ENDED_CITATION})`, () => {
  it("stop the day after it ended", () => {
    const terms = planServiceTerms([version({ planEndedOn: "2027-01-15", inEffectVersionId: null })]);
    expect(terms.planVersions.at(-1)).toEqual({ label: "Plan ended", effectiveFrom: "2027-01-16", services: [] });
    expect(terms.current).toBeNull();
  });
});
