/**
 * A parent asks to see and copy the child's education records (34 CFR 300.613; FERPA 34 CFR 99.10),
 * with the state's time limit from the state table: California, copies within 5 business days at
 * no more than the cost of copying (Ed. Code 56504); federally, without unnecessary delay, before
 * any IEP meeting or hearing, and within 45 days (300.613(a)). It also asks for the record of who
 * has had access (300.614).
 */
import type { z } from "zod";
import { stateRules } from "../states/state-table.ts";
import { dayCountWords, type Letter, letterFrame, studentWords, ZLetterParties } from "./letter.ts";

export const ZRecordsLetterInput = ZLetterParties;
export type RecordsLetterInput = z.infer<typeof ZRecordsLetterInput>;

export function buildRecordsRequestLetter(input: RecordsLetterInput): Letter {
  const { studentName, schoolName } = input;
  const rules = stateRules(input.state);
  const access = rules.recordsAccess;
  const paragraphs = [
    `I am the parent of ${studentWords(input)}, who attends ${schoolName}. I am asking to inspect and receive copies of all of ${studentName}'s education records, including evaluations and assessments, IEPs or 504 plans, progress reports, service logs, discipline records, and notes or emails about my child kept in the school's files (34 CFR 300.613; 34 CFR 99.10).`,
  ];
  if (input.concerns) paragraphs.push(input.concerns);
  paragraphs.push(
    rules.code === "US"
      ? "I understand that the school must let me see the records without unnecessary delay, before any IEP meeting or hearing, and in no case more than 45 days after this request (34 CFR 300.613(a))."
      : `I understand that the district must give me copies within ${dayCountWords(access.value)} of this request, at no more than the cost of copying (${access.citation}), and in any case before any IEP meeting or hearing (34 CFR 300.613(a)).`,
  );
  const citations = ["34 CFR 300.613", "34 CFR 99.10", access.citation, "34 CFR 300.614"];
  return letterFrame(input, {
    subject: `Request for ${studentName}'s education records`,
    paragraphs,
    requests: [
      "copies of the records listed above, or a time when I can look at them and have them explained;",
      "the record of the people outside the family and the school's own staff who have had access to my child's records (34 CFR 300.614);",
      "written confirmation of the date this request was received.",
    ],
    citations,
  });
}
