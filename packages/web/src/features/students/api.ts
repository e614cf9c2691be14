import { api } from "../../lib/api-client.ts";

export type PlanType = "iep" | "section-504";

export type PlanSummary = { id: string; type: PlanType; status: string };

export type DeadlineSummary = { label: string; dueDate: string; state: string };

export type StudentListItem = {
  id: string;
  firstName: string;
  lastName: string;
  grade: string | number;
  schoolName: string;
  plans: PlanSummary[];
  nextDeadline: DeadlineSummary | null;
};

export type StudentPage = { items: StudentListItem[]; nextCursor: string | null };

export type StudentDetail = {
  id: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  grade: string | number;
  school: { id: string; name: string };
  guardians: { name: string; relationship: string }[];
  plans: PlanSummary[];
  caseManager: { name: string } | null;
};

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
