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
  ACCOMMODATION_CATEGORY_LABELS,
  AID_KIND_LABELS,
  CONSENT_CHOICE_LABELS,
  DISCIPLINE_KIND_LABELS,
  EVALUATION_EXTENSION_BASIS_LABELS,
  EVALUATION_KIND_LABELS,
  EVALUATION_SOURCE_LABELS,
  EXIT_REASON_LABELS,
  GOAL_DIRECTION_LABELS,
  GOAL_DOMAIN_LABELS,
  MAJOR_LIFE_ACTIVITY_LABELS,
  MEETING_TYPE_LABELS,
  NOTICE_ACTION_LABELS,
  PARENT_PARTICIPATION_LABELS,
  PROGRESS_SCHEDULE_KIND_LABELS,
  PROGRESS_SCHEDULE_PERIOD_LABELS,
  SAFEGUARDS_EVENT_LABELS,
  SAFEGUARDS_METHOD_LABELS,
  TRANSITION_SERVICE_AREA_LABELS,
  YES_NO_LABELS,
} from "../plans/plan-choice-labels.ts";
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
  goalDomain: GOAL_DOMAIN_LABELS,
  goalDirection: GOAL_DIRECTION_LABELS,
  progressScheduleKind: PROGRESS_SCHEDULE_KIND_LABELS,
  progressSchedulePeriod: PROGRESS_SCHEDULE_PERIOD_LABELS,
  accommodationCategory: ACCOMMODATION_CATEGORY_LABELS,
  transitionServiceArea: TRANSITION_SERVICE_AREA_LABELS,
  noticeAction: NOTICE_ACTION_LABELS,
  consentChoice: CONSENT_CHOICE_LABELS,
  meetingType: MEETING_TYPE_LABELS,
  parentParticipation: PARENT_PARTICIPATION_LABELS,
  safeguardsMethod: SAFEGUARDS_METHOD_LABELS,
  safeguardsEvent: SAFEGUARDS_EVENT_LABELS,
  evaluationKind: EVALUATION_KIND_LABELS,
  evaluationExtensionBasis: EVALUATION_EXTENSION_BASIS_LABELS,
  exitReason: EXIT_REASON_LABELS,
  disciplineKind: DISCIPLINE_KIND_LABELS,
  aidKind: AID_KIND_LABELS,
  evaluationSource: EVALUATION_SOURCE_LABELS,
  majorLifeActivity: MAJOR_LIFE_ACTIVITY_LABELS,
  yesNo: YES_NO_LABELS,
} as const;

export type LabelledFact = keyof typeof LABELS;
export type LabelledValue<F extends LabelledFact> = keyof (typeof LABELS)[F] & string;

/** The English name of `value`, or `value` itself when the fact has no such value (data from a newer version). */
export function labelOf<F extends LabelledFact>(fact: F, value: string): string {
  const table = LABELS[fact] as Readonly<Record<string, string>>;
  return Object.hasOwn(table, value) ? (table[value] as string) : value;
}
