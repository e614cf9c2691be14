import type { AccessLog, AdvocateLink, AdvocateLinks } from "@lantern/core";
import { api } from "../../lib/api-client.ts";

export type { AccessLog, AdvocateLinks };

const base = (studentId: string) => `/api/students/${encodeURIComponent(studentId)}`;

export function getAccessLog(studentId: string, before: number | null, signal?: AbortSignal): Promise<AccessLog> {
  return api.get<AccessLog>(`${base(studentId)}/access-log`, { limit: 10, before }, signal);
}

export function getAdvocates(studentId: string, signal?: AbortSignal): Promise<AdvocateLinks> {
  return api.get<AdvocateLinks>(`${base(studentId)}/advocates`, undefined, signal);
}

export function linkAdvocate(studentId: string, advocateEmail: string): Promise<AdvocateLink> {
  return api.post<AdvocateLink>(`${base(studentId)}/advocates`, { advocateEmail });
}

export function unlinkAdvocate(studentId: string, advocateId: string): Promise<unknown> {
  return api.delete(`${base(studentId)}/advocates/${encodeURIComponent(advocateId)}`);
}
