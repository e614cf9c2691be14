import { describe, expect, it } from "vitest";
import { deadlinesCsv, safeCell, serviceFidelityCsv } from "./csv.ts";

describe("CSV cells a spreadsheet could run as formulas", () => {
  it("start with an apostrophe; other text and numbers are as they were", () => {
    for (const v of ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"]) expect(safeCell(v)).toBe(`'${v}`);
    expect(safeCell("Mateo Rivera")).toBe("Mateo Rivera");
    expect(safeCell("")).toBe("");
  });

  it("are escaped in every writer, and negative numbers stay numbers", () => {
    const item = {
      studentName: '=HYPERLINK("https://example.invalid","x")',
      planType: "iep",
      label: "Annual review",
      kind: "annual-review",
      dueDate: "2026-12-01",
      state: "overdue",
      daysLeft: -5,
      citation: "34 CFR 300.324(b)(1)(i)",
    };
    const csv = deadlinesCsv({ items: [item] as never });
    expect(csv).toContain(`"'=HYPERLINK(""https://example.invalid"",""x"")"`);
    expect(csv).toContain(",-5,");
    const fidelity = serviceFidelityCsv({
      groups: [{ label: "@provider", students: 1 } as never],
    });
    expect(fidelity.split("\n")[1]).toMatch(/^'@provider,1,/);
  });
});
