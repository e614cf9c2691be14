/**
 * A parent asks for an IEP meeting: the IEP is revised as needed (34 CFR 300.324(b)(1)), at a
 * mutually agreed time and place, with a notice of the meeting (300.322(a)–(b)). In California the
 * meeting is due within 30 days of the written request (Ed. Code 56343.5, from the state table);
 * federal rules set no number of days.
 */
import type { z } from "zod";
import { stateRules } from "../states/state-table.ts";
import { dayCountWords, type Letter, letterFrame, studentWords, ZLetterParties } from "./letter.ts";

export const ZIepMeetingLetterInput = ZLetterParties;
export type IepMeetingLetterInput = z.infer<typeof ZIepMeetingLetterInput>;

export function buildIepMeetingRequestLetter(input: IepMeetingLetterInput): Letter {
  const { studentName, schoolName } = input;
  const rules = stateRules(input.state);
  const onRequest = rules.iepMeetingOnRequest;
  const paragraphs = [
    `I am the parent of ${studentWords(input)}, who attends ${schoolName}. I am writing to request a meeting of ${studentName}'s IEP team to review and, where needed, revise the IEP (34 CFR 300.324(b)(1)).`,
  ];
  if (input.concerns) paragraphs.push(input.concerns);
  paragraphs.push(
    onRequest.value
      ? `I understand that the meeting must be held within ${dayCountWords(onRequest.value)} of receiving this written request (${onRequest.citation}), at a time and place we agree on (34 CFR 300.322(a)).`
      : "Federal rules set no number of days for a meeting a parent asks for, but the meeting must be scheduled at a mutually agreed time and place (34 CFR 300.322(a)). Please let me know promptly when it can be held.",
  );
  const citations = ["34 CFR 300.324(b)(1)", "34 CFR 300.322(a)-(b)"];
  if (onRequest.value) citations.push(onRequest.citation);
  return letterFrame(input, {
    subject: `Request for an IEP meeting for ${studentName}`,
    paragraphs,
    requests: [
      "possible dates and times for the meeting;",
      "the written notice of the meeting, with its purpose, time, location and who will attend (34 CFR 300.322(b));",
      "any new reports or data the team will discuss, before the meeting if possible;",
      "written confirmation of the date this request was received.",
    ],
    citations,
  });
}
