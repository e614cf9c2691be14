import { describe, expect, it } from "vitest";
import { cleanTextInput, normalizeText, textProblem, ZText } from "./text.ts";

describe("text from outside", () => {
  it("refuses a NUL character and a lone surrogate, and accepts a whole surrogate pair", () => {
    expect(textProblem("a\u0000b")).toBe("nul");
    expect(textProblem("a\ud800b")).toBe("surrogate");
    expect(textProblem("a\udc00")).toBe("surrogate");
    expect(textProblem("\ud800")).toBe("surrogate");
    expect(textProblem("smile \ud83d\ude00")).toBeNull();
    expect(textProblem("Mateo Rivera")).toBeNull();
  });

  it("puts text in normal form C", () => {
    expect(normalizeText("Jose\u0301")).toBe("José");
    expect(ZText.parse("Rene\u0301e")).toBe("Renée");
    expect(ZText.safeParse("a\u0000").success).toBe(false);
  });

  it("names the field of each problem in a nested input, keys included", () => {
    const { value, issues } = cleanTextInput({
      name: "Jose\u0301",
      attendees: [{ name: "ok" }, { name: "x\ud800" }],
      "bad\u0000key": 1,
      count: 3,
    });
    expect(issues).toEqual([
      { path: "/attendees/1/name", message: expect.stringContaining("surrogate") },
      { path: "/?", message: expect.stringContaining("NUL") },
    ]);
    expect((value as { name: string }).name).toBe("José");
  });
});
