/**
 * Calendar dates as ISO strings ("YYYY-MM-DD"), with arithmetic on whole days.
 *
 * Special-education deadlines are counted in calendar days (34 CFR 300.11) or school days,
 * never in hours, so dates carry no time zone. Internally a date is a day number
 * (days since 1970-01-01, UTC), which makes comparisons and day counts exact and fast.
 */
import { z } from "zod";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export type IsoDate = string;

/**
 * Day numbers of dates seen recently. Deadline rules convert the same few thousand dates over and
 * over (a district check converts millions), so a bounded memo saves most of the parsing.
 */
const dayNumbers = new Map<string, number>();

/** True when `value` is a real calendar date written as YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  if (dayNumbers.has(value)) return true;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * The dates Lantern accepts from outside. A plan, a birth date or a deadline before 1900 or after
 * 2199 is a typing mistake, and far-off dates would only make a report count across centuries.
 */
export const EARLIEST_DATE = "1900-01-01";
export const LATEST_DATE = "2199-12-31";

/** zod schema for a calendar date: one schema, used by core, server and web. */
export const ZIsoDate = z
  .string()
  .refine(isIsoDate, { message: "Expected a calendar date written as YYYY-MM-DD" })
  .refine((value) => !isIsoDate(value) || (value >= EARLIEST_DATE && value <= LATEST_DATE), {
    message: `Expected a date from ${EARLIEST_DATE} to ${LATEST_DATE}`,
  })
  .meta({ format: "date", example: "2026-09-01" });

/** Days since 1970-01-01 for an ISO date. Throws on a malformed date. */
export function toDayNumber(date: IsoDate): number {
  const known = dayNumbers.get(date);
  if (known !== undefined) return known;
  const m = ISO_DATE.exec(date);
  if (!m || !isIsoDate(date)) throw new RangeError(`Not a calendar date: "${date}"`);
  const day = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / MS_PER_DAY;
  if (dayNumbers.size >= 50_000) dayNumbers.clear();
  dayNumbers.set(date, day);
  return day;
}

/** The ISO date of a day number. */
export function fromDayNumber(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/**
 * Add whole months, clamping to the last day of the target month
 * (2024-01-31 + 1 month = 2024-02-29; 2024-02-29 + 12 months = 2025-02-28).
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const m = ISO_DATE.exec(date);
  if (!m || !isIsoDate(date)) throw new RangeError(`Not a calendar date: "${date}"`);
  const y = Number(m[1]);
  const mo = Number(m[2]) - 1 + months;
  const d = Number(m[3]);
  const targetYear = y + Math.floor(mo / 12);
  const targetMonth = ((mo % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  return fromDayNumber(Date.UTC(targetYear, targetMonth, Math.min(d, lastDay)) / MS_PER_DAY);
}

export function addYears(date: IsoDate, years: number): IsoDate {
  return addMonths(date, years * 12);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

export function isWeekend(date: IsoDate): boolean {
  const dow = dayOfWeek(date);
  return dow === 0 || dow === 6;
}

/** Whole years of age on `on` for someone born on `birthDate`. */
export function ageOn(birthDate: IsoDate, on: IsoDate): number {
  const [by, bm, bd] = birthDate.split("-").map(Number) as [number, number, number];
  const [y, m, d] = on.split("-").map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

/** Dates for people live in `date-format.ts` (kept free of zod so the web can use them alone). */
export { formatLongDate } from "./date-format.ts";
