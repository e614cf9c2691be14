/**
 * The full Section 504 plan as a tagged PDF (34 CFR 104.33–104.36): impairments and the major life
 * activities they limit, the information relied on, accommodations, aids and services, setting,
 * review, safeguards and signatures.
 *
 * In English or Spanish (`options.lang`), like the full IEP: the document's own words in Spanish,
 * the team's words in Spanish where a person translated them (decision 0027), else as written,
 * marked English.
 */
import { LABELS_ES, SECTION_504_SECTIONS, type Section504Document } from "@lantern/core";
import type { Block, PdfDocumentSpec } from "./pdf-model.ts";
import {
  fieldRow,
  formatPlanDate,
  fromCore,
  grid,
  heading,
  label,
  meetingSection,
  noneRecorded,
  type PdfLanguage,
  type PlanPdfOptions,
  para,
  planDocument,
  safeguardsSection,
  signaturesSection,
  studentSection,
  sub,
  teamCell,
  teamPara,
  teamTextNote,
  teamWords,
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

type SectionKey = (typeof SECTION_504_PDF_SECTIONS)[number]["key"];

/** Each section's title in Spanish (core's LABELS_ES where it names the section). */
const TITLES_ES: Record<SectionKey, string> = {
  student: LABELS_ES.section504Section.student,
  meeting: "Reunión y equipo",
  impairments: LABELS_ES.section504Section.impairments,
  evaluationSources: LABELS_ES.section504Section.evaluationSources,
  accommodations: LABELS_ES.section504Section.accommodations,
  aidsAndServices: LABELS_ES.section504Section.aidsAndServices,
  placement: LABELS_ES.section504Section.placement,
  review: "Revisión y reevaluación",
  safeguards: LABELS_ES.section504Section.safeguardsNotice,
  signatures: LABELS_ES.section504Section.signatures,
};

function section504Body(doc: Section504Document, options: PlanPdfOptions): Block[] {
  const lang: PdfLanguage = options.lang ?? "en";
  const es = lang === "es";
  const w = teamWords(options);
  const tr = (en: string, spanish: string) => (es ? spanish : en);
  const date = (d: string | null | undefined) => formatPlanDate(d, lang);
  const c = Object.fromEntries(SECTION_504_PDF_SECTIONS.map((s) => [s.key, s.citation])) as Record<SectionKey, string>;
  const title = (key: SectionKey, english: string) => (es ? TITLES_ES[key] : english);
  const activity = (a: string) => (es ? label("majorLifeActivity", a, lang) : a);
  const limitations = new Map(
    doc.impairments.flatMap((i) =>
      i.limitations.map((l) => [l.id, `${activity(l.majorLifeActivity)} (${i.name})`] as const),
    ),
  );
  const limits = (ids: readonly string[]) => ids.map((id) => limitations.get(id) ?? id).join("; ");
  return [
    ...titleBlock(tr("Section 504 Plan", "Plan 504"), doc, options, "34 CFR 104.33–104.36"),
    ...teamTextNote(w, doc),
    ...studentSection(doc, c.student, [], lang),
    ...meetingSection(doc, c.meeting, w),
    ...heading(title("impairments", "Impairments and the major life activities they limit"), c.impairments),
    ...(doc.impairments.length === 0
      ? [para(tr("No impairment recorded.", "No hay un impedimento anotado."))]
      : doc.impairments.flatMap((i, n): Block[] => [
          sub(i.name.trim() || tr("Impairment", "Impedimento")),
          teamPara(i.description, w.at(`/impairments/${n}/description`), ""),
          ...(i.episodicOrInRemission
            ? [
                para(
                  tr(
                    "Episodic or in remission; it limits a major life activity when active.",
                    "Va y viene, o está en remisión; cuando está activo, limita una actividad principal de la vida.",
                  ),
                ),
              ]
            : []),
          ...(i.mitigatingMeasures.length > 0
            ? [
                fieldRow(
                  tr(
                    "Mitigating measures (not considered in deciding whether the limit is substantial)",
                    "Medidas que lo alivian (no se toman en cuenta para decidir si el límite es importante)",
                  ),
                  i.mitigatingMeasures.join(", "),
                ),
              ]
            : []),
          grid(
            es ? ["Actividad principal de la vida", "Cómo la limita"] : ["Major life activity", "How it is limited"],
            i.limitations.map((l) => [activity(l.majorLifeActivity), teamCell(l.description, lang)]),
            [150, "*"],
            noneRecorded(lang),
          ),
        ])),
    ...heading(title("evaluationSources", "Information the team relied on"), c.evaluationSources),
    grid(
      es ? ["Fuente", "Descripción", "Fecha"] : ["Source", "Description", "Date"],
      doc.evaluationSources.map((s) => [
        es ? label("evaluationSource", s.kind, lang) : s.kind.replace(/-/g, " "),
        teamCell(s.description, lang),
        date(s.date),
      ]),
      [100, "*", 90],
      noneRecorded(lang),
    ),
    ...heading(title("accommodations", "Accommodations"), c.accommodations),
    grid(
      es
        ? ["Tipo", "Adaptación", "Quién la da", "Cuándo", "Límite"]
        : ["Type", "Accommodation", "Who provides it", "When", "Limitation"],
      doc.accommodations.map((a, i) => [
        es ? label("accommodationCategory", a.category, lang) : a.category,
        teamCell(a.text, w.at(`/accommodations/${i}/text`)),
        teamCell(a.providedBy, lang),
        teamCell(a.when, lang),
        limits(a.limitationIds),
      ]),
      [50, "*", 90, 80, 80],
      noneRecorded(lang),
    ),
    ...heading(title("aidsAndServices", "Related aids and services"), c.aidsAndServices),
    grid(
      es
        ? ["Ayuda o servicio", "Quién la da", "Cada cuánto", "Dónde", "Límite"]
        : ["Aid or service", "Who provides it", "How often", "Where", "Limitation"],
      doc.aidsAndServices.map((s, i) => [
        teamCell(s.description, w.at(`/aidsAndServices/${i}/description`)),
        teamCell(s.providedBy, lang),
        teamCell(s.frequency, lang),
        teamCell(s.location, lang),
        limits(s.limitationIds),
      ]),
      ["*", 75, 90, 70, 75],
      noneRecorded(lang),
    ),
    ...heading(title("placement", "Educational setting"), c.placement),
    teamPara(doc.placement, w.at("/placement")),
    ...heading(title("review", "Review and reevaluation"), c.review),
    fieldRow(tr("Plan starts", "El plan empieza"), date(doc.dates.planStart)),
    fieldRow(tr("Next review", "Próxima revisión"), date(doc.dates.reviewDate)),
    fieldRow(tr("Next reevaluation", "Próxima reevaluación"), date(doc.dates.nextReevaluation)),
    ...(doc.dates.ended
      ? [fieldRow(tr("Ended", "Terminó"), date(doc.dates.ended)), teamPara(doc.endReason, lang)]
      : []),
    ...safeguardsSection(doc, c.safeguards, lang),
    ...signaturesSection(doc, c.signatures, lang),
  ];
}

/** The full Section 504 plan as a document of the PDF model. */
export function section504PdfDocument(doc: Section504Document, options: PlanPdfOptions = {}): PdfDocumentSpec {
  return planDocument(
    options.lang === "es" ? "Plan 504" : "Section 504 Plan",
    doc,
    section504Body(doc, options),
    options,
  );
}
