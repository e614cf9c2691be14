import type {
  Chronology,
  ChronologyKind,
  Communication,
  CommunicationList,
  CreateCommunicationBody,
  CreateDestructionRequestBody,
  CreateRecordsRequestBody,
  DestructionRequest,
  OpenRecordsRequestList,
  RecordsRequest,
  RecordsRequestEventBody,
  RecordsRequestList,
} from "@lantern/core";
import { api, buildUrl } from "../../lib/api-client.ts";

export type {
  Chronology,
  ChronologyKind,
  DestructionRequest,
  OpenRecordsRequestList,
  RecordsRequest,
  RecordsRequestList,
};

const base = (studentId: string) => `/api/students/${encodeURIComponent(studentId)}`;

export function getRecordsRequests(studentId: string, signal?: AbortSignal): Promise<RecordsRequestList> {
  return api.get<RecordsRequestList>(`${base(studentId)}/records-requests`, undefined, signal);
}

export function createRecordsRequest(studentId: string, body: CreateRecordsRequestBody): Promise<RecordsRequest> {
  return api.post<RecordsRequest>(`${base(studentId)}/records-requests`, body);
}

export function addRecordsRequestEvent(
  studentId: string,
  requestId: string,
  body: RecordsRequestEventBody,
): Promise<RecordsRequest> {
  return api.post<RecordsRequest>(`${base(studentId)}/records-requests/${encodeURIComponent(requestId)}/events`, body);
}

export function getCommunications(studentId: string, signal?: AbortSignal): Promise<CommunicationList> {
  return api.get<CommunicationList>(`${base(studentId)}/communications`, undefined, signal);
}

export function logCommunication(studentId: string, body: CreateCommunicationBody): Promise<Communication> {
  return api.post<Communication>(`${base(studentId)}/communications`, body);
}

export function getOpenRecordsRequests(signal?: AbortSignal): Promise<OpenRecordsRequestList> {
  return api.get<OpenRecordsRequestList>("/api/records-requests/open", undefined, signal);
}

export type ChronologyFilter = { kinds: readonly ChronologyKind[]; from: string; to: string };

function chronologyQuery(filter: ChronologyFilter) {
  return { kinds: filter.kinds.join(","), from: filter.from, to: filter.to };
}

export function getChronology(studentId: string, filter: ChronologyFilter, signal?: AbortSignal): Promise<Chronology> {
  return api.get<Chronology>(`${base(studentId)}/chronology`, chronologyQuery(filter), signal);
}

export function chronologyPdfUrl(studentId: string, filter: ChronologyFilter): string {
  return buildUrl(`${base(studentId)}/chronology.pdf`, chronologyQuery(filter));
}

export function recordZipUrl(studentId: string): string {
  return `${base(studentId)}/record.zip`;
}

export function getDestructionRequests(
  studentId: string,
  signal?: AbortSignal,
): Promise<{ items: DestructionRequest[] }> {
  return api.get<{ items: DestructionRequest[] }>(`${base(studentId)}/destruction-requests`, undefined, signal);
}

export function createDestructionRequest(
  studentId: string,
  body: CreateDestructionRequestBody,
): Promise<DestructionRequest> {
  return api.post<DestructionRequest>(`${base(studentId)}/destruction-requests`, body);
}
