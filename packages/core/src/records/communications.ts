/**
 * The communication log: calls, emails, meetings and notes between the family and the school,
 * entered by either side, kept with the record and part of the case chronology. Parents keep such
 * logs to show what was asked and answered; the school's attempts to reach the parent are also
 * evidence (34 CFR 300.322(d)).
 */
import { z } from "zod";
import { ZIsoDate } from "../shared/dates.ts";
import { ZStudentIdParams } from "../students/students-api.ts";

export const COMMUNICATION_MODES = ["phone", "email", "in-person", "video", "letter", "note"] as const;
export const ZCommunicationMode = z.enum(COMMUNICATION_MODES);
export type CommunicationMode = z.infer<typeof ZCommunicationMode>;

export const COMMUNICATION_MODE_LABELS: Record<CommunicationMode, string> = {
  phone: "Phone call",
  email: "Email",
  "in-person": "In person",
  video: "Video call",
  letter: "Letter",
  note: "Note",
};

export const ZCommunication = z.object({
  id: z.string(),
  studentId: z.string(),
  occurredOn: ZIsoDate,
  mode: ZCommunicationMode,
  /** Who the entry's author spoke or wrote with, in their words ("Ms. Lee, case manager"). */
  withWhom: z.string(),
  summary: z.string(),
  loggedBy: z.string(),
  loggedAt: z.string(),
});
export type Communication = z.infer<typeof ZCommunication>;
export const ZCommunicationList = z.object({ items: z.array(ZCommunication) });
export type CommunicationList = z.infer<typeof ZCommunicationList>;

export const ZCreateCommunicationBody = z.object({
  occurredOn: ZIsoDate,
  mode: ZCommunicationMode,
  withWhom: z.string().trim().min(1, { message: "Enter who you spoke or wrote with" }).max(200),
  summary: z.string().trim().min(1, { message: "Write what was said or asked" }).max(4000),
});
export type CreateCommunicationBody = z.input<typeof ZCreateCommunicationBody>;

export const ZCommunicationParams = ZStudentIdParams;
