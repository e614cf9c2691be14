/**
 * "Today" as the app counts it: the calendar date in the demo district's time zone, not the
 * machine's. Between midnight UTC and midnight in California the two differ by a day, and a plan
 * dated by the machine's date would start "tomorrow" for the district.
 */

/** The demo district's time zone (districts.time_zone); the browser runs in it too (runner.ts). */
export const DISTRICT_TIME_ZONE = "America/Los_Angeles";

const format = new Intl.DateTimeFormat("en-CA", {
  timeZone: DISTRICT_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The calendar date ("2026-12-04") of `instant` in the district. */
export function calendarDateInDistrict(instant: Date): string {
  return format.format(instant);
}

/** Today in the district. */
export function districtToday(): string {
  return calendarDateInDistrict(new Date());
}
