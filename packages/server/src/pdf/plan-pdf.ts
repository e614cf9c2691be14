/**
 * The plan documents a person can print, each a tagged PDF written in its own file:
 * - `full`: the whole IEP (`iep-pdf.ts`) or Section 504 plan (`section-504-pdf.ts`);
 * - `parent-summary`: the plan in plain language for the family (`family-summary-pdf.ts`);
 * - `at-a-glance`: one page for staff (`at-a-glance-pdf.ts`);
 * - `prior-written-notice`: the notice of 34 CFR 300.503 (`prior-written-notice-pdf.ts`).
 * A version that is not sealed prints DRAFT on every page of the plan documents.
 */
import type { PlanDocument } from "@lantern/core";
import { atAGlancePdfDocument, GLANCE_LIMITS } from "./at-a-glance-pdf.ts";
import { familySummaryPdfDocument } from "./family-summary-pdf.ts";
import { iepPdfDocument } from "./iep-pdf.ts";
import type { PdfDocumentSpec } from "./pdf-model.ts";
import { renderPdfDocument } from "./pdf-render.ts";
import type { PlanPdfOptions } from "./plan-pdf-parts.ts";
import { priorWrittenNoticePdfDocument } from "./prior-written-notice-pdf.ts";
import { section504PdfDocument } from "./section-504-pdf.ts";

export { IEP_PDF_SECTIONS } from "./iep-pdf.ts";
export { formatPlanDate, formatPlanTimestamp, type PlanPdfOptions } from "./plan-pdf-parts.ts";
export { SECTION_504_PDF_SECTIONS } from "./section-504-pdf.ts";

export const PLAN_PDF_KINDS = ["full", "parent-summary", "at-a-glance", "prior-written-notice"] as const;
export type PlanPdfKind = (typeof PLAN_PDF_KINDS)[number];

export type PlanDocumentPdfOptions = PlanPdfOptions;

/** The document of one kind for a plan version, in the PDF model. */
export function planPdfDocument(
  kind: PlanPdfKind,
  doc: PlanDocument,
  options: PlanDocumentPdfOptions = {},
): PdfDocumentSpec {
  switch (kind) {
    case "full":
      return doc.type === "iep" ? iepPdfDocument(doc, options) : section504PdfDocument(doc, options);
    case "parent-summary":
      return familySummaryPdfDocument(doc, options);
    case "at-a-glance":
      return atAGlancePdfDocument(doc, options);
    case "prior-written-notice":
      if (doc.type !== "iep") throw new RangeError("A prior written notice belongs to an IEP");
      return priorWrittenNoticePdfDocument(doc, options);
  }
}

/** Render one of the plan PDFs to bytes. The at-a-glance is kept to one page by listing fewer items when needed. */
export async function renderPlanPdf(
  kind: PlanPdfKind,
  doc: PlanDocument,
  options: PlanDocumentPdfOptions = {},
): Promise<Buffer> {
  if (kind !== "at-a-glance") return (await renderPdfDocument(planPdfDocument(kind, doc, options))).pdf;
  let limits = GLANCE_LIMITS;
  for (let attempt = 0; ; attempt += 1) {
    const { pdf, pages } = await renderPdfDocument(atAGlancePdfDocument(doc, options, limits));
    if (pages <= 1 || attempt >= 6) return pdf;
    limits = {
      accommodations: Math.max(3, Math.floor(limits.accommodations * 0.75)),
      goals: Math.max(2, Math.floor(limits.goals * 0.75)),
      services: Math.max(2, Math.floor(limits.services * 0.75)),
    };
  }
}
