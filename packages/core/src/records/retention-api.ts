/**
 * Retention and destruction over HTTP (34 CFR 300.624): the district's schedule, the records past
 * it (offered for destruction), the notice to the family, the destruction, and a family's request
 * to destroy records no longer needed.
 */
import { z } from "zod";
import { ZIsoDate } from "../shared/dates.ts";
import { ZStudentIdParams } from "../students/students-api.ts";
import {
  DESTRUCTION_REQUEST_STATUSES,
  KEPT_WITH_RECORD_TYPES,
  MAX_RETENTION_YEARS,
  PERMANENT_RECORD_TYPES,
  RETENTION_RECORD_TYPES,
} from "./retention.ts";

export const ZRetentionRecordType = z.enum(RETENTION_RECORD_TYPES);
/** Any kind of record a person may name: those Lantern can destroy and those of the permanent record. */
export const ZNamedRecordType = z.enum([...RETENTION_RECORD_TYPES, ...PERMANENT_RECORD_TYPES]);

export const ZRetentionSchedule = z.object({
  /** Years each kind is kept after its date; a kind left out is kept until the district sets one. */
  entries: z.array(z.object({ recordType: ZRetentionRecordType, years: z.number().int() })),
  minimumYears: z.number().int(),
  minimumCitation: z.string(),
  /** The permanent record, kept without time limit (34 CFR 300.624(b)). */
  permanent: z.array(z.enum(PERMANENT_RECORD_TYPES)),
  /** Kept as long as the student's other records, never on their own schedule (34 CFR 300.614; 99.32). */
  keptWithRecord: z.array(z.enum(KEPT_WITH_RECORD_TYPES)),
});
export type RetentionSchedule = z.infer<typeof ZRetentionSchedule>;

export const ZPutRetentionScheduleBody = z.object({
  entries: z
    .array(
      z.object({
        /** A permanent-record kind is refused with its citation (a 400 naming it). */
        recordType: ZNamedRecordType,
        years: z.number().int().min(1).max(MAX_RETENTION_YEARS),
      }),
    )
    .max(RETENTION_RECORD_TYPES.length + PERMANENT_RECORD_TYPES.length),
});
export type PutRetentionScheduleBody = z.infer<typeof ZPutRetentionScheduleBody>;

export const ZOfferedForDestructionQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const ZOfferedForDestruction = z.object({
  studentId: z.string(),
  studentName: z.string(),
  recordType: ZRetentionRecordType,
  /** Records of this kind dated before this day are past the schedule. */
  before: ZIsoDate,
  records: z.number().int(),
  oldest: ZIsoDate,
  /** When the family was told (null: not yet). */
  noticedAt: z.string().nullable(),
});
export type OfferedForDestruction = z.infer<typeof ZOfferedForDestruction>;
export const ZOfferedForDestructionList = z.object({
  items: z.array(ZOfferedForDestruction),
  /** Pass as `offset` for the next page; null on the last. */
  nextOffset: z.number().int().nullable(),
});
export type OfferedForDestructionList = z.infer<typeof ZOfferedForDestructionList>;

export const ZDestructionTargetBody = z.object({
  studentId: z.uuid(),
  recordType: ZNamedRecordType,
});
export type DestructionTargetBody = z.infer<typeof ZDestructionTargetBody>;

export const ZDestructionNotice = z.object({
  offerId: z.string(),
  before: ZIsoDate,
  records: z.number().int(),
  /** How many of the child's guardians were told (in the app, and by email unless they chose not to). */
  told: z.number().int(),
});
export const ZDestructionResult = z.object({
  offerId: z.string(),
  recordType: ZRetentionRecordType,
  before: ZIsoDate,
  destroyed: z.number().int(),
});
export type DestructionResult = z.infer<typeof ZDestructionResult>;

export const ZDestructionRequestStatus = z.enum(DESTRUCTION_REQUEST_STATUSES);
export const ZDestructionRequest = z.object({
  id: z.string(),
  studentId: z.string(),
  studentName: z.string(),
  requestedBy: z.string(),
  requestedAt: z.string(),
  recordTypes: z.array(ZRetentionRecordType),
  reason: z.string(),
  status: ZDestructionRequestStatus,
  statusNote: z.string(),
  decidedAt: z.string().nullable(),
});
export type DestructionRequest = z.infer<typeof ZDestructionRequest>;
export const ZDestructionRequestList = z.object({ items: z.array(ZDestructionRequest) });

export const ZCreateDestructionRequestBody = z.object({
  /** A permanent-record kind is refused with its citation (a 400 naming it). */
  recordTypes: z
    .array(ZNamedRecordType)
    .min(1)
    .max(RETENTION_RECORD_TYPES.length + PERMANENT_RECORD_TYPES.length),
  reason: z.string().trim().max(2000).default(""),
});
export type CreateDestructionRequestBody = z.infer<typeof ZCreateDestructionRequestBody>;

export const ZDestructionRequestQuery = z.object({
  status: ZDestructionRequestStatus.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const ZDestructionRequestParams = z.object({ requestId: z.uuid() });
export const ZStudentDestructionRequestParams = ZStudentIdParams;
export const ZDestructionRequestDecisionBody = z.object({
  status: z.enum(["granted", "refused", "completed"]),
  note: z.string().trim().max(2000).default(""),
});
