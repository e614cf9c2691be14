import { longDate } from "../../i18n/dates.ts";
import { t, tMaybe } from "../../i18n/t.ts";
import type { DeadlineSummary, PlanSummary } from "./api.ts";

export function studentName(student: { firstName: string; lastName: string }): string {
  return t("students.fullName", { firstName: student.firstName, lastName: student.lastName });
}

export function planTypeLabel(plan: PlanSummary): string {
  return t(plan.type === "iep" ? "students.plan.iep" : "students.plan.section-504");
}

export function planLabel(plan: PlanSummary): string {
  const status = tMaybe(`students.plan.status.${plan.status}`) ?? plan.status.replaceAll("-", " ");
  return t("students.plan.withStatus", { plan: planTypeLabel(plan), status });
}

export function deadlineText(deadline: DeadlineSummary): string {
  const text = t("students.deadline.text", { label: deadline.label, date: longDate(deadline.dueDate) });
  const state = tMaybe(`students.deadline.state.${deadline.state}`);
  return state ? `${text} (${state})` : text;
}
