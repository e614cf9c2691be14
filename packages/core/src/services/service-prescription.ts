/**
 * How much of a service a plan promises: the projected start date, frequency, duration and
 * location of each special education service, related service and supplementary aid
 * (34 CFR 300.320(a)(7)). One schema, shared by the plan documents and service-delivery math.
 */
import { z } from "zod";
import { ZIsoDate } from "../shared/dates.ts";

export const SERVICE_KINDS = ["special-education", "related-service", "supplementary-aid"] as const;
export const ZServiceKind = z.enum(SERVICE_KINDS);

/** Related services named in 34 CFR 300.34, plus common supports named by IEP teams. */
export const SERVICE_AREAS = [
  "specialized-academic-instruction",
  "speech-language-pathology",
  "occupational-therapy",
  "physical-therapy",
  "counseling",
  "behavior-support",
  "adaptive-physical-education",
  "audiology",
  "interpreting-services",
  "psychological-services",
  "orientation-and-mobility",
  "school-health-services",
  "social-work-services",
  "parent-counseling-and-training",
  "transportation",
  "assistive-technology",
  "paraprofessional-support",
  /** Always special education (34 CFR 300.39(a)(2)(ii)–(iii)). */
  "travel-training",
  "vocational-education",
  "other",
] as const;
export const ZServiceArea = z.enum(SERVICE_AREAS);

/**
 * The service areas a related-service provider may name as their discipline on their account: the
 * related services of 34 CFR 300.34 a plan can prescribe, with adapted physical education
 * (300.108), behavior support and assistive technology services (300.6). Specialized academic
 * instruction, paraprofessional support, transportation and "other" are not a provider's discipline.
 */
export const PROVIDER_DISCIPLINES = [
  "speech-language-pathology",
  "occupational-therapy",
  "physical-therapy",
  "counseling",
  "behavior-support",
  "adaptive-physical-education",
  "audiology",
  "interpreting-services",
  "psychological-services",
  "orientation-and-mobility",
  "school-health-services",
  "social-work-services",
  "parent-counseling-and-training",
  "assistive-technology",
] as const satisfies readonly (typeof SERVICE_AREAS)[number][];
export const ZProviderDiscipline = z.enum(PROVIDER_DISCIPLINES, { error: "Choose one of the disciplines listed" });
export type ProviderDiscipline = z.infer<typeof ZProviderDiscipline>;

/** The period a service's frequency counts in ("2 times per week"). */
export const SERVICE_PERIODS = ["day", "week", "month"] as const;
export const ZServicePeriod = z.enum(SERVICE_PERIODS);

/** How a service is given: one-on-one, in a small group, or as a consultation with the teachers. */
export const SERVICE_DELIVERIES = ["individual", "group", "consult"] as const;

export const ZFrequency = z.object({
  /** Sessions per period, e.g. 2 (times per week). */
  times: z.number().int().min(1).max(50),
  per: ZServicePeriod,
});

export const ZServicePrescription = z.object({
  id: z.string().min(1).max(64).meta({ description: "Stable id of the service within the plan" }),
  kind: ZServiceKind,
  area: ZServiceArea,
  description: z.string().max(2000).default(""),
  /** Projected start date (34 CFR 300.320(a)(7)). */
  startDate: ZIsoDate,
  endDate: ZIsoDate.nullable().default(null),
  frequency: ZFrequency,
  /** Minutes per session (duration). */
  minutesPerSession: z.number().int().min(1).max(600),
  delivery: z.enum(SERVICE_DELIVERIES).default("individual"),
  location: z.string().min(1).max(200).meta({ example: "Special education classroom" }),
  providerRole: z.string().min(1).max(120).meta({ example: "Speech-language pathologist" }),
});

export type Frequency = z.infer<typeof ZFrequency>;
export type ServicePrescription = z.infer<typeof ZServicePrescription>;
export type ServicePrescriptionInput = z.input<typeof ZServicePrescription>;
