import {
  KEPT_WITH_RECORD_LABELS,
  type OfferedForDestructionList,
  RETENTION_RECORD_TYPE_LABELS,
  RETENTION_RECORD_TYPES,
  type RetentionSchedule,
} from "@lantern/core";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { OfferedSection, ScheduleForm } from "./retention-page.tsx";

const STUDENT = "00000000-0000-4000-8000-0000000000c1";

/** Plays the server: answers each GET by path, and records what was sent. */
function serve(replies: Record<string, unknown>): Array<{ method: string; url: string }> {
  const sent: Array<{ method: string; url: string }> = [];
  vi.stubGlobal("fetch", async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    sent.push({ method: init?.method ?? "GET", url });
    const key = Object.keys(replies).find((k) => url.startsWith(k));
    return new Response(JSON.stringify(key ? replies[key] : {}), {
      status: 200,
      headers: { "content-type": "application/json" },
    });
  });
  return sent;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

// jsdom has <dialog> without its modal methods.
HTMLDialogElement.prototype.showModal ??= function showModal(this: HTMLDialogElement) {
  this.setAttribute("open", "");
};
HTMLDialogElement.prototype.close ??= function close(this: HTMLDialogElement) {
  this.removeAttribute("open");
};

describe("the district's retention page", () => {
  it("lists every kind of record with its period and what starts it, and those kept with the record", async () => {
    const schedule: RetentionSchedule = {
      entries: [
        { recordType: "plans", years: 7 },
        { recordType: "meetings", years: 5 },
      ],
      minimumYears: 3,
      minimumCitation: "Cal. Code Regs. tit. 5, § 16027",
      permanent: ["grades"],
      keptWithRecord: ["record-of-access", "records-requests", "audit-trail"],
    };
    serve({ "/api/district/retention-schedule": schedule });
    render(<ScheduleForm />);
    for (const type of RETENTION_RECORD_TYPES) {
      expect(await screen.findByLabelText(`${RETENTION_RECORD_TYPE_LABELS[type]}: years kept`)).toBeTruthy();
    }
    const plans = screen.getByLabelText(`${RETENTION_RECORD_TYPE_LABELS.plans}: years kept`) as HTMLInputElement;
    expect(plans.value).toBe("7");
    expect(
      (screen.getByLabelText(`${RETENTION_RECORD_TYPE_LABELS["navigator-results"]}: years kept`) as HTMLInputElement)
        .value,
    ).toBe("");
    expect(screen.getByText(/Counted from the day the plan ended/)).toBeTruthy();
    expect(screen.getByText(new RegExp(KEPT_WITH_RECORD_LABELS["records-requests"]))).toBeTruthy();
  });

  it("offers the new kinds for destruction and warns that a plan goes with its sealed versions and signatures", async () => {
    const offered: OfferedForDestructionList = {
      items: [
        {
          studentId: STUDENT,
          studentName: "Mateo Rivera",
          recordType: "plans",
          before: "2021-11-23",
          records: 1,
          oldest: "2019-06-01",
          noticedAt: "2026-11-20T10:00:00.000Z",
        },
        {
          studentId: STUDENT,
          studentName: "Mateo Rivera",
          recordType: "navigator-results",
          before: "2021-11-23",
          records: 2,
          oldest: "2019-03-01",
          noticedAt: null,
        },
      ],
      nextOffset: null,
    };
    const sent = serve({ "/api/district/records-offered-for-destruction": offered });
    const user = userEvent.setup();
    render(<OfferedSection />);
    const table = await screen.findByRole("table", { name: "Records past the schedule, by student and kind" });
    expect(within(table).getByText(RETENTION_RECORD_TYPE_LABELS.plans)).toBeTruthy();
    expect(
      within(table).getByRole("button", {
        name: `Tell the family about Mateo Rivera's ${RETENTION_RECORD_TYPE_LABELS["navigator-results"]}`,
      }),
    ).toBeTruthy();
    await user.click(
      within(table).getByRole("button", { name: `Destroy Mateo Rivera's ${RETENTION_RECORD_TYPE_LABELS.plans}` }),
    );
    const dialog = await screen.findByRole("dialog");
    expect(within(dialog).getByText(/sealed version's fingerprint \(SHA-256\)/)).toBeTruthy();
    await user.click(within(dialog).getByRole("button", { name: "Destroy the records" }));
    expect(sent.some((s) => s.method === "POST" && s.url.endsWith("/destructions"))).toBe(true);
  });
});
