/**
 * Dates for people: the only place Lantern turns a date into words. Screens, PDFs, CSV headers
 * and core's own sentences ("The annual review of the IEP is due by March 12, 2027.") all call
 * these, so a date reads the same everywhere.
 *
 * Lantern serves US schools, so each language is written the US way: `en` is "March 12, 2027",
 * `es` is "12 de marzo de 2027" (es-US). A locale may be given as a language ("en", "es") or as a
 * tag whose language is used ("en-GB" is written "March 12, 2027" too); anything else is `en`.
 *
 * Calendar dates (`YYYY-MM-DD`) carry no time zone and are shown as written: "2027-03-12" is
 * March 12 everywhere. Moments (a signature, a meeting, a record of access) are shown in
 * `timeZone` when given (the district's), else in the zone of the machine showing them (the
 * reader's browser).
 */

/** The languages Lantern writes dates in, and the Intl locale each is written with. */
export const DATE_LOCALES = { en: "en-US", es: "es-US" } as const;
export type DateLocale = keyof typeof DATE_LOCALES;
export const DEFAULT_DATE_LOCALE: DateLocale = "en";

/** The language of `locale` when Lantern writes it ("es-MX" → "es"), else "en". */
export function dateLocaleOf(locale: string | undefined): DateLocale {
  const language = (locale ?? "").toLowerCase().split(/[-_]/)[0] ?? "";
  return language in DATE_LOCALES ? (language as DateLocale) : DEFAULT_DATE_LOCALE;
}

type Style = "long" | "short" | "weekday" | "month" | "monthName" | "dateTime" | "time";

const OPTIONS: Record<Style, Intl.DateTimeFormatOptions> = {
  /** "March 12, 2027" */
  long: { year: "numeric", month: "long", day: "numeric" },
  /** "Mar 12, 2027" */
  short: { year: "numeric", month: "short", day: "numeric" },
  /** "Friday" */
  weekday: { weekday: "long" },
  /** "September 2026" */
  month: { year: "numeric", month: "long" },
  /** "September" */
  monthName: { month: "long" },
  /** "Mar 12, 2027, 3:30 PM" */
  dateTime: { year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit" },
  /** "3:30 PM" */
  time: { hour: "numeric", minute: "2-digit" },
};

const formats = new Map<string, Intl.DateTimeFormat>();

function formatter(style: Style, locale: string | undefined, timeZone: string | undefined): Intl.DateTimeFormat {
  const language = dateLocaleOf(locale);
  const key = `${style}|${language}|${timeZone ?? ""}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(DATE_LOCALES[language], {
      ...OPTIONS[style],
      ...(timeZone ? { timeZone } : {}),
    });
    formats.set(key, format);
  }
  return format;
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Noon UTC of a calendar date, shown in UTC: the written day, whatever the reader's zone. */
function calendarDay(date: string): Date | null {
  const m = CALENDAR_DATE.exec(date);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12)) : null;
}

function formatDay(style: Style, date: string, locale: string | undefined): string {
  const day = calendarDay(date);
  return day ? formatter(style, locale, "UTC").format(day) : date;
}

function formatMoment(style: Style, moment: string | Date, locale: string | undefined, timeZone?: string): string {
  const instant = typeof moment === "string" ? new Date(moment) : moment;
  if (Number.isNaN(instant.getTime())) return String(moment);
  return formatter(style, locale, timeZone).format(instant);
}

/** A calendar date in full: "March 12, 2027" (en), "12 de marzo de 2027" (es). Not a date: returned as given. */
export function formatLongDate(date: string, locale: string = DEFAULT_DATE_LOCALE): string {
  return formatDay("long", date, locale);
}

/** A calendar date, short (tables, chart axes): "Mar 12, 2027" (en), "12 mar 2027" (es). */
export function formatShortDate(date: string, locale: string = DEFAULT_DATE_LOCALE): string {
  return formatDay("short", date, locale);
}

/** The day of the week of a calendar date: "Friday" (en), "viernes" (es). */
export function formatWeekday(date: string, locale: string = DEFAULT_DATE_LOCALE): string {
  return formatDay("weekday", date, locale);
}

/** A calendar month (`YYYY-MM`): "September 2026" (en), "septiembre de 2026" (es). Not a month: returned as given. */
export function formatMonth(month: string, locale: string = DEFAULT_DATE_LOCALE): string {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(month) ? formatDay("month", `${month}-15`, locale) : month;
}

/** The name of a month (1–12): "September" (en), "septiembre" (es). */
export function monthName(month: number, locale: string = DEFAULT_DATE_LOCALE): string {
  const mm = String(month).padStart(2, "0");
  return Number.isInteger(month) && month >= 1 && month <= 12
    ? formatDay("monthName", `2000-${mm}-15`, locale)
    : String(month);
}

/** A moment (ISO timestamp or Date): "Mar 12, 2027, 3:30 PM" (en), "12 mar 2027, 15:30" (es). */
export function formatDateTime(moment: string | Date, locale: string = DEFAULT_DATE_LOCALE, timeZone?: string): string {
  return formatMoment("dateTime", moment, locale, timeZone);
}

/** The time of a moment: "3:30 PM" (en), "15:30" (es). */
export function formatTime(moment: string | Date, locale: string = DEFAULT_DATE_LOCALE, timeZone?: string): string {
  return formatMoment("time", moment, locale, timeZone);
}
