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
  district: { name: "Maple Valley Unified", state: "CA" },
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

  function show(key: number, shown: ComplaintDraft = draft) {
    vi.stubGlobal(
      "fetch",
      async () => new Response(JSON.stringify({ items: [shown] }), { headers: { "content-type": "application/json" } }),
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

  it("on a Spanish page says what is still to fill in and where to send it in Spanish, outside California too", async () => {
    // As the server sends it: core's words in English, for a district outside California.
    const texan: ComplaintDraft = {
      ...draft,
      text: { ...draft.text, facts: "", child: { ...draft.text.child, address: "" } },
      gaps: [
        { field: "facts", message: "Give the facts the complaint is based on", citation: "34 CFR 300.153(b)(2)" },
        { field: "child.address", message: "Give the address where the child lives", citation: "34 CFR 300.153(b)(4)" },
      ],
      sendTo: {
        agency: "Your state education agency (its special education office)",
        copyTo: "Pecan ISD, the public agency serving the child",
        citation: "34 CFR 300.151–300.153; 34 CFR 300.153(d)",
      },
      district: { name: "Pecan ISD", state: "TX" },
    };
    setLocale("es");
    show(3, texan);
    const gaps = await screen.findByTestId("complaint-gaps");
    expect(gaps.textContent).toContain("Diga los hechos en los que se basa la queja");
    expect(gaps.textContent).toContain("Dé la dirección donde vive el niño");
    expect(gaps.textContent).not.toMatch(/Give the/);
    const sendTo = screen.getByTestId("complaint-send-to");
    expect(sendTo.textContent).toContain("La agencia de educación de su estado");
    expect(screen.getByText(/Envíe una copia a: Pecan ISD, la agencia pública que atiende al niño/)).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/Your state education agency|public agency serving/);
  });

  it("on an English page shows the server's words as they are", async () => {
    show(4, {
      ...draft,
      text: { ...draft.text, facts: "" },
      gaps: [{ field: "facts", message: "Give the facts the complaint is based on", citation: "34 CFR 300.153(b)(2)" }],
    });
    const gaps = await screen.findByTestId("complaint-gaps");
    expect(gaps.textContent).toContain("Give the facts the complaint is based on");
    expect(screen.getByTestId("complaint-send-to").textContent).toContain("California Department of Education");
  });
});
