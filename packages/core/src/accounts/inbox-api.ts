/**
 * A person's inbox: messages from Lantern (in the app, and by email unless they chose in-app
 * only), and guardian links a district asks them to accept before they see a child's record.
 */
import { z } from "zod";

export const ZNotification = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  /** An address in the app to follow (relative), if any. */
  link: z.string().nullable(),
  createdAt: z.string(),
  read: z.boolean(),
});
export type Notification = z.infer<typeof ZNotification>;

export const ZPendingGuardianLink = z.object({
  id: z.string(),
  districtName: z.string(),
  studentFirstName: z.string(),
  studentLastName: z.string(),
  relationship: z.string(),
  createdAt: z.string(),
});
export type PendingGuardianLink = z.infer<typeof ZPendingGuardianLink>;

export const ZInboxResponse = z.object({
  notifications: z.array(ZNotification),
  guardianLinks: z.array(ZPendingGuardianLink),
  /** Messages by email as well as here (false: in the app only). */
  emailNotifications: z.boolean(),
});
export type InboxResponse = z.infer<typeof ZInboxResponse>;

export const ZNotificationParams = z.object({ notificationId: z.uuid() });
export const ZGuardianLinkParams = z.object({ linkId: z.uuid() });

export const ZGuardianLinkDecision = z.object({ accept: z.boolean() });
export type GuardianLinkDecision = z.infer<typeof ZGuardianLinkDecision>;

export const ZNotificationPreferences = z.object({ emailNotifications: z.boolean() });
export type NotificationPreferences = z.infer<typeof ZNotificationPreferences>;
