/**
 * Tell people something: a message in each one's inbox, and the same by email (through the
 * outbox, decision 0009) to those who have not chosen in-app only. Called inside the change's
 * transaction, so the messages exist exactly when the change does. A message written for each
 * language (a function of the language) reaches each person in their own, where it exists.
 */
import { type DateLocale, dateLocaleOf, mailFooterText } from "@lantern/core";
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

/** One message for everyone, or one per language (each person gets theirs; English otherwise). */
export type MessageFor = NotificationMessage | ((language: DateLocale) => NotificationMessage);

export async function notify(tx: UseCaseDeps, personIds: readonly string[], message: MessageFor): Promise<void> {
  const ids = [...new Set(personIds)];
  if (ids.length === 0) return;
  const groups = new Map<DateLocale, string[]>();
  if (typeof message === "function") {
    const languages = await tx.repos.notifications.languages(ids);
    for (const id of ids) {
      const language = dateLocaleOf(languages.get(id));
      groups.set(language, [...(groups.get(language) ?? []), id]);
    }
  } else {
    groups.set("en", ids);
  }
  for (const [language, group] of groups) {
    const m = typeof message === "function" ? message(language) : message;
    await tx.repos.inbox.add(group, m);
    for (const person of await tx.repos.inbox.emailRecipients(group)) {
      const text = [
        m.body,
        "",
        ...mailFooterText(language, {
          link: m.link ? tx.repos.mail.link(m.link) : null,
          inboxLink: tx.repos.mail.link("/inbox"),
        }),
      ].join("\n");
      await tx.repos.mail.enqueue({
        districtId: m.districtId,
        kind: m.kind,
        to: person.email,
        subject: m.title,
        text,
        ...(m.attachments ? { attachments: m.attachments } : {}),
      });
    }
  }
}
