import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import {
  type IepDocument,
  type PlanDocument,
  type PlanPdfKind,
  type PlanTranslation,
  type Section504Document,
  translationLookup,
  translationsFor,
  ZPlanDocument,
} from "@lantern/core";
import { afterAll, describe, expect, it } from "vitest";
import { expectAccessiblePdf } from "../../test/helpers/pdf-expectations.ts";
import { renderPlanPdf } from "./plan-pdf.ts";

const root = resolve(import.meta.dirname, "../../../..");
const dir = mkdtempSync(join(tmpdir(), "lantern-translations-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const iep = ZPlanDocument.parse(JSON.parse(readFileSync(join(root, "docs/examples/iep.json"), "utf8"))) as IepDocument;
const plan504 = ZPlanDocument.parse(
  JSON.parse(readFileSync(join(root, "docs/examples/504.json"), "utf8")),
) as Section504Document;
const normalize = (text: string): string => text.replace(/-/g, "").replace(/\s+/g, " ");
const AT = "2026-11-03T17:00:00.000Z";

function record(field: string, sourceText: string, text: string, at = AT): PlanTranslation {
  return {
    id: `${field}-${at}`,
    field,
    language: "es",
    text,
    sourceText,
    translatedByName: "Ana Rivera",
    translatedAt: at,
  };
}

const goal = iep.goals[0] as IepDocument["goals"][number];
const records: PlanTranslation[] = [
  record(`/goals/${goal.id}/statement`, goal.statement, "Mari leerá en voz alta con fluidez un texto de su grado."),
  ...(iep.meeting.notice
    ? [record("/meeting/notice/purpose", iep.meeting.notice.purpose, "Revisar el progreso de Mari y escribir su plan.")]
    : []),
  ...(iep.priorWrittenNotice
    ? [
        record(
          "/priorWrittenNotice/reasons",
          iep.priorWrittenNotice.reasons,
          "La escuela propone esto porque Mari lo necesita.",
        ),
      ]
    : []),
];

async function text(kind: PlanPdfKind, doc: PlanDocument, translations: readonly PlanTranslation[]) {
  const pdf = await renderPlanPdf(kind, doc, {
    lang: "es",
    draft: true,
    translate: translationLookup(translationsFor(doc, translations), "es"),
  });
  const file = join(dir, `${doc.type}-${kind}.pdf`);
  writeFileSync(file, pdf);
  const run = spawnSync("pdftotext", [file, "-"], { encoding: "utf8" });
  if (run.error) throw new Error("pdftotext is required (apt-get install poppler-utils)");
  return { text: normalize(run.stdout), pdf };
}

describe("the team's words translated by a person, in the Spanish documents", () => {
  it("the family summary prints a translated goal in Spanish with who translated it and when", async () => {
    const { text: t, pdf } = await text("parent-summary", iep, records);
    expect(t).toContain(normalize("Mari leerá en voz alta con fluidez un texto de su grado."));
    expect(t).toContain(normalize("Traducido al español por Ana Rivera el 3 de noviembre de 2026."));
    expect(t).toContain("Una persona del equipo tradujo algunas partes al español");
    // Parts nobody translated stay in English, after a plain line saying so.
    expect(t).toContain("solo en inglés");
    expect(t).not.toContain(normalize(goal.statement.slice(0, 40)));
    expectAccessiblePdf(pdf, {
      title: "Resumen para la familia: Marisol Quintero-Demo",
      lang: "es-US",
      draft: true,
      furniture: "Marisol Quintero-Demo · Resumen para la familia",
    });
  });

  it("prints the English, saying it is only in English, once the English changed after the translation", async () => {
    const changed = structuredClone(iep);
    (changed.goals[0] as IepDocument["goals"][number]).statement = `${goal.statement} Changed after.`;
    const { text: t } = await text("parent-summary", changed, records);
    expect(t).not.toContain(normalize("Mari leerá en voz alta"));
    expect(t).toContain("Esta parte está solo en inglés");
  });

  it("the meeting notice and the prior written notice print their translated parts", async () => {
    if (iep.meeting.notice) {
      const { text: t } = await text("meeting-notice", iep, records);
      expect(t).toContain(normalize("Revisar el progreso de Mari y escribir su plan."));
      expect(t).toContain("Traducido al español por Ana Rivera");
    }
    if (iep.priorWrittenNotice) {
      const { text: t } = await text("prior-written-notice", iep, records);
      expect(t).toContain(normalize("La escuela propone esto porque Mari lo necesita."));
      expect(t).toContain("Esta parte está solo en inglés");
    }
  });
});

describe("the full IEP and the full Section 504 plan in Spanish", () => {
  const service = iep.services[0] as IepDocument["services"][number];
  const fullIep: PlanTranslation[] = [
    ...records,
    record(
      "/presentLevels/strengths/0",
      iep.presentLevels.strengths[0] ?? "",
      "Le encanta leer novelas gráficas y las comenta con entusiasmo.",
    ),
    record(
      `/accommodations/${(iep.accommodations[0] as IepDocument["accommodations"][number]).id}/text`,
      (iep.accommodations[0] as IepDocument["accommodations"][number]).text,
      "Tiempo y medio en exámenes, pruebas y ensayos en clase.",
    ),
  ];

  it("prints each translated part in Spanish with who translated it and when; the rest stays English, marked", async () => {
    const { text: t, pdf } = await text("full", iep, fullIep);
    for (const spanish of [
      "Mari leerá en voz alta con fluidez un texto de su grado.",
      "Le encanta leer novelas gráficas y las comenta con entusiasmo.",
      "Tiempo y medio en exámenes, pruebas y ensayos en clase.",
      "Revisar el progreso de Mari y escribir su plan.",
      "La escuela propone esto porque Mari lo necesita.",
    ]) {
      expect(t).toContain(normalize(spanish));
    }
    expect(t).toContain(normalize("Traducido al español por Ana Rivera el 3 de noviembre de 2026."));
    expect(t).toContain("Una persona del equipo tradujo algunas al español");
    expect(t).not.toContain(normalize(goal.statement.slice(0, 40)));
    // Nobody translated the present levels or the service's description: as written, marked English.
    expect(t).toContain(normalize(iep.presentLevels.academic.slice(0, 40)));
    expect(t).toContain(normalize(service.description.slice(0, 30)));
    const raw = pdf.toString("latin1");
    expect(raw).toMatch(/\/Lang \(en-US\)/);
    // The service's description, English inside a cell otherwise in Spanish, is its own English span.
    expect(raw).toMatch(/\/S \/Span[^>]*\/Lang \(en-US\)|\/Lang \(en-US\)[^>]*\/S \/Span/);
    // The strengths list holds a translated item among English ones: each English item is marked.
    expect(raw).toMatch(/\/S \/LI[^>]*\/Lang \(en-US\)|\/Lang \(en-US\)[^>]*\/S \/LI/);
    expectAccessiblePdf(pdf, { lang: "es-US", draft: true });
  });

  it("without translations the full IEP says its team's words are only in English", async () => {
    const { text: t } = await text("full", iep, []);
    expect(t).toContain(normalize(goal.statement.slice(0, 40)));
    expect(t).not.toContain("Traducido al español");
    expect(t).toContain("Aquí están tal como se escribieron, en inglés.");
  });

  it("the Section 504 plan prints a translated accommodation and its translator; the others stay English", async () => {
    const first = plan504.accommodations[0] as Section504Document["accommodations"][number];
    const { text: t, pdf } = await text("full", plan504, [
      record(`/accommodations/${first.id}/text`, first.text, "Puede medir su azúcar en la sangre en cualquier clase."),
      record("/placement", plan504.placement, "Clases de educación general todo el día escolar."),
    ]);
    expect(t).toContain(normalize("Puede medir su azúcar en la sangre en cualquier clase."));
    expect(t).toContain(normalize("Clases de educación general todo el día escolar."));
    expect(t).toContain(normalize("Traducido al español por Ana Rivera el 3 de noviembre de 2026."));
    expect(t).not.toContain(normalize(first.text.slice(0, 40)));
    const aid = plan504.aidsAndServices[0] as Section504Document["aidsAndServices"][number];
    expect(t).toContain(normalize(aid.description.slice(0, 30)));
    expectAccessiblePdf(pdf, { lang: "es-US", draft: true });
  });
});
