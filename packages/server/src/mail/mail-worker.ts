/**
 * The mail worker (decision 0009): drains the outbox through SMTP (nodemailer) in the server
 * process. Each message is claimed, sent, and marked sent; a refusal or an unreachable server
 * leaves it queued and tries again later, waiting longer after each failure (one minute, then
 * doubling, at most an hour), for as long as it takes: nothing is dropped. Without SMTP_URL no
 * worker runs and mail stays in the outbox, where district administrators can read it.
 *
 * The log names message ids and SMTP reply codes, never addresses, subjects or bodies.
 */
import nodemailer from "nodemailer";
import type { MailRepository } from "../repositories/mail-repository.ts";

/** What sends one message (nodemailer's transport, or a stand-in). */
export type MailTransport = {
  sendMail(message: {
    from: string;
    to: string;
    subject: string;
    text: string;
    attachments?: Array<{ filename: string; contentType: string; content: string }>;
  }): Promise<unknown>;
  close?(): void;
};

export type MailSettings = { smtpUrl: string; from: string };

/** How long a claimed message is held before another attempt may take it (longer than nodemailer's timeouts). */
const LEASE_SECONDS = 15 * 60;
/** Messages per pass. */
const BATCH = 20;

/** Seconds to wait after the `attempts`-th failure: 60, 120, 240, … at most 3600. */
export function retryDelaySeconds(attempts: number, baseSeconds = 60): number {
  return Math.min(3600, baseSeconds * 2 ** Math.max(0, attempts - 1));
}

/** A failure's reason without personal data: nodemailer's code and the SMTP reply code. */
export function failureReason(error: unknown): string {
  const e = error as { code?: unknown; responseCode?: unknown };
  const parts = [typeof e.code === "string" ? e.code : "ERROR"];
  if (typeof e.responseCode === "number") parts.push(`SMTP ${e.responseCode}`);
  return parts.join(" ");
}

export function smtpTransport(settings: MailSettings): MailTransport {
  return nodemailer.createTransport(settings.smtpUrl);
}

/** One pass: send every due message (up to a batch). Answers how many were sent and failed. */
export async function drainOutbox(
  mail: MailRepository,
  transport: MailTransport,
  options: { from: string; retryBaseSeconds?: number; log?: Log },
): Promise<{ sent: number; failed: number }> {
  const due = await mail.claimDue(BATCH, LEASE_SECONDS);
  let sent = 0;
  let failed = 0;
  for (const message of due) {
    try {
      await transport.sendMail({
        from: options.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.attachments.length > 0 ? { attachments: message.attachments } : {}),
      });
      await mail.markSent(message.id);
      sent++;
    } catch (error) {
      const reason = failureReason(error);
      const wait = retryDelaySeconds(message.attempts + 1, options.retryBaseSeconds);
      await mail.markFailed(message.id, reason, wait);
      options.log?.warn({ mail: { id: message.id, reason, retryInSeconds: wait } }, "a message was not sent");
      failed++;
    }
  }
  return { sent, failed };
}

type Log = { warn(obj: object, msg: string): void };

/** Drain the outbox every `intervalMs` (and at once when `poke` is called). */
export function startMailWorker(
  log: Log,
  mail: MailRepository,
  transport: MailTransport,
  options: { from: string; intervalMs?: number; retryBaseSeconds?: number },
): { poke(): void; stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const pass = () => {
    running = running.then((): Promise<unknown> | undefined =>
      stopped
        ? undefined
        : drainOutbox(mail, transport, { ...options, log }).catch((err) =>
            log.warn({ err }, "sending mail from the outbox failed"),
          ),
    );
  };
  const timer = setInterval(pass, options.intervalMs ?? 5000);
  timer.unref();
  return {
    poke: pass,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
      transport.close?.();
    },
  };
}
