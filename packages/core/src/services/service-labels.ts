/**
 * The names of services, one per service, used on every screen, in PDFs, in the navigator and in
 * the year-over-year diff. A related service is named as 34 CFR 300.34 names it.
 * English; the web's catalogs translate them under `label.<fact>.<value>`.
 */
import type { RelatedService } from "../eligibility/navigator-facts.ts";
import type { SERVICE_AREAS, SERVICE_DELIVERIES, SERVICE_KINDS, SERVICE_PERIODS } from "./service-prescription.ts";

export type ServiceArea = (typeof SERVICE_AREAS)[number];
export type ServiceKind = (typeof SERVICE_KINDS)[number];
export type ServicePeriod = (typeof SERVICE_PERIODS)[number];
export type ServiceDelivery = (typeof SERVICE_DELIVERIES)[number];

export const SERVICE_AREA_LABELS: Record<ServiceArea, string> = {
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
  "travel-training": "Travel training",
  "vocational-education": "Vocational education",
  other: "Other service",
};

/**
 * The related services the navigator asks about (34 CFR 300.34): those a plan can also prescribe
 * carry the same name as in the plan (`SERVICE_AREA_LABELS`).
 */
export const RELATED_SERVICE_LABELS: Record<RelatedService, string> = {
  "speech-language-pathology": SERVICE_AREA_LABELS["speech-language-pathology"],
  audiology: SERVICE_AREA_LABELS.audiology,
  "interpreting-services": SERVICE_AREA_LABELS["interpreting-services"],
  "psychological-services": SERVICE_AREA_LABELS["psychological-services"],
  "physical-therapy": SERVICE_AREA_LABELS["physical-therapy"],
  "occupational-therapy": SERVICE_AREA_LABELS["occupational-therapy"],
  recreation: "Therapeutic recreation",
  "early-identification-and-assessment": "Early identification and assessment",
  counseling: SERVICE_AREA_LABELS.counseling,
  "rehabilitation-counseling": "Rehabilitation counseling",
  "orientation-and-mobility": SERVICE_AREA_LABELS["orientation-and-mobility"],
  "medical-diagnostic-services": "Medical services to diagnose or evaluate",
  "school-health-services": SERVICE_AREA_LABELS["school-health-services"],
  "school-nurse-services": "School nurse services",
  "social-work-services": SERVICE_AREA_LABELS["social-work-services"],
  "parent-counseling-and-training": SERVICE_AREA_LABELS["parent-counseling-and-training"],
  transportation: SERVICE_AREA_LABELS.transportation,
};

export const SERVICE_KIND_LABELS: Record<ServiceKind, string> = {
  "special-education": "Special education",
  "related-service": "Related service",
  "supplementary-aid": "Supplementary aid or service",
};

/** A service's period as a choice ("2 sessions … per week"). */
export const SERVICE_PERIOD_LABELS: Record<ServicePeriod, string> = {
  day: "Per day",
  week: "Per week",
  month: "Per month",
};

export const SERVICE_DELIVERY_LABELS: Record<ServiceDelivery, string> = {
  individual: "Individual",
  group: "Group",
  consult: "Consultation with the teachers",
};
