import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../../../..");
const iepExample = join(root, "docs/examples/iep.json");
const plan504Example = join(root, "docs/examples/504.json");
const dir = mkdtempSync(join(tmpdir(), "lantern-check-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function lantern(...args: string[]) {
  const run = spawnSync(process.execPath, [join(root, "bin/lantern.js"), ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

type Output = {
  findings: Array<{ code: string; severity: string; citation: string; message: string; place: string; fix: string }>;
  deadlines: Array<{ kind: string; code: string; dueDate: string; state: string; citation: string }>;
};

describe("lantern check", () => {
  it("prints the findings and deadlines of the example IEP, exit 0", () => {
    const run = lantern("check", iepExample, "--today", "2026-12-01");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as Output;
    expect(Object.keys(out).sort()).toEqual(["deadlines", "findings"]);
    expect(out.deadlines.find((d) => d.kind === "annual-review")).toMatchObject({
      dueDate: "2027-10-06",
      state: "due",
      citation: "34 CFR 300.324(b)(1)(i)",
    });
    expect(out.deadlines.find((d) => d.kind === "reevaluation")?.dueDate).toBe("2028-03-12");
    for (const f of out.findings) {
      expect(f.place.startsWith("/")).toBe(true);
      expect(f.citation).not.toBe("");
    }
    // The report of 13 November is recorded as sent (300.320(a)(3)(ii)): the next one is due in January.
    expect(out.findings.map((f) => f.code)).not.toContain("deadline.progress-report");
    expect(out.deadlines.find((d) => d.kind === "progress-report")?.dueDate).toBe("2027-01-29");
  });

  it("reports overdue deadlines as errors a year later, still with exit 0", () => {
    const run = lantern("check", iepExample, "--today", "2027-10-20", "--state", "ca");
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as Output;
    const review = out.findings.find((f) => f.code === "deadline.annual-review");
    expect(review?.severity).toBe("error");
    expect(review?.place).toBe("/dates/nextAnnualReview");
  });

  it("checks a Section 504 plan", () => {
    const run = lantern("check", plan504Example, "--today", "2026-12-01");
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as Output;
    expect(out.deadlines.map((d) => d.kind)).toEqual(["section504-reevaluation"]);
    expect(out.findings.some((f) => f.code.startsWith("iep."))).toBe(false);
  });

  it("finds what a broken plan lacks", () => {
    const doc = JSON.parse(readFileSync(iepExample, "utf8")) as { goals: unknown[] };
    doc.goals = [];
    const file = join(dir, "no-goals.json");
    writeFileSync(file, JSON.stringify(doc));
    const run = lantern("check", file, "--today", "2026-12-01");
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as Output;
    expect(out.findings[0]).toMatchObject({ code: "iep.goals.missing", severity: "error", place: "/goals" });
  });

  it("exits 2 naming the JSON path of an invalid field", () => {
    const doc = JSON.parse(readFileSync(iepExample, "utf8")) as { dates: Record<string, unknown> };
    doc.dates.planStart = "2026-02-30";
    const file = join(dir, "bad-date.json");
    writeFileSync(file, JSON.stringify(doc));
    const run = lantern("check", file);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(/^lantern: \/dates\/planStart: /);
  });

  it("exits 2 on a non-plan, a file that is not JSON, a missing file and bad options", () => {
    const other = join(dir, "other.json");
    writeFileSync(other, JSON.stringify({ type: "letter" }));
    const wrongType = lantern("check", other);
    expect(wrongType.status).toBe(2);
    expect(wrongType.stderr).toMatch(/^lantern: \/type: /);
    const notJson = join(dir, "not.json");
    writeFileSync(notJson, "{ type: ");
    expect(lantern("check", notJson).stderr).toMatch(/\(root\): not valid JSON/);
    expect(lantern("check", join(dir, "missing.json")).status).toBe(2);
    const badDate = lantern("check", iepExample, "--today", "2026-13-01");
    expect(badDate.status).toBe(2);
    expect(badDate.stderr).toMatch(/--today/);
    expect(lantern("check", iepExample, "--state", "California").status).toBe(2);
  });
});
