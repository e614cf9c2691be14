import { describe, expect, it } from "vitest";
import {
  BoilerplateIndex,
  MINHASH_SIZE,
  minhashSignature,
  minhashSimilarity,
  normalizeAccommodationText,
  signPlanAccommodations,
  vagueAccommodationReason,
  wordShingles,
  ZPlanAccommodationSignature,
} from "./boilerplate.ts";

const sig = (text: string) => minhashSignature(wordShingles(normalizeAccommodationText(text)));

const SEATING = "Preferential seating near the point of instruction and away from doors and windows";
const SEATING_VARIANT = "Preferential seating near the point of instruction and away from doors and windows.";
const SEATING_EDITED =
  "Preferential seating near the point of instruction, away from the doors and windows and the pencil sharpener";
const NOTES = "Copy of class notes provided by the teacher before each science lecture";

describe("MinHash", () => {
  it("normalises case, punctuation and stop words, keeping decimals", () => {
    expect(normalizeAccommodationText("Extended time (1.5x) on ALL tests!")).toEqual([
      "extended",
      "time",
      "1_5x",
      "all",
      "tests",
    ]);
  });

  it("identical texts have similarity 1, unrelated texts near 0", () => {
    expect(minhashSignature(wordShingles([]))).toHaveLength(MINHASH_SIZE);
    expect(minhashSimilarity(sig(SEATING), sig(SEATING_VARIANT))).toBe(1);
    expect(minhashSimilarity(sig(SEATING), sig(NOTES))).toBeLessThan(0.2);
  });

  it("an edited text stays similar but not identical", () => {
    const s = minhashSimilarity(sig(SEATING), sig(SEATING_EDITED));
    expect(s).toBeGreaterThan(0.3);
    expect(s).toBeLessThan(1);
  });

  it("signing is deterministic and matches the stored schema", () => {
    const a = signPlanAccommodations("plan-1", "stu-1", [
      { id: "acc-1", text: SEATING },
      { id: "acc-2", text: NOTES },
      { id: "acc-3", text: "  " },
    ]);
    const b = signPlanAccommodations("plan-1", "stu-1", [
      { id: "acc-2", text: NOTES },
      { id: "acc-1", text: SEATING },
    ]);
    expect(ZPlanAccommodationSignature.parse(a)).toEqual(a);
    expect(a.texts).toHaveLength(2);
    expect(a.set?.key).toBe(b.set?.key);
    expect(a.set?.signature).toEqual(b.set?.signature);
    expect(signPlanAccommodations("p", "s", []).set).toBeNull();
  });
});

