/**
 * Plain-language labels for plan codes, used by the year-over-year diff, PDFs and screens.
 * English; other languages get their own table with the same keys.
 */
import type { ServicePrescription } from "../services/service-prescription.ts";
import type { PlanDisabilityCategory, PlanTeamRole } from "./plan-common.ts";

export const SERVICE_AREA_LABELS: Record<ServicePrescription["area"], string> = {
  "specialized-academic-instruction": "Specialized academic instruction",
  "speech-language-pathology": "Speech-language pathology",
  "occupational-therapy": "Occupational therapy",
  "physical-therapy": "Physical therapy",
  counseling: "Counseling",
  "behavior-support": "Behavior support",
  "adaptive-physical-education": "Adaptive physical education",
  audiology: "Audiology",
  "interpreting-services": "Interpreting services",
  "psychological-services": "Psychological services",
  "orientation-and-mobility": "Orientation and mobility",
  "school-health-services": "School health services",
  "social-work-services": "Social work services",
  "parent-counseling-and-training": "Parent counseling and training",
  transportation: "Transportation",
  "assistive-technology": "Assistive technology",
  "paraprofessional-support": "Paraprofessional support",
  other: "Other service",
};

export const SERVICE_KIND_LABELS: Record<ServicePrescription["kind"], string> = {
  "special-education": "Special education",
  "related-service": "Related service",
  "supplementary-aid": "Supplementary aid or service",
};

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

export const LRE_SETTING_LABELS: Record<string, string> = {
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
