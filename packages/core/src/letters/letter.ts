/**
 * A dated letter from a parent to the school, as structured text: the web shows it, the server
 * prints it as a PDF, both with the same words. Every letter Lantern writes (asking for an
 * evaluation, a 504 meeting, an IEP meeting, the records, an independent evaluation, prior
 * written notice of a refusal, or recording disagreement with part of an IEP) has this shape and
 * is built by its own function from the same parties and the state's rules.
 */
import { z } from "zod";
import { formatLongDate, ZIsoDate } from "../shared/dates.ts";
import { ZStateCode } from "../states/state-table.ts";

/**
 * The languages a letter is written in (decision 0026). The family chooses: the page's language
 * by default, English when the school reads English best. Citations stay as the law writes them.
 */
export const LETTER_LANGUAGES = ["en", "es"] as const;
export const ZLetterLanguage = z.enum(LETTER_LANGUAGES);
export type LetterLanguage = z.infer<typeof ZLetterLanguage>;

/** The BCP 47 tag a letter's PDF declares as its language. */
export const LETTER_DOCUMENT_LANGUAGE: Record<LetterLanguage, string> = { en: "en-US", es: "es-US" };

/**
 * A table of a letter's sentences typed from its English: strings stay strings, a sentence that
 * names something stays a function of it. `const ES: LetterWords<typeof EN>` does not compile
 * while a sentence is missing.
 */
export type LetterWords<T> = {
  readonly [K in keyof T]: T[K] extends (...args: infer A) => string
    ? (...args: A) => string
    : T[K] extends readonly string[]
      ? readonly string[]
      : string;
};

export type Letter = {
  /** The language the letter is written in (a letter saved before there was a choice is English). */
  language: LetterLanguage;
  date: string;
  /** The date in words, e.g. "November 23, 2026". */
  dateText: string;
  recipient: string[];
  subject: string;
  salutation: string;
  paragraphs: string[];
  /** The specific requests, printed as a list under "Please send me:". */
  requests: string[];
  closing: string;
  signature: string[];
  citations: string[];
};

/** The same shape as a schema, for API responses. */
export const ZLetter = z.object({
  language: ZLetterLanguage,
  date: ZIsoDate,
  dateText: z.string(),
  recipient: z.array(z.string()),
  subject: z.string(),
  salutation: z.string(),
  paragraphs: z.array(z.string()),
  requests: z.array(z.string()),
  closing: z.string(),
  signature: z.array(z.string()),
  citations: z.array(z.string()),
}) satisfies z.ZodType<Letter>;

const name = (max: number) => z.string().trim().min(1).max(max);

/** Who writes to whom, and when: the part every letter shares. */
export const ZLetterParties = z.object({
  parentName: name(120),
  studentName: name(120),
  schoolName: name(200),
  /** Optional lines of the school's postal address. */
  schoolAddress: z.array(name(200)).max(4).default([]),
  /** Two-letter US state or territory code, e.g. "CA": the state's timelines are cited. */
  state: ZStateCode,
  /** The date the letter is signed and sent. */
  date: ZIsoDate,
  studentDateOfBirth: ZIsoDate.optional(),
  grade: z.string().trim().min(1).max(40).optional(),
  /** How the school can reach the parent (phone or email), printed under the signature. */
  parentContact: z.string().trim().min(1).max(200).optional(),
  /** The parent's own words, printed as given. */
  concerns: z.string().trim().min(1).max(2000).optional(),
  /** The language to write the letter in (default English): the family's choice. */
  language: ZLetterLanguage.default("en"),
});
export type LetterParties = z.infer<typeof ZLetterParties>;

/** "November 23, 2026" or "23 de noviembre de 2026": US style, no time zone drift. */
export function formatLetterDate(date: string, language: LetterLanguage = "en"): string {
  return formatLongDate(date, LETTER_DOCUMENT_LANGUAGE[language]);
}

