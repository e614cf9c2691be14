/**
 * Parts shared by IEP and Section 504 plan documents: the student snapshot, the team and its
 * attendance, signatures, meetings, notices. One schema per fact; each section cites its rule.
 *
 * Drafts are representable: text defaults to "", lists to [], unknown facts to null. Whether a
 * document is complete is decided by the compliance checks, not by these schemas.
 */
import { z } from "zod";
import { IDEA_CATEGORIES, ZIdeaCategory } from "../eligibility/navigator-facts.ts";
import { ZIsoDate } from "../shared/dates.ts";
import { SIGNATURE_METHODS, SIGNATURE_SCAN_TYPES } from "./signature-rules.ts";

/** A stable id inside one plan document (goals, needs, accommodations point to each other by id). */
export const ZPlanItemId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9._:-]+$/, { message: "Use letters, digits, '.', '_', ':' or '-'" })
  .meta({ description: "Stable id of an item within the plan", example: "goal-1" });

/** Free text in a plan section (empty in a draft). */
export const ZPlanText = z.string().max(20_000).default("");
/** A short label or name. */
export const ZPlanLabel = z.string().max(300).default("");
/** A date that may not be known yet (drafts). */
export const ZPlanDate = ZIsoDate.nullable().default(null);
/** A moment in time with a UTC offset, e.g. "2026-10-14T15:30:00Z". */
export const ZPlanTimestamp = z.iso.datetime({ offset: true });

/** IDEA disability categories, 34 CFR 300.8(b)–(c): the navigator's slugs, reused so the two never drift apart. */
export const PLAN_DISABILITY_CATEGORIES = IDEA_CATEGORIES;
export const ZPlanDisabilityCategory = ZIdeaCategory.meta({
  description: "IDEA disability category",
  citation: "34 CFR 300.8(c)",
});
export type PlanDisabilityCategory = z.infer<typeof ZPlanDisabilityCategory>;

export const ZPlanGuardian = z.object({
  name: ZPlanLabel,
  relationship: ZPlanLabel.meta({ example: "Mother" }),
  /** Native language: notices go out in it (34 CFR 300.503(c), 300.322(e), 300.9). */
  language: ZPlanLabel,
  /** The parent needs an interpreter at meetings (34 CFR 300.322(e)); null = not asked. */
  interpreterNeeded: z.boolean().nullable().optional(),
  phone: ZPlanLabel,
  email: ZPlanLabel,
});
export type PlanGuardian = z.infer<typeof ZPlanGuardian>;

/** Who the plan is for, as of the plan date (a snapshot: later changes in the roster do not alter a signed plan). */
export const ZPlanStudent = z
  .object({
    studentId: z.string().max(64).nullable().default(null).meta({ description: "Id of the student record" }),
    localId: ZPlanLabel.meta({ description: "District student number" }),
    firstName: ZPlanLabel,
    lastName: ZPlanLabel,
    preferredName: ZPlanLabel,
    dateOfBirth: ZPlanDate,
    grade: ZPlanLabel.meta({ example: "11" }),
    school: ZPlanLabel,
    district: ZPlanLabel,
    primaryLanguage: ZPlanLabel,
    englishLearner: z.boolean().nullable().default(null),
    guardians: z.array(ZPlanGuardian).default([]),
  })
  .meta({ description: "The student as of the plan date", citation: "34 CFR 300.320" });
export type PlanStudent = z.infer<typeof ZPlanStudent>;

/** IEP team roles, 34 CFR 300.321(a)(1)–(7), plus interpreters (300.322(e)) and others. */
export const PLAN_TEAM_ROLES = [
  "parent",
  "regular-education-teacher",
  "special-education-teacher",
  "agency-representative",
  "evaluation-interpreter",
  "related-service-provider",
  "student",
  "interpreter",
  "other",
] as const;
export const ZPlanTeamRole = z.enum(PLAN_TEAM_ROLES).meta({ citation: "34 CFR 300.321(a)" });
export type PlanTeamRole = z.infer<typeof ZPlanTeamRole>;

