/**
 * A parent asks for a Section 504 meeting: evaluation before placement and a decision by a group
 * of people who know the student, drawing on a variety of sources (34 CFR 104.35(a), (c)), the
 * rights notice (104.36). Federal rules set no number of days; the letter says OCR expects a
 * reasonable time, and asks the school to consider an IDEA evaluation if special education may be
 * needed (child find, 300.111).
 */
import type { z } from "zod";
import { type Letter, letterFrame, studentWords, ZLetterParties } from "./letter.ts";

export const ZSection504MeetingLetterInput = ZLetterParties;
export type Section504MeetingLetterInput = z.infer<typeof ZSection504MeetingLetterInput>;

export function buildSection504MeetingRequestLetter(input: Section504MeetingLetterInput): Letter {
  const { studentName, schoolName } = input;
  const paragraphs = [
    `I am the parent of ${studentWords(input)}, who attends ${schoolName}. I am asking the school's Section 504 coordinator to convene a meeting to decide whether ${studentName} has a disability under Section 504 of the Rehabilitation Act and needs accommodations, aids or services at school, and to write down what the school will provide (34 CFR 104.33; 34 CFR 104.35).`,
  ];
  if (input.concerns) paragraphs.push(input.concerns);
  paragraphs.push(
    "I ask that the group include people who know my child, the evaluation information and the placement options, and that it draw on a variety of sources, including my information, teacher reports, grades and any medical information I provide (34 CFR 104.35(c)).",
    "Section 504 sets no federal number of days for this, but the Office for Civil Rights expects the school to evaluate within a reasonable time once it has reason to believe a student needs services. If the school believes my child may need special education, I also ask that it consider an evaluation under IDEA (34 CFR 300.111).",
  );
  return letterFrame(input, {
    subject: `Request for a Section 504 meeting for ${studentName}`,
    paragraphs,
    requests: [
      "possible dates and times for the meeting, and the names of the people who will attend;",
      "a copy of the notice of my rights under Section 504, including my right to see my child's records and to an impartial hearing (34 CFR 104.36);",
      "the school's decision in writing, with the information it relied on;",
      "written confirmation of the date this request was received.",
    ],
    citations: ["34 CFR 104.33", "34 CFR 104.35(a), (c)", "34 CFR 104.36", "34 CFR 300.111"],
  });
}
