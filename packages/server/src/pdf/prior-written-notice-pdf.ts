/**
 * The prior written notice (34 CFR 300.503) as a tagged letter to the parent: what the school
 * proposes or refuses, why, on what basis, the parent's protections, where to get help, the other
 * options considered and other factors — the seven contents of 300.503(b), numbered as in core.
 */
import type { IepDocument } from "@lantern/core";
import { h1, type PdfDocumentSpec, p } from "./pdf-model.ts";
import {
  fieldRow,
  filled,
  MUTED,
  orNone,
  type PlanPdfOptions,
  para,
  planDocument,
  pwnBody,
  studentName,
} from "./plan-pdf-parts.ts";

export function priorWrittenNoticePdfDocument(doc: IepDocument, options: PlanPdfOptions = {}): PdfDocumentSpec {
  const parents = doc.student.guardians.map((g) => g.name).filter(filled);
  return planDocument(
    "Prior written notice",
    doc,
    [
      h1("Prior Written Notice"),
      p("34 CFR 300.503", { ...MUTED, spaceAfter: 8 }),
      fieldRow("To", parents.length > 0 ? parents.join(" and ") : "Parent or guardian"),
      fieldRow(
        "About",
        `${studentName(doc)}, grade ${orNone(doc.student.grade, "?")}, ${orNone(doc.student.school, "")}`,
      ),
      fieldRow("From", orNone(doc.student.district, "The school district")),
      para(
        "The law requires the school to tell you in writing, a reasonable time before it proposes or refuses to start or change your child's identification, evaluation, educational placement or services, what it proposes or refuses and why.",
      ),
      ...pwnBody(doc.priorWrittenNotice),
    ],
    options,
  );
}
