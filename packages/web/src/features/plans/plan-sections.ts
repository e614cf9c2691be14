/** The editor's sections: which parts of the document each edits, and how. */
import { PLAN_TEAM_ROLES, SERVICE_AREAS, SERVICE_KINDS } from "@lantern/core";
import type { PlanType } from "./api.ts";

export type FieldKind = "text" | "textarea" | "date" | "number" | "select" | "checkbox";
/** `key` may be a dotted path inside the section ("behavior.notes"); `options` are for "select". */
export type FieldSpec = { key: string; kind: FieldKind; options?: readonly string[]; label?: string };

export type SectionSpec =
  | { id: string; kind: "fields"; path: string[]; fields: FieldSpec[] }
  | {
      id: string;
      kind: "list";
      path: string[];
      fields: FieldSpec[];
      /** A new item, given its position; absent when items cannot be added here. */
      template?: (n: number) => Record<string, unknown>;
    };

const ta = (key: string): FieldSpec => ({ key, kind: "textarea" });
const tx = (key: string): FieldSpec => ({ key, kind: "text" });
const dt = (key: string): FieldSpec => ({ key, kind: "date" });
const nb = (key: string): FieldSpec => ({ key, kind: "number" });
const sel = (key: string, options: readonly string[]): FieldSpec => ({ key, kind: "select", options });
const cb = (key: string): FieldSpec => ({ key, kind: "checkbox" });
const FACTORS = ["behavior", "limitedEnglishProficiency", "braille", "communication", "assistiveTechnology"] as const;

export const IEP_SECTIONS: SectionSpec[] = [
  {
    id: "presentLevels",
    kind: "fields",
    path: ["presentLevels"],
    fields: [ta("academic"), ta("functional"), ta("impactOnGeneralCurriculum"), ta("evaluationSummary")],
  },
  {
    id: "goals",
    kind: "list",
    path: ["goals"],
    fields: [tx("area"), ta("statement"), tx("criterion"), tx("measurementMethod"), dt("byDate")],
    template: (n) => ({ id: `goal-new-${n}`, area: "", statement: "" }),
  },
  {
    id: "services",
    kind: "list",
    path: ["services"],
    fields: [
      sel("kind", SERVICE_KINDS),
      sel("area", SERVICE_AREAS),
      ta("description"),
      dt("startDate"),
      nb("frequency.times"),
      sel("frequency.per", ["day", "week", "month"]),
      nb("minutesPerSession"),
      tx("location"),
      tx("providerRole"),
    ],
    template: (n) => ({ id: `svc-new-${n}`, kind: "special-education", area: "specialized-academic-instruction" }),
  },
  {
    id: "accommodations",
    kind: "list",
    path: ["accommodations"],
    fields: [ta("text"), tx("providedBy"), tx("when")],
    template: (n) => ({ id: `acc-new-${n}`, category: "instructional", text: "" }),
  },
  {
    id: "placement",
    kind: "fields",
    path: ["placement"],
    fields: [nb("percentInGeneralEducation"), ta("nonParticipationExplanation")],
  },
  {
    id: "programModifications",
    kind: "list",
    path: ["programModifications"],
    fields: [
      sel("kind", ["program-modification", "support-for-staff"]),
      ta("description"),
      tx("providedBy"),
      tx("when"),
    ],
    template: (n) => ({ id: `mod-new-${n}`, kind: "program-modification", description: "" }),
  },
  {
    id: "assessments",
    kind: "list",
    path: ["assessments"],
    fields: [
      tx("name"),
      sel("scope", ["state", "district"]),
      sel("participation", ["regular", "regular-with-accommodations", "alternate"]),
      ta("whyRegularNotAppropriate"),
      ta("whyAlternateAppropriate"),
    ],
    template: (n) => ({ id: `assess-new-${n}`, name: "", scope: "state" }),
  },
  {
    id: "specialFactors",
    kind: "fields",
    path: ["specialFactors"],
    fields: FACTORS.flatMap((f) => [cb(`${f}.considered`), ta(`${f}.notes`)]),
  },
  {
    id: "extendedSchoolYear",
    kind: "fields",
    path: ["extendedSchoolYear"],
    fields: [sel("decision", ["required", "not-required", "to-be-determined"]), ta("rationale")],
  },
  {
    id: "transition",
    kind: "fields",
    path: ["transition"],
    fields: [cb("studentInvited"), ta("studentPreferences"), ta("courseOfStudy")],
  },
  {
    id: "postsecondaryGoals",
    kind: "list",
    path: ["transition", "postsecondaryGoals"],
    fields: [sel("area", ["education-training", "employment", "independent-living"]), ta("text")],
    template: (n) => ({ id: `psg-new-${n}`, area: "education-training", text: "" }),
  },
  {
    id: "transitionServices",
    kind: "list",
    path: ["transition", "transitionServices"],
    fields: [ta("description"), tx("providedBy")],
    template: (n) => ({ id: `ts-new-${n}`, description: "" }),
  },
  {
    id: "transferOfRights",
    kind: "fields",
    path: ["transferOfRights"],
    fields: [dt("studentInformedOn"), { ...ta("statement"), label: "rightsStatement" }],
  },
  {
    id: "attendees",
    kind: "list",
    path: ["attendees"],
    fields: [
      tx("name"),
      sel("role", PLAN_TEAM_ROLES),
      tx("title"),
      // A written excusal (34 CFR 300.321(e)): leave empty unless the member is excused.
      cb("excusal.areaModifiedOrDiscussed"),
      dt("excusal.parentWrittenAgreementDate"),
      dt("excusal.parentWrittenConsentDate"),
      dt("excusal.agencyAgreementDate"),
      dt("excusal.writtenInputDate"),
    ],
    template: (n) => ({ id: `att-new-${n}`, name: "", role: "other", title: "" }),
  },
  { id: "dates", kind: "fields", path: ["dates"], fields: [dt("planStart"), dt("planEnd"), dt("nextAnnualReview")] },
  {
    id: "priorWrittenNotice",
    kind: "fields",
    path: ["priorWrittenNotice"],
    fields: [dt("date"), ta("actionDescription"), ta("reasons"), ta("safeguardsStatement"), ta("otherFactors")],
  },
];

