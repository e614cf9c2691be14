import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { setLocale } from "../../i18n/t.ts";
import type { PlanDetail } from "./api.ts";
import { SignedNote, SignSection } from "./plan-page.tsx";

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

describe("signing in Spanish", () => {
  const firstIep = {
    ...detail,
    version: {
      content: {
        ...detail.version.content,
        meeting: { type: "initial" },
        student: { firstName: "Paloma", lastName: "Rivera" },
      },
    },
  } as unknown as PlanDetail;

  afterEach(() => {
    setLocale("en");
  });

  it("explains a first IEP's consent and asks for it in Spanish, the team's title marked English", () => {
    setLocale("es");
    const { container } = render(<SignSection studentId="s1" detail={firstIep} onChanged={() => {}} />);
    const decision = screen.getByRole("group", { name: "Su decisión sobre este plan" });
    expect(decision.getAttribute("aria-describedby")).toBe("consent-explain");
    expect(
      screen.getByText(/^Este es el primer IEP de Paloma\. La escuela puede empezar los servicios solo/),
    ).toBeTruthy();
    expect(screen.getByLabelText("Estoy de acuerdo con todo el plan")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Firmar" })).toBeTruthy();
    expect(screen.getByText("mother").getAttribute("lang")).toBe("en");
    // Nothing else on the section is English.
    const words = [...container.querySelectorAll("section")]
      .map((el) => el.cloneNode(true) as HTMLElement)
      .map((el) => {
        for (const english of el.querySelectorAll("[lang='en']")) english.remove();
        return el.textContent ?? "";
      })
      .join(" ");
    expect(words).not.toMatch(/\b(the|your|sign|plan is|agree|type)\b/i);
  });

  it("says in Spanish that the signature was saved, and takes focus", async () => {
    setLocale("es");
    render(<SignedNote sealed={false} />);
    const note = screen.getByRole("status");
    expect(note.textContent).toBe("Gracias. Su firma se guardó.");
    await waitFor(() => expect(document.activeElement).toBe(note));
  });

  it("does not explain first-IEP consent on a plan that is not the first", () => {
    render(<SignSection studentId="s1" detail={detail} onChanged={() => {}} />);
    expect(screen.queryByText(/first IEP/)).toBeNull();
  });
});
