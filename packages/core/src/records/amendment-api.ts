/**
 * Requests to amend a record over HTTP (34 CFR 300.618-300.621; FERPA 34 CFR 99.20-99.22): the
 * family asks, the district sets the decision date and decides, and after a refusal the family
 * places its statement in the record.
 */
import { z } from "zod";
import { ZDeadlineState } from "../compliance/deadlines.ts";
import { ZIsoDate } from "../shared/dates.ts";
import { ZStudentIdParams } from "../students/students-api.ts";
import { ZAmendmentEventKind, ZAmendmentProblem, ZAmendmentStatus } from "./amendment-request.ts";

export const ZAmendmentEvent = z.object({
  kind: ZAmendmentEventKind,
  /** The day it happened (the district's day). */
  on: ZIsoDate,
  at: z.string(),
  who: z.string(),
  /** The district's reasons or what it changed; the family's statement; empty for the request itself. */
  text: z.string(),
  /** For `deadline-set`: the date the district set. */
  decideBy: ZIsoDate.nullable(),
});
export type AmendmentEvent = z.infer<typeof ZAmendmentEvent>;

export const ZAmendmentClock = z.object({
  decideBy: ZIsoDate,
  setByDistrict: z.boolean(),
  state: ZDeadlineState,
  daysLeft: z.number().int(),
  daysLate: z.number().int().min(0),
  citation: z.string(),
});

export const ZAmendmentRequest = z.object({
  id: z.string(),
  studentId: z.string(),
  requestedOn: ZIsoDate,
  requester: z.string(),
  /** Which record, in the family's words ("the present levels of the 2025 IEP"). */
  record: z.string(),
  problem: ZAmendmentProblem,
  /** What is wrong with it. */
  explanation: z.string(),
  /** What it should say. */
  proposed: z.string(),
  status: ZAmendmentStatus,
  clock: ZAmendmentClock,
  /** After a refusal: the family may ask for a hearing and place a statement (300.619; 300.620(b)). */
  rightsCitation: z.string().nullable(),
  /** The family's statement, kept and disclosed with the record (300.620(c); 99.21(c)). */
  statement: z.string().nullable(),
  events: z.array(ZAmendmentEvent),
});
export type AmendmentRequest = z.infer<typeof ZAmendmentRequest>;
export const ZAmendmentRequestList = z.object({ items: z.array(ZAmendmentRequest) });
export type AmendmentRequestList = z.infer<typeof ZAmendmentRequestList>;

export const ZCreateAmendmentRequestBody = z.object({
  record: z.string().trim().min(1, { message: "Name the record you want changed" }).max(300),
  problem: ZAmendmentProblem,
  explanation: z.string().trim().min(1, { message: "Say what is wrong with it" }).max(4000),
  proposed: z.string().trim().min(1, { message: "Say what it should say" }).max(4000),
});
export type CreateAmendmentRequestBody = z.input<typeof ZCreateAmendmentRequestBody>;

export const ZAmendmentRequestParams = ZStudentIdParams.extend({
  requestId: z.uuid({ error: "requestId must be the id of a request to amend a record (a UUID)" }),
});

/** The district sets the date by which it will decide (never before the request). */
export const ZAmendmentDeadlineBody = z.object({ decideBy: ZIsoDate });
export type AmendmentDeadlineBody = z.input<typeof ZAmendmentDeadlineBody>;

/** The district's decision: the record amended (and how), or refused (and why). */
export const ZAmendmentDecisionBody = z.object({
  decision: z.enum(["amended", "refused"]),
  /** The day decided (default today); never after today. */
  on: ZIsoDate.optional(),
  reasons: z.string().trim().min(1, { message: "Write what was changed, or why the record stays as it is" }).max(4000),
});
export type AmendmentDecisionBody = z.input<typeof ZAmendmentDecisionBody>;

/** The family's statement after a refusal (300.620(b); 99.21(b)(2)). */
export const ZAmendmentStatementBody = z.object({
  statement: z.string().trim().min(1, { message: "Write your statement about the record" }).max(4000),
});
export type AmendmentStatementBody = z.input<typeof ZAmendmentStatementBody>;
