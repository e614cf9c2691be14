import { describe, expect, it } from "vitest";
import { defaultSchoolCalendar } from "../calendar/school-calendar.ts";
import { type IepDocument, ZIepDocument } from "../plans/iep-document.ts";
import { type Section504Document, ZSection504Document } from "../plans/section-504-document.ts";
import { type CheckContext, checkPlan, describePlanCheckForGuardian, ZPlanCheck } from "./check-plan.ts";
import { FINDING_CODES, FINDING_RULES, type FindingCode } from "./findings.ts";

const calendar = defaultSchoolCalendar();
const TODAY = "2026-12-01";
const ctx = (extra: Partial<CheckContext> = {}): CheckContext => ({ today: TODAY, calendar, ...extra });

const signature = (attendeeId: string, typedName: string) => ({
  attendeeId,
  method: "typed" as const,
  typedName,
  signedAt: "2026-10-20T16:00:00Z",
});

/** A fictional, complete annual IEP with no findings on 1 December 2026. */
function completeIep(): IepDocument {
  return ZIepDocument.parse({
    type: "iep",
    student: {
      firstName: "Robin",
      lastName: "Example",
      dateOfBirth: "2012-03-15",
      grade: "8",
      school: "Example Middle School",
    },
    primaryDisability: "specific-learning-disability",
    meeting: {
      date: "2026-10-20",
      type: "annual",
      parentParticipation: "in-person",
      notice: {
        sentOn: "2026-10-06",
        purpose: "Annual IEP review",
        date: "2026-10-20",
        time: "15:30",
        location: "Room 12",
        attendees: ["Parent", "General education teacher", "Special education teacher", "District representative"],
        informsRightToBringOthers: true,
        timeAgreedWithParent: true,
      },
    },
    dates: {
      planStart: "2026-10-21",
      planEnd: "2027-10-19",
      nextAnnualReview: "2027-10-20",
      lastEvaluation: "2025-01-15",
      nextReevaluation: "2028-01-15",
    },
    presentLevels: {
      academic: "Reads 42 words correct per minute on grade-level passages.",
      functional: "Follows classroom routines independently.",
      impactOnGeneralCurriculum: "Slow decoding limits access to grade-level texts in all subjects.",
      strengths: ["Strong listening comprehension"],
      needs: [{ id: "need-1", area: "Reading fluency", description: "Decoding multisyllabic words" }],
    },
    goals: [
      {
        id: "goal-1",
        area: "Reading fluency",
        statement: "By October 2027, Robin will read 90 words correct per minute.",
        baseline: { value: 42, description: "42 wcpm", measuredOn: "2026-10-01" },
        target: { value: 90, description: "90 wcpm" },
        unit: "words correct per minute",
        criterion: "in 3 of 4 consecutive probes",
        measurementMethod: "Curriculum-based measurement probes",
        byDate: "2027-10-19",
        needIds: ["need-1"],
      },
    ],
    progressReporting: {
      howMeasured: "Biweekly fluency probes",
      schedule: { kind: "every", times: 1, per: "quarter" },
      format: "Written report",
    },
    services: [
      {
        id: "svc-1",
        kind: "special-education",
        area: "specialized-academic-instruction",
        description: "Reading intervention",
        startDate: "2026-10-21",
        frequency: { times: 4, per: "week" },
        minutesPerSession: 30,
        location: "Resource room",
        providerRole: "Special education teacher",
        goalIds: ["goal-1"],
        needIds: ["need-1"],
      },
    ],
    placement: {
      settingCode: "RC80",
      percentInGeneralEducation: 85,
      nonParticipationExplanation: "Two hours a week of reading intervention in the resource room.",
    },
    accommodations: [
      {
        id: "acc-1",
        category: "testing",
        text: "1.5 times the standard time on tests and quizzes",
        providedBy: "General and special education teachers",
        when: "On tests and quizzes longer than 15 minutes",
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
      assistiveTechnology: { considered: true, applies: false },
    },
    extendedSchoolYear: { decision: "not-required", rationale: "No regression expected." },
    attendees: [
      { id: "att-parent", name: "Sam Example", role: "parent", attendance: "attended" },
      { id: "att-gen", name: "Alex Teacher", role: "regular-education-teacher", attendance: "attended" },
      {
        id: "att-sped",
        name: "Jo Specialist",
        role: "special-education-teacher",
        attendance: "attended",
        interpretsEvaluationResults: true,
      },
      { id: "att-rep", name: "Lee Principal", role: "agency-representative", attendance: "attended" },
    ],
    signatures: [
      signature("att-parent", "Sam Example"),
      signature("att-gen", "Alex Teacher"),
      signature("att-sped", "Jo Specialist"),
      signature("att-rep", "Lee Principal"),
    ],
    consent: { choice: "consent", date: "2026-10-20", givenBy: "att-parent" },
    priorWrittenNotice: {
      date: "2026-10-20",
      action: "propose",
      actionDescription: "Continue specialized reading instruction.",
      reasons: "Progress data show continued need.",
      basis: ["Fluency probes September 2026"],
      safeguardsStatement: "You have protection under the procedural safeguards; ask the office for a copy.",
      sourcesOfHelp: ["Parent training and information center"],
      optionsConsidered: [{ option: "General education only", whyRejected: "Insufficient progress without support" }],
      otherFactors: "None.",
    },
    safeguardsNotice: { givenOn: "2026-10-20", method: "in-person" },
  });
}

function complete504(): Section504Document {
  return ZSection504Document.parse({
    type: "section-504",
    student: { firstName: "Kim", lastName: "Example", dateOfBirth: "2013-05-02" },
    meeting: { date: "2026-09-15", type: "annual" },
    dates: { eligibilityDetermination: "2025-09-15", planStart: "2026-09-16", reviewDate: "2027-09-15" },
    evaluationSources: [
      { id: "src-1", kind: "medical-information", description: "Diabetes management plan from the clinic" },
      { id: "src-2", kind: "parent-input", description: "Parent interview" },
    ],
    impairments: [
      {
        id: "imp-1",
        name: "Type 1 diabetes",
        limitations: [{ id: "lim-1", majorLifeActivity: "major-bodily-function:endocrine" }],
      },
    ],
    accommodations: [
      {
        id: "acc-1",
        category: "health",
        text: "Blood glucose checks before lunch and PE, 5 minutes each",
        providedBy: "School nurse",
        when: "Daily before lunch and before PE",
        limitationIds: ["lim-1"],
      },
    ],
    attendees: [{ id: "att-parent", name: "Pat Example", role: "parent", attendance: "attended" }],
    signatures: [signature("att-parent", "Pat Example")],
  });
}

const codesOf = (doc: IepDocument | Section504Document, c: CheckContext = ctx()) =>
  checkPlan(doc, c).findings.map((f) => f.code);

function mutated<T>(doc: T, change: (d: T) => void): T {
  const copy = JSON.parse(JSON.stringify(doc)) as T;
  change(copy);
  return copy;
}

describe("complete plans", () => {
  it("a complete IEP has no findings, and its result matches the schema", () => {
    const result = checkPlan(completeIep(), ctx());
    expect(result.findings).toEqual([]);
    expect(ZPlanCheck.parse(result)).toEqual(result);
    expect(result.deadlines.map((d) => d.kind)).toEqual([
      "progress-report",
      "safeguards-notice",
      "transition-plan",
      "annual-review",
      "reevaluation",
    ]);
  });

  it("a complete 504 plan has no findings", () => {
    const result = checkPlan(complete504(), ctx());
    expect(result.findings).toEqual([]);
    expect(result.deadlines.map((d) => [d.kind, d.dueDate])).toEqual([["section504-reevaluation", "2028-09-15"]]);
  });
});

type Case = {
  code: FindingCode;
  iep?: (d: IepDocument) => void;
  s504?: (d: Section504Document) => void;
  context?: Partial<CheckContext>;
  place?: string;
};

const CASES: Case[] = [
  {
    code: "iep.present-levels.missing",
    iep: (d) => {
      d.presentLevels.academic = "";
      d.presentLevels.functional = "";
    },
    place: "/presentLevels",
  },
  {
    code: "iep.present-levels.no-impact",
    iep: (d) => {
      d.presentLevels.impactOnGeneralCurriculum = " ";
    },
  },
  {
    code: "iep.strengths.missing",
    iep: (d) => {
      d.presentLevels.strengths = [];
    },
  },
  {
    code: "iep.needs.missing",
    iep: (d) => {
      d.presentLevels.needs = [];
    },
  },
  {
    code: "iep.goals.missing",
    iep: (d) => {
      d.goals = [];
    },
    place: "/goals",
  },
  {
    code: "iep.goal.not-measurable",
    iep: (d) => {
      const g = d.goals[0];
      if (g) g.criterion = "";
    },
    place: "/goals/0",
  },
  {
    code: "iep.goal.objectives-missing",
    iep: (d) => {
      const a = d.assessments[0];
      if (a) {
        a.participation = "alternate";
        a.whyRegularNotAppropriate = "Significant cognitive disability";
        a.whyAlternateAppropriate = "Aligned with alternate achievement standards";
      }
    },
    place: "/goals/0/shortTermObjectives",
  },
  {
    code: "iep.progress-reporting.missing",
    iep: (d) => {
      d.progressReporting.schedule = null;
    },
  },
  {
    code: "iep.services.missing",
    iep: (d) => {
      const s = d.services[0];
      if (s) s.kind = "related-service";
    },
  },
  {
    code: "iep.service.incomplete",
    iep: (d) => {
      const s = d.services[0];
      if (s) delete s.frequency;
    },
    place: "/services/0",
  },
  {
    code: "iep.lre.explanation-missing",
    iep: (d) => {
      d.placement.nonParticipationExplanation = "";
    },
  },
  {
    code: "iep.assessment.missing",
    iep: (d) => {
      d.assessments = [];
    },
  },
  {
    code: "iep.assessment.alternate-unjustified",
    iep: (d) => {
      const a = d.assessments[0];
      if (a) a.participation = "alternate";
    },
    place: "/assessments/0/whyRegularNotAppropriate",
  },
  {
    code: "iep.special-factors.not-considered",
    iep: (d) => {
      d.specialFactors.braille.considered = false;
    },
    place: "/specialFactors/braille",
  },
  {
    code: "iep.esy.not-addressed",
    iep: (d) => {
      d.extendedSchoolYear.decision = null;
    },
  },
  {
    code: "iep.transition.missing",
    iep: (d) => {
      d.student.dateOfBirth = "2011-01-15";
    },
    place: "/transition",
  },
  {
    code: "iep.transfer-of-rights.missing",
    iep: (d) => {
      d.student.dateOfBirth = "2010-05-01";
    },
  },
  {
    code: "team.role-missing",
    iep: (d) => {
      d.attendees = d.attendees.filter((a) => a.role !== "agency-representative");
      d.signatures = d.signatures.filter((s) => s.attendeeId !== "att-rep");
    },
  },
  {
    code: "team.excusal-invalid",
    iep: (d) => {
      const rep = d.attendees.find((a) => a.role === "agency-representative");
      if (rep) {
        rep.attendance = "excused";
        rep.excusal = {
          areaModifiedOrDiscussed: true,
          parentWrittenAgreementDate: null,
          parentWrittenConsentDate: "2026-10-10",
          agencyAgreementDate: "2026-10-10",
          writtenInputDate: null,
          notes: "",
        };
      }
    },
    place: "/attendees/3/excusal",
  },
  {
    code: "team.interpreter-missing",
    iep: (d) => {
      d.student.guardians = [
        {
          name: "Sam Example",
          relationship: "Parent",
          language: "Spanish",
          phone: "",
          email: "",
          interpreterNeeded: true,
        },
      ];
      if (d.priorWrittenNotice) d.priorWrittenNotice.language = "Spanish";
      if (d.meeting.notice) d.meeting.notice.language = "Spanish";
    },
    place: "/attendees",
  },
  {
    code: "notice.language",
    iep: (d) => {
      d.student.guardians = [
        { name: "Sam Example", relationship: "Parent", language: "Vietnamese", phone: "", email: "" },
      ];
      if (d.priorWrittenNotice) d.priorWrittenNotice.language = "English";
    },
    place: "/priorWrittenNotice/language",
  },
  {
    code: "meeting.notice-incomplete",
    iep: (d) => {
      if (d.meeting.notice) d.meeting.notice.sentOn = "2026-10-20";
    },
    place: "/meeting/notice/sentOn",
  },
  {
    code: "meeting.parent-participation",
    iep: (d) => {
      d.meeting.parentParticipation = "did-not-participate";
      const parent = d.attendees.find((a) => a.role === "parent");
      if (parent) parent.attendance = "absent";
      d.signatures = d.signatures.filter((x) => x.attendeeId !== "att-parent");
      d.meeting.parentContactAttempts = [{ date: "2026-10-01", method: "phone", result: "No answer" }];
    },
    place: "/meeting/parentContactAttempts",
  },
  {
    code: "iep.transition.incomplete",
    iep: (d) => {
      d.student.dateOfBirth = "2010-09-01";
      d.transferOfRights = { ageOfMajority: 18, studentInformedOn: "2026-10-20", statement: "Told." };
      d.transition = {
        postsecondaryGoals: [
          { id: "pg-1", area: "education-training", text: "Attend community college." },
          { id: "pg-2", area: "employment", text: "Work in retail." },
        ],
        transitionServices: [
          {
            id: "ts-1",
            area: "instruction",
            description: "Study skills",
            providedBy: "Teacher",
            postsecondaryGoalIds: [],
          },
        ],
        courseOfStudy: "",
        assessments: [],
        studentInvited: true,
        studentPreferences: "",
        agenciesInvited: [],
        outsideAgenciesLikelyResponsible: true,
      };
    },
    place: "/transition",
  },
  {
    code: "iep.amendment.team-not-informed",
    iep: (d) => {
      d.amendment = {
        madeAtMeeting: false,
        parentWrittenAgreementDate: "2026-11-01",
        description: "More minutes",
        teamInformedOn: null,
      };
    },
    place: "/amendment/teamInformedOn",
  },
  {
    code: "consent.refused-part-needed",
    iep: (d) => {
      d.consent.choice = "consent-except";
      d.consent.exclusions = [
        { section: "placement", itemId: null, description: "Special day class", neededForFape: true },
      ];
    },
    context: { state: "CA" },
    place: "/consent/exclusions/0",
  },
  {
    code: "consent.revocation-notice-missing",
    iep: (d) => {
      d.consent.revocation = { receivedOn: "2026-11-10", priorWrittenNoticeOn: null, servicesEndOn: "2026-11-20" };
    },
    place: "/consent/revocation",
  },
  {
    code: "exit.requirements-missing",
    iep: (d) => {
      d.exit = {
        date: "2026-11-15",
        reason: "no-longer-eligible",
        reevaluationOn: null,
        summaryOfPerformanceOn: null,
        priorWrittenNoticeOn: "2026-11-01",
      };
    },
    place: "/exit",
  },
  {
    code: "deadline.assessment-plan",
    iep: (d) => {
      d.meeting.type = "initial";
      d.meeting.date = "2027-01-15";
      d.dates.referral = "2026-10-01";
    },
    context: { state: "CA" },
    place: "/dates/assessmentPlanSentOn",
  },
  {
    code: "section504.evaluation-sources",
    s504: (d) => {
      d.evaluationSources = d.evaluationSources.slice(0, 1);
    },
    place: "/evaluationSources",
  },
  {
    code: "section504.placement-change-unevaluated",
    s504: (d) => {
      d.disciplineRemovals = [
        {
          id: "rem-1",
          startDate: "2026-11-02",
          schoolDays: 12,
          kind: "suspension",
          changeOfPlacement: null,
          decisionOn: "2026-10-30",
          manifestationDeterminationOn: null,
          evaluatedBeforeOn: null,
          notes: "",
        },
      ];
    },
    place: "/disciplineRemovals/0",
  },
  {
    code: "team.student-not-invited",
    iep: (d) => {
      d.meeting.type = "transition";
    },
  },
  {
    code: "consent.initial-services-missing",
    iep: (d) => {
      d.meeting.type = "initial";
      d.consent.choice = null;
      d.consent.date = null;
    },
    place: "/consent",
  },
  { code: "signature.missing", iep: (d) => void d.signatures.pop(), place: "/attendees/3" },
  {
    code: "notice.prior-written-missing",
    iep: (d) => {
      d.priorWrittenNotice = null;
    },
  },
  {
    code: "notice.safeguards-overdue",
    iep: (d) => {
      d.safeguardsNotice.givenOn = "2025-09-01";
    },
  },
  {
    code: "deadline.initial-evaluation",
    iep: (d) => {
      d.meeting.type = "initial";
      d.meeting.date = "2026-12-15";
      d.dates.initialConsentToEvaluate = "2026-09-01";
      d.dates.lastEvaluation = null;
    },
  },
  {
    code: "deadline.iep-after-eligibility",
    iep: (d) => {
      d.meeting.type = "initial";
      d.meeting.date = "2026-12-15";
      d.dates.eligibilityDetermination = "2026-10-01";
    },
  },
  {
    code: "deadline.annual-review",
    iep: (d) => {
      d.meeting.date = "2025-11-15";
    },
    place: "/dates/nextAnnualReview",
  },
  {
    code: "deadline.reevaluation",
    iep: (d) => {
      d.dates.lastEvaluation = "2023-06-01";
    },
  },
  {
    code: "deadline.reevaluation-too-frequent",
    iep: () => {},
    context: { history: { evaluations: [{ date: "2025-01-15" }, { date: "2025-09-01" }] } },
  },
  {
    code: "deadline.progress-report",
    iep: (d) => {
      d.progressReporting.schedule = { kind: "every", times: 1, per: "month" };
    },
  },
  {
    code: "section504.basis-missing",
    s504: (d) => {
      d.impairments = [];
    },
  },
  {
    code: "section504.impairment-without-activity",
    s504: (d) => {
      const imp = d.impairments[0];
      if (imp) imp.limitations = [{ id: "lim-x", majorLifeActivity: "", description: "Tired in class." }];
    },
    place: "/impairments/0/limitations",
  },
  {
    code: "section504.accommodations-missing",
    s504: (d) => {
      d.accommodations = [];
    },
  },
  {
    code: "section504.reevaluation",
    s504: (d) => {
      d.dates.eligibilityDetermination = "2023-09-01";
    },
  },
  {
    code: "quality.accommodation.boilerplate",
    iep: () => {},
    context: { boilerplate: [{ scope: "text", accommodationId: "acc-1", similarStudents: 14 }] },
    place: "/accommodations/0",
  },
  {
    code: "quality.accommodation.vague",
    iep: (d) => {
      const a = d.accommodations[0];
      if (a) {
        a.text = "Extended time as needed";
        a.when = "";
      }
    },
  },
  {
    code: "quality.accommodation.untied",
    iep: (d) => {
      const a = d.accommodations[0];
      if (a) a.needIds = [];
    },
  },
  {
    code: "quality.need.unaddressed",
    iep: (d) => d.presentLevels.needs.push({ id: "need-2", area: "Written expression", description: "" }),
    place: "/presentLevels/needs/1",
  },
  {
    code: "quality.goal.unsupported",
    iep: (d) => {
      const s = d.services[0];
      if (s) s.goalIds = [];
    },
  },
  { code: "plans.both-active", iep: () => {}, context: { otherActivePlans: [{ type: "section-504" }] } },
  {
    code: "translation.notice-missing",
    iep: () => {},
    context: { translations: [], guardianLanguages: [{ language: "es", interpreterNeeded: false }] },
    place: "/meeting/notice/purpose",
  },
  {
    code: "translation.plan-missing",
    iep: () => {},
    context: { translations: [], guardianLanguages: [{ language: "es", interpreterNeeded: false }] },
    place: "/presentLevels/academic",
  },
];

/** The rule each check of the legal review names (the test name carries it, the finding must cite it). */
const CITES: Partial<Record<FindingCode, string>> = {
  "iep.present-levels.no-impact": "300.320(a)(1)(i)",
  "team.role-missing": "300.321(a)",
  "team.excusal-invalid": "300.321(e)",
  "team.interpreter-missing": "300.322(e)",
  "meeting.notice-incomplete": "300.322(a)(1)",
  "meeting.parent-participation": "300.328",
  "notice.language": "300.503(c); 34 CFR 300.322(e)",
  "translation.notice-missing": "300.503(c)",
  "translation.plan-missing": "300.322(e)-(f)",
  "iep.transition.incomplete": "300.320(b); 34 CFR 300.321(b)(3)",
  "iep.amendment.team-not-informed": "300.324(a)(4)(ii)",
  "consent.refused-part-needed": "Cal. Ed. Code 56346(f)",
  "consent.revocation-notice-missing": "300.300(b)(4)",
  "consent.initial-services-missing": "300.300(b)",
  "exit.requirements-missing": "300.305(e); 34 CFR 300.102(a)(3)(iii)",
  "deadline.assessment-plan": "Cal. Ed. Code 56321(a); 56043(a)",
  "deadline.initial-evaluation": "300.301(c)(1)",
  "deadline.iep-after-eligibility": "300.323(c)(1)",
  "deadline.reevaluation": "300.303(b)(2)",
  "deadline.reevaluation-too-frequent": "300.303(b)(1)",
  "deadline.progress-report": "300.320(a)(3)(ii)",
  "notice.safeguards-overdue": "300.504(a)",
  "section504.evaluation-sources": "104.35(c)(1)",
  "section504.placement-change-unevaluated": "104.35(a)",
};

describe("every finding code has a failing and a passing example", () => {
  it("the cases cover every code in the contract", () => {
    expect(new Set(CASES.map((c) => c.code))).toEqual(new Set(FINDING_CODES));
  });

  for (const c of CASES) {
    it(CITES[c.code] ? `${c.code} (${CITES[c.code]})` : c.code, () => {
      const base = c.s504 ? complete504() : completeIep();
      const context = ctx(c.context ?? {});
      // Passing: the complete plan, on the same day without the extra context, has no such finding.
      expect(codesOf(base, ctx({ today: context.today }))).not.toContain(c.code);
      // Failing: the changed plan (or context) has it.
      const doc = c.s504
        ? mutated(base as Section504Document, c.s504)
        : mutated(base as IepDocument, c.iep ?? (() => {}));
      const result = checkPlan(doc, context);
      const hit = result.findings.find((f) => f.code === c.code);
      expect(hit, `${c.code} should fire`).toBeDefined();
      expect(hit?.citation).toBeTruthy();
      if (CITES[c.code]) expect(hit?.citation).toContain(CITES[c.code]);
      expect(hit?.message).toBeTruthy();
      expect(hit?.fix).toBeTruthy();
      expect(hit?.place.startsWith("/")).toBe(true);
      if (c.place) expect(hit?.place).toBe(c.place);
      expect(ZPlanCheck.parse(result)).toEqual(result);
    });
  }
});

describe("details", () => {
  it("deadline findings are errors when overdue and warnings when due soon", () => {
    const overdue = checkPlan(completeIep(), ctx({ today: "2027-10-21" })).findings.find(
      (f) => f.code === "deadline.annual-review",
    );
    expect(overdue?.severity).toBe("error");
    expect(overdue?.dueDate).toBe("2027-10-20");
    expect(overdue?.citation).toBe("34 CFR 300.324(b)(1)(i)");
    const soon = checkPlan(completeIep(), ctx({ today: "2027-10-01" })).findings.find(
      (f) => f.code === "deadline.annual-review",
    );
    expect(soon?.severity).toBe("warning");
  });

  it("a valid (e)(2) excusal satisfies the role", () => {
    const doc = mutated(completeIep(), (d) => {
      const rep = d.attendees.find((a) => a.role === "agency-representative");
      if (rep) {
        rep.attendance = "excused";
        rep.excusal = {
          areaModifiedOrDiscussed: true,
          parentWrittenAgreementDate: null,
          parentWrittenConsentDate: "2026-10-10",
          agencyAgreementDate: "2026-10-10",
          writtenInputDate: "2026-10-15",
          inputSentToParentOn: "2026-10-16",
          notes: "",
        };
      }
      d.signatures = d.signatures.filter((s) => s.attendeeId !== "att-rep");
    });
    expect(codesOf(doc)).toEqual([]);
  });

  it("a certificate of completion or a GED is not a regular diploma: leaving with one needs the reevaluation and prior written notice (34 CFR 300.102(a)(3)(ii), 300.305(e)(1), 300.503)", () => {
    const exit = (reason: "graduated-certificate" | "graduated-regular-diploma") =>
      mutated(completeIep(), (d) => {
        d.exit = {
          date: "2026-11-15",
          reason,
          reevaluationOn: null,
          summaryOfPerformanceOn: "2026-11-01",
          priorWrittenNoticeOn: null,
        };
      });
    const certificate = checkPlan(exit("graduated-certificate"), ctx()).findings.find(
      (f) => f.code === "exit.requirements-missing",
    );
    expect(certificate?.citation).toContain("300.102(a)(3)(ii)");
    expect(certificate?.message).toMatch(/reevaluation/);
    expect(certificate?.message).toMatch(/prior written notice/);
    expect(certificate?.message).toMatch(/not a regular diploma/);
    // A regular diploma needs no reevaluation (300.305(e)(2)), only the notice.
    const diploma = checkPlan(exit("graduated-regular-diploma"), ctx()).findings.find(
      (f) => f.code === "exit.requirements-missing",
    );
    expect(diploma?.message).not.toMatch(/reevaluation/);
    expect(diploma?.message).toMatch(/prior written notice/);
  });

  it("requires consent for initial services only: an annual IEP without a new consent choice is not flagged (34 CFR 300.300(b))", () => {
    const annual = mutated(completeIep(), (d) => {
      d.consent.choice = null;
      d.consent.date = null;
    });
    expect(codesOf(annual)).not.toContain("consent.initial-services-missing");
    const initial = mutated(annual, (d) => {
      d.meeting.type = "initial";
    });
    expect(codesOf(initial)).toContain("consent.initial-services-missing");
  });

  it("requires the excused member's written input to reach the parent before the meeting (34 CFR 300.321(e)(2)(ii))", () => {
    const excuse = (inputSentToParentOn: string | null) =>
      mutated(completeIep(), (d) => {
        const rep = d.attendees.find((a) => a.role === "agency-representative");
        if (rep) {
          rep.attendance = "excused";
          rep.excusal = {
            areaModifiedOrDiscussed: true,
            parentWrittenAgreementDate: null,
            parentWrittenConsentDate: "2026-10-10",
            agencyAgreementDate: "2026-10-10",
            writtenInputDate: "2026-10-15",
            inputSentToParentOn,
            notes: "",
          };
        }
        d.signatures = d.signatures.filter((s) => s.attendeeId !== "att-rep");
      });
    const missing = checkPlan(excuse(null), ctx()).findings.find((f) => f.code === "team.excusal-invalid");
    expect(missing?.message).toContain("went to the parent before the meeting");
    const late = checkPlan(excuse("2026-10-21"), ctx()).findings.find((f) => f.code === "team.excusal-invalid");
    expect(late?.message).toContain("reached the parent after the meeting");
  });

  it("does not let a related-service provider stand in for the special education teacher (34 CFR 300.321(a)(3))", () => {
    const doc = mutated(completeIep(), (d) => {
      const sped = d.attendees.find((a) => a.role === "special-education-teacher");
      if (sped) sped.role = "related-service-provider";
    });
    const hit = checkPlan(doc, ctx()).findings.find((f) => f.code === "team.role-missing");
    expect(hit?.citation).toBe("34 CFR 300.321(a)(3)");
    expect(hit?.message).toContain("not the special education teacher or provider");
  });

  it("counts the speech-language pathologist as the special education provider of a California speech-only IEP (Cal. Ed. Code 56333; 5 CCR 3051.1)", () => {
    const speechOnly = mutated(completeIep(), (d) => {
      const svc = d.services[0];
      if (svc) {
        svc.kind = "related-service";
        svc.area = "speech-language-pathology";
      }
      const sped = d.attendees.find((a) => a.role === "special-education-teacher");
      if (sped) sped.role = "related-service-provider";
    });
    expect(codesOf(speechOnly, ctx({ state: "CA" }))).not.toContain("iep.services.missing");
    expect(codesOf(speechOnly, ctx({ state: "CA" }))).not.toContain("team.role-missing");
    expect(codesOf(speechOnly, ctx({ state: "TX" }))).toContain("iep.services.missing");
    expect(codesOf(speechOnly, ctx({ state: "TX" }))).toContain("team.role-missing");
  });

  it("counts travel training and vocational education as special education in every state (34 CFR 300.39(a)(2)(ii)-(iii))", () => {
    const doc = mutated(completeIep(), (d) => {
      const svc = d.services[0];
      if (svc) {
        svc.kind = "related-service";
        svc.area = "travel-training";
      }
    });
    expect(codesOf(doc)).not.toContain("iep.services.missing");
  });

  it("requires someone who can interpret evaluation results at every meeting, who may be another member (34 CFR 300.321(a)(5))", () => {
    const doc = mutated(completeIep(), (d) => {
      for (const a of d.attendees) a.interpretsEvaluationResults = false;
    });
    const hit = checkPlan(doc, ctx()).findings.find((f) => f.code === "team.role-missing");
    expect(hit?.citation).toBe("34 CFR 300.321(a)(5)");
    expect(codesOf(completeIep())).not.toContain("team.role-missing");
  });

  it("needs more than one documented attempt and other ways to take part before meeting without the parent (34 CFR 300.322(c)-(d), 300.328)", () => {
    const without = (attempts: number, otherWays: boolean) =>
      mutated(completeIep(), (d) => {
        d.meeting.parentParticipation = "did-not-participate";
        const parent = d.attendees.find((a) => a.role === "parent");
        if (parent) parent.attendance = "absent";
        d.signatures = d.signatures.filter((x) => x.attendeeId !== "att-parent");
        d.meeting.parentContactAttempts = Array.from({ length: attempts }, (_, i) => ({
          date: `2026-10-0${i + 1}`,
          method: "phone" as const,
          result: "No answer",
        }));
        if (d.meeting.notice) d.meeting.notice.otherWaysToTakePartOffered = otherWays;
      });
    expect(codesOf(without(1, true))).toContain("meeting.parent-participation");
    expect(codesOf(without(2, false))).toContain("meeting.parent-participation");
    expect(codesOf(without(2, true))).not.toContain("meeting.parent-participation");
  });

  it("flags a meeting time not agreed with the parent (34 CFR 300.322(a)(2))", () => {
    const doc = mutated(completeIep(), (d) => {
      if (d.meeting.notice) d.meeting.notice.timeAgreedWithParent = false;
    });
    const hit = checkPlan(doc, ctx()).findings.find((f) => f.code === "meeting.parent-participation");
    expect(hit?.citation).toBe("34 CFR 300.322(a)(2)");
  });

  it("cites California's parent-participation law beside the federal rule it mirrors (Cal. Ed. Code 56341.5; 34 CFR 300.322, 300.328)", () => {
    const doc = mutated(completeIep(), (d) => {
      if (d.meeting.notice) d.meeting.notice.timeAgreedWithParent = false;
    });
    const ca = checkPlan(doc, ctx({ state: "CA" })).findings.find((f) => f.code === "meeting.parent-participation");
    expect(ca?.citation).toBe("34 CFR 300.322(a)(2); Cal. Ed. Code 56341.5");
    // Any other state: the federal rule alone.
    const tx = checkPlan(doc, ctx({ state: "TX" })).findings.find((f) => f.code === "meeting.parent-participation");
    expect(tx?.citation).toBe("34 CFR 300.322(a)(2)");
  });

  it("runs the meeting-notice checks in the product: a held meeting with no notice is flagged (34 CFR 300.322(a)-(b))", () => {
    const doc = mutated(completeIep(), (d) => {
      d.meeting.notice = null;
    });
    const hit = checkPlan(doc, ctx()).findings.find((f) => f.code === "meeting.notice-incomplete");
    expect(hit?.place).toBe("/meeting/notice");
    // Before the meeting, a notice not yet written is not a finding.
    const upcoming = mutated(doc, (d) => {
      d.meeting.date = "2026-12-20";
    });
    expect(codesOf(upcoming)).not.toContain("meeting.notice-incomplete");
  });

  it("treats a statement of impact that only lists test scores as no statement of impact (34 CFR 300.320(a)(1)(i))", () => {
    const doc = mutated(completeIep(), (d) => {
      d.presentLevels.impactOnGeneralCurriculum = "WIAT-4 reading SS 78 (7th percentile); fluency 42 wcpm.";
    });
    const hit = checkPlan(doc, ctx()).findings.find((f) => f.code === "iep.present-levels.no-impact");
    expect(hit?.message).toContain("lists test scores");
  });

  it("gives notices in the parent's native language (34 CFR 300.503(c), 300.322(e))", () => {
    const spanish = mutated(completeIep(), (d) => {
      d.student.guardians = [
        { name: "Sam Example", relationship: "Parent", language: "Spanish", phone: "", email: "" },
      ];
      if (d.priorWrittenNotice) d.priorWrittenNotice.language = "Spanish";
      if (d.meeting.notice) d.meeting.notice.language = "spanish";
    });
    expect(codesOf(spanish)).not.toContain("notice.language");
    const english = mutated(spanish, (d) => {
      if (d.meeting.notice) d.meeting.notice.language = "English";
    });
    const hit = checkPlan(english, ctx()).findings.find((f) => f.code === "notice.language");
    expect(hit?.place).toBe("/meeting/notice/language");
  });

  it("reads the guardians' languages and interpreter needs on the student's record beside the plan's snapshot", () => {
    const doc = mutated(completeIep(), (d) => {
      d.student.guardians = [
        { name: "Sam Example", relationship: "Parent", language: "English", phone: "", email: "" },
      ];
      if (d.priorWrittenNotice) d.priorWrittenNotice.language = "English";
      if (d.meeting.notice) d.meeting.notice.language = "English";
    });
    expect(codesOf(doc)).not.toContain("notice.language");
    const recorded = checkPlan(doc, { ...ctx(), guardianLanguages: [{ language: "es", interpreterNeeded: true }] });
    const hits = recorded.findings.filter((f) => f.code === "notice.language");
    expect(hits.map((h) => h.place).sort()).toEqual(["/meeting/notice/language", "/priorWrittenNotice/language"]);
    expect(hits[0]?.message).toContain("Spanish");
    const held = doc.meeting.date !== null && doc.meeting.date <= ctx().today;
    if (held) expect(recorded.findings.map((f) => f.code)).toContain("team.interpreter-missing");
    const english = checkPlan(doc, { ...ctx(), guardianLanguages: [{ language: "en", interpreterNeeded: false }] });
    expect(english.findings.map((f) => f.code)).not.toContain("notice.language");
  });

  it("checks too-frequent reevaluations from the evaluation history the plan records (34 CFR 300.303(b)(1))", () => {
    const doc = mutated(completeIep(), (d) => {
      d.evaluationHistory = [
        { date: "2025-01-15", kind: "reevaluation", agreedWithinAYear: false },
        { date: "2025-09-01", kind: "reevaluation", agreedWithinAYear: false },
      ];
    });
    expect(codesOf(doc)).toContain("deadline.reevaluation-too-frequent");
    const agreed = mutated(doc, (d) => {
      const second = d.evaluationHistory[1];
      if (second) second.agreedWithinAYear = true;
    });
    expect(codesOf(agreed)).not.toContain("deadline.reevaluation-too-frequent");
  });

  it("restarts the 3-year clock from a reevaluation waiver recorded in the plan (34 CFR 300.303(b)(2))", () => {
    const doc = mutated(completeIep(), (d) => {
      d.dates.lastEvaluation = "2023-06-01";
      d.reevaluationWaivers = [{ agreedOn: "2026-05-20", notes: "" }];
    });
    expect(codesOf(doc)).not.toContain("deadline.reevaluation");
    expect(checkPlan(doc, ctx()).deadlines.find((x) => x.kind === "reevaluation")?.dueDate).toBe("2029-05-20");
  });

  it("stops a progress report's warning once the report sent is recorded (34 CFR 300.320(a)(3)(ii))", () => {
    const monthly = mutated(completeIep(), (d) => {
      d.progressReporting.schedule = { kind: "every", times: 1, per: "month" };
    });
    expect(codesOf(monthly)).toContain("deadline.progress-report");
    const sent = mutated(monthly, (d) => {
      d.progressReporting.reportsSent = [{ date: "2026-11-21", method: "Mailed home" }];
    });
    expect(codesOf(sent)).not.toContain("deadline.progress-report");
  });

  it("gives the safeguards notice on the day of a disciplinary change of placement (34 CFR 300.504(a)(3))", () => {
    const doc = mutated(completeIep(), (d) => {
      d.disciplineRemovals = [
        {
          id: "rem-1",
          startDate: "2026-11-03",
          schoolDays: 12,
          kind: "suspension",
          changeOfPlacement: true,
          decisionOn: "2026-11-02",
          manifestationDeterminationOn: "2026-11-10",
          evaluatedBeforeOn: null,
          notes: "",
        },
      ];
    });
    const deadline = checkPlan(doc, ctx()).deadlines.find((x) => x.kind === "safeguards-notice-event");
    expect(deadline?.dueDate).toBe("2026-11-02");
    expect(deadline?.state).toBe("overdue");
    expect(codesOf(doc)).toContain("notice.safeguards-overdue");
  });

  it("written input after the meeting makes the excusal invalid", () => {
    const doc = mutated(completeIep(), (d) => {
      const rep = d.attendees.find((a) => a.role === "agency-representative");
      if (rep) {
        rep.attendance = "excused";
        rep.excusal = {
          areaModifiedOrDiscussed: true,
          parentWrittenAgreementDate: null,
          parentWrittenConsentDate: "2026-10-10",
          agencyAgreementDate: "2026-10-10",
          writtenInputDate: "2026-10-21",
          notes: "",
        };
      }
    });
    const f = checkPlan(doc, ctx()).findings.find((x) => x.code === "team.excusal-invalid");
    expect(f?.message).toContain("after the meeting");
  });

  it("a parent who joined by phone took part; a parent absent after documented attempts does not block", () => {
    const byPhone = mutated(completeIep(), (d) => {
      const p = d.attendees[0];
      if (p) p.attendance = "absent";
      d.signatures = d.signatures.filter((s) => s.attendeeId !== "att-parent");
      d.meeting.parentParticipation = "phone";
    });
    expect(codesOf(byPhone)).not.toContain("team.role-missing");
    const absent = mutated(byPhone, (d) => {
      d.meeting.parentParticipation = "did-not-participate";
    });
    expect(codesOf(absent)).toContain("team.role-missing");
    const attempts = mutated(absent, (d) => {
      d.meeting.parentContactAttempts = [{ date: "2026-10-01", method: "phone", result: "No answer" }];
    });
    expect(codesOf(attempts)).not.toContain("team.role-missing");
  });

  it("before the meeting, only listing the roles matters", () => {
    const draft = mutated(completeIep(), (d) => {
      d.meeting.date = "2026-12-10";
      d.signatures = [];
      for (const a of d.attendees) a.attendance = "invited";
    });
    expect(codesOf(draft)).not.toContain("team.role-missing");
    expect(codesOf(draft)).not.toContain("signature.missing");
  });

  it("the student invited when transition is discussed passes", () => {
    const doc = mutated(completeIep(), (d) => {
      d.meeting.type = "transition";
      d.meeting.notice = null;
      d.attendees.push({
        id: "att-student",
        name: "Robin Example",
        role: "student",
        title: "",
        accountId: null,
        attendance: "invited",
        excusal: null,
      });
    });
    expect(codesOf(doc)).not.toContain("team.student-not-invited");
  });

  it("an incomplete prior written notice names the missing contents", () => {
    const doc = mutated(completeIep(), (d) => {
      if (d.priorWrittenNotice) d.priorWrittenNotice.sourcesOfHelp = [];
    });
    const f = checkPlan(doc, ctx()).findings.find((x) => x.code === "notice.prior-written-missing");
    expect(f?.message).toContain("sources");
  });

  it("a complete transition plan satisfies a 16-year-old's IEP", () => {
    const doc = mutated(completeIep(), (d) => {
      d.student.dateOfBirth = "2011-01-15";
      d.transition = {
        postsecondaryGoals: [
          { id: "pg-1", area: "education-training", text: "Attend community college" },
          { id: "pg-2", area: "employment", text: "Work in graphic design" },
        ],
        transitionServices: [
          {
            id: "ts-1",
            area: "instruction",
            description: "Career exploration course",
            providedBy: "",
            postsecondaryGoalIds: [],
          },
        ],
        courseOfStudy: "College preparatory",
        assessments: [{ name: "Career interest inventory", date: "2026-09-20", summary: "Interest in design" }],
        studentInvited: true,
        studentPreferences: "",
        agenciesInvited: [],
      };
      if (d.meeting.notice) {
        d.meeting.notice.transitionIsPurpose = true;
        d.meeting.notice.studentWillBeInvited = true;
      }
    });
    expect(codesOf(doc)).toEqual([]);
    const deadline = checkPlan(doc, ctx()).deadlines.find((d) => d.kind === "transition-plan");
    expect(deadline?.state).toBe("met");
  });

  it("California counting changes the initial-evaluation due date", () => {
    const doc = mutated(completeIep(), (d) => {
      d.meeting.type = "initial";
      d.meeting.date = "2027-02-10";
      d.dates.initialConsentToEvaluate = "2026-11-20";
      d.dates.lastEvaluation = null;
    });
    const fed = checkPlan(doc, ctx({ today: "2027-01-25" })).deadlines.find((d) => d.kind === "initial-evaluation");
    const ca = checkPlan(doc, ctx({ today: "2027-01-25", state: "CA" })).deadlines.find(
      (d) => d.kind === "initial-evaluation",
    );
    expect(fed?.dueDate).toBe("2027-01-19");
    expect(fed?.state).toBe("overdue");
    expect(ca?.dueDate).toBe("2027-02-04");
    expect(ca?.state).toBe("due-soon");
  });

  it("every rule has a citation, a fix and a sentence for families", () => {
    for (const code of FINDING_CODES) {
      const r = FINDING_RULES[code];
      expect(r.citation).toMatch(/\d/);
      expect(r.fix.length).toBeGreaterThan(10);
      expect(r.guardian.length).toBeGreaterThan(10);
    }
  });
});

describe("describePlanCheckForGuardian", () => {
  it("gives deadlines and findings in plain language", () => {
    const doc = mutated(completeIep(), (d) => {
      d.presentLevels.strengths = [];
    });
    const lines = describePlanCheckForGuardian(checkPlan(doc, ctx()));
    expect(lines).toContain("The annual review of the IEP is due by October 20, 2027.");
    expect(lines).toContain("The plan does not yet list your child's strengths.");
    expect(lines.some((l) => l.includes("CFR"))).toBe(false);
  });
});
