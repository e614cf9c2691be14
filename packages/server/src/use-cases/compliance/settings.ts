/**
 * The district's compliance settings (due-soon window, Section 504 reevaluation interval,
 * boilerplate threshold) and school calendar. Stored results depend on both, so a change marks
 * the district's plans for a new check on their next read.
 */
import type { ComplianceSettings, SchoolCalendarData, SchoolCalendarView } from "@lantern/core";
import { type Actor, auditAs, inTransaction, type UseCaseDeps } from "../deps.ts";

export async function readComplianceSettings(
  deps: UseCaseDeps,
  input: { districtId: string },
): Promise<ComplianceSettings> {
  const s = await deps.repos.compliance.settings(input.districtId);
  return {
    dueSoonDays: s.dueSoonDays,
    section504ReevaluationYears: s.section504ReevaluationYears,
    boilerplateMinStudents: s.boilerplateMinStudents,
  };
}

export async function updateComplianceSettings(
  deps: UseCaseDeps,
  input: { districtId: string; settings: ComplianceSettings; actor: Actor },
): Promise<ComplianceSettings> {
  return inTransaction(deps, async (tx) => {
    await tx.repos.compliance.saveSettings(input.districtId, input.settings, input.actor.personId);
    await tx.repos.compliance.markDistrictStale(input.districtId);
    await auditAs(
      tx.audit,
      input.actor,
    )({ action: "settings.updated", studentId: null, subject: "compliance-settings", details: { ...input.settings } });
    return input.settings;
  });
}

export async function readSchoolCalendar(
  deps: UseCaseDeps,
  input: { districtId: string },
): Promise<SchoolCalendarView> {
  const own = await deps.repos.compliance.calendar(input.districtId);
  return { custom: own !== null, calendar: own ? own.data : null };
}

export async function setSchoolCalendar(
  deps: UseCaseDeps,
  input: { districtId: string; calendar: SchoolCalendarData; actor: Actor },
): Promise<SchoolCalendarView> {
  return inTransaction(deps, async (tx) => {
    await tx.repos.compliance.saveCalendar(input.districtId, input.calendar, input.actor.personId);
    await tx.repos.compliance.markDistrictStale(input.districtId);
    await auditAs(
      tx.audit,
      input.actor,
    )({
      action: "compliance.calendar-updated",
      studentId: null,
      subject: "school-calendar",
      details: { years: input.calendar.years.length },
    });
    return readSchoolCalendar(tx, input);
  });
}
