/**
 * Tell people something: a message in each one's inbox, and the same by email (through the
 * outbox, decision 0009) to those who have not chosen in-app only. Called inside the change's
 * transaction, so the messages exist exactly when the change does.
 */
import type { MailAttachment } from "../../db/schema.ts";
import type { UseCaseDeps } from "../deps.ts";

export type NotificationMessage = {
  kind: string;
  title: string;
  body: string;
  /** A page of the app, relative (`/students/…`); the email carries the full address. */
  link: string | null;
  districtId: string | null;
  attachments?: MailAttachment[];
};

export async function notify(
  tx: UseCaseDeps,
  personIds: readonly string[],
  message: NotificationMessage,
): Promise<void> {
  const ids = [...new Set(personIds)];
  if (ids.length === 0) return;
  await tx.repos.inbox.add(ids, message);
  for (const person of await tx.repos.inbox.emailRecipients(ids)) {
    const text = [
      message.body,
      "",
      ...(message.link ? [`Open it in Lantern: ${tx.repos.mail.link(message.link)}`, ""] : []),
      `To get these messages in Lantern only, not by email, change your choice in your inbox: ${tx.repos.mail.link("/inbox")}`,
    ].join("\n");
    await tx.repos.mail.enqueue({
      districtId: message.districtId,
      kind: message.kind,
      to: person.email,
      subject: message.title,
      text,
      ...(message.attachments ? { attachments: message.attachments } : {}),
    });
  }
}
