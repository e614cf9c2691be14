/**
 * Plain-language labels for plan codes, one name per code, used by screens, PDFs and the
 * year-over-year diff. English; the web's catalogs translate them under `label.<fact>.<value>`
 * (a test fails when a code has no text there). Services are named in `services/service-labels.ts`.
 */
import type { ServicePrescription } from "../services/service-prescription.ts";
import type {
  ASSESSMENT_PARTICIPATIONS,
  ASSESSMENT_SCOPES,
  ESY_DECISIONS,
  LRE_SETTING_CODES,
  POSTSECONDARY_GOAL_AREAS,
  PROGRAM_MODIFICATION_KINDS,
} from "./iep-document.ts";
import type { ATTENDANCE_STATUSES, CONTACT_METHODS, PlanDisabilityCategory, PlanTeamRole } from "./plan-common.ts";
import type { PlanType } from "./plan-document.ts";
import type { PlanState } from "./plan-lifecycle.ts";

export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export type LreSettingCode = (typeof LRE_SETTING_CODES)[number];

export const PLAN_TYPE_LABELS: Record<PlanType, string> = {
  iep: "IEP",
  "section-504": "Section 504 plan",
};

/** Where a plan (its current version) stands in its life (`plan-lifecycle.ts`). */
export const PLAN_STATUS_LABELS: Record<PlanState, string> = {
  draft: "Draft — being written",
  proposed: "Proposed — waiting for the family's signature",
  signed: "Signed and sealed — not yet in effect",
  "in-effect": "In effect",
  amended: "Replaced by an amendment",
  ended: "Ended",
};

/** The PDFs of a plan, in the order they are offered. */
export const PLAN_PDF_KINDS = [
  "full",
  "parent-summary",
  "at-a-glance",
  "prior-written-notice",
  "meeting-notice",
] as const;
export type PlanPdfKind = (typeof PLAN_PDF_KINDS)[number];

export const PLAN_PDF_LABELS: Record<PlanPdfKind, string> = {
  full: "The full plan",
  "parent-summary": "Summary for the family",
  "at-a-glance": "At a glance, for teachers",
  "prior-written-notice": "Prior written notice",
  "meeting-notice": "Notice of the team meeting",
};

/**
 * The PDFs every plan of this type has: prior written notice is an IEP notice (34 CFR 300.503).
 * The meeting notice (34 CFR 300.322(b)) is offered only once a meeting is scheduled or its notice
 * recorded, so it is not listed here.
 */
export function planPdfKindsFor(type: PlanType): readonly PlanPdfKind[] {
  return PLAN_PDF_KINDS.filter((k) => k !== "meeting-notice" && (type === "iep" || k !== "prior-written-notice"));
}

export const DISABILITY_CATEGORY_LABELS: Record<PlanDisabilityCategory, string> = {
  autism: "Autism",
  "deaf-blindness": "Deaf-blindness",
  deafness: "Deafness",
  "developmental-delay": "Developmental delay",
  "emotional-disturbance": "Emotional disturbance",
  "hearing-impairment": "Hearing impairment",
  "intellectual-disability": "Intellectual disability",
  "multiple-disabilities": "Multiple disabilities",
  "orthopedic-impairment": "Orthopedic impairment",
  "other-health-impairment": "Other health impairment",
  "specific-learning-disability": "Specific learning disability",
  "speech-or-language-impairment": "Speech or language impairment",
  "traumatic-brain-injury": "Traumatic brain injury",
  "visual-impairment": "Visual impairment, including blindness",
};

export const TEAM_ROLE_LABELS: Record<PlanTeamRole, string> = {
  parent: "Parent or guardian",
  "regular-education-teacher": "General education teacher",
  "special-education-teacher": "Special education teacher",
  "agency-representative": "District representative",
  "evaluation-interpreter": "Person who explains evaluation results",
  "related-service-provider": "Related service provider",
  student: "Student",
  interpreter: "Interpreter",
  other: "Other",
};

export const ATTENDANCE_LABELS: Record<AttendanceStatus, string> = {
  invited: "Invited",
  attended: "Attended",
  "attended-remotely": "Attended by phone or video",
  excused: "Excused in writing",
  absent: "Did not attend",
};

export const CONTACT_METHOD_LABELS: Record<(typeof CONTACT_METHODS)[number], string> = {
  phone: "Phone call",
  letter: "Letter",
  email: "Email",
  "home-visit": "Home visit",
  "work-visit": "Visit at work",
  "in-person": "In person",
  other: "Other",
};

export const PROGRAM_MODIFICATION_KIND_LABELS: Record<(typeof PROGRAM_MODIFICATION_KINDS)[number], string> = {
  "program-modification": "Change to the program",
  "support-for-staff": "Support for school staff",
};

export const ASSESSMENT_SCOPE_LABELS: Record<(typeof ASSESSMENT_SCOPES)[number], string> = {
  state: "State test",
  district: "District test",
};

export const ASSESSMENT_PARTICIPATION_LABELS: Record<(typeof ASSESSMENT_PARTICIPATIONS)[number], string> = {
  regular: "Regular test",
  "regular-with-accommodations": "Regular test with accommodations",
  alternate: "Alternate test",
};

/** Extended school year (34 CFR 300.106). */
export const ESY_DECISION_LABELS: Record<(typeof ESY_DECISIONS)[number], string> = {
  required: "Needed",
  "not-required": "Not needed",
  "to-be-determined": "To be decided",
};

/** Areas of postsecondary goals (34 CFR 300.320(b)(1)). */
export const POSTSECONDARY_GOAL_AREA_LABELS: Record<(typeof POSTSECONDARY_GOAL_AREAS)[number], string> = {
  "education-training": "Education or training",
  employment: "Work",
  "independent-living": "Living on their own",
};

export const LRE_SETTING_LABELS: Record<LreSettingCode, string> = {
  RC80: "General education class 80% or more of the day",
  RC79TO40: "General education class 40% to 79% of the day",
  RC39: "General education class less than 40% of the day",
  SS: "Separate school",
  RF: "Residential facility",
  HH: "Homebound or hospital",
  CF: "Correctional facility",
  PPPS: "Parentally placed in private school",
};

const PER_LABEL = { day: "day", week: "week", month: "month" } as const;

/** "2 × 30 minutes per week (60 minutes per week)", or "" when the service is not fully prescribed. */
export function describeServiceAmount(service: {
  frequency?: ServicePrescription["frequency"] | undefined;
  minutesPerSession?: number | undefined;
}): string {
  const { frequency, minutesPerSession } = service;
  if (!frequency || minutesPerSession === undefined) return "";
  const per = PER_LABEL[frequency.per];
  const total = frequency.times * minutesPerSession;
  if (frequency.times === 1) return `${minutesPerSession} minutes per ${per}`;
  return `${frequency.times} × ${minutesPerSession} minutes per ${per} (${total} minutes per ${per})`;
}

/** Total minutes per period (null when not fully prescribed). */
export function minutesPerPeriod(service: {
  frequency?: ServicePrescription["frequency"] | undefined;
  minutesPerSession?: number | undefined;
}): { minutes: number; per: "day" | "week" | "month" } | null {
  if (!service.frequency || service.minutesPerSession === undefined) return null;
  return { minutes: service.frequency.times * service.minutesPerSession, per: service.frequency.per };
}
