/**
 * Any letter Lantern writes, as a tagged PDF: the date, the recipient's address, the subject, the
 * salutation, the paragraphs, the list of requests, the closing and signature, and the legal
 * references. The words come from core (for example `buildEvaluationRequestLetter`), so the PDF and
 * the web's print view say the same thing.
 */
import { LETTER_DOCUMENT_LANGUAGE, LETTER_FRAME_WORDS, type LetterLanguage } from "@lantern/core";
import { h1, list, type PdfDocumentSpec, p } from "./pdf-model.ts";
import { renderPdfDocument } from "./pdf-render.ts";

/** The shape of a letter built in core (the fields of core's `EvaluationLetter`). */
export type PrintableLetter = {
  /** The letter's language: its frame's words and the document's /Lang follow it (default English). */
  language?: LetterLanguage | undefined;
  /** ISO date the letter is signed and sent. */
  date: string;
  /** The date in words, e.g. "November 23, 2026". */
  dateText: string;
  recipient: readonly string[];
  subject: string;
  salutation: string;
  paragraphs: readonly string[];
  /** The specific requests, printed as a list. */
  requests: readonly string[];
  closing: string;
  signature: readonly string[];
  citations: readonly string[];
};

export type LetterPdfOptions = {
  /** What kind of letter it is, for the document's properties (default "Letter"). */
  kind?: string;
  /** BCP 47 language of the letter (default: the letter's own, en-US or es-US). */
  lang?: string;
};

export function letterPdfDocument(letter: PrintableLetter, options: LetterPdfOptions = {}): PdfDocumentSpec {
  const language = letter.language ?? "en";
  const w = LETTER_FRAME_WORDS[language];
  return {
    title: letter.subject,
    subject: options.kind ?? (language === "es" ? "Carta" : "Letter"),
    lang: options.lang ?? LETTER_DOCUMENT_LANGUAGE[language],
    margins: [72, 72, 72, 72],
    fontSize: 11,
    pageNumbers: true,
    body: [
      p(letter.dateText, { spaceAfter: 18 }),
      ...(letter.recipient.length > 0 ? [p(letter.recipient.join("\n"), { spaceAfter: 18 })] : []),
      // The subject line is the letter's heading, so a screen reader can find it.
      h1(`${w.re} ${letter.subject}`, { size: 11, spaceAfter: 14 }),
      p(letter.salutation, { spaceAfter: 10 }),
      ...letter.paragraphs.map((text) => p(text, { spaceAfter: 10 })),
      ...(letter.requests.length > 0
        ? [
            { ...p(w.pleaseSendMe, { spaceAfter: 6 }), keepWithNext: true },
            list(letter.requests, { style: { spaceAfter: 12 } }),
          ]
        : []),
      p(letter.closing, { spaceAfter: 18 }),
      p(w.sincerely, { spaceAfter: 30 }),
      p(letter.signature.join("\n")),
      ...(letter.citations.length > 0
        ? [p(w.legalReferences(letter.citations.join("; ")), { size: 8, color: "#444444", spaceBefore: 30 })]
        : []),
    ],
  };
}

/** Render a letter to PDF bytes. */
export async function renderLetterPdf(letter: PrintableLetter, options: LetterPdfOptions = {}): Promise<Buffer> {
  return (await renderPdfDocument(letterPdfDocument(letter, options))).pdf;
}
