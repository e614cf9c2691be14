/**
 * The CSV files Lantern exports (RFC 4180, a header row, UTF-8): the compliance dashboard's
 * counts, a deadline list, and the service-fidelity report. Each writer takes what the API
 * answers and returns the file's text; the columns are named here once.
 *
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return before one) as
 * a formula, so a student named `=HYPERLINK(…)` could send a click anywhere. Every text cell that
 * starts so is written with a leading apostrophe, which spreadsheets show as text (the OWASP
 * advice for CSV injection). Numbers are written as numbers.
 */
import {
  type AuditTrailEntry,
  type ComplianceDashboard,
  type DeadlineList,
  FINDING_RULES,
  type FidelityReportView,
} from "@lantern/core";
import { stringify as stringifyCsv } from "csv-stringify/sync";

const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell as a spreadsheet will only ever show it: with a leading ' when it could run as a formula. */
export function safeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function stringify(rows: Array<Record<string, unknown>>, options: { header: boolean; columns?: string[] }): string {
  return stringifyCsv(rows, { ...options, cast: { string: safeCell } });
}

/** The dashboard's counts by finding (with the rule's citation) and by deadline kind and state. */
export function dashboardCsv(view: Pick<ComplianceDashboard, "findings" | "deadlines">): string {
  const rows = [
    ...view.findings.map((f) => ({
      kind: "finding",
      code: f.code,
      severity: f.severity,
      citation: FINDING_RULES[f.code].citation,
      findings: f.findings,
      plans: f.plans,
      overdue: "",
      due_soon: "",
      due: "",
      met: "",
    })),
    ...view.deadlines.byKind.map((d) => ({
      kind: "deadline",
      code: d.kind,
      severity: "",
      citation: "",
      findings: "",
      plans: "",
      overdue: d.overdue,
      due_soon: d.dueSoon,
      due: d.due,
      met: d.met,
    })),
  ];
  return stringify(rows, { header: true });
}

/** A deadline list, one deadline a row. */
export function deadlinesCsv(list: Pick<DeadlineList, "items">): string {
  return stringify(
    list.items.map((i) => ({
      student: i.studentName,
      plan_type: i.planType,
      deadline: i.label,
      kind: i.kind,
      due_date: i.dueDate,
      state: i.state,
      days_left: i.daysLeft,
      citation: i.citation,
    })),
    { header: true },
  );
}

/** The service-fidelity report, one group (provider, school or district) a row. */
export function serviceFidelityCsv(report: Pick<FidelityReportView, "groups">): string {
  return stringify(
    report.groups.map((g) => ({
      group: g.label,
      students: g.students,
      services: g.services,
      required_minutes: g.requiredMinutes,
      delivered_minutes: g.deliveredMinutes,
      made_up_minutes: g.madeUpMinutes,
      missed_minutes: g.missedMinutes,
      compensatory_owed_minutes: g.compensatoryOwedMinutes,
      fidelity_percent: g.fidelity === null ? "" : Math.round(g.fidelity * 1000) / 10,
      services_behind_schedule: g.servicesBehindSchedule,
    })),
    { header: true },
  );
}

/** The audit trail or the record of access, one row an entry, newest first. */
export function auditTrailCsv(entries: readonly AuditTrailEntry[]): string {
  return stringify(
    entries.map((e) => ({
      id: e.id,
      at: e.at,
      action: e.action,
      person: e.personName ?? "",
      person_email: e.personEmail ?? "",
      student: e.studentName ?? "",
      what: e.what ?? "",
      purpose: e.purpose ?? "",
      basis: e.basis ?? "",
    })),
    { header: true, columns: ["id", "at", "action", "person", "person_email", "student", "what", "purpose", "basis"] },
  );
}
