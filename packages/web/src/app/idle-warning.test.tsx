import type { SessionResponse, SessionUser } from "@lantern/core";
import { act, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { IdleWarning } from "./idle-warning.tsx";
import { SessionProvider } from "./session.tsx";

const teacher: SessionUser = {
  id: "p1",
  name: "Test Teacher",
  email: "teacher@test.example",
  roles: [{ role: "teacher", districtId: "d1", schoolId: "s1" }],
  homeRole: "teacher",
  idleMinutes: 30,
};

/** The server: who is signed in (changeable), and the answers to "stay signed in". */
function serve() {
  const server = { user: teacher as SessionUser | null, extended: 0 };
  vi.stubGlobal("fetch", async (input: RequestInfo | URL) => {
    const path = new URL(String(input), "http://localhost").pathname;
    if (path === "/api/auth/session/extend") server.extended += 1;
    const body: SessionResponse = { user: server.user, csrfToken: "t" };
    return new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } });
  });
  return server;
}

async function advance(ms: number) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("IdleWarning", () => {
  it("asks before a 30-minute staff session ends, and keeps it when the person stays", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "setTimeout", "Date"] });
    const server = serve();
    render(
      <SessionProvider>
        <IdleWarning />
      </SessionProvider>,
    );
    await advance(100);
    // 30 minutes, less the 3 minutes the server may lag, less 2 minutes of warning: 25 minutes.
    await advance(24 * 60_000);
    expect(screen.queryByRole("dialog")).toBeNull();
    await advance(60_000 + 5_000);
    const dialog = screen.getByRole("dialog", { name: "Are you still there?" });
    expect(dialog.textContent).toMatch(/after 30 minutes without activity/);
    const stay = screen.getByRole("button", { name: "Stay signed in" });
    expect(document.activeElement).toBe(stay);
    await act(async () => stay.click());
    await advance(100);
    expect(server.extended).toBe(1);
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  it("asks the server again when the time is up, and closes the warning", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "setTimeout", "Date"] });
    const server = serve();
    render(
      <SessionProvider>
        <IdleWarning />
      </SessionProvider>,
    );
    await advance(100);
    await advance(25 * 60_000 + 5_000);
    expect(screen.getByRole("dialog")).toBeTruthy();
    server.user = null;
    await advance(2 * 60_000 + 5_000);
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(server.extended).toBe(0);
  });
});
