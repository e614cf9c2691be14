import type { AuditTrailEntry, AuditTrailKind, AuditTrailPage } from "@lantern/core";
import { api } from "../../lib/api-client.ts";

export type { AuditTrailEntry, AuditTrailKind, AuditTrailPage };

export type AuditTrailFilters = {
  trail: AuditTrailKind;
  student: string;
  person: string;
  action: string;
  from: string;
  to: string;
};

function search(filters: AuditTrailFilters): Record<string, string> {
  const query: Record<string, string> = { trail: filters.trail };
  for (const key of ["student", "person", "action", "from", "to"] as const) {
    const value = filters[key].trim();
    if (value) query[key] = value;
  }
  return query;
}

export const loadAuditTrail = (filters: AuditTrailFilters, before?: number, signal?: AbortSignal) =>
  api.get<AuditTrailPage>(
    "/api/district/audit-trail",
    { ...search(filters), limit: "50", ...(before ? { before: String(before) } : {}) },
    signal,
  );

export function auditTrailCsvUrl(filters: AuditTrailFilters): string {
  return `/api/district/audit-trail.csv?${new URLSearchParams(search(filters)).toString()}`;
}
