/** The documents of the synthetic plans (as a person would write them, before validation). */
import { GOAL_BANK, type IMPAIRMENT_BANK, SYNTHETIC_DISTRICT_NAME } from "./content-banks.ts";
import { ageOn, isoAddDays, monthYear } from "./dates.ts";
import type { SyntheticModel, SyntheticSchool, SyntheticStudent } from "./model.ts";
import type { SyntheticGoal, SyntheticService } from "./plans.ts";

type ContentInput = {
  student: SyntheticStudent;
  school: SyntheticSchool;
  planStart: string;
  meetingDate: string;
  sealed: boolean;
  accommodations: Array<{ id: string; category: string; text: string; providedBy: string; when: string }>;
  guardianName: string;
};

export function iepContent(
  input: ContentInput & {
    model: SyntheticModel;
    amendment: boolean;
    goals: SyntheticGoal[];
    services: SyntheticService[];
    lre: string;
    disability: string;
  },
): Record<string, unknown> {
  const { student, school, planStart, meetingDate, sealed } = input;
  const planEnd = isoAddDays(planStart, 364);
  const first = student.firstName;
  const age = ageOn(student.dateOfBirth, planStart);
  const reports = [0.3, 0.55, 0.8].map((f) => isoAddDays(planStart, Math.round(364 * f)));
  return {
    type: "iep",
    schemaVersion: 1,
    student: {
      studentId: student.id,
      localId: `SY${String(student.index + 1).padStart(7, "0")}`,
      firstName: first,
      lastName: student.lastName,
      dateOfBirth: student.dateOfBirth,
      grade: student.grade,
      school: school.name,
      district: SYNTHETIC_DISTRICT_NAME,
      primaryLanguage: "English",
      englishLearner: false,
      guardians: [{ name: input.guardianName, relationship: "Parent", language: "English" }],
    },
    primaryDisability: input.disability,
    meeting: {
      date: meetingDate,
      type: input.amendment ? "amendment" : "annual",
      location: "Conference room",
      parentParticipation: "in-person",
      notes: `The team reviewed ${first}'s progress and present levels.`,
    },
    dates: {
      planStart,
      planEnd,
      nextAnnualReview: planEnd,
      lastEvaluation: isoAddDays(planStart, -400),
      nextReevaluation: isoAddDays(planStart, 695),
    },
    presentLevels: {
      academic: `${first} is working toward grade-level standards with specialized instruction.`,
      functional: `${first} follows classroom routines with reminders.`,
      impactOnGeneralCurriculum: `${first}'s disability affects progress in the general education curriculum without support.`,
      strengths: ["Curious", "Works well with peers"],
      needs: input.goals.map((g, i) => ({
        id: `need-${i + 1}`,
        area: g.area,
        description: `Skills in ${g.area.toLowerCase()}`,
      })),
    },
    goals: input.goals.map((g, i) => ({
      id: g.id,
      area: g.area,
      domain: GOAL_BANK.find((b) => b.area === g.area)?.domain ?? "academic",
      statement: `By ${monthYear(planEnd)}, ${first} will reach ${g.target} ${g.unit} in ${g.area.toLowerCase()}.`,
      baseline: { value: g.baseline, description: `${g.baseline} ${g.unit}`, measuredOn: isoAddDays(planStart, -20) },
      target: { value: g.target, description: `${g.target} ${g.unit}` },
      unit: g.unit,
      direction: g.direction,
      criterion: "in 3 of 4 consecutive probes",
      measurementMethod: GOAL_BANK.find((b) => b.area === g.area)?.method ?? "Probes",
      byDate: planEnd,
      needIds: [`need-${i + 1}`],
    })),
    progressReporting: {
      howMeasured: "Data charted by the case manager and providers",
      schedule: { kind: "report-card-periods" },
      reportDates: reports,
      format: "Written report sent with the report card",
    },
    services: input.services.map((s) => ({
      id: s.id,
      kind: s.kind,
      area: s.area,
      startDate: planStart,
      frequency: { times: s.timesPerWeek, per: "week" },
      minutesPerSession: s.minutes,
      delivery: s.delivery,
      location: s.kind === "special-education" ? "Learning center" : "Therapy room",
      providerRole: s.kind === "special-education" ? "Special education teacher" : "Related service provider",
      goalIds: input.goals.map((g) => g.id),
    })),
    placement: {
      settingCode: input.lre,
      percentInGeneralEducation: input.lre === "RC80" ? 85 : input.lre === "RC79TO40" ? 60 : 30,
      nonParticipationExplanation: `${first} leaves general education for specialized instruction and services.`,
      school: school.name,
      isSchoolOfResidence: true,
    },
    accommodations: input.accommodations.map((a) => ({ ...a, needIds: input.goals.length ? ["need-1"] : [] })),
    assessments: [
      {
        id: "asm-1",
        name: "State assessment in English language arts",
        scope: "state",
        participation: "regular-with-accommodations",
        accommodationIds: input.accommodations.filter((a) => a.category === "testing").map((a) => a.id),
      },
    ],
    specialFactors: {
      behavior: { considered: true, applies: false },
      limitedEnglishProficiency: { considered: true, applies: false },
      braille: { considered: true, applies: false },
      communication: { considered: true, applies: false },
      assistiveTechnology: { considered: true, applies: false },
    },
    extendedSchoolYear: { decision: "not-required", rationale: "No significant regression over breaks." },
    transition:
      age >= 16
        ? {
            postsecondaryGoals: [
              {
                id: "psg-1",
                area: "education-training",
                text: `After high school, ${first} will enroll in a community college program.`,
              },
              { id: "psg-2", area: "employment", text: `After high school, ${first} will work part time.` },
            ],
            transitionServices: [
              {
                id: "ts-1",
                area: "instruction",
                description: "College-preparation course",
                providedBy: "School",
                postsecondaryGoalIds: ["psg-1"],
              },
            ],
            courseOfStudy: "Diploma track",
            studentInvited: true,
          }
        : null,
    amendment: input.amendment
      ? {
          madeAtMeeting: false,
          parentWrittenAgreementDate: meetingDate,
          description: "Added minutes of service.",
          teamInformedOn: meetingDate,
        }
      : null,
    attendees: [
      {
        id: "att-1",
        name: input.guardianName,
        role: "parent",
        title: "Parent",
        attendance: sealed ? "attended" : "invited",
      },
      {
        id: "att-2",
        name: "General education teacher",
        role: "regular-education-teacher",
        attendance: sealed ? "attended" : "invited",
      },
      {
        id: "att-3",
        name: "Case manager",
        role: "special-education-teacher",
        attendance: sealed ? "attended" : "invited",
      },
      {
        id: "att-4",
        name: "Assistant principal",
        role: "agency-representative",
        attendance: sealed ? "attended" : "invited",
      },
    ],
    signatures: sealed
      ? [
          {
            attendeeId: "att-1",
            method: "typed",
            typedName: input.guardianName,
            signedAt: `${meetingDate}T16:00:00Z`,
            meaning: "agreement",
          },
        ]
      : [],
    consent: sealed ? { choice: "consent", date: meetingDate, givenBy: "att-1" } : { choice: null },
    safeguardsNotice: { givenOn: meetingDate, method: "in-person", language: "English" },
  };
}

