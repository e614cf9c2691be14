import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical-json.ts";
import { ZPlanDocument } from "./plan-document.ts";
import { sampleIep } from "./plan-samples.ts";
import { formatPlanHash, hashPlanContent, sealPlanContent, verifyPlanSeal } from "./plan-seal.ts";

describe("canonical JSON", () => {
  it("sorts keys and drops insignificant whitespace (RFC 8785)", () => {
    expect(canonicalJson({ b: 1, a: [true, null, "x"], c: { z: 1.5, y: 1e21 } })).toBe(
      '{"a":[true,null,"x"],"b":1,"c":{"y":1e+21,"z":1.5}}',
    );
  });
  it("rejects values JSON cannot hold", () => {
    expect(() => canonicalJson(Number.NaN)).toThrow();
    expect(() => canonicalJson(undefined)).toThrow();
  });
});

describe("plan seal", () => {
  it("hashes known content to the known SHA-256", () => {
    // sha256('{"a":1}')
    expect(hashPlanContent({ a: 1 })).toBe("015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862");
  });

  it("gives the same hash whatever the key order", () => {
    const doc = sampleIep();
    const reverseKeys = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(reverseKeys)
        : value !== null && typeof value === "object"
          ? Object.fromEntries(
              Object.entries(value)
                .reverse()
                .map(([k, v]) => [k, reverseKeys(v)]),
            )
          : value;
    const reordered = reverseKeys(doc);
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(doc));
    expect(hashPlanContent(reordered)).toBe(hashPlanContent(doc));
  });

  it("verifies an untouched document and rejects a changed one", () => {
    const doc = sampleIep();
    const seal = sealPlanContent(doc, "2026-10-14T16:00:00Z");
    expect(seal.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyPlanSeal(doc, seal)).toBe(true);
    expect(verifyPlanSeal(JSON.parse(JSON.stringify(doc)), seal)).toBe(true);
    const changed = { ...doc, services: doc.services.slice(1) };
    expect(verifyPlanSeal(changed, seal)).toBe(false);
  });

  it("round-trips: a parsed, serialized and re-parsed document keeps its hash", () => {
    const doc = sampleIep();
    const again = ZPlanDocument.parse(JSON.parse(JSON.stringify(doc)));
    expect(again).toEqual(doc);
    expect(hashPlanContent(again)).toBe(hashPlanContent(doc));
  });

  it("formats the hash in groups", () => {
    expect(formatPlanHash("0123456789abcdef", 4)).toBe("0123 4567 89ab cdef");
  });
});
