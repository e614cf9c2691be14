/**
 * The editor's sections: which parts of the document each edits, and how. Sections are core's
 * (`IEP_SECTIONS`, `SECTION_504_SECTIONS`: their keys and titles); a section may be edited in
 * parts (the transition plan's postsecondary goals and services). Choices are core's lists, named
 * by core's labels. Every leaf of the plan format has an input here; `plan-sections.test.ts`
 * enumerates the format's JSON Schema and names the few that are set by the app instead.
 */
import {
  ACCOMMODATION_CATEGORIES,
  ASSESSMENT_PARTICIPATIONS,
  ASSESSMENT_SCOPES,
  ATTENDANCE_STATUSES,
  CONSENT_CHOICES,
  CONTACT_METHODS,
  ESY_DECISIONS,
  EVALUATION_EXTENSION_BASES,
  EVALUATION_SOURCE_KINDS,
  type IepSectionKey,
  type LabelledFact,
  type LabelledValue,
  LRE_SETTING_CODES,
  MAJOR_LIFE_ACTIVITIES,
  MEETING_TYPES,
  PLAN_DISABILITY_CATEGORIES,
  PLAN_TEAM_ROLES,
  POSTSECONDARY_GOAL_AREAS,
  PROGRAM_MODIFICATION_KINDS,
  SAFEGUARDS_EVENTS,
  SERVICE_AREAS,
  SERVICE_DELIVERIES,
  SERVICE_KINDS,
  SERVICE_PERIODS,
  type Section504SectionKey,
  TRANSITION_SERVICE_AREAS,
} from "@lantern/core";
import { labelOrCode } from "../../i18n/labels.ts";
import type { PlanType } from "./api.ts";

/**
 * How a field is edited:
 * - text, textarea, date, time, number: one value;
 * - select (a drop-down) and radio (a group of choices): one code of a core list;
 * - checkbox: true or false; yesno: a Yes / No / Not answered radio group (null, or left out when `optional`);
 * - choices: several codes of a core list (checkboxes);
 * - strings, dates: a list of texts or dates, each added and removed on its own;
 * - items: a list of objects (`fields` for each); `template` makes a new one;
 * - group: an object edited in place (`fields`); `nullable` when it may be cleared back to "not recorded";
 * - links: ids of items elsewhere in the plan (checkboxes named by the items' words);
 * - link: one such id (a drop-down).
 */
export type FieldKind =
  | "text"
  | "textarea"
  | "date"
  | "time"
  | "number"
  | "select"
  | "radio"
  | "checkbox"
  | "yesno"
  | "choices"
  | "strings"
  | "dates"
  | "items"
  | "group"
  | "links"
  | "link";

/** A select's choices: core's codes of one fact, shown by their labels. */
export type FieldOptions = { fact: LabelledFact; values: readonly string[] };

/** The items a link points to: the list's path from the document root ("*" walks every item of a list), and each item's words. */
export type LinkSource = {
  path: string[];
  words: (item: Record<string, unknown>) => string;
};

/** `key` may be a dotted path inside its parent ("behavior.notes"); `label` names its message (`plans.field.<label>`, hint `plans.hint.<label>`). */
export type FieldSpec = {
  key: string;
  kind: FieldKind;
  label?: string;
  options?: FieldOptions;
  /** items and group: the fields of each item or of the group. */
  fields?: FieldSpec[];
  /** items: a new item, given a number not used by another item's id. */
  template?: (n: number) => Record<string, unknown>;
  /** items: the message naming one item (`plans.item.<itemLabel>`, with {number}). */
  itemLabel?: string;
  /** links and link: what is linked. */
  source?: LinkSource;
  /** group: may be cleared back to null. yesno: "not answered" leaves the key out instead of null. */
  nullable?: boolean;
  optional?: boolean;
  /** select: choosing "not decided" clears the parent object to null (a progress schedule). */
  clearsParent?: boolean;
};

/** Parts of a core section edited on their own. */
export type SectionPart = "postsecondaryGoals" | "transitionServices";

