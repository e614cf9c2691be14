import { describe, expect, it } from "vitest";
import type { PlanContent } from "./api.ts";
import { placeOf, pointerPath } from "./finding-places.ts";
import { IEP_SECTIONS, SECTION_504_SECTIONS } from "./plan-sections.ts";

const content = { type: "iep", goals: [{ id: "g1" }, { id: "g2" }], transition: null } as unknown as PlanContent;

describe("where a finding belongs in the editor", () => {
  it("reads the finding's JSON pointer as a path", () => {
    expect(pointerPath("/goals/1/criterion")).toEqual(["goals", 1, "criterion"]);
  });

  it("is the field when the editor has a control for exactly that place", () => {
    expect(placeOf("/goals/1/criterion", IEP_SECTIONS, content)).toEqual({
      sectionId: "goals",
      field: ["goals", 1, "criterion"],
    });
    expect(placeOf("/presentLevels/impactOnGeneralCurriculum", IEP_SECTIONS, content)).toEqual({
      sectionId: "presentLevels",
      field: ["presentLevels", "impactOnGeneralCurriculum"],
    });
  });

  it("is the section when the place is a whole item or part of it without its own control", () => {
    expect(placeOf("/goals/0", IEP_SECTIONS, content)).toEqual({ sectionId: "goals", field: null });
    expect(placeOf("/transition", IEP_SECTIONS, content)).toEqual({ sectionId: "transition", field: null });
    expect(placeOf("/placement", SECTION_504_SECTIONS, { type: "section-504" } as unknown as PlanContent)).toEqual({
      sectionId: "placement",
      field: ["placement"],
    });
  });

  it("puts a 504 impairment without a major life activity beside that impairment's list of limitations", () => {
    const s504 = { type: "section-504", impairments: [{ id: "i1", limitations: [] }] } as unknown as PlanContent;
    expect(placeOf("/impairments/0/limitations", SECTION_504_SECTIONS, s504)).toEqual({
      sectionId: "impairments",
      field: ["impairments", 0, "limitations"],
    });
  });

  it("is nowhere when the editor has no section for that part of the plan", () => {
    expect(placeOf("/signatures", IEP_SECTIONS, content)).toBeNull();
  });
});
