import { describe, expect, it } from "vitest";
import {
  destructionRefusal,
  destructionRequestTransitionProblem,
  minimumRetention,
  retentionCutoff,
  retentionScheduleIssues,
} from "./retention.ts";

describe("retention and destruction (34 CFR 300.624)", () => {
  it("a record is no longer needed once the district's years have passed since its date", () => {
    expect(retentionCutoff("2026-11-23", 5)).toBe("2021-11-23");
    expect(retentionCutoff("2028-02-29", 1)).toBe("2027-02-28");
  });

  it("the permanent record may be kept without time limit and has no retention period (300.624(b))", () => {
    const issues = retentionScheduleIssues("CA", [{ recordType: "grades", years: 5 }]);
    expect(issues[0]?.message).toContain("34 CFR 300.624(b)");
  });

  it("California keeps disposable records at least three years (5 CCR 16027)", () => {
    expect(minimumRetention("CA").citation).toContain("16027");
    const issues = retentionScheduleIssues("CA", [{ recordType: "service-log", years: 2 }]);
    expect(issues).toEqual([{ path: "/entries/0/years", message: expect.stringContaining("at least 3 years") }]);
    expect(retentionScheduleIssues("CA", [{ recordType: "service-log", years: 3 }])).toEqual([]);
  });

  it("refuses an unknown kind or one listed twice", () => {
    expect(retentionScheduleIssues("TX", [{ recordType: "plans", years: 5 }])).toHaveLength(1);
    expect(
      retentionScheduleIssues("TX", [
        { recordType: "letters", years: 5 },
        { recordType: "letters", years: 6 },
      ]),
    ).toHaveLength(1);
  });

  it("the family is told before records are destroyed (300.624(a))", () => {
    expect(destructionRefusal({ recordType: "letters", noticedAt: null, openRecordsRequests: 0 })?.citation).toBe(
      "34 CFR 300.624(a)",
    );
    expect(destructionRefusal({ recordType: "letters", noticedAt: "2026-01-01", openRecordsRequests: 0 })).toBeNull();
  });

  it("nothing is destroyed while a request to inspect the records is open (FERPA 99.10(e))", () => {
    expect(
      destructionRefusal({ recordType: "letters", noticedAt: "2026-01-01", openRecordsRequests: 1 })?.citation,
    ).toBe("34 CFR 99.10(e)");
  });

  it("the permanent record is never destroyed (300.624(b))", () => {
    expect(
      destructionRefusal({ recordType: "attendance", noticedAt: "2026-01-01", openRecordsRequests: 0 })?.citation,
    ).toBe("34 CFR 300.624(b)");
  });

  it("a family's destruction request moves received → granted → completed, or is refused with a reason", () => {
    expect(destructionRequestTransitionProblem("received", "granted", "")).toBeNull();
    expect(destructionRequestTransitionProblem("granted", "completed", "")).toBeNull();
    expect(destructionRequestTransitionProblem("received", "refused", "")).toContain("says why");
    expect(destructionRequestTransitionProblem("received", "refused", "Still needed for the open IEP")).toBeNull();
    expect(destructionRequestTransitionProblem("completed", "granted", "")).toContain("already completed");
    expect(destructionRequestTransitionProblem("received", "completed", "")).toContain("granted or refused");
  });
});
