import { describe, expect, it } from "vitest";
import {
  DEFAULT_SESSION_SETTINGS,
  idleEndAfterSeconds,
  idleMinutesFor,
  idleWarningAfterSeconds,
  sessionTouchAfterSeconds,
  ZSessionSettings,
} from "./session-rules.ts";

const settings = (staff: number, family: number) => () => ({ staffIdleMinutes: staff, familyIdleMinutes: family });

describe("session idle limits", () => {
  it("gives staff the district's staff limit and families the family limit", () => {
    expect(idleMinutesFor([{ role: "case-manager", districtId: "d", schoolId: null }], settings(30, 120))).toBe(30);
    expect(idleMinutesFor([{ role: "guardian", districtId: "d", schoolId: null }], settings(30, 120))).toBe(120);
  });

  it("takes the staff limit when someone is both staff and a parent, and the shortest of several districts", () => {
    const roles = [
      { role: "guardian" as const, districtId: "a", schoolId: null },
      { role: "teacher" as const, districtId: "a", schoolId: null },
      { role: "teacher" as const, districtId: "b", schoolId: null },
    ];
    const byDistrict = (id: string) =>
      id === "a" ? { staffIdleMinutes: 45, familyIdleMinutes: 600 } : { staffIdleMinutes: 20, familyIdleMinutes: 600 };
    expect(idleMinutesFor(roles, byDistrict)).toBe(20);
  });

  it("warns before the session can have ended, and ends no later than the server does", () => {
    expect(sessionTouchAfterSeconds(30)).toBe(180);
    expect(sessionTouchAfterSeconds(720)).toBe(300);
    expect(idleEndAfterSeconds(30)).toBe(30 * 60 - 180);
    expect(idleWarningAfterSeconds(30)).toBe(30 * 60 - 180 - 120);
    expect(idleWarningAfterSeconds(5)).toBeGreaterThan(0);
  });

  it("refuses limits outside 5 minutes to 12 hours, naming which", () => {
    expect(ZSessionSettings.safeParse(DEFAULT_SESSION_SETTINGS).success).toBe(true);
    const bad = ZSessionSettings.safeParse({ staffIdleMinutes: 1, familyIdleMinutes: 120 });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toMatch(/staff time limit must be at least 5/);
  });
});
