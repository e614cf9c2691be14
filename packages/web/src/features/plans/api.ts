/** The plan workspace API, as the web app uses it. Every shape is core's (plans/plan-api.ts). */
import {
  type CreatePlanBody,
  PLAN_PDF_KINDS_IN_SPANISH,
  type PlanAttendee,
  type PlanDetail,
  type PlanDiff,
  type PlanDocument,
  type PlanList,
  type PlanState,
  type PlanTranslationView,
  type PlanType,
  type SaveDraftResult,
  type SaveTranslationBody,
} from "@lantern/core";
import type { Locale } from "../../i18n/catalogs.ts";
import { getLocale } from "../../i18n/t.ts";
import { ApiError, api } from "../../lib/api-client.ts";

export type { PlanDetail, PlanTranslationView, PlanType };
export type PlanStatus = PlanState;
export type Attendee = PlanAttendee;
/** A plan document as JSON: the editor reads and writes it by path. */
export type PlanContent = PlanDocument;

const base = (studentId: string) => `/api/students/${encodeURIComponent(studentId)}/plans`;
const one = (studentId: string, planId: string) => `${base(studentId)}/${encodeURIComponent(planId)}`;

export const plansApi = {
  list: (studentId: string, signal?: AbortSignal) => api.get<PlanList>(base(studentId), undefined, signal),
  create: (studentId: string, body: CreatePlanBody) => api.post<PlanDetail>(base(studentId), body),
  get: (studentId: string, planId: string, signal?: AbortSignal) =>
    api.get<PlanDetail>(one(studentId, planId), undefined, signal),
  saveDraft: (studentId: string, planId: string, revision: number, content: PlanContent) =>
    api.put<SaveDraftResult>(`${one(studentId, planId)}/draft`, { revision, content }),
  /** Save a person's translation of one free-text field beside its English (decision 0027). */
  saveTranslation: (studentId: string, planId: string, body: SaveTranslationBody) =>
    api.put<PlanTranslationView>(`${one(studentId, planId)}/translations`, body),
  step: (studentId: string, planId: string, step: string, body: unknown = {}) =>
    api.post<PlanDetail>(`${one(studentId, planId)}/${step}`, body),
  recordAttendance: (studentId: string, planId: string, meetingId: string, body: unknown) =>
    api.put<PlanDetail>(`${one(studentId, planId)}/meetings/${encodeURIComponent(meetingId)}/attendance`, body),
  diff: (studentId: string, planId: string, signal?: AbortSignal) =>
    api.get<PlanDiff>(`${one(studentId, planId)}/diff`, undefined, signal),
  /** The PDF in the reader's language (or `lang`) where Lantern writes that document in it. */
  pdfUrl: (studentId: string, planId: string, kind: string, lang: Locale = getLocale()) =>
    `${one(studentId, planId)}/pdf?kind=${kind}${pdfLanguage(kind, lang)}`,
  signatureScanUrl: (studentId: string, planId: string, signatureId: string) =>
    `${one(studentId, planId)}/signatures/${encodeURIComponent(signatureId)}/scan`,
  meetingNoticeUrl: (studentId: string, planId: string, meetingId: string, lang: Locale = getLocale()) =>
    `${one(studentId, planId)}/pdf?kind=meeting-notice&meetingId=${encodeURIComponent(meetingId)}${pdfLanguage("meeting-notice", lang)}`,
};

/** Whether Lantern writes this plan document in Spanish (every document a family gets). */
export function isWrittenInSpanish(kind: string): boolean {
  return (PLAN_PDF_KINDS_IN_SPANISH as readonly string[]).includes(kind);
}

function pdfLanguage(kind: string, lang: Locale): string {
  return lang !== "en" && isWrittenInSpanish(kind) ? `&lang=${lang}` : "";
}

export function isConflict(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409;
}
