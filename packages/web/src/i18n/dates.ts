/**
 * Dates in the reader's language. The formats are core's (`formatLongDate` and friends, one per
 * language, US style): this file only passes the current language, as `t()` does for text.
 */
import { formatDateTime, formatLongDate, formatShortDate, formatTime, formatWeekday } from "@lantern/core";
import { getLocale } from "./t.ts";

/** A calendar date in full: "March 12, 2027". */
export function longDate(date: string): string {
  return formatLongDate(date, getLocale());
}

/** A calendar date, short (tables, chart axes): "Mar 12, 2027". */
export function shortDate(date: string): string {
  return formatShortDate(date, getLocale());
}

/** The day of the week: "Friday". */
export function weekday(date: string): string {
  return formatWeekday(date, getLocale());
}

/** A moment (a signature, a meeting, a record of access), in the reader's time zone: "Mar 12, 2027, 3:30 PM". */
export function dateTime(moment: string | Date): string {
  return formatDateTime(moment, getLocale());
}

/** The time of a moment: "3:30 PM". */
export function timeOfDay(moment: string | Date): string {
  return formatTime(moment, getLocale());
}
