/**
 * Clocks (core's Clock port). The server runs on the system clock; tests and tools pass a fixed
 * one to `buildApp`, so "today" is set in one place. Today's date is taken in the time zone asked
 * for: a district's (see `todayFor` in use-cases/deps.ts).
 */
import type { Clock, IsoDate } from "@lantern/core";

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date of `instant` in `timeZone`. */
function calendarDateIn(timeZone: string, instant: Date): IsoDate {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    formatters.set(timeZone, format);
  }
  return format.format(instant);
}

/** Today in a time zone (default the demo district's), for command-line tools outside a district. */
export function todayIso(timeZone = "America/Los_Angeles"): IsoDate {
  return calendarDateIn(timeZone, new Date());
}

export const systemClock: Clock = {
  now: () => new Date(),
  today: (timeZone) => calendarDateIn(timeZone, new Date()),
};

/** A clock stopped at `instant`. */
export function fixedClock(instant: Date): Clock {
  return { now: () => new Date(instant), today: (timeZone) => calendarDateIn(timeZone, instant) };
}

/** A clock stopped at noon UTC of `day`: "today" is `day` in every time zone from UTC-11 to UTC+11. */
export function clockOnDay(day: IsoDate): Clock {
  return fixedClock(new Date(`${day}T12:00:00Z`));
}
