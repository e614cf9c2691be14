/**
 * The editor's sections: which parts of the document each edits, and how. Sections are core's
 * (`IEP_SECTIONS`, `SECTION_504_SECTIONS`: their keys and titles); a section may be edited in
 * parts (the transition plan's postsecondary goals and services). Choices are core's lists, named
 * by core's labels.
 */
import {
  ASSESSMENT_PARTICIPATIONS,
  ASSESSMENT_SCOPES,
  ESY_DECISIONS,
  type IepSectionKey,
  type LabelledFact,
  type LabelledValue,
  PLAN_TEAM_ROLES,
  POSTSECONDARY_GOAL_AREAS,
  PROGRAM_MODIFICATION_KINDS,
  SERVICE_AREAS,
  SERVICE_KINDS,
  SERVICE_PERIODS,
  type Section504SectionKey,
} from "@lantern/core";
import type { PlanType } from "./api.ts";

export type FieldKind = "text" | "textarea" | "date" | "number" | "select" | "checkbox";
/** A select's choices: core's codes of one fact, shown by their labels. */
export type FieldOptions = { fact: LabelledFact; values: readonly string[] };
/** `key` may be a dotted path inside the section ("behavior.notes"); `options` are for "select". */
export type FieldSpec = { key: string; kind: FieldKind; options?: FieldOptions; label?: string };

/** Parts of a core section edited on their own. */
export type SectionPart = "postsecondaryGoals" | "transitionServices";

type SectionBase = {
  /** Anchor of the section on the page; the core section key, or the part. */
  id: string;
  /** The core section it edits (its title is the heading, unless a part is named). */
  section: IepSectionKey | Section504SectionKey;
  part?: SectionPart;
  path: string[];
  fields: FieldSpec[];
};

export type SectionSpec =
  | (SectionBase & { kind: "fields" })
  | (SectionBase & {
      kind: "list";
      /** A new item, given its position; absent when items cannot be added here. */
      template?: (n: number) => Record<string, unknown>;
    });

const ta = (key: string): FieldSpec => ({ key, kind: "textarea" });
const tx = (key: string): FieldSpec => ({ key, kind: "text" });
const dt = (key: string): FieldSpec => ({ key, kind: "date" });
const nb = (key: string): FieldSpec => ({ key, kind: "number" });
const sel = <F extends LabelledFact>(key: string, fact: F, values: readonly LabelledValue<F>[]): FieldSpec => ({
  key,
  kind: "select",
  options: { fact, values },
});
const cb = (key: string): FieldSpec => ({ key, kind: "checkbox" });
const FACTORS = ["behavior", "limitedEnglishProficiency", "braille", "communication", "assistiveTechnology"] as const;

