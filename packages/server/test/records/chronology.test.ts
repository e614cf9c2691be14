/** The case chronology over HTTP: ordered entries with rules, filters, and an accessible PDF. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../helpers/build-app.ts";
import { expectAccessiblePdf } from "../helpers/pdf-expectations.ts";
import { pdfText } from "../helpers/pdf-reading.ts";
import { DATABASE_KINDS } from "../helpers/test-database.ts";

type Entry = { date: string; kind: string; who: string; what: string; rule: string | null; outcome: string | null };

describe.each(DATABASE_KINDS)("case chronology on %s", (kind) => {
  let t: TestApp;
  let mateo: string;
  beforeAll(async () => {
    t = await buildTestApp(kind);
    mateo = t.ids?.students.get("Mateo Rivera") as string;
    // A request received on paper and never answered: a missed deadline with its rule.
    const staff = await t.signIn("casemanager@maplevalley.example");
    const res = await staff.send("POST", `/api/students/${mateo}/records-requests`, {
      channel: "written",
      receivedOn: "2026-10-01",
      requester: "Ana Rivera",
    });
    expect(res.statusCode, res.body).toBe(201);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("lists the record in date order, each entry with who, what and the rule, and shows the missed deadline", async () => {
    const parent = await t.signIn("parent.rivera@family.example");
    const res = await parent.get(`/api/students/${mateo}/chronology`);
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json() as { studentName: string; entries: Entry[] };
    expect(c.studentName).toBe("Mateo Rivera");
    const dates = c.entries.map((e) => e.date);
    expect(dates).toEqual([...dates].sort());
    expect(new Set(c.entries.map((e) => e.kind))).toContain("plan-version");
    const request = c.entries.find((e) => e.kind === "records-request");
    expect(request).toMatchObject({ outcome: "missed", who: "Ana Rivera" });
    expect(request?.rule).toContain("Cal. Ed. Code 56504");
    expect(request?.what).toContain("not provided");

    const filtered = (
      await parent.get(`/api/students/${mateo}/chronology?kinds=records-request&from=2026-09-01`)
    ).json() as {
      entries: Entry[];
    };
    expect(filtered.entries.length).toBeGreaterThan(0);
    expect(filtered.entries.every((e) => e.kind === "records-request" && e.date >= "2026-09-01")).toBe(true);
    const bad = await parent.get(`/api/students/${mateo}/chronology?kinds=gossip`);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("gossip");
  });

  it("exports a tagged PDF with the entries and their citations", async () => {
    const parent = await t.signIn("parent.rivera@family.example");
    const res = await parent.get(`/api/students/${mateo}/chronology.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expectAccessiblePdf(res.rawPayload, {
      title: "Case chronology — Mateo Rivera",
      headings: ["H1 Case chronology", "H2 Rules cited"],
    });
    const text = pdfText(res.rawPayload);
    expect(text).toContain("Cal. Ed. Code 56504");
    expect(text).toContain("not legal advice");
  });

  it("exports the chronology in Spanish: Spanish headings, columns, kinds, dates and sentences, citations kept", async () => {
    const parent = await t.signIn("parent.rivera@family.example");
    const res = await parent.get(`/api/students/${mateo}/chronology.pdf?lang=es`);
    expect(res.statusCode).toBe(200);
    const pdf = expectAccessiblePdf(res.rawPayload, {
      lang: "es-US",
      title: "Cronología del expediente — Mateo Rivera",
      headings: ["H1 Cronología del expediente", "H2 Reglas citadas"],
    });
    const text = pdfText(res.rawPayload);
    for (const words of ["Fecha", "Tipo", "Quién", "Qué pasó", "Regla", "Pedido del expediente"]) {
      expect(text).toContain(words);
    }
    expect(text).toContain("No se cumplió");
    expect(text).toContain("no asesoría legal");
    expect(text).toMatch(/Preparada el \d{1,2} de [a-z]+ de \d{4}/);
    expect(text).toContain("Cal. Ed. Code 56504");
    expect(text).not.toContain("Case chronology");
    // What happened is core's Spanish sentence: no English sentence of core's is left.
    expect(text).toMatch(/vencían el \d{1,2} de [a-z]+ de \d{4} \(5 días hábiles\)/);
    expect(text).toContain("Enseñanza académica especializada: 3 sesiones perdidas");
    expect(text).toContain("Padre, madre o tutor");
    for (const english of [
      "en inglés",
      " due ",
      "late so far",
      "version 1 started",
      "signed and sealed",
      "business days",
      "Parent or guardian",
    ])
      expect(text).not.toContain(english);
    expect(pdf.lang).toBe("es-US");
    const bad = await parent.get(`/api/students/${mateo}/chronology.pdf?lang=fr`);
    expect(bad.statusCode).toBe(400);
  });

  it("gives the chronology's sentences in Spanish on the page with lang=es", async () => {
    const parent = await t.signIn("parent.rivera@family.example");
    const es = (await parent.get(`/api/students/${mateo}/chronology?lang=es`)).json() as {
      entries: Array<{ kind: string; what: string; who: string }>;
    };
    const en = (await parent.get(`/api/students/${mateo}/chronology`)).json() as typeof es;
    expect(es.entries.length).toBe(en.entries.length);
    const request = es.entries.find((e) => e.kind === "records-request");
    expect(request?.what).toMatch(/pidió los registros; vencían el \d{1,2} de [a-z]+ de \d{4}/);
    expect(es.entries.find((e) => e.kind === "missed-sessions")?.who).toBe("Escuela");
    expect(en.entries.find((e) => e.kind === "records-request")?.what).toMatch(/; due \d{4}-\d{2}-\d{2}/);
  });

  it("gives nothing to another district", async () => {
    const other = await t.signIn("admin@cedarhills.example");
    expect((await other.get(`/api/students/${mateo}/chronology`)).statusCode).toBe(404);
    expect((await other.get(`/api/students/${mateo}/chronology.pdf`)).statusCode).toBe(404);
  });
});