/** Members whose attendance may be excused in writing: 300.321(a)(2)–(5). */
export const EXCUSABLE_TEAM_ROLES = [
  "regular-education-teacher",
  "special-education-teacher",
  "agency-representative",
  "evaluation-interpreter",
] as const satisfies readonly PlanTeamRole[];

export const ATTENDANCE_STATUSES = ["invited", "attended", "attended-remotely", "excused", "absent"] as const;
export const ZAttendanceStatus = z.enum(ATTENDANCE_STATUSES);

/**
 * Written excusal of a required member (34 CFR 300.321(e)).
 * (e)(1) area not discussed: parent and agency agree in writing.
 * (e)(2) area discussed: parent consents in writing, agency consents, and the member gives written input before the meeting.
 */
export const ZExcusal = z
  .object({
    areaModifiedOrDiscussed: z.boolean().nullable().default(null),
    parentWrittenAgreementDate: ZPlanDate.meta({ description: "(e)(1) parent's written agreement" }),
    parentWrittenConsentDate: ZPlanDate.meta({ description: "(e)(2)(i) parent's written consent" }),
    agencyAgreementDate: ZPlanDate.meta({ description: "Agency's agreement or consent" }),
    writtenInputDate: ZPlanDate.meta({ description: "(e)(2)(ii) member's written input to parent and team" }),
    /** The day the written input reached the parent (it must, before the meeting: 300.321(e)(2)(ii)). */
    inputSentToParentOn: ZIsoDate.nullable()
      .optional()
      .meta({ description: "(e)(2)(ii) the day the written input went to the parent" }),
    notes: ZPlanText,
  })
  .meta({ description: "Written excusal of a team member", citation: "34 CFR 300.321(e)" });
export type Excusal = z.infer<typeof ZExcusal>;

export const ZPlanAttendee = z
  .object({
    id: ZPlanItemId,
    name: ZPlanLabel,
    role: ZPlanTeamRole,
    /** Job title, e.g. "Speech-language pathologist", or relationship for a parent. */
    title: ZPlanLabel,
    accountId: z.string().max(64).nullable().default(null),
    attendance: ZAttendanceStatus.default("invited"),
    excusal: ZExcusal.nullable().default(null),
    /**
     * This member can interpret the instructional implications of evaluation results, and does so
     * at this meeting (34 CFR 300.321(a)(5): may be one of the members in (a)(2)–(6)).
     */
    interpretsEvaluationResults: z.boolean().optional(),
  })
  .meta({ description: "A team member and whether they took part", citation: "34 CFR 300.321" });
export type PlanAttendee = z.infer<typeof ZPlanAttendee>;

export const ZPlanSignature = z
  .object({
    attendeeId: ZPlanItemId,
    /** Typed or drawn in the app by the signer, or signed on paper at the meeting and entered by staff. */
    method: z.enum(SIGNATURE_METHODS),
    /** The name as typed (typed signatures), printed under the drawing, or written on the paper. */
    typedName: ZPlanLabel,
    /** A drawn signature as an SVG path ("M10 10 L20 20 …") or a data: URL. */
    drawing: z.string().max(200_000).nullable().default(null),
    /** When it was given in the app, or entered from paper. */
    signedAt: ZPlanTimestamp,
    /** The signer's account (in the app); for paper, the account of the person whose signature it is, when known. */
    signerAccountId: z.string().max(64).nullable().default(null),
    /** What the signature records: attendance at the meeting, or agreement. */
    meaning: z.enum(["attendance", "agreement"]).default("attendance"),
    // The facts below are absent from signatures made before they were kept (their seals still verify).
    /** The signer's name on their account when they signed in the app. */
    signerName: z.string().max(300).optional(),
    /** A legal name the signer attested to, different from the name on the account. */
    legalName: z.string().max(300).nullable().optional(),
    /** How the signer (or, for paper, the person entering it) was signed in: "password", "single-sign-on", … */
    signInMethod: z.string().max(40).nullable().optional(),
    /** Paper: who entered it, when, and how they were signed in. */
    enteredBy: z
      .object({ accountId: z.string().max(64), name: z.string().max(300), at: ZPlanTimestamp })
      .nullable()
      .optional(),
    /** Paper: the date written on the page and the scanned page's SHA-256, kind and size. */
    paper: z
      .object({
        signedOn: ZIsoDate.nullable(),
        scanSha256: z.string().regex(/^[0-9a-f]{64}$/),
        scanType: z.enum(SIGNATURE_SCAN_TYPES),
        scanBytes: z.number().int().min(1),
      })
      .nullable()
      .optional(),
  })
  .meta({
    description: "A signature: given in the app by the signed-in signer, or signed on paper and entered by staff",
    citation: "34 CFR 300.321; 300.9; 99.30(b)",
  });
