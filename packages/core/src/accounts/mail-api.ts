/**
 * The mail outbox as district administrators see it: `GET /api/district/mail-outbox` lists the
 * district's messages, newest first, sent or still waiting (with why the last attempt failed).
 */
import { z } from "zod";

export const ZMailOutboxQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const ZMailOutboxEntry = z.object({
  id: z.string(),
  /** What the message is for: `invitation`, `password-reset`, or a notification's kind. */
  kind: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  createdAt: z.string(),
  attempts: z.number().int(),
  /** When the next attempt is due; null once sent. */
  nextAttemptAt: z.string().nullable(),
  /** Why the last attempt failed (an SMTP reply code), if it did. */
  lastError: z.string().nullable(),
  sentAt: z.string().nullable(),
});
export type MailOutboxEntry = z.infer<typeof ZMailOutboxEntry>;

export const ZMailOutboxResponse = z.object({
  /** False when no mail server is set (SMTP_URL): messages wait here until one is. */
  sending: z.boolean(),
  messages: z.array(ZMailOutboxEntry),
});
export type MailOutboxResponse = z.infer<typeof ZMailOutboxResponse>;
