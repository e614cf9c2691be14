import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { PlanDetail } from "./api.ts";
import { PlainSummary } from "./plan-page.tsx";

const detailWith = (amendment: unknown) =>
  ({
    version: {
      content: {
        type: "iep",
        amendment,
        presentLevels: { academic: "Reads with support." },
        goals: [],
        services: [],
        accommodations: [],
      },
    },
  }) as unknown as PlanDetail;

describe("the plan in plain words", () => {
  it("tells the family what a proposed amendment changes (34 CFR 300.324(a)(4))", () => {
    render(
      <PlainSummary
        detail={detailWith({ madeAtMeeting: true, description: "Adds 15 minutes of speech a week." })}
        name="Mateo"
      />,
    );
    expect(screen.getByRole("heading", { name: "What this change to the plan does" })).toBeTruthy();
    expect(screen.getByText("Adds 15 minutes of speech a week.")).toBeTruthy();
  });

  it("says nothing about a change when the version is not an amendment", () => {
    render(<PlainSummary detail={detailWith(null)} name="Mateo" />);
    expect(screen.queryByRole("heading", { name: "What this change to the plan does" })).toBeNull();
  });
});
