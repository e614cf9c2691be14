import type {
  Chronology,
  ChronologyKind,
  Communication,
  CommunicationList,
  ComplaintDraft,
  ComplaintDraftList,
  CreateCommunicationBody,
  CreateDestructionRequestBody,
  CreateRecordsRequestBody,
  DestructionRequest,
  DraftCommentBody,
  MeetingPreparation,
  MeetingPreparationBody,
  MeetingPreparationList,
  OpenRecordsRequestList,
  RecordsRequest,
  RecordsRequestEventBody,
  RecordsRequestList,
  SaveComplaintDraftBody,
} from "@lantern/core";
import type { Locale } from "../../i18n/catalogs.ts";
import { getLocale } from "../../i18n/t.ts";
import { api, buildUrl } from "../../lib/api-client.ts";

export type {
  Chronology,
  ChronologyKind,
  ComplaintDraft,
  DestructionRequest,
  MeetingPreparation,
  MeetingPreparationList,
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

/** The chronology, its sentences in the reader's language (Spanish or English). */
export function getChronology(studentId: string, filter: ChronologyFilter, signal?: AbortSignal): Promise<Chronology> {
  const lang = getLocale() === "es" ? { lang: "es" } : {};
  return api.get<Chronology>(`${base(studentId)}/chronology`, { ...chronologyQuery(filter), ...lang }, signal);
}

/** The chronology PDF in the reader's language (Spanish or English). */
export function chronologyPdfUrl(studentId: string, filter: ChronologyFilter): string {
  const lang = getLocale() === "es" ? { lang: "es" } : {};
  return buildUrl(`${base(studentId)}/chronology.pdf`, { ...chronologyQuery(filter), ...lang });
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

export function getComplaintDrafts(studentId: string, signal?: AbortSignal): Promise<ComplaintDraftList> {
  return api.get<ComplaintDraftList>(`${base(studentId)}/complaint-drafts`, undefined, signal);
}

export function createComplaintDraft(studentId: string, entryIds: readonly string[]): Promise<ComplaintDraft> {
  return api.post<ComplaintDraft>(`${base(studentId)}/complaint-drafts`, { entryIds });
}

export function saveComplaintDraft(
  studentId: string,
  draftId: string,
  body: SaveComplaintDraftBody,
): Promise<ComplaintDraft> {
  return api.put<ComplaintDraft>(`${base(studentId)}/complaint-drafts/${encodeURIComponent(draftId)}`, body);
}

/** The complaint draft's PDF in the reader's language (or `lang`): `lang=es` asks for it in Spanish. */
export function complaintPdfUrl(studentId: string, draftId: string, lang: Locale = getLocale()): string {
  return buildUrl(
    `${base(studentId)}/complaint-drafts/${encodeURIComponent(draftId)}/pdf`,
    lang === "es" ? { lang } : {},
  );
}

export function getMeetingPreparation(studentId: string, signal?: AbortSignal): Promise<MeetingPreparationList> {
  return api.get<MeetingPreparationList>(`${base(studentId)}/meeting-preparation`, undefined, signal);
}

export function saveMeetingPreparation(
  studentId: string,
  meetingId: string,
  body: MeetingPreparationBody,
): Promise<MeetingPreparationList> {
  return api.put<MeetingPreparationList>(
    `${base(studentId)}/meetings/${encodeURIComponent(meetingId)}/preparation`,
    body,
  );
}

export function commentOnDraft(
  studentId: string,
  shareId: string,
  body: DraftCommentBody,
): Promise<MeetingPreparationList> {
  return api.post<MeetingPreparationList>(
    `${base(studentId)}/shared-drafts/${encodeURIComponent(shareId)}/comments`,
    body,
  );
}
