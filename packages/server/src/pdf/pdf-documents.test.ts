/**
 * Every kind of PDF Lantern makes, read back from the file: tagged, with title and language, the
 * headings in order, lists and tables with header cells, and every word extractable. Full plans,
 * family summaries, at-a-glance pages, the prior written notice, the meeting notice and letters
 * are rendered here; the delivery summary and progress report are read back in the enforcement
 * route tests, on real data.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import {
  buildEvaluationRequestLetter,
  type IepDocument,
  type PlanDocument,
  type Section504Document,
  sealPlanContent,
  ZEvaluationLetterInput,
  ZMeetingNotice,
  ZPlanDocument,
} from "@lantern/core";
import { describe, expect, it } from "vitest";
import { expectAccessiblePdf } from "../../test/helpers/pdf-expectations.ts";
import { findAll, headings, type StructNode, textOf } from "../../test/helpers/pdf-reading.ts";
import { renderLetterPdf } from "./letter-pdf.ts";
import { IEP_PDF_SECTIONS, type PlanPdfKind, renderPlanPdf, SECTION_504_PDF_SECTIONS } from "./plan-pdf.ts";

const root = resolve(import.meta.dirname, "../../../..");
const load = (name: string) => ZPlanDocument.parse(JSON.parse(readFileSync(join(root, "docs/examples", name), "utf8")));
const iep = load("iep.json") as IepDocument;
const plan504 = load("504.json") as Section504Document;
const iepSeal = sealPlanContent(iep, "2026-10-06T23:50:00Z");

const topHeadings = (node: StructNode) => headings(node).filter((h) => /^H[12] /.test(h));
const documentOf = (pdf: { root: StructNode }) => pdf.root.children[0] as StructNode;
/** The footer of a plan document: the student, the document, and the start of the seal's hash. */
const footer = (doc: PlanDocument, title: string, sealed = true) =>
  `${doc.student.firstName} ${doc.student.lastName} · ${title}${
    sealed
      ? ` SHA-256 ${sealPlanContent(doc, "2026-10-06T23:50:00Z")
          .hash.slice(0, 16)
          .replace(/(.{4})/g, "$1 ")}`
      : ""
  }`;

async function plan(kind: PlanPdfKind, doc: PlanDocument, sealed: boolean) {
  const seal = sealed ? sealPlanContent(doc, "2026-10-06T23:50:00Z") : null;
  return renderPlanPdf(kind, doc, { seal, version: 3 });
}

describe("full plans", () => {
  it("the IEP: its title, every section heading in order, goals and tables tagged", async () => {
    const pdf = expectAccessiblePdf(await renderPlanPdf("full", iep, { seal: iepSeal }), {
      title: "IEP: Marisol Quintero-Demo",
      furniture: footer(iep, "IEP"),
    });
    expect(topHeadings(documentOf(pdf))).toEqual([
      "H1 Individualized Education Program (IEP)",
      ...IEP_PDF_SECTIONS.map((s) => `H2 ${s.title}`),
    ]);
    const h3 = headings(documentOf(pdf)).filter((h) => h.startsWith("H3 "));
    expect(h3).toContain("H3 Goal 1: Reading fluency (academic)");
    expect(h3).toContain("H3 Parents or guardians");
    // The goal's measurement table names each row; the services table has column headers.
    const tables = findAll(documentOf(pdf), "Table");
    const goalTable = tables.find((t) => textOf(t).startsWith("Baseline"));
    expect(findAll(goalTable as StructNode, "TH").map((th) => [textOf(th), th.attributes.Scope])).toEqual([
      ["Baseline", "Row"],
      ["Target", "Row"],
      ["Criterion", "Row"],
      ["How measured", "Row"],
      ["By", "Row"],
      ["Needs addressed", "Row"],
    ]);
    const services = tables.find((t) => textOf(t).startsWith("Service Amount"));
    expect(findAll(services as StructNode, "THead")).toHaveLength(1);
    expect(findAll(services as StructNode, "TH").map(textOf)).toEqual([
      "Service",
      "Amount",
      "Start – end",
      "Location",
      "Provider",
      "Goals",
    ]);
    // The citation sits under its heading, as its own paragraph.
    const doc = documentOf(pdf);
    const goalsAt = doc.children.findIndex((n) => n.type === "H2" && textOf(n) === "Measurable annual goals");
    expect(textOf(doc.children[goalsAt + 1] as StructNode)).toBe(IEP_PDF_SECTIONS[3].citation);
    // Strengths are a list with labels and bodies.
    expect(findAll(doc, "LBody").map(textOf)).toContain(
      "Strong oral vocabulary and thoughtful ideas in class discussion",
    );
  });

  it("the Section 504 plan: every section heading in order", async () => {
    const pdf = expectAccessiblePdf(await plan("full", plan504, true), {
      title: "Section 504 Plan: Theo Nakamura-Demo",
      furniture: footer(plan504, "Section 504 Plan"),
    });
    expect(topHeadings(documentOf(pdf))).toEqual([
      "H1 Section 504 Plan",
      ...SECTION_504_PDF_SECTIONS.map((s) => `H2 ${s.title}`),
    ]);
  });

  it("an empty draft renders, tagged, with DRAFT on every page", async () => {
    const empty = ZPlanDocument.parse({ type: "iep" });
    const pdf = expectAccessiblePdf(await renderPlanPdf("full", empty), { draft: true, furniture: "Student · IEP" });
    expect(pdf.pages).toBeGreaterThan(1);
    expect(pdf.text).toContain("No goals recorded.");
  });

  it("a drawn signature is a figure with a text alternative", async () => {
    const signed = structuredClone(iep);
    signed.signatures = [
      {
        ...(iep.signatures[0] as IepDocument["signatures"][number]),
        attendeeId: "att-mother",
        method: "drawn",
        drawing: "M5 20 L40 5 L80 25",
        typedName: "Rosa Quintero-Demo",
      },
    ];
    const pdf = expectAccessiblePdf(await renderPlanPdf("full", signed), {
      draft: true,
      furniture: footer(signed, "IEP", false),
    });
    expect(pdf.figureAlts).toEqual(["Signature drawn by Rosa Quintero-Demo"]);
  });
});

