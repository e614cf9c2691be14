import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import {
  type IepDocument,
  type PlanDocument,
  type Section504Document,
  sealPlanContent,
  ZPlanDocument,
} from "@lantern/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  IEP_PDF_SECTIONS,
  type PlanPdfKind,
  type PlanPdfOptions,
  renderPlanPdf,
  SECTION_504_PDF_SECTIONS,
} from "./plan-pdf.ts";

const root = resolve(import.meta.dirname, "../../../..");
const dir = mkdtempSync(join(tmpdir(), "lantern-plan-pdf-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const iep = ZPlanDocument.parse(JSON.parse(readFileSync(join(root, "docs/examples/iep.json"), "utf8"))) as IepDocument;
const plan504 = ZPlanDocument.parse(
  JSON.parse(readFileSync(join(root, "docs/examples/504.json"), "utf8")),
) as Section504Document;

/**
 * Collapse whitespace and drop hyphens: pdftotext joins a word broken after a hyphen at a line end
 * ("co-" + "teacher" → "coteacher"), so both sides of a comparison are compared without hyphens.
 */
const normalize = (text: string): string => text.replace(/-/g, "").replace(/\s+/g, " ");

/** Text of a PDF via poppler's pdftotext, with whitespace collapsed; and its page count. */
async function extract(kind: PlanPdfKind, doc: PlanDocument, options: PlanPdfOptions = {}) {
  const pdf = await renderPlanPdf(kind, doc, options);
  const file = join(dir, `${doc.type}-${kind}.pdf`);
  writeFileSync(file, pdf);
  const run = spawnSync("pdftotext", [file, "-"], { encoding: "utf8" });
  if (run.error) throw new Error("pdftotext is required (apt-get install poppler-utils)");
  const pages = run.stdout.split("\f").filter((p) => p.trim() !== "").length;
  return { text: normalize(run.stdout), pages };
}

describe("full IEP PDF", () => {
  const seal = sealPlanContent(iep, "2026-10-06T23:50:00Z");
  let text = "";
  let pages = 0;
  beforeAll(async () => {
    ({ text, pages } = await extract("full", iep, { seal }));
  });

  it("has every section heading with its citation", () => {
    for (const section of IEP_PDF_SECTIONS) {
      expect(text, section.title).toContain(normalize(section.title));
      expect(text, section.citation).toContain(normalize(section.citation));
    }
  });

  it("has a sample of each section's text", () => {
    const samples = [
      "Marisol Quintero-Demo (goes by Mari)", // student
      "Specific learning disability",
      "Dr. Anjali Patel-Demo", // team
      "written input given October 2, 2026", // excusal
      "Spoke with Ms. Quintero-Demo in Spanish", // contact attempts
      "118 words correct per minute with 96% accuracy", // PLAAFP
      "Without specialized instruction in reading and writing",
      "Strong oral vocabulary", // strengths
      "Goal 1: Reading fluency", // goals
      "Goal 8: Self-advocacy",
      "Curriculum-based measurement oral reading fluency probes",
      "Read unpracticed grade-11 passages at 127 words correct per minute", // objective
      "Each report-card period", // progress
      "November 13, 2026",
      "Speech-language pathology", // services
      "5 × 55 minutes per week (275 minutes per week)",
      "Special education co-teacher",
      "Monthly consultation between the case manager", // modifications
      "Extended time: time and a half on tests", // accommodations
      "Self-monitoring checklist with a discreet signal",
      "State assessment in mathematics (grade 11)", // assessments
      "regular with accommodations",
      "General education class 80% or more of the day", // placement
      "84% of the school day",
      "Academic Strategies class",
      "Limited English proficiency", // special factors
      "Extended school year services are not required", // ESY
      "graphic design associate degree program", // transition
      "Career interest inventory",
      "College-preparatory course of study",
      "12 May 2028", // transfer of rights
      "Consents to the IEP", // consent
      "1. What the school proposes or refuses", // PWN
      "6. Other options considered",
      "Continuing the separate math support class",
      "Lantern Valley Family Empowerment Center",
      "procedural safeguards (your rights) was given on October 6, 2026",
      "Agrees with the plan", // signatures
    ];
    for (const sample of samples) expect(text, sample).toContain(normalize(sample));
  });

  it("shows the seal and page numbers", () => {
    expect(text).toContain(normalize(`SHA-256 of its canonical JSON: ${seal.hash}`));
    expect(text).toContain(`Page 1 of ${pages}`);
    expect(text).toContain(`Page ${pages} of ${pages}`);
    expect(pages).toBeGreaterThanOrEqual(10);
  });

  it("shows no seal on an unsealed draft", async () => {
    const draft = await extract("full", iep);
    expect(draft.text).not.toContain("Sealed version");
  });

  it("draws a drawn signature's path and ignores anything that is not a path", async () => {
    const signed = structuredClone(iep);
    signed.signatures = [
      {
        ...signed.signatures[0],
        attendeeId: "att-mother",
        method: "drawn",
        drawing: "M5 20 L40 5 L80 25",
        typedName: "Rosa Quintero-Demo",
      },
      {
        ...signed.signatures[0],
        attendeeId: "att-father",
        method: "drawn",
        drawing: 'M0 0"/><text>injected</text>',
        typedName: "Daniel Quintero-Demo",
      },
    ] as IepDocument["signatures"];
    const { text } = await extract("full", signed);
    expect(text).not.toContain("injected");
    expect(text.match(/Drawn/g)?.length).toBe(2);
  });

  it("renders an empty draft without failing", async () => {
    const empty = await extract("full", ZPlanDocument.parse({ type: "iep" }));
    expect(empty.text).toContain("No goals recorded.");
    expect(empty.text).toContain("No transition plan is recorded.");
  });
});

describe("parent summary, at a glance and prior written notice", () => {
  it("the parent summary speaks plainly", async () => {
    const { text } = await extract("parent-summary", iep);
    expect(text).toContain("Mari's IEP: a summary for families");
    expect(text).toContain("What Mari is working on this year");
    expect(text).toContain(
      normalize("Speech-language pathology: 2 × 30 minutes per month (60 minutes per month), one-on-one"),
    );
    expect(text).toContain("about 84% of the school day in general education classes");
    expect(text).toContain("Your rights");
  });

  it("the parent summary lists the parts the parent did not agree to", async () => {
    const partial: IepDocument = {
      ...iep,
      consent: {
        ...iep.consent,
        choice: "consent-except",
        exclusions: [{ section: "services", itemId: "svc-counseling", description: "Counseling twice a month" }],
      },
    };
    const { text } = await extract("parent-summary", partial);
    expect(text).toContain("Parts you did not agree to");
    expect(text).toContain("Counseling twice a month");
  });

  it("the at-a-glance fits on one page with accommodations and goals", async () => {
    const { text, pages } = await extract("at-a-glance", iep);
    expect(pages).toBe(1);
    expect(text).toContain(normalize("IEP at a glance: Marisol Quintero-Demo"));
    for (const a of iep.accommodations) expect(text).toContain(normalize(a.text.slice(0, 30)));
    for (const g of iep.goals) expect(text).toContain(normalize(`${g.area}:`));
  });

  it("the at-a-glance stays on one page for a long plan and says what it left out", async () => {
    const many = structuredClone(iep);
    many.accommodations = Array.from({ length: 30 }, (_, i) => ({
      id: `acc-${i}`,
      category: "instructional" as const,
      text: `Accommodation number ${i} with a fairly long description of what the teacher does and when it applies`,
      providedBy: "Teachers",
      when: "Every class period, including labs and assemblies",
      needIds: [],
    }));
    const { text, pages } = await extract("at-a-glance", many);
    expect(pages).toBe(1);
    expect(text).toMatch(/\d+ more accommodations are listed in the full plan\./);
  });

  it("the prior written notice has its 7 contents", async () => {
    const { text } = await extract("prior-written-notice", iep);
    expect(text).toContain("Prior Written Notice");
    expect(text).toContain(normalize("To: Rosa Quintero-Demo and Daniel Quintero-Demo"));
    for (const n of [1, 2, 3, 4, 5, 6, 7]) expect(text).toMatch(new RegExp(` ${n}\\. [A-Z]`));
    expect(text).toContain(normalize("Triennial psycho-educational reevaluation, March 2025"));
  });
});

describe("Section 504 PDFs", () => {
  it("the full plan has every section and samples of its text", async () => {
    const { text } = await extract("full", plan504);
    for (const section of SECTION_504_PDF_SECTIONS) expect(text, section.title).toContain(normalize(section.title));
    for (const sample of [
      "Type 1 diabetes",
      "major-bodily-function:endocrine",
      "Diabetes medical management plan",
      "Stop-the-clock breaks during tests",
      "School nurse supervision of insulin dosing",
      "General education classes for the full school day",
      "September 9, 2027",
    ])
      expect(text, sample).toContain(normalize(sample));
  });

  it("the at-a-glance and parent summary render", async () => {
    expect((await extract("at-a-glance", plan504)).pages).toBe(1);
    expect((await extract("parent-summary", plan504)).text).toContain("Why Theo has a 504 plan");
  });

  it("refuses a prior written notice for a 504 plan", async () => {
    await expect(renderPlanPdf("prior-written-notice", plan504)).rejects.toThrow(RangeError);
  });
});
