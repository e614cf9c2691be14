/**
 * Small fictional plans for tests, demos and documentation. No real person is described.
 */
import { type IepDocument, ZIepDocument } from "./iep-document.ts";
import { type Section504Document, ZSection504Document } from "./section-504-document.ts";

/** A complete fictional IEP for a 16-year-old (transition plan included). */
export function sampleIep(): IepDocument {
  return ZIepDocument.parse({
    type: "iep",
    student: {
      studentId: "stu-demo-1",
      localId: "100234",
      firstName: "Rowan",
      lastName: "Example",
      dateOfBirth: "2010-03-14",
      grade: "10",
      school: "Lantern Demo High School",
      district: "Lantern Demo Unified",
      primaryLanguage: "English",
      englishLearner: false,
      guardians: [{ name: "Sam Example", relationship: "Parent", language: "English" }],
    },
    primaryDisability: "specific-learning-disability",
    meeting: {
      date: "2026-10-14",
      type: "annual",
      location: "Room 12",
      parentParticipation: "in-person",
      notes: "The team reviewed progress on last year's goals.",
      notice: {
        sentOn: "2026-09-30",
        purpose: "Annual IEP review and transition planning",
        date: "2026-10-14",
        time: "15:30",
        location: "Room 12",
        attendees: ["Parent", "General education teacher", "Special education teacher", "District representative"],
        informsRightToBringOthers: true,
        transitionIsPurpose: true,
        studentWillBeInvited: true,
      },
    },
    dates: {
      planStart: "2026-10-15",
      planEnd: "2027-10-14",
      nextAnnualReview: "2027-10-14",
      lastEvaluation: "2025-02-01",
      nextReevaluation: "2028-02-01",
    },
    presentLevels: {
      academic: "Reads grade-level text at 92 words correct per minute.",
      functional: "Organizes materials with a checklist.",
      impactOnGeneralCurriculum: "Slow decoding limits access to grade-level reading in content classes.",
      strengths: ["Strong oral vocabulary", "Persistent"],
      needs: [
        { id: "need-1", area: "Reading fluency", description: "Decoding multisyllabic words" },
        { id: "need-2", area: "Written expression", description: "Organizing multi-paragraph essays" },
      ],
    },
    goals: [
      {
        id: "goal-1",
        area: "Reading fluency",
        domain: "academic",
        statement: "By October 2027, Rowan will read a grade-level passage at 130 words correct per minute.",
        baseline: { value: 92, description: "92 wcpm", measuredOn: "2026-09-20" },
        target: { value: 130, description: "130 wcpm" },
        unit: "words correct per minute",
        direction: "increase",
        criterion: "in 3 of 4 consecutive probes",
        measurementMethod: "Curriculum-based measurement probes",
        byDate: "2027-10-14",
        needIds: ["need-1"],
      },
      {
        id: "goal-2",
        area: "Written expression",
        domain: "academic",
        statement: "By October 2027, Rowan will write a five-paragraph essay scoring 3 of 4 on the district rubric.",
        baseline: { value: 1, description: "Rubric score 1" },
        target: { value: 3, description: "Rubric score 3" },
        unit: "rubric points",
        criterion: "on 2 of 3 essays",
        measurementMethod: "District writing rubric",
        byDate: "2027-10-14",
        needIds: ["need-2"],
      },
    ],
    progressReporting: {
      howMeasured: "Probes and rubric scores charted by the case manager",
      schedule: { kind: "report-card-periods" },
      reportDates: ["2026-12-18", "2027-03-19", "2027-06-11"],
      format: "Written report sent with the report card",
    },
    services: [
      {
        id: "svc-1",
        kind: "special-education",
        area: "specialized-academic-instruction",
        startDate: "2026-10-15",
        frequency: { times: 4, per: "week" },
        minutesPerSession: 45,
        delivery: "group",
        location: "Learning center",
        providerRole: "Special education teacher",
        goalIds: ["goal-1", "goal-2"],
      },
      {
        id: "svc-2",
        kind: "related-service",
        area: "speech-language-pathology",
        startDate: "2026-10-15",
        frequency: { times: 2, per: "week" },
        minutesPerSession: 30,
        location: "Speech room",
        providerRole: "Speech-language pathologist",
        goalIds: ["goal-2"],
      },
    ],
    programModifications: [
      {
        id: "mod-1",
        kind: "support-for-staff",
        description: "Training on the reading program",
        providedBy: "District reading specialist",
        when: "Once in the fall",
      },
    ],
    placement: {
      settingCode: "RC80",
      percentInGeneralEducation: 85,
      nonParticipationExplanation: "Rowan leaves general education for specialized instruction in the learning center.",
      school: "Lantern Demo High School",
      isSchoolOfResidence: true,
    },
    accommodations: [
      {
        id: "acc-1",
        category: "testing",
        text: "Extended time (1.5×) on tests",
        providedBy: "All teachers",
        when: "Tests and quizzes",
        needIds: ["need-1"],
      },
      {
        id: "acc-2",
        category: "instructional",
        text: "Audio versions of texts",
        providedBy: "General education teachers",
        when: "Reading assignments",
        needIds: ["need-1"],
      },
    ],
    assessments: [
      {
        id: "asm-1",
        name: "State assessment in English language arts",
        scope: "state",
        participation: "regular-with-accommodations",
        accommodationIds: ["acc-1"],
      },
    ],
    specialFactors: {
      behavior: { considered: true, applies: false },
      limitedEnglishProficiency: { considered: true, applies: false },
      braille: { considered: true, applies: false },
      communication: { considered: true, applies: false },
      assistiveTechnology: { considered: true, applies: true, notes: "Text-to-speech software" },
    },
    extendedSchoolYear: { decision: "not-required", rationale: "No significant regression over breaks." },
    transition: {
      postsecondaryGoals: [
        {
          id: "psg-1",
          area: "education-training",
          text: "After high school, Rowan will enroll in a community college program.",
        },
        { id: "psg-2", area: "employment", text: "After high school, Rowan will work part time in retail." },
      ],
      transitionServices: [
        {
          id: "ts-1",
          area: "instruction",
          description: "College-preparation reading course",
          providedBy: "School",
          postsecondaryGoalIds: ["psg-1"],
        },
      ],
      courseOfStudy: "College-preparatory diploma track",
      assessments: [{ name: "Career interest inventory", date: "2026-09-15", summary: "Interest in business" }],
      studentInvited: true,
    },
    transferOfRights: null,
    attendees: [
      { id: "att-1", name: "Sam Example", role: "parent", title: "Parent", attendance: "attended" },
      { id: "att-2", name: "Rowan Example", role: "student", attendance: "attended" },
      {
        id: "att-3",
        name: "Avery Teacher",
        role: "regular-education-teacher",
        title: "English teacher",
        attendance: "attended",
      },
      {
        id: "att-4",
        name: "Jordan Case",
        role: "special-education-teacher",
        title: "Case manager",
        attendance: "attended",
      },
      {
        id: "att-5",
        name: "Morgan Lead",
        role: "agency-representative",
        title: "Assistant principal",
        attendance: "attended",
      },
      {
        id: "att-6",
        name: "Riley Psych",
        role: "evaluation-interpreter",
        title: "School psychologist",
        attendance: "excused",
        excusal: {
          areaModifiedOrDiscussed: false,
          parentWrittenAgreementDate: "2026-10-10",
          agencyAgreementDate: "2026-10-10",
        },
      },
    ],
    signatures: [],
    consent: { choice: null },
    priorWrittenNotice: {
      date: "2026-10-14",
      action: "propose",
      actionDescription: "The school proposes the annual IEP.",
      reasons: "Rowan continues to need specialized reading and writing instruction.",
      basis: ["Curriculum-based measurement probes, September 2026", "Triennial evaluation, February 2025"],
      safeguardsStatement: "You have rights under the procedural safeguards; ask the school office for a free copy.",
      sourcesOfHelp: ["Family Empowerment Center, 555-0100"],
      optionsConsidered: [
        { option: "General education only", whyRejected: "Rowan would not make progress on fluency." },
      ],
      otherFactors: "Parent input was considered.",
      language: "English",
    },
    safeguardsNotice: { givenOn: "2026-10-14", method: "in-person", language: "English" },
  });
}

