import { describe, expect, it } from "vitest";
import { logUrl } from "./log-url.ts";

describe("logUrl", () => {
  it("keeps the path and drops the query string, which can hold a name", () => {
    expect(logUrl("/api/students?q=Rivera&limit=25")).toBe("/api/students?[query]");
    expect(logUrl("/api/students/4f6c/plans")).toBe("/api/students/4f6c/plans");
  });

  it("hides the secret of a calendar feed's address", () => {
    expect(logUrl("/api/compliance/calendar/abcDEF123-_x.ics")).toBe("/api/compliance/calendar/[secret].ics");
    expect(logUrl("/api/compliance/calendar-feed")).toBe("/api/compliance/calendar-feed");
  });

  it("hides a path segment that is not an id or a word", () => {
    expect(logUrl("/api/students/'%20or%201%3D1%20--/plans")).toBe("/api/students/[…]/plans");
    expect(logUrl(`/api/students/${"x".repeat(65)}`)).toBe("/api/students/[…]");
    expect(logUrl("/api/compliance/calendar/a%00b")).toBe("/api/compliance/calendar/[…]");
  });
});
