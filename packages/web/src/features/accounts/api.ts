import type {
  CaseloadResponse,
  ChangeRolesRequest,
  ForgotPasswordRequest,
  InboxResponse,
  InvitePersonRequest,
  MailOutboxResponse,
  PeopleResponse,
  PersonSummary,
  ProviderDiscipline,
  SecuritySettings,
  StudentList,
} from "@lantern/core";
import { api } from "../../lib/api-client.ts";

export type { InboxResponse, MailOutboxResponse, PeopleResponse, PersonSummary };

export const loadPeople = (signal?: AbortSignal) => api.get<PeopleResponse>("/api/people", undefined, signal);
export const invitePerson = (body: InvitePersonRequest) => api.post<PersonSummary>("/api/people", body);
export const resendInvitation = (id: string) => api.post<null>(`/api/people/${id}/invitation`);
export const revokeInvitation = (id: string) => api.delete<null>(`/api/people/${id}/invitation`);
export const deactivate = (id: string) => api.post<null>(`/api/people/${id}/deactivate`);
export const reactivate = (id: string) => api.post<null>(`/api/people/${id}/reactivate`);
export const transferCaseload = (id: string, toPersonId: string) =>
  api.post<{ moved: number }>(`/api/people/${id}/caseload/transfer`, { toPersonId });
export const changeRoles = (id: string, roles: ChangeRolesRequest["roles"]) =>
  api.put<null>(`/api/people/${id}/roles`, { roles });
export const setDiscipline = (id: string, discipline: ProviderDiscipline | null) =>
  api.put<null>(`/api/people/${id}/discipline`, { discipline });
export const loadCaseload = (id: string, signal?: AbortSignal) =>
  api.get<CaseloadResponse>(`/api/people/${id}/caseload`, undefined, signal);
export const addToCaseload = (id: string, studentId: string) =>
  api.put<null>(`/api/people/${id}/caseload/${studentId}`);
export const removeFromCaseload = (id: string, studentId: string) =>
  api.delete<null>(`/api/people/${id}/caseload/${studentId}`);
/** Students an administrator may place on a caseload, by name. */
export const findStudents = (q: string) => api.get<StudentList>("/api/students", { q, limit: "20" });
export const loadOutbox = (signal?: AbortSignal) =>
  api.get<MailOutboxResponse>("/api/district/mail-outbox", undefined, signal);

export const setPassword = (token: string, password: string) =>
  api.post<{ email: string }>("/api/auth/password", { token, password });
export const forgotPassword = (body: ForgotPasswordRequest) =>
  api.post<{ message: string }>("/api/auth/forgot-password", body);

export const loadInbox = (signal?: AbortSignal) => api.get<InboxResponse>("/api/inbox", undefined, signal);
export const markRead = (id: string) => api.post<null>(`/api/inbox/notifications/${id}/read`);
export const decideLink = (id: string, accept: boolean) =>
  api.post<null>(`/api/inbox/guardian-links/${id}`, { accept });
export const setEmailNotifications = (emailNotifications: boolean) =>
  api.put<null>("/api/inbox/preferences", { emailNotifications });

export type { SecuritySettings };
export const loadSecuritySettings = (signal?: AbortSignal) =>
  api.get<SecuritySettings>("/api/district/security-settings", undefined, signal);
export const saveSecuritySettings = (body: SecuritySettings) =>
  api.put<SecuritySettings>("/api/district/security-settings", body);
