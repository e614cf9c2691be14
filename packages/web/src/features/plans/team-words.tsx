/**
 * The team's own words on a page (decision 0027): on a page in Spanish, the translation a person
 * wrote, marked `lang="es"`, with who translated it and when; otherwise the English as written,
 * marked `lang="en"`, with a plain note that this part is only in English. On an English page, the
 * English alone.
 */
import { type PlanTranslationView, TRANSLATION_LANGUAGES, type TranslationLanguage } from "@lantern/core";
import type { ReactNode } from "react";
import { longDate } from "../../i18n/dates.ts";
import { getLocale, t } from "../../i18n/t.ts";

/** The calendar date of a moment, where the reader is ("2026-12-05"). */
export function localDate(moment: string): string {
  const d = new Date(moment);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

/** "Translated by Ana Rivera on December 5, 2026", in the reader's language. */
export function translatedBy(view: Pick<PlanTranslationView, "translatedByName" | "translatedAt">): string {
  return t("plans.translation.by", { name: view.translatedByName, date: longDate(localDate(view.translatedAt)) });
}

const readerTranslationLanguage = (): TranslationLanguage | null => {
  const locale = getLocale();
  return (TRANSLATION_LANGUAGES as readonly string[]).includes(locale) ? (locale as TranslationLanguage) : null;
};

/** The current translation of the field at `pointer` into the reader's language, if a person wrote one. */
export function translationFor(
  translations: readonly PlanTranslationView[] | undefined,
  pointer: string,
): PlanTranslationView | null {
  const language = readerTranslationLanguage();
  if (!language) return null;
  return (translations ?? []).find((v) => v.pointer === pointer && v.language === language && v.current) ?? null;
}

/**
 * The team's words as a block's content: `before` (a bold label) stays in the page's language.
 * Rendered inside the caller's element (`<p>`, `<li>`).
 */
export function TeamWords({
  english,
  pointer,
  translations,
  before,
  after,
}: {
  english: string;
  pointer: string;
  translations: readonly PlanTranslationView[] | undefined;
  before?: ReactNode;
  after?: string;
}) {
  if (getLocale() === "en") {
    return (
      <>
        {before}
        {english}
        {after}
      </>
    );
  }
  const translated = translationFor(translations, pointer);
  if (translated) {
    return (
      <>
        {before}
        <span lang={translated.language}>{translated.text}</span>
        {after ? <span lang="en">{after}</span> : null}{" "}
        <span className="translated-by muted" data-testid="translated-by">
          ({translatedBy(translated)})
        </span>
      </>
    );
  }
  return (
    <>
      {before}
      <span lang="en">
        {english}
        {after}
      </span>{" "}
      <span className="only-english muted">({t("plans.translation.onlyEnglish")})</span>
    </>
  );
}
