import type {
  CalendarFeed,
  ComplianceDashboard,
  ComplianceQuery,
  DeadlineList,
  PlanComplianceView,
} from "@lantern/core";
import { api, buildUrl } from "../../lib/api-client.ts";

export type { ComplianceDashboard, DeadlineList, PlanComplianceView };

export type DashboardFilters = Pick<ComplianceQuery, "scope" | "planType" | "status">;

function query(filters: DashboardFilters): Record<string, string | undefined> {
  return { scope: filters.scope, planType: filters.planType, status: filters.status };
}

export function getDashboard(filters: DashboardFilters, signal?: AbortSignal): Promise<ComplianceDashboard> {
  return api.get<ComplianceDashboard>("/api/compliance/dashboard", query(filters), signal);
}

export function getOverdue(filters: DashboardFilters, cursor: string | null, signal?: AbortSignal) {
  return api.get<DeadlineList>(
    "/api/compliance/deadlines",
    { ...query(filters), state: "overdue", limit: 25, cursor },
    signal,
  );
}

export function csvLinks(filters: DashboardFilters): { dashboard: string; overdue: string } {
  return {
    dashboard: buildUrl("/api/compliance/dashboard.csv", query(filters)),
    overdue: buildUrl("/api/compliance/deadlines.csv", { ...query(filters), state: "overdue" }),
  };
}

export function getPlanCompliance(studentId: string, planId: string, signal?: AbortSignal) {
  return api.get<PlanComplianceView>(
    `/api/students/${encodeURIComponent(studentId)}/plans/${encodeURIComponent(planId)}/compliance`,
    undefined,
    signal,
  );
}

export function createCalendarFeed(): Promise<CalendarFeed> {
  return api.post<CalendarFeed>("/api/compliance/calendar-feed");
}

export function revokeCalendarFeed(): Promise<unknown> {
  return api.delete("/api/compliance/calendar-feed");
}
