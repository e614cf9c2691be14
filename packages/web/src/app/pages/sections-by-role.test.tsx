import type { SessionUser } from "@lantern/core";
import { render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { RecordsDueSection } from "../../features/records/records-due-section.tsx";
import { AccessLogSection } from "../../features/sharing/access-log-section.tsx";
import { SessionProvider } from "../session.tsx";

function person(role: SessionUser["roles"][number]["role"]): SessionUser {
  return {
    id: "p1",
    name: "Test Person",
    email: "person@test.example",
    roles: [{ role, districtId: "d1", schoolId: "s1" }],
    homeRole: role,
    idleMinutes: 30,
  };
}

/** Plays the server, keeping the paths asked for. */
function serve(user: SessionUser): string[] {
  const asked: string[] = [];
  vi.stubGlobal("fetch", async (input: RequestInfo | URL) => {
    const path = new URL(String(input), "http://localhost").pathname;
    asked.push(path);
    const body =
      path === "/api/auth/session" ? { user, csrfToken: "t" } : { items: [], nextBefore: null, nextCursor: null };
    return new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } });
  });
  return asked;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

function showFor(user: SessionUser) {
  const asked = serve(user);
  render(
    <SessionProvider>
      <AccessLogSection studentId="st1" />
      <RecordsDueSection />
    </SessionProvider>,
  );
  return asked;
}

describe("sections a role may not see", () => {
  it.each(["teacher", "related-service-provider", "advocate"] as const)(
    "are not asked for when a %s opens the page",
    async (role) => {
      const asked = showFor(person(role));
      await vi.waitFor(() => expect(asked).toContain("/api/auth/session"));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(asked).toEqual(["/api/auth/session"]);
      expect(screen.queryByRole("heading")).toBeNull();
    },
  );

  it("are asked for by a case manager, who keeps the record", async () => {
    const asked = showFor(person("case-manager"));
    await vi.waitFor(() => expect(asked).toContain("/api/students/st1/access-log"));
    await vi.waitFor(() => expect(asked).toContain("/api/records-requests/open"));
  });
});
