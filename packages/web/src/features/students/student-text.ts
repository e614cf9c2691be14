import { longDate } from "../../i18n/dates.ts";
import { label, labelOrCode } from "../../i18n/labels.ts";
import { t } from "../../i18n/t.ts";
import type { DeadlineSummary, PlanSummary } from "./api.ts";

export function studentName(student: { firstName: string; lastName: string }): string {
  return t("students.fullName", { firstName: student.firstName, lastName: student.lastName });
}

export function planTypeLabel(plan: PlanSummary): string {
  return label("planType", plan.type);
}

export function planLabel(plan: PlanSummary): string {
  const status = labelOrCode("planStatus", plan.status);
  return t("students.plan.withStatus", { plan: planTypeLabel(plan), status });
}

export function deadlineText(deadline: DeadlineSummary): string {
  const text = t("students.deadline.text", { label: deadline.label, date: longDate(deadline.dueDate) });
  return `${text} (${label("deadlineState", deadline.state)})`;
}

/**
 * The same for a family: the name of what is due ("Progress report"), in their language, rather
 * than the staff task the API's label words ("Send the family the next report…").
 */
export function familyDeadlineText(deadline: DeadlineSummary): string {
  return deadlineText(deadline.kind ? { ...deadline, label: label("deadlineKind", deadline.kind) } : deadline);
}
