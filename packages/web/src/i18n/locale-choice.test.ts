import { afterEach, describe, expect, it } from "vitest";
import { guardianLocale, preferredLocale, rememberLocale } from "./locale-choice.ts";

describe("the language the app opens in", () => {
  afterEach(() => window.localStorage.clear());

  it("is the guardian's language from the child's record unless the reader chose one in the switcher", () => {
    expect(guardianLocale("es")).toBe("es");
    expect(guardianLocale("es-mx")).toBe("es");
    expect(guardianLocale("vi")).toBeUndefined(); // Lantern does not speak it yet
    expect(guardianLocale(null)).toBeUndefined();
    rememberLocale("en");
    expect(guardianLocale("es")).toBeUndefined();
    expect(preferredLocale(["es-MX"])).toBe("en");
  });
});
