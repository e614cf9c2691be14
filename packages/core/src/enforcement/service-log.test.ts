import { describe, expect, it } from "vitest";
import example from "../../../../docs/examples/service-log.json" with { type: "json" };
import { issuesFromZod } from "../shared/errors.ts";
import { serviceHistoriesFromPlanVersions, summarizeServiceLog, ZServiceLog } from "./service-log.ts";

describe("service-log document", () => {
  it("validates the documented example", () => {
    const parsed = ZServiceLog.safeParse(example);
    expect(parsed.success ? [] : issuesFromZod(parsed.error.issues)).toEqual([]);
  });

  it("computes the example's figures, which the format documentation walks through", () => {
    const log = ZServiceLog.parse(example);
    const summary = summarizeServiceLog(log);
    expect(summary.through).toBe("2026-10-30");
    const byId = Object.fromEntries(summary.services.map((s) => [s.serviceId, s]));

    // Speech: 2 × 30 a week (12 a school day) for 32 school days, then 3 × 30 (18 a day) for 10.
    const speech = byId["svc-speech"];
    expect(speech?.required.minutes).toBe(32 * 12 + 10 * 18);
    expect(speech?.delivered.minutes).toBe(15 * 30);
    expect(speech?.missed).toMatchObject({
      "provider-absent": { minutes: 30 },
      "student-absent": { minutes: 30 },
      "school-closed": { minutes: 30 },
      total: 90,
    });
    expect(speech?.madeUp.minutes).toBe(30);
    expect(speech?.compensatoryOwed.minutes).toBe(0);
    expect(speech?.behindSchedule.isBehind).toBe(true); // 480 of 564
    expect(speech?.citations).toContain("34 CFR 300.324(a)(4)");

    // OT: 4 × 30 a month; September from the 2nd (20 of 21 school days), all of October.
    const ot = byId["svc-ot"];
    expect(ot?.required.minutes).toBe(Math.round((120 * 20) / 21 + 120));
    expect(ot?.delivered.minutes).toBe(7 * 30);
    expect(ot?.compensatoryOwed.minutes).toBe(30); // the class field trip: school-caused

    // Counseling: 1 × 30 a week from Wednesday 16 September (3 of 5 days), then six full weeks.
    const counseling = byId["svc-counseling"];
    expect(counseling?.required.minutes).toBe(18 + 6 * 30);
    expect(counseling?.compensatoryOwed.minutes).toBe(10); // 30 missed, 20 made up
    expect(counseling?.compensatoryOwed.sessionIds).toHaveLength(2);

    expect(summary.totals.compensatoryOwed).toBe(40);
    expect(summary.reportingPeriods.map((p) => p.label)).toEqual(["First grading period"]);
  });

  it("counts only through an earlier date when asked", () => {
    const log = ZServiceLog.parse(example);
    const summary = summarizeServiceLog(log, { through: "2026-09-18" });
    const speech = summary.services.find((s) => s.serviceId === "svc-speech");
    // 2–4 Sept (3 days), 8–11 Sept (4 days), 14–18 Sept (5 days) at 12 a day.
    expect(speech?.required.minutes).toBe(12 * 12);
    expect(speech?.compensatoryOwed.minutes).toBe(0); // the 14 Sept miss was made up on the 18th
  });

  it("ends a service the day before a plan version that drops it", () => {
    const log = ZServiceLog.parse(example);
    const [first] = log.planVersions;
    const dropped = { label: "Amendment", effectiveFrom: "2026-10-01", services: first?.services.slice(0, 1) ?? [] };
    const histories = serviceHistoriesFromPlanVersions([first ?? dropped, dropped]);
    const ot = histories.find((h) => h.serviceId === "svc-ot");
    expect(ot?.versions.map((v) => [v.effectiveFrom, v.prescription === null])).toEqual([
      ["2026-09-02", false],
      ["2026-10-01", true],
    ]);
  });

  it("names the JSON path of a bad session, an unknown service and a duplicate id", () => {
    const bad = JSON.parse(JSON.stringify(example)) as { sessions: Array<Record<string, unknown>> };
    (bad.sessions[2] as Record<string, unknown>).status = "cancelled";
    (bad.sessions[4] as Record<string, unknown>).serviceId = "svc-nope";
    (bad.sessions[5] as Record<string, unknown>).id = (bad.sessions[6] as Record<string, unknown>).id;
    const parsed = ZServiceLog.safeParse(bad);
    expect(parsed.success).toBe(false);
    const paths = parsed.success ? [] : issuesFromZod(parsed.error.issues).map((i) => i.path);
    expect(paths).toContain("/sessions/2/status");
    // Refinements run only on an otherwise valid document.
    (bad.sessions[2] as Record<string, unknown>).status = "delivered";
    const again = ZServiceLog.safeParse(bad);
    const paths2 = again.success ? [] : issuesFromZod(again.error.issues).map((i) => i.path);
    expect(paths2).toEqual(expect.arrayContaining(["/sessions/4/serviceId", "/sessions/6/id"]));
  });
});
