/**
 * How easy the family-facing messages are to read, in each language, by documented formulas:
 *
 * - English: Flesch–Kincaid grade level (Kincaid et al., 1975):
 *     grade = 0.39 × (words / sentences) + 11.8 × (syllables / words) − 15.59
 *   Target: grade 8 or lower.
 * - Spanish: Fernández Huerta's reading ease (1959), as corrected by Law (2011):
 *     ease = 206.84 − 0.60 × P − 1.02 × F
 *   where P is syllables per 100 words and F is sentences per 100 words. Higher is easier:
 *   70–80 "bastante fácil" (about grade 7), 60–70 "normal" (grades 8–9). Target: 60 or more.
 *
 * Syllables are counted by rule (vowel groups; for Spanish, diphthongs and hiatus by the usual
 * rules of strong and weak vowels and the written accent), which is what both formulas were
 * calibrated on closely enough to compare one version of Lantern's text with the next.
 * Messages are measured as a reader sees them: ICU plurals and choices in their "other" form,
 * placeholders filled with a short name or number. Messages of fewer than four words (buttons,
 * labels) are left out: they are not prose.
 */
import {
  buildLetter,
  explainResult,
  LETTER_KINDS,
  type NavigatorFactsInput,
  navigate,
  ZLetterRequest,
  ZNavigatorFacts,
} from "@lantern/core";
import { catalogs, type Locale } from "./catalogs.ts";
import { argumentsOf, formatMessage } from "./format.ts";
import { isStaffOnly } from "./staff-only.ts";

export type TextStats = { words: number; sentences: number; syllables: number };

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Sentences: runs ended by . ! ? or : (a list's lead-in), at least one. */
export function sentences(text: string): number {
  const parts = text
    .split(/[.!?:;]+(?:\s|$)/)
    .map((s) => s.trim())
    .filter((s) => words(s).length > 0);
  return Math.max(1, parts.length);
}

export function englishSyllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, "");
  if (w.length === 0) return 1; // a number or a symbol: read as one
  if (w.length <= 3) return 1;
  const trimmed = w.replace(/(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$/, "").replace(/^y/, "");
  const groups = trimmed.match(/[aeiouy]{1,2}/g);
  return Math.max(1, groups?.length ?? 1);
}

const STRONG = new Set([..."aeoáéó"]);
const ACCENTED_WEAK = new Set([..."íú"]);
const VOWELS = new Set([..."aeiouáéíóúü"]);

export function spanishSyllables(word: string): number {
  const w = word.toLowerCase();
  if (!/[a-záéíóúüñ]/.test(w)) return 1;
  let count = 0;
  let previous = "";
  for (const ch of w) {
    if (!VOWELS.has(ch)) {
      previous = "";
      continue;
    }
    if (previous === "") count += 1;
    else {
      // Two vowels side by side: one syllable (a diphthong) unless both are strong, or the weak one carries the accent.
      const hiatus = (STRONG.has(previous) && STRONG.has(ch)) || ACCENTED_WEAK.has(previous) || ACCENTED_WEAK.has(ch);
      if (hiatus) count += 1;
    }
    previous = ch;
  }
  // "qu" and "gu" before e/i: the u is silent, already folded into the next vowel's group above.
  return Math.max(1, count);
}

export function stats(texts: readonly string[], locale: Locale): TextStats {
  const count = locale === "es" ? spanishSyllables : englishSyllables;
  let w = 0;
  let s = 0;
  let y = 0;
  for (const text of texts) {
    const ws = words(text);
    w += ws.length;
    s += sentences(text);
    for (const word of ws) y += count(word);
  }
  return { words: w, sentences: s, syllables: y };
}

export function fleschKincaidGrade({ words, sentences, syllables }: TextStats): number {
  return 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59;
}

export function fernandezHuerta({ words, sentences, syllables }: TextStats): number {
  return 206.84 - 0.6 * ((syllables / words) * 100) - 1.02 * ((sentences / words) * 100);
}

/** A message as a reader sees it: plurals in their "other" form, placeholders filled. */
export function asRead(message: string, locale: Locale): string {
  const params: Record<string, string | number> = {};
  for (const [name, kind] of argumentsOf(message))
    params[name] = kind === "plural" || kind === "number" ? 2 : kind === "select" ? "other" : "Ana";
  return formatMessage(message, params, locale);
}

/** The family-facing prose of a language, grouped by feature ("auth", "enforcement", …). */
export function familyProse(locale: Locale): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const [key, message] of Object.entries(catalogs[locale] as Record<string, string>)) {
    if (isStaffOnly(key) || key.startsWith("label.") || key.startsWith("navigator.state.")) continue;
    const text = asRead(message, locale);
    if (words(text).length < 4) continue;
    const feature = key.split(".")[0] ?? key;
    groups.set(feature, [...(groups.get(feature) ?? []), text]);
  }
  return groups;
}

