import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AddStudentForm } from "./add-student-page.tsx";

const SCHOOLS = {
  schools: [
    { id: "11111111-1111-4111-8111-111111111111", name: "Lakeview High School" },
    { id: "22222222-2222-4222-8222-222222222222", name: "Riverside Middle School" },
  ],
  joinsCaseload: true,
};

/** Plays the server: answers the POST with a fixed status and body, and keeps what was sent. */
function serve(status: number, body: unknown): unknown[] {
  const sent: unknown[] = [];
  vi.stubGlobal("fetch", async (_input: RequestInfo | URL, init?: RequestInit) => {
    sent.push(JSON.parse(String(init?.body ?? "null")));
    return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
  });
  return sent;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

async function fillStudent(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText(/^First name(?! of)/), "Rosa");
  await user.type(screen.getByLabelText(/^Last name(?! of)/), "Okafor");
  await user.type(screen.getByLabelText(/^Date of birth/), "2010-03-15");
  await user.selectOptions(screen.getByLabelText(/^Grade/), "11");
  await user.selectOptions(screen.getByLabelText(/^School/), "Lakeview High School");
  await user.type(screen.getByLabelText(/^First name of parent or guardian 1/), "Lucia");
  await user.type(screen.getByLabelText(/^Last name of parent or guardian 1/), "Okafor");
  await user.type(screen.getByLabelText(/^Email of parent or guardian 1/), "lucia@family.example");
  await user.type(screen.getByLabelText(/^How parent or guardian 1 is related/), "Mother");
}

describe("adding a student", () => {
  it("names each missing field under it and in a summary that takes focus, sending nothing", async () => {
    const sent = serve(201, {});
    const user = userEvent.setup({ delay: null });
    render(<AddStudentForm intake={SCHOOLS} />);
    await user.click(screen.getByRole("button", { name: "Add the student" }));
    const summary = screen.getByRole("alert");
    expect(summary.contains(document.activeElement) || summary === document.activeElement).toBe(true);
    const first = screen.getByLabelText(/^First name(?! of)/);
    expect(first.getAttribute("aria-invalid")).toBe("true");
    const describedBy = first.getAttribute("aria-describedby") ?? "";
    expect(document.getElementById(describedBy.split(" ").at(-1) ?? "")?.textContent).toBe("Enter the first name");
    expect(screen.getByLabelText(/^Email of parent or guardian 1/).getAttribute("aria-invalid")).toBe("true");
    expect(sent).toEqual([]);
  });

  it("sends the student and the guardian, and shows the server's problem under the field it names", async () => {
    const sent = serve(400, {
      error: "Bad Request",
      message: "The date of birth is after today",
      issues: [{ path: "/dateOfBirth", message: "The date of birth is after today" }],
    });
    const user = userEvent.setup({ delay: null });
    render(<AddStudentForm intake={SCHOOLS} />);
    await fillStudent(user);
    await user.selectOptions(screen.getByLabelText(/^Language parent or guardian 1 prefers/), "es");
    await user.click(screen.getByRole("button", { name: "Add the student" }));
    expect(sent).toEqual([
      {
        schoolId: SCHOOLS.schools[0]?.id,
        firstName: "Rosa",
        lastName: "Okafor",
        dateOfBirth: "2010-03-15",
        grade: "11",
        localId: null,
        guardians: [
          {
            firstName: "Lucia",
            lastName: "Okafor",
            email: "lucia@family.example",
            relationship: "Mother",
            preferredLanguage: "es",
            interpreterNeeded: false,
          },
        ],
      },
    ]);
    const born = await screen.findByLabelText(/^Date of birth/);
    expect(born.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getAllByText("The date of birth is after today").length).toBeGreaterThanOrEqual(2);
  });

  it("sends each guardian's language and interpreter need for the student's record", async () => {
    const sent = serve(201, { id: "s1", firstName: "Rosa", lastName: "Okafor", pendingGuardianLinks: 0 });
    const user = userEvent.setup({ delay: null });
    render(<AddStudentForm intake={SCHOOLS} />);
    await fillStudent(user);
    expect(
      screen.getByLabelText(/^Language parent or guardian 1 prefers/).getAttribute("aria-describedby"),
    ).toBeTruthy();
    expect(screen.getByText(/kept on the student's record/)).toBeTruthy();
    await user.selectOptions(screen.getByLabelText(/^Language parent or guardian 1 prefers/), "es");
    const interpreter = screen.getByRole("checkbox", { name: "Parent or guardian 1 needs an interpreter at meetings" });
    expect((interpreter as HTMLInputElement).checked).toBe(false);
    await user.click(interpreter);
    await user.click(screen.getByRole("button", { name: "Add the student" }));
    const guardians = (sent[0] as { guardians: unknown[] }).guardians;
    expect(guardians).toEqual([expect.objectContaining({ preferredLanguage: "es", interpreterNeeded: true })]);
  });

  it("adds and removes a second guardian by keyboard", async () => {
    const user = userEvent.setup({ delay: null });
    render(<AddStudentForm intake={SCHOOLS} />);
    await user.click(screen.getByRole("button", { name: "Add a parent or guardian" }));
    expect(document.activeElement).toBe(screen.getByLabelText(/^First name of parent or guardian 2/));
    expect(screen.queryByRole("button", { name: "Add a parent or guardian" })).toBeNull();
    await user.click(screen.getByRole("button", { name: "Remove parent or guardian 2" }));
    expect(screen.queryByLabelText(/^First name of parent or guardian 2/)).toBeNull();
  });
});
