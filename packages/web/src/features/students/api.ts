import type { PlanType, StudentDetail, StudentList, StudentListItem } from "@lantern/core";
import { api } from "../../lib/api-client.ts";

/** Shapes come from core's schemas (the same ones the server validates its responses with). */
export type { PlanType, StudentDetail, StudentListItem };
export type PlanSummary = StudentListItem["plans"][number];
export type DeadlineSummary = NonNullable<StudentListItem["nextDeadline"]>;
export type StudentPage = StudentList;

export const PAGE_SIZE = 25;

/** The students the signed-in person may see: a caseload for staff, their own children for families. */
export function listStudents(options: { cursor?: string | null; q?: string; signal?: AbortSignal } = {}) {
  return api.get<StudentPage>(
    "/api/students",
    { limit: PAGE_SIZE, cursor: options.cursor, q: options.q },
    options.signal,
  );
}

export function getStudent(id: string, signal?: AbortSignal) {
  return api.get<StudentDetail>(`/api/students/${encodeURIComponent(id)}`, undefined, signal);
}
