import { describe, expect, it } from "vitest";
import { carryOver504IntoIep, end504ForIep } from "./carry-over-504.ts";
import { ZIepDocument } from "./iep-document.ts";
import { sample504, sampleIep } from "./plan-samples.ts";

describe("carry a 504 plan over into an IEP (34 CFR 104.33(b)(2))", () => {
  it("creates an IEP draft holding the 504 accommodations, tied to needs made from the limitations", () => {
    const plan = sample504();
    const { document, carried, citation } = carryOver504IntoIep(plan);
    expect(citation).toBe("34 CFR 104.33(b)(2)");
    expect(document.type).toBe("iep");
    expect(document.student.firstName).toBe("Kai");
    expect(document.accommodations.map((a) => a.text)).toEqual(plan.accommodations.map((a) => a.text));
    const health = document.accommodations.find((a) => a.id === "from-504-acc-1");
    expect(health?.category).toBe("environmental");
    expect(health?.needIds).toEqual(["from-504-lim-1"]);
    expect(document.presentLevels.needs.map((n) => n.id)).toEqual(["from-504-lim-1", "from-504-lim-2"]);
    expect(document.services[0]?.providerRole).toBe("School nurse");
    expect(carried.filter((c) => c.kind === "accommodation")).toHaveLength(2);
    expect(ZIepDocument.safeParse(document).success).toBe(true);
  });

  it("adds to an existing draft without duplicating on a second run or touching the 504", () => {
    const plan = sample504();
    const frozen = JSON.stringify(plan);
    const first = carryOver504IntoIep(plan, sampleIep()).document;
    expect(first.accommodations).toHaveLength(4);
    const second = carryOver504IntoIep(plan, first);
    expect(second.document.accommodations).toHaveLength(4);
    expect(second.carried.filter((c) => c.kind === "accommodation")).toEqual([]);
    expect(JSON.stringify(plan)).toBe(frozen);
  });

  it("records why the 504 plan ends when the IEP takes effect", () => {
    const ended = end504ForIep(sample504(), "2026-11-01");
    expect(ended.document.dates.ended).toBe("2026-11-01");
    expect(ended.document.endReason).toContain("104.33(b)(2)");
    expect(ended.reason).toBe(ended.document.endReason);
  });
});