type SectionBase = {
  /** Anchor of the section on the page; the core section key, or the part. */
  id: string;
  /** The core section it edits (its title is the heading, unless a part is named). */
  section: IepSectionKey | Section504SectionKey;
  part?: SectionPart;
  path: string[];
  fields: FieldSpec[];
  /** A "fields" section whose object may be cleared back to null (not written yet). */
  nullable?: boolean;
};

export type SectionSpec =
  | (SectionBase & { kind: "fields" })
  | (SectionBase & {
      kind: "list";
      /** A new item, given a number not used by another item's id; absent when items cannot be added here. */
      template?: (n: number) => Record<string, unknown>;
      itemLabel?: string;
    });

const ta = (key: string, label?: string): FieldSpec => ({ key, kind: "textarea", ...(label ? { label } : {}) });
const tx = (key: string, label?: string): FieldSpec => ({ key, kind: "text", ...(label ? { label } : {}) });
const dt = (key: string, label?: string): FieldSpec => ({ key, kind: "date", ...(label ? { label } : {}) });
const nb = (key: string, label?: string): FieldSpec => ({ key, kind: "number", ...(label ? { label } : {}) });
const sel = <F extends LabelledFact>(
  key: string,
  fact: F,
  values: readonly LabelledValue<F>[],
  label?: string,
): FieldSpec => ({ key, kind: "select", options: { fact, values }, ...(label ? { label } : {}) });
const radio = <F extends LabelledFact>(
  key: string,
  fact: F,
  values: readonly LabelledValue<F>[],
  label?: string,
): FieldSpec => ({ key, kind: "radio", options: { fact, values }, ...(label ? { label } : {}) });
const cb = (key: string, label?: string): FieldSpec => ({ key, kind: "checkbox", ...(label ? { label } : {}) });
const yn = (key: string, label?: string, optional = false): FieldSpec => ({
  key,
  kind: "yesno",
  ...(label ? { label } : {}),
  ...(optional ? { optional } : {}),
});
const strings = (key: string, label?: string): FieldSpec => ({ key, kind: "strings", ...(label ? { label } : {}) });
const dates = (key: string, label?: string): FieldSpec => ({ key, kind: "dates", ...(label ? { label } : {}) });
const group = (key: string, fields: FieldSpec[], opts: { label?: string; nullable?: boolean } = {}): FieldSpec => ({
  key,
  kind: "group",
  fields,
  ...opts,
});
const items = (
  key: string,
  fields: FieldSpec[],
  template: (n: number) => Record<string, unknown>,
  opts: { label?: string; itemLabel?: string } = {},
): FieldSpec => ({ key, kind: "items", fields, template, ...opts });
const links = (key: string, source: LinkSource, label?: string): FieldSpec => ({
  key,
  kind: "links",
  source,
  ...(label ? { label } : {}),
});

const text = (v: unknown) => (typeof v === "string" ? v.trim() : "");
/** An item's words: the first of these keys that has text. */
const wordsOf =
  (...keys: string[]) =>
  (item: Record<string, unknown>) =>
    keys
      .map((k) => text(item[k]))
      .filter(Boolean)
      .join(": ");
const NEEDS: LinkSource = { path: ["presentLevels", "needs"], words: wordsOf("area", "description") };
const GOALS: LinkSource = { path: ["goals"], words: wordsOf("area", "statement") };
const ACCOMMODATIONS: LinkSource = { path: ["accommodations"], words: wordsOf("text") };
const SERVICES: LinkSource = {
  path: ["services"],
  words: (s) => [labelOrCode("serviceArea", text(s.area)), text(s.description)].filter(Boolean).join(": "),
};
const POSTSECONDARY_GOALS: LinkSource = { path: ["transition", "postsecondaryGoals"], words: wordsOf("text") };
const LIMITATIONS: LinkSource = {
  path: ["impairments", "*", "limitations"],
  words: (l) =>
    [text(l.majorLifeActivity) ? labelOrCode("majorLifeActivity", text(l.majorLifeActivity)) : "", text(l.description)]
      .filter(Boolean)
      .join(": "),
};
const ATTENDEES: LinkSource = { path: ["attendees"], words: wordsOf("name", "title") };

