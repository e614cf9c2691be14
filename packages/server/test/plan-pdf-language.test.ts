/**
 * Plan PDFs in the family's language: `?lang=es` prints the family summary in Spanish (the
 * document's language set to es-US), and so do the full plan and the notices; the staff's one-page
 * summary stays English, and a language Lantern does not write is refused by name.
 */
import { formatPlanHash } from "@lantern/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type Client, type TestApp } from "./helpers/build-app.ts";
import { expectAccessiblePdf } from "./helpers/pdf-expectations.ts";
import { readTaggedPdf } from "./helpers/pdf-reading.ts";

const PARENT = "parent.rivera@family.example";

describe("plan PDFs in Spanish", () => {
  let t: TestApp;
  let parent: Client;
  let base = "";

  beforeAll(async () => {
    t = await buildTestApp("pglite");
    parent = await t.signIn(PARENT);
    const studentId = t.ids?.students.get("Mateo Rivera") as string;
    const plans = (await parent.get(`/api/students/${studentId}/plans`)).json() as { items: Array<{ id: string }> };
    base = `/api/students/${studentId}/plans/${plans.items[0]?.id}/pdf`;
  });
  afterAll(async () => {
    await t?.close();
  });

  it("prints the family summary in Spanish for the guardian", async () => {
    const res = await parent.get(`${base}?kind=parent-summary&lang=es`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers["content-disposition"]).toMatch(/parent-summary-es\.pdf/);
    const pdf = expectAccessiblePdf(res.rawPayload, {
      lang: "es-US",
      furniture: "Mateo Rivera · Resumen para la familia",
    });
    expect(pdf.text).toContain("El IEP de Mateo: resumen para la familia");
    expect(pdf.text).toContain("Sus derechos");
  });

  it("prints the meeting notice in Spanish, with the team's own words left as written and marked English", async () => {
    const res = await parent.get(`${base}?kind=meeting-notice&lang=es`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    const pdf = expectAccessiblePdf(res.rawPayload, { lang: "es-US" });
    expect(pdf.text).toContain("Aviso de la reunión del equipo del IEP");
    expect(pdf.text).toContain("Si no puede venir");
    expect(pdf.text).toContain("34 CFR 300.322(b)(1)(i)");
    expect(pdf.text).toMatch(/\d{1,2} de [a-z]+ de \d{4}/);
    const english = await parent.get(`${base}?kind=meeting-notice`);
    expect(expectAccessiblePdf(english.rawPayload, { lang: "en-US" }).text).toContain("Notice of IEP team meeting");
  });

  it("prints the prior written notice in Spanish, its seven parts named in Spanish", async () => {
    const res = await parent.get(`${base}?kind=prior-written-notice&lang=es`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    // The footer carries the sealed version's SHA-256 (page furniture).
    const planId = base.split("/")[5] as string;
    const seals = await t.db
      .selectFrom("plan_versions")
      .select("content_sha256")
      .where("plan_id", "=", planId)
      .execute();
    const hashes = seals.map((v) => formatPlanHash((v.content_sha256 ?? "").slice(0, 16))).join(" ");
    const pdf = expectAccessiblePdf(res.rawPayload, {
      lang: "es-US",
      furniture: `Mateo Rivera · Notificación previa por escrito · SHA-256 ${hashes}`,
    });
    expect(pdf.text).toContain("Notificación previa por escrito");
    expect(pdf.text).toContain("Lo que la escuela propone o niega");
    expect(pdf.text).toContain("34 CFR 300.503(b)(7)");
    expect(pdf.text).toContain("están en inglés");
  });

  it("prints the full plan in Spanish for the guardian, the team's words as written", async () => {
    const res = await parent.get(`${base}?kind=full&lang=es`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toMatch(/full-es\.pdf/);
    const pdf = expectAccessiblePdf(res.rawPayload, { lang: "es-US", furniture: "Mateo Rivera · IEP" });
    expect(pdf.text).toContain("Programa de Educación Individualizado (IEP)");
    expect(pdf.text).toContain("Metas anuales medibles");
    expect(pdf.text).not.toContain("Measurable annual goals");
  });

  it("prints the staff's one-page summary in English whatever the language asked", async () => {
    const staff = await t.signIn("casemanager@maplevalley.example");
    const res = await staff.get(`${base}?kind=at-a-glance&lang=es`);
    expect(res.statusCode).toBe(200);
    expect(readTaggedPdf(res.rawPayload).lang).toBe("en-US");
  });

  it("refuses a language Lantern does not write, naming it", async () => {
    const res = await parent.get(`${base}?kind=parent-summary&lang=fr`);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("lang");
  });
});
