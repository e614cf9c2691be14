/**
 * The full Section 504 plan as a tagged PDF (34 CFR 104.33–104.36): impairments and the major life
 * activities they limit, the information relied on, accommodations, aids and services, setting,
 * review, safeguards and signatures.
 */
import { SECTION_504_SECTIONS, type Section504Document } from "@lantern/core";
import type { Block, PdfDocumentSpec } from "./pdf-model.ts";
import {
  fieldRow,
  formatPlanDate,
  fromCore,
  grid,
  heading,
  meetingSection,
  orNone,
  type PlanPdfOptions,
  para,
  planDocument,
  safeguardsSection,
  signaturesSection,
  studentSection,
  sub,
  titleBlock,
} from "./plan-pdf-parts.ts";

/** Section headings of the full Section 504 plan. */
export const SECTION_504_PDF_SECTIONS = [
  fromCore(SECTION_504_SECTIONS, "student"),
  { key: "meeting", title: "Meeting and team", citation: "34 CFR 104.35(c)" } as const,
  fromCore(SECTION_504_SECTIONS, "impairments"),
  fromCore(SECTION_504_SECTIONS, "evaluationSources"),
  fromCore(SECTION_504_SECTIONS, "accommodations"),
  fromCore(SECTION_504_SECTIONS, "aidsAndServices"),
  fromCore(SECTION_504_SECTIONS, "placement"),
  { key: "review", title: "Review and reevaluation", citation: "34 CFR 104.35(d)" } as const,
  fromCore(SECTION_504_SECTIONS, "safeguardsNotice", "safeguards"),
  fromCore(SECTION_504_SECTIONS, "signatures"),
] as const;

function section504Body(doc: Section504Document, options: PlanPdfOptions): Block[] {
  const c = Object.fromEntries(SECTION_504_PDF_SECTIONS.map((s) => [s.key, s.citation])) as Record<
    (typeof SECTION_504_PDF_SECTIONS)[number]["key"],
    string
  >;
  const limitations = new Map(
    doc.impairments.flatMap((i) => i.limitations.map((l) => [l.id, `${l.majorLifeActivity} (${i.name})`] as const)),
  );
  const limits = (ids: readonly string[]) => ids.map((id) => limitations.get(id) ?? id).join("; ");
  return [
    ...titleBlock("Section 504 Plan", doc, options, "34 CFR 104.33–104.36"),
    ...studentSection(doc, c.student),
    ...meetingSection(doc, c.meeting),
    ...heading("Impairments and the major life activities they limit", c.impairments),
    ...(doc.impairments.length === 0
      ? [para("No impairment recorded.")]
      : doc.impairments.flatMap((i): Block[] => [
          sub(orNone(i.name, "Impairment")),
          para(i.description, ""),
          ...(i.episodicOrInRemission
            ? [para("Episodic or in remission; it limits a major life activity when active.")]
            : []),
          ...(i.mitigatingMeasures.length > 0
            ? [
                fieldRow(
                  "Mitigating measures (not considered in deciding whether the limit is substantial)",
                  i.mitigatingMeasures.join(", "),
                ),
              ]
            : []),
          grid(
            ["Major life activity", "How it is limited"],
            i.limitations.map((l) => [orNone(l.majorLifeActivity), orNone(l.description)]),
            [150, "*"],
          ),
        ])),
    ...heading("Information the team relied on", c.evaluationSources),
    grid(
      ["Source", "Description", "Date"],
      doc.evaluationSources.map((s) => [s.kind.replace(/-/g, " "), orNone(s.description), formatPlanDate(s.date)]),
      [100, "*", 90],
    ),
    ...heading("Accommodations", c.accommodations),
    grid(
      ["Type", "Accommodation", "Who provides it", "When", "Limitation"],
      doc.accommodations.map((a) => [
        a.category,
        orNone(a.text),
        orNone(a.providedBy),
        orNone(a.when),
        limits(a.limitationIds),
      ]),
      [50, "*", 90, 80, 80],
    ),
    ...heading("Related aids and services", c.aidsAndServices),
    grid(
      ["Aid or service", "Who provides it", "How often", "Where", "Limitation"],
      doc.aidsAndServices.map((s) => [
        orNone(s.description),
        orNone(s.providedBy),
        orNone(s.frequency),
        orNone(s.location),
        limits(s.limitationIds),
      ]),
      ["*", 75, 90, 70, 75],
    ),
    ...heading("Educational setting", c.placement),
    para(doc.placement),
    ...heading("Review and reevaluation", c.review),
    fieldRow("Plan starts", formatPlanDate(doc.dates.planStart)),
    fieldRow("Next review", formatPlanDate(doc.dates.reviewDate)),
    fieldRow("Next reevaluation", formatPlanDate(doc.dates.nextReevaluation)),
    ...(doc.dates.ended ? [fieldRow("Ended", formatPlanDate(doc.dates.ended)), para(doc.endReason)] : []),
    ...safeguardsSection(doc, c.safeguards),
    ...signaturesSection(doc, c.signatures),
  ];
}

/** The full Section 504 plan as a document of the PDF model. */
export function section504PdfDocument(doc: Section504Document, options: PlanPdfOptions = {}): PdfDocumentSpec {
  return planDocument("Section 504 Plan", doc, section504Body(doc, options), options);
}
