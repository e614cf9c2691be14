/**
 * The mail outbox against a real SMTP server started by the test (smtp-server), on PGlite and
 * PostgreSQL: a queued message arrives with its recipient, subject, link and attachment; a server
 * that refuses leaves it queued with the reason and a later attempt, and it is sent once the
 * server accepts; a server that is down loses nothing; district administrators read their own
 * district's queue, nobody else does.
 */
import type { MailOutboxResponse } from "@lantern/core";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drainOutbox, retryDelaySeconds, smtpTransport } from "../../src/mail/mail-worker.ts";
import { createMailRepository } from "../../src/repositories/mail-repository.ts";
import { buildTestApp, type TestApp } from "../helpers/build-app.ts";
import { FACTORY_PASSWORD } from "../helpers/factories.ts";
import { type Received, startSmtp, unfold } from "../helpers/smtp-server.ts";
import { DATABASE_KINDS } from "../helpers/test-database.ts";

describe.each(DATABASE_KINDS)("mail outbox on %s", (kind) => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let districtId: string;

  beforeAll(async () => {
    t = await buildTestApp(kind, { seed: false });
    smtp = await startSmtp();
    districtId = (await t.make.district()).id;
  });
  afterAll(async () => {
    await smtp?.close();
    await t?.close();
  });

  const due = async (id: string) => {
    // Make a message due now (the test does not wait out the backoff).
    await sql`update mail_outbox set next_attempt_at = now() - interval '1 second' where id = ${id}`.execute(t.db);
  };
  const row = (id: string) => t.db.selectFrom("mail_outbox").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

  it("delivers a queued message with its recipient, subject, link and attachment", async () => {
    const mail = createMailRepository(t.db);
    const id = await mail.enqueue({
      districtId,
      kind: "invitation",
      to: "new.case.manager@test.example",
      subject: "You are invited to Lantern",
      text: "Set your password: http://lantern.test/set-password?token=abc123def456",
      attachments: [
        { filename: "meeting.ics", contentType: "text/calendar", content: "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n" },
      ],
    });
    const transport = smtpTransport({ smtpUrl: smtp.url, from: "Lantern <lantern@test.example>" });
    const result = await drainOutbox(mail, transport, { from: "Lantern <lantern@test.example>" });
    expect(result).toEqual({ sent: 1, failed: 0 });
    const message = smtp.received.at(-1) as Received;
    expect(message.to).toEqual(["new.case.manager@test.example"]);
    expect(message.from).toBe("lantern@test.example");
    expect(message.raw).toContain("Subject: You are invited to Lantern");
    expect(unfold(message.raw)).toContain("http://lantern.test/set-password?token=abc123def456");
    expect(message.raw).toContain("filename=meeting.ics");
    const stored = await row(id);
    expect(stored.sent_at).not.toBeNull();
    expect(stored.attempts).toBe(1);
    // Sent once: another pass sends nothing.
    expect(await drainOutbox(mail, transport, { from: "lantern@test.example" })).toEqual({ sent: 0, failed: 0 });
    expect(smtp.received.filter((m) => m.to[0] === "new.case.manager@test.example")).toHaveLength(1);
  });

  it("leaves a refused message queued, waits longer after each failure, and sends it once accepted", async () => {
    const mail = createMailRepository(t.db);
    const id = await mail.enqueue({
      districtId,
      kind: "password-reset",
      to: "refused@test.example",
      subject: "Reset your Lantern password",
      text: "Reset: http://lantern.test/set-password?token=zzz",
    });
    const transport = smtpTransport({ smtpUrl: smtp.url, from: "lantern@test.example" });
    smtp.refuse = true;
    expect(await drainOutbox(mail, transport, { from: "lantern@test.example" })).toEqual({ sent: 0, failed: 1 });
    let stored = await row(id);
    expect(stored.sent_at).toBeNull();
    expect(stored.attempts).toBe(1);
    expect(stored.last_error).toContain("451");
    expect(stored.last_error).not.toContain("refused@test.example");
    const wait1 = (new Date(stored.next_attempt_at).getTime() - Date.now()) / 1000;
    expect(wait1).toBeGreaterThan(50);
    expect(wait1).toBeLessThanOrEqual(61);
    // Not due yet: the next pass leaves it alone.
    expect(await drainOutbox(mail, transport, { from: "lantern@test.example" })).toEqual({ sent: 0, failed: 0 });
    await due(id);
    expect(await drainOutbox(mail, transport, { from: "lantern@test.example" })).toEqual({ sent: 0, failed: 1 });
    stored = await row(id);
    expect(stored.attempts).toBe(2);
    expect((new Date(stored.next_attempt_at).getTime() - Date.now()) / 1000).toBeGreaterThan(110);
    smtp.refuse = false;
    await due(id);
    expect(await drainOutbox(mail, transport, { from: "lantern@test.example" })).toEqual({ sent: 1, failed: 0 });
    stored = await row(id);
    expect(stored.sent_at).not.toBeNull();
    expect(stored.attempts).toBe(3);
    expect(smtp.received.at(-1)?.to).toEqual(["refused@test.example"]);
  });

  it("keeps mail when the server is down, and waits at most an hour between attempts", async () => {
    const mail = createMailRepository(t.db);
    const id = await mail.enqueue({ districtId, kind: "invitation", to: "down@test.example", subject: "s", text: "t" });
    const down = smtpTransport({ smtpUrl: "smtp://127.0.0.1:1", from: "lantern@test.example" });
    expect(await drainOutbox(mail, down, { from: "lantern@test.example" })).toEqual({ sent: 0, failed: 1 });
    const stored = await row(id);
    expect(stored.sent_at).toBeNull();
    expect(stored.last_error).toMatch(/^ECONNECTION|^ESOCKET/);
    expect(retryDelaySeconds(30)).toBe(3600);
    expect(retryDelaySeconds(3)).toBe(240);
  });

  it("shows the district's queue to its administrators only", async () => {
    const admin = await t.make.staff({ districtId, role: "district-admin" });
    const other = await t.make.staff({ districtId: (await t.make.district()).id, role: "district-admin" });
    const teacher = await t.make.staff({ districtId, role: "teacher" });
    const res = await (await t.signIn(admin.email, FACTORY_PASSWORD)).get("/api/district/mail-outbox");
    expect(res.statusCode).toBe(200);
    const body = res.json() as MailOutboxResponse;
    expect(body.sending).toBe(false);
    expect(body.messages.map((m) => m.to)).toEqual(
      expect.arrayContaining(["new.case.manager@test.example", "refused@test.example", "down@test.example"]),
    );
    const waiting = body.messages.find((m) => m.to === "down@test.example");
    expect(waiting?.sentAt).toBeNull();
    expect(waiting?.text).toBe("t");
    const others = (await (await t.signIn(other.email, FACTORY_PASSWORD)).get("/api/district/mail-outbox")).json();
    expect(others.messages).toEqual([]);
    expect((await (await t.signIn(teacher.email, FACTORY_PASSWORD)).get("/api/district/mail-outbox")).statusCode).toBe(
      403,
    );
    expect((await (await t.anonymous()).get("/api/district/mail-outbox")).statusCode).toBe(401);
  });
});