const FACTORS = ["behavior", "limitedEnglishProficiency", "braille", "communication", "assistiveTechnology"] as const;

const STUDENT: SectionSpec = {
  id: "student",
  section: "student",
  kind: "fields",
  path: ["student"],
  fields: [
    tx("firstName"),
    tx("lastName"),
    tx("preferredName"),
    dt("dateOfBirth"),
    tx("localId"),
    tx("grade"),
    tx("school", "studentSchool"),
    tx("district"),
    tx("primaryLanguage"),
    yn("englishLearner"),
    items(
      "guardians",
      [
        tx("name", "guardianName"),
        tx("relationship"),
        tx("language", "guardianLanguage"),
        yn("interpreterNeeded", undefined, true),
        tx("phone"),
        tx("email"),
      ],
      () => ({ name: "", relationship: "" }),
      { itemLabel: "guardian" },
    ),
  ],
};

const NOTICE_FIRST: FieldSpec[] = [
  dt("sentOn", "noticeSentOn"),
  ta("purpose", "noticePurpose"),
  dt("date", "noticeMeetingDate"),
  { key: "time", kind: "time", label: "noticeTime" },
  tx("location", "noticeLocation"),
  strings("attendees", "noticeAttendees"),
  cb("informsRightToBringOthers"),
];
const NOTICE_LAST: FieldSpec[] = [
  tx("language", "noticeLanguage"),
  yn("timeAgreedWithParent", undefined, true),
  yn("otherWaysToTakePartOffered", undefined, true),
];

/** An IEP meeting's notice (34 CFR 300.322(b)): with the Part C coordinator and transition parts. */
const MEETING_NOTICE: FieldSpec = group(
  "notice",
  [
    ...NOTICE_FIRST,
    yn("informsPartCCoordinator"),
    cb("transitionIsPurpose"),
    cb("studentWillBeInvited"),
    strings("agenciesInvited", "noticeAgenciesInvited"),
    ...NOTICE_LAST,
  ],
  { label: "meetingNotice", nullable: true },
);

/** A Section 504 meeting's notice (34 CFR 104.36): without IDEA's Part C and transition parts. */
const MEETING_NOTICE_504: FieldSpec = group("notice", [...NOTICE_FIRST, ...NOTICE_LAST], {
  label: "meetingNotice504",
  nullable: true,
});

const MEETING: SectionSpec = {
  id: "meeting",
  section: "meeting",
  kind: "fields",
  path: ["meeting"],
  fields: [
    dt("date", "meetingDate"),
    sel("type", "meetingType", MEETING_TYPES, "meetingType"),
    tx("location", "meetingLocation"),
    radio("parentParticipation", "parentParticipation", ["in-person", "phone", "video", "did-not-participate"]),
    ta("parentConcerns"),
    ta("notes", "meetingNotes"),
    MEETING_NOTICE,
    items(
      "parentContactAttempts",
      [dt("date", "contactDate"), sel("method", "contactMethod", CONTACT_METHODS, "contactMethod"), ta("result")],
      () => ({ date: null, method: "phone", result: "" }),
      { itemLabel: "contactAttempt" },
    ),
  ],
};

const MEETING_504: SectionSpec = {
  ...MEETING,
  fields: MEETING.fields.map((field) => (field === MEETING_NOTICE ? MEETING_NOTICE_504 : field)),
};

