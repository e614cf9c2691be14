import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { TrendSection } from "./trend-section.tsx";

const point = (day: string, overdue: number) => ({ day, plans: 6, plansWithErrors: 4, overdue, dueSoon: 2 });

describe("the compliance trend", () => {
  it("on its first day says counting has started, not that 8 went to 8 from a day to the same day", () => {
    render(<TrendSection points={[point("2026-12-04", 8)]} />);
    const summary = document.getElementById("compliance-trend-summary")?.textContent ?? "";
    expect(summary).toContain("Counting started on December 4, 2026");
    expect(summary).not.toContain("went from");
  });

  it("compares the first and the last day when there are two or more", () => {
    render(<TrendSection points={[point("2026-12-03", 9), point("2026-12-04", 8)]} />);
    expect(screen.getByText(/overdue deadlines went from 9 to 8/)).toBeTruthy();
  });
});
