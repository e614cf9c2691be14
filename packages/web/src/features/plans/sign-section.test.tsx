import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { PlanDetail } from "./api.ts";
import { SignSection } from "./plan-page.tsx";

const detail = {
  plan: { id: "plan-1" },
  youMaySignAs: ["parent-1"],
  yourName: "Ana Rivera",
  version: {
    content: {
      type: "iep",
      consent: { choice: null },
      attendees: [{ id: "parent-1", name: "Ana Rivera", role: "parent", title: "mother" }],
    },
  },
} as unknown as PlanDetail;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("signing with partial consent", () => {
  it("asks the parent to name the parts they do not agree to before signing (34 CFR 300.300(b))", async () => {
    const fetch = vi.fn();
    vi.stubGlobal("fetch", fetch);
    const user = userEvent.setup();
    render(<SignSection studentId="s1" detail={detail} onChanged={() => {}} />);
    await user.click(screen.getByLabelText("I agree to the plan except the parts I name below"));
    await user.type(screen.getByLabelText(/^Type your full name/), "Ana Rivera");
    await user.click(screen.getByRole("button", { name: "Sign" }));
    const parts = screen.getByLabelText(/^The parts you do not agree to/);
    expect(parts.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByText("Name at least one part of the plan you do not agree to.")).toBeTruthy();
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(fetch).not.toHaveBeenCalled();
  });
});
