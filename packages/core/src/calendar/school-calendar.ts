/**
 * A district's school calendar: which dates are school days.
 *
 * Deadlines counted in school days (e.g. 34 CFR 300.530 discipline timelines), the California
 * rule that breaks of more than five school days do not count toward the 60-day assessment
 * clock (Cal. Ed. Code 56344(a)), and required service minutes (frequency over the school days
 * of a period) all read from one calendar.
 */
import { z } from "zod";
import { fromDayNumber, type IsoDate, isWeekend, toDayNumber, ZIsoDate } from "../shared/dates.ts";

export const ZSchoolBreak = z.object({
  name: z.string().min(1).max(120),
  start: ZIsoDate,
  end: ZIsoDate,
});

export const ZSchoolYear = z
  .object({
    label: z.string().min(1).max(40).meta({ example: "2026-27" }),
    firstDay: ZIsoDate,
    lastDay: ZIsoDate,
    /** Single non-school days (holidays, staff development days). */
    holidays: z.array(z.object({ date: ZIsoDate, name: z.string().min(1).max(120) })).default([]),
    /** Ranges without school (winter break, spring break). */
    breaks: z.array(ZSchoolBreak).default([]),
  })
  .refine((y) => y.firstDay <= y.lastDay, { message: "firstDay must not be after lastDay", path: ["lastDay"] });

export const ZSchoolCalendar = z.object({
  years: z.array(ZSchoolYear).min(1),
  /** Weekdays that are school days: 1 = Monday … 5 = Friday. Default Monday–Friday. */
  weekdays: z.array(z.number().int().min(0).max(6)).default([1, 2, 3, 4, 5]),
});

export type SchoolBreak = z.infer<typeof ZSchoolBreak>;
export type SchoolYear = z.infer<typeof ZSchoolYear>;
export type SchoolCalendarInput = z.input<typeof ZSchoolCalendar>;
export type SchoolCalendarData = z.infer<typeof ZSchoolCalendar>;

/** A compiled calendar: O(1) "is this a school day?" and O(1) school-day counts via prefix sums. */
export class SchoolCalendar {
  readonly data: SchoolCalendarData;
  private readonly firstDay: number;
  private readonly lastDay: number;
  /** prefix[i] = number of school days in [firstDay, firstDay + i). */
  private readonly prefix: Int32Array;

  constructor(input: SchoolCalendarInput) {
    const data = ZSchoolCalendar.parse(input);
    this.data = data;
    const years = [...data.years].sort((a, b) => (a.firstDay < b.firstDay ? -1 : 1));
    const first = years[0] as SchoolYear;
    const last = years[years.length - 1] as SchoolYear;
    this.firstDay = toDayNumber(first.firstDay);
    this.lastDay = toDayNumber(last.lastDay);
    const span = this.lastDay - this.firstDay + 1;
    const isSchool = new Uint8Array(span);
    const weekdays = new Set(data.weekdays);
    for (const year of years) {
      const from = toDayNumber(year.firstDay);
      const to = toDayNumber(year.lastDay);
      for (let d = from; d <= to; d++) {
        const dow = (((d + 4) % 7) + 7) % 7;
        if (weekdays.has(dow)) isSchool[d - this.firstDay] = 1;
      }
      for (const h of year.holidays) {
        const d = toDayNumber(h.date);
        if (d >= this.firstDay && d <= this.lastDay) isSchool[d - this.firstDay] = 0;
      }
      for (const b of year.breaks) {
        for (let d = toDayNumber(b.start); d <= toDayNumber(b.end); d++) {
          if (d >= this.firstDay && d <= this.lastDay) isSchool[d - this.firstDay] = 0;
        }
      }
    }
    this.prefix = new Int32Array(span + 1);
    for (let i = 0; i < span; i++) this.prefix[i + 1] = (this.prefix[i] as number) + (isSchool[i] as number);
  }

  /** The calendar's covered range; dates outside it are never school days. */
  get coverage(): { from: IsoDate; to: IsoDate } {
    return { from: fromDayNumber(this.firstDay), to: fromDayNumber(this.lastDay) };
  }

  isSchoolDay(date: IsoDate): boolean {
    const d = toDayNumber(date);
    if (d < this.firstDay || d > this.lastDay) return false;
    return (this.prefix[d - this.firstDay + 1] as number) - (this.prefix[d - this.firstDay] as number) === 1;
  }

  /** Number of school days from `from` through `to`, both inclusive (0 when `to` < `from`). */
  countSchoolDays(from: IsoDate, to: IsoDate): number {
    const a = Math.max(toDayNumber(from), this.firstDay);
    const b = Math.min(toDayNumber(to), this.lastDay);
    if (b < a) return 0;
    return (this.prefix[b - this.firstDay + 1] as number) - (this.prefix[a - this.firstDay] as number);
  }

