import type { SessionUser, StudentDetail } from "@lantern/core";
import { render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { paths } from "../../app/paths.ts";
import { SessionProvider } from "../../app/session.tsx";
import { StudentPage } from "./student-page.tsx";

const STUDENT: StudentDetail = {
  id: "st1",
  firstName: "Rosa",
  lastName: "Okafor",
  dateOfBirth: "2012-03-15",
  grade: "6",
  localId: null,
  school: { id: "s1", name: "Lakeview Middle School" },
  district: { id: "d1", name: "Maple Valley", state: "OR" },
  guardians: [],
  caseManager: null,
  plans: [],
};

function person(role: string): SessionUser {
  return {
    id: "p1",
    name: "Test Person",
    email: "person@test.example",
    roles: [{ role, districtId: "d1", schoolId: "s1" }],
    homeRole: role,
    idleMinutes: 30,
  } as SessionUser;
}

/** Plays the server: who is signed in, and the student. */
function serve(user: SessionUser) {
  vi.stubGlobal("fetch", async (input: RequestInfo | URL) => {
    const path = new URL(String(input), "http://localhost").pathname;
    const body = path === "/api/auth/session" ? { user, csrfToken: "t" } : STUDENT;
    return new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } });
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

const parts = { deadlines: () => null, record: () => null };

describe("a student with no plans", () => {
  it("offers staff who write plans a way to start one", async () => {
    serve(person("case-manager"));
    render(
      <SessionProvider>
        <StudentPage params={{ id: "st1" }} parts={parts} />
      </SessionProvider>,
    );
    const start = await screen.findByRole("link", { name: "Start a plan" });
    expect(start.getAttribute("href")).toBe(paths.studentPlans("st1"));
  });

  it("offers no start to a teacher, who reads plans only", async () => {
    serve(person("teacher"));
    render(
      <SessionProvider>
        <StudentPage params={{ id: "st1" }} parts={parts} />
      </SessionProvider>,
    );
    await screen.findByText("No plans yet");
    expect(screen.queryByRole("link", { name: "Start a plan" })).toBeNull();
  });
});