/** The words every letter shares: its frame, printed the same by the web, the text and the PDF. */
const FRAME_EN = {
  born: (date: string) => `born ${date}`,
  grade: (grade: string) => `in grade ${grade}`,
  recipient: "Principal and Special Education Coordinator",
  salutation: "Dear Principal and Special Education Coordinator:",
  parentOf: (name: string) => `Parent of ${name}`,
  closing: "Thank you. I look forward to working with the school.",
  re: "Re:",
  pleaseSendMe: "Please send me:",
  sincerely: "Sincerely,",
  legalReferences: (citations: string) => `Legal references: ${citations}.`,
  days: (days: number, unit: "calendar" | "school" | "business") =>
    `${days} ${unit === "calendar" ? "" : `${unit} `}days`,
};
const FRAME_ES: LetterWords<typeof FRAME_EN> = {
  born: (date) => `fecha de nacimiento: ${date}`,
  grade: (grade) => `en el grado ${grade}`,
  recipient: "Director y Coordinador de Educación Especial",
  salutation: "Estimados Director y Coordinador de Educación Especial:",
  parentOf: (name) => `Padre, madre o tutor de ${name}`,
  closing: "Gracias. Espero trabajar junto con la escuela.",
  re: "Asunto:",
  pleaseSendMe: "Por favor, envíeme:",
  sincerely: "Atentamente,",
  legalReferences: (citations) => `Referencias legales: ${citations}.`,
  days: (days, unit) =>
    `${days} ${days === 1 ? "día" : "días"}${unit === "school" ? " de clases" : unit === "business" ? " hábiles" : ""}`,
};

/** The frame's words in a letter's language. */
export const LETTER_FRAME_WORDS: Record<LetterLanguage, LetterWords<typeof FRAME_EN>> = { en: FRAME_EN, es: FRAME_ES };

/** "Sam Example (born March 1, 2018, in grade 3)". */
export function studentWords(parties: LetterParties): string {
  const w = LETTER_FRAME_WORDS[parties.language];
  const about: string[] = [];
  if (parties.studentDateOfBirth) about.push(w.born(formatLetterDate(parties.studentDateOfBirth, parties.language)));
  if (parties.grade) about.push(w.grade(parties.grade));
  return about.length > 0 ? `${parties.studentName} (${about.join(", ")})` : parties.studentName;
}

/** The parts every letter shares: date, recipient, signature. */
export function letterFrame(
  parties: LetterParties,
  parts: Pick<Letter, "subject" | "paragraphs" | "requests" | "citations"> & { closing?: string },
): Letter {
  const w = LETTER_FRAME_WORDS[parties.language];
  const signature = [parties.parentName, w.parentOf(parties.studentName)];
  if (parties.parentContact) signature.push(parties.parentContact);
  return {
    language: parties.language,
    date: parties.date,
    dateText: formatLetterDate(parties.date, parties.language),
    recipient: [w.recipient, parties.schoolName, ...parties.schoolAddress],
    subject: parts.subject,
    salutation: w.salutation,
    paragraphs: parts.paragraphs,
    requests: parts.requests,
    closing: parts.closing ?? w.closing,
    signature,
    citations: [...new Set(parts.citations)],
  };
}

/** The letter as plain text (for print fallbacks, saving, and tests). */
export function letterToText(letter: Letter): string {
  const w = LETTER_FRAME_WORDS[letter.language ?? "en"];
  return [
    letter.dateText,
    "",
    ...letter.recipient,
    "",
    `${w.re} ${letter.subject}`,
    "",
    letter.salutation,
    "",
    ...letter.paragraphs.flatMap((p) => [p, ""]),
    w.pleaseSendMe,
    ...letter.requests.map((r) => `- ${r}`),
    "",
    letter.closing,
    "",
    w.sincerely,
    ...letter.signature,
    "",
    w.legalReferences(letter.citations.join("; ")),
  ].join("\n");
}

/** "15 calendar days", "5 business days"; "15 días", "5 días hábiles". */
export function dayCountWords(
  count: { days: number; unit: "calendar" | "school" | "business" },
  language: LetterLanguage = "en",
): string {
  return LETTER_FRAME_WORDS[language].days(count.days, count.unit);
}
