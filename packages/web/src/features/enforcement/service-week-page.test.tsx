import type { CaseloadWeek } from "@lantern/core";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { mondayOf, WeekGrid } from "./service-week-page.tsx";

const week = {
  weekOf: "2026-09-14",
  discipline: null,
  days: ["2026-09-14", "2026-09-15", "2026-09-16", "2026-09-17", "2026-09-18", "2026-09-19", "2026-09-20"],
  schoolDays: ["2026-09-14", "2026-09-15", "2026-09-16"],
  students: [
    {
      studentId: "7d4a3c1e-5b2f-4e8a-9c1d-2f3e4a5b6c7d",
      name: "Robin Example",
      services: [
        {
          serviceId: "svc-speech",
          area: "speech-language-pathology",
          minutesPerSession: 30,
          frequency: { times: 2, per: "week" },
          delivery: "individual",
          providerRole: "Speech-language pathologist",
          yours: true,
        },
      ],
      sessions: [
        {
          id: "s1",
          studentId: "7d4a3c1e-5b2f-4e8a-9c1d-2f3e4a5b6c7d",
          serviceId: "svc-speech",
          date: "2026-09-15",
          minutes: 25,
          delivery: "group",
          status: "provider-absent",
          providerId: "p1",
          providerName: "Provider",
          slot: 1,
        },
      ],
    },
  ],
} satisfies CaseloadWeek;

describe("week logging grid", () => {
  it("labels every cell with student, service and day, and shows what was logged", () => {
    render(<WeekGrid week={week} />);
    const tuesday = screen.getByRole("combobox", {
      name: /Robin Example, Speech-language pathology, Tuesday .*: what happened/,
    });
    expect((tuesday as HTMLSelectElement).value).toBe("provider-absent");
    expect((screen.getByRole("combobox", { name: /group or individual/ }) as HTMLSelectElement).value).toBe("group");
    // Only school days get columns.
    expect(screen.getAllByRole("combobox", { name: /what happened/ })).toHaveLength(3);
  });

  it("moves by Tab from day to day and fills in the plan's minutes when a status is chosen", async () => {
    const user = userEvent.setup();
    render(<WeekGrid week={week} />);
    const monday = screen.getByRole("combobox", { name: /Monday .*: what happened/ });
    const mondayMinutes = screen.getByRole("spinbutton", { name: /Monday .*: minutes/ });
    expect((mondayMinutes as HTMLInputElement).disabled).toBe(true);
    await user.selectOptions(monday, "delivered");
    expect((mondayMinutes as HTMLInputElement).value).toBe("30");
    expect(document.activeElement).toBe(monday);
    await user.tab();
    expect(document.activeElement).toBe(mondayMinutes);
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole("combobox", { name: /Tuesday .*: what happened/ }));
  });

  it("offers the provider's own services first and the others apart, under a labelled group", () => {
    const [student] = week.students;
    if (!student) throw new Error("fixture");
    const sai = {
      serviceId: "svc-sai",
      area: "specialized-academic-instruction",
      minutesPerSession: 45,
      frequency: { times: 3, per: "week" as const },
      delivery: "group",
      providerRole: "Special education teacher",
      yours: false,
    };
    render(<WeekGrid week={{ ...week, students: [{ ...student, services: [sai, ...student.services] }] }} />);
    const rowHeaders = screen.getAllByRole("rowheader").map((h) => h.textContent ?? "");
    expect(rowHeaders[0]).toMatch(/Speech-language pathology/);
    const group = screen.getByRole("columnheader", { name: "Other services on your students' plans" });
    expect(group.getAttribute("scope")).toBe("colgroup");
    expect(rowHeaders[1]).toMatch(/Specialized academic instruction/i);
  });

  it("names the provider's discipline from their account, or says how their services are chosen without it", () => {
    const { unmount } = render(<WeekGrid week={{ ...week, discipline: "speech-language-pathology" }} />);
    expect(screen.getByText("Your discipline: Speech-language pathology. Its services come first.")).toBeTruthy();
    unmount();
    render(<WeekGrid week={week} />);
    expect(screen.getByText(/Your account does not name your discipline/)).toBeTruthy();
  });

  it("finds the Monday of any date", () => {
    expect(mondayOf("2026-09-17")).toBe("2026-09-14");
    expect(mondayOf("2026-09-14")).toBe("2026-09-14");
    expect(mondayOf("2026-09-20")).toBe("2026-09-14");
  });
});
