import type { Communication } from "@lantern/core";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CommunicationLogSection } from "./communication-log-section.tsx";

const STUDENT = "33333333-3333-4333-8333-333333333333";

const ENTRY: Communication = {
  id: "e1",
  studentId: STUDENT,
  occurredOn: "2026-11-02",
  mode: "phone",
  withWhom: "Ms. Lee, case manager",
  summary: "Asked about the reading goal",
  loggedBy: "Ana Rivera",
  loggedAt: "2026-11-02T15:00:00.000Z",
};

/** Plays the server: the log as it stands, and each write answered in turn from `answers`. */
function serve(answers: Array<{ status: number; body: unknown }>) {
  const items: Communication[] = [];
  const sent: unknown[] = [];
  vi.stubGlobal("fetch", async (_input: RequestInfo | URL, init?: RequestInit) => {
    const json = (status: number, body: unknown) =>
      new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
    if ((init?.method ?? "GET") === "GET") return json(200, { items });
    sent.push(JSON.parse(String(init?.body ?? "null")));
    const answer = answers.shift() ?? { status: 500, body: { error: "Error", message: "No answer" } };
    if (answer.status === 201) items.unshift(answer.body as Communication);
    return json(answer.status, answer.body);
  });
  return sent;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("the communication log", () => {
  it("shows the server's problem under its field, then adds the entry and empties the form", async () => {
    const sent = serve([
      {
        status: 400,
        body: {
          error: "Bad Request",
          message: "Check the entry",
          issues: [{ path: "/withWhom", message: "Say who you spoke or wrote with" }],
        },
      },
      { status: 201, body: ENTRY },
    ]);
    const onChange = vi.fn();
    const user = userEvent.setup();
    render(<CommunicationLogSection studentId={STUDENT} canWrite onChange={onChange} />);
    await screen.findByText("Nothing written yet.");

    await user.type(screen.getByLabelText(/^Day it happened/), "2026-11-02");
    await user.type(screen.getByLabelText(/^What was said or asked/), "Asked about the reading goal");
    await user.click(screen.getByRole("button", { name: "Add to the log" }));
    expect(await screen.findByText("Say who you spoke or wrote with")).toBeTruthy();
    expect(screen.getByLabelText(/^Who you spoke or wrote with/).getAttribute("aria-invalid")).toBe("true");
    expect(onChange).not.toHaveBeenCalled();

    await user.type(screen.getByLabelText(/^Who you spoke or wrote with/), "Ms. Lee, case manager");
    await user.click(screen.getByRole("button", { name: "Add to the log" }));
    expect(await screen.findByText("Added to the communication log.")).toBeTruthy();
    const table = await screen.findByRole("table", { name: "Communication log, newest first" });
    expect(await within(table).findByText("Ms. Lee, case manager")).toBeTruthy();
    expect(screen.queryByText("Say who you spoke or wrote with")).toBeNull();
    expect((screen.getByLabelText(/^Who you spoke or wrote with/) as HTMLInputElement).value).toBe("");
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(sent).toEqual([
      { occurredOn: "2026-11-02", mode: "phone", withWhom: "", summary: "Asked about the reading goal" },
      {
        occurredOn: "2026-11-02",
        mode: "phone",
        withWhom: "Ms. Lee, case manager",
        summary: "Asked about the reading goal",
      },
    ]);
  });

  it("says why the log could not load", async () => {
    vi.stubGlobal(
      "fetch",
      async () =>
        new Response(JSON.stringify({ error: "Forbidden", message: "You may not see this log" }), {
          status: 403,
          headers: { "content-type": "application/json" },
        }),
    );
    render(<CommunicationLogSection studentId={STUDENT} canWrite={false} onChange={() => {}} />);
    expect(await screen.findByRole("alert")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Add to the log" })).toBeNull();
  });
});
