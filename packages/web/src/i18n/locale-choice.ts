/**
 * Which language the app opens in: the reader's own choice from the switcher (kept in this
 * browser), else the language a student's record gives for the signed-in guardian, else the first
 * of the browser's languages that Lantern speaks, else English.
 */

import type { Locale } from "./catalogs.ts";
import { isLocale } from "./t.ts";

const STORAGE_KEY = "lantern.language";

/** The language of a tag Lantern speaks ("es-MX" → "es"), or undefined. */
export function localeOf(tag: string | null | undefined): Locale | undefined {
  const language = (tag ?? "").toLowerCase().split(/[-_]/)[0] ?? "";
  return isLocale(language) ? language : undefined;
}

export function storedLocale(): Locale | undefined {
  try {
    return localeOf(window.localStorage.getItem(STORAGE_KEY));
  } catch {
    return undefined;
  }
}

export function rememberLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Storage may be off (private windows): the choice then lasts for this page only.
  }
}

/** The language to open in. */
export function preferredLocale(browserLanguages: readonly string[] = globalThis.navigator?.languages ?? []): Locale {
  const stored = storedLocale();
  if (stored) return stored;
  for (const tag of browserLanguages) {
    const locale = localeOf(tag);
    if (locale) return locale;
  }
  return "en";
}

/**
 * The language to switch to when a guardian signs in: the one their child's record gives, when
 * Lantern speaks it and the reader has not chosen one in the switcher.
 */
export function guardianLocale(recorded: string | null | undefined): Locale | undefined {
  if (storedLocale()) return undefined;
  return localeOf(recorded);
}
