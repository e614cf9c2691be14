/**
 * The sections of each plan type, in reading order: the top-level key of the document, a title for
 * people and the rule it implements. Used by the editor (one screen per section), the PDFs, and
 * partial consent (`consent.exclusions[].section` names one of these keys).
 */
import type { IepDocument } from "./iep-document.ts";
import type { PlanType } from "./plan-document.ts";
import type { Section504Document } from "./section-504-document.ts";

export type PlanSection<K extends string> = { key: K; title: string; citation: string };

export const IEP_SECTIONS = [
  { key: "student", title: "Student information", citation: "34 CFR 300.320" },
  { key: "primaryDisability", title: "Disability category", citation: "34 CFR 300.8(c)" },
  { key: "meeting", title: "Meeting", citation: "34 CFR 300.322; 300.324" },
  { key: "attendees", title: "Team and attendance", citation: "34 CFR 300.321" },
  { key: "dates", title: "Key dates", citation: "34 CFR 300.323; 300.324(b)" },
  { key: "evaluationHistory", title: "Evaluations done", citation: "34 CFR 300.303" },
  {
    key: "reevaluationWaivers",
    title: "Agreements that a reevaluation is not needed",
    citation: "34 CFR 300.303(b)(2)",
  },
  {
    key: "presentLevels",
    title: "Present levels of academic achievement and functional performance",
    citation: "34 CFR 300.320(a)(1)",
  },
  { key: "goals", title: "Measurable annual goals", citation: "34 CFR 300.320(a)(2)" },
  { key: "progressReporting", title: "How progress is measured and reported", citation: "34 CFR 300.320(a)(3)" },
  {
    key: "services",
    title: "Special education, related services and supplementary aids",
    citation: "34 CFR 300.320(a)(4), (a)(7)",
  },
  {
    key: "programModifications",
    title: "Program modifications and supports for school personnel",
    citation: "34 CFR 300.320(a)(4)",
  },
  { key: "accommodations", title: "Accommodations", citation: "34 CFR 300.320(a)(4), (a)(6)" },
  { key: "assessments", title: "Participation in state and district assessments", citation: "34 CFR 300.320(a)(6)" },
  { key: "placement", title: "Placement and least restrictive environment", citation: "34 CFR 300.320(a)(5); 300.116" },
  { key: "specialFactors", title: "Special factors considered", citation: "34 CFR 300.324(a)(2)" },
  { key: "extendedSchoolYear", title: "Extended school year", citation: "34 CFR 300.106" },
  { key: "transition", title: "Transition plan", citation: "34 CFR 300.320(b)" },
  {
    key: "transferOfRights",
    title: "Transfer of rights at the age of majority",
    citation: "34 CFR 300.320(c); 300.520",
  },
  { key: "amendment", title: "Amendment", citation: "34 CFR 300.324(a)(4)" },
  { key: "priorWrittenNotice", title: "Prior written notice", citation: "34 CFR 300.503" },
  { key: "consent", title: "Parent consent", citation: "34 CFR 300.300(b); 300.9" },
  { key: "signatures", title: "Signatures", citation: "34 CFR 300.321" },
  { key: "safeguardsNotice", title: "Procedural safeguards", citation: "34 CFR 300.504" },
  { key: "disciplineRemovals", title: "Removals for discipline", citation: "34 CFR 300.530-300.536" },
  { key: "exit", title: "End of special education", citation: "34 CFR 300.305(e); 300.102(a)(3)" },
] as const satisfies readonly PlanSection<keyof IepDocument & string>[];
export type IepSectionKey = (typeof IEP_SECTIONS)[number]["key"];

export const SECTION_504_SECTIONS = [
  { key: "student", title: "Student information", citation: "34 CFR 104.33" },
  { key: "meeting", title: "Meeting", citation: "34 CFR 104.35(c)" },
  { key: "attendees", title: "Team and attendance", citation: "34 CFR 104.35(c)(3)" },
  { key: "dates", title: "Key dates", citation: "34 CFR 104.35" },
  { key: "impairments", title: "Impairments and the major life activities they limit", citation: "34 CFR 104.3(j)" },
  { key: "evaluationSources", title: "Information the team relied on", citation: "34 CFR 104.35(c)" },
  { key: "accommodations", title: "Accommodations", citation: "34 CFR 104.33(b)" },
  { key: "aidsAndServices", title: "Related aids and services", citation: "34 CFR 104.33(b)" },
  { key: "placement", title: "Educational setting", citation: "34 CFR 104.34" },
  { key: "signatures", title: "Signatures", citation: "34 CFR 104.36" },
  { key: "safeguardsNotice", title: "Procedural safeguards", citation: "34 CFR 104.36" },
  { key: "disciplineRemovals", title: "Removals for discipline", citation: "34 CFR 104.35(a)" },
  { key: "endReason", title: "End of the plan", citation: "34 CFR 104.33(b)(2)" },
] as const satisfies readonly PlanSection<keyof Section504Document & string>[];
export type Section504SectionKey = (typeof SECTION_504_SECTIONS)[number]["key"];

function titlesOf<K extends string>(sections: readonly PlanSection<K>[]): Record<K, string> {
  return Object.fromEntries(sections.map((s) => [s.key, s.title])) as Record<K, string>;
}

/** Each section's title by key: the one name of a section on screens, in PDFs and in notices. */
export const IEP_SECTION_TITLES: Record<IepSectionKey, string> = titlesOf(IEP_SECTIONS);
export const SECTION_504_SECTION_TITLES: Record<Section504SectionKey, string> = titlesOf(SECTION_504_SECTIONS);

/** The sections of a plan of this type, in reading order. */
export function planSectionsFor(type: PlanType): readonly PlanSection<IepSectionKey | Section504SectionKey>[] {
  return type === "iep" ? IEP_SECTIONS : SECTION_504_SECTIONS;
}
