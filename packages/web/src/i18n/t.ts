import { catalogs, type EnglishCatalog, LOCALES, type Locale, type MessageKey } from "./catalogs.ts";
import { formatMessage, type Message, type ParamsOf, type ParamValues } from "./format.ts";

let current: Locale = "en";

export function getLocale(): Locale {
  return current;
}

/** Switches the language of every later `t()` call and of the page (`<html lang>`). */
export function setLocale(locale: Locale): void {
  current = locale;
  if (typeof document !== "undefined") document.documentElement.lang = locale;
}

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

type ArgsFor<K extends MessageKey> = keyof ParamsOf<EnglishCatalog[K]> extends never
  ? []
  : ParamsOf<EnglishCatalog[K]> extends Record<string, never>
    ? []
    : [params: ParamsOf<EnglishCatalog[K]>];

/**
 * The text of a message in the current language (English when a translation is missing).
 * Parameters are checked against the English message's `{placeholders}`.
 */
export function t<K extends MessageKey>(key: K, ...args: ArgsFor<K>): string {
  const message = catalogs[current][key] ?? catalogs.en[key];
  if (message === undefined) return key;
  return formatMessage(message, args[0], current);
}

/**
 * For keys built at run time from a value the API sent (a plan status, a deadline state):
 * the message if the catalogs have one, otherwise undefined so the caller can fall back.
 */
export function tMaybe(key: string, params?: ParamValues): string | undefined {
  const message =
    (catalogs[current] as Readonly<Record<string, Message>>)[key] ??
    (catalogs.en as Readonly<Record<string, Message>>)[key];
  return message === undefined ? undefined : formatMessage(message, params, current);
}
