import type { PeopleResponse, SessionResponse } from "@lantern/core";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { App } from "../../app/app.tsx";
import { paths } from "../../app/paths.ts";

const wait = { timeout: 10_000 };
const DISTRICT = "00000000-0000-4000-8000-0000000000d1";
const admin: SessionResponse = {
  user: {
    id: "00000000-0000-4000-8000-0000000000a1",
    name: "Dana Admin",
    email: "admin@test.example",
    roles: [{ role: "district-admin", districtId: DISTRICT, schoolId: null }],
    homeRole: "district-admin",
    idleMinutes: 30,
  },
  csrfToken: "t",
};
const people: PeopleResponse = {
  people: [
    {
      id: "00000000-0000-4000-8000-00000000000a",
      firstName: "Robin",
      lastName: "Diaz",
      email: "robin@test.example",
      status: "active",
      roles: [{ role: "case-manager", schoolId: null }],
      caseloadSize: 12,
      invitationExpiresAt: null,
      manageable: true,
      discipline: null,
    },
  ],
  schools: [],
  roles: ["case-manager"],
};

afterEach(() => {
  vi.unstubAllGlobals();
});

// jsdom has <dialog> without its modal methods.
HTMLDialogElement.prototype.showModal ??= function showModal(this: HTMLDialogElement) {
  this.setAttribute("open", "");
};
HTMLDialogElement.prototype.close ??= function close(this: HTMLDialogElement) {
  this.removeAttribute("open");
};

describe("the People page", () => {
  it("asks before deactivating a case manager with a caseload, and offers to move it first", {
    timeout: 20_000,
  }, async () => {
    const calls: string[] = [];
    vi.stubGlobal("fetch", async (input: RequestInfo | URL, init?: RequestInit) => {
      const path = new URL(String(input), "http://localhost").pathname;
      calls.push(`${init?.method ?? "GET"} ${path}`);
      const body =
        path === "/api/auth/session"
          ? admin
          : path === "/api/people"
            ? people
            : path.endsWith("/caseload")
              ? { holdsCaseloadRole: true, students: [] }
              : path === "/api/district/mail-outbox"
                ? { sending: false, messages: [] }
                : path === "/api/district/security-settings"
                  ? { requiredForStaff: false, staffIdleMinutes: 30, familyIdleMinutes: 120 }
                  : {};
      return new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } });
    });
    window.history.replaceState(null, "", paths.people);
    render(<App />);
    fireEvent.click(await screen.findByRole("button", { name: "Deactivate Robin Diaz" }, wait));
    const dialog = await screen.findByRole("dialog", {}, wait);
    expect(dialog.textContent).toContain("Robin Diaz has 12 students on their caseload.");
    fireEvent.click(screen.getByRole("button", { name: "Move the caseload first" }));
    expect(await screen.findByRole("heading", { name: "Roles and caseload of Robin Diaz" }, wait)).toBeTruthy();
    await waitFor(() => expect(calls).toContain(`GET /api/people/${people.people[0]?.id}/caseload`));
    expect(calls.some((c) => c.endsWith("/deactivate"))).toBe(false);
  });
});