export const SECTION_504_SECTIONS: SectionSpec[] = [
  {
    id: "impairments",
    kind: "list",
    path: ["impairments"],
    fields: [tx("name"), ta("description")],
    template: (n) => ({ id: `imp-new-${n}`, name: "" }),
  },
  {
    id: "accommodations",
    kind: "list",
    path: ["accommodations"],
    fields: [ta("text"), tx("providedBy"), tx("when")],
    template: (n) => ({ id: `acc-new-${n}`, category: "instructional", text: "" }),
  },
  {
    id: "aidsAndServices",
    kind: "list",
    path: ["aidsAndServices"],
    fields: [ta("description"), tx("providedBy"), tx("frequency"), tx("location")],
    template: (n) => ({ id: `aid-new-${n}`, kind: "related-aid", description: "" }),
  },
  { id: "placement", kind: "fields", path: [], fields: [ta("placement")] },
  {
    id: "attendees",
    kind: "list",
    path: ["attendees"],
    fields: [tx("name"), sel("role", PLAN_TEAM_ROLES), tx("title")],
    template: (n) => ({ id: `att-new-${n}`, name: "", role: "other", title: "" }),
  },
  { id: "dates", kind: "fields", path: ["dates"], fields: [dt("planStart"), dt("reviewDate")] },
  { id: "safeguardsNotice", kind: "fields", path: ["safeguardsNotice"], fields: [dt("givenOn")] },
];

export function sectionsFor(type: PlanType): SectionSpec[] {
  return type === "iep" ? IEP_SECTIONS : SECTION_504_SECTIONS;
}
