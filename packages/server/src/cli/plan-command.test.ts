import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { hashPlanContent, sealPlanContent, ZPlanDocument } from "@lantern/core";
import { afterAll, describe, expect, it } from "vitest";
import { parsePlanFile, planSchemaText } from "./plan-command.ts";

const root = resolve(import.meta.dirname, "../../../..");
const iepExample = join(root, "docs/examples/iep.json");
const example504 = join(root, "docs/examples/504.json");
const dir = mkdtempSync(join(tmpdir(), "lantern-plan-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function lantern(...args: string[]) {
  const run = spawnSync(process.execPath, [join(root, "bin/lantern.js"), ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("docs/examples", () => {
  it("the IEP and 504 examples validate", () => {
    const iep = ZPlanDocument.safeParse(JSON.parse(readFileSync(iepExample, "utf8")));
    const plan504 = ZPlanDocument.safeParse(JSON.parse(readFileSync(example504, "utf8")));
    expect(iep.success && iep.data.type).toBe("iep");
    expect(plan504.success && plan504.data.type).toBe("section-504");
  });

  it("the IEP example is a rich annual IEP for a 16-year-old with a transition plan", () => {
    const doc = ZPlanDocument.parse(JSON.parse(readFileSync(iepExample, "utf8")));
    if (doc.type !== "iep") throw new Error("expected an IEP");
    expect(doc.goals.length).toBeGreaterThanOrEqual(8);
    expect(doc.services.length).toBeGreaterThanOrEqual(6);
    expect(doc.accommodations.length).toBeGreaterThanOrEqual(12);
    expect(doc.transition?.postsecondaryGoals.length).toBeGreaterThanOrEqual(3);
    expect(doc.student.dateOfBirth).toBe("2010-05-12");
  });

  it("round-trips: parse → serialize → parse is equal, and the example is written out in full", () => {
    const raw = JSON.parse(readFileSync(iepExample, "utf8"));
    const once = ZPlanDocument.parse(raw);
    expect(ZPlanDocument.parse(JSON.parse(JSON.stringify(once)))).toEqual(once);
    // Every default is spelled out in the file, so its hash equals the parsed document's.
    expect(hashPlanContent(raw)).toBe(hashPlanContent(once));
  });

  it("docs/schema/plan-document.schema.json is up to date (npm run docs:schema)", () => {
    expect(readFileSync(join(root, "docs/schema/plan-document.schema.json"), "utf8")).toBe(planSchemaText());
  });
});

describe("parsePlanFile", () => {
  it("names the JSON path of the first problem", () => {
    expect(() =>
      parsePlanFile('{"type":"iep","services":[{"id":"s1","kind":"related-service","area":"juggling"}]}'),
    ).toThrow(/^\/services\/0\/area: /);
    expect(() => parsePlanFile("{not json")).toThrow(/^\(root\): not valid JSON/);
  });

  it("accepts a sealed file whose seal matches and rejects a changed one", () => {
    const document = JSON.parse(readFileSync(example504, "utf8"));
    const seal = sealPlanContent(document, "2026-09-09T22:30:00Z");
    expect(parsePlanFile(JSON.stringify({ document, seal })).seal?.hash).toBe(seal.hash);
    const changed = { ...document, placement: "Separate class" };
    expect(() => parsePlanFile(JSON.stringify({ document: changed, seal }))).toThrow(/^\/seal\/hash: does not match/);
  });
});

describe("lantern plan", () => {
  it("validate: prints a JSON summary for a valid plan", () => {
    const run = lantern("plan", "validate", iepExample);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ valid: true, type: "iep", sealed: false, sha256: null });
  });

  it("validate: exits 2 with one line naming the JSON path when invalid", () => {
    const bad = join(dir, "bad.json");
    const doc = JSON.parse(readFileSync(iepExample, "utf8"));
    doc.goals[1].byDate = "2027-02-30";
    writeFileSync(bad, JSON.stringify(doc));
    const run = lantern("plan", "validate", bad);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain("/goals/1/byDate");
  });

  it("validate: exits 2 for an unknown plan type", () => {
    const bad = join(dir, "type.json");
    writeFileSync(bad, JSON.stringify({ type: "plan-b" }));
    const run = lantern("plan", "validate", bad);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/\/type/);
  });

  it("pdf: writes a PDF", () => {
    const out = join(dir, "iep.pdf");
    const run = lantern("plan", "pdf", iepExample, "-o", out);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });

  it("pdf: writes the meeting notice of a plan that has one, and refuses one that has none with exit 2", () => {
    const out = join(dir, "notice.pdf");
    const run = lantern("plan", "pdf", iepExample, "-o", out, "--kind", "meeting-notice");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const bare = join(dir, "bare-iep.json");
    writeFileSync(bare, JSON.stringify({ type: "iep" }));
    const none = lantern("plan", "pdf", bare, "-o", join(dir, "none.pdf"), "--kind", "meeting-notice");
    expect(none.status).toBe(2);
    expect(none.stderr).toContain("/meeting/notice");
  });

  it("pdf: rejects an unknown kind with exit 2", () => {
    const run = lantern("plan", "pdf", iepExample, "-o", join(dir, "x.pdf"), "--kind", "poster");
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--kind");
  });

  it("hash: prints the SHA-256 a seal records", () => {
    const run = lantern("plan", "hash", example504);
    expect(run.status).toBe(0);
    const expected = hashPlanContent(JSON.parse(readFileSync(example504, "utf8")));
    expect(JSON.parse(run.stdout)).toEqual({ algorithm: "sha256", hash: expected });
  });

  it("schema: prints the JSON Schema with both plan types and their citations", () => {
    const run = lantern("plan", "schema");
    expect(run.status).toBe(0);
    const schema = JSON.parse(run.stdout) as { oneOf: Array<{ properties: { type: { const: string } } }> };
    expect(schema.oneOf.map((s) => s.properties.type.const)).toEqual(["iep", "section-504"]);
    expect(run.stdout).toContain("34 CFR 300.320(a)(2)");
  });
});