export type PlanSignature = z.infer<typeof ZPlanSignature>;

export const MEETING_TYPES = ["initial", "annual", "amendment", "reevaluation", "transition", "other"] as const;
export const ZMeetingType = z.enum(MEETING_TYPES);

/** How the school tried to reach a parent (34 CFR 300.322(d)(1)–(3): calls, letters, visits). */
export const CONTACT_METHODS = ["phone", "letter", "email", "home-visit", "work-visit", "in-person", "other"] as const;

/** Efforts to involve the parent, kept when meeting without them (34 CFR 300.322(d)). */
export const ZParentContactAttempt = z.object({
  date: ZIsoDate,
  method: z.enum(CONTACT_METHODS),
  result: ZPlanText,
});
export type ParentContactAttempt = z.infer<typeof ZParentContactAttempt>;

/** Notice of the meeting to the parent: the contents of 34 CFR 300.322(b). */
export const ZMeetingNotice = z
  .object({
    sentOn: ZPlanDate,
    purpose: ZPlanText,
    date: ZPlanDate,
    time: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: "Expected a time written as HH:MM" })
      .nullable()
      .default(null),
    location: ZPlanLabel,
    /** Who will attend, by role or name (300.322(b)(1)(i)). */
    attendees: z.array(ZPlanLabel).default([]),
    /** The right to bring others with knowledge or special expertise (300.322(b)(1)(ii), 300.321(a)(6)). */
    informsRightToBringOthers: z.boolean().default(false),
    /** Part C service coordinator may be invited, for a child who received Part C services (300.322(b)(1)(iii)). */
    informsPartCCoordinator: z.boolean().nullable().default(null),
    /** From 16 (or younger if appropriate): transition is a purpose (300.322(b)(2)(i)(A)). */
    transitionIsPurpose: z.boolean().default(false),
    /** …the student will be invited (300.322(b)(2)(i)(B)). */
    studentWillBeInvited: z.boolean().default(false),
    /** …other agencies invited to send a representative (300.322(b)(2)(ii)). */
    agenciesInvited: z.array(ZPlanLabel).default([]),
    language: ZPlanLabel,
    /** The time and place were agreed with the parent (300.322(a)(2)); null = not recorded. */
    timeAgreedWithParent: z.boolean().nullable().optional(),
    /** The parent was offered other ways to take part, such as a phone or video call (300.322(c), 300.328). */
    otherWaysToTakePartOffered: z.boolean().nullable().optional(),
  })
  .meta({ description: "Notice of the meeting to the parent", citation: "34 CFR 300.322(b)" });
export type MeetingNotice = z.infer<typeof ZMeetingNotice>;

export const ZPlanMeeting = z
  .object({
    date: ZPlanDate,
    type: ZMeetingType.nullable().default(null),
    location: ZPlanLabel,
    /** How the parent took part when not in person (34 CFR 300.322(c), 300.328). */
    parentParticipation: z.enum(["in-person", "phone", "video", "did-not-participate"]).nullable().default(null),
    notes: ZPlanText,
    parentConcerns: ZPlanText.meta({ description: "Parent's concerns", citation: "34 CFR 300.324(a)(1)(ii)" }),
    notice: ZMeetingNotice.nullable().default(null),
    parentContactAttempts: z.array(ZParentContactAttempt).default([]),
  })
  .meta({ description: "The meeting where the plan was developed or reviewed", citation: "34 CFR 300.322; 300.324" });
export type PlanMeeting = z.infer<typeof ZPlanMeeting>;

