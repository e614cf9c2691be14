/**
 * The progress report and the delivery summary in the reader's language: `lang=es` on a Spanish
 * page; on an English page the English one, and a Spanish copy when asked (the links staff use to
 * preview what the family gets).
 */
import { afterEach, describe, expect, it } from "vitest";
import { setLocale } from "../../i18n/t.ts";
import { deliverySummaryPdfUrl, progressReportPdfUrl } from "./api.ts";

describe("the family's documents in Spanish", () => {
  afterEach(() => setLocale("en"));

  it("asks for the progress report and the delivery summary in the page's language", () => {
    expect(progressReportPdfUrl("s1")).toBe("/api/students/s1/progress-report.pdf");
    expect(progressReportPdfUrl("s1", "2026-11-06")).toBe("/api/students/s1/progress-report.pdf?asOf=2026-11-06");
    expect(deliverySummaryPdfUrl("s1")).toBe("/api/students/s1/service-minutes.pdf");
    setLocale("es");
    expect(progressReportPdfUrl("s1")).toBe("/api/students/s1/progress-report.pdf?lang=es");
    expect(progressReportPdfUrl("s1", "2026-11-06")).toBe(
      "/api/students/s1/progress-report.pdf?asOf=2026-11-06&lang=es",
    );
    expect(deliverySummaryPdfUrl("s1")).toBe("/api/students/s1/service-minutes.pdf?lang=es");
  });

  it("gives the Spanish copy on an English page when asked", () => {
    expect(progressReportPdfUrl("s1", undefined, "es")).toBe("/api/students/s1/progress-report.pdf?lang=es");
    expect(deliverySummaryPdfUrl("s1", "es")).toBe("/api/students/s1/service-minutes.pdf?lang=es");
  });
});
