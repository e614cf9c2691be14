/**
 * iCalendar (RFC 5545) files: all-day events with text escaping and lines folded at 75 octets,
 * CRLF line ends. Used for the personal deadline feed.
 */
import { addDays, type IsoDate } from "@lantern/core";

export type IcsEvent = { uid: string; date: IsoDate; summary: string; description: string };

/** RFC 5545 text escaping. */
function icsText(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}

/** RFC 5545 line folding: at most 75 octets a line, continued lines start with a space. */
function fold(line: string): string {
  const out: string[] = [];
  let rest = line;
  while (Buffer.byteLength(rest) > 75) {
    let cut = 75;
    while (Buffer.byteLength(rest.slice(0, cut)) > 75) cut--;
    out.push(rest.slice(0, cut));
    rest = ` ${rest.slice(cut)}`;
  }
  out.push(rest);
  return out.join("\r\n");
}

/** A calendar of all-day events, marked free (TRANSP:TRANSPARENT), stamped `stamp`. */
export function icsCalendar(input: { name: string; events: readonly IcsEvent[]; stamp: Date }): string {
  const stamp = `${input.stamp.toISOString().replace(/[-:]/g, "").slice(0, 15)}Z`;
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Lantern//Compliance deadlines//EN",
    "CALSCALE:GREGORIAN",
    fold(`X-WR-CALNAME:${icsText(input.name)}`),
  ];
  for (const e of input.events) {
    lines.push(
      "BEGIN:VEVENT",
      `UID:${e.uid}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${e.date.replace(/-/g, "")}`,
      `DTEND;VALUE=DATE:${addDays(e.date, 1).replace(/-/g, "")}`,
      fold(`SUMMARY:${icsText(e.summary)}`),
      fold(`DESCRIPTION:${icsText(e.description)}`),
      "TRANSP:TRANSPARENT",
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR", "");
  return lines.join("\r\n");
}

/**
 * A meeting invitation (METHOD:REQUEST) for one timed event, as a mail attachment: starts at
 * `start` (an ISO date-time with offset), lasts `minutes`, at `location`.
 */
export function icsMeetingInvite(input: {
  uid: string;
  start: string;
  minutes: number;
  summary: string;
  location: string;
  description: string;
  stamp: Date;
}): string {
  const utc = (d: Date) => `${d.toISOString().replace(/[-:]/g, "").slice(0, 15)}Z`;
  const start = new Date(input.start);
  const end = new Date(start.getTime() + input.minutes * 60_000);
  return [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Lantern//Meetings//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:REQUEST",
    "BEGIN:VEVENT",
    fold(`UID:${input.uid}`),
    `DTSTAMP:${utc(input.stamp)}`,
    `DTSTART:${utc(start)}`,
    `DTEND:${utc(end)}`,
    fold(`SUMMARY:${icsText(input.summary)}`),
    fold(`LOCATION:${icsText(input.location)}`),
    fold(`DESCRIPTION:${icsText(input.description)}`),
    "END:VEVENT",
    "END:VCALENDAR",
    "",
  ].join("\r\n");
}
