import type { SecuritySettings as Settings } from "@lantern/core";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SecuritySettings } from "./security-settings.tsx";

const wait = { timeout: 10_000 };
const saved: Settings = { requiredForStaff: false, staffIdleMinutes: 30, familyIdleMinutes: 120 };

afterEach(() => {
  vi.unstubAllGlobals();
});

function stubServer(answerPut: (body: Settings) => [number, unknown]) {
  const puts: Settings[] = [];
  vi.stubGlobal("fetch", async (input: RequestInfo | URL, init?: RequestInit) => {
    const path = new URL(String(input), "http://localhost").pathname;
    let status = 200;
    let body: unknown = saved;
    if (path === "/api/district/security-settings" && init?.method === "PUT") {
      const sent = JSON.parse(String(init.body)) as Settings;
      puts.push(sent);
      [status, body] = answerPut(sent);
    } else if (path === "/api/auth/session") body = { user: null, csrfToken: "t" };
    return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
  });
  return puts;
}

describe("the district's sign-in security form", () => {
  it("ties each problem to its field, and sends nothing the server would refuse", async () => {
    const puts = stubServer((b) => [200, b]);
    render(<SecuritySettings />);
    const staff = await screen.findByLabelText(/before a staff member is signed out/, {}, wait);
    expect((staff as HTMLInputElement).value).toBe("30");
    fireEvent.change(staff, { target: { value: "2" } });
    fireEvent.click(screen.getByRole("button", { name: "Save sign-in security" }));
    const message = "Enter a whole number of minutes from 5 to 720.";
    await waitFor(() => expect(staff.getAttribute("aria-invalid")).toBe("true"));
    const describedBy = (staff.getAttribute("aria-describedby") ?? "").split(" ");
    const error = describedBy.map((id) => document.getElementById(id)?.textContent);
    expect(error).toContain(message);
    // The summary links to the field.
    expect(screen.getByRole("link", { name: message }).getAttribute("href")).toBe("#security-staff-idle");
    expect(puts).toHaveLength(0);
  });

  it("saves the second factor and both limits in one request, and shows the server's field errors", async () => {
    let refuse = true;
    const puts = stubServer((b) =>
      refuse
        ? [
            400,
            {
              error: "Bad Request",
              message: "Invalid input",
              issues: [{ path: "/familyIdleMinutes", message: "The family time limit must be at least 5 minutes" }],
            },
          ]
        : [200, b],
    );
    render(<SecuritySettings />);
    const required = await screen.findByLabelText(/Require a second factor/, {}, wait);
    fireEvent.click(required);
    fireEvent.click(screen.getByRole("button", { name: "Save sign-in security" }));
    const family = screen.getByLabelText(/before a family member is signed out/);
    await waitFor(() => expect(family.getAttribute("aria-invalid")).toBe("true"));
    expect(puts[0]).toEqual({ requiredForStaff: true, staffIdleMinutes: 30, familyIdleMinutes: 120 });
    refuse = false;
    fireEvent.click(screen.getByRole("button", { name: "Save sign-in security" }));
    expect(await screen.findByText("Sign-in security is saved.", {}, wait)).toBeTruthy();
  });
});
