/**
 * The student list on both databases: each student's "Next deadline" is the soonest unmet
 * deadline of their plans, in the state the compliance page shows it.
 */
import { type DeadlineList, type StudentList, sampleIep, ZPlanDocument } from "@lantern/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type Client, type TestApp } from "../helpers/build-app.ts";
import { FACTORY_PASSWORD } from "../helpers/factories.ts";
import { DATABASE_KINDS, TEST_TODAY } from "../helpers/test-database.ts";

/** An IEP in effect whose annual review (1 October 2026) is overdue on TEST_TODAY. */
function overdueIep() {
  const doc = sampleIep();
  return ZPlanDocument.parse({
    ...doc,
    meeting: { ...doc.meeting, date: "2025-10-01", type: "annual" },
    dates: { ...doc.dates, planStart: "2025-10-02", planEnd: "2026-09-30", nextAnnualReview: "2026-10-01" },
  });
}

describe.each(DATABASE_KINDS)("the student list on %s", (kind) => {
  let t: TestApp;
  let caseManager: Client;
  let overdue: { id: string; districtId: string; schoolId: string };
  let planless: { id: string };

  beforeAll(async () => {
    t = await buildTestApp(kind, { seed: false });
    const district = await t.make.district();
    const school = await t.make.school({ districtId: district.id });
    overdue = await t.make.student({ districtId: district.id, schoolId: school.id, lastName: "Overdue" });
    planless = await t.make.student({ districtId: district.id, schoolId: school.id, lastName: "Planless" });
    const cm = await t.make.staff({
      districtId: district.id,
      schoolId: school.id,
      role: "case-manager",
      caseload: [overdue.id, planless.id],
    });
    await t.make.plan({ student: overdue, doc: overdueIep(), createdBy: cm.id });
    caseManager = await t.signIn(cm.email, FACTORY_PASSWORD);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("shows each student's next deadline as the compliance page lists it", async () => {
    const res = await caseManager.get("/api/students");
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json() as StudentList;
    const byId = new Map(list.items.map((s) => [s.id, s]));
    const listed = await caseManager.get(`/api/compliance/deadlines?state=overdue&today=${TEST_TODAY}`);
    const soonest = (listed.json() as DeadlineList).items.find((d) => d.studentId === overdue.id);
    expect(soonest?.dueDate).toBe("2026-10-01");
    expect(byId.get(overdue.id)?.nextDeadline).toEqual({
      kind: "annual-review",
      label: soonest?.label,
      dueDate: soonest?.dueDate,
      state: "overdue",
    });
    expect(byId.get(planless.id)?.nextDeadline).toBeNull();
  });
});