export type ReadabilityReport = {
  en: { overall: number; byFeature: Record<string, number> };
  es: { overall: number; byFeature: Record<string, number> };
};

const round = (n: number) => Math.round(n * 10) / 10;

/** Flesch–Kincaid grade (English) and Fernández Huerta ease (Spanish), overall and by feature. */
export function readabilityReport(): ReadabilityReport {
  const measure = (locale: Locale, formula: (s: TextStats) => number) => {
    const groups = familyProse(locale);
    const byFeature: Record<string, number> = {};
    for (const [feature, texts] of [...groups].sort(([a], [b]) => a.localeCompare(b)))
      byFeature[feature] = round(formula(stats(texts, locale)));
    return { overall: round(formula(stats([...groups.values()].flat(), locale))), byFeature };
  };
  return { en: measure("en", fleschKincaidGrade), es: measure("es", fernandezHuerta) };
}

/** Facts that reach every kind of navigator answer, for measuring the sentences core writes. */
const SAMPLE_FACTS: NavigatorFactsInput[] = [
  { ageYears: 2, evaluation: "none" },
  { ageYears: 8, evaluation: "none", impairments: [{ name: "Dyslexia" }] },
  {
    ageYears: 8,
    evaluation: "completed",
    state: "CA",
    impairments: [{ name: "Dyslexia", ideaCategory: "specific-learning-disability", limitsWithoutMitigation: true }],
    adverseEducationalEffect: true,
    needsSpecializedInstruction: true,
    accommodationsNeeded: true,
    currentPlans: ["section-504"],
  },
  {
    ageYears: 12,
    evaluation: "completed",
    impairments: [
      {
        name: "ADHD",
        ideaCategory: "other-health-impairment",
        limitsWithoutMitigation: true,
        mitigatingMeasures: ["medication"],
      },
    ],
    adverseEducationalEffect: false,
    needsSpecializedInstruction: false,
    accommodationsNeeded: true,
    performingAtGradeLevel: true,
    relatedServicesNeeded: ["counseling"],
    currentPlans: ["iep"],
  },
  {
    ageYears: 10,
    evaluation: "completed",
    impairments: [{ name: "Asthma", ideaCategory: null, episodicOrInRemission: true, limitsWhenActive: null }],
  },
  { ageYears: 23, evaluation: "completed", currentPlans: ["iep"] },
];

/**
 * The sentences core writes for families in `locale` (decision 0026): the navigator's reasons,
 * plan comparison and next steps for sample facts, and the body and requests of every letter.
 * Measured on their own, not mixed into the catalogs' figures: `npm run readability` prints them
 * against their own baseline (`core` in readability-baseline.json), and readability.test.ts holds
 * them to the families' targets (English grade 8 or lower, Spanish ease 60 or more) whatever the
 * baseline says.
 */
export function coreProse(locale: Locale): Map<string, string[]> {
  const navigator = new Set<string>();
  for (const input of SAMPLE_FACTS) {
    const facts = ZNavigatorFacts.parse(input);
    const report = explainResult(navigate(facts, locale), facts, locale);
    for (const t of report.trace) navigator.add(t.explanation);
    for (const s of report.nextSteps) navigator.add(`${s.title}. ${s.text}`);
    const profiles = [report.comparison.pointedProfile, report.comparison.otherProfile];
    for (const p of profiles)
      for (const point of [...(p?.contents ?? []), ...(p?.protections ?? [])]) navigator.add(point.text);
    for (const point of report.comparison.otherWouldNotGive) navigator.add(point.text);
  }
  const letters = new Set<string>();
  for (const kind of LETTER_KINDS) {
    const letter = buildLetter(
      ZLetterRequest.parse({
        kind,
        language: locale,
        parentName: "Ana",
        studentName: "Leo",
        schoolName: "Cedar Grove",
        state: "CA",
        date: "2026-11-23",
        facts: { ageYears: 8, evaluation: "none" },
        refusedRequest: "A reading evaluation.",
        disagreedParts: "The placement.",
      }),
    );
    for (const text of [...letter.paragraphs, ...letter.requests]) letters.add(text);
  }
  return new Map([
    ["navigator-result", [...navigator]],
    ["letters", [...letters]],
  ]);
}

/** The reading level of core's sentences for families, by group: English grade, Spanish ease. */
export type CoreReadability = { en: Record<string, number>; es: Record<string, number> };

/** The reading level of core's sentences for families, by group. */
export function coreReadability(): CoreReadability {
  const measure = (locale: Locale, formula: (s: TextStats) => number) =>
    Object.fromEntries([...coreProse(locale)].map(([group, texts]) => [group, round(formula(stats(texts, locale)))]));
  return { en: measure("en", fleschKincaidGrade), es: measure("es", fernandezHuerta) };
}
