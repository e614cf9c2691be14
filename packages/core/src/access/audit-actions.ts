/**
 * The append-only audit trail's actions. Stored as text in the database: add new values freely,
 * never rename or reuse one (old events keep their meaning; they may be legal evidence).
 */
import { z } from "zod";

export const AUDIT_ACTIONS = [
  "auth.signed-in",
  "auth.sign-in-failed",
  "auth.signed-out",
  "auth.signed-out-everywhere",
  "auth.second-factor-enrolled",
  "auth.second-factor-removed",
  "auth.second-factor-failed",
  "auth.recovery-code-used",
  "auth.single-sign-on-refused",
  "access.denied",
  "student.created",
  "student.updated",
  "guardian.advocate-linked",
  "navigator.result-saved",
  "letter.saved",
  "plan.created",
  "plan.draft-saved",
  "plan.proposed",
  "plan.signed",
  "plan.consent-recorded",
  "plan.sealed",
  "plan.put-in-effect",
  "plan.amended",
  "plan.ended",
  "meeting.scheduled",
  "meeting.notice-sent",
  "meeting.attendance-recorded",
  "meeting.parent-contact-attempted",
  "progress.recorded",
  "service.session-logged",
  "compliance.calendar-updated",
  "calendar-feed.created",
  "calendar-feed.revoked",
  "settings.updated",
  "roster.imported",
] as const;
export const ZAuditAction = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof ZAuditAction>;
