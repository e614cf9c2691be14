import { describe, expect, it } from "vitest";
import { ROLES } from "../access/roles.ts";
import { DEADLINE_KINDS, DEADLINE_STATES } from "../compliance/deadlines.ts";
import { SEVERITIES } from "../compliance/findings.ts";
import { RELATED_SERVICES } from "../eligibility/navigator-facts.ts";
import { FIDELITY_GROUPINGS } from "../enforcement/plan-enforcement.ts";
import { SESSION_STATUSES } from "../enforcement/service-minutes.ts";
import { GOAL_AREAS } from "../goal-bank/goal-patterns.ts";
import {
  ACCOMMODATION_CATEGORIES,
  ASSESSMENT_PARTICIPATIONS,
  ASSESSMENT_SCOPES,
  CONSENT_CHOICES,
  ESY_DECISIONS,
  EVALUATION_EXTENSION_BASES,
  LRE_SETTING_CODES,
  POSTSECONDARY_GOAL_AREAS,
  PROGRAM_MODIFICATION_KINDS,
  TRANSITION_SERVICE_AREAS,
} from "../plans/iep-document.ts";
import { MAJOR_LIFE_ACTIVITIES } from "../plans/plan-choice-labels.ts";
import {
  ATTENDANCE_STATUSES,
  CONTACT_METHODS,
  MEETING_TYPES,
  PLAN_DISABILITY_CATEGORIES,
  PLAN_TEAM_ROLES,
  SAFEGUARDS_EVENTS,
} from "../plans/plan-common.ts";
import { PLAN_TYPES } from "../plans/plan-document.ts";
import { PLAN_PDF_KINDS, planPdfKindsFor } from "../plans/plan-labels.ts";
import { PLAN_STATES } from "../plans/plan-lifecycle.ts";
import { IEP_SECTIONS, planSectionsFor, SECTION_504_SECTIONS } from "../plans/plan-sections.ts";
import { EVALUATION_SOURCE_KINDS } from "../plans/section-504-document.ts";
import { SERVICE_AREAS, SERVICE_DELIVERIES, SERVICE_KINDS, SERVICE_PERIODS } from "../services/service-prescription.ts";
import { LABELS, type LabelledFact, labelOf } from "./labels.ts";

/** Each labelled fact and the list of codes its schema accepts, in order. */
const VALUES: Record<LabelledFact, readonly string[]> = {
  planType: PLAN_TYPES,
  planStatus: PLAN_STATES,
  planPdf: PLAN_PDF_KINDS,
  iepSection: IEP_SECTIONS.map((s) => s.key),
  section504Section: SECTION_504_SECTIONS.map((s) => s.key),
  teamRole: PLAN_TEAM_ROLES,
  attendance: ATTENDANCE_STATUSES,
  disabilityCategory: PLAN_DISABILITY_CATEGORIES,
  lreSetting: LRE_SETTING_CODES,
  contactMethod: CONTACT_METHODS,
  programModificationKind: PROGRAM_MODIFICATION_KINDS,
  assessmentScope: ASSESSMENT_SCOPES,
  assessmentParticipation: ASSESSMENT_PARTICIPATIONS,
  esyDecision: ESY_DECISIONS,
  postsecondaryGoalArea: POSTSECONDARY_GOAL_AREAS,
  goalArea: GOAL_AREAS,
  serviceArea: SERVICE_AREAS,
  relatedService: RELATED_SERVICES,
  serviceKind: SERVICE_KINDS,
  servicePeriod: SERVICE_PERIODS,
  serviceDelivery: SERVICE_DELIVERIES,
  deadlineKind: DEADLINE_KINDS,
  deadlineState: DEADLINE_STATES,
  severity: SEVERITIES,
  sessionStatus: SESSION_STATUSES,
  progressStatus: ["on-track", "not-yet-on-track", "no-data"],
  fidelityGrouping: FIDELITY_GROUPINGS,
  role: ROLES,
  goalDomain: ["academic", "functional"],
  goalDirection: ["increase", "decrease"],
  progressScheduleKind: ["every", "report-card-periods"],
  progressSchedulePeriod: ["month", "quarter", "semester", "year"],
  accommodationCategory: [...ACCOMMODATION_CATEGORIES, "health"],
  transitionServiceArea: TRANSITION_SERVICE_AREAS,
  noticeAction: ["propose", "refuse"],
  consentChoice: CONSENT_CHOICES,
  meetingType: MEETING_TYPES,
  parentParticipation: ["in-person", "phone", "video", "did-not-participate"],
  safeguardsMethod: ["in-person", "mail", "email", "portal"],
  safeguardsEvent: SAFEGUARDS_EVENTS,
  evaluationKind: ["initial", "reevaluation"],
  evaluationExtensionBasis: EVALUATION_EXTENSION_BASES,
  exitReason: [
    "graduated-regular-diploma",
    "graduated-certificate",
    "exceeded-age",
    "no-longer-eligible",
    "consent-revoked",
    "moved-away",
    "other",
  ],
  disciplineKind: ["suspension", "expulsion", "interim-alternative-setting", "other"],
  aidKind: ["related-aid", "related-service", "special-education"],
  evaluationSource: EVALUATION_SOURCE_KINDS,
  majorLifeActivity: MAJOR_LIFE_ACTIVITIES,
  yesNo: ["yes", "no"],
};

describe("labels", () => {
  it("name every code of each fact, and only those, in the schema's order", () => {
    for (const [fact, values] of Object.entries(VALUES)) {
      expect(Object.keys(LABELS[fact as LabelledFact]), fact).toEqual([...values]);
    }
  });

  it("give each code of a fact its own non-empty name", () => {
    for (const [fact, table] of Object.entries(LABELS)) {
      const names = Object.values(table as Record<string, string>);
      for (const name of names) expect(name.trim(), fact).not.toBe("");
      expect(new Set(names).size, fact).toBe(names.length);
    }
  });

  it("give a service one name, whether a plan prescribes it or the navigator asks about it", () => {
    const shared = RELATED_SERVICES.filter((s) => (SERVICE_AREAS as readonly string[]).includes(s));
    expect(shared).toContain("speech-language-pathology");
    for (const s of shared) expect(labelOf("relatedService", s)).toBe(labelOf("serviceArea", s));
    expect(labelOf("serviceArea", "speech-language-pathology")).toBe("Speech-language pathology");
  });

  it("fall back to the code for a value the fact does not have", () => {
    expect(labelOf("planStatus", "archived")).toBe("archived");
    expect(labelOf("planStatus", "toString")).toBe("toString");
  });

  it("offer prior written notice only for an IEP, and each plan type's own sections", () => {
    // The meeting notice is offered once a meeting is scheduled, not with every plan.
    expect(planPdfKindsFor("iep")).toEqual(PLAN_PDF_KINDS.filter((k) => k !== "meeting-notice"));
    expect(planPdfKindsFor("section-504")).not.toContain("prior-written-notice");
    expect(planSectionsFor("section-504")).toBe(SECTION_504_SECTIONS);
  });
});
