/** The navigator's calls to the server: the result and the letters (no sign-in), saving to a record. */
import type {
  LetterRequestInput,
  NavigatorFactsInput,
  NavigatorReport,
  SavedLetter,
  SavedLetterList,
  SavedNavigatorResult,
  SavedNavigatorResults,
  StudentList,
  WrittenLetter,
} from "@lantern/core";
import { ApiError, type ApiErrorBody, api, apiRequest, CSRF_HEADER, currentCsrfToken } from "../../lib/api-client.ts";

/** The result, its reasons and next steps written in the page's language (core writes both). */
export function runNavigator(facts: NavigatorFactsInput, lang: "en" | "es" = "en"): Promise<NavigatorReport> {
  return apiRequest<NavigatorReport>("/api/navigator", {
    method: "POST",
    body: facts,
    ...(lang === "en" ? {} : { query: { lang } }),
  });
}

/** A letter's words, and the same as plain text. */
export function fetchLetter(body: LetterRequestInput): Promise<WrittenLetter> {
  return api.post<WrittenLetter>("/api/navigator/letter", body);
}

/** A letter as PDF bytes. */
export async function fetchLetterPdf(body: LetterRequestInput): Promise<Blob> {
  const headers: Record<string, string> = { "content-type": "application/json", accept: "application/pdf" };
  const token = currentCsrfToken();
  if (token) headers[CSRF_HEADER] = token;
  let response: Response;
  try {
    response = await fetch("/api/navigator/letter.pdf", {
      method: "POST",
      headers,
      credentials: "same-origin",
      body: JSON.stringify(body),
    });
  } catch (cause) {
    throw new ApiError(0, { message: cause instanceof Error ? cause.message : "Network request failed" });
  }
  if (!response.ok) {
    let data: ApiErrorBody = { error: response.statusText };
    try {
      data = (await response.json()) as ApiErrorBody;
    } catch {
      // keep the status text
    }
    throw new ApiError(response.status, data);
  }
  return response.blob();
}

/** Save bytes as a file through a temporary link (works by keyboard: it follows a button press). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Students the signed-in staff member may save a result for (their first 100, by name). */
export function listStudentsForSaving(signal?: AbortSignal) {
  return api.get<StudentList>("/api/students", { limit: 100 }, signal);
}

/** Save a result to a student's record (staff; written to the record of access). */
export function saveResultToRecord(studentId: string, facts: NavigatorFactsInput): Promise<SavedNavigatorResult> {
  return api.post<SavedNavigatorResult>(`/api/students/${encodeURIComponent(studentId)}/navigator-results`, { facts });
}

/** Navigator results saved to a student's record, newest first. */
export function listSavedResults(studentId: string, signal?: AbortSignal) {
  return api.get<SavedNavigatorResults>(
    `/api/students/${encodeURIComponent(studentId)}/navigator-results`,
    undefined,
    signal,
  );
}

/** A parent saves a letter to the child's record (written to the record of access). */
export function saveLetterToRecord(studentId: string, request: LetterRequestInput): Promise<SavedLetter> {
  return api.post<SavedLetter>(`/api/students/${encodeURIComponent(studentId)}/letters`, { request });
}

/** Letters saved to a student's record, newest first. */
export function listSavedLetters(studentId: string, signal?: AbortSignal) {
  return api.get<SavedLetterList>(`/api/students/${encodeURIComponent(studentId)}/letters`, undefined, signal);
}

/** The address of a saved letter's PDF. */
export function savedLetterPdfUrl(studentId: string, letterId: string): string {
  return `/api/students/${encodeURIComponent(studentId)}/letters/${encodeURIComponent(letterId)}/pdf`;
}
