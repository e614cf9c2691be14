/**
 * One staleness signal, on both databases: a plan's writes only queue it (the database's
 * triggers); the next read checks it once. Twenty rapid autosaves of a draft cause no check at
 * all, the reads after them one check per changed plan however many overlap, saves and reads
 * side by side never deadlock, and the stored result is what core's `checkPlan` says of the last
 * save.
 */
import {
  checkPlan,
  defaultSchoolCalendar,
  type PlanComplianceView,
  type PlanDocument,
  sample504,
  sampleIep,
  ZPlanDocument,
} from "@lantern/core";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type Client, type TestApp } from "../helpers/build-app.ts";
import { FACTORY_PASSWORD } from "../helpers/factories.ts";
import { DATABASE_KINDS, TEST_TODAY } from "../helpers/test-database.ts";

describe.each(DATABASE_KINDS)("one staleness signal on %s", (kind) => {
  let t: TestApp;
  let cm: Client;
  let studentId: string;
  let draftId: string;
  let inEffectId: string;
  let doc: PlanDocument;
  let revision = 1;

  /** How many times each plan was checked (a row stored in plan_compliance) since the last reset. */
  const checks = async () => {
    const rows = await sql<{ plan_id: string; n: number }>`
      select plan_id, count(*)::int as n from test_compliance_checks group by plan_id`.execute(t.db);
    return new Map(rows.rows.map((r) => [r.plan_id, r.n]));
  };
  const resetChecks = () => sql`delete from test_compliance_checks`.execute(t.db);
  const autosave = async (i: number) => {
    doc = ZPlanDocument.parse({ ...doc, meeting: { ...doc.meeting, notes: `Autosave ${i}` } });
    const res = await cm.send("PUT", `/api/students/${studentId}/plans/${draftId}/draft`, {
      revision,
      content: doc,
    });
    expect(res.statusCode, res.body).toBe(200);
    revision = (res.json() as { revision: number }).revision;
  };
  const view = async (planId: string) => {
    const res = await cm.get(`/api/students/${studentId}/plans/${planId}/compliance`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as PlanComplianceView;
  };

  beforeAll(async () => {
    t = await buildTestApp(kind, { seed: false });
    // Count each stored check, as the database sees it.
    await sql`create table test_compliance_checks (plan_id uuid not null)`.execute(t.db);
    await sql`create function test_count_check() returns trigger language plpgsql as $$
      begin insert into test_compliance_checks values (new.plan_id); return null; end $$`.execute(t.db);
    await sql`create trigger test_count_check after insert on plan_compliance
      for each row execute function test_count_check()`.execute(t.db);

    const district = await t.make.district({ state: "CA" });
    const school = await t.make.school({ districtId: district.id });
    const student = await t.make.student({ districtId: district.id, schoolId: school.id });
    studentId = student.id;
    const staff = await t.make.staff({ districtId: district.id, role: "case-manager", caseload: [studentId] });
    doc = ZPlanDocument.parse({ ...sampleIep(), signatures: [] });
    draftId = (await t.make.plan({ student, doc, createdBy: staff.id, status: "draft" })).planId;
    inEffectId = (await t.make.plan({ student, doc: sample504(), createdBy: staff.id })).planId;
    cm = await t.signIn(staff.email, FACTORY_PASSWORD);
    // The first read checks both plans once.
    await view(draftId);
    expect(await checks()).toEqual(
      new Map([
        [draftId, 1],
        [inEffectId, 1],
      ]),
    );
  });
  afterAll(async () => {
    await t?.close();
  });

  it("twenty rapid autosaves check nothing; the reads after them check the draft once", async () => {
    await resetChecks();
    for (let i = 1; i <= 20; i++) await autosave(i);
    expect(await checks()).toEqual(new Map());

    // Several reads at once: the plan page's findings, the caseload, the dashboard, the other plan.
    const reads = await Promise.all([
      cm.get(`/api/students/${studentId}/plans/${draftId}/compliance`),
      cm.get(`/api/students/${studentId}/plans/${draftId}/compliance`),
      cm.get("/api/students"),
      cm.get("/api/compliance/dashboard?status=open"),
      cm.get(`/api/students/${studentId}/plans/${inEffectId}/compliance`),
    ]);
    for (const r of reads) expect(r.statusCode, r.body).toBe(200);
    // Only the draft changed; it is checked once however many reads overlapped.
    expect(await checks()).toEqual(new Map([[draftId, 1]]));

    // And the result is what core's rules say of the last save.
    const expected = checkPlan(doc, {
      today: TEST_TODAY,
      calendar: defaultSchoolCalendar(2020, 2032),
      state: "CA",
      settings: { dueSoonDays: 30, section504ReevaluationYears: 3 },
      otherActivePlans: [],
      boilerplate: [],
    });
    const key = (f: { code: string; severity: string; place: string }) => `${f.code}|${f.severity}|${f.place}`;
    const stored = await view(draftId);
    expect(stored.findings.map(key).sort()).toEqual(expected.findings.map(key).sort());
    expect(stored.deadlines.map((d) => [d.kind, d.dueDate])).toEqual(
      expected.deadlines.map((d) => [d.kind, d.dueDate]),
    );
    expect(await checks()).toEqual(new Map([[draftId, 1]]));
  });

  it("saves and reads side by side finish without a deadlock, each read checking only what changed", async () => {
    await resetChecks();
    const saves = (async () => {
      for (let i = 21; i <= 40; i++) await autosave(i);
    })();
    const reads = Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        cm.get(i % 2 ? "/api/students" : `/api/students/${studentId}/plans/${draftId}/compliance`),
      ),
    );
    const [, answers] = await Promise.all([saves, reads]);
    for (const r of answers) expect(r.statusCode, r.body).toBe(200);
    const after = await view(draftId);
    expect(after.findings.length).toBeGreaterThanOrEqual(0);
    const counted = await checks();
    expect(counted.get(inEffectId)).toBeUndefined();
    // At most one check per save (each read checks what the saves before it queued), never more.
    expect(counted.get(draftId) ?? 0).toBeLessThanOrEqual(20);
    const queued = await sql<{ n: number }>`select count(*)::int as n from compliance_queue`.execute(t.db);
    expect(queued.rows[0]?.n).toBe(0);
  });
});
