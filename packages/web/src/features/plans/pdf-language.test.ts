/**
 * Plan documents in the reader's language: on a Spanish page every document a family gets is asked
 * for with `lang=es`; the staff's one-page summary stays English; on an English page a Spanish copy
 * is there when asked (the links staff use to preview what the family gets).
 */
import { PLAN_PDF_KINDS } from "@lantern/core";
import { afterEach, describe, expect, it } from "vitest";
import { setLocale } from "../../i18n/t.ts";
import { isWrittenInSpanish, plansApi } from "./api.ts";

describe("plan documents in Spanish", () => {
  afterEach(() => setLocale("en"));

  it("writes every plan document a family gets in Spanish; the staff's page stays English", () => {
    expect(PLAN_PDF_KINDS.filter(isWrittenInSpanish)).toEqual(PLAN_PDF_KINDS.filter((kind) => kind !== "at-a-glance"));
  });

  it("asks for them in the page's language", () => {
    expect(plansApi.pdfUrl("s1", "p1", "full")).toBe("/api/students/s1/plans/p1/pdf?kind=full");
    setLocale("es");
    expect(plansApi.pdfUrl("s1", "p1", "full")).toBe("/api/students/s1/plans/p1/pdf?kind=full&lang=es");
    expect(plansApi.pdfUrl("s1", "p1", "parent-summary")).toContain("lang=es");
    expect(plansApi.meetingNoticeUrl("s1", "p1", "m1")).toContain("meetingId=m1&lang=es");
    expect(plansApi.pdfUrl("s1", "p1", "at-a-glance")).toBe("/api/students/s1/plans/p1/pdf?kind=at-a-glance");
  });

  it("gives the Spanish copy on an English page when asked", () => {
    expect(plansApi.pdfUrl("s1", "p1", "full", "es")).toBe("/api/students/s1/plans/p1/pdf?kind=full&lang=es");
    expect(plansApi.meetingNoticeUrl("s1", "p1", "m1", "es")).toContain("lang=es");
    expect(plansApi.pdfUrl("s1", "p1", "at-a-glance", "es")).not.toContain("lang=");
  });
});
