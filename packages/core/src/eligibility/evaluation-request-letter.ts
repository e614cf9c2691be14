/**
 * A dated letter in which a parent asks the school for an evaluation. Structured text, so the web
 * print view and the server's PDF show the same words. It cites the parent's right to ask for an
 * initial evaluation (34 CFR 300.301(b)), asks for the assessment plan and consent form
 * (34 CFR 300.300(a), 300.503) and the procedural safeguards notice (34 CFR 300.504(a)(1)), and in
 * California states the Education Code timelines (56321, 56344(a)).
 */
import { z } from "zod";
import { formatLongDate } from "../shared/date-format.ts";
import { ZIsoDate } from "../shared/dates.ts";
import { IDEA_CATEGORIES, type IdeaCategory, ZNavigatorFacts } from "./navigator-facts.ts";

const name = (max: number) => z.string().trim().min(1).max(max);

export const ZEvaluationLetterInput = z.object({
  facts: ZNavigatorFacts,
  parentName: name(120),
  studentName: name(120),
  schoolName: name(200),
  /** Optional lines of the school's postal address. */
  schoolAddress: z.array(name(200)).max(4).default([]),
  /** Two-letter US state or territory code, e.g. "CA". */
  state: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/, { message: "Expected a two-letter state code such as CA" })
    .transform((s) => s.toUpperCase()),
  /** The date the letter is signed and sent. */
  date: ZIsoDate,
  studentDateOfBirth: ZIsoDate.optional(),
  grade: z.string().trim().min(1).max(40).optional(),
  /** How the school can reach the parent (phone or email), printed under the signature. */
  parentContact: z.string().trim().min(1).max(200).optional(),
  /** The parent's own words about the concerns, printed as given. */
  concerns: z.string().trim().min(1).max(2000).optional(),
});
export type EvaluationLetterInput = z.infer<typeof ZEvaluationLetterInput>;
export type EvaluationLetterInputRaw = z.input<typeof ZEvaluationLetterInput>;

export type EvaluationLetter = {
  date: string;
  /** The date in words, e.g. "November 23, 2026". */
  dateText: string;
  recipient: string[];
  subject: string;
  salutation: string;
  paragraphs: string[];
  /** The specific requests, printed as a list. */
  requests: string[];
  closing: string;
  signature: string[];
  citations: string[];
};

/** The letter's dates: "January 1, 2027". */
export function formatLetterDate(date: string): string {
  return formatLongDate(date, "en");
}

const CATEGORY_WORDS: Record<IdeaCategory, string> = Object.fromEntries(
  IDEA_CATEGORIES.map((c) => [c, c.replaceAll("-", " ")]),
) as Record<IdeaCategory, string>;

/** Build the letter. Pure: the same input always gives the same words. */
export function buildEvaluationRequestLetter(input: EvaluationLetterInput): EvaluationLetter {
  const { facts, studentName, schoolName, state } = input;
  const california = state === "CA";
  const about: string[] = [];
  if (input.studentDateOfBirth) about.push(`born ${formatLetterDate(input.studentDateOfBirth)}`);
  if (input.grade) about.push(`in grade ${input.grade}`);
  const who = about.length > 0 ? `${studentName} (${about.join(", ")})` : studentName;

  const suspected = facts.impairments.map((i) =>
    i.ideaCategory && i.ideaCategory !== "none" ? `${i.name} (possibly ${CATEGORY_WORDS[i.ideaCategory]})` : i.name,
  );
  const paragraphs: string[] = [
    `I am the parent of ${who}, who attends ${schoolName}. I am writing to request a full and individual initial evaluation of ${studentName} to find out whether ${studentName} has a disability and needs special education and related services under the Individuals with Disabilities Education Act (IDEA), or aids and services under Section 504 of the Rehabilitation Act. A parent may request an initial evaluation (34 CFR 300.301(b)), and Section 504 requires an evaluation before placement (34 CFR 104.35(a)).`,
  ];
  if (suspected.length > 0) {
    paragraphs.push(`My concerns include: ${suspected.join("; ")}.`);
  }
  if (input.concerns) paragraphs.push(input.concerns);
  paragraphs.push(
    "Please assess all areas related to the suspected disability, including, as appropriate, health, vision, hearing, social and emotional status, general intelligence, academic performance, communication and motor abilities (34 CFR 300.304(c)(4)).",
  );
  if (california) {
    paragraphs.push(
      "Under California Education Code section 56321, I understand that the district must give me a proposed assessment plan within 15 days of receiving this referral (not counting days between school sessions or school vacations of more than five school days), with a notice of my rights, and that I have at least 15 days to decide whether to consent. Under Education Code section 56344(a), an IEP meeting to decide eligibility must be held within 60 days of receiving my written consent.",
    );
  } else {
    paragraphs.push(
      "I understand that the evaluation must be completed within 60 days of receiving my consent, or within the timeline set by our state (34 CFR 300.301(c)).",
    );
  }
  const requests = [
    "the proposed assessment plan (evaluation plan) and the consent form, so that I can give my written consent (34 CFR 300.300(a); 34 CFR 300.503);",
    "a copy of the procedural safeguards notice, which is given when a parent requests an evaluation (34 CFR 300.504(a)(1));",
    "written confirmation of the date this request was received, and a copy of this letter placed in my child's educational record.",
  ];
  const citations = california
    ? [
        "34 CFR 300.301(b)",
        "34 CFR 104.35(a)",
        "34 CFR 300.304(c)(4)",
        "Cal. Educ. Code 56321",
        "Cal. Educ. Code 56344(a)",
        "34 CFR 300.300(a)",
        "34 CFR 300.503",
        "34 CFR 300.504(a)(1)",
      ]
    : [
        "34 CFR 300.301(b)",
        "34 CFR 104.35(a)",
        "34 CFR 300.304(c)(4)",
        "34 CFR 300.301(c)",
        "34 CFR 300.300(a)",
        "34 CFR 300.503",
        "34 CFR 300.504(a)(1)",
      ];
  const signature = [input.parentName, `Parent of ${studentName}`];
  if (input.parentContact) signature.push(input.parentContact);
  return {
    date: input.date,
    dateText: formatLetterDate(input.date),
    recipient: [`Principal and Special Education Coordinator`, schoolName, ...input.schoolAddress],
    subject: `Request for a special education and Section 504 evaluation for ${studentName}`,
    salutation: "Dear Principal and Special Education Coordinator:",
    paragraphs,
    requests,
    closing: "Thank you. I look forward to working with the school.",
    signature,
    citations,
  };
}

/** The letter as plain text (for print fallbacks and tests). */
export function letterToText(letter: EvaluationLetter): string {
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
  ].join("\n");
}
