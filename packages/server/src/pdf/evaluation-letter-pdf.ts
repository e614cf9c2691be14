/**
 * The evaluation-request letter as a PDF with real, extractable text (pdfmake, standard Helvetica,
 * no network or file access). The words come from core's `buildEvaluationRequestLetter`, so the
 * PDF and the web print view say the same thing.
 */
import type { EvaluationLetter } from "@lantern/core";
import pdfmake from "pdfmake";
import type { Content, TDocumentDefinitions } from "pdfmake/interfaces.js";

const STANDARD_FONTS = new Set(["Helvetica", "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique"]);

let configured = false;
function configure(): void {
  if (configured) return;
  // No remote resources, and only the standard-14 font names on the "local" path (STACK gotcha 11).
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => STANDARD_FONTS.has(path));
  pdfmake.addFonts({
    Helvetica: {
      normal: "Helvetica",
      bold: "Helvetica-Bold",
      italics: "Helvetica-Oblique",
      bolditalics: "Helvetica-BoldOblique",
    },
  });
  configured = true;
}

export function evaluationLetterDocument(letter: EvaluationLetter): TDocumentDefinitions {
  const content: Content[] = [
    { text: letter.dateText, margin: [0, 0, 0, 18] },
    { stack: letter.recipient, margin: [0, 0, 0, 18] },
    {
      text: [
        { text: "Re: ", bold: true },
        { text: letter.subject, bold: true },
      ],
      margin: [0, 0, 0, 14],
    },
    { text: letter.salutation, margin: [0, 0, 0, 10] },
    ...letter.paragraphs.map((p): Content => ({ text: p, margin: [0, 0, 0, 10] })),
    { text: "Please send me:", margin: [0, 0, 0, 6] },
    { ul: letter.requests, margin: [0, 0, 0, 12] },
    { text: letter.closing, margin: [0, 0, 0, 18] },
    { text: "Sincerely,", margin: [0, 0, 0, 30] },
    { stack: letter.signature },
    {
      text: `Legal references: ${letter.citations.join("; ")}.`,
      fontSize: 8,
      color: "#444444",
      margin: [0, 30, 0, 0],
    },
  ];
  return {
    info: { title: letter.subject, subject: "Request for evaluation", creator: "Lantern" },
    pageSize: "LETTER",
    pageMargins: [72, 72, 72, 72],
    defaultStyle: { font: "Helvetica", fontSize: 11, lineHeight: 1.25 },
    content,
  };
}

/** Render the letter to PDF bytes. */
export async function renderEvaluationLetterPdf(letter: EvaluationLetter): Promise<Buffer> {
  configure();
  return pdfmake.createPdf(evaluationLetterDocument(letter)).getBuffer();
}