describe("BoilerplateIndex", () => {
  const plan = (n: number, texts: string[]) =>
    signPlanAccommodations(
      `plan-${n}`,
      `stu-${n}`,
      texts.map((text, i) => ({ id: `acc-${i + 1}`, text })),
    );

  it("flags a text shared by at least 10 other students, and the whole set", () => {
    const index = new BoilerplateIndex();
    for (let n = 1; n <= 11; n++) index.upsert(plan(n, [n % 2 ? SEATING : SEATING_VARIANT, NOTES]));
    index.upsert(plan(12, ["Use of a calculator for multi-step math problems"]));
    expect(index.size).toBe(12);
    const matches = index.matchesFor("plan-1");
    expect(matches).toContainEqual({ scope: "text", accommodationId: "acc-1", similarStudents: 10 });
    expect(matches).toContainEqual({ scope: "text", accommodationId: "acc-2", similarStudents: 10 });
    expect(matches).toContainEqual({ scope: "set", accommodationId: null, similarStudents: 10 });
    expect(index.matchesFor("plan-12")).toEqual([]);
  });

  it("does not flag below the threshold, and counts students, not plans", () => {
    const index = new BoilerplateIndex();
    for (let n = 1; n <= 10; n++) index.upsert(plan(n, [SEATING]));
    expect(index.matchesFor("plan-1")).toEqual([]);
    // A second plan of an existing student (e.g. a 504 plan next to an IEP) adds no student.
    index.upsert(signPlanAccommodations("plan-1b", "stu-1", [{ id: "a", text: SEATING }]));
    expect(index.matchesFor("plan-2")).toEqual([]);
    index.upsert(plan(11, [SEATING]));
    expect(index.matchesFor("plan-2")).toEqual([{ scope: "text", accommodationId: "acc-1", similarStudents: 10 }]);
  });

  it("bulk loading gives the same matches as upserting one by one", () => {
    const sigs = Array.from({ length: 12 }, (_, i) => plan(i + 1, [SEATING, i % 3 ? NOTES : "Calculator for math"]));
    const a = new BoilerplateIndex();
    a.load(sigs);
    const b = new BoilerplateIndex();
    for (const s of sigs) b.upsert(s);
    for (const s of sigs) expect(a.matchesFor(s.planId)).toEqual(b.matchesFor(s.planId));
    expect(a.matchesFor("plan-1")).toEqual([{ scope: "text", accommodationId: "acc-1", similarStudents: 11 }]);
  });

  it("honours its settings", () => {
    const index = new BoilerplateIndex({ minOtherStudents: 2 });
    for (let n = 1; n <= 3; n++) index.upsert(plan(n, [SEATING]));
    expect(index.matchesFor("plan-3")).toEqual([{ scope: "text", accommodationId: "acc-1", similarStudents: 2 }]);
  });

  it("reports which other plans are affected by a change, and updates counts on removal", () => {
    const index = new BoilerplateIndex({ minOtherStudents: 3 });
    for (let n = 1; n <= 4; n++) index.upsert(plan(n, [SEATING]));
    index.upsert(plan(5, [NOTES]));
    expect(index.matchesFor("plan-1").length).toBeGreaterThan(0);
    // plan-4 edits its text to something individual: plans 1–3 are affected, plan 5 is not.
    const affected = index.upsert(plan(4, ["Audio recordings of chapter books for independent reading"]));
    expect(affected.sort()).toEqual(["plan-1", "plan-2", "plan-3"]);
    expect(index.matchesFor("plan-1")).toEqual([]);
    // Adding plan 6 with the shared text makes plans 1–3 boilerplate again.
    expect(index.upsert(plan(6, [SEATING])).sort()).toEqual(["plan-1", "plan-2", "plan-3"]);
    expect(index.matchesFor("plan-1")).toEqual([{ scope: "text", accommodationId: "acc-1", similarStudents: 3 }]);
    expect(index.remove("plan-6").sort()).toEqual(["plan-1", "plan-2", "plan-3"]);
    expect(index.matchesFor("plan-1")).toEqual([]);
    expect(index.remove("missing")).toEqual([]);
    // Re-upserting an unchanged plan affects no one.
    expect(index.upsert(plan(1, [SEATING]))).toEqual([]);
  });
});

describe("vagueAccommodationReason", () => {
  it("flags 'as needed' without who, when or how much", () => {
    expect(vagueAccommodationReason({ text: "Breaks as needed" })).toBe(
      'says "as needed" without who provides it, when or how much',
    );
    expect(vagueAccommodationReason({ text: "Extra help when appropriate", providedBy: "Teacher" })).toBe(
      'says "when appropriate" without when or how much',
    );
    expect(vagueAccommodationReason({ text: "Use of a calculator", when: "As needed" })).toContain('"as needed"');
  });

  it("accepts a phrase when who, when and how much are stated", () => {
    expect(
      vagueAccommodationReason({
        text: "A 5-minute movement break as needed",
        providedBy: "Classroom teacher",
        when: "During independent work, up to twice per class",
      }),
    ).toBeNull();
  });

  it("flags an amount-less 'extended time' but accepts '1.5 times'", () => {
    expect(vagueAccommodationReason({ text: "Extended time on tests", providedBy: "Teachers", when: "Tests" })).toBe(
      'names "extended time" without saying how much',
    );
    expect(
      vagueAccommodationReason({ text: "Extended time (1.5 times) on tests", providedBy: "Teachers", when: "Tests" }),
    ).toBeNull();
  });

  it("does not match inside words", () => {
    expect(
      vagueAccommodationReason({ text: "Some items read aloud", providedBy: "Aide", when: "Math tests" }),
    ).toBeNull();
    expect(
      vagueAccommodationReason({ text: "Seat near the teacher's desk", providedBy: "Teacher", when: "All classes" }),
    ).toBeNull();
  });
});
