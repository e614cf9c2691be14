import { describe, expect, it } from "vitest";
import { paths, patterns, safeNextPath } from "./paths.ts";
import { routes } from "./routes.tsx";

/** The app's feature sources, as text. */
const features = import.meta.glob<string>(["../features/**/*.ts", "../features/**/*.tsx", "!../**/*.test.*"], {
  query: "?raw",
  import: "default",
  eager: true,
});

describe("the path registry", () => {
  it("gives every route a registered pattern, each page one route", () => {
    const registered = new Set<string>(Object.values(patterns));
    for (const route of routes) expect(registered.has(route.path), route.path).toBe(true);
    const used = routes.map((r) => r.path);
    expect(new Set(used).size).toBe(used.length);
    expect(new Set([...used, patterns.home])).toEqual(registered);
  });

  it("builds links that match their pattern, with parameters encoded", () => {
    expect(paths.studentPlanEdit("a b", "p/1")).toBe("/students/a%20b/plans/p%2F1/edit");
    expect(paths.studentServices("s1")).toBe("/students/s1/services");
    expect(paths.compensatoryPolicy).toBe(patterns.compensatoryPolicy);
  });

  it("is the only place features get an address from (no page address written by hand)", () => {
    const prefixes = [
      ...new Set(
        Object.values(patterns)
          .map((p) => p.split("/")[1])
          .filter(Boolean),
      ),
    ];
    const handWritten = new RegExp(`["\`]/(${prefixes.join("|")})(/|["\`?])`);
    const offenders = Object.entries(features)
      .filter(([, text]) => handWritten.test(text.replaceAll(/\/api\/[^"`]*/g, "")))
      .map(([file]) => file);
    expect(Object.keys(features).length).toBeGreaterThan(30);
    expect(offenders).toEqual([]);
  });

  it("sends people only to addresses inside the app after signing in", () => {
    expect(safeNextPath("/students/1")).toBe("/students/1");
    expect(safeNextPath("//evil.example")).toBe(paths.home);
  });
});
