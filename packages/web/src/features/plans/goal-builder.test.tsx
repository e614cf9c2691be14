import type { GoalPatternList } from "@lantern/core";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { GoalBuilder, type NewGoal } from "./goal-builder.tsx";

const patterns = [
  {
    id: "lantern-reading-fluency",
    area: "reading",
    title: "Oral reading fluency",
    skill: "read a passage at grade level aloud at ___ words correct per minute",
    unit: "words correct per minute",
    direction: "increase",
    criterion: "on 3 of 4 weekly one-minute probes",
    measurementMethod: "curriculum-based measurement reading probes",
    builtIn: true,
  },
  {
    id: "0b5d8f6e-0000-4000-8000-000000000001",
    area: "math",
    title: "Telling time",
    skill: "tell time on ___ of 10 clocks",
    unit: "clocks out of 10",
    direction: "increase",
    criterion: "on 3 of 4 checks",
    measurementMethod: "clock probes",
    builtIn: false,
  },
] satisfies GoalPatternList["patterns"];

function setup() {
  const onAdd = vi.fn<(goal: NewGoal) => void>();
  render(<GoalBuilder studentName="Ana" patterns={patterns} goalCount={1} onAdd={onAdd} />);
  return { onAdd, user: userEvent.setup({ delay: null }) };
}

describe("the goal builder", { timeout: 60_000 }, () => {
  it("groups the bank's patterns by area and fills the parts from the one picked", async () => {
    const { user } = setup();
    const picker = screen.getByLabelText("Start from a pattern in the goal bank");
    expect(within(picker).getByRole("group", { name: "Reading" })).toBeTruthy();
    expect(within(picker).getByRole("group", { name: "Math" })).toBeTruthy();
    await user.selectOptions(picker, "lantern-reading-fluency");
    await user.click(screen.getByRole("button", { name: "Use this pattern" }));
    expect((screen.getByLabelText("What Ana will do") as HTMLInputElement).value).toBe(patterns[0]?.skill);
    expect((screen.getByLabelText("Area of the goal") as HTMLInputElement).value).toBe("Reading");
    expect(document.activeElement).toBe(screen.getByLabelText("What Ana will do"));
  });

  it("previews the sentence the family will read as the parts are typed", async () => {
    const { user } = setup();
    const preview = screen.getByTestId("goal-preview");
    expect(preview.textContent).toContain("By ___, Ana will ___");
    await user.type(screen.getByLabelText("What Ana will do"), "write ___ words spelled correctly");
    await user.type(screen.getByLabelText("Target: the amount by the date"), "40");
    await user.type(screen.getByLabelText("Baseline: the amount now"), "12");
    await user.type(screen.getByLabelText("Unit of measure (for example, words correct per minute)"), "words");
    expect(preview.textContent).toBe(
      "By ___, Ana will write 40 words spelled correctly, ___, as measured by ___. Now: 12 words.",
    );
  });

  it("warns on wording that cannot be measured as it is typed, beside the part", async () => {
    const { user } = setup();
    const skill = screen.getByLabelText("What Ana will do");
    await user.type(skill, "improve reading");
    const hint = document.getElementById(skill.getAttribute("aria-describedby")?.split(" ")[0] ?? "");
    expect(hint?.textContent).toContain("“improve” names nothing anyone can count");
    await user.type(screen.getByLabelText("Criterion: how well or how often"), "with good accuracy");
    expect(screen.getByTestId("goal-warnings").textContent).toBe(
      "2 warnings: this goal may not be measurable as written.",
    );
  });

  it("adds a measurable goal to the plan, with the family's sentence as its statement", async () => {
    const { user, onAdd } = setup();
    await user.selectOptions(screen.getByLabelText("Start from a pattern in the goal bank"), "lantern-reading-fluency");
    await user.click(screen.getByRole("button", { name: "Use this pattern" }));
    await user.type(screen.getByLabelText("Baseline: the amount now"), "42");
    await user.type(screen.getByLabelText("Target: the amount by the date"), "90");
    await user.type(screen.getByLabelText("By date"), "2027-06-04");
    await user.click(screen.getByRole("button", { name: "Add this goal to the plan" }));
    expect(onAdd).toHaveBeenCalledTimes(1);
    const goal = onAdd.mock.calls[0]?.[0];
    expect(goal).toMatchObject({
      area: "Reading",
      baseline: { value: 42 },
      target: { value: 90 },
      unit: "words correct per minute",
      criterion: "on 3 of 4 weekly one-minute probes",
      byDate: "2027-06-04",
      statement:
        "By June 4, 2027, Ana will read a passage at grade level aloud at 90 words correct per minute, on 3 of 4 weekly one-minute probes, as measured by curriculum-based measurement reading probes. Now: 42 words correct per minute.",
    });
    expect(screen.getByText("Goal 2 added to the plan's goals.")).toBeTruthy();
  });

  it("does not add a goal with parts missing, and says which, focusing the first", async () => {
    const { user, onAdd } = setup();
    await user.type(screen.getByLabelText("What Ana will do"), "read ___ words");
    await user.click(screen.getByRole("button", { name: "Add this goal to the plan" }));
    expect(onAdd).not.toHaveBeenCalled();
    const baseline = screen.getByLabelText("Baseline: the amount now");
    expect(baseline.getAttribute("aria-invalid")).toBe("true");
    expect(document.activeElement).toBe(baseline);
    expect(screen.getByText("Not added: 5 parts are missing.")).toBeTruthy();
  });
});
