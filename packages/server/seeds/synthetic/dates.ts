/** Calendar dates for the generator: ISO strings, UTC arithmetic, and the synthetic school year. */

export const DAY_MS = 86_400_000;

export function isoAddDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function isWeekend(iso: string): boolean {
  const d = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return d === 0 || d === 6;
}

/** A school day: a weekday outside summer (Jun 12 – Aug 19) and winter break (Dec 21 – Jan 4). */
export function isSchoolDay(iso: string): boolean {
  if (isWeekend(iso)) return false;
  const md = iso.slice(5);
  if (md >= "06-12" && md <= "08-19") return false;
  if (md >= "12-21" || md <= "01-04") return false;
  return true;
}

export function ageOn(dob: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(dob.slice(0, 4));
  return on.slice(5) < dob.slice(5) ? years - 1 : years;
}

export function monthYear(iso: string): string {
  const months = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ];
  return `${months[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
}
