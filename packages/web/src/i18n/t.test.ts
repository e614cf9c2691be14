import { describe, expect, it } from "vitest";
import { en } from "./catalogs.ts";
import { formatMessage, interpolate } from "./format.ts";
import { t, tMaybe } from "./t.ts";

describe("t", () => {
  it("looks up a message by key", () => {
    expect(t("app.signOut")).toBe("Sign out");
  });

  it("fills placeholders", () => {
    expect(t("app.signedInAs", { name: "Dana Lee" })).toBe("Signed in as Dana Lee");
  });

  it("chooses the plural form from count", () => {
    expect(t("common.showing", { count: 1 })).toBe("Showing 1 student.");
    expect(t("common.showing", { count: 25 })).toBe("Showing 25 students.");
    expect(t("common.showing", { count: 1200 })).toBe("Showing 1,200 students.");
  });

  it("finds run-time keys, or says it has none", () => {
    expect(tMaybe("label.deadlineState.met")).toBe("done");
    expect(tMaybe("label.planStatus.no-such-status")).toBeUndefined();
  });
});

describe("catalogs", () => {
  it("merges every feature's English messages, with each feature under its own prefix", () => {
    const prefixes = new Set(Object.keys(en).map((key) => key.split(".")[0]));
    for (const prefix of ["app", "auth", "home", "students", "landing", "glossary"]) expect(prefixes).toContain(prefix);
  });

  it("has no empty messages", () => {
    for (const [key, message] of Object.entries(en)) {
      expect(message.trim(), key).not.toBe("");
    }
  });
});

describe("format", () => {
  it("leaves a missing parameter visible instead of blank", () => {
    expect(interpolate("Hello {name}", {}, "en")).toBe("Hello {name}");
  });

  it("uses the zero form when there is one", () => {
    expect(formatMessage("{count, plural, =0 {Nobody} other {# people}}", { count: 0 }, "en")).toBe("Nobody");
  });

  it("writes numbers the reader's way, in plain placeholders and in plurals", () => {
    expect(formatMessage("{n} and {count, plural, other {# people}}", { n: 1200, count: 3400 }, "en")).toBe(
      "1,200 and 3,400 people",
    );
  });

  it("treats apostrophes and angle brackets as text", () => {
    expect(formatMessage("The family's <b>{name}</b>", { name: "Ana" }, "en")).toBe("The family's <b>Ana</b>");
  });
});
