import { describe, expect, it } from "vitest";
import type { IepDocument } from "./iep-document.ts";
import { sampleIep } from "./plan-samples.ts";
import {
  type PlanTranslation,
  translatableTexts,
  translationLookup,
  translationsFor,
  untranslatedTexts,
  ZSaveTranslationBody,
} from "./plan-translations.ts";

const iep = (): IepDocument => sampleIep() as IepDocument;

function translation(field: string, sourceText: string, at: string, text = "traducción"): PlanTranslation {
  return { id: at, field, language: "es", text, sourceText, translatedByName: "Ana Rivera", translatedAt: at };
}

describe("translatable texts", () => {
  it("names each field by item id and gives its place in this version", () => {
    const doc = iep();
    const goal = doc.goals[0];
    if (!goal) throw new Error("sample has a goal");
    const found = translatableTexts(doc).find((t) => t.field === `/goals/${goal.id}/statement`);
    expect(found).toMatchObject({ pointer: "/goals/0/statement", part: "plan", text: goal.statement });
  });

  it("reads a draft as the editor holds it, where a new item may lack its lists", () => {
    const doc = iep();
    doc.goals.push({ id: "goal-new", statement: "Writes a sentence." } as IepDocument["goals"][number]);
    expect(translatableTexts(doc).some((t) => t.field === "/goals/goal-new/statement")).toBe(true);
  });

  it("leaves out empty fields and puts notice texts in the notice part", () => {
    const doc = iep();
    doc.presentLevels.functional = "  ";
    const texts = translatableTexts(doc);
    expect(texts.some((t) => t.field === "/presentLevels/functional")).toBe(false);
    if (doc.priorWrittenNotice) {
      expect(texts.find((t) => t.field === "/priorWrittenNotice/reasons")?.part).toBe("notice");
    }
  });
});

describe("translations of a version", () => {
  it("is current while the English is unchanged, out of date once it changes", () => {
    const doc = iep();
    const english = doc.presentLevels.academic;
    const records = [translation("/presentLevels/academic", english, "2026-10-01T10:00:00.000Z")];
    expect(translationsFor(doc, records)[0]).toMatchObject({ pointer: "/presentLevels/academic", current: true });
    doc.presentLevels.academic = `${english} Now reads 60 words a minute.`;
    expect(translationsFor(doc, records)[0]?.current).toBe(false);
    expect(translationLookup(translationsFor(doc, records), "es")("/presentLevels/academic")).toBeNull();
  });

  it("follows a goal when the goals are reordered, and prefers the latest current translation", () => {
    const doc = iep();
    const [first] = doc.goals;
    if (!first) throw new Error("sample has a goal");
    const field = `/goals/${first.id}/statement`;
    const records = [
      translation(field, first.statement, "2026-10-01T10:00:00.000Z", "primera"),
      translation(field, first.statement, "2026-10-02T10:00:00.000Z", "segunda"),
      translation(field, "older English", "2026-10-03T10:00:00.000Z", "obsoleta"),
    ];
    doc.goals = [{ ...first, id: "goal-new", statement: "Another goal" }, first];
    const lookup = translationLookup(translationsFor(doc, records), "es");
    expect(lookup("/goals/1/statement")?.text).toBe("segunda");
    expect(lookup("/goals/0/statement")).toBeNull();
  });

  it("lists the parts still only in English", () => {
    const doc = iep();
    const all = untranslatedTexts(doc, [], "es", "plan");
    expect(all.length).toBeGreaterThan(0);
    const done = all.map((t) => translation(t.field, t.text, "2026-10-01T10:00:00.000Z"));
    expect(untranslatedTexts(doc, done, "es", "plan")).toEqual([]);
  });

  it("refuses an empty translation, another language, or a field that is not a path", () => {
    expect(
      ZSaveTranslationBody.safeParse({ field: "/goals/g-1/statement", language: "es", text: "Meta" }).success,
    ).toBe(true);
    expect(ZSaveTranslationBody.safeParse({ field: "/goals/g-1/statement", language: "es", text: "  " }).success).toBe(
      false,
    );
    expect(ZSaveTranslationBody.safeParse({ field: "/goals/g-1/statement", language: "fr", text: "x" }).success).toBe(
      false,
    );
    expect(ZSaveTranslationBody.safeParse({ field: "goals", language: "es", text: "x" }).success).toBe(false);
  });
});
