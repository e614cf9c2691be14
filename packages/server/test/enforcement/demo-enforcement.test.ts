/** The demo district's service sessions and progress data, as the family sees them. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../helpers/build-app.ts";

describe("demo enforcement data on pglite", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp("pglite");
  });
  afterAll(async () => {
    await t?.close();
  });

  it("gives Mateo's family minutes owed and progress on each goal", async () => {
    const parent = await t.signIn("parent.rivera@family.example");
    const mateo = t.ids?.students.get("Mateo Rivera") as string;
    const res = await parent.get(`/api/students/${mateo}/service-minutes?through=2026-11-22`);
    expect(res.statusCode, res.body).toBe(200);
    const minutes = res.json() as { services: unknown[]; totals: { delivered: number; compensatoryOwed: number } };
    expect(minutes.services.length).toBeGreaterThan(0);
    expect(minutes.totals.delivered).toBeGreaterThan(0);
    expect(minutes.totals.compensatoryOwed).toBeGreaterThan(0);
    const progress = (await parent.get(`/api/students/${mateo}/progress`)).json() as {
      goals: Array<{ points: unknown[] }>;
    };
    expect(progress.goals.length).toBeGreaterThan(0);
    expect(progress.goals[0]?.points.length).toBeGreaterThan(3);
  });
});
