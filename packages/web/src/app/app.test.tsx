import type { SessionResponse, SessionUser, StudentList } from "@lantern/core";
import { render, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { App } from "./app.tsx";

type Routes = Record<string, unknown>;

/** Lazy pages load on first use; on a busy machine that can take more than the default 1 s. */
const wait = { timeout: 10_000 };

/** Plays the server: answers GET requests by path with fixed JSON. */
function serve(routes: Routes) {
  const seen: string[] = [];
  vi.stubGlobal("fetch", async (input: RequestInfo | URL) => {
    const url = new URL(String(input), "http://localhost");
    seen.push(url.pathname + url.search);
    const body = routes[url.pathname];
    if (body === undefined) return new Response(JSON.stringify({ error: "Not Found", message: "no" }), { status: 404 });
    return new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } });
  });
  return seen;
}

const guardian: SessionUser = {
  id: "p1",
  name: "Ana Rivera",
  email: "parent.rivera@family.example",
  roles: [{ role: "guardian", districtId: "d1", schoolId: null }],
  homeRole: "guardian",
  idleMinutes: 120,
};

beforeEach(() => {
  window.history.replaceState(null, "", "/");
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe("App", () => {
  it("sends a visitor who opens a student's page to sign-in, remembering where they were going", async () => {
    serve({ "/api/auth/session": { user: null, csrfToken: "t" } satisfies SessionResponse });
    window.history.replaceState(null, "", "/students/abc");
    render(<App />);
    expect(await screen.findByRole("heading", { level: 1, name: "Sign in" }, wait)).toBeTruthy();
    expect(window.location.pathname + window.location.search).toBe("/sign-in?next=%2Fstudents%2Fabc");
    // The title is set by an effect, which may run after the heading is on screen.
    await waitFor(() => expect(document.title).toBe("Sign in – Lantern"), wait);
  });

  it("shows a guardian their children at /", async () => {
    const seen = serve({
      "/api/auth/session": { user: guardian, csrfToken: "t" } satisfies SessionResponse,
      "/api/students": {
        items: [
          {
            id: "s1",
            firstName: "Mateo",
            lastName: "Rivera",
            grade: "K",
            schoolName: "Northside Elementary",
            plans: [{ id: "p1", type: "iep", status: "in-effect" }],
            nextDeadline: { label: "Annual review", dueDate: "2026-03-04", state: "due" },
          },
          {
            id: "s2",
            firstName: "Lucia",
            lastName: "Rivera",
            grade: "3",
            schoolName: "Northside Elementary",
            plans: [{ id: "p2", type: "iep", status: "in-effect" }],
            nextDeadline: {
              kind: "progress-report",
              label: "Send the family the next report on progress toward the annual goals",
              dueDate: "2026-03-04",
              state: "due",
            },
          },
        ],
        nextCursor: null,
      } satisfies StudentList,
    });
    render(<App />);
    expect(await screen.findByRole("heading", { level: 1, name: "My children" }, wait)).toBeTruthy();
    expect(await screen.findByRole("link", { name: "Mateo Rivera" }, wait)).toBeTruthy();
    expect(screen.getAllByText("Plans: IEP: In effect")).toHaveLength(2);
    expect(screen.getByText("Annual review: March 4, 2026 (coming up)")).toBeTruthy();
    // The staff task ("Send the family…") reaches a family in their own words.
    expect(screen.getByText("Progress report: March 4, 2026 (coming up)")).toBeTruthy();
    expect(screen.queryByText(/Send the family/)).toBeNull();
    expect(screen.queryByRole("table")).toBeNull();
    expect(seen).toContain("/api/students?limit=25");
  });

  it("shows the landing page to visitors at /, with a skip link first and a main landmark", async () => {
    serve({ "/api/auth/session": { user: null, csrfToken: "t" } satisfies SessionResponse });
    render(<App />);
    expect(await screen.findByRole("heading", { level: 1, name: /Help for students/ }, wait)).toBeTruthy();
    const links = screen.getAllByRole("link");
    expect(links[0]?.textContent).toBe("Skip to main content");
    expect(screen.getByRole("main").id).toBe("main");
  });

  describe("pages that are not for the person's role", () => {
    const as = (role: SessionUser["roles"][number]["role"], schoolId: string | null = null): SessionUser => ({
      ...guardian,
      id: `p-${role}`,
      roles: [{ role, districtId: "d1", schoolId }],
      homeRole: role,
    });
    /** Every staff page an address can reach, and the request it would make first. */
    const STAFF_PAGES = [
      "/compliance",
      "/overview",
      "/students/new",
      "/services/week",
      "/reports/service-fidelity",
      "/progress/batch",
      "/settings/compensatory-policy",
      "/settings/roster",
      "/settings/people",
      "/settings/audit-trail",
      "/settings/retention",
    ];
    /** What any signed-in page may ask: the session, and the person's own inbox. */
    const everyonesOwn = (path: string) => path === "/api/auth/session" || path.startsWith("/api/inbox");

    for (const role of ["advocate", "guardian"] as const) {
      it(`tells ${role === "advocate" ? "an advocate" : "a guardian"} each staff page is for school staff, with a link home, and asks the server nothing of it`, {
        timeout: 120_000,
      }, async () => {
        for (const address of STAFF_PAGES) {
          const seen = serve({ "/api/auth/session": { user: as(role), csrfToken: "t" } satisfies SessionResponse });
          window.history.replaceState(null, "", address);
          const view = render(<App />);
          expect(
            await screen.findByRole("heading", { level: 1, name: "This page is for school staff" }, wait),
            address,
          ).toBeTruthy();
          expect(screen.getByText("Everything shared with you is on your home page.")).toBeTruthy();
          expect(screen.getByRole("link", { name: "Go to the home page" }).getAttribute("href")).toBe("/");
          expect(
            seen.filter((path) => !everyonesOwn(path)),
            address,
          ).toEqual([]);
          view.unmount();
          vi.unstubAllGlobals();
        }
      });
    }

    it("tells a teacher or a provider whose page an administrator's page is, and asks nothing of it", {
      timeout: 60_000,
    }, async () => {
      const cases: Array<[SessionUser, string, string]> = [
        [as("teacher", "k1"), "/settings/people", "This page is for school and district administrators"],
        [
          as("related-service-provider"),
          "/reports/service-fidelity",
          "This page is for school and district administrators",
        ],
        [as("teacher", "k1"), "/settings/roster", "This page is for district administrators"],
        [as("related-service-provider"), "/settings/audit-trail", "This page is for district administrators"],
        [as("teacher", "k1"), "/students/new", "This page is for staff who add students"],
      ];
      for (const [user, address, heading] of cases) {
        const seen = serve({ "/api/auth/session": { user, csrfToken: "t" } satisfies SessionResponse });
        window.history.replaceState(null, "", address);
        const view = render(<App />);
        expect(await screen.findByRole("heading", { level: 1, name: heading }, wait), address).toBeTruthy();
        expect(screen.getByRole("link", { name: "Go to the home page" })).toBeTruthy();
        expect(
          seen.filter((path) => !everyonesOwn(path)),
          address,
        ).toEqual([]);
        view.unmount();
        vi.unstubAllGlobals();
      }
    });

    it("opens a staff page for the staff it is for", { timeout: 30_000 }, async () => {
      const seen = serve({
        "/api/auth/session": { user: as("related-service-provider"), csrfToken: "t" } satisfies SessionResponse,
      });
      window.history.replaceState(null, "", "/services/week");
      render(<App />);
      expect(await screen.findByRole("heading", { level: 1, name: /week/i }, wait)).toBeTruthy();
      await waitFor(() => expect(seen.some((path) => path.startsWith("/api/caseload/service-week"))).toBe(true), wait);
    });
  });
});
