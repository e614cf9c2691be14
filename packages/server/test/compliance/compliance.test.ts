/**
 * Compliance through the real HTTP layer on PGlite and PostgreSQL: a plan's findings and
 * deadlines (staff and family), dashboards whose counts match an independent computation,
 * incremental refresh after a plan changes, deadline lists with keyset pagination and CSV,
 * district settings and calendar, and the personal ICS feed (secret and revocable).
 */
import {
  addDays,
  type ComplianceDashboard,
  checkPlan,
  DEADLINE_DERIVED_FINDING_CODES,
  type DeadlineList,
  defaultSchoolCalendar,
  findingsFromDeadlines,
  type PlanComplianceView,
  type PlanDocument,
  sampleIep,
  ZPlanDocument,
} from "@lantern/core";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUseCaseDeps } from "../../src/deps.ts";
import { refreshPlanCompliance } from "../../src/use-cases/compliance/refresh-plan-compliance.ts";
import { buildTestApp, type Client, type TestApp } from "../helpers/build-app.ts";
import { DATABASE_KINDS, TEST_TODAY } from "../helpers/test-database.ts";

const TODAY = TEST_TODAY;

/** A fictional IEP in effect whose annual review is overdue on TODAY. */
function overdueIep(): PlanDocument {
  const doc = sampleIep();
  return ZPlanDocument.parse({
    ...doc,
    meeting: { ...doc.meeting, date: "2025-10-01", type: "annual" },
    dates: { ...doc.dates, planStart: "2025-10-02", planEnd: "2026-09-30", nextAnnualReview: "2026-10-01" },
  });
}

/** A student at Northside on the demo case manager's caseload, with one plan in effect holding `doc`. */
async function insertStudentWithPlan(
  t: TestApp,
  doc: PlanDocument,
  first = "Robin",
): Promise<{ studentId: string; planId: string; versionId: string }> {
  const ids = t.ids;
  if (!ids) throw new Error("demo ids missing");
  const cm = ids.people["casemanager@maplevalley.example"] as string;
  const student = await t.make.student({
    districtId: ids.districtId,
    schoolId: ids.schools.northside,
    firstName: first,
    lastName: "Example",
  });
  await t.db
    .insertInto("caseload_members")
    .values({ person_id: cm, student_id: student.id, role: "case-manager" })
    .execute();
  const { planId, versionId } = await t.make.plan({ student, doc, createdBy: cm });
  return { studentId: student.id, planId, versionId };
}

/** Counts computed without the stored results: every in-effect plan's content checked in JS. */
async function independentCounts(t: TestApp, districtId: string) {
  const rows = await sql<{ id: string; student_id: string; type: string; content: unknown; signed: string[] | null }>`
    select p.id, p.student_id, p.type, v.content,
      (select array_agg(s.attendee_id) from plan_signatures s where s.version_id = v.id) as signed
    from plans p join plan_versions v on v.id = coalesce(p.in_effect_version_id, p.current_version_id)
    where p.district_id = ${districtId} and p.status = 'in-effect'`.execute(t.db);
  const calendar = defaultSchoolCalendar(2020, 2032);
  const district = await t.db
    .selectFrom("districts")
    .select("state")
    .where("id", "=", districtId)
    .executeTakeFirstOrThrow();
  const byCode = new Map<string, number>();
  let overdue = 0;
  for (const r of rows.rows) {
    const doc = ZPlanDocument.parse(typeof r.content === "string" ? JSON.parse(r.content) : r.content);
    // Signatures recorded beside the version count as signed.
    for (const attendeeId of r.signed ?? []) {
      if (!doc.signatures.some((x) => x.attendeeId === attendeeId)) {
        doc.signatures.push({
          attendeeId,
          method: "typed",
          typedName: "",
          drawing: null,
          signedAt: "2026-01-01T00:00:00Z",
          signerAccountId: null,
          meaning: "attendance",
        });
      }
    }
    const others = rows.rows
      .filter((o) => o.student_id === r.student_id && o.id !== r.id)
      .map((o) => ({ type: o.type as "iep" | "section-504" }));
    const result = checkPlan(doc, { today: TODAY, calendar, state: district.state, otherActivePlans: others });
    for (const f of result.findings) {
      if (f.code === "quality.accommodation.boilerplate") continue;
      byCode.set(`${f.code}|${f.severity}`, (byCode.get(`${f.code}|${f.severity}`) ?? 0) + 1);
    }
    overdue += result.deadlines.filter((d) => d.state === "overdue").length;
    // Deadline findings are derived the same way as the server derives them.
    expect(findingsFromDeadlines(result.deadlines).every((f) => DEADLINE_DERIVED_FINDING_CODES.has(f.code))).toBe(true);
  }
  return { plans: rows.rows.length, byCode, overdue };
}

