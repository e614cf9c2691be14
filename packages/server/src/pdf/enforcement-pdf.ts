/**
 * The two enforcement PDFs a family can bring to a meeting, rendered as tagged PDFs:
 * the service delivery summary (`delivery-summary-pdf.ts`) and the progress report
 * (`progress-report-pdf.ts`).
 */
import type { StudentProgress, StudentServiceMinutes } from "@lantern/core";
import { deliverySummaryPdfDocument } from "./delivery-summary-pdf.ts";
import { renderPdfDocument } from "./pdf-render.ts";
import { progressReportPdfDocument } from "./progress-report-pdf.ts";

export async function renderDeliverySummaryPdf(studentName: string, minutes: StudentServiceMinutes): Promise<Buffer> {
  return (await renderPdfDocument(deliverySummaryPdfDocument(studentName, minutes))).pdf;
}

export async function renderProgressReportPdf(
  studentName: string,
  progress: StudentProgress,
  asOf: string,
): Promise<Buffer> {
  return (await renderPdfDocument(progressReportPdfDocument(studentName, progress, asOf))).pdf;
}
