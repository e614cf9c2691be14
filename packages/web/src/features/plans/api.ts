/** The plan workspace API, as the web app uses it. Types mirror the server's plan views. */
import { ApiError, api } from "../../lib/api-client.ts";

export type PlanType = "iep" | "section-504";
export type PlanStatus = "draft" | "proposed" | "signed" | "in-effect" | "amended" | "ended";

export type Attendee = {
  id: string;
  name: string;
  role: string;
  title: string;
  accountId: string | null;
  attendance: "invited" | "attended" | "attended-remotely" | "excused" | "absent";
};

/** A plan document as JSON: the editor reads and writes it by path. */
export type PlanContent = Record<string, unknown> & {
  type: PlanType;
  attendees: Attendee[];
  signatures: Array<{ attendeeId: string; typedName: string; signedAt: string; method: string }>;
};

export type PlanSummary = {
  id: string;
  type: PlanType;
  status: PlanStatus;
  createdAt: string;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  endedOn: string | null;
  endedReason: string | null;
  currentVersionNumber?: number | null;
};

export type VersionSummary = {
  id: string;
  number: number;
  status: PlanStatus;
  parentVersionId: string | null;
  revision: number;
  sealedAt: string | null;
  sha256: string | null;
  createdAt: string;
  updatedAt: string;
};

export type Issue = { path: string; message: string };

export type Meeting = {
  id: string;
  versionId: string;
  scheduledAt: string;
  location: string;
  purpose: string;
  noticeSentOn: string | null;
  attendanceRecordedAt: string | null;
  notes: string;
  parentContactAttempts?: Array<{ date: string; method: string; result: string }>;
};

export type PlanDetail = {
  plan: PlanSummary;
  version: VersionSummary & {
    content: PlanContent;
    hashVerified: boolean | null;
    signatures: Array<{ id: string; attendeeId: string; signatureText: string; signedAt: string; method: string }>;
  };
  versions: VersionSummary[];
  meetings: Meeting[];
  checks: { propose: Issue[]; seal: Issue[] };
  youMaySignAs: string[];
  permissions: { write: boolean; sign: boolean };
};

export type Change = { section: string; kind: "added" | "removed" | "changed"; itemId: string | null; text: string };

const base = (studentId: string) => `/api/students/${encodeURIComponent(studentId)}/plans`;
const one = (studentId: string, planId: string) => `${base(studentId)}/${encodeURIComponent(planId)}`;

export const plansApi = {
  list: (studentId: string, signal?: AbortSignal) =>
    api.get<{ items: PlanSummary[]; active504PlanId: string | null }>(base(studentId), undefined, signal),
  create: (studentId: string, body: { type: PlanType; carryOver504?: boolean }) =>
    api.post<PlanDetail>(base(studentId), body),
  get: (studentId: string, planId: string, signal?: AbortSignal) =>
    api.get<PlanDetail>(one(studentId, planId), undefined, signal),
  saveDraft: (studentId: string, planId: string, revision: number, content: PlanContent) =>
    api.put<{ revision: number; updatedAt: string }>(`${one(studentId, planId)}/draft`, { revision, content }),
  step: (studentId: string, planId: string, step: string, body: unknown = {}) =>
    api.post<PlanDetail>(`${one(studentId, planId)}/${step}`, body),
  recordAttendance: (studentId: string, planId: string, meetingId: string, body: unknown) =>
    api.put<PlanDetail>(`${one(studentId, planId)}/meetings/${encodeURIComponent(meetingId)}/attendance`, body),
  diff: (studentId: string, planId: string, signal?: AbortSignal) =>
    api.get<{ from: VersionSummary | null; to: VersionSummary; changes: Change[] }>(
      `${one(studentId, planId)}/diff`,
      undefined,
      signal,
    ),
  pdfUrl: (studentId: string, planId: string, kind: string) => `${one(studentId, planId)}/pdf?kind=${kind}`,
  meetingNoticeUrl: (studentId: string, planId: string, meetingId: string) =>
    `${one(studentId, planId)}/pdf?kind=meeting-notice&meetingId=${encodeURIComponent(meetingId)}`,
};

export function isConflict(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409;
}
