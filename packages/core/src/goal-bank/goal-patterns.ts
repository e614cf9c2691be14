/**
 * The bank of measurable goal patterns: a starting point for a measurable annual goal (34 CFR
 * 300.320(a)(2)(i)) in each area, written for Lantern in plain language. Each pattern has blanks
 * the team fills for the student: the target (`___` in the skill), the baseline, the date. A
 * district adds its own patterns (stored by the server); these built-in ones are always there.
 * Imports no zod: the editor's goal builder reads it.
 */

/** The areas goals are grouped by in the bank. */
export const GOAL_AREAS = [
  "reading",
  "writing",
  "math",
  "behavior",
  "communication",
  "motor",
  "self-help",
  "transition",
] as const;
export type GoalArea = (typeof GOAL_AREAS)[number];

export const GOAL_AREA_LABELS: Record<GoalArea, string> = {
  reading: "Reading",
  writing: "Writing",
  math: "Math",
  behavior: "Behavior",
  communication: "Communication",
  motor: "Motor skills",
  "self-help": "Self-help and daily living",
  transition: "Transition to adult life",
};

/** The mark of the blank in a pattern's skill where the target amount goes. */
export const GOAL_BLANK = "___";

export type GoalPattern = {
  id: string;
  area: GoalArea;
  /** A short name to pick it by. */
  title: string;
  /** What the student will do, with `___` where the target amount goes. */
  skill: string;
  /** The unit of the baseline and the target ("words correct per minute"). */
  unit: string;
  direction: "increase" | "decrease";
  /** How well, how often: "in 4 of 5 weekly probes". */
  criterion: string;
  /** How progress is measured. */
  measurementMethod: string;
  /** True for Lantern's own patterns; false for a district's. */
  builtIn: boolean;
};

const p = (
  id: string,
  area: GoalArea,
  title: string,
  skill: string,
  unit: string,
  criterion: string,
  measurementMethod: string,
  direction: "increase" | "decrease" = "increase",
): GoalPattern => ({
  id: `lantern-${id}`,
  area,
  title,
  skill,
  unit,
  direction,
  criterion,
  measurementMethod,
  builtIn: true,
});

/** Lantern's patterns, every one with an amount, a criterion, a way to measure and a date to fill in. */
export const BUILT_IN_GOAL_PATTERNS: readonly GoalPattern[] = [
  p(
    "reading-fluency",
    "reading",
    "Oral reading fluency",
    "read a passage at grade level aloud at ___ words correct per minute",
    "words correct per minute",
    "on 3 of 4 weekly one-minute probes",
    "curriculum-based measurement reading probes",
  ),
  p(
    "reading-comprehension",
    "reading",
    "Answering questions about a text",
    "answer ___ of 5 questions about who, what, where, when and why after reading a passage at grade level",
    "questions answered correctly out of 5",
    "on 4 of 5 passages in a row",
    "teacher-made comprehension checks, recorded on a chart",
  ),
  p(
    "reading-decoding",
    "reading",
    "Reading unfamiliar words",
    "read ___ of 20 unfamiliar one- and two-syllable words correctly",
    "words read correctly out of 20",
    "on 3 tries in a row, each on a different day",
    "word lists read aloud and scored by the special education teacher",
  ),
  p(
    "writing-paragraph",
    "writing",
    "Writing a paragraph",
    "write a paragraph with a topic sentence and ___ supporting details on a given topic",
    "supporting details",
    "in 4 of 5 writing samples",
    "a writing rubric scored by the teacher each month",
  ),
  p(
    "writing-spelling",
    "writing",
    "Spelling in writing",
    "spell ___% of grade-level words correctly in a written paragraph",
    "% of words spelled correctly",
    "in 3 writing samples in a row",
    "count of correctly spelled words in classroom writing samples",
  ),
  p(
    "math-facts",
    "math",
    "Math facts",
    "write answers to ___ addition and subtraction facts (to 20) correctly in 2 minutes",
    "facts correct in 2 minutes",
    "on 3 of 4 weekly timed probes",
    "curriculum-based measurement math fact probes",
  ),
  p(
    "math-word-problems",
    "math",
    "Word problems",
    "solve ___ of 5 one-step word problems at grade level, showing the work",
    "problems solved correctly out of 5",
    "on 4 of 5 weekly checks",
    "work samples scored by the math teacher",
  ),
  p(
    "behavior-on-task",
    "behavior",
    "Staying on task",
    "stay on task during independent work for ___% of 5-minute intervals",
    "% of intervals on task",
    "on 4 of 5 days observed",
    "interval observation by classroom staff, 3 times a week",
  ),
  p(
    "behavior-outbursts",
    "behavior",
    "Fewer outbursts",
    "have no more than ___ outbursts (yelling, throwing things) a week",
    "outbursts a week",
    "for 4 weeks in a row",
    "a daily behavior log kept by the classroom teacher",
    "decrease",
  ),
  p(
    "communication-requests",
    "communication",
    "Asking for help",
    "ask for help or a break using words, signs or a device in ___ of 10 chances",
    "chances out of 10",
    "on 3 days in a row",
    "data sheets kept by the speech-language pathologist and the teacher",
  ),
  p(
    "communication-articulation",
    "communication",
    "Clear speech sounds",
    "say the /r/ sound correctly in words during conversation ___% of the time",
    "% correct in conversation",
    "in 3 sessions in a row",
    "speech samples recorded and scored by the speech-language pathologist",
  ),
  p(
    "motor-handwriting",
    "motor",
    "Handwriting",
    "copy a 3-sentence text with ___% of letters formed correctly and on the line",
    "% of letters formed correctly",
    "in 4 of 5 samples",
    "handwriting samples scored by the occupational therapist each month",
  ),
  p(
    "motor-scissors",
    "motor",
    "Cutting with scissors",
    "cut along a curved line staying within ¼ inch of it for ___% of its length",
    "% of the line",
    "in 3 of 4 tries",
    "occupational therapy session notes",
  ),
  p(
    "self-help-routine",
    "self-help",
    "Following the arrival routine",
    "complete ___ of the 5 steps of the morning arrival routine without reminders",
    "steps done without reminders out of 5",
    "on 4 of 5 school days",
    "a checklist kept by classroom staff",
  ),
  p(
    "self-help-lunch",
    "self-help",
    "Lunch on their own",
    "open, eat and clean up lunch with no more than ___ adult prompts",
    "adult prompts",
    "on 4 of 5 days",
    "a daily prompt count kept by the aide",
    "decrease",
  ),
  p(
    "transition-job-tasks",
    "transition",
    "Job tasks",
    "finish ___ of 10 steps of a work task at a school job site without help",
    "steps done without help out of 10",
    "on 3 work days in a row",
    "a task analysis checklist kept by the job coach",
  ),
  p(
    "transition-schedule",
    "transition",
    "Using a schedule",
    "use a phone or paper planner to arrive on time to ___ of 6 class periods",
    "class periods on time out of 6",
    "on 4 of 5 days",
    "attendance records checked weekly by the case manager",
  ),
];
