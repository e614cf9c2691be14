/**
 * The family's case file over HTTP: records requests on the clock, the whole record as one ZIP,
 * and the case chronology. Every route is under a student and goes through the access path.
 */
import { z } from "zod";
import { ZIsoDate } from "../shared/dates.ts";
import { ZStudentIdParams } from "../students/students-api.ts";
import { ZChronologyEntry, ZChronologyKind } from "./chronology.ts";
import { ZRecordsClock, ZRecordsRequestChannel, ZRecordsRequestEventKind } from "./records-request.ts";

export const ZRecordsRequestEvent = z.object({
  kind: ZRecordsRequestEventKind,
  /** The day it happened (the district's day). */
  on: ZIsoDate,
  /** When it was written down. */
  at: z.string(),
  who: z.string(),
  note: z.string(),
});
export type RecordsRequestEvent = z.infer<typeof ZRecordsRequestEvent>;

export const ZRecordsRequest = z.object({
  id: z.string(),
  studentId: z.string(),
  channel: ZRecordsRequestChannel,
  receivedOn: ZIsoDate,
  /** Who asked: the guardian or advocate, or the name staff wrote from a paper or spoken request. */
  requester: z.string(),
  /** What the family asked for, in its words (empty: the whole record). */
  scope: z.string(),
  status: ZRecordsRequestEventKind,
  clock: ZRecordsClock,
  events: z.array(ZRecordsRequestEvent),
});
export type RecordsRequest = z.infer<typeof ZRecordsRequest>;
export const ZRecordsRequestList = z.object({ items: z.array(ZRecordsRequest) });
export type RecordsRequestList = z.infer<typeof ZRecordsRequestList>;

/**
 * A new request. A family asks in the app (`channel: "app"`; the day is today). Staff log a
 * request received on paper or by phone (`written`, `oral`) with the day it came in and who made it.
 */
export const ZCreateRecordsRequestBody = z
  .object({
    channel: ZRecordsRequestChannel,
    receivedOn: ZIsoDate.optional(),
    requester: z.string().trim().max(200).optional(),
    scope: z.string().trim().max(2000).default(""),
  })
  .superRefine((body, ctx) => {
    if (body.channel === "app") {
      if (body.receivedOn !== undefined) {
        ctx.addIssue({ code: "custom", path: ["receivedOn"], message: "A request made in the app is received today" });
      }
      return;
    }
    if (!body.receivedOn) {
      ctx.addIssue({ code: "custom", path: ["receivedOn"], message: "Enter the day the request was received" });
    }
    if (!body.requester) {
      ctx.addIssue({ code: "custom", path: ["requester"], message: "Enter who made the request" });
    }
  });
export type CreateRecordsRequestBody = z.input<typeof ZCreateRecordsRequestBody>;

export const ZRecordsRequestParams = ZStudentIdParams.extend({
  requestId: z.uuid({ error: "requestId must be the id of a records request (a UUID)" }),
});

/** A step in a request's history, by the district: acknowledged, or the records provided. */
export const ZRecordsRequestEventBody = z.object({
  kind: z.enum(["acknowledged", "fulfilled"]),
  /** The day it happened (default today); never after today. */
  on: ZIsoDate.optional(),
  note: z.string().trim().max(2000).default(""),
});
export type RecordsRequestEventBody = z.input<typeof ZRecordsRequestEventBody>;

/** Open requests on the students a person serves, for the deadlines page. */
export const ZOpenRecordsRequest = ZRecordsRequest.extend({ studentName: z.string() });
export const ZOpenRecordsRequestList = z.object({ items: z.array(ZOpenRecordsRequest) });
export type OpenRecordsRequestList = z.infer<typeof ZOpenRecordsRequestList>;

export const ZChronology = z.object({
  studentId: z.string(),
  studentName: z.string(),
  today: ZIsoDate,
  kinds: z.array(ZChronologyKind),
  from: ZIsoDate.nullable(),
  to: ZIsoDate.nullable(),
  entries: z.array(ZChronologyEntry),
});
export type Chronology = z.infer<typeof ZChronology>;
