import type { GoalPatternList, PlanComplianceView, PlanDetail } from "@lantern/core";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import PlanEditor from "./plan-editor-page.tsx";

const content = {
  type: "iep",
  student: { firstName: "Wren", lastName: "Halloway", dateOfBirth: "2019-04-10" },
  dates: {},
  presentLevels: { academic: "", functional: "", impactOnGeneralCurriculum: "", evaluationSummary: "", needs: [] },
  goals: [],
  services: [],
  accommodations: [],
  transition: null,
  transferOfRights: null,
};
const detail = {
  plan: { id: "p1", type: "iep" },
  version: { id: "v1", status: "draft", revision: 1, content },
  versions: [],
  meetings: [],
  checks: { propose: [], seal: [] },
  youMaySignAs: [],
  permissions: { write: true, sign: false },
} as unknown as PlanDetail;
const compliance = {
  planId: "p1",
  planType: "iep",
  today: "2026-12-04",
  findings: [
    {
      code: "iep.present-levels.no-impact",
      severity: "error",
      citation: "34 CFR 300.320(a)(1)(i)",
      message: "The present levels do not say how the disability affects progress in the general curriculum.",
      place: "/presentLevels/impactOnGeneralCurriculum",
      fix: "Add a statement of how the disability affects the student's progress in class.",
    },
  ],
  deadlines: [],
  plainLanguage: [],
  stateAges: {
    transitionAge: { value: 16, citation: "Cal. Ed. Code 56345; 34 CFR 300.320(b)" },
    ageOfMajority: { value: 18, citation: "Cal. Ed. Code 56345; 34 CFR 300.520" },
  },
} satisfies PlanComplianceView;
const patterns = { patterns: [], canChange: false } satisfies GoalPatternList;

let revision = 1;
beforeEach(() => {
  revision = 1;
  localStorage.clear();
  vi.stubGlobal("fetch", async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const json = (body: unknown) =>
      new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } });
    if (init?.method === "PUT")
      return json({ versionId: "v1", revision: ++revision, updatedAt: "2026-12-04T10:00:00Z" });
    if (url.includes("/compliance")) return json(compliance);
    if (url.includes("/goal-patterns")) return json(patterns);
    return json(detail);
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const progress = () => {
  const m = /(\d+) of (\d+)/.exec(screen.getByTestId("plan-progress").textContent ?? "");
  return { complete: Number(m?.[1]), total: Number(m?.[2]) };
};

describe("the plan editor", { timeout: 60_000 }, () => {
  it("keeps the save status and progress in one bar; progress rises when a section is filled", async () => {
    render(<PlanEditor params={{ id: "s1", planId: "p1" }} />);
    await screen.findByText("What the checks found", {}, { timeout: 15_000 });
    expect(screen.getByTestId("save-status").querySelector('[role="status"]')).toBeTruthy();
    await screen.findByTestId("not-applicable-transition", {}, { timeout: 15_000 });
    const before = progress();
    expect(before.complete).toBe(0);
    fireEvent.change(document.getElementById("field-dates.planStart") as HTMLInputElement, {
      target: { value: "2026-09-01" },
    });
    fireEvent.change(document.getElementById("field-dates.planEnd") as HTMLInputElement, {
      target: { value: "2027-08-31" },
    });
    expect(progress()).toEqual({ complete: 1, total: before.total });
    const nav = screen.getByRole("navigation", { name: "Sections" });
    expect(within(nav).getByText("Key dates").closest("li")?.textContent).toContain("Complete");
  });

  it("shows no transition fields for a 7-year-old, only the reason with its citation", async () => {
    render(<PlanEditor params={{ id: "s1", planId: "p1" }} />);
    const reason = await screen.findByTestId("not-applicable-transition", {}, { timeout: 15_000 });
    expect(reason.textContent).toContain("turns 16 (April 10, 2035)");
    expect(reason.textContent).toContain("Cal. Ed. Code 56345");
    expect(document.getElementById("field-transition.courseOfStudy")).toBeNull();
  });

  it("offers a Spanish translation beside each strength and each basis of the notice, as beside other texts", async () => {
    const withLists = {
      ...content,
      presentLevels: { ...content.presentLevels, strengths: ["Loves drawing maps", ""] },
      priorWrittenNotice: {
        date: null,
        action: "propose",
        actionDescription: "",
        reasons: "",
        basis: ["Reading assessment, October 2026"],
        safeguardsStatement: "",
        sourcesOfHelp: ["Parent center"],
        optionsConsidered: [],
        otherFactors: "",
        language: "English",
      },
    };
    const fetchDetail = { ...detail, version: { ...detail.version, content: withLists } };
    vi.stubGlobal("fetch", async (input: RequestInfo | URL) => {
      const url = String(input);
      const json = (body: unknown) =>
        new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } });
      if (url.includes("/compliance")) return json({ ...compliance, findings: [] });
      if (url.includes("/goal-patterns")) return json(patterns);
      return json(fetchDetail);
    });
    render(<PlanEditor params={{ id: "s1", planId: "p1" }} />);
    const strength = await screen.findByRole(
      "button",
      { name: "Add Spanish translation: The student's strengths: entry 1" },
      { timeout: 15_000 },
    );
    expect(strength.closest(".value-list-item")?.querySelector("#field-presentLevels\\.strengths\\.0")).toBeTruthy();
    expect(
      screen.getByRole("button", {
        name: "Add Spanish translation: Each evaluation, test, record or report the decision is based on: entry 1",
      }),
    ).toBeTruthy();
    // An empty strength has nothing to translate; where the family gets help is not the team's words.
    expect(
      screen.queryByRole("button", { name: /Add Spanish translation: The student's strengths: entry 2/ }),
    ).toBeNull();
    expect(screen.queryByRole("button", { name: /Add Spanish translation: Where the family can get help/ })).toBeNull();
  });

  it("shows a finding beside its field, and its link moves focus into the field", async () => {
    const user = userEvent.setup({ delay: null });
    render(<PlanEditor params={{ id: "s1", planId: "p1" }} />);
    await screen.findByText("What the checks found", {}, { timeout: 15_000 });
    await waitFor(() => expect(screen.getAllByTestId("finding-note")).toHaveLength(1), { timeout: 15_000 });
    const note = screen.getByTestId("finding-note");
    const field = document.getElementById("field-presentLevels.impactOnGeneralCurriculum");
    expect(field?.closest(".field")?.nextElementSibling).toBe(note);
    await user.click(screen.getByRole("link", { name: "Go to this part of the plan" }));
    expect(document.activeElement).toBe(field);
  });
});