/** Events on which the procedural safeguards notice must be given (34 CFR 300.504(a)(1)–(4)). */
export const SAFEGUARDS_EVENTS = [
  "initial-referral",
  "parent-evaluation-request",
  "state-complaint",
  "due-process-complaint",
  "disciplinary-change-of-placement",
  "parent-request",
] as const;
export const ZSafeguardsEvent = z
  .object({ event: z.enum(SAFEGUARDS_EVENTS), date: ZIsoDate })
  .meta({ description: "An event that calls for the safeguards notice", citation: "34 CFR 300.504(a)(1)-(4)" });
export type SafeguardsEvent = z.infer<typeof ZSafeguardsEvent>;

/** Procedural safeguards notice given to the parent (34 CFR 300.504; for Section 504, 104.36). */
export const ZSafeguardsNotice = z
  .object({
    givenOn: ZPlanDate,
    method: z.enum(["in-person", "mail", "email", "portal"]).nullable().default(null),
    language: ZPlanLabel,
    /** Other days the notice was given (earlier in the year, or on an event below). */
    alsoGivenOn: z.array(ZIsoDate).optional(),
    /** Events that call for the notice: a referral, a complaint, a disciplinary change of placement, a request. */
    events: z.array(ZSafeguardsEvent).optional(),
  })
  .meta({ description: "Procedural safeguards notice given", citation: "34 CFR 300.504" });
export type SafeguardsNotice = z.infer<typeof ZSafeguardsNotice>;

/** An option considered and rejected, with why (34 CFR 300.503(b)(6)). */
export const ZOptionConsidered = z.object({ option: ZPlanText, whyRejected: ZPlanText });

/** Prior written notice: the 7 contents of 34 CFR 300.503(b). */
export const ZPriorWrittenNotice = z
  .object({
    date: ZPlanDate,
    /** Whether the agency proposes or refuses to initiate or change identification, evaluation, placement or FAPE. */
    action: z.enum(["propose", "refuse"]).nullable().default(null),
    /** (1) a description of the action proposed or refused. */
    actionDescription: ZPlanText,
    /** (2) why the agency proposes or refuses the action. */
    reasons: ZPlanText,
    /** (3) each evaluation procedure, assessment, record or report used as a basis. */
    basis: z.array(ZPlanText).default([]),
    /** (4) the parent has protection under the procedural safeguards and how to obtain a copy. */
    safeguardsStatement: ZPlanText,
    /** (5) sources for the parent to contact for help understanding Part B. */
    sourcesOfHelp: z.array(ZPlanText).default([]),
    /** (6) other options considered and why they were rejected. */
    optionsConsidered: z.array(ZOptionConsidered).default([]),
    /** (7) other factors relevant to the proposal or refusal. */
    otherFactors: ZPlanText,
    /** Native language or other mode of communication (300.503(c)). */
    language: ZPlanLabel,
  })
  .meta({ description: "Prior written notice of a proposal or refusal", citation: "34 CFR 300.503" });
export type PriorWrittenNotice = z.infer<typeof ZPriorWrittenNotice>;

/**
 * A removal for discipline (34 CFR 300.530–300.536; for Section 504, an exclusion of more than 10
 * school days is a significant change in placement, 104.35(a)).
 */
export const ZDisciplineRemoval = z
  .object({
    id: ZPlanItemId,
    startDate: ZIsoDate,
    /** School days removed. */
    schoolDays: z.number().int().min(1).max(365),
    kind: z.enum(["suspension", "expulsion", "interim-alternative-setting", "other"]).default("suspension"),
    /** The decision to remove is a change of placement (more than 10 days in a row, or a pattern: 300.536). */
    changeOfPlacement: z.boolean().nullable().default(null),
    decisionOn: ZPlanDate,
    manifestationDeterminationOn: ZPlanDate.meta({ citation: "34 CFR 300.530(e)" }),
    /** Section 504: the evaluation done before this significant change in placement (104.35(a)). */
    evaluatedBeforeOn: ZPlanDate,
    notes: ZPlanText,
  })
  .meta({ description: "A removal for discipline", citation: "34 CFR 300.530-300.536; 34 CFR 104.35(a)" });
export type DisciplineRemoval = z.infer<typeof ZDisciplineRemoval>;
