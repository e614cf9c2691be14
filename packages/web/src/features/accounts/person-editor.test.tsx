import type { CaseloadResponse, PeopleResponse, PersonSummary } from "@lantern/core";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { PersonEditor } from "./person-editor.tsx";

const wait = { timeout: 10_000 };
const SCHOOL = "00000000-0000-4000-8000-000000000001";
const STUDENT = "00000000-0000-4000-8000-000000000002";
const person: PersonSummary = {
  id: "00000000-0000-4000-8000-00000000000a",
  firstName: "Robin",
  lastName: "Diaz",
  email: "robin@test.example",
  status: "active",
  roles: [{ role: "case-manager", schoolId: null }],
  caseloadSize: 1,
  invitationExpiresAt: null,
  manageable: true,
  discipline: null,
};
const colleague: PersonSummary = { ...person, id: "00000000-0000-4000-8000-00000000000b", firstName: "Sam" };
const data: PeopleResponse = {
  people: [person, colleague],
  schools: [{ id: SCHOOL, name: "Birchwood Elementary" }],
  roles: ["case-manager", "teacher", "related-service-provider"],
};
const caseload: CaseloadResponse = {
  holdsCaseloadRole: true,
  students: [{ id: STUDENT, firstName: "Lena", lastName: "Ortiz", schoolName: "Birchwood Elementary" }],
};

afterEach(() => {
  vi.unstubAllGlobals();
});

function stub(put: (path: string, body: unknown) => [number, unknown]) {
  const calls: Array<{ method: string; path: string; body: unknown }> = [];
  vi.stubGlobal("fetch", async (input: RequestInfo | URL, init?: RequestInit) => {
    const path = new URL(String(input), "http://localhost").pathname;
    const method = init?.method ?? "GET";
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ method, path, body });
    let [status, answer]: [number, unknown] = [200, caseload];
    if (method !== "GET") [status, answer] = put(path, body);
    if (status === 204) return new Response(null, { status });
    return new Response(JSON.stringify(answer), { status, headers: { "content-type": "application/json" } });
  });
  return calls;
}

describe("a person's roles and caseload", () => {
  it("asks for the school of a teacher's role before sending, then shows the server's problem on its field", {
    timeout: 20_000,
  }, async () => {
    const calls = stub(() => [
      400,
      {
        error: "Bad Request",
        message: "That school is not in your district",
        issues: [{ path: "/roles/1/schoolId", message: "Choose one of your district's schools" }],
      },
    ]);
    const announce = vi.fn();
    render(
      <PersonEditor
        person={person}
        data={data}
        act={async () => {}}
        announce={announce}
        version={0}
        onClose={() => {}}
      />,
    );
    expect(await screen.findByRole("button", { name: "Take Lena Ortiz off the caseload" }, wait)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Add a role" }));
    // The new role's fieldset ("Role 2") holds its role and school.
    expect(screen.getByRole("group", { name: "Role 2" })).toBeTruthy();
    fireEvent.change(document.getElementById("edit-role-1") as HTMLElement, { target: { value: "teacher" } });
    fireEvent.click(screen.getByRole("button", { name: "Save roles" }));
    const school = document.getElementById("edit-school-1") as HTMLElement;
    await waitFor(() => expect(school.getAttribute("aria-invalid")).toBe("true"));
    expect(calls.filter((c) => c.method === "PUT")).toHaveLength(0);
    fireEvent.change(school, { target: { value: SCHOOL } });
    fireEvent.click(screen.getByRole("button", { name: "Save roles" }));
    expect(await screen.findAllByText("Choose one of your district's schools", {}, wait)).not.toHaveLength(0);
    const put = calls.find((c) => c.method === "PUT");
    expect(put?.body).toEqual({
      roles: [
        { role: "case-manager", schoolId: null },
        { role: "teacher", schoolId: SCHOOL },
      ],
    });
    expect(announce).not.toHaveBeenCalled();
  });

  it("takes a student off the caseload and moves the caseload to a colleague", async () => {
    const calls = stub(() => [204, null]);
    const act = vi.fn(async (run: () => Promise<unknown>) => {
      await run();
    });
    render(<PersonEditor person={person} data={data} act={act} announce={() => {}} version={0} onClose={() => {}} />);
    fireEvent.click(await screen.findByRole("button", { name: "Take Lena Ortiz off the caseload" }, wait));
    await waitFor(() => expect(calls.some((c) => c.method === "DELETE")).toBe(true));
    expect(calls.find((c) => c.method === "DELETE")?.path).toBe(`/api/people/${person.id}/caseload/${STUDENT}`);
    fireEvent.click(screen.getByRole("button", { name: "Move caseload" }));
    const to = screen.getByLabelText("Who takes over the caseload of Robin Diaz");
    await waitFor(() => expect(to.getAttribute("aria-invalid")).toBe("true"));
    fireEvent.change(to, { target: { value: colleague.id } });
    fireEvent.click(screen.getByRole("button", { name: "Move caseload" }));
    await waitFor(() =>
      expect(calls.find((c) => c.path.endsWith("/caseload/transfer"))?.body).toEqual({ toPersonId: colleague.id }),
    );
  });

  it("records a related-service provider's discipline from core's list, and offers it to no one else", {
    timeout: 20_000,
  }, async () => {
    const calls = stub(() => [204, null]);
    const act = vi.fn(async (run: () => Promise<unknown>, _done: string) => {
      await run();
    });
    const provider: PersonSummary = {
      ...person,
      roles: [{ role: "related-service-provider", schoolId: null }],
      discipline: null,
    };
    const { unmount } = render(
      <PersonEditor person={person} data={data} act={act} announce={() => {}} version={0} onClose={() => {}} />,
    );
    expect(await screen.findByRole("button", { name: "Take Lena Ortiz off the caseload" }, wait)).toBeTruthy();
    expect(screen.queryByRole("form", { name: "Discipline" })).toBeNull();
    unmount();

    render(<PersonEditor person={provider} data={data} act={act} announce={() => {}} version={0} onClose={() => {}} />);
    const form = await screen.findByRole("form", { name: "Discipline" }, wait);
    const select = screen.getByLabelText(/The services this provider gives/) as HTMLSelectElement;
    expect(form.contains(select)).toBe(true);
    expect(select.value).toBe("");
    const options = [...select.options].map((o) => o.textContent);
    expect(options).toContain("Speech-language pathology");
    expect(options).toContain("Occupational therapy");
    expect(options).not.toContain("Specialized academic instruction");
    fireEvent.change(select, { target: { value: "occupational-therapy" } });
    fireEvent.click(screen.getByRole("button", { name: "Save the discipline" }));
    await waitFor(() =>
      expect(calls.find((c) => c.method === "PUT")).toEqual({
        method: "PUT",
        path: `/api/people/${person.id}/discipline`,
        body: { discipline: "occupational-therapy" },
      }),
    );
    expect(act.mock.calls[0]?.[1]).toBe("The discipline of Robin Diaz is saved: Occupational therapy.");
  });
});
