/**
 * Plain-language names for the remaining coded choices of the plan format, so the editor can offer
 * each one by name: goal domains, progress schedules, accommodation categories, notices, consent,
 * meetings, evaluations, discipline, exit, and the Section 504 lists. Keys follow the schemas'
 * enums (the types below keep them in step); major life activities are core's list of
 * 42 USC 12102(2)(A)–(B), which the 504 plan's `majorLifeActivity` takes by code.
 */
import type { IepDocument } from "./iep-document.ts";
import type { PlanMeeting, SafeguardsNotice } from "./plan-common.ts";
import type { Section504Document } from "./section-504-document.ts";

type Values<T> = Exclude<T, null | undefined>;
type Goal = IepDocument["goals"][number];
type Schedule = Values<IepDocument["progressReporting"]["schedule"]>;

export const GOAL_DOMAIN_LABELS: Record<Values<Goal["domain"]>, string> = {
  academic: "Academic (reading, writing, math and other school subjects)",
  functional: "Functional (daily living, behavior, communication, movement)",
};

export const GOAL_DIRECTION_LABELS: Record<Goal["direction"], string> = {
  increase: "Go up (more is better)",
  decrease: "Go down (less is better)",
};

export const PROGRESS_SCHEDULE_KIND_LABELS: Record<Schedule["kind"], string> = {
  every: "A set number of times per period",
  "report-card-periods": "With each report card",
};

export const PROGRESS_SCHEDULE_PERIOD_LABELS: Record<Extract<Schedule, { kind: "every" }>["per"], string> = {
  month: "month",
  quarter: "quarter",
  semester: "semester",
  year: "year",
};

export const ACCOMMODATION_CATEGORY_LABELS: Record<Section504Document["accommodations"][number]["category"], string> = {
  instructional: "In class (how the student is taught)",
  testing: "On tests",
  environmental: "Where the student works (room, seating)",
  behavioral: "Behavior support",
  health: "Health",
};

export const TRANSITION_SERVICE_AREA_LABELS: Record<
  Values<Values<IepDocument["transition"]>["transitionServices"][number]["area"]>,
  string
> = {
  instruction: "Instruction",
  "related-services": "Related services",
  "community-experiences": "Community experiences",
  employment: "Employment",
  "adult-living": "Adult living",
  "daily-living-skills": "Daily living skills",
  "functional-vocational-evaluation": "Functional vocational evaluation",
};

export const NOTICE_ACTION_LABELS: Record<Values<Values<IepDocument["priorWrittenNotice"]>["action"]>, string> = {
  propose: "The school proposes an action",
  refuse: "The school refuses an action the family asked for",
};

export const CONSENT_CHOICE_LABELS: Record<Values<IepDocument["consent"]["choice"]>, string> = {
  consent: "Agrees to the whole plan",
  "consent-except": "Agrees except for named parts",
  refuse: "Does not agree",
};

export const MEETING_TYPE_LABELS: Record<Values<PlanMeeting["type"]>, string> = {
  initial: "First plan",
  annual: "Annual review",
  amendment: "Change to the plan",
  reevaluation: "Reevaluation",
  transition: "Transition planning",
  other: "Other",
};

export const PARENT_PARTICIPATION_LABELS: Record<Values<PlanMeeting["parentParticipation"]>, string> = {
  "in-person": "In person",
  phone: "By phone",
  video: "By video call",
  "did-not-participate": "Did not take part",
};

export const SAFEGUARDS_METHOD_LABELS: Record<Values<SafeguardsNotice["method"]>, string> = {
  "in-person": "Handed over in person",
  mail: "By mail",
  email: "By email",
  portal: "In the family portal",
};

export const SAFEGUARDS_EVENT_LABELS: Record<Values<SafeguardsNotice["events"]>[number]["event"], string> = {
  "initial-referral": "First referral or request for an evaluation",
  "parent-evaluation-request": "The parent asked for an evaluation",
  "state-complaint": "First complaint to the state this school year",
  "due-process-complaint": "First due process complaint this school year",
  "disciplinary-change-of-placement": "A removal for discipline that changes placement",
  "parent-request": "The parent asked for a copy",
};

export const EVALUATION_KIND_LABELS: Record<IepDocument["evaluationHistory"][number]["kind"], string> = {
  initial: "First evaluation",
  reevaluation: "Reevaluation",
};

export const EVALUATION_EXTENSION_BASIS_LABELS: Record<
  Values<IepDocument["dates"]["evaluationExtension"]>["basis"],
  string
