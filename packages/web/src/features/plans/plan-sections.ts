/** The editor's sections: which parts of the document each edits, and how. */
import type { PlanType } from "./api.ts";

export type FieldKind = "text" | "textarea" | "date" | "number";
export type FieldSpec = { key: string; kind: FieldKind };

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
    fields: [nb("minutesPerSession"), tx("location"), tx("providerRole")],
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
  { id: "dates", kind: "fields", path: ["dates"], fields: [dt("planStart"), dt("reviewDate")] },
  { id: "safeguardsNotice", kind: "fields", path: ["safeguardsNotice"], fields: [dt("givenOn")] },
];

export function sectionsFor(type: PlanType): SectionSpec[] {
  return type === "iep" ? IEP_SECTIONS : SECTION_504_SECTIONS;
}
