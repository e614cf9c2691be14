import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import {
  type IepDocument,
  type PlanPdfKind,
  type PlanTranslation,
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

async function text(kind: PlanPdfKind, doc: IepDocument, translations: readonly PlanTranslation[]) {
  const pdf = await renderPlanPdf(kind, doc, {
    lang: "es",
    draft: true,
    translate: translationLookup(translationsFor(doc, translations), "es"),
  });
  const file = join(dir, `${kind}.pdf`);
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