describe("documents for the family and staff", () => {
  it("the family summary of an IEP", async () => {
    const pdf = expectAccessiblePdf(await plan("parent-summary", iep, true), {
      furniture: footer(iep, "Family summary"),
    });
    expect(topHeadings(documentOf(pdf)).slice(0, 4)).toEqual([
      "H1 Mari's IEP: a summary for families",
      "H2 About this plan",
      "H2 What Mari does well",
      "H2 What Mari is working on this year",
    ]);
    expect(findAll(documentOf(pdf), "L").length).toBeGreaterThan(2);
  });

  it("the family summary of a 504 plan", async () => {
    const pdf = expectAccessiblePdf(await plan("parent-summary", plan504, false), {
      draft: true,
      furniture: footer(plan504, "Family summary", false),
    });
    expect(topHeadings(documentOf(pdf))).toContain("H2 Why Theo has a 504 plan");
  });

  it("the at-a-glance pages: one page, accommodations in a table, goals as a numbered list", async () => {
    for (const doc of [iep, plan504] as PlanDocument[]) {
      const pdf = expectAccessiblePdf(await plan("at-a-glance", doc, true), {
        furniture: footer(doc, "At a glance"),
      });
      expect(pdf.pages).toBe(1);
      const th = findAll(documentOf(pdf), "TH").map(textOf);
      expect(th).toEqual(["Type", "Accommodation", "When"]);
    }
    const glance = expectAccessiblePdf(await plan("at-a-glance", iep, true), { furniture: footer(iep, "At a glance") });
    expect(findAll(documentOf(glance), "Lbl").map(textOf).slice(0, 3)).toEqual(["1.", "2.", "3."]);
  });

  it("the prior written notice: its seven numbered contents as headings", async () => {
    const pdf = expectAccessiblePdf(await plan("prior-written-notice", iep, true), {
      furniture: footer(iep, "Prior written notice"),
    });
    const h3 = headings(documentOf(pdf)).filter((h) => h.startsWith("H3 "));
    expect(h3.map((h) => h.slice(3, 5))).toEqual(["1.", "2.", "3.", "4.", "5.", "6.", "7."]);
  });

  it("the meeting notice: the contents of 300.322(b) as headings, never marked DRAFT", async () => {
    const notice = ZMeetingNotice.parse({
      sentOn: "2026-09-18",
      purpose: "Annual review of Mari's IEP",
      date: "2026-10-06",
      time: "15:15",
      location: "Lantern Valley High School, Conference Room B",
      attendees: ["special-education-teacher", "Ms. Okoro-Demo, English teacher"],
      informsRightToBringOthers: true,
      transitionIsPurpose: true,
      studentWillBeInvited: true,
      agenciesInvited: ["State Department of Rehabilitation"],
    });
    const pdf = expectAccessiblePdf(await renderPlanPdf("meeting-notice", iep, { meetingNotice: notice }), {
      furniture: "Marisol Quintero-Demo, grade 11, Lantern Valley High School · Notice of IEP team meeting",
    });
    expect(topHeadings(documentOf(pdf))).toEqual([
      "H1 Notice of IEP team meeting",
      "H2 Why we are meeting",
      "H2 When",
      "H2 Where",
      "H2 Who will attend",
      "H2 You may bring others",
      "H2 Planning for life after high school",
      "H2 If you cannot come",
    ]);
    expect(pdf.text).toContain("October 6, 2026 at 3:15 PM");
    expect(pdf.text).toContain("34 CFR 300.322(b)(1)(ii); 300.321(a)(6)");
    expect(findAll(documentOf(pdf), "LBody").map(textOf)).toEqual([
      "Special education teacher",
      "Ms. Okoro-Demo, English teacher",
      "State Department of Rehabilitation",
    ]);
  });

  it("a plan without a meeting notice has none to print", async () => {
    await expect(renderPlanPdf("meeting-notice", ZPlanDocument.parse({ type: "iep" }))).rejects.toThrow(RangeError);
  });
});

describe("letters", () => {
  it("the evaluation-request letter: title, requests as a list, Spanish names intact", async () => {
    const input = ZEvaluationLetterInput.parse({
      facts: { ageYears: 8, evaluation: "none", impairments: [{ name: "Trouble reading" }] },
      parentName: "María José Núñez-Demo",
      studentName: "Iñaki Núñez-Demo",
      schoolName: "Escuela Primaria Peñasco",
      state: "CA",
      date: "2026-11-23",
    });
    const letter = buildEvaluationRequestLetter(input);
    const pdf = expectAccessiblePdf(await renderLetterPdf(letter), { title: letter.subject });
    expect(headings(documentOf(pdf))).toEqual([`H1 Re: ${letter.subject}`]);
    expect(findAll(documentOf(pdf), "LBody").map(textOf)).toEqual(letter.requests);
    expect(pdf.text).toContain("María José Núñez-Demo");
    expect(pdf.text).toContain("Escuela Primaria Peñasco");
  });
});