export const IEP_SECTIONS: SectionSpec[] = [
  {
    id: "presentLevels",
    section: "presentLevels",
    kind: "fields",
    path: ["presentLevels"],
    fields: [ta("academic"), ta("functional"), ta("impactOnGeneralCurriculum"), ta("evaluationSummary")],
  },
  {
    id: "goals",
    section: "goals",
    kind: "list",
    path: ["goals"],
    fields: [tx("area"), ta("statement"), tx("criterion"), tx("measurementMethod"), dt("byDate")],
    template: (n) => ({ id: `goal-new-${n}`, area: "", statement: "" }),
  },
  {
    id: "services",
    section: "services",
    kind: "list",
    path: ["services"],
    fields: [
      sel("kind", "serviceKind", SERVICE_KINDS),
      sel("area", "serviceArea", SERVICE_AREAS),
      ta("description"),
      dt("startDate"),
      nb("frequency.times"),
      sel("frequency.per", "servicePeriod", SERVICE_PERIODS),
      nb("minutesPerSession"),
      tx("location"),
      tx("providerRole"),
    ],
    template: (n) => ({ id: `svc-new-${n}`, kind: "special-education", area: "specialized-academic-instruction" }),
  },
  {
    id: "accommodations",
    section: "accommodations",
    kind: "list",
    path: ["accommodations"],
    fields: [ta("text"), tx("providedBy"), tx("when")],
    template: (n) => ({ id: `acc-new-${n}`, category: "instructional", text: "" }),
  },
  {
    id: "placement",
    section: "placement",
    kind: "fields",
    path: ["placement"],
    fields: [nb("percentInGeneralEducation"), ta("nonParticipationExplanation")],
  },
  {
    id: "programModifications",
    section: "programModifications",
    kind: "list",
    path: ["programModifications"],
    fields: [
      sel("kind", "programModificationKind", PROGRAM_MODIFICATION_KINDS),
      ta("description"),
      tx("providedBy"),
      tx("when"),
    ],
    template: (n) => ({ id: `mod-new-${n}`, kind: "program-modification", description: "" }),
  },
  {
    id: "assessments",
    section: "assessments",
    kind: "list",
    path: ["assessments"],
    fields: [
      tx("name"),
      sel("scope", "assessmentScope", ASSESSMENT_SCOPES),
      sel("participation", "assessmentParticipation", ASSESSMENT_PARTICIPATIONS),
      ta("whyRegularNotAppropriate"),
      ta("whyAlternateAppropriate"),
    ],
    template: (n) => ({ id: `assess-new-${n}`, name: "", scope: "state" }),
  },
  {
    id: "specialFactors",
    section: "specialFactors",
    kind: "fields",
    path: ["specialFactors"],
    fields: FACTORS.flatMap((f) => [cb(`${f}.considered`), ta(`${f}.notes`)]),
  },
  {
    id: "extendedSchoolYear",
    section: "extendedSchoolYear",
    kind: "fields",
    path: ["extendedSchoolYear"],
    fields: [sel("decision", "esyDecision", ESY_DECISIONS), ta("rationale")],
  },
  {
    id: "transition",
    section: "transition",
    kind: "fields",
    path: ["transition"],
    fields: [cb("studentInvited"), ta("studentPreferences"), ta("courseOfStudy")],
  },
  {
    id: "postsecondaryGoals",
    section: "transition",
    part: "postsecondaryGoals",
    kind: "list",
    path: ["transition", "postsecondaryGoals"],
    fields: [sel("area", "postsecondaryGoalArea", POSTSECONDARY_GOAL_AREAS), ta("text")],
    template: (n) => ({ id: `psg-new-${n}`, area: "education-training", text: "" }),
  },
  {
    id: "transitionServices",
    section: "transition",
    part: "transitionServices",
    kind: "list",
    path: ["transition", "transitionServices"],
    fields: [ta("description"), tx("providedBy")],
    template: (n) => ({ id: `ts-new-${n}`, description: "" }),
  },
  {
    id: "transferOfRights",
    section: "transferOfRights",
    kind: "fields",
    path: ["transferOfRights"],
    fields: [dt("studentInformedOn"), { ...ta("statement"), label: "rightsStatement" }],
  },
  {
    id: "attendees",
    section: "attendees",
    kind: "list",
    path: ["attendees"],
    fields: [
      tx("name"),
      sel("role", "teamRole", PLAN_TEAM_ROLES),
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
  {
    id: "dates",
    section: "dates",
    kind: "fields",
    path: ["dates"],
    fields: [dt("planStart"), dt("planEnd"), dt("nextAnnualReview")],
  },
  {
    id: "priorWrittenNotice",
    section: "priorWrittenNotice",
    kind: "fields",
    path: ["priorWrittenNotice"],
    fields: [dt("date"), ta("actionDescription"), ta("reasons"), ta("safeguardsStatement"), ta("otherFactors")],
  },
];

export const SECTION_504_SECTIONS: SectionSpec[] = [
  {
    id: "impairments",
    section: "impairments",
    kind: "list",
    path: ["impairments"],
    fields: [tx("name"), ta("description")],
    template: (n) => ({ id: `imp-new-${n}`, name: "" }),
  },
  {
    id: "accommodations",
    section: "accommodations",
    kind: "list",
    path: ["accommodations"],
    fields: [ta("text"), tx("providedBy"), tx("when")],
    template: (n) => ({ id: `acc-new-${n}`, category: "instructional", text: "" }),
  },
  {
    id: "aidsAndServices",
    section: "aidsAndServices",
    kind: "list",
    path: ["aidsAndServices"],
    fields: [ta("description"), tx("providedBy"), tx("frequency"), tx("location")],
    template: (n) => ({ id: `aid-new-${n}`, kind: "related-aid", description: "" }),
  },
  { id: "placement", section: "placement", kind: "fields", path: [], fields: [ta("placement")] },
  {
    id: "attendees",
    section: "attendees",
    kind: "list",
    path: ["attendees"],
    fields: [tx("name"), sel("role", "teamRole", PLAN_TEAM_ROLES), tx("title")],
    template: (n) => ({ id: `att-new-${n}`, name: "", role: "other", title: "" }),
  },
  { id: "dates", section: "dates", kind: "fields", path: ["dates"], fields: [dt("planStart"), dt("reviewDate")] },
  {
    id: "safeguardsNotice",
    section: "safeguardsNotice",
    kind: "fields",
    path: ["safeguardsNotice"],
    fields: [dt("givenOn")],
  },
];

export function sectionsFor(type: PlanType): SectionSpec[] {
  return type === "iep" ? IEP_SECTIONS : SECTION_504_SECTIONS;
}
