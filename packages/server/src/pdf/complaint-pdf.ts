/**
 * A state complaint draft as a tagged PDF (decision 0007): the complaint in the order of 34 CFR
 * 300.153(b), the evidence for each entry the family chose, where to send it (300.153(d)), the
 * one-year limit (300.153(c)), and that it is general information, not legal advice. A field the
 * family has not filled in yet prints as a blank line to write on, and is listed first.
 */
import {
  CHRONOLOGY_KIND_LABELS,
  COMPLAINT_NOTES,
  type ComplaintDraft,
  formatLongDate,
  formatShortDate,
} from "@lantern/core";
import { type Block, bold, box, fields, h1, h2, list, type PdfDocumentSpec, p, table } from "./pdf-model.ts";
import { renderPdfDocument } from "./pdf-render.ts";

const BLANK = "____________________________";
const or = (v: string) => (v.trim() === "" ? BLANK : v);
const paragraphs = (text: string): Block[] =>
  text
    .split(/\n+/)
    .map((l) => l.trim())
    .filter((l) => l !== "")
    .map((l) => p(l, { spaceAfter: 4 }));

export function complaintPdfDocument(d: ComplaintDraft, today: string): PdfDocumentSpec {
  const t = d.text;
  const title = `State complaint — ${or(t.child.name)}`;
  const tooOld = new Set(d.timeLimit.tooOld);
  return {
    title,
    subject: "State complaint (34 CFR 300.153)",
    margins: [60, 60, 60, 60],
    fontSize: 10,
    pageNumbers: true,
    footer: title,
    body: [
      h1("State complaint", { size: 16, spaceAfter: 4 }),
      p(`To: ${d.sendTo.agency}. Copy to: ${d.sendTo.copyTo} (${d.sendTo.citation}).`, { spaceAfter: 4 }),
      p(`Date: ${formatLongDate(today)}`, { spaceAfter: 8 }),
      box([p(COMPLAINT_NOTES.notLegalAdvice, { size: 9 }), p(COMPLAINT_NOTES.oneYear, { size: 9 })], "#f2f2f2"),
      ...(d.gaps.length > 0
        ? [h2("Still to fill in", { size: 12 }), list(d.gaps.map((g) => `${g.message} (${g.citation})`))]
        : []),
      h2("The child (34 CFR 300.153(b)(4)(i)–(ii))", { size: 12 }),
      fields([
        ["Name", or(t.child.name)],
        ["Address where the child lives", or(t.child.address)],
        ["School", or(t.child.school)],
      ]),
      h2("The violation (34 CFR 300.153(b)(1))", { size: 12 }),
      ...(t.violation ? paragraphs(t.violation) : [p(BLANK)]),
      h2("The problem and the facts (34 CFR 300.153(b)(2), (b)(4)(iv))", { size: 12 }),
      ...(t.facts ? paragraphs(t.facts) : [p(BLANK)]),
      h2("Proposed resolution (34 CFR 300.153(b)(4)(v))", { size: 12 }),
      ...(t.resolution ? paragraphs(t.resolution) : [p(BLANK)]),
      h2("Signature and contact information (34 CFR 300.153(b)(3))", { size: 12 }),
      fields([
        ["Signed", `${BLANK}   Date: ${BLANK}`],
        ["Name", or(t.complainant.name)],
        ["Relationship to the child", or(t.complainant.relationship)],
        ["Address", or(t.complainant.address)],
        ["Phone", or(t.complainant.phone)],
        ["Email", or(t.complainant.email)],
      ]),
      h2("Evidence from the record", { size: 12 }),
      p(
        "Each entry the complaint rests on, as Lantern's record shows it, with the sessions, deadlines and the plan's own words behind it.",
        { spaceAfter: 6 },
      ),
      d.evidence.length > 0
        ? table(
            [
              { header: "Date", width: 62 },
              { header: "Kind", width: 72 },
              { header: "What the record shows", width: "*" },
              { header: "Rule", width: 90 },
            ],
            d.evidence.map((ev) => [
              formatShortDate(ev.entry.date),
              CHRONOLOGY_KIND_LABELS[ev.entry.kind],
              {
                stack: [
                  tooOld.has(ev.entry.id) ? [bold("More than a year ago. "), ev.entry.what] : ev.entry.what,
                  ...ev.details,
                ],
              },
              ev.entry.rule ?? "",
            ]),
          )
        : p("No entries chosen."),
      h2("Where to send it", { size: 12 }),
      p(COMPLAINT_NOTES.howToSend),
      p(`Send to: ${d.sendTo.agency}. Copy to: ${d.sendTo.copyTo}.`),
    ],
  };
}

export async function renderComplaintPdf(d: ComplaintDraft, today: string): Promise<Buffer> {
  return (await renderPdfDocument(complaintPdfDocument(d, today))).pdf;
}
