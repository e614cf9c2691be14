import { describe, expect, it } from "vitest";
import { AMENDMENT_DEFAULT_DAYS, amendmentClock, amendmentStatus, amendmentStepProblem } from "./amendment-request.ts";

describe("requests to amend a record (34 CFR 300.618-300.620)", () => {
  it("is due the default days after the request unless the district sets a date; late decisions count their days", () => {
    const open = amendmentClock({ requestedOn: "2026-01-05", today: "2026-01-06", events: [] });
    expect(AMENDMENT_DEFAULT_DAYS).toBe(30);
    expect(open).toMatchObject({ decideBy: "2026-02-04", setByDistrict: false, state: "due", daysLate: 0 });
    const set = amendmentClock({
      requestedOn: "2026-01-05",
      today: "2026-01-20",
      events: [{ kind: "deadline-set", on: "2026-01-06", decideBy: "2026-01-15" }],
    });
    expect(set).toMatchObject({ decideBy: "2026-01-15", setByDistrict: true, state: "overdue", daysLate: 5 });
    const late = amendmentClock({
      requestedOn: "2026-01-05",
      today: "2026-03-01",
      events: [{ kind: "refused", on: "2026-02-07" }],
    });
    expect(late).toMatchObject({ state: "met", daysLate: 3 });
  });

  it("takes a decision once, and the family's statement only after a refusal, once", () => {
    const h = (kinds: Array<"deadline-set" | "amended" | "refused" | "statement">) => ({
      requestedOn: "2026-01-05",
      events: kinds.map((kind) => ({ kind })),
    });
    expect(amendmentStatus(h(["deadline-set"]).events)).toBe("open");
    expect(amendmentStepProblem(h([]), { kind: "statement", on: "2026-01-06" })).toMatch(
      /only after the district refuses/,
    );
    expect(amendmentStepProblem(h(["refused"]), { kind: "statement", on: "2026-01-06" })).toBeNull();
    expect(amendmentStepProblem(h(["refused", "statement"]), { kind: "statement", on: "2026-01-06" })).toMatch(
      /already/,
    );
    expect(amendmentStepProblem(h(["amended"]), { kind: "refused", on: "2026-01-06" })).toMatch(/already decided/);
    expect(amendmentStepProblem(h([]), { kind: "refused", on: "2026-01-04" })).toMatch(/before the request/);
    expect(
      amendmentStepProblem(h(["deadline-set"]), { kind: "deadline-set", on: "2026-01-06", decideBy: "2026-01-04" }),
    ).toMatch(/before the request/);
    expect(
      amendmentStepProblem(h(["deadline-set"]), { kind: "deadline-set", on: "2026-01-06", decideBy: "2026-01-30" }),
    ).toBeNull();
  });
});