const ATTENDEE_FIELDS: FieldSpec[] = [
  tx("name"),
  sel("role", "teamRole", PLAN_TEAM_ROLES),
  tx("title"),
  sel("attendance", "attendance", ATTENDANCE_STATUSES),
  yn("interpretsEvaluationResults", undefined, true),
  // A written excusal (34 CFR 300.321(e)): leave it not recorded unless the member is excused.
  group(
    "excusal",
    [
      yn("areaModifiedOrDiscussed", "excusal.areaModifiedOrDiscussed"),
      dt("parentWrittenAgreementDate", "excusal.parentWrittenAgreementDate"),
      dt("parentWrittenConsentDate", "excusal.parentWrittenConsentDate"),
      dt("agencyAgreementDate", "excusal.agencyAgreementDate"),
      dt("writtenInputDate", "excusal.writtenInputDate"),
      dt("inputSentToParentOn", "excusal.inputSentToParentOn"),
      ta("notes", "excusal.notes"),
    ],
    { label: "excusal", nullable: true },
  ),
];

const ATTENDEES_SECTION: SectionSpec = {
  id: "attendees",
  section: "attendees",
  kind: "list",
  path: ["attendees"],
  fields: ATTENDEE_FIELDS,
  template: (n) => ({ id: `att-new-${n}`, name: "", role: "other", title: "" }),
  itemLabel: "attendee",
};

const SAFEGUARDS: SectionSpec = {
  id: "safeguardsNotice",
  section: "safeguardsNotice",
  kind: "fields",
  path: ["safeguardsNotice"],
  fields: [
    dt("givenOn"),
    sel("method", "safeguardsMethod", ["in-person", "mail", "email", "portal"], "safeguardsMethod"),
    tx("language", "safeguardsLanguage"),
    dates("alsoGivenOn"),
    items(
      "events",
      [sel("event", "safeguardsEvent", SAFEGUARDS_EVENTS, "safeguardsEvent"), dt("date", "safeguardsEventDate")],
      () => ({ event: "parent-request", date: null }),
      { label: "safeguardsEvents", itemLabel: "safeguardsEvent" },
    ),
  ],
};

const DISCIPLINE: SectionSpec = {
  id: "disciplineRemovals",
  section: "disciplineRemovals",
  kind: "list",
  path: ["disciplineRemovals"],
  fields: [
    dt("startDate", "removalStart"),
    nb("schoolDays"),
    sel("kind", "disciplineKind", ["suspension", "expulsion", "interim-alternative-setting", "other"], "removalKind"),
    yn("changeOfPlacement"),
    dt("decisionOn"),
    dt("manifestationDeterminationOn"),
    dt("evaluatedBeforeOn"),
    ta("notes", "removalNotes"),
  ],
  template: (n) => ({ id: `removal-${n}`, startDate: null, schoolDays: 1, kind: "suspension" }),
  itemLabel: "removal",
};