export function section504Content(
  input: ContentInput & { impairment: (typeof IMPAIRMENT_BANK)[number] },
): Record<string, unknown> {
  const { student, school, planStart, meetingDate, sealed } = input;
  return {
    type: "section-504",
    schemaVersion: 1,
    student: {
      studentId: student.id,
      firstName: student.firstName,
      lastName: student.lastName,
      dateOfBirth: student.dateOfBirth,
      grade: student.grade,
      school: school.name,
    },
    meeting: { date: meetingDate, type: "annual", notes: "Reviewed the plan with the family." },
    dates: { planStart, reviewDate: isoAddDays(planStart, 364), nextReevaluation: isoAddDays(planStart, 1000) },
    impairments: [
      {
        id: "imp-1",
        name: input.impairment.name,
        mitigatingMeasures: [],
        limitations: [
          { id: "lim-1", majorLifeActivity: input.impairment.activity, description: input.impairment.limitation },
        ],
      },
    ],
    evaluationSources: [
      { id: "src-1", kind: "parent-input", description: "Parent interview" },
      { id: "src-2", kind: "teacher-report", description: "Teacher observations" },
    ],
    accommodations: input.accommodations.map((a) => ({ ...a, limitationIds: ["lim-1"] })),
    aidsAndServices: [],
    placement: "General education classes",
    attendees: [
      { id: "att-1", name: input.guardianName, role: "parent", attendance: sealed ? "attended" : "invited" },
      {
        id: "att-2",
        name: "Section 504 coordinator",
        role: "other",
        title: "504 coordinator",
        attendance: sealed ? "attended" : "invited",
      },
    ],
    signatures: sealed
      ? [{ attendeeId: "att-1", method: "typed", typedName: input.guardianName, signedAt: `${meetingDate}T16:00:00Z` }]
      : [],
    safeguardsNotice: { givenOn: meetingDate, method: "in-person" },
  };
}
