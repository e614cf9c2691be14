/**
 * Human translations of the team's own words (decision 0027). The plan and its notices are written
 * in English by the team; a staff writer may add a translation of each free-text field beside the
 * original. A translation is kept with the English it translated, so it is current only while the
 * English is unchanged; otherwise it is out of date and the family's documents show the English
 * with a plain note.
 *
 * Fields are named by a stable key that uses item ids, not positions (`/goals/g-1/statement`), so
 * a translation follows its goal through reordering and into the next version; the key's
 * `pointer` is the field's place in this version (`/goals/0/statement`), which the editor's
 * controls and the checks' findings use.
 *
 * Notices must be in the parent's native language (34 CFR 300.503(c)); the parent must understand
 * the proceedings of the meeting (300.322(e)) and gets a copy of the IEP (300.322(f)).
 */
import { z } from "zod";
import type { IepDocument } from "./iep-document.ts";
import type { PlanDocument } from "./plan-document.ts";
import type { Section504Document } from "./section-504-document.ts";

/** The languages a translation may be written in: those Lantern writes its family documents in. */
export const TRANSLATION_LANGUAGES = ["es"] as const;
export const ZTranslationLanguage = z.enum(TRANSLATION_LANGUAGES);
export type TranslationLanguage = z.infer<typeof ZTranslationLanguage>;

/** Which document a field belongs to: the plan itself, or a notice (300.503, 300.322(b)). */
export const TRANSLATABLE_PARTS = ["plan", "notice"] as const;
export type TranslatablePart = (typeof TRANSLATABLE_PARTS)[number];

/** A field's stable key: a JSON pointer whose list steps are item ids (or positions for lists of plain texts). */
export const ZTranslationField = z
  .string()
  .min(2)
  .max(300)
  .regex(/^(\/[A-Za-z0-9._:~-]+)+$/, "a field of the plan, such as /goals/g-1/statement");

/** One free-text field of a plan that may carry a translation. */
export type TranslatableText = {
  /** Stable key (item ids): what a translation is stored under. */
  field: string;
  /** The field's place in this version (positions), as the editor's controls and findings name it. */
  pointer: string;
  part: TranslatablePart;
  /** The English as the team wrote it (never empty: empty fields have nothing to translate). */
  text: string;
};

type Push = (field: string, pointer: string, part: TranslatablePart, text: unknown) => void;

/**
 * Each item of a list. The editor reads texts from its draft as typed (not yet parsed, so a new
 * item may lack a list), hence the guard.
 */
function each<T>(list: readonly T[] | null | undefined, fn: (item: T, i: number) => void): void {
  if (Array.isArray(list)) list.forEach(fn);
}

function iepTexts(doc: IepDocument, push: Push): void {
  const p = doc.presentLevels ?? { academic: "", functional: "", impactOnGeneralCurriculum: "", evaluationSummary: "" };
  for (const key of ["academic", "functional", "impactOnGeneralCurriculum", "evaluationSummary"] as const) {
    push(`/presentLevels/${key}`, `/presentLevels/${key}`, "plan", p[key]);
  }
  each(p.strengths, (s, i) => {
    push(`/presentLevels/strengths/${i}`, `/presentLevels/strengths/${i}`, "plan", s);
  });
  each(p.needs, (n, i) => {
    push(`/presentLevels/needs/${n.id}/description`, `/presentLevels/needs/${i}/description`, "plan", n.description);
  });
  each(doc.goals, (g, i) => {
    push(`/goals/${g.id}/statement`, `/goals/${i}/statement`, "plan", g.statement);
    each(g.shortTermObjectives, (o, j) => {
      push(
        `/goals/${g.id}/shortTermObjectives/${o.id}/text`,
        `/goals/${i}/shortTermObjectives/${j}/text`,
        "plan",
        o.text,
      );
    });
  });
  each(doc.services, (s, i) => {
    push(`/services/${s.id}/description`, `/services/${i}/description`, "plan", s.description);
  });
  each(doc.programModifications, (m, i) => {
    push(`/programModifications/${m.id}/description`, `/programModifications/${i}/description`, "plan", m.description);
  });
  each(doc.accommodations, (a, i) => {
    push(`/accommodations/${a.id}/text`, `/accommodations/${i}/text`, "plan", a.text);
  });
  push(
    "/placement/nonParticipationExplanation",
    "/placement/nonParticipationExplanation",
    "plan",
    doc.placement?.nonParticipationExplanation,
  );
  const notice = doc.priorWrittenNotice;
  if (notice) {
    for (const key of ["actionDescription", "reasons", "otherFactors"] as const) {
      push(`/priorWrittenNotice/${key}`, `/priorWrittenNotice/${key}`, "notice", notice[key]);
    }
    each(notice.basis, (b, i) => {
      push(`/priorWrittenNotice/basis/${i}`, `/priorWrittenNotice/basis/${i}`, "notice", b);
    });
    each(notice.optionsConsidered, (o, i) => {
      push(
        `/priorWrittenNotice/optionsConsidered/${i}/option`,
        `/priorWrittenNotice/optionsConsidered/${i}/option`,
        "notice",
        o.option,
      );
      push(
        `/priorWrittenNotice/optionsConsidered/${i}/whyRejected`,
        `/priorWrittenNotice/optionsConsidered/${i}/whyRejected`,
        "notice",
        o.whyRejected,
      );
    });
  }
}

