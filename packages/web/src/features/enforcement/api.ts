import type {
  CaseloadWeek,
  CompensatoryPolicy,
  FidelityQuery,
  FidelityReportView,
  ProgressBatchResult,
  ProgressEntry,
  ProgressPointView,
  RecordPointBody,
  ServiceAlerts,
  ServiceSessionEntry,
  StoredSessionView,
  StudentDetail,
  StudentList,
  StudentProgress,
  StudentServiceMinutes,
  WeekLogResult,
} from "@lantern/core";
import type { Locale } from "../../i18n/catalogs.ts";
import { getLocale } from "../../i18n/t.ts";
import { api, buildUrl } from "../../lib/api-client.ts";

export type {
  CaseloadWeek,
  CompensatoryPolicy,
  FidelityQuery,
  FidelityReportView,
  StoredSessionView,
  StudentProgress,
  StudentServiceMinutes,
};

/** The student's name for page headings (the record itself belongs to the students feature). */
export type StudentHeading = Pick<StudentDetail, "id" | "firstName" | "lastName">;

const student = (id: string) => `/api/students/${encodeURIComponent(id)}`;

export function getStudentHeading(id: string, signal?: AbortSignal) {
  return api.get<StudentHeading>(student(id), undefined, signal);
}

export function getServiceMinutes(id: string, signal?: AbortSignal) {
  return api.get<StudentServiceMinutes>(`${student(id)}/service-minutes`, undefined, signal);
}

export function getProgress(id: string, signal?: AbortSignal) {
  return api.get<StudentProgress>(`${student(id)}/progress`, undefined, signal);
}

export function recordDataPoint(id: string, body: RecordPointBody) {
  return api.post<ProgressPointView>(`${student(id)}/progress`, body);
}

export function getCaseloadWeek(weekOf: string, signal?: AbortSignal) {
  return api.get<CaseloadWeek>("/api/caseload/service-week", { weekOf }, signal);
}

export function saveCaseloadWeek(weekOf: string, entries: ServiceSessionEntry[]) {
  return api.put<WeekLogResult>("/api/caseload/service-week", { weekOf, entries });
}

/** `lang=es` for a document in Spanish; nothing for English (the server's default). */
const documentLanguage = (lang: Locale) => (lang === "es" ? { lang } : {});

/** The delivery summary PDF in the reader's language (or `lang`). */
export const deliverySummaryPdfUrl = (id: string, lang: Locale = getLocale()) =>
  buildUrl(`${student(id)}/service-minutes.pdf`, documentLanguage(lang));
/** The progress report PDF (as of `asOf`, default today) in the reader's language (or `lang`). */
export const progressReportPdfUrl = (id: string, asOf?: string, lang: Locale = getLocale()) =>
  buildUrl(`${student(id)}/progress-report.pdf`, { asOf, ...documentLanguage(lang) });

export function getServiceFidelity(query: FidelityQuery, signal?: AbortSignal) {
  return api.get<FidelityReportView>("/api/reports/service-fidelity", query, signal);
}

export function serviceFidelityCsvUrl(query: FidelityQuery): string {
  const search = new URLSearchParams({ by: query.by ?? "school" });
  if (query.from) search.set("from", query.from);
  if (query.through) search.set("through", query.through);
  return `/api/reports/service-fidelity.csv?${search.toString()}`;
}

/** Services behind schedule on the signed-in person's caseload. */
export function getServiceAlerts(signal?: AbortSignal) {
  return api.get<ServiceAlerts>("/api/caseload/service-alerts", undefined, signal);
}

/** The students a staff member works with (first 100), to gather their goals for batch entry. */
export function listCaseload(signal?: AbortSignal) {
  return api.get<StudentList>("/api/students", { limit: 100 }, signal);
}

/** Record many data points at once (a caseload). */
export function recordProgressBatch(entries: ProgressEntry[]) {
  return api.post<ProgressBatchResult>("/api/progress/batch", { entries });
}

export function getCompensatoryPolicy(signal?: AbortSignal) {
  return api.get<CompensatoryPolicy>("/api/district/compensatory-policy", undefined, signal);
}

export function putCompensatoryPolicy(policy: CompensatoryPolicy) {
  return api.put<CompensatoryPolicy>("/api/district/compensatory-policy", policy);
}
