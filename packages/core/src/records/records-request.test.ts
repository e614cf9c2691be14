import { describe, expect, it } from "vitest";
import { addBusinessDays, canAddRecordsEvent, recordsRequestClock, recordsRequestStatus } from "./records-request.ts";

describe("records requests on the clock", () => {
  it("gives copies within 5 business days in California (Cal. Ed. Code 56504), weekends and holidays not counted", () => {
    // Thursday 2027-03-04 → Fri 5, Mon 8, Tue 9, Wed 10, Thu 11.
    const c = recordsRequestClock({ receivedOn: "2027-03-04", state: "CA", today: "2027-03-04" });
    expect(c.dueDate).toBe("2027-03-11");
    expect(c.limit).toBe("5 business days");
    expect([c.limitDays, c.limitUnit]).toEqual([5, "business"]);
    expect(c.citation).toBe("Cal. Ed. Code 56504; 34 CFR 300.613(a)");
    expect(c.certainty).toBe("secondary");
    const withHoliday = recordsRequestClock({
      receivedOn: "2027-03-04",
      state: "CA",
      today: "2027-03-04",
      holidays: new Set(["2027-03-08"]),
    });
    expect(withHoliday.dueDate).toBe("2027-03-12");
  });

  it("counts a request made on a weekend from the next business day", () => {
    expect(addBusinessDays("2027-03-06", 5)).toBe("2027-03-12"); // Saturday → Mon 8 … Fri 12
  });

  it("allows at most 45 calendar days under the federal rule (34 CFR 300.613(a))", () => {
    const c = recordsRequestClock({ receivedOn: "2027-03-04", state: "TX", today: "2027-03-04" });
    expect(c.dueDate).toBe("2027-04-18");
    expect(c.limit).toBe("45 calendar days");
    expect([c.limitDays, c.limitUnit]).toEqual([45, "calendar"]);
    expect(c.citation).toBe("34 CFR 300.613(a)");
  });

  it("is due before an IEP meeting or hearing that comes first (34 CFR 300.613(a))", () => {
    const c = recordsRequestClock({
      receivedOn: "2027-03-04",
      state: "TX",
      today: "2027-03-04",
      meetingOn: "2027-03-20",
    });
    expect(c.dueDate).toBe("2027-03-19");
    expect(c.notes.join(" ")).toContain("before it");
    // A meeting after the state's date changes nothing.
    const ca = recordsRequestClock({
      receivedOn: "2027-03-04",
      state: "CA",
      today: "2027-03-04",
      meetingOn: "2027-04-01",
    });
    expect(ca.dueDate).toBe("2027-03-11");
  });

  it("says whether the records came on time, and how many days late", () => {
    const open = recordsRequestClock({ receivedOn: "2027-03-04", state: "CA", today: "2027-03-05" });
    expect(open).toMatchObject({ state: "due", daysLeft: 6, daysLate: 0 });
    const soon = recordsRequestClock({ receivedOn: "2027-03-04", state: "CA", today: "2027-03-10" });
    expect(soon.state).toBe("due-soon");
    const overdue = recordsRequestClock({ receivedOn: "2027-03-04", state: "CA", today: "2027-03-15" });
    expect(overdue).toMatchObject({ state: "overdue", daysLate: 4 });
    const lateMet = recordsRequestClock({
      receivedOn: "2027-03-04",
      state: "CA",
      today: "2027-03-20",
      fulfilledOn: "2027-03-13",
    });
    expect(lateMet).toMatchObject({ state: "met", daysLate: 2 });
    const onTime = recordsRequestClock({
      receivedOn: "2027-03-04",
      state: "CA",
      today: "2027-03-20",
      fulfilledOn: "2027-03-11",
    });
    expect(onTime).toMatchObject({ state: "met", daysLate: 0 });
  });

  it("keeps the history in order: received, acknowledged, records provided, each once", () => {
    expect(recordsRequestStatus([{ kind: "received" }])).toBe("received");
    expect(canAddRecordsEvent([{ kind: "received" }], "acknowledged")).toBe(true);
    expect(canAddRecordsEvent([{ kind: "received" }], "fulfilled")).toBe(true);
    expect(canAddRecordsEvent([{ kind: "received" }, { kind: "fulfilled" }], "acknowledged")).toBe(false);
    expect(canAddRecordsEvent([{ kind: "received" }, { kind: "acknowledged" }], "acknowledged")).toBe(false);
    expect(canAddRecordsEvent([], "received")).toBe(false);
  });
});
