import type {
  AddStudentResponse,
  PlanType,
  StudentDetail,
  StudentIntakeSchools,
  StudentList,
  StudentListItem,
} from "@lantern/core";
import { api } from "../../lib/api-client.ts";

/** Shapes come from core's schemas (the same ones the server validates its responses with). */
export type { AddStudentResponse, PlanType, StudentDetail, StudentIntakeSchools, StudentListItem };
/** What the form sends (before the server trims and normalizes it). */
export type AddStudentRequestBody = {
  schoolId: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  grade: string;
  localId: string | null;
  guardians: Array<{
    firstName: string;
    lastName: string;
    email: string;
    relationship: string;
    preferredLanguage: string;
    interpreterNeeded: boolean;
  }>;
};
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

/** The schools where the signed-in person may add a student. */
export function loadIntakeSchools(signal?: AbortSignal) {
  return api.get<StudentIntakeSchools>("/api/student-intake/schools", undefined, signal);
}

/** Add one student (with up to two guardians); answers the new student's id. */
export function addStudent(body: AddStudentRequestBody) {
  return api.post<AddStudentResponse>("/api/students", body);
}

/** Staff set a guardian's preferred language and interpreter need on the student's record. */
export function setGuardianLanguage(
  studentId: string,
  personId: string,
  body: { language: string | null; interpreterNeeded: boolean },
) {
  return api.put<StudentDetail>(
    `/api/students/${encodeURIComponent(studentId)}/guardians/${encodeURIComponent(personId)}/language`,
    body,
  );
}

/** Staff correct a student's details (the whole set, as when adding them, without guardians). */
export function editStudentDetails(studentId: string, body: Omit<AddStudentRequestBody, "guardians">) {
  return api.put<StudentDetail>(`/api/students/${encodeURIComponent(studentId)}/details`, body);
}
