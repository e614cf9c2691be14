import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical-json.ts";
import { hashPlanContent, verifyPlanSeal } from "./plan-seal.ts";

/** JSON values without -0 (JSON has no negative zero) and without non-finite numbers. */
const jsonValue = fc
  .jsonValue({ maxDepth: 4, noUnicodeString: false })
  .map((v) => JSON.parse(JSON.stringify(v)) as unknown);

function shuffleKeys(value: unknown, seed: number): unknown {
  if (Array.isArray(value)) return value.map((v, i) => shuffleKeys(v, seed + i));
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value);
    const rotated =
      entries.length > 0
        ? [...entries.slice(seed % entries.length), ...entries.slice(0, seed % entries.length)]
        : entries;
    return Object.fromEntries(rotated.reverse().map(([k, v]) => [k, shuffleKeys(v, seed + 1)]));
  }
  return value;
}

describe("plan seal properties", () => {
  it("the hash does not depend on key order", () => {
    fc.assert(
      fc.property(jsonValue, fc.nat(100), (value, seed) => {
        expect(hashPlanContent(shuffleKeys(value, seed))).toBe(hashPlanContent(value));
      }),
    );
  });

  it("canonical JSON parses back to an equal value", () => {
    fc.assert(
      fc.property(jsonValue, (value) => {
        expect(JSON.parse(canonicalJson(value))).toEqual(value);
      }),
    );
  });

  it("changing any value of an object breaks the seal", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1 }), fc.integer(), { minKeys: 1 }), fc.nat(), (obj, pick) => {
        const keys = Object.keys(obj);
        const key = keys[pick % keys.length] as string;
        const seal = { algorithm: "sha256" as const, hash: hashPlanContent(obj) };
        expect(verifyPlanSeal(obj, seal)).toBe(true);
        expect(verifyPlanSeal({ ...obj, [key]: (obj[key] ?? 0) + 1 }, seal)).toBe(false);
      }),
    );
  });
});
