/** The system clock (core's Clock port). Today's date is taken in the district's time zone. */
import type { Clock } from "@lantern/core";

export function todayIso(timeZone = "America/Los_Angeles", now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => todayIso(),
};
