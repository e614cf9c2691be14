/**
 * The complaint draft's PDF in the reader's language: on a Spanish page its link asks for Spanish;
 * on an English page the English PDF, with a Spanish copy beside it (as other family documents).
 */
import type { ComplaintDraft } from "@lantern/core";
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { setLocale } from "../../i18n/t.ts";
import { complaintPdfUrl } from "./api.ts";
import { ComplaintSection } from "./complaint-section.tsx";

const studentId = "7d4a3c1e-5b2f-4e8a-9c1d-2f3e4a5b6c7d";
const draftId = "0b9f0f4e-8f0a-4c1e-9d55-1a2b3c4d5e6f";
const pdf = `/api/students/${studentId}/complaint-drafts/${draftId}/pdf`;

const draft: ComplaintDraft = {
  id: draftId,
  studentId,
  revision: 1,
  text: {
    violation: "The district did not give the speech sessions.",
    facts: "2026-10-01: three sessions missed",
    resolution: "Make up every minute.",
    complainant: { name: "Ana Rivera", relationship: "Parent", address: "", phone: "", email: "ana@example.org" },
    child: { name: "Mateo Rivera", address: "12 Alder Street", school: "Northside Elementary" },
  },
  evidence: [],
  gaps: [],
  timeLimit: { earliest: "2025-11-23", tooOld: [], citation: "34 CFR 300.153(c)" },
  sendTo: {
    agency: "California Department of Education",
    copyTo: "Maple Valley Unified",
    citation: "34 CFR 300.153(d)",
  },
  createdBy: "Ana Rivera",
  createdAt: "2026-11-23T10:00:00Z",
  updatedAt: "2026-11-23T10:00:00Z",
};

describe("the complaint draft's PDF in Spanish", () => {
  afterEach(() => {
    cleanup();
    setLocale("en");
    vi.unstubAllGlobals();
  });

  function show(key: number) {
    vi.stubGlobal(
      "fetch",
      async () => new Response(JSON.stringify({ items: [draft] }), { headers: { "content-type": "application/json" } }),
    );
    render(<ComplaintSection studentId={studentId} version={key} latest={null} />);
  }

  it("asks for the PDF in the page's language, or in Spanish when asked", () => {
    expect(complaintPdfUrl(studentId, draftId)).toBe(pdf);
    expect(complaintPdfUrl(studentId, draftId, "es")).toBe(`${pdf}?lang=es`);
    setLocale("es");
    expect(complaintPdfUrl(studentId, draftId)).toBe(`${pdf}?lang=es`);
  });

  it("puts a Spanish copy beside the English PDF on an English page", async () => {
    show(1);
    const english = await screen.findByRole("link", { name: "Download the complaint as a PDF" });
    expect(english.getAttribute("href")).toBe(pdf);
    const spanish = screen.getByRole("link", { name: "The complaint in Spanish (PDF)" });
    expect(spanish.getAttribute("href")).toBe(`${pdf}?lang=es`);
    expect(spanish.getAttribute("hreflang")).toBe("es");
  });

  it("asks for Spanish on a Spanish page, with no second link", async () => {
    setLocale("es");
    show(2);
    const link = await screen.findByRole("link", { name: "Descargar la queja en PDF" });
    expect(link.getAttribute("href")).toBe(`${pdf}?lang=es`);
    expect(screen.queryByRole("link", { name: /en español \(PDF\)/ })).toBeNull();
  });
});