> = {
  "parent-written-agreement": "The parent agreed in writing",
  "specific-learning-disability": "Specific learning disability: more time agreed for observation",
  transfer: "The student moved to another district during the evaluation",
  "child-not-produced": "The parent did not make the student available",
};

export const EXIT_REASON_LABELS: Record<Values<IepDocument["exit"]>["reason"], string> = {
  "graduated-regular-diploma": "Graduated with a regular diploma",
  "graduated-certificate": "Left with a certificate of completion or a GED (not a regular diploma)",
  "exceeded-age": "Reached the age limit",
  "no-longer-eligible": "No longer eligible",
  "consent-revoked": "The parent withdrew consent to services",
  "moved-away": "Moved away",
  other: "Other",
};

export const DISCIPLINE_KIND_LABELS: Record<IepDocument["disciplineRemovals"][number]["kind"], string> = {
  suspension: "Suspension",
  expulsion: "Expulsion",
  "interim-alternative-setting": "Interim alternative setting (up to 45 school days)",
  other: "Other removal",
};

export const AID_KIND_LABELS: Record<Section504Document["aidsAndServices"][number]["kind"], string> = {
  "related-aid": "Aid (equipment or help)",
  "related-service": "Related service (for example nursing or counseling)",
  "special-education": "Special education",
};

export const EVALUATION_SOURCE_LABELS: Record<Section504Document["evaluationSources"][number]["kind"], string> = {
  "parent-input": "What the parent told the team",
  "teacher-report": "Teacher report",
  "student-input": "What the student told the team",
  "medical-information": "Medical information",
  "evaluation-report": "Evaluation report",
  "test-scores": "Test scores",
  grades: "Grades",
  observation: "Observation",
  "attendance-records": "Attendance records",
  "discipline-records": "Discipline records",
  other: "Other",
};

/** Major life activities and major bodily functions, 42 USC 12102(2)(A)–(B), plus the EEOC/DOJ additions. */
export const MAJOR_LIFE_ACTIVITIES = [
  "caring-for-oneself",
  "performing-manual-tasks",
  "seeing",
  "hearing",
  "eating",
  "sleeping",
  "walking",
  "standing",
  "sitting",
  "reaching",
  "lifting",
  "bending",
  "speaking",
  "breathing",
  "learning",
  "reading",
  "concentrating",
  "thinking",
  "communicating",
  "interacting-with-others",
  "working",
  "major-bodily-function:immune",
  "major-bodily-function:normal-cell-growth",
  "major-bodily-function:digestive",
  "major-bodily-function:bowel",
  "major-bodily-function:bladder",
  "major-bodily-function:neurological",
  "major-bodily-function:brain",
  "major-bodily-function:respiratory",
  "major-bodily-function:circulatory",
  "major-bodily-function:endocrine",
  "major-bodily-function:reproductive",
] as const;

export const MAJOR_LIFE_ACTIVITY_LABELS: Record<(typeof MAJOR_LIFE_ACTIVITIES)[number], string> = {
  "caring-for-oneself": "Caring for oneself",
  "performing-manual-tasks": "Using the hands (manual tasks)",
  seeing: "Seeing",
  hearing: "Hearing",
  eating: "Eating",
  sleeping: "Sleeping",
  walking: "Walking",
  standing: "Standing",
  sitting: "Sitting",
  reaching: "Reaching",
  lifting: "Lifting",
  bending: "Bending",
  speaking: "Speaking",
  breathing: "Breathing",
  learning: "Learning",
  reading: "Reading",
  concentrating: "Concentrating",
  thinking: "Thinking",
  communicating: "Communicating",
  "interacting-with-others": "Getting along with others",
  working: "Working",
  "major-bodily-function:immune": "Body function: immune system",
  "major-bodily-function:normal-cell-growth": "Body function: normal cell growth",
  "major-bodily-function:digestive": "Body function: digestion",
  "major-bodily-function:bowel": "Body function: bowel",
  "major-bodily-function:bladder": "Body function: bladder",
  "major-bodily-function:neurological": "Body function: nervous system",
  "major-bodily-function:brain": "Body function: brain",
  "major-bodily-function:respiratory": "Body function: breathing system",
  "major-bodily-function:circulatory": "Body function: heart and blood",
  "major-bodily-function:endocrine": "Body function: hormones (endocrine)",
  "major-bodily-function:reproductive": "Body function: reproductive system",
};

export const YES_NO_LABELS = { yes: "Yes", no: "No" } as const;
