/**
 * The two enforcement PDFs a family can bring to a meeting, rendered as tagged PDFs:
 * the service delivery summary (`delivery-summary-pdf.ts`) and the progress report
 * (`progress-report-pdf.ts`), each in English or Spanish.
 */
import type { StudentProgress, StudentServiceMinutes } from "@lantern/core";
import { deliverySummaryPdfDocument } from "./delivery-summary-pdf.ts";
import { renderPdfDocument } from "./pdf-render.ts";
import type { PdfLanguage } from "./plan-pdf-parts.ts";
import { progressReportPdfDocument } from "./progress-report-pdf.ts";

export async function renderDeliverySummaryPdf(
  studentName: string,
  minutes: StudentServiceMinutes,
  lang: PdfLanguage = "en",
): Promise<Buffer> {
  return (await renderPdfDocument(deliverySummaryPdfDocument(studentName, minutes, lang))).pdf;
}

export async function renderProgressReportPdf(
  studentName: string,
  progress: StudentProgress,
  asOf: string,
  lang: PdfLanguage = "en",
): Promise<Buffer> {
  return (await renderPdfDocument(progressReportPdfDocument(studentName, progress, asOf, lang))).pdf;
}
