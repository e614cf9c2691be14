import { describe, expect, it } from "vitest";
import {
  destructionNoticeText,
  destructionRefusal,
  destructionRequestTransitionProblem,
  KEPT_WITH_RECORD_TYPES,
  minimumRetention,
  PERMANENT_RECORD_TYPES,
  RETENTION_RECORD_TYPE_DATES,
  RETENTION_RECORD_TYPE_LABELS,
  RETENTION_RECORD_TYPE_LABELS_ES,
  RETENTION_RECORD_TYPES,
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
    expect(retentionScheduleIssues("TX", [{ recordType: "report-cards", years: 5 }])).toHaveLength(1);
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

  it("plans (sealed versions, meetings, signatures), meetings, navigator results, amendment requests and complaint drafts have a schedule too (300.624(a))", () => {
    for (const kind of ["plans", "meetings", "navigator-results", "amendment-requests", "complaint-drafts"] as const) {
      expect(RETENTION_RECORD_TYPES).toContain(kind);
      expect(retentionScheduleIssues("CA", [{ recordType: kind, years: 5 }])).toEqual([]);
      expect(retentionScheduleIssues("CA", [{ recordType: kind, years: 2 }])[0]?.message).toContain("16027");
      expect(destructionRefusal({ recordType: kind, noticedAt: null, openRecordsRequests: 0 })?.citation).toBe(
        "34 CFR 300.624(a)",
      );
    }
  });

  it("every kind has a name in English and Spanish and says what date starts its period", () => {
    for (const kind of RETENTION_RECORD_TYPES) {
      expect(RETENTION_RECORD_TYPE_LABELS[kind]).toBeTruthy();
      expect(RETENTION_RECORD_TYPE_LABELS_ES[kind]).toBeTruthy();
      expect(RETENTION_RECORD_TYPE_LABELS_ES[kind]).not.toBe(RETENTION_RECORD_TYPE_LABELS[kind]);
      expect(RETENTION_RECORD_TYPE_DATES[kind]).toMatch(/^the /);
    }
    for (const kind of PERMANENT_RECORD_TYPES) expect(RETENTION_RECORD_TYPE_LABELS_ES[kind]).toBeTruthy();
  });

  it("the logs of who saw or asked for the record are kept with it, never on their own schedule (300.614; 99.32)", () => {
    for (const kind of KEPT_WITH_RECORD_TYPES) {
      expect(RETENTION_RECORD_TYPES as readonly string[]).not.toContain(kind);
      expect(retentionScheduleIssues("CA", [{ recordType: kind, years: 5 }])).toHaveLength(1);
    }
  });

  it("the family's notice names the kind in plain words, in English or Spanish, and keeps the permanent record", () => {
    const input = { firstName: "Mateo", recordType: "plans", before: "2021-11-23", records: 2 } as const;
    const en = destructionNoticeText("en", input);
    expect(en.title).toBe("Records about Mateo are no longer needed");
    expect(en.body).toContain("Ended plans, with their versions, meetings and signatures");
    expect(en.body).toContain("November 23, 2021");
    expect(en.body).toContain("34 CFR 300.624(b)");
    const es = destructionNoticeText("es", input);
    expect(es.title).toContain("Mateo");
    expect(es.body).toContain("Planes terminados, con sus versiones, reuniones y firmas");
    expect(es.body).toContain("2021");
    expect(es.body).toContain("34 CFR 300.624(a)");
  });
});
