/**
 * What the synthetic district is made of: invented names, schools, goals, accommodations,
 * impairments and how often sessions are missed. Every name is invented; no real person is
 * represented. The generator picks from these lists in order, so reordering an entry changes the
 * district (the seed's digest test notices).
 */
import { FIRST_NAMES, LAST_NAMES } from "../fictional-names.ts";

export const SYNTHETIC_DISTRICT_NAME = "Synthetic Unified School District";
export const SYNTHETIC_EMAIL_DOMAIN = "synthetic-district.example";

export const FIRST = FIRST_NAMES;
export const LAST = LAST_NAMES;
export const GUARDIAN_FIRST = [
  "Jordan",
  "Alex",
  "Sam",
  "Taylor",
  "Morgan",
  "Casey",
  "Jamie",
  "Robin",
  "Avery",
  "Riley",
];
export const SCHOOL_NAMES = [
  "Oak",
  "Cedar",
  "Willow",
  "Aspen",
  "Juniper",
  "Sycamore",
  "Magnolia",
  "Alder",
  "Birch",
  "Cypress",
  "Hawthorn",
  "Laurel",
  "Linden",
  "Maple",
  "Redwood",
  "Sequoia",
  "Spruce",
  "Walnut",
  "Poplar",
  "Chestnut",
];
export const SCHOOL_PLACES = ["Grove", "Park", "Hill", "Creek", "Valley", "Ridge", "Meadow", "Lake", "Bay", "Canyon"];

export type SchoolLevel = "elementary" | "middle" | "high";

export const GRADES: Record<SchoolLevel, string[]> = {
  elementary: ["K", "1", "2", "3", "4", "5"],
  middle: ["6", "7", "8"],
  high: ["9", "10", "11", "12"],
};

export const GOAL_BANK = [
  {
    area: "Reading fluency",
    domain: "academic",
    unit: "words correct per minute",
    base: [40, 95],
    gain: [25, 45],
    dir: "increase",
    method: "Curriculum-based measurement probes",
  },
  {
    area: "Reading comprehension",
    domain: "academic",
    unit: "percent correct",
    base: [30, 60],
    gain: [20, 35],
    dir: "increase",
    method: "Comprehension questions on grade-level passages",
  },
  {
    area: "Math computation",
    domain: "academic",
    unit: "problems correct in 2 minutes",
    base: [5, 20],
    gain: [8, 15],
    dir: "increase",
    method: "Timed computation probes",
  },
  {
    area: "Written expression",
    domain: "academic",
    unit: "rubric points",
    base: [1, 2],
    gain: [1, 2],
    dir: "increase",
    method: "District writing rubric",
  },
  {
    area: "Articulation",
    domain: "functional",
    unit: "percent accuracy",
    base: [40, 65],
    gain: [20, 35],
    dir: "increase",
    method: "Speech-language pathologist's data sheets",
  },
  {
    area: "On-task behavior",
    domain: "functional",
    unit: "percent of intervals on task",
    base: [35, 60],
    gain: [20, 30],
    dir: "increase",
    method: "Interval observations",
  },
  {
    area: "Classroom disruptions",
    domain: "functional",
    unit: "incidents per week",
    base: [8, 15],
    gain: [5, 9],
    dir: "decrease",
    method: "Behavior log",
  },
  {
    area: "Fine motor",
    domain: "functional",
    unit: "legible letters per line",
    base: [4, 8],
    gain: [3, 6],
    dir: "increase",
    method: "Handwriting samples",
  },
] as const;

export const ACCOMMODATION_BANK = [
  {
    category: "testing",
    text: "Extended time (1.5×) on tests and quizzes",
    providedBy: "All teachers",
    when: "Tests and quizzes",
  },
  { category: "instructional", text: "Preferential seating as needed", providedBy: "Teachers", when: "As needed" },
  {
    category: "instructional",
    text: "Check for understanding as appropriate",
    providedBy: "Teachers",
    when: "When appropriate",
  },
  {
    category: "instructional",
    text: "Audio versions of texts",
    providedBy: "General education teachers",
    when: "Reading assignments",
  },
  {
    category: "testing",
    text: "Tests in a small-group setting",
    providedBy: "Special education teacher",
    when: "Unit tests",
  },
  { category: "instructional", text: "Copies of class notes", providedBy: "Teachers", when: "Daily" },
  {
    category: "environmental",
    text: "Movement breaks of five minutes every 30 minutes",
    providedBy: "Teachers",
    when: "Every class period",
  },
  {
    category: "instructional",
    text: "Directions given orally and in writing",
    providedBy: "Teachers",
    when: "New assignments",
  },
  {
    category: "behavioral",
    text: "Daily check-in with the counselor",
    providedBy: "School counselor",
    when: "Start of the school day",
  },
  { category: "testing", text: "Use of a calculator on math tests", providedBy: "Math teacher", when: "Math tests" },
] as const;

export const IMPAIRMENT_BANK = [
  {
    name: "Attention-deficit/hyperactivity disorder",
    activity: "concentrating",
    limitation: "Sustaining attention during lessons and tests is hard.",
  },
  {
    name: "Type 1 diabetes",
    activity: "major-bodily-function:endocrine",
    limitation: "Blood sugar must be monitored and managed during the day.",
  },
  {
    name: "Anxiety disorder",
    activity: "learning",
    limitation: "Timed tests and speaking in front of the class cause severe anxiety.",
  },
  { name: "Asthma", activity: "breathing", limitation: "Physical activity and poor air quality can bring on attacks." },
  {
    name: "Severe peanut allergy",
    activity: "major-bodily-function:immune",
    limitation: "Exposure to peanuts can cause anaphylaxis.",
  },
] as const;

export const LRE = ["RC80", "RC79TO40", "RC80", "RC80", "RC39"] as const;

/** Disability categories of the synthetic IEPs. */
export const DISABILITY_BANK = [
  "specific-learning-disability",
  "speech-or-language-impairment",
  "other-health-impairment",
  "autism",
  "emotional-disturbance",
  "intellectual-disability",
] as const;

/** How sessions turn out, with their shares (the rest are delivered). */
export const SESSION_STATUSES = [
  ["delivered", 0.86],
  ["student-absent", 0.05],
  ["provider-absent", 0.04],
  ["school-closed", 0.02],
  ["student-unavailable", 0.02],
  ["make-up", 0.01],
] as const;
