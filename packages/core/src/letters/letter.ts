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

export type Letter = {
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
});
export type LetterParties = z.infer<typeof ZLetterParties>;

/** "November 23, 2026": US style, no time zone drift. */
export function formatLetterDate(date: string): string {
  return formatLongDate(date, "en-US");
}

/** "Sam Example (born March 1, 2018, in grade 3)". */
export function studentWords(parties: LetterParties): string {
  const about: string[] = [];
  if (parties.studentDateOfBirth) about.push(`born ${formatLetterDate(parties.studentDateOfBirth)}`);
  if (parties.grade) about.push(`in grade ${parties.grade}`);
  return about.length > 0 ? `${parties.studentName} (${about.join(", ")})` : parties.studentName;
}

/** The parts every letter shares: date, recipient, signature. */
export function letterFrame(
  parties: LetterParties,
  parts: Pick<Letter, "subject" | "paragraphs" | "requests" | "citations"> & { closing?: string },
): Letter {
  const signature = [parties.parentName, `Parent of ${parties.studentName}`];
  if (parties.parentContact) signature.push(parties.parentContact);
  return {
    date: parties.date,
    dateText: formatLetterDate(parties.date),
    recipient: ["Principal and Special Education Coordinator", parties.schoolName, ...parties.schoolAddress],
    subject: parts.subject,
    salutation: "Dear Principal and Special Education Coordinator:",
    paragraphs: parts.paragraphs,
    requests: parts.requests,
    closing: parts.closing ?? "Thank you. I look forward to working with the school.",
    signature,
    citations: [...new Set(parts.citations)],
  };
}

/** The letter as plain text (for print fallbacks, saving, and tests). */
export function letterToText(letter: Letter): string {
  return [
    letter.dateText,
    "",
    ...letter.recipient,
    "",
    `Re: ${letter.subject}`,
    "",
    letter.salutation,
    "",
    ...letter.paragraphs.flatMap((p) => [p, ""]),
    "Please send me:",
    ...letter.requests.map((r) => `- ${r}`),
    "",
    letter.closing,
    "",
    "Sincerely,",
    ...letter.signature,
    "",
    `Legal references: ${letter.citations.join("; ")}.`,
  ].join("\n");
}

/** "15 calendar days", "5 business days". */
export function dayCountWords(count: { days: number; unit: "calendar" | "school" | "business" }): string {
  return `${count.days} ${count.unit === "calendar" ? "" : `${count.unit} `}days`;
}