export const IEP_SECTIONS: SectionSpec[] = [
  STUDENT,
  {
    id: "primaryDisability",
    section: "primaryDisability",
    kind: "fields",
    path: [],
    fields: [
      sel("primaryDisability", "disabilityCategory", PLAN_DISABILITY_CATEGORIES),
      {
        key: "secondaryDisabilities",
        kind: "choices",
        options: { fact: "disabilityCategory", values: PLAN_DISABILITY_CATEGORIES },
      },
    ],
  },
  MEETING,
  ATTENDEES_SECTION,
  {
    id: "dates",
    section: "dates",
    kind: "fields",
    path: ["dates"],
    fields: [
      dt("referral"),
      dt("assessmentPlanSentOn"),
      group(
        "evaluationExtension",
        [
          dt("extendedTo"),
          sel("basis", "evaluationExtensionBasis", EVALUATION_EXTENSION_BASES, "extensionBasis"),
          dt("agreedOn", "extensionAgreedOn"),
        ],
        { label: "evaluationExtension", nullable: true },
      ),
      dt("initialConsentToEvaluate"),
      dt("eligibilityDetermination"),
      dt("initialConsentToServices"),
      dt("planStart"),
      dt("planEnd"),
      dt("nextAnnualReview"),
      dt("lastEvaluation"),
      dt("nextReevaluation"),
    ],
  },
  {
    id: "evaluationHistory",
    section: "evaluationHistory",
    kind: "list",
    path: ["evaluationHistory"],
    fields: [
      dt("date", "evaluationDate"),
      sel("kind", "evaluationKind", ["initial", "reevaluation"], "evaluationKind"),
      cb("agreedWithinAYear"),
    ],
    template: () => ({ date: null, kind: "reevaluation" }),
    itemLabel: "evaluation",
  },
  {
    id: "reevaluationWaivers",
    section: "reevaluationWaivers",
    kind: "list",
    path: ["reevaluationWaivers"],
    fields: [dt("agreedOn", "waiverAgreedOn"), ta("notes", "waiverNotes")],
    template: () => ({ agreedOn: null, notes: "" }),
    itemLabel: "waiver",
  },
  {
    id: "presentLevels",
    section: "presentLevels",
    kind: "fields",
    path: ["presentLevels"],
    fields: [
      ta("academic"),
      ta("functional"),
      ta("impactOnGeneralCurriculum"),
      ta("evaluationSummary"),
      strings("strengths"),
      items(
        "needs",
        [tx("area", "needArea"), ta("description", "needDescription")],
        (n) => ({ id: `need-${n}`, area: "", description: "" }),
        {
          itemLabel: "need",
        },
      ),
    ],
  },
  {
    id: "goals",
    section: "goals",
    kind: "list",
    path: ["goals"],
    fields: [
      tx("area"),
      radio("domain", "goalDomain", ["academic", "functional"], "goalDomain"),
      ta("statement"),
      group("baseline", [nb("value", "baselineValue"), ta("description", "baselineDescription"), dt("measuredOn")], {
        label: "baseline",
      }),
      group("target", [nb("value", "targetValue"), ta("description", "targetDescription")], { label: "target" }),
      tx("unit"),
      radio("direction", "goalDirection", ["increase", "decrease"], "goalDirection"),
      tx("criterion"),
      tx("measurementMethod"),
      dt("byDate"),
      links("needIds", NEEDS, "goalNeeds"),
      items(
        "shortTermObjectives",
        [ta("text", "objectiveText"), tx("criterion", "objectiveCriterion"), dt("byDate", "objectiveByDate")],
        (n) => ({ id: `objective-${n}`, text: "" }),
        { itemLabel: "objective" },
      ),
    ],
    template: (n) => ({ id: `goal-new-${n}`, area: "", statement: "" }),
    itemLabel: "goal",
  },
  {
    id: "progressReporting",
    section: "progressReporting",
    kind: "fields",
    path: ["progressReporting"],
    fields: [
      ta("howMeasured"),
      {
        ...sel("schedule.kind", "progressScheduleKind", ["every", "report-card-periods"], "scheduleKind"),
        clearsParent: true,
      },
      nb("schedule.times", "scheduleTimes"),
      sel("schedule.per", "progressSchedulePeriod", ["month", "quarter", "semester", "year"], "schedulePer"),
      dates("reportDates"),
      tx("format", "reportFormat"),
      items(
        "reportsSent",
        [dt("date", "reportSentOn"), tx("method", "reportSentHow")],
        () => ({ date: null, method: "" }),
        { itemLabel: "reportSent" },
      ),
    ],
  },
  {
    id: "services",
    section: "services",
    kind: "list",
    path: ["services"],
    fields: [
      sel("kind", "serviceKind", SERVICE_KINDS),
      sel("area", "serviceArea", SERVICE_AREAS),
      ta("description"),
      dt("startDate"),
      dt("endDate"),
      nb("frequency.times"),
      sel("frequency.per", "servicePeriod", SERVICE_PERIODS),
      nb("minutesPerSession"),
      radio("delivery", "serviceDelivery", SERVICE_DELIVERIES),
      tx("location"),
      tx("providerRole"),
      links("goalIds", GOALS, "serviceGoals"),
      links("needIds", NEEDS, "serviceNeeds"),
    ],
    template: (n) => ({ id: `svc-new-${n}`, kind: "special-education", area: "specialized-academic-instruction" }),
    itemLabel: "service",
  },
  {
    id: "programModifications",
    section: "programModifications",
    kind: "list",
    path: ["programModifications"],
    fields: [
      sel("kind", "programModificationKind", PROGRAM_MODIFICATION_KINDS),
      ta("description"),
      tx("providedBy"),
      tx("when"),
      links("goalIds", GOALS, "modificationGoals"),
    ],
    template: (n) => ({ id: `mod-new-${n}`, kind: "program-modification", description: "" }),
    itemLabel: "modification",
  },
  {
    id: "accommodations",
    section: "accommodations",
    kind: "list",
    path: ["accommodations"],
    fields: [
      sel("category", "accommodationCategory", ACCOMMODATION_CATEGORIES, "accommodationCategory"),
      ta("text"),
      tx("providedBy"),
      tx("when"),
      links("needIds", NEEDS, "accommodationNeeds"),
    ],
    template: (n) => ({ id: `acc-new-${n}`, category: "instructional", text: "" }),
    itemLabel: "accommodation",
  },
  {
    id: "assessments",
    section: "assessments",
    kind: "list",
    path: ["assessments"],
    fields: [
      tx("name", "assessmentName"),
      sel("scope", "assessmentScope", ASSESSMENT_SCOPES),
      sel("participation", "assessmentParticipation", ASSESSMENT_PARTICIPATIONS),
      links("accommodationIds", ACCOMMODATIONS, "assessmentAccommodations"),
      ta("whyRegularNotAppropriate"),
      ta("whyAlternateAppropriate"),
    ],
    template: (n) => ({ id: `assess-new-${n}`, name: "", scope: "state" }),
    itemLabel: "assessment",
  },
  {
    id: "placement",
    section: "placement",
    kind: "fields",
    path: ["placement"],
    fields: [
      sel("settingCode", "lreSetting", LRE_SETTING_CODES),
      nb("percentInGeneralEducation"),
      ta("nonParticipationExplanation"),
      tx("school", "placementSchool"),
      yn("isSchoolOfResidence"),
      ta("optionsConsidered"),
      ta("harmfulEffectsConsidered"),
    ],
  },
  {
    id: "specialFactors",
    section: "specialFactors",
    kind: "fields",
    path: ["specialFactors"],
    fields: FACTORS.flatMap((f) => [cb(`${f}.considered`), yn(`${f}.applies`), ta(`${f}.notes`)]),
  },
  {
    id: "extendedSchoolYear",
    section: "extendedSchoolYear",
    kind: "fields",
    path: ["extendedSchoolYear"],
    fields: [
      sel("decision", "esyDecision", ESY_DECISIONS),
      ta("rationale"),
      links("serviceIds", SERVICES, "esyServices"),
      dt("decideBy"),
    ],
  },
  {
    id: "transition",
    section: "transition",
    kind: "fields",
    path: ["transition"],
    nullable: true,
    fields: [
      yn("studentInvited"),
      ta("studentPreferences"),
      ta("courseOfStudy"),
      items(
        "assessments",
        [tx("name", "transitionAssessmentName"), dt("date", "transitionAssessmentDate"), ta("summary")],
        () => ({ name: "", date: null, summary: "" }),
        { label: "transitionAssessments", itemLabel: "transitionAssessment" },
      ),
      items(
        "agenciesInvited",
        [tx("name", "agencyName"), dt("consentDate", "agencyConsentDate")],
        () => ({ name: "", consentDate: null }),
        { label: "agenciesInvited", itemLabel: "agency" },
      ),
      yn("outsideAgenciesLikelyResponsible"),
    ],
  },
  {
    id: "postsecondaryGoals",
    section: "transition",
    part: "postsecondaryGoals",
    kind: "list",
    path: ["transition", "postsecondaryGoals"],
    fields: [
      sel("area", "postsecondaryGoalArea", POSTSECONDARY_GOAL_AREAS, "postsecondaryArea"),
      ta("text", "postsecondaryText"),
    ],
    template: (n) => ({ id: `psg-new-${n}`, area: "education-training", text: "" }),
    itemLabel: "postsecondaryGoal",
  },
  {
    id: "transitionServices",
    section: "transition",
    part: "transitionServices",
    kind: "list",
    path: ["transition", "transitionServices"],
    fields: [
      sel("area", "transitionServiceArea", TRANSITION_SERVICE_AREAS, "transitionServiceArea"),
      ta("description"),
      tx("providedBy"),
      links("postsecondaryGoalIds", POSTSECONDARY_GOALS, "transitionServiceGoals"),
    ],
    template: (n) => ({ id: `ts-new-${n}`, description: "" }),
    itemLabel: "transitionService",
  },
  {
    id: "transferOfRights",
    section: "transferOfRights",
    kind: "fields",
    path: ["transferOfRights"],
    nullable: true,
    fields: [nb("ageOfMajority"), dt("studentInformedOn"), { ...ta("statement"), label: "rightsStatement" }],
  },
  {
    id: "amendment",
    section: "amendment",
    kind: "fields",
    path: ["amendment"],
    nullable: true,
    fields: [
      yn("madeAtMeeting"),
      dt("parentWrittenAgreementDate", "amendmentAgreementDate"),
      ta("description", "amendmentDescription"),
      dt("teamInformedOn"),
    ],
  },
  {
    id: "priorWrittenNotice",
    section: "priorWrittenNotice",
    kind: "fields",
    path: ["priorWrittenNotice"],
    fields: [
      dt("date", "pwnDate"),
      radio("action", "noticeAction", ["propose", "refuse"], "pwnAction"),
      ta("actionDescription"),
      ta("reasons"),
      strings("basis", "pwnBasis"),
      ta("safeguardsStatement"),
      strings("sourcesOfHelp"),
      items("optionsConsidered", [ta("option"), ta("whyRejected")], () => ({ option: "", whyRejected: "" }), {
        label: "pwnOptions",
        itemLabel: "option",
      }),
      ta("otherFactors"),
      tx("language", "pwnLanguage"),
    ],
  },
  {
    id: "consent",
    section: "consent",
    kind: "fields",
    path: ["consent"],
    fields: [
      radio("choice", "consentChoice", CONSENT_CHOICES, "consentChoice"),
      items(
        "exclusions",
        [
          sel(
            "section",
            "iepSection",
            [
              "goals",
              "services",
              "programModifications",
              "accommodations",
              "assessments",
              "placement",
              "extendedSchoolYear",
              "transition",
            ],
            "exclusionSection",
          ),
          tx("itemId", "exclusionItem"),
          ta("description", "exclusionDescription"),
          yn("neededForFape", undefined, true),
          dt("dueProcessFiledOn"),
        ],
        () => ({ section: "services", description: "" }),
        { itemLabel: "exclusion" },
      ),
      dt("date", "consentDate"),
      { key: "givenBy", kind: "link", source: ATTENDEES, label: "consentGivenBy" },
      ta("notes", "consentNotes"),
      group(
        "revocation",
        [
          dt("receivedOn", "revocationReceivedOn"),
          dt("priorWrittenNoticeOn", "revocationNoticeOn"),
          dt("servicesEndOn"),
        ],
        { label: "revocation", nullable: true },
      ),
    ],
  },
  SAFEGUARDS,
  DISCIPLINE,
  {
    id: "exit",
    section: "exit",
    kind: "fields",
    path: ["exit"],
    nullable: true,
    fields: [
      dt("date", "exitDate"),
      sel(
        "reason",
        "exitReason",
        [
          "graduated-regular-diploma",
          "graduated-certificate",
          "exceeded-age",
          "no-longer-eligible",
          "consent-revoked",
          "moved-away",
          "other",
        ],
        "exitReason",
      ),
      dt("reevaluationOn"),
      dt("summaryOfPerformanceOn"),
      dt("priorWrittenNoticeOn", "exitNoticeOn"),
    ],
  },
];

