import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { GLOSSARY, type IepDocument, type Section504Document, ZPlanDocument } from "@lantern/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessiblePdf } from "../../test/helpers/pdf-expectations.ts";
import { renderPlanPdf } from "./plan-pdf.ts";

const root = resolve(import.meta.dirname, "../../../..");
const dir = mkdtempSync(join(tmpdir(), "lantern-family-es-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const iep = ZPlanDocument.parse(JSON.parse(readFileSync(join(root, "docs/examples/iep.json"), "utf8"))) as IepDocument;
const plan504 = ZPlanDocument.parse(
  JSON.parse(readFileSync(join(root, "docs/examples/504.json"), "utf8")),
) as Section504Document;

const normalize = (text: string): string => text.replace(/-/g, "").replace(/\s+/g, " ");

async function render(doc: IepDocument | Section504Document, name: string) {
  const pdf = await renderPlanPdf("parent-summary", doc, { lang: "es", draft: true });
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  const run = spawnSync("pdftotext", [file, "-"], { encoding: "utf8" });
  if (run.error) throw new Error("pdftotext is required (apt-get install poppler-utils)");
  return { text: normalize(run.stdout), raw: pdf.toString("latin1"), pdf };
}

describe("the family summary in Spanish", () => {
  let text = "";
  let raw = "";
  beforeAll(async () => {
    ({ text, raw } = await render(iep, "iep"));
  });

  it("has Spanish headings, explanations and page furniture", () => {
    expect(text).toContain("El IEP de Mari: resumen para la familia");
    expect(text).toContain("Sobre este plan");
    expect(text).toContain("Lo que Mari está trabajando este año");
    expect(text).toContain("Sus derechos");
    expect(text).toContain("Página 1 de");
    expect(text).toContain("BORRADOR");
    expect(text).not.toContain("What Mari");
    expect(text).not.toContain("Your rights");
  });

  it("names the legal terms as the glossary does", () => {
    expect(text).toContain(normalize(GLOSSARY.iep.es.name));
    expect(text).toContain(normalize(GLOSSARY.priorWrittenNotice.es.term));
    expect(text).toContain(normalize(GLOSSARY.proceduralSafeguards.es.term));
  });

  it("writes dates, services and amounts in Spanish, with Spanish plurals", () => {
    expect(text).toMatch(/El plan empieza: \d{1,2} de [a-z]+ de \d{4}/);
    expect(text).toContain(
      normalize("Terapia del habla y del lenguaje: 2 veces por mes, 30 minutos cada vez (60 minutos por mes)"),
    );
    expect(text).toContain("más o menos el 84% del día escolar");
  });

  it("keeps the team's own words as written and says plainly that they are in English", () => {
    expect(text).toContain("El equipo de la escuela escribió algunas partes de este plan en inglés");
    for (const goal of iep.goals) expect(text).toContain(normalize(goal.statement.trim()).slice(0, 40));
  });

  it("is a tagged, accessible PDF in Spanish, its furniture in Spanish too", async () => {
    const { pdf } = await render(iep, "iep-tagged");
    expectAccessiblePdf(pdf, {
      title: "Resumen para la familia: Marisol Quintero-Demo",
      lang: "es-US",
      draft: true,
      furniture: "Marisol Quintero-Demo · Resumen para la familia",
    });
  });

  it("is a Spanish document, with the team's English marked as English", () => {
    expect(raw).toMatch(/\/Lang \(es-US\)/);
    expect(raw).toMatch(/\/Lang \(en-US\)/);
  });

  it("covers a Section 504 plan too", async () => {
    const { text: text504 } = await render(plan504, "504");
    expect(text504).toContain("El Plan 504 de");
    expect(text504).toContain("Por qué");
    expect(text504).toContain("Sus derechos");
  });
});
