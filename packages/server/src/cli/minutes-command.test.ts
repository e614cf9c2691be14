import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../../../..");
const example = join(root, "docs/examples/service-log.json");
const dir = mkdtempSync(join(tmpdir(), "lantern-minutes-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function lantern(...args: string[]) {
  const run = spawnSync(process.execPath, [join(root, "bin/lantern.js"), ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

type Summary = {
  through: string;
  services: Array<{
    serviceId: string;
    required: { minutes: number };
    delivered: { minutes: number };
    missed: Record<string, { minutes: number; sessionIds: string[] }> & { total: number };
    madeUp: { minutes: number };
    compensatoryOwed: { minutes: number; sessionIds: string[] };
  }>;
  totals: { compensatoryOwed: number };
};

describe("lantern minutes", () => {
  it("prints per-service figures for the documented example", () => {
    const run = lantern("minutes", example);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as Summary;
    expect(out.through).toBe("2026-10-30");
    const figures = out.services.map((s) => [
      s.serviceId,
      s.required.minutes,
      s.delivered.minutes,
      s.missed.total,
      s.madeUp.minutes,
      s.compensatoryOwed.minutes,
    ]);
    expect(figures).toEqual([
      ["svc-speech", 564, 450, 90, 30, 0],
      ["svc-ot", 234, 210, 30, 0, 30],
      ["svc-counseling", 198, 180, 30, 20, 10],
    ]);
    expect(out.services[1]?.missed["student-unavailable"]?.sessionIds).toHaveLength(1);
    expect(out.totals.compensatoryOwed).toBe(40);
  });

  it("counts through an earlier date with --through", () => {
    const run = lantern("minutes", example, "--through", "2026-09-18");
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as Summary;
    expect(out.through).toBe("2026-09-18");
    expect(out.services[0]?.required.minutes).toBe(144);
  });

  it("exits 2 naming the JSON path of an invalid session", () => {
    const doc = JSON.parse(readFileSync(example, "utf8")) as { sessions: Array<{ status: string }> };
    (doc.sessions[3] as { status: string }).status = "cancelled";
    const file = join(dir, "bad.json");
    writeFileSync(file, JSON.stringify(doc));
    const run = lantern("minutes", file);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(/^lantern: \/sessions\/3\/status: /);
  });

  it("exits 2 on a file that is not JSON, a missing file and a bad date", () => {
    const file = join(dir, "not.json");
    writeFileSync(file, "{ sessions: ");
    const notJson = lantern("minutes", file);
    expect(notJson.status).toBe(2);
    expect(notJson.stderr).toMatch(/\(root\): not valid JSON/);
    expect(lantern("minutes", join(dir, "missing.json")).status).toBe(2);
    const badDate = lantern("minutes", example, "--through", "2026-13-01");
    expect(badDate.status).toBe(2);
    expect(badDate.stderr).toMatch(/--through/);
  });
});