const AID_KINDS = ["related-aid", "related-service", "special-education"] as const;

export const SECTION_504_SECTIONS: SectionSpec[] = [
  STUDENT,
  MEETING_504,
  ATTENDEES_SECTION,
  {
    id: "dates",
    section: "dates",
    kind: "fields",
    path: ["dates"],
    fields: [
      dt("consentToEvaluate"),
      dt("eligibilityDetermination"),
      dt("planStart"),
      dt("reviewDate"),
      dt("nextReevaluation"),
      dt("ended", "planEnded"),
    ],
  },
  {
    id: "impairments",
    section: "impairments",
    kind: "list",
    path: ["impairments"],
    fields: [
      tx("name", "impairmentName"),
      ta("description", "impairmentDescription"),
      cb("episodicOrInRemission"),
      strings("mitigatingMeasures"),
      items(
        "limitations",
        [
          sel("majorLifeActivity", "majorLifeActivity", MAJOR_LIFE_ACTIVITIES, "majorLifeActivity"),
          ta("description", "limitationDescription"),
        ],
        (n) => ({ id: `lim-new-${n}`, majorLifeActivity: "", description: "" }),
        { itemLabel: "limitation" },
      ),
    ],
    template: (n) => ({ id: `imp-new-${n}`, name: "" }),
    itemLabel: "impairment",
  },
  {
    id: "evaluationSources",
    section: "evaluationSources",
    kind: "list",
    path: ["evaluationSources"],
    fields: [
      sel("kind", "evaluationSource", EVALUATION_SOURCE_KINDS, "sourceKind"),
      ta("description", "sourceDescription"),
      dt("date", "sourceDate"),
    ],
    template: (n) => ({ id: `src-new-${n}`, kind: "teacher-report", description: "" }),
    itemLabel: "source",
  },
  {
    id: "accommodations",
    section: "accommodations",
    kind: "list",
    path: ["accommodations"],
    fields: [
      sel("category", "accommodationCategory", [...ACCOMMODATION_CATEGORIES, "health"], "accommodationCategory"),
      ta("text"),
      tx("providedBy"),
      tx("when"),
      links("limitationIds", LIMITATIONS, "accommodationLimitations"),
    ],
    template: (n) => ({ id: `acc-new-${n}`, category: "instructional", text: "" }),
    itemLabel: "accommodation",
  },
  {
    id: "aidsAndServices",
    section: "aidsAndServices",
    kind: "list",
    path: ["aidsAndServices"],
    fields: [
      sel("kind", "aidKind", AID_KINDS, "aidKind"),
      ta("description"),
      tx("providedBy"),
      tx("frequency"),
      tx("location"),
      links("limitationIds", LIMITATIONS, "aidLimitations"),
    ],
    template: (n) => ({ id: `aid-new-${n}`, kind: "related-aid", description: "" }),
    itemLabel: "aid",
  },
  { id: "placement", section: "placement", kind: "fields", path: [], fields: [ta("placement")] },
  SAFEGUARDS,
  DISCIPLINE,
  { id: "endReason", section: "endReason", kind: "fields", path: [], fields: [ta("endReason")] },
];

export function sectionsFor(type: PlanType): SectionSpec[] {
  return type === "iep" ? IEP_SECTIONS : SECTION_504_SECTIONS;
}

/** The items a link may point to, with their ids and words, from the document. */
export function linkTargets(content: unknown, source: LinkSource): Array<{ id: string; words: string }> {
  let level: unknown[] = [content];
  for (const key of source.path) {
    const next: unknown[] = [];
    for (const node of level) {
      if (key === "*") {
        if (Array.isArray(node)) next.push(...node);
      } else if (node !== null && typeof node === "object") {
        next.push((node as Record<string, unknown>)[key]);
      }
    }
    level = next;
  }
  const found = level.flatMap((list) => (Array.isArray(list) ? list : []));
  return found
    .filter((item): item is Record<string, unknown> => item !== null && typeof item === "object")
    .filter((item) => typeof item.id === "string" && item.id !== "")
    .map((item) => ({ id: item.id as string, words: source.words(item) }));
}