/** A complete fictional Section 504 plan. */
export function sample504(): Section504Document {
  return ZSection504Document.parse({
    type: "section-504",
    student: {
      studentId: "stu-demo-2",
      firstName: "Kai",
      lastName: "Sample",
      dateOfBirth: "2013-06-02",
      grade: "7",
      school: "Lantern Demo Middle School",
    },
    meeting: { date: "2026-09-10", type: "annual", notes: "Reviewed the health plan with the nurse." },
    dates: { planStart: "2026-09-11", reviewDate: "2027-09-10" },
    impairments: [
      {
        id: "imp-1",
        name: "Type 1 diabetes",
        mitigatingMeasures: ["insulin pump"],
        limitations: [
          {
            id: "lim-1",
            majorLifeActivity: "major-bodily-function:endocrine",
            description: "Blood sugar must be monitored and managed during the day.",
          },
          { id: "lim-2", majorLifeActivity: "concentrating", description: "Low blood sugar affects concentration." },
        ],
      },
    ],
    evaluationSources: [
      {
        id: "src-1",
        kind: "medical-information",
        description: "Diabetes management plan from the clinic",
        date: "2026-08-20",
      },
      { id: "src-2", kind: "parent-input", description: "Parent interview" },
    ],
    accommodations: [
      {
        id: "acc-1",
        category: "health",
        text: "Check blood sugar in any setting",
        providedBy: "Student, with the school nurse",
        when: "Whenever needed",
        limitationIds: ["lim-1"],
      },
      {
        id: "acc-2",
        category: "testing",
        text: "Stop-the-clock breaks during tests for blood-sugar checks",
        providedBy: "Teachers",
        when: "Tests",
        limitationIds: ["lim-2"],
      },
    ],
    aidsAndServices: [
      {
        id: "aid-1",
        kind: "related-service",
        description: "Nurse support with insulin dosing",
        providedBy: "School nurse",
        frequency: "Before lunch daily",
        location: "Health office",
        limitationIds: ["lim-1"],
      },
    ],
    placement: "General education classes",
    attendees: [
      { id: "att-1", name: "Lee Sample", role: "parent", attendance: "attended" },
      { id: "att-2", name: "Pat Coordinator", role: "other", title: "504 coordinator", attendance: "attended" },
    ],
    signatures: [{ attendeeId: "att-1", method: "typed", typedName: "Lee Sample", signedAt: "2026-09-10T16:00:00Z" }],
    safeguardsNotice: { givenOn: "2026-09-10", method: "in-person" },
  });
}
