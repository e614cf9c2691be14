/**
 * Logging sessions at the edges: sessions logged at the same moment for one service on one day all
 * land, each in its own slot (never a 500 from two requests taking the same one), and the 21st
 * session of one service on one day is refused with a 409 that says why.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type Client, type TestApp } from "../helpers/build-app.ts";
import { DATABASE_KINDS } from "../helpers/test-database.ts";

describe.each(DATABASE_KINDS)("session limits on %s", (kind) => {
  let t: TestApp;
  let slp: Client;
  let studentId: string;
  let serviceId: string;

  beforeAll(async () => {
    t = await buildTestApp(kind);
    slp = await t.signIn("slp@maplevalley.example");
    const week = (await slp.get("/api/caseload/service-week?weekOf=2026-11-16")).json() as {
      students: Array<{ studentId: string; services: Array<{ serviceId: string }> }>;
    };
    const row = week.students.find((s) => s.services.length > 0);
    if (!row) throw new Error("no caseload student with a service");
    studentId = row.studentId;
    serviceId = (row.services[0] as { serviceId: string }).serviceId;
  }, 180_000);
  afterAll(async () => {
    await t?.close();
  });

  const session = (date: string) => ({ serviceId, date, minutes: 10, delivery: "group", status: "delivered" });

  it("lands every one of 12 sessions logged at once for one service on one day", async () => {
    const replies = await Promise.all(
      Array.from({ length: 12 }, () =>
        slp.send("POST", `/api/students/${studentId}/service-sessions`, session("2026-11-15")),
      ),
    );
    expect(replies.map((r) => r.statusCode).filter((s) => s >= 500)).toEqual([]);
    expect(replies.every((r) => r.statusCode === 201 || r.statusCode === 409)).toBe(true);
    const landed = replies.filter((r) => r.statusCode === 201).map((r) => (r.json() as { slot: number }).slot);
    expect(new Set(landed).size).toBe(landed.length);
    expect(landed.length).toBe(12);
  });

  it("refuses a 21st session of one service on one day with a 409", async () => {
    for (let i = 0; i < 20; i++) {
      const res = await slp.send("POST", `/api/students/${studentId}/service-sessions`, session("2026-11-22"));
      expect(res.statusCode, res.body).toBe(201);
    }
    const res = await slp.send("POST", `/api/students/${studentId}/service-sessions`, session("2026-11-22"));
    expect(res.statusCode, res.body).toBe(409);
    expect((res.json() as { message: string }).message).toMatch(/20 sessions/);
  });
});
