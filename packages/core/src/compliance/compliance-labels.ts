/**
 * Names of the compliance facts shown to people: deadline kinds, where a deadline stands, and how
 * serious a finding is. English; the web's catalogs translate them under `label.<fact>.<value>`.
 */
import type { DEADLINE_KINDS, DEADLINE_STATES } from "./deadlines.ts";
import type { SEVERITIES } from "./findings.ts";

type DeadlineKindName = (typeof DEADLINE_KINDS)[number];
type DeadlineStateName = (typeof DEADLINE_STATES)[number];
type SeverityName = (typeof SEVERITIES)[number];

export const DEADLINE_KIND_LABELS: Record<DeadlineKindName, string> = {
  "assessment-plan": "Assessment plan to the parent",
  "parent-consent-period": "Parent's time to decide on the assessment plan",
  "initial-evaluation": "Initial evaluation",
  "iep-after-eligibility": "IEP meeting after eligibility",
  "annual-review": "Annual review",
  reevaluation: "Three-year reevaluation",
  "transition-plan": "Transition plan (age 16)",
  "transfer-of-rights": "Transfer-of-rights statement",
  "progress-report": "Progress report",
  "section504-reevaluation": "504 reevaluation",
  "safeguards-notice": "Procedural safeguards notice",
  "safeguards-notice-event": "Procedural safeguards notice on an event",
};

/** Where a deadline stands, lower case: it is read inside a sentence ("Annual review: March 12, 2027 (late)"). */
export const DEADLINE_STATE_LABELS: Record<DeadlineStateName, string> = {
  due: "coming up",
  "due-soon": "due soon",
  overdue: "late",
  met: "done",
};

export const SEVERITY_LABELS: Record<SeverityName, string> = {
  error: "Breaks a legal requirement",
  warning: "Should be fixed",
  info: "Worth a look",
};
