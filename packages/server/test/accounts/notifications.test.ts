/**
 * Notifications through the real HTTP app on PGlite and PostgreSQL: a scheduled meeting reaches
 * the family and the caseload in the inbox and by email with a calendar invitation; a proposal
 * tells the guardian it waits for them, with a link; an advocate hears when access is given or
 * ended; someone who chose in-app only gets no email.
 */
import type { InboxResponse } from "@lantern/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type Client, type TestApp } from "../helpers/build-app.ts";
import { DATABASE_KINDS } from "../helpers/test-database.ts";

describe.each(DATABASE_KINDS)("notifications on %s", (kind) => {
  let t: TestApp;
  let cm: Client;
  let parent: Client;

  beforeAll(async () => {
    t = await buildTestApp(kind);
    cm = await t.signIn("casemanager@maplevalley.example");
    parent = await t.signIn("parent.rivera@family.example");
  });
  afterAll(async () => {
    await t?.close();
  });

  const mailTo = (to: string, kindOf: string) =>
    t.db
      .selectFrom("mail_outbox")
      .selectAll()
      .where("to_address", "=", to)
      .where("kind", "=", kindOf)
      .orderBy("created_at", "desc")
      .execute();

  it("tells the family and the team of a meeting, with a calendar invitation, and the guardian of a proposal", async () => {
    const studentId = t.ids?.students.get("Mateo Rivera") as string;
    const plans = (await cm.get(`/api/students/${studentId}/plans`)).json() as { items: Array<{ id: string }> };
    const base = `/api/students/${studentId}/plans/${plans.items[0]?.id}`;
    const page = `/students/${studentId}/plans/${plans.items[0]?.id}`;
    const review = await cm.send("POST", `${base}/amend`, { kind: "annual-review" });
    expect(review.statusCode, review.body).toBe(200);
    const draft = review.json() as { version: { revision: number; content: Record<string, unknown> } };
    const content = {
      ...draft.version.content,
      priorWrittenNotice: { ...(draft.version.content.priorWrittenNotice as object), date: "2026-11-23" },
    };
    expect((await cm.send("PUT", `${base}/draft`, { revision: draft.version.revision, content })).statusCode).toBe(200);
    const meeting = await cm.send("POST", `${base}/meetings`, {
      scheduledAt: "2026-12-01T15:30:00-08:00",
      location: "Room 12",
      purpose: "Annual IEP review",
      meetingType: "annual",
    });
    expect(meeting.statusCode, meeting.body).toBe(200);
    const [invite] = await mailTo("parent.rivera@family.example", "meeting-scheduled");
    expect(invite?.subject).toMatch(/^Meeting about Mateo.s IEP: Dec 1, 2026.*3:30\s?PM$/);
    expect(invite?.text_body).toContain(`http://localhost:3000${page}`);
    const ics = invite?.attachments[0];
    expect(ics?.filename).toBe("meeting.ics");
    expect(ics?.content).toContain("METHOD:REQUEST");
    expect(ics?.content).toContain("DTSTART:20261201T233000Z");
    expect(ics?.content).toContain("LOCATION:Room 12");
    // The case manager who scheduled it is not told; the speech-language pathologist on the caseload is.
    expect(await mailTo("casemanager@maplevalley.example", "meeting-scheduled")).toHaveLength(0);
    expect(await mailTo("slp@maplevalley.example", "meeting-scheduled")).toHaveLength(1);

    const proposed = await cm.send("POST", `${base}/propose`, {});
    expect(proposed.statusCode, proposed.body).toBe(200);
    const inbox = (await parent.get("/api/inbox")).json() as InboxResponse;
    expect(inbox.notifications.map((n) => n.title)).toEqual(
      expect.arrayContaining(["Mateo's IEP waits for you", expect.stringMatching(/^Meeting about Mateo's IEP/)]),
    );
    // The demo district already has Paloma's proposal waiting for her; this one is Mateo's.
    const waits = inbox.notifications.find((n) => n.kind === "plan-waits-for-family" && n.link === page);
    expect(waits?.title).toBe("Mateo's IEP waits for you");
    expect(waits?.read).toBe(false);
    const waitsMail = await mailTo("parent.rivera@family.example", "plan-waits-for-family");
    expect(waitsMail.filter((m) => m.text_body.includes(page))).toHaveLength(1);
    expect((await parent.send("POST", `/api/inbox/notifications/${waits?.id}/read`)).statusCode).toBe(204);
    const after = (await parent.get("/api/inbox")).json() as InboxResponse;
    expect(after.notifications.find((n) => n.id === waits?.id)?.read).toBe(true);
    // Nobody else marks Ana's message read.
    expect((await cm.send("POST", `/api/inbox/notifications/${waits?.id}/read`)).statusCode).toBe(404);
  });

  it("tells an advocate when access is given or ended, by email only if they want it", async () => {
    const studentId = t.ids?.students.get("Mateo Rivera") as string;
    const advocate = await t.signIn("advocate@advocacy.example");
    expect((await advocate.send("PUT", "/api/inbox/preferences", { emailNotifications: false })).statusCode).toBe(204);
    expect(((await advocate.get("/api/inbox")).json() as InboxResponse).emailNotifications).toBe(false);
    const links = (await parent.get(`/api/students/${studentId}/advocates`)).json() as {
      items: Array<{ advocateId: string }>;
    };
    const advocateId = links.items[0]?.advocateId as string;
    expect((await parent.send("DELETE", `/api/students/${studentId}/advocates/${advocateId}`)).statusCode).toBeLessThan(
      300,
    );
    const inbox = (await advocate.get("/api/inbox")).json() as InboxResponse;
    expect(inbox.notifications[0]?.title).toBe("You can no longer see Mateo's record");
    expect(await mailTo("advocate@advocacy.example", "advocate-unlinked")).toHaveLength(0);
    expect((await advocate.send("PUT", "/api/inbox/preferences", { emailNotifications: true })).statusCode).toBe(204);
    const relink = await parent.send("POST", `/api/students/${studentId}/advocates`, {
      advocateEmail: "advocate@advocacy.example",
    });
    expect(relink.statusCode, relink.body).toBeLessThan(300);
    expect(((await advocate.get("/api/inbox")).json() as InboxResponse).notifications[0]?.title).toBe(
      "You can now see Mateo's record",
    );
    expect(await mailTo("advocate@advocacy.example", "advocate-linked")).toHaveLength(1);
  });
});
