/** Requests to amend a record over HTTP (34 CFR 300.618-300.621). */
import type {
  AmendmentDeadlineBody,
  AmendmentDecisionBody,
  AmendmentRequest,
  AmendmentRequestList,
  AmendmentStatementBody,
  CreateAmendmentRequestBody,
} from "@lantern/core";
import { api } from "../../lib/api-client.ts";

const base = (studentId: string) => `/api/students/${encodeURIComponent(studentId)}/amendment-requests`;
const one = (studentId: string, requestId: string) => `${base(studentId)}/${encodeURIComponent(requestId)}`;

export function getAmendmentRequests(studentId: string, signal?: AbortSignal): Promise<AmendmentRequestList> {
  return api.get<AmendmentRequestList>(base(studentId), undefined, signal);
}

export function requestAmendment(studentId: string, body: CreateAmendmentRequestBody): Promise<AmendmentRequest> {
  return api.post<AmendmentRequest>(base(studentId), body);
}

export function setAmendmentDeadline(
  studentId: string,
  requestId: string,
  body: AmendmentDeadlineBody,
): Promise<AmendmentRequest> {
  return api.post<AmendmentRequest>(`${one(studentId, requestId)}/deadline`, body);
}

export function decideAmendment(
  studentId: string,
  requestId: string,
  body: AmendmentDecisionBody,
): Promise<AmendmentRequest> {
  return api.post<AmendmentRequest>(`${one(studentId, requestId)}/decision`, body);
}

export function placeAmendmentStatement(
  studentId: string,
  requestId: string,
  body: AmendmentStatementBody,
): Promise<AmendmentRequest> {
  return api.post<AmendmentRequest>(`${one(studentId, requestId)}/statement`, body);
}
