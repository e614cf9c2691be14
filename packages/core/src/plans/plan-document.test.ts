import { describe, expect, it } from "vitest";
import { z } from "zod";
import { validatePlanDocument, ZPlanDocument } from "./plan-document.ts";
import { IEP_SECTIONS, SECTION_504_SECTIONS } from "./plan-sections.ts";

describe("ZPlanDocument", () => {
  it("accepts an empty IEP draft and fills defaults", () => {
    const doc = ZPlanDocument.parse({ type: "iep" });
    expect(doc.type).toBe("iep");
    if (doc.type !== "iep") throw new Error("unreachable");
    expect(doc.goals).toEqual([]);
    expect(doc.presentLevels.needs).toEqual([]);
    expect(doc.specialFactors.behavior.considered).toBe(false);
    expect(doc.transition).toBeNull();
    expect(doc.consent.choice).toBeNull();
  });

  it("accepts an empty 504 draft", () => {
    const doc = ZPlanDocument.parse({ type: "section-504" });
    expect(doc.type).toBe("section-504");
  });

  it("round-trips: parse, serialize, parse gives the same document", () => {
    const first = ZPlanDocument.parse({
      type: "iep",
      goals: [{ id: "goal-1", area: "Reading", baseline: { value: 42 }, target: { value: 90 }, byDate: "2027-06-01" }],
      services: [{ id: "svc-1", kind: "related-service", area: "speech-language-pathology", goalIds: ["goal-1"] }],
    });
    const again = ZPlanDocument.parse(JSON.parse(JSON.stringify(first)));
    expect(again).toEqual(first);
  });

  it("rejects an unknown type", () => {
    const result = validatePlanDocument({ type: "plan-b" });
    expect(result.ok).toBe(false);
    expect(result.issues[0]?.path).toBe("/type");
  });

  it("names the JSON path of a bad field", () => {
    const result = validatePlanDocument({ type: "iep", goals: [{ id: "g1", byDate: "2027-13-01" }] });
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => i.path)).toContain("/goals/0/byDate");
  });

  it("generates a JSON Schema with citations", () => {
    const schema = JSON.stringify(z.toJSONSchema(ZPlanDocument, { io: "input", unrepresentable: "any" }));
    expect(schema).toContain("34 CFR 300.320(a)(2)");
    expect(schema).toContain("34 CFR 104.35(c)");
  });
});

describe("section metadata", () => {
  it("every section of both plan types has a description and a citation in the JSON Schema", () => {
    const schema = z.toJSONSchema(ZPlanDocument, { io: "input", unrepresentable: "any" }) as {
      oneOf: Array<{ properties: Record<string, { description?: string; citation?: string }> }>;
    };
    for (const variant of schema.oneOf) {
      for (const [key, property] of Object.entries(variant.properties)) {
        if (key === "type" || key === "schemaVersion") continue;
        expect(property.description, key).toBeTruthy();
        expect(property.citation, key).toMatch(/CFR/);
      }
    }
  });

  it("the section lists name every section of the documents, once", () => {
    const iep = ZPlanDocument.parse({ type: "iep" });
    const plan504 = ZPlanDocument.parse({ type: "section-504" });
    const skip = new Set(["type", "schemaVersion", "secondaryDisabilities"]);
    expect(IEP_SECTIONS.map((s) => s.key).sort()).toEqual(
      Object.keys(iep)
        .filter((k) => !skip.has(k))
        .sort(),
    );
    expect(SECTION_504_SECTIONS.map((s) => s.key).sort()).toEqual(
      Object.keys(plan504)
        .filter((k) => !skip.has(k))
        .sort(),
    );
  });
});
