import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../helpers/build-app.ts";
import { expectAccessiblePdf } from "../helpers/pdf-expectations.ts";
import { pdfText } from "../helpers/pdf-reading.ts";
import { DATABASE_KINDS } from "../helpers/test-database.ts";

const root = resolve(import.meta.dirname, "../../../..");
const fixtureDir = join(root, "packages/core/src/eligibility/fixtures");
// The v1 cases and the v2 cases (state, "none" category, adult services).
const fixtures = [fixtureDir, join(fixtureDir, "v2")].flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map(
      (f) =>
        JSON.parse(readFileSync(join(dir, f), "utf8")) as {
          name: string;
          facts: Record<string, unknown>;
          expect: { recommendation: string; actionsInclude?: string[] };
        },
    ),
);
const dyslexia = fixtures.find((f) => f.name.startsWith("Dyslexia"));

const letterBody = {
  facts: { ageYears: 8, evaluation: "none", impairments: [{ name: "Trouble reading" }] },
  parentName: "Ana Example",
  studentName: "Leo Example",
  schoolName: "Northside Elementary School",
  state: "CA",
  date: "2026-11-23",
};

describe.each(DATABASE_KINDS)("navigator routes on %s", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(kind);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("answers every fixture without sign-in, with comparison and next steps", async () => {
    expect(fixtures).toHaveLength(10);
    const c = await t.anonymous();
    for (const fx of fixtures) {
      const res = await c.send("POST", "/api/navigator", fx.facts);
      expect(res.statusCode, fx.name).toBe(200);
      const body = res.json() as {
        recommendation: string;
        actions: string[];
        trace: Array<{ citation: string }>;
        nextSteps: Array<{ action: string; citation: string }>;
        comparison: { plan: string | null };
      };
      expect(body.recommendation, fx.name).toBe(fx.expect.recommendation);
      for (const a of fx.expect.actionsInclude ?? []) expect(body.actions).toContain(a);
      expect(body.nextSteps.map((s) => s.action)).toEqual(body.actions);
      expect(body.trace.every((e) => e.citation.length > 0)).toBe(true);
    }
  });

  it("rejects bad facts with 400 naming the field", async () => {
    const c = await t.anonymous();
    const res = await c.send("POST", "/api/navigator", {
      ageYears: 8,
      evaluation: "none",
      relatedServicesNeeded: ["massage"],
    });
    expect(res.statusCode).toBe(400);
    const body = res.json() as { message: string; issues: Array<{ path: string }> };
    expect(body.issues[0]?.path).toBe("/relatedServicesNeeded/0");
    expect(body.message).toContain("/relatedServicesNeeded/0");
    const missing = await c.send("POST", "/api/navigator", { evaluation: "none" });
    expect(missing.statusCode).toBe(400);
    expect((missing.json() as { issues: Array<{ path: string }> }).issues[0]?.path).toBe("/ageYears");
  });

  it("renders the evaluation-request letter as a PDF with the school's name in its text", async () => {
    const c = await t.anonymous();
    const res = await c.send("POST", "/api/navigator/letter.pdf", letterBody);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["content-disposition"]).toContain("evaluation-request-letter.pdf");
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = pdfText(pdf);
    expect(text).toContain("Northside Elementary School");
    expect(text).toContain("November 23, 2026");
    expect(text).toContain("34 CFR 300.301(b)");
    expect(text).toContain("56321");
    expectAccessiblePdf(pdf);
    const bad = await c.send("POST", "/api/navigator/letter.pdf", { ...letterBody, state: "California" });
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { issues: Array<{ path: string }> }).issues[0]?.path).toBe("/state");
  });

  it("writes the reasons, the comparison and the next steps in Spanish with ?lang=es; the decision and citations are the same", async () => {
    const c = await t.anonymous();
    type Report = {
      recommendation: string;
      actions: string[];
      trace: Array<{ rule: string; citation: string; explanation: string }>;
      nextSteps: Array<{ title: string; citation: string }>;
      comparison: { pointedProfile: { title: string } | null };
    };
    const en = (await c.send("POST", "/api/navigator", dyslexia?.facts)).json() as Report;
    const res = await c.send("POST", "/api/navigator?lang=es", dyslexia?.facts);
    expect(res.statusCode).toBe(200);
    const es = res.json() as Report;
    expect(es.recommendation).toBe(en.recommendation);
    expect(es.actions).toEqual(en.actions);
    expect(es.trace.map((e) => [e.rule, e.citation])).toEqual(en.trace.map((e) => [e.rule, e.citation]));
    expect(es.trace.find((e) => e.rule === "idea-eligibility")?.explanation).toContain("Esto apunta a un IEP");
    expect(es.comparison.pointedProfile?.title).toBe("Programa de Educación Individualizado (IEP)");
    expect(es.nextSteps[0]?.title).toBe("Pida la reunión del IEP");
    const bad = await c.send("POST", "/api/navigator?lang=fr", dyslexia?.facts);
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { message: string }).message).toContain("lang");
  });

  it("prints a letter the family chose to write in Spanish: Spanish text, dates and document language", async () => {
    const c = await t.anonymous();
    for (const body of [
      { ...letterBody, language: "es" },
      { ...letterBody, kind: "records-request", facts: undefined, language: "es", studentDateOfBirth: "2018-03-01" },
    ]) {
      const res = await c.send("POST", "/api/navigator/letter.pdf", body);
      expect(res.statusCode).toBe(200);
      const pdf = res.rawPayload;
      const text = pdfText(pdf);
      for (const words of [
        "23 de noviembre de 2026",
        "Asunto: Solicitud",
        "Estimados Director y Coordinador de Educación Especial:",
        "Por favor, envíeme:",
        "Atentamente,",
        "Padre, madre o tutor de Leo Example",
        "Referencias legales:",
      ])
        expect(text).toContain(words);
      expect(text).not.toMatch(/Dear |Sincerely|Please send me|Legal references|I am the parent/);
      expectAccessiblePdf(pdf, { lang: "es-US" });
    }
    const written = (await c.send("POST", "/api/navigator/letter", { ...letterBody, language: "es" })).json() as {
      letter: { language: string; dateText: string };
      text: string;
    };
    expect(written.letter.language).toBe("es");
    expect(written.text).toContain("Soy el padre, la madre o el tutor de Leo Example");
  });

  it("writes every letter for a next step as text, with the state's timelines (Cal. Ed. Code 56343.5; 56504)", async () => {
    const c = await t.anonymous();
    const { facts: _facts, ...parties } = letterBody;
    const meeting = await c.send("POST", "/api/navigator/letter", { ...parties, kind: "iep-meeting-request" });
    expect(meeting.statusCode).toBe(200);
    const body = meeting.json() as { letter: { subject: string; citations: string[] }; text: string };
    expect(body.letter.subject).toContain("IEP meeting");
    expect(body.text).toContain("Cal. Ed. Code 56343.5");
    const records = await c.send("POST", "/api/navigator/letter", { ...parties, kind: "records-request" });
    expect((records.json() as { text: string }).text).toContain("within 5 business days");
    // The original body (no kind) is still the evaluation request.
    const evaluation = await c.send("POST", "/api/navigator/letter", letterBody);
    expect((evaluation.json() as { letter: { subject: string } }).letter.subject).toContain("evaluation");
    const bad = await c.send("POST", "/api/navigator/letter", { ...parties, kind: "partial-consent-disagreement" });
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { issues: Array<{ path: string }> }).issues[0]?.path).toBe("/disagreedParts");
  });

  it("renders any letter as a PDF named for its kind", async () => {
    const c = await t.anonymous();
    const { facts: _facts, ...parties } = letterBody;
    const res = await c.send("POST", "/api/navigator/letter.pdf", {
      ...parties,
      kind: "prior-written-notice-request",
      refusedRequest: "A reading evaluation.",
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toContain("prior-written-notice-request-letter.pdf");
    expect(pdfText(res.rawPayload)).toContain("300.503");
  });

  it("lets a parent save a letter to the child's record when they wish, through the access path", async () => {
    const studentId = t.ids?.students.get("Mateo Rivera");
    const parent = await t.signIn("parent.rivera@family.example");
    const { facts: _facts, ...parties } = letterBody;
    const res = await parent.send("POST", `/api/students/${studentId}/letters`, {
      request: { ...parties, kind: "iep-meeting-request" },
    });
    expect(res.statusCode, res.body).toBe(201);
    const saved = res.json() as { id: string; kind: string; text: string };
    expect(saved.kind).toBe("iep-meeting-request");
    expect(saved.text).toContain("56343.5");
    const access = await sql<{ purpose: string; action: string }>`
      select purpose, action from record_of_access where student_id = ${studentId} and record = 'letters'`.execute(
      t.db,
    );
    expect(access.rows).toContainEqual({ purpose: "family letter to the school", action: "save-letter" });
    const audit = await sql<{ n: number }>`
      select count(*)::int as n from audit_events where action = 'letter.saved' and student_id = ${studentId}`.execute(
      t.db,
    );
    expect(audit.rows[0]?.n).toBe(1);

    const list = await parent.get(`/api/students/${studentId}/letters`);
    expect((list.json() as { items: Array<{ id: string }> }).items.map((i) => i.id)).toContain(saved.id);
    const pdf = await parent.get(`/api/students/${studentId}/letters/${saved.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdfText(pdf.rawPayload)).toContain("IEP meeting");
    // The case manager sees it too; another family does not; a bad id is not found.
    const staff = await t.signIn("casemanager@maplevalley.example");
    expect((await staff.get(`/api/students/${studentId}/letters`)).statusCode).toBe(200);
    expect((await staff.get(`/api/students/${studentId}/letters/not-a-letter/pdf`)).statusCode).toBe(404);
    // A teacher may read the record but not save letters to it.
    const teacher = await t.signIn("teacher@northside.maplevalley.example");
    const denied = await teacher.send("POST", `/api/students/${studentId}/letters`, {
      request: { ...parties, kind: "records-request" },
    });
    expect(denied.statusCode).toBe(403);
    // Saved letters are append-only.
    await expect(sql`delete from family_letters where id = ${saved.id}`.execute(t.db)).rejects.toThrow();
  });

  it("saves an adult-services result (34 CFR 104.3(l)(2))", async () => {
    const studentId = t.ids?.students.get("Aaliyah Thompson");
    const staff = await t.signIn("casemanager@maplevalley.example");
    const res = await staff.send("POST", `/api/students/${studentId}/navigator-results`, {
      facts: { ...dyslexia?.facts, ageYears: 18, graduatedWithRegularDiploma: true, state: "CA" },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect((res.json() as { result: { recommendation: string } }).result.recommendation).toBe("adult-services");
    // Facts with a state read back (the response schema has no one-way transform).
    const list = await staff.get(`/api/students/${studentId}/navigator-results`);
    expect(list.statusCode, list.body).toBe(200);
  });

  it("lets staff save a result to a student's record through the access path", async () => {
    const studentId = t.ids?.students.get("Mateo Rivera");
    expect(studentId).toBeTruthy();
    const staff = await t.signIn("casemanager@maplevalley.example");
    const res = await staff.send("POST", `/api/students/${studentId}/navigator-results`, { facts: dyslexia?.facts });
    expect(res.statusCode).toBe(201);
    const saved = res.json() as { id: string; result: { recommendation: string } };
    expect(saved.result.recommendation).toBe("iep");

    const access = await sql<{ purpose: string; action: string }>`
      select purpose, action from record_of_access where student_id = ${studentId} and record = 'navigator-results'`.execute(
      t.db,
    );
    expect(access.rows).toContainEqual({ purpose: "eligibility navigator result", action: "write-record" });
    const audit = await sql<{ n: number }>`
      select count(*)::int as n from audit_events where action = 'navigator.result-saved' and student_id = ${studentId}`.execute(
      t.db,
    );
    expect(audit.rows[0]?.n).toBe(1);

    const list = await staff.get(`/api/students/${studentId}/navigator-results`);
    expect(list.statusCode).toBe(200);
    expect((list.json() as { items: Array<{ id: string }> }).items.map((i) => i.id)).toEqual([saved.id]);

    // Saved results are append-only.
    await expect(sql`delete from navigator_results where id = ${saved.id}`.execute(t.db)).rejects.toThrow();
  });

  it("refuses to save without sign-in, or for a person without write access", async () => {
    const studentId = t.ids?.students.get("Mateo Rivera");
    const anon = await t.anonymous();
    const res = await anon.send("POST", `/api/students/${studentId}/navigator-results`, { facts: dyslexia?.facts });
    expect(res.statusCode).toBe(401);
    const parent = await t.signIn("parent.rivera@family.example");
    const denied = await parent.send("POST", `/api/students/${studentId}/navigator-results`, {
      facts: dyslexia?.facts,
    });
    expect(denied.statusCode).toBe(403);
  });
});
