import { render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { Role, SessionUser } from "../../lib/types.ts";

let user: SessionUser;
vi.mock("../../app/session.tsx", () => ({ useSignedInUser: () => user }));

const { HomePage } = await import("./home-page.tsx");

const parts = {
  children: (label: string) => <p>{label}</p>,
  students: (caption: string) => <p>{caption}</p>,
  serviceAlerts: () => null,
  inbox: () => null,
};

function signedInAs(role: Role) {
  user = {
    id: "p1",
    name: "Sam Delgado",
    email: "sam@example.org",
    roles: [{ role, districtId: "d1", schoolId: null }],
    homeRole: role,
    idleMinutes: 30,
  };
}

describe("the home page's words for each role", () => {
  it("does not call an advocate's list 'My children'", () => {
    signedInAs("advocate");
    render(<HomePage parts={parts} />);
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Children you help");
    expect(screen.queryByText("My children")).toBeNull();
  });

  it("keeps 'My children' for a guardian", () => {
    signedInAs("guardian");
    render(<HomePage parts={parts} />);
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("My children");
  });

  it("does not define 'caseload' for an administrator, whose page does not use the word", () => {
    signedInAs("district-admin");
    render(<HomePage parts={parts} />);
    expect(screen.queryByText("caseload")).toBeNull();
  });

  it.each([
    ["teacher", "Students you teach"],
    ["related-service-provider", "Students you serve"],
  ] as const)("does not speak of a caseload to a %s", (role, caption) => {
    signedInAs(role);
    render(<HomePage parts={parts} />);
    expect(screen.getByText(caption)).toBeTruthy();
    expect(screen.queryByText(/caseload/)).toBeNull();
  });

  it("keeps 'caseload' for a case manager", () => {
    signedInAs("case-manager");
    render(<HomePage parts={parts} />);
    expect(screen.getByText("Students on your caseload")).toBeTruthy();
  });
});
