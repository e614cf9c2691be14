/**
 * A person's inbox: read it, mark a message read, choose email or in-app only, and accept or
 * decline a guardian link a district asked them to confirm (no access to the child's record
 * before they accept; 34 CFR 300.30, FERPA 99.31).
 */
import { DomainError, type InboxResponse } from "@lantern/core";
import { inTransaction, type UseCaseDeps } from "../deps.ts";

export async function readInbox(deps: UseCaseDeps, input: { personId: string }): Promise<InboxResponse> {
  const [notifications, guardianLinks, emailNotifications] = await Promise.all([
    deps.repos.inbox.notifications(input.personId),
    deps.repos.inbox.pendingGuardianLinks(input.personId),
    deps.repos.inbox.emailNotifications(input.personId),
  ]);
  return { notifications, guardianLinks, emailNotifications };
}

export async function markNotificationRead(
  deps: UseCaseDeps,
  input: { personId: string; notificationId: string },
): Promise<void> {
  if (!(await deps.repos.inbox.markRead(input.personId, input.notificationId)))
    throw new DomainError("not-found", "No such message in your inbox");
}

export async function setNotificationPreferences(
  deps: UseCaseDeps,
  input: { personId: string; emailNotifications: boolean; requestId: string },
): Promise<void> {
  await inTransaction(deps, async (tx) => {
    await tx.repos.inbox.setEmailNotifications(input.personId, input.emailNotifications);
    await tx.audit.append({
      action: "notification.preferences-changed",
      personId: input.personId,
      subject: `person:${input.personId}`,
      details: { emailNotifications: input.emailNotifications },
      requestId: input.requestId,
    });
  });
}

export async function decideGuardianLink(
  deps: UseCaseDeps,
  input: { personId: string; linkId: string; accept: boolean; requestId: string },
): Promise<void> {
  await inTransaction(deps, async (tx) => {
    const link = await tx.repos.inbox.decideGuardianLink(input.personId, input.linkId, input.accept);
    if (!link) throw new DomainError("not-found", "This request is no longer waiting for you");
    await tx.audit.append({
      action: input.accept ? "guardian.link-accepted" : "guardian.link-declined",
      personId: input.personId,
      studentId: link.studentId,
      subject: `person:${input.personId}`,
      requestId: input.requestId,
    });
  });
}
