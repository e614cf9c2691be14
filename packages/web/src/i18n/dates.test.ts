import { formatDateTime, formatLongDate } from "@lantern/core";
import { describe, expect, it } from "vitest";
import { dateTime, longDate, shortDate, weekday } from "./dates.ts";

/** Every source file of the web app, as text. */
const sources = import.meta.glob<string>(["../**/*.ts", "../**/*.tsx", "!../**/*.test.ts", "!../**/*.test.tsx"], {
  query: "?raw",
  import: "default",
  eager: true,
});

describe("dates on screen", () => {
  it("are core's dates in the reader's language, US style", () => {
    expect(longDate("2027-03-12")).toBe("March 12, 2027");
    expect(longDate("2027-03-12")).toBe(formatLongDate("2027-03-12", "en"));
    expect(shortDate("2027-03-12")).toBe("Mar 12, 2027");
    expect(weekday("2027-03-12")).toBe("Friday");
    expect(dateTime("2027-03-12T22:30:00Z")).toBe(formatDateTime("2027-03-12T22:30:00Z", "en"));
  });

  it("are never formatted by hand: no Intl.DateTimeFormat or toLocale…String for dates in the app", () => {
    const offenders = Object.entries(sources)
      .filter(([, text]) =>
        /Intl\.DateTimeFormat|toLocale(Date|Time)?String\(\s*\)|toLocale(Date|Time)String\(/.test(text),
      )
      .map(([file]) => file);
    expect(Object.keys(sources).length).toBeGreaterThan(50);
    expect(offenders).toEqual([]);
  });
});
