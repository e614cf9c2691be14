import type {
  DestructionRequest,
  DestructionResult,
  OfferedForDestructionList,
  PutRetentionScheduleBody,
  RetentionSchedule,
} from "@lantern/core";
import { api } from "../../lib/api-client.ts";

export type { DestructionRequest, OfferedForDestructionList, RetentionSchedule };

export const loadSchedule = (signal?: AbortSignal) =>
  api.get<RetentionSchedule>("/api/district/retention-schedule", undefined, signal);
export const saveSchedule = (body: PutRetentionScheduleBody) =>
  api.put<RetentionSchedule>("/api/district/retention-schedule", body);
export const loadOffered = (offset = 0, signal?: AbortSignal) =>
  api.get<OfferedForDestructionList>("/api/district/records-offered-for-destruction", { limit: 50, offset }, signal);
export const sendNotice = (studentId: string, recordType: string) =>
  api.post<{ offerId: string; told: number; records: number }>(
    "/api/district/records-offered-for-destruction/notices",
    { studentId, recordType },
  );
export const destroy = (studentId: string, recordType: string) =>
  api.post<DestructionResult>("/api/district/records-offered-for-destruction/destructions", { studentId, recordType });
export const loadRequests = (signal?: AbortSignal) =>
  api.get<{ items: DestructionRequest[] }>("/api/district/destruction-requests", undefined, signal);
export const decideRequest = (id: string, status: "granted" | "refused" | "completed", note: string) =>
  api.post<DestructionRequest>(`/api/district/destruction-requests/${id}/decision`, { status, note });
