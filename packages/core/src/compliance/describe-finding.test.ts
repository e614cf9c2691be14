import { describe, expect, it } from "vitest";
import { deadlineFindingSeverity } from "./check-plan.ts";
import { describeFinding, FINDING_RULES } from "./findings.ts";

describe("a finding's sentence for staff", () => {
  it("says an annual review due soon is due soon, not that it is late (34 CFR 300.324(b)(1)(i))", () => {
    const severity = deadlineFindingSeverity("annual-review", "due-soon");
    expect(severity).toBe("warning");
    const text = describeFinding({ code: "deadline.annual-review", severity: severity ?? "warning" });
    expect(text).toBe("The annual review of the IEP is due soon.");
    expect(describeFinding({ code: "deadline.annual-review", severity: "error" })).toBe(
      FINDING_RULES["deadline.annual-review"].summary,
    );
  });

  it("keeps the rule's sentence when a finding has the rule's own severity", () => {
    expect(describeFinding({ code: "deadline.progress-report", severity: "warning" })).toBe(
      FINDING_RULES["deadline.progress-report"].summary,
    );
  });
});
