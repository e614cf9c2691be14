/**
 * The mail outbox (migration 0040; decision 0009). A use case queues a message in its own
 * transaction; the mail worker claims due messages, sends them and marks each sent, or leaves it
 * queued with the next attempt later. Claiming moves the next attempt past a lease, so two server
 * processes never send one message at the same time, and a process that dies mid-send only
 * delays it.
 */
import { type Kysely, sql } from "kysely";
import type { Database, MailAttachment } from "../db/schema.ts";

export type QueuedMail = {
  districtId: string | null;
  /** What the message is for (`invitation`, `password-reset`, a notification's kind). */
  kind: string;
  to: string;
  subject: string;
  text: string;
  attachments?: MailAttachment[];
};

export type OutboxMessage = {
  id: string;
  to: string;
  subject: string;
  text: string;
  attachments: MailAttachment[];
  attempts: number;
};

export type OutboxEntry = {
  id: string;
  kind: string;
  to: string;
  subject: string;
  text: string;
  createdAt: string;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  sentAt: string | null;
};

const iso = (d: Date | string) => new Date(d).toISOString();

export function createMailRepository(db: Kysely<Database>, publicUrl: () => string = () => "http://localhost:3000") {
  return {
    /** The full address of a page of the app (`/inbox`), for a message. */
    link(path: string): string {
      return `${publicUrl()}${path}`;
    },

    async enqueue(mail: QueuedMail): Promise<string> {
      const row = await db
        .insertInto("mail_outbox")
        .values({
          district_id: mail.districtId,
          kind: mail.kind,
          to_address: mail.to,
          subject: mail.subject,
          text_body: mail.text,
          attachments: JSON.stringify(mail.attachments ?? []),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      return row.id;
    },

    /** Take up to `limit` due messages, holding each for `leaseSeconds` (another claim skips them). */
    async claimDue(limit: number, leaseSeconds: number): Promise<OutboxMessage[]> {
      const rows = await sql<{
        id: string;
        to_address: string;
        subject: string;
        text_body: string;
        attachments: MailAttachment[] | string;
        attempts: number;
      }>`
        update mail_outbox set next_attempt_at = now() + make_interval(secs => ${leaseSeconds})
        where id in (
          select id from mail_outbox
          where sent_at is null and next_attempt_at <= now()
          order by next_attempt_at, created_at
          limit ${limit}
          for update skip locked)
        returning id, to_address, subject, text_body, attachments, attempts`.execute(db);
      return rows.rows.map((r) => ({
        id: r.id,
        to: r.to_address,
        subject: r.subject,
        text: r.text_body,
        attachments: typeof r.attachments === "string" ? JSON.parse(r.attachments) : r.attachments,
        attempts: r.attempts,
      }));
    },

    async markSent(id: string): Promise<void> {
      await db
        .updateTable("mail_outbox")
        .set({ sent_at: new Date(), attempts: sql`attempts + 1`, last_error: null })
        .where("id", "=", id)
        .execute();
    },

    /** A failed attempt: counted, with its reason (no addresses) and when to try again. */
    async markFailed(id: string, reason: string, retryInSeconds: number): Promise<void> {
      await db
        .updateTable("mail_outbox")
        .set({
          attempts: sql`attempts + 1`,
          last_error: reason.slice(0, 300),
          next_attempt_at: sql`now() + make_interval(secs => ${retryInSeconds})`,
        })
        .where("id", "=", id)
        .execute();
    },

    /** A district's messages, newest first (what its administrators see). */
    async listForDistrict(districtId: string, limit: number): Promise<OutboxEntry[]> {
      const rows = await db
        .selectFrom("mail_outbox")
        .selectAll()
        .where("district_id", "=", districtId)
        .orderBy("created_at", "desc")
        .orderBy("id", "desc")
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        to: r.to_address,
        subject: r.subject,
        text: r.text_body,
        createdAt: iso(r.created_at),
        attempts: r.attempts,
        nextAttemptAt: r.sent_at ? null : iso(r.next_attempt_at),
        lastError: r.last_error,
        sentAt: r.sent_at ? iso(r.sent_at) : null,
      }));
    },
  };
}

export type MailRepository = ReturnType<typeof createMailRepository>;
