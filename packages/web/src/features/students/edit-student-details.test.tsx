import type { StudentDetail } from "@lantern/core";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { EditStudentFields } from "./edit-student-details.tsx";

const SCHOOLS = [
  { id: "11111111-1111-4111-8111-111111111111", name: "Lakeview High School" },
  { id: "22222222-2222-4222-8222-222222222222", name: "Riverside Middle School" },
];

const STUDENT: StudentDetail = {
  id: "33333333-3333-4333-8333-333333333333",
  firstName: "Rosa",
  lastName: "Okafr",
  dateOfBirth: "2010-03-15",
  grade: "11",
  localId: "S-100",
  school: { id: "11111111-1111-4111-8111-111111111111", name: "Lakeview High School" },
  district: { id: "d", name: "Maple Valley", state: "CA" },
  guardians: [],
  caseManager: null,
  plans: [],
};

/** Plays the server: answers the PUT with a fixed status and body, and keeps what was sent. */
function serve(status: number, body: unknown): Array<{ url: string; method: string; body: unknown }> {
  const sent: Array<{ url: string; method: string; body: unknown }> = [];
  vi.stubGlobal("fetch", async (input: RequestInfo | URL, init?: RequestInit) => {
    sent.push({ url: String(input), method: init?.method ?? "GET", body: JSON.parse(String(init?.body ?? "null")) });
    return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
  });
  return sent;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("editing a student's details", () => {
  it("starts from the student's details and sends the corrected ones", async () => {
    const saved = { ...STUDENT, lastName: "Okafor", grade: "12" };
    const sent = serve(200, saved);
    const onSaved = vi.fn();
    const user = userEvent.setup({ delay: null });
    render(<EditStudentFields student={STUDENT} schools={SCHOOLS} onSaved={onSaved} />);
    expect((screen.getByLabelText(/^Student number/) as HTMLInputElement).value).toBe("S-100");
    expect((screen.getByLabelText(/^School/) as HTMLSelectElement).value).toBe(STUDENT.school.id);
    const last = screen.getByLabelText(/^Last name/);
    await user.clear(last);
    await user.type(last, "Okafor ");
    await user.selectOptions(screen.getByLabelText(/^Grade/), "12");
    await user.click(screen.getByRole("button", { name: "Save the details" }));
    expect(sent[0]).toEqual({
      url: expect.stringContaining(`/api/students/${STUDENT.id}/details`),
      method: "PUT",
      body: {
        schoolId: STUDENT.school.id,
        firstName: "Rosa",
        lastName: "Okafor",
        dateOfBirth: "2010-03-15",
        grade: "12",
        localId: "S-100",
      },
    });
    expect(onSaved).toHaveBeenCalledWith(saved);
  });

  it("names a missing field under it and in a summary that takes focus, sending nothing", async () => {
    const sent = serve(200, STUDENT);
    const user = userEvent.setup({ delay: null });
    render(<EditStudentFields student={STUDENT} schools={SCHOOLS} onSaved={() => {}} />);
    await user.clear(screen.getByLabelText(/^First name/));
    await user.click(screen.getByRole("button", { name: "Save the details" }));
    const summary = screen.getByRole("alert");
    expect(summary.contains(document.activeElement) || summary === document.activeElement).toBe(true);
    const first = screen.getByLabelText(/^First name/);
    expect(first.getAttribute("aria-invalid")).toBe("true");
    const describedBy = first.getAttribute("aria-describedby") ?? "";
    expect(document.getElementById(describedBy.split(" ").at(-1) ?? "")?.textContent).toBe("Enter the first name");
    expect(sent).toEqual([]);
  });

  it("shows the server's 409 under the student number", async () => {
    const message = "Another student in the district has this student number";
    serve(409, { error: "Conflict", message, issues: [{ path: "/localId", message }] });
    const onSaved = vi.fn();
    const user = userEvent.setup({ delay: null });
    render(<EditStudentFields student={STUDENT} schools={SCHOOLS} onSaved={onSaved} />);
    const number = screen.getByLabelText(/^Student number/);
    await user.clear(number);
    await user.type(number, "S-200");
    await user.click(screen.getByRole("button", { name: "Save the details" }));
    const field = await screen.findByLabelText(/^Student number/);
    expect(field.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getAllByText(message).length).toBeGreaterThanOrEqual(2);
    expect(onSaved).not.toHaveBeenCalled();
  });
});
