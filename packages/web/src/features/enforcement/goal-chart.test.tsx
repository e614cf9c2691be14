import { analyzeProgress, ZProgressGoal } from "@lantern/core";
import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { GoalChart } from "./goal-chart.tsx";

const goal = ZProgressGoal.parse({
  goalId: "g1",
  label: "Classroom behavior",
  baseline: 12,
  baselineDate: "2026-09-07",
  target: 2,
  targetDate: "2027-06-14",
  direction: "decrease",
  unit: "incidents per week",
});

describe("GoalChart", () => {
  it("is an image with a title and a text summary, followed by the data as a table", () => {
    const analysis = analyzeProgress(goal, [
      { date: "2026-09-14", value: 11 },
      { date: "2026-09-21", value: 10 },
      { date: "2026-09-28", value: 9 },
    ]);
    render(<GoalChart goal={goal} analysis={analysis} />);
    const img = screen.getByRole("img", { name: /Classroom behavior: scores over time/ });
    expect(img.tagName.toLowerCase()).toBe("svg");
    const desc = img.querySelector("desc")?.textContent ?? "";
    expect(desc).toContain("Starting point 12 incidents per week");
    expect(desc).toContain("3 scores recorded; the latest is 9 incidents per week");
    expect(desc).toContain("On track.");
    expect(img.querySelectorAll("circle")).toHaveLength(3);
    expect(img.querySelector(".trend-line")).not.toBeNull();
    const table = screen.getByRole("table", { name: "Scores for Classroom behavior" });
    const rows = within(table).getAllByRole("row");
    expect(rows).toHaveLength(4);
    expect(within(rows[1] as HTMLElement).getByRole("rowheader").textContent).toMatch(/2026/);
    expect(rows[1]?.textContent).toContain("11 incidents per week");
  });

  it("says when no scores are recorded, with no trend line", () => {
    render(<GoalChart goal={goal} analysis={analyzeProgress(goal, [])} />);
    const img = screen.getByRole("img");
    expect(img.querySelector("desc")?.textContent).toContain("No scores recorded yet.");
    expect(img.querySelector(".trend-line")).toBeNull();
  });
});
