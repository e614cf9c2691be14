import { describe, expect, it } from "vitest";
import { ZPriorWrittenNotice } from "./plan-common.ts";
import { sampleIep } from "./plan-samples.ts";
import { checkPriorWrittenNotice, PRIOR_WRITTEN_NOTICE_ELEMENTS } from "./prior-written-notice.ts";

describe("prior written notice (34 CFR 300.503(b))", () => {
  it("lists 7 contents, each with its paragraph", () => {
    expect(PRIOR_WRITTEN_NOTICE_ELEMENTS.map((e) => e.citation)).toEqual(
      [1, 2, 3, 4, 5, 6, 7].map((n) => `34 CFR 300.503(b)(${n})`),
    );
  });

  it("accepts a complete notice", () => {
    expect(checkPriorWrittenNotice(sampleIep().priorWrittenNotice)).toMatchObject({ complete: true, missing: [] });
  });

  it("an empty or absent notice misses all 7", () => {
    expect(checkPriorWrittenNotice(null).missing).toHaveLength(7);
    expect(checkPriorWrittenNotice(ZPriorWrittenNotice.parse({})).missing).toHaveLength(7);
  });

  it("names each missing element", () => {
    const notice = sampleIep().priorWrittenNotice;
    if (!notice) throw new Error("sample has a notice");
    const check = checkPriorWrittenNotice({ ...notice, basis: ["  "], otherFactors: "", action: null });
    expect(check.complete).toBe(false);
    expect(check.missing.map((e) => e.number)).toEqual([1, 3, 7]);
  });

  it("an option considered needs the reason it was rejected", () => {
    const notice = sampleIep().priorWrittenNotice;
    if (!notice) throw new Error("sample has a notice");
    const check = checkPriorWrittenNotice({
      ...notice,
      optionsConsidered: [{ option: "Private school", whyRejected: "" }],
    });
    expect(check.missing.map((e) => e.key)).toEqual(["optionsConsidered"]);
  });
});
