/**
 * Notifications through the real app on PGlite and PostgreSQL, delivered by the mail worker to a
 * real SMTP server started by the test: a guardian whose language is Spanish receives the "plan
 * waits for you" and meeting messages in Spanish (inbox and email, with the link); a records
 * request tells the case manager; the daily digest of deadlines and services behind schedule goes
 * out once a day per district (a second run the same day sends nothing), respects each person's
 * email-or-in-app choice, and reports a service when it falls behind, not every day it stays behind.
 */
import { addDays, type Clock, type InboxResponse, type IsoDate } from "@lantern/core";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drainOutbox, smtpTransport } from "../../src/mail/mail-worker.ts";
import { createMailRepository } from "../../src/repositories/mail-repository.ts";
import { sendDailyNotifications } from "../../src/use-cases/inbox/daily-notifications.ts";
import { buildTestApp, type Client, type TestApp } from "../helpers/build-app.ts";
import { bodyText, header, type Received, startSmtp } from "../helpers/smtp-server.ts";
import { DATABASE_KINDS, TEST_TODAY } from "../helpers/test-database.ts";

const FROM = "Lantern <lantern@test.example>";

describe.each(DATABASE_KINDS)("notification events on %s", (kind) => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let cm: Client;
  let parent: Client;
  let day: IsoDate = TEST_TODAY;
  const clock: Clock = { now: () => new Date(`${day}T12:00:00Z`), today: () => day };

  beforeAll(async () => {
    t = await buildTestApp(kind, { clock });
    smtp = await startSmtp();
    await t.db
      .updateTable("people")
      .set({ preferred_language: "es" })
      .where("email", "=", "parent.rivera@family.example")
      .execute();
    cm = await t.signIn("casemanager@maplevalley.example");
    parent = await t.signIn("parent.rivera@family.example");
  });
  afterAll(async () => {
    await smtp?.close();
    await t?.close();
  });

  /** Send everything queued through the SMTP server; answers what arrived for `to`. */
  async function deliver(to: string): Promise<Received[]> {
    const mail = createMailRepository(t.db);
    const transport = smtpTransport({ smtpUrl: smtp.url, from: FROM });
    for (let pass = 0; pass < 20; pass++) {
      const { sent, failed } = await drainOutbox(mail, transport, { from: FROM });
      expect(failed).toBe(0);
      if (sent === 0) break;
    }
    return smtp.received.filter((m) => m.to.includes(to));
  }
  const kinds = async (email: string, kindOf: string) =>
    (
      await sql<{ n: number }>`select count(*)::int as n from notifications n join people p on p.id = n.person_id
        where p.email = ${email} and n.kind = ${kindOf}`.execute(t.db)
    ).rows[0]?.n ?? 0;

  it("writes to a guardian whose language is Spanish in Spanish, in the inbox and by email, with the link", async () => {
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
    expect((await cm.send("POST", `${base}/propose`, {})).statusCode).toBe(200);

    const inbox = (await parent.get("/api/inbox")).json() as InboxResponse;
    const waits = inbox.notifications.find((n) => n.kind === "plan-waits-for-family");
    expect(waits?.title).toBe("El IEP de Mateo espera su respuesta");
    expect(waits?.link).toBe(page);
    const received = await deliver("parent.rivera@family.example");
    const subjects = received.map((m) => header(m.raw, "Subject"));
    expect(subjects).toContain("El IEP de Mateo espera su respuesta");
    expect(subjects).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Reunión sobre el IEP de Mateo: 1 dic 2026/)]),
    );
    const waitsMail = received.find((m) => header(m.raw, "Subject").startsWith("El IEP"));
    const text = bodyText(waitsMail?.raw ?? "");
    expect(text).toContain("Nada entra en vigor sin usted.");
    expect(text).toContain(`Ábralo en Lantern: http://localhost:3000${page}`);
    expect(text).toContain("http://localhost:3000/inbox");
    // Staff on the caseload read the same meeting in English.
    const slp = await deliver("slp@maplevalley.example");
    expect(slp.map((m) => header(m.raw, "Subject"))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Meeting about Mateo's IEP: Dec 1, 2026/)]),
    );
  });

  it("tells the case manager when a family asks for the records, and not the family", async () => {
    const studentId = t.ids?.students.get("Mateo Rivera") as string;
    const asked = await parent.send("POST", `/api/students/${studentId}/records-requests`, { channel: "app" });
    expect(asked.statusCode, asked.body).toBeLessThan(300);
    const inbox = (await cm.get("/api/inbox")).json() as InboxResponse;
    const arrived = inbox.notifications.find((n) => n.kind === "records-request-arrived");
    expect(arrived?.title).toBe("A records request for Mateo R.");
    expect(arrived?.link).toBe(`/students/${studentId}/case-file`);
    expect(arrived?.body).toMatch(/due by [A-Z][a-z]+ \d+, 2026/);
    expect(await kinds("parent.rivera@family.example", "records-request-arrived")).toBe(0);
    const mail = await deliver("casemanager@maplevalley.example");
    expect(mail.map((m) => header(m.raw, "Subject"))).toContain("A records request for Mateo R.");
  });

  it("sends the daily digest once a day, by email only to those who want it, and each service once when it falls behind", async () => {
    const districtId = t.ids?.districtId as string;
    // The last digest went out long ago: every deadline overdue or due soon now counts as new.
    await sql`insert into notification_digests (district_id, day) values (${districtId}, '2026-01-05')`.execute(t.db);
    await t.db
      .updateTable("people")
      .set({ email_notifications: false })
      .where("email", "=", "slp@maplevalley.example")
      .execute();
    const first = await sendDailyNotifications(t.app.deps, { districtId });
    // The demo district: the case manager's caseload has deadlines overdue or due soon, and services
    // behind schedule that the case manager and the speech-language pathologist share.
    expect(first).toEqual({ day, sent: true, deadlineDigests: 1, serviceMessages: 2 });
    expect(await kinds("casemanager@maplevalley.example", "deadlines-digest")).toBe(1);
    const inbox = (await cm.get("/api/inbox")).json() as InboxResponse;
    const digest = inbox.notifications.find((n) => n.kind === "deadlines-digest");
    expect(digest?.title).toMatch(/^Deadlines: \d+ new today \(\d+ overdue, \d+ due soon in all\)$/);
    expect(digest?.body).toMatch(/^- [A-Z][a-z]+ [A-Z]\.: .+, (overdue since|due) [A-Z][a-z]{2} \d+, \d{4}$/m);
    expect(digest?.link).toBe("/compliance");
    const mail = await deliver("casemanager@maplevalley.example");
    expect(mail.map((m) => header(m.raw, "Subject"))).toContain(digest?.title);
    expect(await kinds("casemanager@maplevalley.example", "services-behind")).toBe(1);
    const slpBehind = await kinds("slp@maplevalley.example", "services-behind");
    expect(slpBehind).toBe(1);
    // The provider chose in-app only: no email for the digest messages.
    const slpMail = await sql<{ n: number }>`select count(*)::int as n from mail_outbox
      where to_address = 'slp@maplevalley.example' and kind in ('services-behind', 'deadlines-digest')`.execute(t.db);
    expect(slpMail.rows[0]?.n).toBe(0);

    // A second run the same day sends nothing.
    const before = await sql<{ n: number }>`select count(*)::int as n from notifications`.execute(t.db);
    const again = await sendDailyNotifications(t.app.deps, { districtId });
    expect(again).toEqual({ day, sent: false, deadlineDigests: 0, serviceMessages: 0 });
    const after = await sql<{ n: number }>`select count(*)::int as n from notifications`.execute(t.db);
    expect(after.rows[0]?.n).toBe(before.rows[0]?.n);

    // The next day: services still behind are not reported again.
    day = addDays(day, 1);
    const next = await sendDailyNotifications(t.app.deps, { districtId });
    expect(next.sent).toBe(true);
    expect(next.serviceMessages).toBe(0);
    expect(await kinds("slp@maplevalley.example", "services-behind")).toBe(slpBehind);
    day = TEST_TODAY;
  });

  it("tells an advocate whose language is Spanish in Spanish when a parent ends the access", async () => {
    const studentId = t.ids?.students.get("Mateo Rivera") as string;
    await t.db
      .updateTable("people")
      .set({ preferred_language: "es-MX" })
      .where("email", "=", "advocate@advocacy.example")
      .execute();
    const links = (await parent.get(`/api/students/${studentId}/advocates`)).json() as {
      items: Array<{ advocateId: string }>;
    };
    const ended = await parent.send("DELETE", `/api/students/${studentId}/advocates/${links.items[0]?.advocateId}`);
    expect(ended.statusCode).toBeLessThan(300);
    const mail = await deliver("advocate@advocacy.example");
    expect(mail.map((m) => header(m.raw, "Subject"))).toContain("Ya no puede ver el expediente de Mateo");
  });
});
