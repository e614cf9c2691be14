import { ROSTER_COLUMNS, type RosterImportResult, type RosterProblemsResponse } from "@lantern/core";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { COLUMN_ROWS, RosterImport } from "./roster-page.tsx";

type Sent = { url: string; body: string; contentType: string };

/** Plays the server: answers the roster POST with a fixed status and body. */
function serve(status: number, body: unknown): Sent[] {
  const sent: Sent[] = [];
  vi.stubGlobal("fetch", async (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = (init?.headers ?? {}) as Record<string, string>;
    const payload = init?.body instanceof Blob ? await init.body.text() : String(init?.body ?? "");
    sent.push({ url: String(input), body: payload, contentType: headers["content-type"] ?? "" });
    return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
  });
  return sent;
}

const csv = () =>
  new File(
    ["sis_id,first_name,last_name,date_of_birth,grade,school\nS1,Wren,Abernathy,2016-02-30,4,Northside\n"],
    "roster.csv",
    {
      type: "text/csv",
    },
  );

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("roster import page", () => {
  it("describes every column the roster schema knows", () => {
    expect(COLUMN_ROWS.flatMap((r) => r.columns).sort()).toEqual([...ROSTER_COLUMNS].sort());
    render(<RosterImport />);
    const table = screen.getByRole("table", { name: "Columns of the roster file" });
    expect(within(table).getByRole("rowheader", { name: "sis_id" })).toBeTruthy();
  });

  it("asks for a file before checking", async () => {
    const user = userEvent.setup();
    render(<RosterImport />);
    await user.click(screen.getByRole("button", { name: "Check the file" }));
    const input = screen.getByLabelText(/Roster file/);
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByText("Choose a CSV file first.")).toBeTruthy();
    expect(document.activeElement).toBe(input);
  });

  it("lists the problems of a checked file in a table the file input points to, and announces them", async () => {
    const sent = serve(400, {
      error: "Bad Request",
      message: "The file has a problem; nothing was saved",
      problemCount: 1,
      problems: [{ line: 2, column: "date_of_birth", message: "Write the date of birth as YYYY-MM-DD" }],
    } satisfies RosterProblemsResponse);
    const user = userEvent.setup();
    render(<RosterImport />);
    const input = screen.getByLabelText(/Roster file/) as HTMLInputElement;
    await user.upload(input, csv());
    await user.click(screen.getByRole("button", { name: "Check the file" }));
    const table = await screen.findByRole("table", { name: "Problems by line and column" });
    expect(sent[0]?.url).toBe("/api/district/roster?dryRun=true&inviteGuardians=true");
    expect(sent[0]?.contentType).toBe("text/csv");
    expect(sent[0]?.body).toContain("S1,Wren");
    const row = within(table).getByRole("row", { name: /2 date_of_birth Write the date/ });
    expect(row).toBeTruthy();
    expect(input.getAttribute("aria-invalid")).toBe("true");
    const describedBy = (input.getAttribute("aria-describedby") ?? "").split(" ");
    expect(describedBy).toContain("roster-problems");
    expect(document.getElementById("roster-problems")?.contains(table)).toBe(true);
    expect(screen.getByRole("status").textContent).toBe(
      "The file has 1 problem. Nothing was saved. It is listed below the buttons.",
    );
  });

  it("imports and says what changed", async () => {
    const sent = serve(200, {
      dryRun: false,
      rows: 4,
      created: 3,
      updated: 1,
      unchanged: 0,
      schools: 1,
      guardians: 5,
      invitations: 0,
      pendingGuardianLinks: 0,
      seconds: 0.2,
      ignoredColumns: ["ethnicity"],
    } satisfies RosterImportResult);
    const user = userEvent.setup();
    render(<RosterImport />);
    await user.upload(screen.getByLabelText(/Roster file/), csv());
    await user.click(screen.getByRole("button", { name: "Import" }));
    expect(await screen.findByRole("heading", { name: "The roster is imported" })).toBeTruthy();
    expect(sent[0]?.url).toBe("/api/district/roster?inviteGuardians=true");
    expect(screen.getByRole("status").textContent).toBe(
      "Imported: 3 students added, 1 student updated, 0 students unchanged.",
    );
    expect(screen.getByText("1 school added")).toBeTruthy();
    expect(screen.getByText("These columns were ignored and not stored: ethnicity.")).toBeTruthy();
  });
});