  /** School days from `from` through `to`, inclusive, as ISO dates. */
  schoolDaysBetween(from: IsoDate, to: IsoDate): IsoDate[] {
    const out: IsoDate[] = [];
    const a = Math.max(toDayNumber(from), this.firstDay);
    const b = Math.min(toDayNumber(to), this.lastDay);
    for (let d = a; d <= b; d++) {
      if ((this.prefix[d - this.firstDay + 1] as number) - (this.prefix[d - this.firstDay] as number) === 1) {
        out.push(fromDayNumber(d));
      }
    }
    return out;
  }

  /** The date `n` school days after `date` (n ≥ 1), or null past the calendar's end. */
  addSchoolDays(date: IsoDate, n: number): IsoDate | null {
    let d = toDayNumber(date);
    let left = n;
    while (left > 0) {
      d++;
      if (d > this.lastDay) return null;
      if (d >= this.firstDay && this.isSchoolDay(fromDayNumber(d))) left--;
    }
    return fromDayNumber(d);
  }

  /** The school year containing `date`, or the next one to start after it. */
  schoolYearOf(date: IsoDate): SchoolYear | null {
    for (const y of this.data.years) if (y.firstDay <= date && date <= y.lastDay) return y;
    return null;
  }

  /** Breaks (and gaps between school years) as ranges of non-school days, longer than `minSchoolDays` weekdays. */
  breaksLongerThan(minWeekdays: number): Array<{ start: IsoDate; end: IsoDate }> {
    const out: Array<{ start: IsoDate; end: IsoDate }> = [];
    let runStart: number | null = null;
    let weekdaysInRun = 0;
    for (let d = this.firstDay; d <= this.lastDay + 1; d++) {
      const school = d <= this.lastDay && this.isSchoolDay(fromDayNumber(d));
      if (!school && d <= this.lastDay) {
        if (runStart === null) {
          runStart = d;
          weekdaysInRun = 0;
        }
        if (!isWeekend(fromDayNumber(d))) weekdaysInRun++;
      } else if (runStart !== null) {
        if (weekdaysInRun > minWeekdays) out.push({ start: fromDayNumber(runStart), end: fromDayNumber(d - 1) });
        runStart = null;
      }
    }
    return out;
  }
}

/**
 * The calendar Lantern ships for a district that has not set its own: Monday–Friday,
 * late August to mid June, with the usual US federal holidays and winter and spring breaks.
 */
export function defaultSchoolCalendar(fromYear = 2024, toYear = 2028): SchoolCalendar {
  const years: SchoolCalendarInput["years"] = [];
  for (let y = fromYear; y <= toYear; y++) {
    years.push({
      label: `${y}-${String((y + 1) % 100).padStart(2, "0")}`,
      firstDay: nthWeekday(y, 8, 3, 4) /* 4th Wednesday of August */,
      lastDay: nthWeekday(y + 1, 6, 5, 2) /* 2nd Friday of June */,
      holidays: [
        { date: nthWeekday(y, 9, 1, 1), name: "Labor Day" },
        { date: nthWeekday(y, 11, 2, 2), name: "Veterans Day (observed)" },
        { date: nthWeekday(y, 11, 4, 4), name: "Thanksgiving" },
        { date: addDaysToIso(nthWeekday(y, 11, 4, 4), 1), name: "Day after Thanksgiving" },
        { date: nthWeekday(y + 1, 1, 1, 3), name: "Martin Luther King Jr. Day" },
        { date: nthWeekday(y + 1, 2, 1, 3), name: "Presidents' Day" },
        { date: lastWeekday(y + 1, 5, 1), name: "Memorial Day" },
      ],
      breaks: [
        { name: "Winter break", start: `${y}-12-21`, end: `${y + 1}-01-03` },
        { name: "Spring break", start: nthWeekday(y + 1, 4, 1, 1), end: addDaysToIso(nthWeekday(y + 1, 4, 1, 1), 4) },
      ],
    });
  }
  return new SchoolCalendar({ years });
}

function addDaysToIso(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** The n-th `weekday` (0 = Sunday) of `month` (1–12) in `year`. */
function nthWeekday(year: number, month: number, weekday: number, n: number): IsoDate {
  const first = Date.UTC(year, month - 1, 1) / 86_400_000;
  const dow = (((first + 4) % 7) + 7) % 7;
  return fromDayNumber(first + ((weekday - dow + 7) % 7) + (n - 1) * 7);
}

function lastWeekday(year: number, month: number, weekday: number): IsoDate {
  const last = Date.UTC(year, month, 0) / 86_400_000;
  const dow = (((last + 4) % 7) + 7) % 7;
  return fromDayNumber(last - ((dow - weekday + 7) % 7));
}
