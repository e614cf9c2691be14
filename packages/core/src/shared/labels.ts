/**
 * Every fact Lantern names for people, in one registry: fact → value → English label. Screens,
 * PDFs, CSV files and core's own sentences take a code's name from here (or from the table it
 * points to), so one code has one name everywhere. The web's catalogs carry these under
 * `label.<fact>.<value>` (English derived from this registry, other languages translated), and a
 * web test fails when a fact gains a value the catalogs have no text for.
 *
 * This module and the tables it collects import no zod, so the web can use them without loading
 * the schemas.
 */
import { ROLE_LABELS } from "../access/role-labels.ts";
import { DEADLINE_KIND_LABELS, DEADLINE_STATE_LABELS, SEVERITY_LABELS } from "../compliance/compliance-labels.ts";
import {
  FIDELITY_GROUPING_LABELS,
  PROGRESS_STATUS_LABELS,
  SESSION_STATUS_LABELS,
} from "../enforcement/enforcement-labels.ts";
import { GOAL_AREA_LABELS } from "../goal-bank/goal-patterns.ts";
import {
  ASSESSMENT_PARTICIPATION_LABELS,
  ASSESSMENT_SCOPE_LABELS,
  ATTENDANCE_LABELS,
  CONTACT_METHOD_LABELS,
  DISABILITY_CATEGORY_LABELS,
  ESY_DECISION_LABELS,
  LRE_SETTING_LABELS,
  PLAN_PDF_LABELS,
  PLAN_STATUS_LABELS,
  PLAN_TYPE_LABELS,
  POSTSECONDARY_GOAL_AREA_LABELS,
  PROGRAM_MODIFICATION_KIND_LABELS,
  TEAM_ROLE_LABELS,
} from "../plans/plan-labels.ts";
import { IEP_SECTION_TITLES, SECTION_504_SECTION_TITLES } from "../plans/plan-sections.ts";
import {
  RELATED_SERVICE_LABELS,
  SERVICE_AREA_LABELS,
  SERVICE_DELIVERY_LABELS,
  SERVICE_KIND_LABELS,
  SERVICE_PERIOD_LABELS,
} from "../services/service-labels.ts";

export const LABELS = {
  planType: PLAN_TYPE_LABELS,
  planStatus: PLAN_STATUS_LABELS,
  planPdf: PLAN_PDF_LABELS,
  iepSection: IEP_SECTION_TITLES,
  section504Section: SECTION_504_SECTION_TITLES,
  teamRole: TEAM_ROLE_LABELS,
  attendance: ATTENDANCE_LABELS,
  disabilityCategory: DISABILITY_CATEGORY_LABELS,
  lreSetting: LRE_SETTING_LABELS,
  contactMethod: CONTACT_METHOD_LABELS,
  programModificationKind: PROGRAM_MODIFICATION_KIND_LABELS,
  assessmentScope: ASSESSMENT_SCOPE_LABELS,
  assessmentParticipation: ASSESSMENT_PARTICIPATION_LABELS,
  esyDecision: ESY_DECISION_LABELS,
  postsecondaryGoalArea: POSTSECONDARY_GOAL_AREA_LABELS,
  serviceArea: SERVICE_AREA_LABELS,
  relatedService: RELATED_SERVICE_LABELS,
  serviceKind: SERVICE_KIND_LABELS,
  servicePeriod: SERVICE_PERIOD_LABELS,
  serviceDelivery: SERVICE_DELIVERY_LABELS,
  deadlineKind: DEADLINE_KIND_LABELS,
  deadlineState: DEADLINE_STATE_LABELS,
  severity: SEVERITY_LABELS,
  sessionStatus: SESSION_STATUS_LABELS,
  progressStatus: PROGRESS_STATUS_LABELS,
  fidelityGrouping: FIDELITY_GROUPING_LABELS,
  role: ROLE_LABELS,
  goalArea: GOAL_AREA_LABELS,
} as const;

export type LabelledFact = keyof typeof LABELS;
export type LabelledValue<F extends LabelledFact> = keyof (typeof LABELS)[F] & string;

/** The English name of `value`, or `value` itself when the fact has no such value (data from a newer version). */
export function labelOf<F extends LabelledFact>(fact: F, value: string): string {
  const table = LABELS[fact] as Readonly<Record<string, string>>;
  return Object.hasOwn(table, value) ? (table[value] as string) : value;
}
