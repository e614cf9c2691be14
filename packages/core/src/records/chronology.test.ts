import { describe, expect, it } from "vitest";
import { buildChronology, type ChronologySources } from "./chronology.ts";
import { recordsRequestClock } from "./records-request.ts";

const base: ChronologySources = {
  versions: [
    {
      id: "v1",
      planName: "IEP",
      number: 1,
      createdOn: "2026-09-01",
      createdBy: "Dana Case",
      sealedOn: "2026-09-10",
      changes: [],
    },
    {
      id: "v2",
      planName: "IEP",
      number: 2,
      createdOn: "2027-01-05",
      createdBy: "Dana Case",
      sealedOn: null,
      changes: ["Speech: 30 → 60 minutes a week"],
    },
  ],
  meetings: [
    {
      id: "m1",
      planName: "IEP",
      on: "2026-09-10",
      purpose: "annual review",
      attended: ["Ana Rivera (Parent)"],
      scheduledBy: "School team",
      noticeSentOn: "2026-08-28",
    },
  ],
  signatures: [{ id: "s1", planName: "IEP", on: "2026-09-10", who: "Ana Rivera (Parent)", consentChoice: "consent" }],
  deadlines: [
    {
      id: "d1",
      label: "Annual review",
      citation: "34 CFR 300.324(b)(1)",
      dueDate: "2026-09-05",
      metOn: "2026-09-10",
      state: "met",
    },
    {
      id: "d2",
      label: "Progress report",
      citation: "34 CFR 300.320(a)(3)(ii)",
      dueDate: "2027-01-15",
      metOn: null,
      state: "overdue",
    },
    { id: "d3", label: "Reevaluation", citation: "34 CFR 300.303", dueDate: "2029-01-15", metOn: null, state: "due" },
  ],
  sessions: [
    { date: "2026-10-05", service: "Speech", minutes: 30, status: "provider-absent" },
    { date: "2026-10-12", service: "Speech", minutes: 30, status: "provider-absent" },
    { date: "2026-10-20", service: "Speech", minutes: 30, status: "make-up" },
    { date: "2026-10-21", service: "Speech", minutes: 30, status: "student-absent" },
    { date: "2026-11-02", service: "Speech", minutes: 30, status: "delivered" },
  ],
  owedReasons: new Set(["provider-absent", "school-closed", "student-unavailable"]),
  letters: [{ id: "l1", on: "2026-12-01", subject: "Request for records", who: "Ana Rivera" }],
  recordsRequests: [
    {
      id: "r1",
      receivedOn: "2026-12-01",
      requester: "Ana Rivera",
      fulfilledOn: null,
      clock: recordsRequestClock({ receivedOn: "2026-12-01", state: "CA", today: "2027-01-20" }),
    },
  ],
  communications: [
    {
      id: "c1",
      on: "2026-11-02",
      mode: "Phone call",
      withWhom: "Ms. Lee",
      summary: "Asked about make-up sessions",
      who: "Ana Rivera",
    },
  ],
  today: "2027-01-20",
};

describe("the case chronology", () => {
  it("puts everything in date order, each entry with who, what and the rule", () => {
    const entries = buildChronology(base);
    const dates = entries.map((e) => e.date);
    expect(dates).toEqual([...dates].sort());
    expect(entries[0]).toMatchObject({ kind: "notice", date: "2026-08-28", rule: "34 CFR 300.322(b)" });
    for (const e of entries) {
      expect(e.who).not.toBe("");
      expect(e.what).not.toBe("");
    }
    expect(entries.find((e) => e.id === "plan-version:v2")?.what).toContain("Speech: 30 → 60 minutes a week");
    expect(entries.find((e) => e.kind === "consent")?.what).toContain("gave consent");
  });

  it("says by how many days a deadline was missed, met late or still open", () => {
    const entries = buildChronology(base);
    expect(entries.find((e) => e.id === "deadline:d1")).toMatchObject({ outcome: "missed", daysLate: 5 });
    expect(entries.find((e) => e.id === "deadline:d2")).toMatchObject({ outcome: "missed", daysLate: 5 });
    expect(entries.find((e) => e.id === "deadline:d2")?.what).toContain("not done; 5 days late so far");
    // A deadline still ahead is not history yet.
    expect(entries.find((e) => e.id === "deadline:d3")).toBeUndefined();
  });

  it("counts sessions missed for the school's reasons and not made up (34 CFR 300.320(a)(7))", () => {
    const missed = buildChronology(base).filter((e) => e.kind === "missed-sessions");
    expect(missed).toHaveLength(1);
    expect(missed[0]).toMatchObject({ date: "2026-10-12", outcome: "missed" });
    expect(missed[0]?.what).toContain(
      "2 sessions (60 minutes) missed in October 2026; 30 minutes made up, 30 minutes not made up",
    );
    expect(missed[0]?.rule).toContain("34 CFR 300.320(a)(7)");
  });

  it("shows a records request past the state's clock as missed (Cal. Ed. Code 56504)", () => {
    const r = buildChronology(base).find((e) => e.kind === "records-request");
    expect(r).toMatchObject({ outcome: "missed" });
    expect(r?.rule).toContain("Cal. Ed. Code 56504");
    expect(r?.daysLate).toBeGreaterThan(40);
  });

  it("filters by kind and by dates", () => {
    const onlyDeadlines = buildChronology(base, { kinds: ["deadline"] });
    expect(new Set(onlyDeadlines.map((e) => e.kind))).toEqual(new Set(["deadline"]));
    const autumn = buildChronology(base, { from: "2026-10-01", to: "2026-10-31" });
    expect(autumn.map((e) => e.kind)).toEqual(["missed-sessions"]);
    const calls = buildChronology(base, { kinds: ["communication"] });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.what).toBe("Phone call with Ms. Lee: Asked about make-up sessions");
  });
});

describe("the chronology in Spanish", () => {
  it("writes every kind of entry in Spanish, with Spanish dates, keeping what people wrote", () => {
    const es = buildChronology(base, {}, "es");
    const en = buildChronology(base);
    expect(es.map((e) => e.id)).toEqual(en.map((e) => e.id));
    const what = es.map((e) => e.what).join(" ");
    expect(what).toContain("IEP: empezó la versión 1.");
    expect(what).toContain("IEP: la versión 1 se firmó y se selló.");
    expect(what).toContain("Ana Rivera (Parent) dio su consentimiento (IEP).");
    expect(what).toContain("Se envió el aviso de la reunión del IEP del 10 de septiembre de 2026 (annual review).");
    for (const english of [" due ", "version 1", "late so far", "gave consent", "Attended:"])
      expect(what).not.toContain(english);
    expect(es.find((e) => e.kind === "deadline")?.who).toBe("Distrito");
  });
});
