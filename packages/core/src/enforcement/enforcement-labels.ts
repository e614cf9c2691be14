/**
 * Names of the service-delivery and progress facts shown to people. English; the web's catalogs
 * translate them under `label.<fact>.<value>`.
 */
import type { FIDELITY_GROUPINGS } from "./plan-enforcement.ts";
import type { ProgressStatus } from "./progress.ts";
import type { SESSION_STATUSES } from "./service-minutes.ts";

type SessionStatusName = (typeof SESSION_STATUSES)[number];
type FidelityGroupingName = (typeof FIDELITY_GROUPINGS)[number];

/** What happened to a scheduled session. */
export const SESSION_STATUS_LABELS: Record<SessionStatusName, string> = {
  delivered: "Delivered",
  "student-absent": "Student absent",
  "provider-absent": "Provider absent",
  "school-closed": "School closed",
  "student-unavailable": "Student unavailable (school activity)",
  "make-up": "Make-up session",
  "disciplinary-removal": "Student removed for discipline (suspension or expulsion)",
  "disability-related-absence": "Student absent for a reason related to the disability",
};

export const PROGRESS_STATUS_LABELS: Record<ProgressStatus, string> = {
  "on-track": "On track",
  "not-yet-on-track": "Not yet on track",
  "no-data": "No data yet",
};

export const FIDELITY_GROUPING_LABELS: Record<FidelityGroupingName, string> = {
  provider: "Provider",
  school: "School",
  district: "District",
};
