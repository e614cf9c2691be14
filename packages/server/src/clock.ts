/** The system clock (core's Clock port). Today's date is taken in the district's time zone. */
import type { Clock } from "@lantern/core";

const formatters = new Map<string, Intl.DateTimeFormat>();

export function todayIso(timeZone = "America/Los_Angeles", now = new Date()): string {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    formatters.set(timeZone, format);
  }
  return format.format(now);
}

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => todayIso(),
};
