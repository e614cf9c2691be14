/**
 * The plan documents a person can print, each a tagged PDF written in its own file:
 * - `full`: the whole IEP (`iep-pdf.ts`) or Section 504 plan (`section-504-pdf.ts`);
 * - `parent-summary`: the plan in plain language for the family (`family-summary-pdf.ts`);
 * - `at-a-glance`: one page for staff (`at-a-glance-pdf.ts`);
 * - `prior-written-notice`: the notice of 34 CFR 300.503 (`prior-written-notice-pdf.ts`);
 * - `meeting-notice`: the notice of the team meeting, 34 CFR 300.322(b) (`meeting-notice-pdf.ts`).
 * A version that is not sealed prints DRAFT on every page of the plan documents. Every kind a family
 * gets is written in English and Spanish (`PLAN_PDF_KINDS_IN_SPANISH`); the at-a-glance is for staff
 * and stays English.
 */
import {
  type MeetingNotice,
  meetingNoticeDocumentFor,
  PLAN_PDF_KINDS_IN_SPANISH,
  type PlanDocument,
  type PlanPdfKind,
} from "@lantern/core";
import { atAGlancePdfDocument, GLANCE_LIMITS } from "./at-a-glance-pdf.ts";
import { familySummaryPdfDocument } from "./family-summary-pdf.ts";
import { iepPdfDocument } from "./iep-pdf.ts";
import { meetingNoticePdfDocument } from "./meeting-notice-pdf.ts";
import type { PdfDocumentSpec } from "./pdf-model.ts";
import { renderPdfDocument } from "./pdf-render.ts";
import type { PlanPdfOptions } from "./plan-pdf-parts.ts";
import { priorWrittenNoticePdfDocument } from "./prior-written-notice-pdf.ts";
import { section504PdfDocument } from "./section-504-pdf.ts";

/** The kinds are core's (`PLAN_PDF_KINDS`, with their labels). */
export { PLAN_PDF_KINDS, type PlanPdfKind } from "@lantern/core";
export { IEP_PDF_SECTIONS } from "./iep-pdf.ts";
export { formatPlanDate, formatPlanTimestamp, type PlanPdfOptions } from "./plan-pdf-parts.ts";
export { SECTION_504_PDF_SECTIONS } from "./section-504-pdf.ts";

export type PlanDocumentPdfOptions = PlanPdfOptions & {
  /** For `meeting-notice`: the notice of a scheduled meeting (default: the plan's own `meeting.notice`). */
  meetingNotice?: MeetingNotice | null | undefined;
};

/** The document of one kind for a plan version, in the PDF model. */
export function planPdfDocument(
  kind: PlanPdfKind,
  doc: PlanDocument,
  requested: PlanDocumentPdfOptions = {},
): PdfDocumentSpec {
  const inSpanish = (PLAN_PDF_KINDS_IN_SPANISH as readonly PlanPdfKind[]).includes(kind);
  const options = { ...requested, lang: inSpanish ? requested.lang : "en" } as const;
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
    case "meeting-notice": {
      const notice = options.meetingNotice ?? doc.meeting.notice;
      if (!notice) throw new RangeError("This plan has no meeting notice");
      // The version's purpose translation fits only the notice whose purpose it translated.
      const samePurpose = notice.purpose.trim() === (doc.meeting.notice?.purpose ?? "").trim();
      const purposeTranslation = samePurpose ? (options.translate?.("/meeting/notice/purpose") ?? null) : null;
      return meetingNoticePdfDocument(meetingNoticeDocumentFor(doc, notice, { lang: options.lang }), {
        purposeTranslation,
      });
    }
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
    const { pdf, pages } = await renderPdfDocument(atAGlancePdfDocument(doc, { ...options, lang: "en" }, limits));
    if (pages <= 1 || attempt >= 6) return pdf;
    limits = {
      accommodations: Math.max(3, Math.floor(limits.accommodations * 0.75)),
      goals: Math.max(2, Math.floor(limits.goals * 0.75)),
      services: Math.max(2, Math.floor(limits.services * 0.75)),
    };
  }
}
