/**
 * The notice of an IEP meeting (34 CFR 300.322(b)): purpose, time, location and who will attend;
 * the right to bring others with knowledge or special expertise; the Part C coordinator for a
 * child coming from Part C; and, for the first IEP in effect when the child turns 16 (or earlier),
 * that transition is a purpose, the student will be invited, and which agencies are invited.
 */
import { addDays, addYears, ageOn } from "../shared/dates.ts";
import type { IepDocument } from "./iep-document.ts";
import type { MeetingNotice } from "./plan-common.ts";

export const MEETING_NOTICE_CITATION = "34 CFR 300.322(b)";
/**
 * The age by which transition must be addressed: the first IEP in effect when the child turns 16
 * (34 CFR 300.320(b)). A state may set a younger age; pass it as `transitionAge`.
 */
export const TRANSITION_AGE = 16;

export type MeetingNoticeElementKey =
  | "purpose"
  | "time"
  | "location"
  | "attendees"
  | "rightToBringOthers"
  | "partCCoordinator"
  | "transitionPurpose"
  | "studentInvited"
  | "sentEarly";

export type MeetingNoticeProblem = { key: MeetingNoticeElementKey; path: string; message: string; citation: string };

export type MeetingNoticeCheck = {
  complete: boolean;
  /** Whether the transition contents were required (student 16 while the IEP is in effect, or transition discussed). */
  transitionRequired: boolean;
  problems: MeetingNoticeProblem[];
  citation: string;
};

export type MeetingNoticeFacts = {
  /** The student's date of birth, when known. */
  dateOfBirth?: string | null | undefined;
  /** Last day the IEP being developed will be in effect (defaults to a year after the meeting). */
  planEnd?: string | null | undefined;
  /** The team will discuss transition even though the student is younger than 16. */
  transitionDiscussed?: boolean | undefined;
  /** The child received early intervention under Part C and this is the initial IEP meeting. */
  fromPartC?: boolean | undefined;
  /** The state's transition age when it is younger than 16 (34 CFR 300.320(b)). */
  transitionAge?: number | undefined;
};

const filled = (text: string | null | undefined): boolean => (text ?? "").trim() !== "";

/**
 * True when the IEP being developed must address transition: the student reaches the transition age
 * (16, or the state's younger age) on or before the last day it is in effect (34 CFR 300.320(b)),
 * or the team chooses to address it earlier.
 */
export function isTransitionRequired(facts: {
  dateOfBirth?: string | null | undefined;
  meetingDate?: string | null | undefined;
  planEnd?: string | null | undefined;
  transitionDiscussed?: boolean | undefined;
  transitionAge?: number | undefined;
}): boolean {
  if (facts.transitionDiscussed) return true;
  if (!facts.dateOfBirth) return false;
  const lastDay = facts.planEnd ?? (facts.meetingDate ? addDays(addYears(facts.meetingDate, 1), -1) : null);
  if (!lastDay) return false;
  return ageOn(facts.dateOfBirth, lastDay) >= Math.min(TRANSITION_AGE, facts.transitionAge ?? TRANSITION_AGE);
}

/** Check a meeting notice for the contents of 300.322(b). */
export function checkMeetingNotice(
  notice: MeetingNotice | null | undefined,
  facts: MeetingNoticeFacts = {},
): MeetingNoticeCheck {
  const problems: MeetingNoticeProblem[] = [];
  const add = (key: MeetingNoticeElementKey, path: string, message: string, citation: string) =>
    problems.push({ key, path: `/meeting/notice${path}`, message, citation });

  const transitionRequired = isTransitionRequired({
    dateOfBirth: facts.dateOfBirth,
    meetingDate: notice?.date ?? null,
    planEnd: facts.planEnd,
    transitionDiscussed: facts.transitionDiscussed,
    transitionAge: facts.transitionAge,
  });

  if (!notice) {
    return {
      complete: false,
      transitionRequired,
      problems: [
        {
          key: "purpose",
          path: "/meeting/notice",
          message: "No meeting notice was sent to the parent",
          citation: "34 CFR 300.322(a)(1)",
        },
      ],
      citation: MEETING_NOTICE_CITATION,
    };
  }

  if (!filled(notice.purpose))
    add("purpose", "/purpose", "The notice does not state the purpose of the meeting", "34 CFR 300.322(b)(1)(i)");
  if (notice.date === null || notice.time === null)
    add(
      "time",
      notice.date === null ? "/date" : "/time",
      "The notice does not state the date and time",
      "34 CFR 300.322(b)(1)(i)",
    );
  if (!filled(notice.location))
    add("location", "/location", "The notice does not state the location", "34 CFR 300.322(b)(1)(i)");
  if (!notice.attendees.some(filled))
    add("attendees", "/attendees", "The notice does not say who will attend", "34 CFR 300.322(b)(1)(i)");
  if (!notice.informsRightToBringOthers)
    add(
      "rightToBringOthers",
      "/informsRightToBringOthers",
      "The notice does not tell the parent they may bring others who know the child",
      "34 CFR 300.322(b)(1)(ii)",
    );
  if (facts.fromPartC && notice.informsPartCCoordinator !== true)
    add(
      "partCCoordinator",
      "/informsPartCCoordinator",
      "The notice does not tell the parent the Part C service coordinator may be invited",
      "34 CFR 300.322(b)(1)(iii)",
    );
  // Early enough to have an opportunity to attend (300.322(a)(1)): at the latest before the meeting day.
  if (notice.sentOn === null)
    add("sentEarly", "/sentOn", "The notice does not record when it was sent to the parent", "34 CFR 300.322(a)(1)");
  else if (notice.date !== null && notice.sentOn >= notice.date)
    add("sentEarly", "/sentOn", "The notice was not sent before the meeting day", "34 CFR 300.322(a)(1)");
  if (transitionRequired) {
    if (!notice.transitionIsPurpose)
      add(
        "transitionPurpose",
        "/transitionIsPurpose",
        "The notice does not say that transition planning is a purpose of the meeting",
        "34 CFR 300.322(b)(2)(i)(A)",
      );
    if (!notice.studentWillBeInvited)
      add(
        "studentInvited",
        "/studentWillBeInvited",
        "The notice does not say that the student will be invited",
        "34 CFR 300.322(b)(2)(i)(B)",
      );
  }
  return { complete: problems.length === 0, transitionRequired, problems, citation: MEETING_NOTICE_CITATION };
}

/** Check the notice stored on an IEP, using the student's birth date and plan end date from the document. */
export function checkIepMeetingNotice(
  doc: IepDocument,
  facts: Pick<MeetingNoticeFacts, "fromPartC" | "transitionDiscussed" | "transitionAge"> = {},
) {
  return checkMeetingNotice(doc.meeting.notice, {
    dateOfBirth: doc.student.dateOfBirth,
    planEnd: doc.dates.planEnd,
    transitionDiscussed: facts.transitionDiscussed ?? doc.transition !== null,
    fromPartC: facts.fromPartC,
    transitionAge: facts.transitionAge,
  });
}