function section504Texts(doc: Section504Document, push: Push): void {
  each(doc.impairments, (m, i) => {
    push(`/impairments/${m.id}/description`, `/impairments/${i}/description`, "plan", m.description);
  });
  each(doc.accommodations, (a, i) => {
    push(`/accommodations/${a.id}/text`, `/accommodations/${i}/text`, "plan", a.text);
  });
  each(doc.aidsAndServices, (s, i) => {
    push(`/aidsAndServices/${s.id}/description`, `/aidsAndServices/${i}/description`, "plan", s.description);
  });
  push("/placement", "/placement", "plan", doc.placement);
}

/** Every free-text field of the plan and its notices that holds English the family reads, in reading order. */
export function translatableTexts(doc: PlanDocument): TranslatableText[] {
  const out: TranslatableText[] = [];
  const push: Push = (field, pointer, part, text) => {
    if (typeof text === "string" && text.trim() !== "") out.push({ field, pointer, part, text });
  };
  push("/meeting/notice/purpose", "/meeting/notice/purpose", "notice", doc.meeting?.notice?.purpose);
  if (doc.type === "iep") iepTexts(doc, push);
  else section504Texts(doc, push);
  return out;
}

/** A translation as stored: append-only; the latest for a field and language counts. */
export const ZPlanTranslation = z.object({
  id: z.string(),
  field: ZTranslationField,
  language: ZTranslationLanguage,
  text: z.string(),
  /** The English this translates, as it stood when the translation was written. */
  sourceText: z.string(),
  translatedByName: z.string(),
  translatedAt: z.string(),
});
export type PlanTranslation = z.infer<typeof ZPlanTranslation>;

/** A translation as the plan page shows it beside a version's field. */
export const ZPlanTranslationView = ZPlanTranslation.extend({
  /** The field's place in the version read (its position), for the editor's controls. */
  pointer: z.string(),
  /** False when the English changed after the translation was written: it is out of date. */
  current: z.boolean(),
});
export type PlanTranslationView = z.infer<typeof ZPlanTranslationView>;

/** The body of `PUT …/translations`: a field of the current version, its language and the translation. */
export const ZSaveTranslationBody = z.object({
  field: ZTranslationField,
  language: ZTranslationLanguage,
  text: z
    .string()
    .max(20_000)
    .refine((s) => s.trim() !== "", "write the translation"),
});
export type SaveTranslationBody = z.infer<typeof ZSaveTranslationBody>;

const sameText = (a: string, b: string): boolean => a.trim() === b.trim();

/**
 * The translations that go with a version's fields: for each field and language, the latest
 * translation of the English this version holds (current); else the latest translation of the
 * field at all (out of date). Fields the version no longer holds are left out.
 */
export function translationsFor(doc: PlanDocument, records: readonly PlanTranslation[]): PlanTranslationView[] {
  const texts = translatableTexts(doc);
  const out: PlanTranslationView[] = [];
  const newestFirst = [...records].sort((a, b) => (a.translatedAt < b.translatedAt ? 1 : -1));
  for (const t of texts) {
    for (const language of TRANSLATION_LANGUAGES) {
      const mine = newestFirst.filter((r) => r.field === t.field && r.language === language);
      const current = mine.find((r) => sameText(r.sourceText, t.text));
      const chosen = current ?? mine[0];
      if (chosen) out.push({ ...chosen, pointer: t.pointer, current: current !== undefined });
    }
  }
  return out;
}

/** The fields of a part with no current translation into `language`, in reading order. */
export function untranslatedTexts(
  doc: PlanDocument,
  records: readonly PlanTranslation[],
  language: TranslationLanguage,
  part: TranslatablePart,
): TranslatableText[] {
  const done = new Set(
    translationsFor(doc, records)
      .filter((v) => v.language === language && v.current)
      .map((v) => v.field),
  );
  return translatableTexts(doc).filter((t) => t.part === part && !done.has(t.field));
}

/**
 * A lookup a document uses to print a field: the current translation of the field at `pointer`
 * in `language`, or null (then the English is printed, marked as English).
 */
export type TranslationLookup = (pointer: string) => { text: string; by: string; at: string } | null;

export function translationLookup(
  views: readonly PlanTranslationView[],
  language: TranslationLanguage | "en",
): TranslationLookup {
  if (language === "en") return () => null;
  const byPointer = new Map(views.filter((v) => v.current && v.language === language).map((v) => [v.pointer, v]));
  return (pointer) => {
    const v = byPointer.get(pointer);
    return v ? { text: v.text, by: v.translatedByName, at: v.translatedAt } : null;
  };
}
