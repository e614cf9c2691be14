/**
 * Enforcement through the real HTTP layer on PGlite and PostgreSQL: a provider logs a week and a
 * make-up, the minutes summary (staff and guardian), progress data and its analysis, the PDFs,
 * the service-fidelity report and the district's compensatory policy.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ZPlanDocument } from "@lantern/core";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type Client, type TestApp } from "../helpers/build-app.ts";
import { expectAccessiblePdf } from "../helpers/pdf-expectations.ts";
import { headings } from "../helpers/pdf-reading.ts";
import { DATABASE_KINDS } from "../helpers/test-database.ts";

const service = (times: number) => ({
  id: "svc-speech",
  kind: "related-service",
  area: "speech-language-pathology",
  startDate: "2026-09-02",
  endDate: "2027-06-11",
  frequency: { times, per: "week" },
  minutesPerSession: 30,
  location: "Speech room",
  providerRole: "Speech-language pathologist",
});

const plan = (times: number, amended = false) =>
  ZPlanDocument.parse({
    type: "iep",
    ...(amended
      ? { amendment: { madeAtMeeting: true, description: "Speech three times a week", teamInformedOn: "2026-10-19" } }
      : {}),
    dates: { planStart: "2026-09-02", planEnd: "2027-09-01" },
    goals: [
      {
        id: "goal-artic",
        area: "Articulation",
        baseline: { value: 40, measuredOn: "2026-09-07" },
        target: { value: 80 },
        unit: "percent correct",
        byDate: addDaysIso("2026-09-07", 280),
      },
    ],
    services: [service(times)],
  });

function addDaysIso(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** A fictional student with an IEP (amended on 19 October) on the SLP's caseload, child of the demo parent. */
async function seedStudentWithPlan(t: TestApp): Promise<string> {
  const ids = t.ids;
  if (!ids) throw new Error("demo ids missing");
  const student = await t.db
    .insertInto("students")
    .values({
      district_id: ids.districtId,
      school_id: ids.schools.northside,
      first_name: "Robin",
      last_name: "Example",
      date_of_birth: "2017-03-04",
      grade: "3",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const slp = ids.people["slp@maplevalley.example"];
  const cm = ids.people["casemanager@maplevalley.example"];
  const parent = ids.people["parent.rivera@family.example"];
  await t.db
    .insertInto("caseload_members")
    .values([
      { person_id: slp, student_id: student.id, role: "related-service-provider" },
      { person_id: cm, student_id: student.id, role: "case-manager" },
    ])
    .execute();
  await t.db.insertInto("guardianships").values({ student_id: student.id, person_id: parent }).execute();
  const hash = "0".repeat(64);
  const planRow = await sql<{ id: string }>`
    insert into plans (student_id, district_id, school_id, type, status, created_by, effective_from, effective_to)
    values (${student.id}, ${ids.districtId}, ${ids.schools.northside}, 'iep', 'in-effect', ${cm}, '2026-09-02', '2027-09-01')
    returning id`.execute(t.db);
  const planId = planRow.rows[0]?.id as string;
  const v1 = await sql<{ id: string }>`
    insert into plan_versions (plan_id, number, content, status, sealed_at, content_sha256, created_by)
    values (${planId}, 1, ${JSON.stringify(plan(2))}::jsonb, 'amended', '2026-09-01T16:00:00Z', ${hash}, ${cm})
    returning id`.execute(t.db);
  const v2 = await sql<{ id: string }>`
    insert into plan_versions (plan_id, number, parent_version_id, content, status, sealed_at, content_sha256, created_by)
    values (${planId}, 2, ${v1.rows[0]?.id}, ${JSON.stringify(plan(3, true))}::jsonb, 'in-effect', '2026-10-19T16:00:00Z', ${hash}, ${cm})
    returning id`.execute(t.db);
  await sql`update plans set in_effect_version_id = ${v2.rows[0]?.id}, current_version_id = ${v2.rows[0]?.id}
    where id = ${planId}`.execute(t.db);
  return student.id;
}

describe.each(DATABASE_KINDS)("enforcement on %s", (kind) => {
  let t: TestApp;
  let studentId: string;
  let slp: Client;
  let parent: Client;
  let admin: Client;
  let teacher: Client;
  const pdfDir = mkdtempSync(join(tmpdir(), "lantern-enforcement-"));

  beforeAll(async () => {
    t = await buildTestApp(kind);
    studentId = await seedStudentWithPlan(t);
    slp = await t.signIn("slp@maplevalley.example");
    parent = await t.signIn("parent.rivera@family.example");
    admin = await t.signIn("admin@maplevalley.example");
    teacher = await t.signIn("teacher@northside.maplevalley.example");
  });
  afterAll(async () => {
    await t?.close();
    rmSync(pdfDir, { recursive: true, force: true });
  });

  it("shows the provider's caseload week with the student's services", async () => {
    const res = await slp.get("/api/caseload/service-week?weekOf=2026-09-14");
    expect(res.statusCode, res.body).toBe(200);
    const week = res.json() as {
      schoolDays: string[];
      students: Array<{ studentId: string; services: Array<{ serviceId: string }> }>;
    };
    expect(week.schoolDays).toEqual(["2026-09-14", "2026-09-15", "2026-09-16", "2026-09-17", "2026-09-18"]);
    const row = week.students.find((s) => s.studentId === studentId);
    expect(row?.services.map((s) => s.serviceId)).toEqual(["svc-speech"]);
    expect((await slp.get("/api/caseload/service-week?weekOf=2026-09-15")).statusCode).toBe(400);
  });

  it("logs a week from the grid and a make-up, and computes the minutes owed", async () => {
    const cell = { studentId, serviceId: "svc-speech", minutes: 30, delivery: "individual" };
    const week = await slp.send("PUT", "/api/caseload/service-week", {
      weekOf: "2026-09-14",
      entries: [
        { ...cell, date: "2026-09-14", status: "delivered" },
        { ...cell, date: "2026-09-16", status: "provider-absent" },
      ],
    });
    expect(week.statusCode, week.body).toBe(200);
    expect(week.json()).toEqual({ saved: 2 });
    // Logging the same cell again replaces it rather than adding a second session.
    const again = await slp.send("PUT", "/api/caseload/service-week", {
      weekOf: "2026-09-14",
      entries: [{ ...cell, date: "2026-09-14", status: "delivered" }],
    });
    expect(again.statusCode).toBe(200);
    const makeUp = await slp.send("POST", `/api/students/${studentId}/service-sessions`, {
      serviceId: "svc-speech",
      date: "2026-09-18",
      minutes: 20,
      delivery: "individual",
      status: "make-up",
    });
    expect(makeUp.statusCode, makeUp.body).toBe(201);

    const res = await slp.get(`/api/students/${studentId}/service-minutes?through=2026-09-18`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as {
      services: Array<{
        serviceId: string;
        required: { minutes: number };
        delivered: { minutes: number; sessionIds: string[] };
        missed: { "provider-absent": { minutes: number }; total: number };
        madeUp: { minutes: number };
        compensatoryOwed: { minutes: number; sessionIds: string[] };
      }>;
    };
    const speech = body.services[0];
    // Default calendar: 2–4, 8–11 (Labor Day), 14–18 September = 12 school days × 12 minutes.
    expect(speech?.required.minutes).toBe(144);
    expect(speech?.delivered.minutes).toBe(30);
    expect(speech?.delivered.sessionIds).toHaveLength(1);
    expect(speech?.missed["provider-absent"].minutes).toBe(30);
    expect(speech?.madeUp.minutes).toBe(20);
    expect(speech?.compensatoryOwed.minutes).toBe(10);
    expect(speech?.compensatoryOwed.sessionIds).toHaveLength(2);
  });

  it("offers a speech-language pathologist her own discipline's services apart from the others", async () => {
    // She has logged speech sessions: her discipline is the provider role of those services.
    const res = await slp.get("/api/caseload/service-week?weekOf=2026-09-14");
    expect(res.statusCode, res.body).toBe(200);
    const services = (
      res.json() as {
        students: Array<{
          studentId: string;
          services: Array<{ serviceId: string; providerRole: string; yours: boolean }>;
        }>;
      }
    ).students.flatMap((s) => s.services.map((svc) => ({ ...svc, studentId: s.studentId })));
    const isSpeech = (role: string) => role.toLowerCase() === "speech-language pathologist";
    expect(services.find((s) => s.studentId === studentId && s.serviceId === "svc-speech")?.yours).toBe(true);
    const others = services.filter((s) => !isSpeech(s.providerRole));
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((s) => !s.yours)).toBe(true);
    expect(services.filter((s) => isSpeech(s.providerRole)).every((s) => s.yours)).toBe(true);
  });

  it("applies the amendment from its effective date", async () => {
    const res = await slp.get(`/api/students/${studentId}/service-minutes?from=2026-10-19&through=2026-10-23`);
    expect(res.statusCode).toBe(200);
    const speech = (res.json() as { services: Array<{ required: { minutes: number }; citations: string[] }> })
      .services[0];
    expect(speech?.required.minutes).toBe(90);
    expect(speech?.citations).toContain("34 CFR 300.324(a)(4)");
    const before = await slp.get(`/api/students/${studentId}/service-minutes?from=2026-10-12&through=2026-10-16`);
    expect(
      (before.json() as { services: Array<{ required: { minutes: number } }> }).services[0]?.required.minutes,
    ).toBe(60);
  });

  it("rejects a session for a service the plan does not have, naming the path", async () => {
    const res = await slp.send("PUT", "/api/caseload/service-week", {
      weekOf: "2026-09-21",
      entries: [
        { studentId, serviceId: "svc-nope", date: "2026-09-21", minutes: 30, delivery: "group", status: "delivered" },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues).toEqual([
      { path: "/entries/0/serviceId", message: "Not a service of this student's plan" },
    ]);
  });

  it("shows the guardian delivered, required and owed minutes, and writes the record of access", async () => {
    const before = await accessCount(t, "parent.rivera@family.example", studentId);
    const res = await parent.get(`/api/students/${studentId}/service-minutes?through=2026-09-18`);
    expect(res.statusCode).toBe(200);
    expect(res.json().totals).toMatchObject({ required: 144, delivered: 30, compensatoryOwed: 10 });
    expect(await accessCount(t, "parent.rivera@family.example", studentId)).toBe(before + 1);
  });

  it("does not let a guardian log sessions, nor a teacher off the caseload see the minutes", async () => {
    const res = await parent.send("POST", `/api/students/${studentId}/service-sessions`, {
      serviceId: "svc-speech",
      date: "2026-09-21",
      minutes: 30,
      delivery: "individual",
      status: "delivered",
    });
    expect(res.statusCode).toBe(403);
    expect((await teacher.get(`/api/students/${studentId}/service-minutes`)).statusCode).toBe(404);
  });

  it("records progress one at a time and in a batch, and analyzes it", async () => {
    const one = await slp.send("POST", `/api/students/${studentId}/progress`, {
      goalId: "goal-artic",
      date: "2026-09-14",
      value: 40,
    });
    expect(one.statusCode, one.body).toBe(201);
    const batch = await slp.send("POST", "/api/progress/batch", {
      entries: [21, 28, 35].map((d, i) => ({
        studentId,
        goalId: "goal-artic",
        date: addDaysIso("2026-09-14", d - 14 + 7),
        value: 40 + i,
      })),
    });
    expect(batch.statusCode, batch.body).toBe(201);
    const bad = await slp.send("POST", `/api/students/${studentId}/progress`, {
      goalId: "goal-none",
      date: "2026-09-14",
      value: 1,
    });
    expect(bad.statusCode).toBe(400);

    const res = await parent.get(`/api/students/${studentId}/progress`);
    expect(res.statusCode).toBe(200);
    const goal = (
      res.json() as {
        goals: Array<{ analysis: { status: string; decision: { outcome: string }; statement: string } }>;
      }
    ).goals[0];
    // Aim: +1 a week from 40; the data creep up by 1 a week starting a week late: all below the aim line.
    expect(goal?.analysis.decision.outcome).toBe("consider-changing-instruction");
    expect(goal?.analysis.status).toBe("not-yet-on-track");
    expect(goal?.analysis.statement).toMatch(/^Not yet on track\. Latest: 42 percent correct/);
  });

  it("renders the delivery summary and progress report as PDFs with real text", async () => {
    const res = await parent.get(`/api/students/${studentId}/service-minutes.pdf?through=2026-09-18`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    const text = pdfText(pdfDir, "minutes.pdf", res.rawPayload);
    expect(text).toContain("Service delivery summary");
    expect(text).toContain("Robin Example");
    // The family's words: make-up minutes under the district's policy, never a bare "owed".
    expect(text.replace(/\s+/g, " ")).toContain("10 make-up minutes under the district's policy");
    expect(text).not.toMatch(/\bowed\b/i);
    expect(text).toContain("Speech-language pathology");

    const report = await parent.get(`/api/students/${studentId}/progress-report.pdf?asOf=2026-10-30`);
    expect(report.statusCode).toBe(200);
    const reportText = pdfText(pdfDir, "progress.pdf", report.rawPayload);
    expect(reportText).toContain("Progress report");
    expect(reportText).toContain("Not yet on track.");

    // Both are tagged: headings, the minutes table with its header cells, language and title.
    const minutes = expectAccessiblePdf(res.rawPayload, {
      title: "Service delivery summary — Robin Example",
      furniture: "Service delivery summary — Robin Example",
    });
    expect(headings(minutes.root)[0]).toBe("H1 Service delivery summary");
    expect(headings(minutes.root)).toContain("H2 How these figures are computed");
    const progress = expectAccessiblePdf(report.rawPayload, {
      title: "Progress report — Robin Example",
      furniture: "Progress report — Robin Example",
    });
    expect(headings(progress.root)[0]).toBe("H1 Progress report");
  });

  it("renders the delivery summary and progress report in Spanish with lang=es, no English label left", async () => {
    const res = await parent.get(`/api/students/${studentId}/service-minutes.pdf?through=2026-09-18&lang=es`);
    expect(res.statusCode).toBe(200);
    const minutes = expectAccessiblePdf(res.rawPayload, {
      lang: "es-US",
      title: "Resumen de servicios dados — Robin Example",
      furniture: "Resumen de servicios dados — Robin Example",
    });
    expect(headings(minutes.root)[0]).toBe("H1 Resumen de servicios dados");
    expect(headings(minutes.root)).toContain("H2 Cómo se calculan estas cifras");
    expect(minutes.text).toContain("10 minutos de reposición según la política del distrito");
    expect(minutes.text).toContain("Terapia del habla y del lenguaje");
    expect(minutes.text).toMatch(/Del \d{1,2} de [a-z]+ de \d{4} al \d{1,2} de [a-z]+ de \d{4}/);
    for (const english of ["Service", "Required", "Delivered", "Missed", "minutes", "On schedule", "Legal references"])
      expect(minutes.text).not.toMatch(new RegExp(`\\b${english}\\b`));

    const report = await parent.get(`/api/students/${studentId}/progress-report.pdf?asOf=2026-10-30&lang=es`);
    expect(report.statusCode).toBe(200);
    const progress = expectAccessiblePdf(report.rawPayload, {
      lang: "es-US",
      title: "Informe de progreso — Robin Example",
      furniture: "Informe de progreso — Robin Example",
    });
    expect(headings(progress.root)[0]).toBe("H1 Informe de progreso");
    expect(progress.text).toContain("Todavía no va encaminado.");
    expect(progress.text).toContain("30 de octubre de 2026");
    expect(progress.text).toContain("línea meta");
    // The goal's unit is the team's words, kept as written.
    expect(progress.text).toContain("percent correct");
    for (const english of [
      "Progress report",
      "On track",
      "Not yet",
      "Latest",
      "Date",
      "Score",
      "aim line",
      "Legal references",
    ])
      expect(progress.text).not.toContain(english);

    const bad = await parent.get(`/api/students/${studentId}/progress-report.pdf?lang=fr`);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("lang");
  });

  it("reports service fidelity by school and provider, as JSON and CSV, to administrators only", async () => {
    const q = "from=2026-09-02&through=2026-09-18";
    const res = await admin.get(`/api/reports/service-fidelity?by=provider&${q}`);
    expect(res.statusCode, res.body).toBe(200);
    const groups = (res.json() as { groups: Array<{ label: string; compensatoryOwedMinutes: number }> }).groups;
    const slpGroup = groups.find((g) => g.compensatoryOwedMinutes >= 10);
    expect(slpGroup).toBeDefined();
    const csv = await admin.get(`/api/reports/service-fidelity.csv?by=school&${q}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.body.split("\n")[0]).toBe(
      "group,students,services,required_minutes,delivered_minutes,made_up_minutes,missed_minutes,compensatory_owed_minutes,fidelity_percent,services_behind_schedule",
    );
    expect(csv.body).toContain("Northside Elementary");
    expect((await slp.get(`/api/reports/service-fidelity?${q}`)).statusCode).toBe(403);
  });

  it("exports a service log that the lantern minutes command recomputes to the same figures", async () => {
    const res = await slp.get(`/api/students/${studentId}/service-log.json?through=2026-09-18`);
    expect(res.statusCode, res.body).toBe(200);
    const file = join(pdfDir, "service-log.json");
    writeFileSync(file, res.body);
    const root = join(import.meta.dirname, "../../../..");
    const out = execFileSync(process.execPath, [join(root, "bin/lantern.js"), "minutes", file], {
      cwd: root,
      encoding: "utf8",
    });
    const cli = JSON.parse(out) as { totals: Record<string, number> };
    const api = (await slp.get(`/api/students/${studentId}/service-minutes?through=2026-09-18`)).json() as {
      totals: Record<string, number>;
    };
    expect(cli.totals).toEqual(api.totals);
    expect(cli.totals.compensatoryOwed).toBe(10);
  });

  it("alerts the provider to services behind schedule on the caseload", async () => {
    const res = await slp.get("/api/caseload/service-alerts?through=2026-09-18");
    expect(res.statusCode, res.body).toBe(200);
    const alert = (res.json() as { alerts: Array<Record<string, unknown>> }).alerts.find(
      (a) => a.studentId === studentId,
    );
    expect(alert).toMatchObject({
      studentName: "Robin Example",
      serviceId: "svc-speech",
      requiredMinutes: 144,
      providedMinutes: 50,
      compensatoryOwedMinutes: 10,
    });
  });

  it("does not alert for the services of a plan that has ended (the demo's Maya exited in the summer)", async () => {
    const res = await slp.get("/api/caseload/service-alerts");
    expect(res.statusCode, res.body).toBe(200);
    const names = (res.json() as { alerts: Array<{ studentName: string }> }).alerts.map((a) => a.studentName);
    expect(names.some((n) => n.startsWith("Maya "))).toBe(false);
    const maya = await t.db
      .selectFrom("students")
      .select("id")
      .where("first_name", "=", "Maya")
      .where("district_id", "=", t.ids?.districtId ?? "")
      .executeTakeFirstOrThrow();
    const summary = await slp.get(`/api/students/${maya.id}/service-minutes`);
    expect(summary.statusCode, summary.body).toBe(200);
    const services = (
      summary.json() as { services: Array<{ required: { minutes: number }; behindSchedule: { isBehind: boolean } }> }
    ).services;
    expect(services.length).toBeGreaterThan(0);
    // The minutes the plan required while it was in effect stay in the figures; none is behind.
    expect(services.some((s) => s.required.minutes > 0)).toBe(true);
    expect(services.every((s) => !s.behindSchedule.isBehind)).toBe(true);
  });

  it("lets the district choose to count closures, and never a student's absence", async () => {
    expect((await slp.send("PUT", "/api/district/compensatory-policy", { owedReasons: [] })).statusCode).toBe(403);
    const bad = await admin.send("PUT", "/api/district/compensatory-policy", { owedReasons: ["student-absent"] });
    expect(bad.statusCode).toBe(400);
    await slp.send("POST", `/api/students/${studentId}/service-sessions`, {
      serviceId: "svc-speech",
      date: "2026-09-17",
      minutes: 30,
      delivery: "individual",
      status: "school-closed",
    });
    const url = `/api/students/${studentId}/service-minutes?through=2026-09-18`;
    expect((await slp.get(url)).json().totals.compensatoryOwed).toBe(10);
    const put = await admin.send("PUT", "/api/district/compensatory-policy", {
      owedReasons: ["provider-absent", "student-unavailable", "school-closed"],
      behindScheduleThreshold: 0.8,
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ behindScheduleThreshold: 0.8 });
    expect((await slp.get(url)).json().totals.compensatoryOwed).toBe(40);
    await admin.send("PUT", "/api/district/compensatory-policy", {});
  });

  it("stores disciplinary removals and disability-related absences, and shows minutes not logged (34 CFR 300.530(b)(2), (d))", async () => {
    for (const [date, status] of [
      ["2026-09-21", "disciplinary-removal"],
      ["2026-09-23", "disability-related-absence"],
    ] as const) {
      const res = await slp.send("POST", `/api/students/${studentId}/service-sessions`, {
        serviceId: "svc-speech",
        date,
        minutes: 30,
        delivery: "individual",
        status,
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const res = await parent.get(`/api/students/${studentId}/service-minutes?from=2026-09-21&through=2026-09-25`);
    expect(res.statusCode, res.body).toBe(200);
    const speech = res.json().services[0];
    expect(speech.missed["disciplinary-removal"].minutes).toBe(30);
    // The first removal day of the year: services are not yet required (300.530(b)(2)).
    expect(speech.disciplinaryRemoval.firstTenDays.minutes).toBe(30);
    expect(speech.missed["disability-related-absence"].minutes).toBe(30);
    expect(speech.notLogged.minutes).toBe(0);
    expect(speech.schoolMustExplain.minutes).toBe(30);
    // A district may count a disability-related absence as its own responsibility.
    const put = await admin.send("PUT", "/api/district/compensatory-policy", {
      owedReasons: ["provider-absent", "disability-related-absence"],
    });
    expect(put.statusCode, put.body).toBe(200);
    const after = await parent.get(`/api/students/${studentId}/service-minutes?from=2026-09-21&through=2026-09-25`);
    expect(after.json().services[0].compensatoryOwed.minutes).toBe(30);
    await admin.send("PUT", "/api/district/compensatory-policy", {});
  });
});

async function accessCount(t: TestApp, email: string, studentId: string): Promise<number> {
  const r = await sql<{ n: number }>`
    select count(*)::int as n from record_of_access a join people p on p.id = a.person_id
    where p.email = ${email} and a.student_id = ${studentId}`.execute(t.db);
  return r.rows[0]?.n ?? 0;
}

function pdfText(dir: string, name: string, bytes: Buffer): string {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
}
