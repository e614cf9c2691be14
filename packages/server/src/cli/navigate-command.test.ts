import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../../../..");
const fixtures = join(root, "packages/core/src/eligibility/fixtures");

function lantern(args: string[], input?: string) {
  const run = spawnSync(process.execPath, [join(root, "bin/lantern.js"), ...args], {
    cwd: root,
    encoding: "utf8",
    input,
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const dyslexia = JSON.parse(readFileSync(join(fixtures, "dyslexia-needs-specialized-reading.json"), "utf8")) as {
  facts: Record<string, unknown>;
};

describe("lantern navigate", () => {
  it("prints the result for a facts file", () => {
    const file = join(root, "docs/examples/navigator-facts.json");
    const run = lantern(["navigate", file]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as { recommendation: string; trace: Array<{ citation: string }> };
    expect(out.recommendation).toBe("evaluate");
    expect(out.trace.length).toBeGreaterThan(3);
  });

  it("reads standard input with -", () => {
    const run = lantern(["navigate", "-"], JSON.stringify(dyslexia.facts));
    expect(run.status).toBe(0);
    expect((JSON.parse(run.stdout) as { recommendation: string }).recommendation).toBe("iep");
  });

  const bad: Array<[string, string, RegExp]> = [
    ["not JSON", "{ages: 3", /^lantern: \(root\): not valid JSON/],
    ["a missing field", JSON.stringify({ evaluation: "none" }), /^lantern: \/ageYears: /],
    ["a wrong type", JSON.stringify({ ageYears: "eight", evaluation: "none" }), /^lantern: \/ageYears: /],
    [
      "an unknown category slug",
      JSON.stringify({ ageYears: 8, evaluation: "none", impairments: [{ name: "x", ideaCategory: "dyslexia" }] }),
      /^lantern: \/impairments\/0\/ideaCategory: /,
    ],
    [
      "an unknown related-service slug",
      JSON.stringify({ ageYears: 8, evaluation: "none", relatedServicesNeeded: ["massage"] }),
      /^lantern: \/relatedServicesNeeded\/0: /,
    ],
  ];
  for (const [what, input, line] of bad) {
    it(`exits 2 with one line naming the field on ${what}`, () => {
      const run = lantern(["navigate", "-"], input);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr).toMatch(line);
      expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
    });
  }

  it("exits 2 when the file cannot be read", () => {
    const run = lantern(["navigate", join(root, "no-such-file.json")]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/cannot read/);
  });
});
