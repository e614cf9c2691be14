import { getLocale } from "../i18n/t.ts";

/**
 * Calendar dates (`YYYY-MM-DD`) are shown as written, in the reader's language, with no time
 * zone shift: "2026-03-04" is March 4 everywhere.
 */
export function formatDate(isoDate: string, style: "long" | "medium" = "long"): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(getLocale(), { dateStyle: style, timeZone: "UTC" }).format(date);
}