describe.each(DATABASE_KINDS)("compliance on %s", (kind) => {
  let t: TestApp;
  let admin: Client;
  let principal: Client;
  let cm: Client;
  let parent: Client;
  let mine: { studentId: string; planId: string; versionId: string };

  beforeAll(async () => {
    t = await buildTestApp(kind);
    mine = await insertStudentWithPlan(t, overdueIep());
    admin = await t.signIn("admin@maplevalley.example");
    principal = await t.signIn("principal@northside.maplevalley.example");
    cm = await t.signIn("casemanager@maplevalley.example");
    parent = await t.signIn("parent.rivera@family.example");
  });
  afterAll(async () => {
    await t?.close();
  });

  it("shows a plan's findings and deadlines to staff, with the place to fix each", async () => {
    const res = await cm.get(`/api/students/${mine.studentId}/plans/${mine.planId}/compliance`);
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json() as PlanComplianceView;
    const review = view.deadlines.find((d) => d.kind === "annual-review");
    expect(review?.dueDate).toBe("2026-10-01");
    // The app's clock says TODAY (23 November 2026): the review is overdue.
    expect(review?.state).toBe("overdue");
    const finding = view.findings.find((f) => f.code === "deadline.annual-review");
    expect(finding).toMatchObject({
      severity: "error",
      place: "/dates/nextAnnualReview",
      citation: "34 CFR 300.324(b)(1)(i)",
    });
    expect(view.plainLanguage).toContain(
      "The annual review of the IEP was due by October 1, 2026 and is late. You can ask the school when it will happen.",
    );
    const rows = await sql<{ n: number }>`
      select count(*)::int as n from record_of_access where student_id = ${mine.studentId} and record = ${`plan:${mine.planId}`}`.execute(
      t.db,
    );
    expect(rows.rows[0]?.n).toBeGreaterThan(0);
  });

  it("refuses a plan of a student the person cannot see", async () => {
    const res = await parent.get(`/api/students/${mine.studentId}/plans/${mine.planId}/compliance`);
    expect([403, 404]).toContain(res.statusCode);
    expect(res.body).not.toContain("Robin");
  });

  it("the district dashboard matches counts computed independently", async () => {
    const res = await admin.get(`/api/compliance/dashboard?today=${TODAY}`);
    expect(res.statusCode, res.body).toBe(200);
    const dash = res.json() as ComplianceDashboard;
    const ids = t.ids;
    if (!ids) throw new Error("ids");
    const expected = await independentCounts(t, ids.districtId);
    expect(dash.scope).toBe("district");
    expect(dash.pendingPlans).toBe(0);
    expect(dash.plans.total).toBe(expected.plans);
    expect(dash.deadlines.overdue).toBe(expected.overdue);
    const got = new Map(
      dash.findings
        .filter((f) => f.code !== "quality.accommodation.boilerplate")
        .map((f) => [`${f.code}|${f.severity}`, f.findings]),
    );
    expect(got).toEqual(expected.byCode);
    expect(got.get("deadline.annual-review|error")).toBeGreaterThanOrEqual(1);
    // And the same totals straight from the stored rows.
    const direct = await sql<{ n: number }>`
      select count(*)::int as n from plan_deadlines d join plan_compliance c on c.plan_id = d.plan_id
      where c.district_id = ${ids.districtId} and c.plan_status = 'in-effect' and d.met_on is null and d.due_date < ${TODAY}::date`.execute(
      t.db,
    );
    expect(dash.deadlines.overdue).toBe(direct.rows[0]?.n);
  });

  it("updates incrementally when a plan changes", async () => {
    const before = (await admin.get(`/api/compliance/dashboard?today=${TODAY}`)).json() as ComplianceDashboard;
    const reviewed = ZPlanDocument.parse({
      ...overdueIep(),
      meeting: { ...overdueIep().meeting, date: "2026-10-20" },
      dates: { ...overdueIep().dates, planStart: "2026-10-21", planEnd: "2027-10-19", nextAnnualReview: "2027-10-20" },
    });
    await sql`update plan_versions set content = ${JSON.stringify(reviewed)}::jsonb, updated_at = now() where id = ${mine.versionId}`.execute(
      t.db,
    );
    await sql`update plans set updated_at = now() where id = ${mine.planId}`.execute(t.db);
    const after = (await admin.get(`/api/compliance/dashboard?today=${TODAY}`)).json() as ComplianceDashboard;
    const count = (d: ComplianceDashboard) =>
      d.findings.find((f) => f.code === "deadline.annual-review" && f.severity === "error")?.findings ?? 0;
    expect(count(after)).toBe(count(before) - 1);
    const stored = await sql<{
      computed_for: string;
    }>`select computed_for from plan_compliance where plan_id = ${mine.planId}`.execute(t.db);
    expect(String(stored.rows[0]?.computed_for).slice(0, 10)).toBe(TODAY);
  });

  it("re-checks a plan when a date in it passes (not every day)", async () => {
    const base = sampleIep();
    const upcoming = ZPlanDocument.parse({
      ...base,
      meeting: { ...base.meeting, date: addDays(TODAY, 5), type: "annual" },
      signatures: [],
    });
    const added = await insertStudentWithPlan(t, upcoming, "Kai");
    const signatures = async (today: string) => {
      const d = (await admin.get(`/api/compliance/dashboard?today=${today}`)).json() as ComplianceDashboard;
      return d.findings.find((f) => f.code === "signature.missing")?.findings ?? 0;
    };
    const before = await signatures(TODAY);
    const stored = await sql<{
      recheck_on: string;
    }>`select recheck_on from plan_compliance where plan_id = ${added.planId}`.execute(t.db);
    expect(String(stored.rows[0]?.recheck_on).slice(0, 10)).toBe(addDays(TODAY, 5));
    const after = await signatures(addDays(TODAY, 10));
    const present = upcoming.attendees.filter(
      (a) => a.attendance === "attended" || a.attendance === "attended-remotely",
    );
    expect(present.length).toBeGreaterThan(0);
    expect(after).toBe(before + present.length);
  });

  it("school and caseload scopes, and who may see which", async () => {
    const school = await principal.get(`/api/compliance/dashboard?today=${TODAY}`);
    expect(school.statusCode, school.body).toBe(200);
    expect((school.json() as ComplianceDashboard).scope).toBe("school");
    expect((await principal.get("/api/compliance/dashboard?scope=district")).statusCode).toBe(403);
    const caseload = await cm.get(`/api/compliance/dashboard?today=${TODAY}`);
    expect(caseload.statusCode).toBe(200);
    const c = caseload.json() as ComplianceDashboard;
    expect(c.scope).toBe("caseload");
    expect(c.plans.total).toBeGreaterThanOrEqual(1);
    // A teacher's own students are those in their classes: Mateo's IEP is among them.
    const teacher = await t.signIn("teacher@northside.maplevalley.example");
    const classes = (
      await teacher.get(`/api/compliance/dashboard?scope=caseload&today=${TODAY}`)
    ).json() as ComplianceDashboard;
    expect(classes.plans.total).toBeGreaterThanOrEqual(1);
    expect((await parent.get("/api/compliance/dashboard")).statusCode).toBe(403);
    const anon = await t.anonymous();
    expect((await anon.get("/api/compliance/dashboard")).statusCode).toBe(401);
  });

  it("lists deadlines with keyset pagination, and exports CSV", async () => {
    const all = (
      await admin.get(`/api/compliance/deadlines?state=open&today=${TODAY}&limit=500`)
    ).json() as DeadlineList;
    expect(all.items.length).toBeGreaterThan(1);
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const url = `/api/compliance/deadlines?state=open&today=${TODAY}&limit=2${cursor ? `&cursor=${cursor}` : ""}`;
      const res = await admin.get(url);
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json() as DeadlineList;
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.items.map((i) => i.id));
    const dates = all.items.map((i) => i.dueDate);
    expect([...dates].sort()).toEqual(dates);
    const overdue = (await admin.get(`/api/compliance/deadlines?state=overdue&today=${TODAY}`)).json() as DeadlineList;
    expect(overdue.items.every((i) => i.state === "overdue" && i.dueDate < TODAY)).toBe(true);
    expect((await admin.get("/api/compliance/deadlines?cursor=bad")).statusCode).toBe(400);
    const csv = await admin.get(`/api/compliance/deadlines.csv?state=open&today=${TODAY}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    const lines = csv.body.trim().split("\n");
    expect(lines[0]).toBe("student,plan_type,deadline,kind,due_date,state,days_left,citation");
    expect(lines).toHaveLength(all.items.length + 1);
    const dash = await admin.get(`/api/compliance/dashboard.csv?today=${TODAY}`);
    expect(dash.statusCode).toBe(200);
    expect(dash.body.split("\n")[0]).toContain("code,severity");
  });

  it("district settings and calendar: administrators change them, others only read", async () => {
    const get = await cm.get("/api/district/compliance-settings");
    expect(get.json()).toEqual({ dueSoonDays: 30, section504ReevaluationYears: 3, boilerplateMinStudents: 10 });
    expect(
      (
        await cm.send("PUT", "/api/district/compliance-settings", {
          dueSoonDays: 10,
          section504ReevaluationYears: 2,
          boilerplateMinStudents: 5,
        })
      ).statusCode,
    ).toBe(403);
    const put = await admin.send("PUT", "/api/district/compliance-settings", {
      dueSoonDays: 60,
      section504ReevaluationYears: 2,
      boilerplateMinStudents: 5,
    });
    expect(put.statusCode, put.body).toBe(200);
    const dash = (await admin.get(`/api/compliance/dashboard?today=${TODAY}`)).json() as ComplianceDashboard;
    expect(dash.dueSoonDays).toBe(60);
    const cal = await admin.send("PUT", "/api/district/school-calendar", defaultSchoolCalendar(2024, 2028).data);
    expect(cal.statusCode, cal.body).toBe(200);
    expect(((await cm.get("/api/district/school-calendar")).json() as { custom: boolean }).custom).toBe(true);
    expect((await admin.send("PUT", "/api/district/school-calendar", { years: [] })).statusCode).toBe(400);
    await admin.send("PUT", "/api/district/compliance-settings", {
      dueSoonDays: 30,
      section504ReevaluationYears: 3,
      boilerplateMinStudents: 10,
    });
  });

  it("flags boilerplate accommodations shared across students, re-checking earlier plans", async () => {
    const put = await admin.send("PUT", "/api/district/compliance-settings", {
      dueSoonDays: 30,
      section504ReevaluationYears: 3,
      boilerplateMinStudents: 2,
    });
    expect(put.statusCode).toBe(200);
    const copy = ZPlanDocument.parse({
      ...sampleIep(),
      accommodations: [
        {
          id: "acc-copy",
          category: "instructional",
          text: "Preferential seating near the point of instruction and away from doors and windows",
          providedBy: "Classroom teachers",
          when: "In all classes",
          needIds: [],
        },
      ],
    });
    const plans = [];
    for (const name of ["Ash", "Bay", "Cy"]) plans.push(await insertStudentWithPlan(t, copy, name));
    await admin.get(`/api/compliance/dashboard?today=${TODAY}`);
    for (const p of plans) {
      const view = (
        await cm.get(`/api/students/${p.studentId}/plans/${p.planId}/compliance`)
      ).json() as PlanComplianceView;
      const hit = view.findings.find((f) => f.code === "quality.accommodation.boilerplate");
      expect(hit?.place).toBe("/accommodations/0");
      expect(hit?.message).toContain("2 other students");
    }

    // Ending one copy changes only its neighbours' boilerplate findings: they are rewritten in
    // the same transaction (counts included), without a whole new check of those plans.
    const [ash, bay, cy] = plans as [(typeof plans)[0], (typeof plans)[0], (typeof plans)[0]];
    const stamps = async () =>
      new Map(
        (
          await sql<{ plan_id: string; computed_at: Date; warning_count: number }>`
            select plan_id, computed_at, warning_count from plan_compliance
            where plan_id in (${ash.planId}, ${bay.planId})`.execute(t.db)
        ).rows.map((r) => [r.plan_id, { at: new Date(r.computed_at).getTime(), warnings: r.warning_count }]),
      );
    const before = await stamps();
    await sql`update plans set status = 'ended', updated_at = now() where id = ${cy.planId}`.execute(t.db);
    const outcome = await refreshPlanCompliance(createUseCaseDeps(t.db), { planId: cy.planId, today: TODAY });
    expect(outcome.status).toBe("removed");
    expect(new Set(outcome.affected)).toEqual(new Set([ash.planId, bay.planId]));
    const after = await stamps();
    for (const p of [ash, bay]) {
      expect(after.get(p.planId)?.at).toBe(before.get(p.planId)?.at);
      expect(after.get(p.planId)?.warnings).toBe((before.get(p.planId)?.warnings ?? 0) - 1);
      const codes = await sql<{ code: string }>`select code from plan_findings where plan_id = ${p.planId}`.execute(
        t.db,
      );
      expect(codes.rows.map((r) => r.code)).not.toContain("quality.accommodation.boilerplate");
    }
    // A new copy brings the finding back to both, with the new count.
    const dee = await insertStudentWithPlan(t, copy, "Dee");
    await refreshPlanCompliance(createUseCaseDeps(t.db), { planId: dee.planId, today: TODAY });
    for (const p of [ash, bay, dee]) {
      const rows = await sql<{ message: string }>`
        select message from plan_findings where plan_id = ${p.planId} and code = 'quality.accommodation.boilerplate'`.execute(
        t.db,
      );
      expect(rows.rows.map((r) => r.message)).toEqual([expect.stringContaining("2 other students")]);
    }
    await admin.send("PUT", "/api/district/compliance-settings", {
      dueSoonDays: 30,
      section504ReevaluationYears: 3,
      boilerplateMinStudents: 10,
    });
  });

  it("records one trend point a day for district and school dashboards", async () => {
    const ids = t.ids;
    if (!ids) throw new Error("ids");
    const day = TODAY;
    await sql`insert into compliance_snapshots (district_id, school_id, day, plans, plans_with_errors, overdue, due_soon)
      values (${ids.districtId}, null, ${addDays(day, -7)}, 3, 1, 2, 1)`.execute(t.db);
    const d = (await admin.get("/api/compliance/dashboard")).json() as ComplianceDashboard;
    expect(d.trend.map((p) => p.day)).toEqual([addDays(day, -7), day]);
    expect(d.trend[1]).toEqual({
      day,
      plans: d.plans.total,
      plansWithErrors: d.plans.withErrors,
      overdue: d.deadlines.overdue,
      dueSoon: d.deadlines.dueSoon,
    });
    // Filtered or simulated days record nothing; a caseload has no trend.
    await admin.get(`/api/compliance/dashboard?planType=iep`);
    await admin.get(`/api/compliance/dashboard?today=${addDays(day, 3)}`);
    const n = await sql<{
      n: number;
    }>`select count(*)::int as n from compliance_snapshots where district_id = ${ids.districtId} and school_id is null`.execute(
      t.db,
    );
    expect(n.rows[0]?.n).toBe(2);
    expect(((await cm.get("/api/compliance/dashboard")).json() as ComplianceDashboard).trend).toEqual([]);
  });

  it("a personal ICS feed at a secret address, revocable", async () => {
    const created = await cm.send("POST", "/api/compliance/calendar-feed");
    expect(created.statusCode, created.body).toBe(200);
    const { url } = created.json() as { url: string };
    expect(url).toMatch(/^\/api\/compliance\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const anon = await t.anonymous();
    const feed = await anon.get(url);
    expect(feed.statusCode).toBe(200);
    expect(feed.headers["content-type"]).toContain("text/calendar");
    expect(feed.body.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(feed.body).toContain("BEGIN:VEVENT");
    expect(feed.body).toContain("Hold the annual IEP review meeting");
    expect(feed.body).not.toContain("Robin");
    for (const line of feed.body.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    // A new address replaces the old one; revoking ends it.
    const again = (await cm.send("POST", "/api/compliance/calendar-feed")).json() as { url: string };
    expect((await anon.get(url)).statusCode).toBe(404);
    expect((await cm.send("DELETE", "/api/compliance/calendar-feed")).statusCode).toBe(204);
    expect((await anon.get(again.url)).statusCode).toBe(404);
    expect((await anon.get("/api/compliance/calendar/not-a-token.ics")).statusCode).toBe(404);
  });
});
