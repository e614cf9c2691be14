/**
 * A state complaint draft (34 CFR 300.153): made from chosen chronology entries with their evidence,
 * edited and saved by the family, downloaded as a tagged PDF; the family's own, never staff's.
 */
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../helpers/build-app.ts";
import { FACTORY_PASSWORD } from "../helpers/factories.ts";
import { expectAccessiblePdf } from "../helpers/pdf-expectations.ts";
import { pdfText } from "../helpers/pdf-reading.ts";
import { DATABASE_KINDS } from "../helpers/test-database.ts";

type Entry = { id: string; date: string; kind: string; outcome: string | null; what: string };
type Draft = {
  id: string;
  revision: number;
  text: {
    violation: string;
    facts: string;
    resolution: string;
    complainant: { name: string; relationship: string; address: string; phone: string; email: string };
    child: { name: string; address: string; school: string };
  };
  evidence: Array<{ entry: Entry; details: string[] }>;
  gaps: Array<{ field: string; citation: string }>;
  timeLimit: { earliest: string; tooOld: string[]; citation: string };
  sendTo: { agency: string; copyTo: string; citation: string };
  district: { name: string; state: string };
};

describe.each(DATABASE_KINDS)("state complaint drafts on %s", (kind) => {
  let t: TestApp;
  let mateo: string;
  let draft: Draft;
  beforeAll(async () => {
    t = await buildTestApp(kind);
    mateo = t.ids?.students.get("Mateo Rivera") as string;
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

  it("drafts the contents of 300.153(b) from two chosen entries, with the sessions and the plan's own words", async () => {
    const parent = await t.signIn("parent.rivera@family.example");
    const chronology = (await parent.get(`/api/students/${mateo}/chronology`)).json() as { entries: Entry[] };
    const missed = chronology.entries.find((e) => e.kind === "missed-sessions" && e.outcome === "missed");
    const late = chronology.entries.find((e) => e.kind === "records-request" && e.outcome === "missed");
    expect(missed, "a month of missed sessions in the demo record").toBeDefined();
    expect(late).toBeDefined();
    const res = await parent.send("POST", `/api/students/${mateo}/complaint-drafts`, {
      entryIds: [late?.id, missed?.id],
    });
    expect(res.statusCode, res.body).toBe(201);
    draft = res.json() as Draft;
    expect(draft.revision).toBe(1);
    expect(draft.text.violation).toContain("violated requirements of Part B");
    expect(draft.text.violation).toContain("300.323(c)(2)");
    expect(draft.text.facts).toContain(late?.what as string);
    expect(draft.text.facts).toContain(missed?.what as string);
    expect(draft.text.resolution).toContain("Compensatory services");
    expect(draft.text.child).toMatchObject({ name: "Mateo Rivera", address: "" });
    expect(draft.text.child.school).not.toBe("");
    expect(draft.text.complainant).toMatchObject({ email: "parent.rivera@family.example", relationship: "Parent" });
    // Evidence: oldest first; the missed sessions one by one, and what the plan promised.
    const sessions = draft.evidence.find((e) => e.entry.kind === "missed-sessions");
    expect(sessions?.details.some((d) => /^Session of \d{4}-\d{2}-\d{2}: \d+ minutes of /.test(d))).toBe(true);
    expect(sessions?.details.some((d) => d.startsWith("The plan says"))).toBe(true);
    const request = draft.evidence.find((e) => e.entry.kind === "records-request");
    expect(request?.details[0]).toMatch(/days? late\. Rule: .*56504/);
    expect(draft.gaps.map((g) => g.field)).toEqual(["child.address"]);
    expect(draft.gaps[0]?.citation).toBe("34 CFR 300.153(b)(4)(i)");
    expect(draft.timeLimit).toEqual({ earliest: "2025-11-23", tooOld: [], citation: "34 CFR 300.153(c)" });
    expect(draft.sendTo.agency).toContain("California Department of Education");
    expect(draft.sendTo.citation).toContain("300.153(d)");
    // The district as core's recipients take it, so a Spanish page says where to send it in Spanish.
    expect(draft.district).toEqual({ name: expect.stringContaining("Maple Valley"), state: "CA" });
  });

  it("saves the family's words with a revision, refuses a stale one, and names a bad entry", async () => {
    const parent = await t.signIn("parent.rivera@family.example");
    const text = {
      ...draft.text,
      child: { ...draft.text.child, address: "12 Alder Street, Maple Valley" },
      resolution: "Make up every missed minute by March.",
    };
    const saved = await parent.send("PUT", `/api/students/${mateo}/complaint-drafts/${draft.id}`, {
      revision: 1,
      text,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const after = saved.json() as Draft;
    expect(after.revision).toBe(2);
    expect(after.gaps).toEqual([]);
    expect(after.text.resolution).toBe("Make up every missed minute by March.");
    const stale = await parent.send("PUT", `/api/students/${mateo}/complaint-drafts/${draft.id}`, {
      revision: 1,
      text,
    });
    expect(stale.statusCode).toBe(409);

    const unknown = await parent.send("POST", `/api/students/${mateo}/complaint-drafts`, {
      entryIds: ["deadline:not-there"],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain("deadline:not-there");
    const none = await parent.send("POST", `/api/students/${mateo}/complaint-drafts`, { entryIds: [] });
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain("entryIds");
    const badId = await parent.get(`/api/students/${mateo}/complaint-drafts/not-a-uuid/pdf`);
    expect(badId.statusCode).toBe(400);

    // The audit trail names the draft, never its words.
    const events = await sql<{ details: unknown }>`
      select details from audit_events where action in ('family-draft.created', 'family-draft.saved')`.execute(t.db);
    expect(events.rows.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(events.rows)).not.toContain("Alder Street");
  });

  it("downloads a tagged PDF with the complaint, the evidence, where to send it and that it is not legal advice", async () => {
    const parent = await t.signIn("parent.rivera@family.example");
    const res = await parent.get(`/api/students/${mateo}/complaint-drafts/${draft.id}/pdf`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expectAccessiblePdf(res.rawPayload, {
      title: "State complaint — Mateo Rivera",
      headings: [
        "H1 State complaint",
        "H2 The child (34 CFR 300.153(b)(4)(i)–(ii))",
        "H2 The violation (34 CFR 300.153(b)(1))",
        "H2 The problem and the facts (34 CFR 300.153(b)(2), (b)(4)(iv))",
        "H2 Proposed resolution (34 CFR 300.153(b)(4)(v))",
        "H2 Signature and contact information (34 CFR 300.153(b)(3))",
        "H2 Evidence from the record",
        "H2 Where to send it",
      ],
    });
    const text = pdfText(res.rawPayload);
    for (const words of [
      "not legal advice",
      "12 Alder Street",
      "California Department of Education",
      "300.153(d)",
      "300.153(c)",
      "The plan says",
    ]) {
      expect(text).toContain(words);
    }
  });

  it("prints the complaint in Spanish with lang=es: no English heading left, the family's words as written", async () => {
    const parent = await t.signIn("parent.rivera@family.example");
    const res = await parent.get(`/api/students/${mateo}/complaint-drafts/${draft.id}/pdf?lang=es`);
    expect(res.statusCode, res.body).toBe(200);
    const pdf = expectAccessiblePdf(res.rawPayload, {
      lang: "es-US",
      title: "Queja al estado — Mateo Rivera",
      headings: [
        "H1 Queja al estado",
        "H2 El niño (34 CFR 300.153(b)(4)(i)–(ii))",
        "H2 La regla que no se cumplió (34 CFR 300.153(b)(1))",
        "H2 El problema y los hechos (34 CFR 300.153(b)(2), (b)(4)(iv))",
        "H2 Lo que lo arreglaría (34 CFR 300.153(b)(4)(v))",
        "H2 Firma y cómo encontrarle (34 CFR 300.153(b)(3))",
        "H2 Pruebas del expediente",
        "H2 Dónde enviarla",
      ],
    });
    expect(pdf.lang).toBe("es-US");
    const text = pdfText(res.rawPayload).replace(/\s+/g, " ");
    // What a complaint must contain and where it goes, in Spanish; citations kept.
    for (const words of [
      "no asesoría legal",
      "no más de un año antes",
      "mande una copia al distrito",
      "Dirección donde vive el niño",
      "Qué es usted del niño",
      "Correo electrónico",
      "Lo que muestra el expediente",
      "Pedido del expediente",
      "la agencia pública que atiende al niño",
      "California Department of Education",
      "300.153(d)",
      "Página 1 de",
    ]) {
      expect(text).toContain(words);
    }
    expect(text).toMatch(/Fecha: \d{1,2} de [a-z]+ de \d{4}/);
    // The family's words, as written.
    for (const words of ["12 Alder Street, Maple Valley", "Make up every missed minute by March.", "Mateo Rivera"]) {
      expect(text).toContain(words);
    }
    // No heading, label or note of the English document is left.
    for (const english of [
      "State complaint",
      "The child",
      "The violation",
      "The problem and the facts",
      "Proposed resolution",
      "Signature and contact information",
      "Evidence from the record",
      "Where to send it",
      "Still to fill in",
      "Address where the child lives",
      "Relationship to the child",
      "What the record shows",
      "not legal advice",
      "Send to:",
      "Copy to:",
      "the public agency serving the child",
      "Page 1 of",
    ]) {
      expect(text).not.toContain(english);
    }
    // The record's words were written in English when the draft was made: marked so, and said so.
    expect(text).toContain("tal como se escribió, en inglés");
    expect(text).toContain("The plan says");
    expect(Buffer.from(res.rawPayload).toString("latin1")).toMatch(/\/Lang \(en-US\)/);

    const bad = await parent.get(`/api/students/${mateo}/complaint-drafts/${draft.id}/pdf?lang=fr`);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("lang");
  });

  it("is the family's own: staff get nothing; another district's guardian and a revoked advocate get nothing", async () => {
    for (const email of ["casemanager@maplevalley.example", "admin@maplevalley.example"]) {
      const staff = await t.signIn(email);
      expect((await staff.get(`/api/students/${mateo}/complaint-drafts`)).statusCode, email).toBe(403);
      expect((await staff.get(`/api/students/${mateo}/complaint-drafts/${draft.id}/pdf`)).statusCode).toBe(403);
      const put = await staff.send("PUT", `/api/students/${mateo}/complaint-drafts/${draft.id}`, {
        revision: 2,
        text: draft.text,
      });
      expect(put.statusCode).toBe(403);
    }
    const district = await t.make.district({ name: "Elsewhere Unified" });
    const school = await t.make.school({ districtId: district.id });
    const child = await t.make.student({ districtId: district.id, schoolId: school.id });
    const guardian = await t.make.guardian({ districtId: district.id, studentIds: [child.id] });
    const other = await t.signIn(guardian.email, FACTORY_PASSWORD);
    const denied = await other.get(`/api/students/${mateo}/complaint-drafts`);
    expect(denied.statusCode).toBe(404);
    expect(denied.body).not.toContain("Mateo");
    expect((await other.get(`/api/students/${mateo}/complaint-drafts/${draft.id}/pdf`)).statusCode).toBe(404);
    // A draft id of another student is not found under one's own child.
    expect((await other.get(`/api/students/${child.id}/complaint-drafts/${draft.id}/pdf`)).statusCode).toBe(404);

    const advocate = await t.signIn("advocate@advocacy.example");
    const shared = (await advocate.get(`/api/students/${mateo}/complaint-drafts`)).json() as { items: Draft[] };
    expect(shared.items.map((d) => d.id)).toContain(draft.id);
    const parent = await t.signIn("parent.rivera@family.example");
    const links = (await parent.get(`/api/students/${mateo}/advocates`)).json() as {
      items: Array<{ advocateId: string }>;
    };
    const advocateId = links.items[0]?.advocateId as string;
    expect((await parent.send("DELETE", `/api/students/${mateo}/advocates/${advocateId}`)).statusCode).toBeLessThan(
      300,
    );
    const revoked = await advocate.get(`/api/students/${mateo}/complaint-drafts`);
    expect(revoked.statusCode).toBe(404);
    expect(revoked.body).not.toContain("Alder");
    const pdf = await advocate.get(`/api/students/${mateo}/complaint-drafts/${draft.id}/pdf`);
    expect(pdf.statusCode).toBe(404);
    expect(pdf.headers["content-type"]).not.toBe("application/pdf");
    const create = await advocate.send("POST", `/api/students/${mateo}/complaint-drafts`, { entryIds: ["x"] });
    expect(create.statusCode).toBe(404);
  });
});
