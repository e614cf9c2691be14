/**
 * Check one plan document (IEP or Section 504) against the law and against quality, and compute
 * its legal clocks. Pure: the caller supplies `today`, the school calendar, the state and what
 * the document itself cannot know (other active plans, earlier evaluations and notices,
 * boilerplate matches from the school index).
 */

import { z } from "zod";
import type { SchoolCalendar } from "../calendar/school-calendar.ts";
import type { IepDocument, ProgressSchedule } from "../plans/iep-document.ts";
import { checkIepMeetingNotice } from "../plans/meeting-notice.ts";
import type { SafeguardsEvent } from "../plans/plan-common.ts";
import { EXCUSABLE_TEAM_ROLES, type PlanAttendee, type PlanTeamRole } from "../plans/plan-common.ts";
import type { PlanDocument } from "../plans/plan-document.ts";
import {
  type PlanTranslation,
  TRANSLATION_LANGUAGES,
  type TranslatablePart,
  type TranslationLanguage,
  untranslatedTexts,
} from "../plans/plan-translations.ts";
import { checkPriorWrittenNotice } from "../plans/prior-written-notice.ts";
import type { Section504Document } from "../plans/section-504-document.ts";
import { iepLastDay } from "../plans/section-progress.ts";
import { DEFAULT_DATE_LOCALE } from "../shared/date-format.ts";
import { addYears, type IsoDate } from "../shared/dates.ts";
import { type StateRules, stateRules } from "../states/state-table.ts";
import { isEnglish, languageName, parseLanguage } from "../students/guardian-language.ts";
import { type BoilerplateMatch, vagueAccommodationReason } from "./boilerplate.ts";
import {
  computeDeadlines,
  DEADLINE_FINDING_CODES,
  DEFAULT_DEADLINE_SETTINGS,
  type Deadline,
  type DeadlineContext,
  type DeadlineKind,
  type DeadlineSettings,
  describeDeadlineForGuardian,
  type PlanClockFacts,
  type ProgressInterval,
  tooFrequentReevaluations,
  ZDeadline,
} from "./deadlines.ts";
import { describeFindingForGuardian, type Finding, finding, sortFindings, ZFinding } from "./findings.ts";

export type CheckContext = {
  today: IsoDate;
  calendar: SchoolCalendar;
  /** Two-letter state code: the state table's rules (California first); others get federal rules. */
  state?: string | undefined;
  settings?: Partial<DeadlineSettings> | undefined;
  /** The student's other plans in effect today (for `plans.both-active`). */
  otherActivePlans?: ReadonlyArray<{ type: "iep" | "section-504"; id?: string | undefined }> | undefined;
  /** Facts from the student's record that the document does not hold. */
  history?:
    | {
        /** Evaluations and reevaluations; `agreed` marks one the parent and agency agreed to within a year. */
        evaluations?: ReadonlyArray<{ date: IsoDate; agreed?: boolean | undefined }> | undefined;
        /** Parent and agency agreed a reevaluation is unnecessary (300.303(b)(2)). */
        reevaluationWaivedByAgreement?: boolean | undefined;
        /** Date of the last annual review, when this document is an amendment or a draft of the next IEP. */
        lastAnnualReviewOn?: IsoDate | undefined;
        progressReportsOn?: ReadonlyArray<IsoDate> | undefined;
        safeguardsNoticesOn?: ReadonlyArray<IsoDate> | undefined;
      }
    | undefined;
  /** Near-duplicate matches from the school's boilerplate index (see boilerplate.ts). */
  boilerplate?: ReadonlyArray<BoilerplateMatch> | undefined;
  /**
   * The guardians' languages (codes such as "es") and interpreter needs as the student's record
   * holds them today; read beside the plan's own snapshot of its guardians (300.503(c), 300.322(e)).
   */
  guardianLanguages?: ReadonlyArray<{ language: string | null; interpreterNeeded: boolean }> | undefined;
  /**
   * The plan's human translations of its free-text fields (decision 0027). When given, a plan whose
   * family reads Spanish is checked for parts with no current translation; when left out, not.
   */
  translations?: readonly PlanTranslation[] | undefined;
};

export const ZPlanCheck = z.object({
  findings: z.array(ZFinding),
  deadlines: z.array(ZDeadline),
});
export type PlanCheck = z.infer<typeof ZPlanCheck>;

const filled = (text: string | null | undefined): boolean => (text ?? "").trim() !== "";
const PRESENT = new Set(["attended", "attended-remotely"]);

const ROLE_NAMES: Record<PlanTeamRole, string> = {
  parent: "parent",
  "regular-education-teacher": "regular education teacher",
  "special-education-teacher": "special education teacher or provider",
  "agency-representative": "school district representative",
  "evaluation-interpreter": "person who can interpret the evaluation results",
  "related-service-provider": "related service provider",
  student: "student",
  interpreter: "interpreter",
  other: "other member",
};

/** Check a plan document. Findings are sorted errors first; deadlines soonest first. */
export function checkPlan(document: PlanDocument, context: CheckContext): PlanCheck {
  const findings = document.type === "iep" ? checkIep(document, context) : checkSection504(document, context);
  const facts = document.type === "iep" ? iepClockFacts(document, context) : section504ClockFacts(document, context);
  const deadlines = facts ? computeDeadlines(facts, deadlineContext(context)) : [];
  findings.push(...findingsFromDeadlines(deadlines));
  findings.push(...reevaluationFrequencyFindings(document, context));
  findings.push(...bothActiveFindings(document, context));
  findings.push(...translationFindings(document, context));
  return { findings: sortFindings(findings), deadlines };
}

function deadlineContext(context: CheckContext): DeadlineContext {
  return { today: context.today, calendar: context.calendar, state: context.state, settings: context.settings };
}

function settingsOf(context: CheckContext): DeadlineSettings {
  return { ...DEFAULT_DEADLINE_SETTINGS, ...(context.settings ?? {}) };
}

// ---------------------------------------------------------------------------------------------
// IEP

/** The last day the IEP is in effect: its end date, else the next annual review, else a year after it starts. */
export function iepEndDate(doc: IepDocument): IsoDate | null {
  return iepLastDay(doc);
}

function transitionGaps(doc: IepDocument): string[] {
  const t = doc.transition;
  if (!t) return ["a transition plan"];
  const gaps: string[] = [];
  const goals = t.postsecondaryGoals.filter((g) => filled(g.text));
  if (!goals.some((g) => g.area === "education-training")) gaps.push("a postsecondary goal for education or training");
  if (!goals.some((g) => g.area === "employment")) gaps.push("a postsecondary goal for employment");
  if (!t.transitionServices.some((s) => filled(s.description))) gaps.push("transition services");
  return gaps;
}

/**
 * Check an IEP: one function per section, each with the rule it applies. The state's rules
 * (speech as special education, transition age, refused parts in California) come from the table.
 */
function checkIep(doc: IepDocument, ctx: CheckContext): Finding[] {
  const rules = stateRules(ctx.state);
  return [
    ...presentLevelsFindings(doc),
    ...goalFindings(doc),
    ...progressReportingFindings(doc),
    ...serviceFindings(doc, rules),
    ...placementFindings(doc),
    ...assessmentFindings(doc),
    ...specialFactorFindings(doc),
    ...extendedSchoolYearFindings(doc),
    ...transitionFindings(doc, ctx, rules),
    ...teamFindings(doc, ctx, rules),
    ...meetingNoticeFindings(doc, ctx, rules),
    ...parentParticipationFindings(doc, ctx, rules),
    ...languageFindings(doc, ctx),
    ...signatureFindings(doc.attendees, doc.signatures, doc.meeting.date, ctx.today),
    ...consentFindings(doc, ctx, rules),
    ...priorWrittenNoticeFindings(doc),
    ...amendmentFindings(doc),
    ...exitFindings(doc),
    ...iepQualityFindings(doc, ctx),
  ];
}

/** Words that tie a statement of impact to the general curriculum (or, preschool, activities). */
const INVOLVEMENT_WORDS =
  /\b(curricul\w*|class\w*|lesson\w*|instruction\w*|grade[- ]level|peers?|general education|participat\w*|access\w*|keep(s|ing)? up|progress\w*|activit\w*|subjects?|assignments?|coursework|content|learning|understand\w*|tasks?|routines?|play)\b/i;

/**
 * A statement that only lists test scores ("SS 78, 7th percentile") does not say how the
 * disability affects involvement and progress in the general curriculum (300.320(a)(1)(i)).
 */
export function impactListsOnlyScores(text: string): boolean {
  const digits = text.match(/\d+/g)?.length ?? 0;
  return digits >= 2 && !INVOLVEMENT_WORDS.test(text);
}

/** 300.320(a)(1): present levels, their impact on the general curriculum, strengths and needs. */
function presentLevelsFindings(doc: IepDocument): Finding[] {
  const out: Finding[] = [];
  const pl = doc.presentLevels;
  if (!filled(pl.academic) && !filled(pl.functional)) {
    out.push(finding("iep.present-levels.missing", "/presentLevels"));
  } else if (!filled(pl.academic) || !filled(pl.functional)) {
    const which = filled(pl.academic) ? "functional" : "academic";
    out.push(
      finding(
        "iep.present-levels.missing",
        `/presentLevels/${which}`,
        `The present level of ${which === "academic" ? "academic achievement" : "functional performance"} is missing.`,
      ),
    );
  }
  if (!filled(pl.impactOnGeneralCurriculum)) {
    out.push(finding("iep.present-levels.no-impact", "/presentLevels/impactOnGeneralCurriculum"));
  } else if (impactListsOnlyScores(pl.impactOnGeneralCurriculum)) {
    out.push(
      finding(
        "iep.present-levels.no-impact",
        "/presentLevels/impactOnGeneralCurriculum",
        "The statement of impact lists test scores but does not say how the disability affects the student's involvement and progress in the general curriculum.",
      ),
    );
  }
  if (!pl.strengths.some(filled)) out.push(finding("iep.strengths.missing", "/presentLevels/strengths"));
  if (documentedNeeds(doc).length === 0) out.push(finding("iep.needs.missing", "/presentLevels/needs"));
  return out;
}

function documentedNeeds(doc: IepDocument) {
  return doc.presentLevels.needs.filter((n) => filled(n.area) || filled(n.description));
}

/** 300.320(a)(2): measurable annual goals, with objectives for alternate assessments. */
function goalFindings(doc: IepDocument): Finding[] {
  const out: Finding[] = [];
  const alternate = doc.assessments.some((a) => a.participation === "alternate");
  if (!doc.goals.some((g) => filled(g.statement) || filled(g.area))) out.push(finding("iep.goals.missing", "/goals"));
  doc.goals.forEach((g, i) => {
    const missing: string[] = [];
    if (g.baseline.value === null && !filled(g.baseline.description)) missing.push("a baseline");
    if (g.target.value === null && !filled(g.target.description)) missing.push("a target");
    if (!filled(g.criterion)) missing.push("a criterion");
    if (!filled(g.measurementMethod)) missing.push("how it is measured");
    if (!g.byDate) missing.push("a date");
    if (missing.length > 0) {
      out.push(
        finding("iep.goal.not-measurable", `/goals/${i}`, `Goal "${goalName(g, i)}" lacks ${listText(missing)}.`),
      );
    }
    if (alternate && !g.shortTermObjectives.some((o) => filled(o.text))) {
      out.push(
        finding(
          "iep.goal.objectives-missing",
          `/goals/${i}/shortTermObjectives`,
          `The student takes an alternate assessment and goal "${goalName(g, i)}" has no short-term objectives or benchmarks.`,
        ),
      );
    }
  });
  return out;
}

/** 300.320(a)(3): how progress is measured and when reports are given. */
function progressReportingFindings(doc: IepDocument): Finding[] {
  const pr = doc.progressReporting;
  if (filled(pr.howMeasured) && (pr.schedule !== null || pr.reportDates.length > 0)) return [];
  const what = !filled(pr.howMeasured) ? "how progress is measured" : "when progress reports are given";
  return [
    finding(
      "iep.progress-reporting.missing",
      !filled(pr.howMeasured) ? "/progressReporting/howMeasured" : "/progressReporting/schedule",
      `The plan does not say ${what}.`,
    ),
  ];
}

/** Areas that are special education in every state (300.39(a)(2)(ii)–(iii)). */
const ALWAYS_SPECIAL_EDUCATION_AREAS: ReadonlySet<string> = new Set(["travel-training", "vocational-education"]);

/**
 * Whether a service is special education: specially designed instruction, travel training or
 * vocational education, or a related service the state counts as special education (California:
 * speech-language pathology, Ed. Code 56333; 5 CCR 3051.1).
 */
export function isSpecialEducationService(service: { kind: string; area: string }, rules: StateRules): boolean {
  return (
    service.kind === "special-education" ||
    ALWAYS_SPECIAL_EDUCATION_AREAS.has(service.area) ||
    rules.relatedServicesAsSpecialEducation.value.includes(service.area)
  );
}

/** 300.320(a)(4), (a)(7): a special education service, and every service's terms. */
function serviceFindings(doc: IepDocument, rules: StateRules): Finding[] {
  const out: Finding[] = [];
  if (!doc.services.some((s) => isSpecialEducationService(s, rules))) {
    out.push(finding("iep.services.missing", "/services"));
  }
  doc.services.forEach((s, i) => {
    const missing: string[] = [];
    if (!s.startDate) missing.push("a start date");
    if (!s.frequency) missing.push("a frequency");
    if (!s.minutesPerSession) missing.push("a duration");
    if (!filled(s.location)) missing.push("a location");
    if (!filled(s.providerRole)) missing.push("a provider");
    if (missing.length > 0) {
      out.push(
        finding(
          "iep.service.incomplete",
          `/services/${i}`,
          `Service "${serviceName(s, i)}" lacks ${listText(missing)}.`,
        ),
      );
    }
  });
  return out;
}

/** 300.320(a)(5): the extent of non-participation with nondisabled children, and why. */
function placementFindings(doc: IepDocument): Finding[] {
  const p = doc.placement;
  const outsideSetting = p.settingCode !== null && !["RC80", "PPPS"].includes(p.settingCode);
  const outsideTime = p.percentInGeneralEducation !== null && p.percentInGeneralEducation < 100;
  const unknown = p.settingCode === null && p.percentInGeneralEducation === null;
  if (!(outsideSetting || outsideTime || unknown) || filled(p.nonParticipationExplanation)) return [];
  return [
    finding(
      "iep.lre.explanation-missing",
      "/placement/nonParticipationExplanation",
      unknown
        ? "The plan does not say how much time the student spends outside general education, or why."
        : "The student spends time outside general education and the plan does not explain why.",
    ),
  ];
}

/** 300.320(a)(6): participation in state and district assessments. */
function assessmentFindings(doc: IepDocument): Finding[] {
  const out: Finding[] = [];
  if (doc.assessments.length === 0) out.push(finding("iep.assessment.missing", "/assessments"));
  doc.assessments.forEach((a, i) => {
    if (a.participation === null) {
      out.push(
        finding(
          "iep.assessment.missing",
          `/assessments/${i}/participation`,
          `How the student takes part in "${a.name || `assessment ${i + 1}`}" is not recorded.`,
        ),
      );
    } else if (
      a.participation === "alternate" &&
      (!filled(a.whyRegularNotAppropriate) || !filled(a.whyAlternateAppropriate))
    ) {
      out.push(
        finding(
          "iep.assessment.alternate-unjustified",
          filled(a.whyRegularNotAppropriate)
            ? `/assessments/${i}/whyAlternateAppropriate`
            : `/assessments/${i}/whyRegularNotAppropriate`,
        ),
      );
    }
  });
  return out;
}

/** 300.324(a)(2): the five special factors. */
function specialFactorFindings(doc: IepDocument): Finding[] {
  const factorNames = {
    behavior: "behavior",
    limitedEnglishProficiency: "English language needs",
    braille: "Braille",
    communication: "communication needs",
    assistiveTechnology: "assistive technology",
  } as const;
  const out: Finding[] = [];
  for (const key of Object.keys(factorNames) as Array<keyof typeof factorNames>) {
    if (!doc.specialFactors[key].considered) {
      out.push(
        finding(
          "iep.special-factors.not-considered",
          `/specialFactors/${key}`,
          `The team has not recorded that it considered ${factorNames[key]}.`,
        ),
      );
    }
  }
  return out;
}

/** 300.106: the extended school year decision. */
function extendedSchoolYearFindings(doc: IepDocument): Finding[] {
  return doc.extendedSchoolYear.decision === null
    ? [finding("iep.esy.not-addressed", "/extendedSchoolYear/decision")]
    : [];
}

/** What the transition plan lacks beyond goals and services: 300.320(b) course of study and assessments; 300.321(b)(3) agencies. */
function transitionCompleteness(doc: IepDocument): string[] {
  const t = doc.transition;
  if (!t) return [];
  const gaps: string[] = [];
  if (!filled(t.courseOfStudy)) gaps.push("the course of study");
  if (!t.assessments.some((a) => filled(a.name)))
    gaps.push("the age-appropriate transition assessments the goals are based on");
  if (t.outsideAgenciesLikelyResponsible === true) {
    if (t.agenciesInvited.length === 0) gaps.push("an invitation to the agency likely to provide or pay for services");
    else if (t.agenciesInvited.some((a) => !a.consentDate))
      gaps.push("the parent's consent to invite each outside agency");
  }
  return gaps;
}

/**
 * 300.320(b): transition content in the IEP in effect when the student turns the state's age (16),
 * also when the birthday fell before this plan began; 300.320(c): the transfer-of-rights statement.
 */
function transitionFindings(doc: IepDocument, ctx: CheckContext, rules: StateRules): Finding[] {
  const out: Finding[] = [];
  const birth = doc.student.dateOfBirth;
  const end = iepEndDate(doc);
  if (!birth || !end) return out;
  const age = rules.transitionAge.value;
  const birthday = addYears(birth, age);
  if (birthday <= end) {
    const gaps = transitionGaps(doc);
    if (gaps.length > 0) {
      out.push(
        finding(
          "iep.transition.missing",
          "/transition",
          `The student ${birthday <= ctx.today ? `is ${age} or older` : `turns ${age} while this IEP is in effect`} and the plan lacks ${listText(gaps)}.`,
          { citation: rules.transitionAge.citation },
        ),
      );
    }
    const incomplete = transitionCompleteness(doc);
    if (doc.transition && incomplete.length > 0) {
      out.push(
        finding("iep.transition.incomplete", "/transition", `The transition plan lacks ${listText(incomplete)}.`),
      );
    }
  }
  const majority = doc.transferOfRights?.ageOfMajority ?? settingsOf(ctx).ageOfMajority;
  const yearBefore = addYears(birth, majority - 1);
  if (yearBefore <= end && !doc.transferOfRights?.studentInformedOn) {
    out.push(
      finding(
        "iep.transfer-of-rights.missing",
        "/transferOfRights",
        `The student turns ${majority} on ${addYears(birth, majority)}; the IEP in effect from ${yearBefore} must state that the student has been told which rights transfer.`,
      ),
    );
  }
  return out;
}

/**
 * The plan's special education is only a related service the state counts as special education
 * (California speech-only IEP): then its provider is the special education provider (300.321(a)(3)).
 */
function relatedServiceIsSpecialEducation(doc: IepDocument, rules: StateRules): boolean {
  return (
    !doc.services.some((s) => s.kind === "special-education") &&
    doc.services.some((s) => rules.relatedServicesAsSpecialEducation.value.includes(s.area))
  );
}

/**
 * 300.321(a): the required team. A related-service provider is not the special education teacher
 * or provider (a)(3), except where the state counts that service as the special education; someone
 * who can interpret evaluation results takes part in every meeting (a)(5), and may be another
 * member; excusals meet 300.321(e); the student is invited when transition is discussed (b)(1).
 */
function teamFindings(doc: IepDocument, ctx: CheckContext, rules: StateRules): Finding[] {
  const out: Finding[] = [];
  const meetingDate = doc.meeting.date;
  const held = meetingDate !== null && meetingDate <= ctx.today;
  const attendees = doc.attendees;
  const required: PlanTeamRole[] = ["parent", "special-education-teacher", "agency-representative"];
  const p = doc.placement;
  const noRegularEducation =
    p.percentInGeneralEducation === 0 && p.settingCode !== null && ["SS", "RF", "HH", "CF"].includes(p.settingCode);
  if (!noRegularEducation) required.splice(1, 0, "regular-education-teacher");
  // An amendment made without a meeting has no team to check.
  const meets = !(doc.meeting.type === "amendment" && doc.amendment?.madeAtMeeting === false);
  if (meets) required.push("evaluation-interpreter");
  const providerCounts = relatedServiceIsSpecialEducation(doc, rules);

  const fills = (a: PlanAttendee, role: PlanTeamRole) =>
    a.role === role ||
    (role === "special-education-teacher" && a.role === "related-service-provider" && providerCounts) ||
    (role === "evaluation-interpreter" && a.interpretsEvaluationResults === true);

  for (const role of required) {
    const members = attendees.map((a, i) => ({ a, i })).filter(({ a }) => fills(a, role));
    const first = members[0];
    if (!held) {
      if (!first) {
        out.push(
          finding("team.role-missing", "/attendees", `No ${ROLE_NAMES[role]} is on the team yet.`, {
            citation: ROLE_CITATIONS[role],
          }),
        );
      }
      continue;
    }
    if (members.some(({ a }) => PRESENT.has(a.attendance))) continue;
    if (role === "parent") {
      const took = doc.meeting.parentParticipation;
      if (took === "phone" || took === "video" || took === "in-person") continue;
      // Attempts are checked for number and kind under meeting.parent-participation.
      if (doc.meeting.parentContactAttempts.length > 0 && took === "did-not-participate") continue;
    }
    const excused = members.find(
      ({ a }) => a.attendance === "excused" && (EXCUSABLE_TEAM_ROLES as readonly string[]).includes(a.role),
    );
    if (excused) continue; // validity is reported as team.excusal-invalid
    const providerOnly =
      role === "special-education-teacher" &&
      attendees.some((a) => a.role === "related-service-provider" && PRESENT.has(a.attendance));
    out.push(
      finding(
        "team.role-missing",
        first ? `/attendees/${first.i}` : "/attendees",
        role === "parent"
          ? "The parent did not take part, and no attempts to involve the parent are recorded."
          : providerOnly
            ? "A related service provider attended, but a related service provider is not the special education teacher or provider the team needs."
            : `No ${ROLE_NAMES[role]} attended or was properly excused.`,
        { citation: ROLE_CITATIONS[role] },
      ),
    );
  }

  attendees.forEach((a, i) => {
    if (a.attendance !== "excused" || !(EXCUSABLE_TEAM_ROLES as readonly string[]).includes(a.role)) return;
    const problem = excusalProblem(a, meetingDate);
    if (problem) {
      out.push(
        finding(
          "team.excusal-invalid",
          `/attendees/${i}/excusal`,
          `The excusal of ${a.name || ROLE_NAMES[a.role]} ${problem}.`,
        ),
      );
    }
  });

  // 300.321(b)(1) student invited when transition is discussed
  const discussed =
    doc.transition !== null || doc.meeting.type === "transition" || doc.meeting.notice?.transitionIsPurpose === true;
  const invited =
    doc.transition?.studentInvited === true ||
    doc.meeting.notice?.studentWillBeInvited === true ||
    attendees.some((a) => a.role === "student");
  if (discussed && !invited) {
    out.push(finding("team.student-not-invited", doc.transition ? "/transition/studentInvited" : "/attendees"));
  }
  return out;
}

const ROLE_CITATIONS: Record<PlanTeamRole, string> = {
  parent: "34 CFR 300.321(a)(1)",
  "regular-education-teacher": "34 CFR 300.321(a)(2)",
  "special-education-teacher": "34 CFR 300.321(a)(3)",
  "agency-representative": "34 CFR 300.321(a)(4)",
  "evaluation-interpreter": "34 CFR 300.321(a)(5)",
  "related-service-provider": "34 CFR 300.321(a)(6)",
  student: "34 CFR 300.321(a)(7)",
  interpreter: "34 CFR 300.322(e)",
  other: "34 CFR 300.321(a)(6)",
};

/** Why an excusal does not meet 300.321(e), or null when it does. */
export function excusalProblem(a: PlanAttendee, meetingDate: IsoDate | null): string | null {
  const e = a.excusal;
  if (!e) return "is not documented in writing";
  if (e.areaModifiedOrDiscussed === null) return "does not say whether the member's area is discussed";
  if (!e.agencyAgreementDate) return "lacks the school's agreement";
  if (!e.areaModifiedOrDiscussed) {
    return e.parentWrittenAgreementDate ? null : "lacks the parent's written agreement";
  }
  if (!e.parentWrittenConsentDate) return "lacks the parent's written consent";
  if (!e.writtenInputDate) return "lacks the member's written input";
  if (meetingDate && e.writtenInputDate > meetingDate) return "has written input dated after the meeting";
  // (e)(2)(ii): the input goes to the parent and the team before the meeting.
  if (!e.inputSentToParentOn) return "does not record that the written input went to the parent before the meeting";
  if (meetingDate && e.inputSentToParentOn > meetingDate)
    return "has written input that reached the parent after the meeting";
  return null;
}

/**
 * 300.322(a)–(b): the meeting notice, early enough and with its contents (checkIepMeetingNotice),
 * for a meeting held (or a notice already written). An amendment without a meeting has none.
 */
function meetingNoticeFindings(doc: IepDocument, ctx: CheckContext, rules: StateRules): Finding[] {
  if (doc.meeting.type === "amendment" && doc.amendment?.madeAtMeeting === false) return [];
  const held = doc.meeting.date !== null && doc.meeting.date <= ctx.today;
  if (!doc.meeting.notice && !held) return [];
  const check = checkIepMeetingNotice(doc, { transitionAge: rules.transitionAge.value });
  return check.problems.map((p) =>
    finding("meeting.notice-incomplete", p.path, `${p.message}.`, { citation: p.citation }),
  );
}

/**
 * The state's own law on parent participation, added after the federal citation (California:
 * 56341.5, which the legal fact sheet does not cover; the check applies the federal rule it mirrors).
 */
function stateParticipationCitation(rules: StateRules): string {
  const own = rules.parentParticipation.citation
    .split("; ")
    .filter((c) => !c.startsWith("34 CFR"))
    .join("; ");
  return own ? `; ${own}` : "";
}

/**
 * 300.322(a)–(d), 300.328 (California 56341.5): a time agreed with the parent; when the parent did
 * not take part, other ways to take part offered and more than one documented attempt.
 */
function parentParticipationFindings(doc: IepDocument, ctx: CheckContext, rules: StateRules): Finding[] {
  const out: Finding[] = [];
  const state = stateParticipationCitation(rules);
  const held = doc.meeting.date !== null && doc.meeting.date <= ctx.today;
  if (!held) return out;
  const notice = doc.meeting.notice;
  if (notice?.timeAgreedWithParent === false) {
    out.push(
      finding(
        "meeting.parent-participation",
        "/meeting/notice/timeAgreedWithParent",
        "The time and place of the meeting were not agreed with the parent.",
        { citation: `34 CFR 300.322(a)(2)${state}` },
      ),
    );
  }
  const parentPresent =
    ["in-person", "phone", "video"].includes(doc.meeting.parentParticipation ?? "") ||
    doc.attendees.some((a) => a.role === "parent" && PRESENT.has(a.attendance));
  const attempts = doc.meeting.parentContactAttempts;
  if (!parentPresent && attempts.length > 0) {
    const missing: string[] = [];
    if (attempts.length < 2) missing.push("more than one documented attempt to arrange a time");
    if (notice?.otherWaysToTakePartOffered !== true)
      missing.push("an offer of other ways to take part (phone or video)");
    if (missing.length > 0) {
      out.push(
        finding(
          "meeting.parent-participation",
          "/meeting/parentContactAttempts",
          `The meeting went ahead without the parent, without ${listText(missing)}.`,
          { citation: `34 CFR 300.322(c)-(d); 34 CFR 300.328${state}` },
        ),
      );
    }
  }
  return out;
}

function sameLanguage(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** The languages Lantern writes family documents in that the family reads (record codes, or the plan's snapshot names). */
function familyTranslationLanguages(doc: PlanDocument, ctx: CheckContext): TranslationLanguage[] {
  const codes = new Set<string>();
  for (const g of ctx.guardianLanguages ?? []) if (g.language) codes.add(g.language.split("-")[0] ?? "");
  for (const g of doc.student.guardians) {
    const code = g.language ? parseLanguage(g.language) : undefined;
    if (code) codes.add(code.split("-")[0] ?? "");
  }
  return TRANSLATION_LANGUAGES.filter((l) => codes.has(l));
}

/**
 * 300.503(c); 300.322(e)-(f): a family that reads Spanish gets its notices in Spanish and
 * understands the plan. The team's own words print in English unless a person translated them, so
 * each part (notice, plan) with words not translated (or translated before the English changed)
 * is one finding, placed at its first such field, naming how many.
 */
function translationFindings(doc: PlanDocument, ctx: CheckContext): Finding[] {
  if (!ctx.translations) return [];
  const out: Finding[] = [];
  for (const language of familyTranslationLanguages(doc, ctx)) {
    const parts: Array<[TranslatablePart, "translation.notice-missing" | "translation.plan-missing", string]> = [
      ["notice", "translation.notice-missing", "notice"],
      ["plan", "translation.plan-missing", "plan"],
    ];
    for (const [part, code, name] of parts) {
      const missing = untranslatedTexts(doc, ctx.translations, language, part);
      const first = missing[0];
      if (!first) continue;
      const count = missing.length === 1 ? "1 part" : `${missing.length} parts`;
      out.push(
        finding(
          code,
          first.pointer,
          `The family reads ${languageName(language)}; ${count} of the ${name} the team wrote ${missing.length === 1 ? "has" : "have"} no ${languageName(language)} translation, starting here.`,
        ),
      );
    }
  }
  return out;
}

/**
 * 300.503(c), 300.322(e): prior written notice and the meeting notice in the parent's native
 * language, and an interpreter at the meeting for a parent who needs one.
 */
function languageFindings(doc: IepDocument, ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  const guardians = doc.student.guardians;
  const recorded = ctx.guardianLanguages ?? [];
  const languages = [
    ...guardians.map((g) => g.language).filter(filled),
    ...recorded.flatMap((g) => (g.language && !isEnglish(g.language) ? [languageName(g.language)] : [])),
  ];
  const notEnglish = [
    ...new Map(
      languages.filter((l) => !sameLanguage(l, "English")).map((l) => [l.trim().toLowerCase(), l.trim()]),
    ).values(),
  ];
  const notices: Array<[string, string | undefined, string]> = [
    [
      "/priorWrittenNotice/language",
      doc.priorWrittenNotice?.date ? doc.priorWrittenNotice.language : undefined,
      "prior written notice",
    ],
    ["/meeting/notice/language", doc.meeting.notice ? doc.meeting.notice.language : undefined, "meeting notice"],
  ];
  if (notEnglish.length > 0) {
    for (const [place, language, name] of notices) {
      if (language === undefined) continue;
      const missing = notEnglish.filter((l) => !language.toLowerCase().includes(l.trim().toLowerCase()));
      if (missing.length > 0) {
        out.push(
          finding(
            "notice.language",
            place,
            `The parent's language is ${missing.join(" and ")}, and the ${name} is ${filled(language) ? `in ${language}` : "not recorded as translated"}.`,
          ),
        );
      }
    }
  }
  const held = doc.meeting.date !== null && doc.meeting.date <= ctx.today;
  if (held && (guardians.some((g) => g.interpreterNeeded === true) || recorded.some((g) => g.interpreterNeeded))) {
    const interpreter = doc.attendees.some((a) => a.role === "interpreter" && PRESENT.has(a.attendance));
    if (!interpreter) out.push(finding("team.interpreter-missing", "/attendees"));
  }
  return out;
}

/**
 * Consent (300.300): written consent for initial services only (b); a written revocation needs
 * prior written notice before services stop (b)(4); in California a refused part the district
 * finds necessary for FAPE means the district files for due process (56346(f)).
 */
function consentFindings(doc: IepDocument, ctx: CheckContext, rules: StateRules): Finding[] {
  const out: Finding[] = [];
  const initial = doc.meeting.type === "initial";
  const inEffect = doc.dates.planStart !== null && doc.dates.planStart <= ctx.today;
  const consented =
    doc.dates.initialConsentToServices !== null ||
    ((doc.consent.choice === "consent" || doc.consent.choice === "consent-except") && doc.consent.date !== null);
  if (initial && inEffect && !consented) out.push(finding("consent.initial-services-missing", "/consent"));
  if (rules.refusedComponentRequiresDueProcess.value && doc.consent.choice === "consent-except") {
    doc.consent.exclusions.forEach((x, i) => {
      if (x.neededForFape === true && !x.dueProcessFiledOn) {
        out.push(
          finding(
            "consent.refused-part-needed",
            `/consent/exclusions/${i}`,
            `The parent did not consent to "${clip(x.description || x.section)}", which the district finds necessary, and no due process filing is recorded.`,
            { citation: rules.refusedComponentRequiresDueProcess.citation },
          ),
        );
      }
    });
  }
  const revocation = doc.consent.revocation;
  if (revocation) {
    const notice = revocation.priorWrittenNoticeOn;
    const end = revocation.servicesEndOn;
    if (!notice || (end && notice > end)) {
      out.push(
        finding(
          "consent.revocation-notice-missing",
          "/consent/revocation",
          notice
            ? "Services stopped before the prior written notice of ending them."
            : "The parent revoked consent and no prior written notice of ending services is recorded.",
        ),
      );
    }
  }
  return out;
}

/** 300.503: prior written notice with its seven contents. */
function priorWrittenNoticeFindings(doc: IepDocument): Finding[] {
  const pwn = checkPriorWrittenNotice(doc.priorWrittenNotice);
  if (doc.priorWrittenNotice === null || !doc.priorWrittenNotice.date) {
    return [finding("notice.prior-written-missing", "/priorWrittenNotice", "No prior written notice has been given.")];
  }
  if (pwn.complete) return [];
  return [
    finding(
      "notice.prior-written-missing",
      "/priorWrittenNotice",
      `The prior written notice lacks: ${pwn.missing.map((m) => m.requirement.toLowerCase()).join("; ")}.`,
    ),
  ];
}

/** 300.324(a)(4)(ii): an amendment without a meeting, and the team informed. */
function amendmentFindings(doc: IepDocument): Finding[] {
  const a = doc.amendment;
  if (a?.madeAtMeeting !== false || a.teamInformedOn) return [];
  return [finding("iep.amendment.team-not-informed", "/amendment/teamInformedOn")];
}

/**
 * Ending special education (300.305(e), 300.102(a)(3)(iii)): a reevaluation before ending
 * eligibility; after a regular diploma or ageing out, no reevaluation but a summary of performance,
 * and for a diploma, prior written notice (it is a change in placement). A certificate of completion
 * or a GED is not a regular diploma (300.102(a)(3)(ii)): the student stays eligible, so ending
 * services then needs the reevaluation and prior written notice.
 */
function exitFindings(doc: IepDocument): Finding[] {
  const x = doc.exit;
  if (!x) return [];
  const missing: string[] = [];
  const certificate = x.reason === "graduated-certificate";
  if ((x.reason === "no-longer-eligible" || certificate) && !x.reevaluationOn)
    missing.push("the reevaluation before ending eligibility");
  if ((x.reason === "graduated-regular-diploma" || x.reason === "exceeded-age") && !x.summaryOfPerformanceOn)
    missing.push("the summary of academic achievement and functional performance");
  if (
    (x.reason === "graduated-regular-diploma" || x.reason === "no-longer-eligible" || certificate) &&
    !x.priorWrittenNoticeOn
  )
    missing.push("prior written notice of the exit");
  if (missing.length === 0) return [];
  const why = certificate
    ? " A certificate of completion or a GED is not a regular diploma, so the student is still eligible through the state's last age."
    : "";
  return [
    finding(
      "exit.requirements-missing",
      "/exit",
      `Special education ended without ${listText(missing)}.${why}`,
      certificate ? { citation: "34 CFR 300.305(e); 34 CFR 300.102(a)(3)(ii)-(iii); 34 CFR 300.503" } : undefined,
    ),
  ];
}

/** Quality: accommodations individualized and tied to needs; every need answered; every goal worked on. */
function iepQualityFindings(doc: IepDocument, ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  const needs = documentedNeeds(doc);
  const needIds = new Set(needs.map((n) => n.id));
  out.push(
    ...accommodationQuality(
      doc.accommodations.map((a) => ({
        id: a.id,
        text: a.text,
        providedBy: a.providedBy,
        when: a.when,
        tiedTo: a.needIds,
      })),
      needIds,
      "/accommodations",
      "need",
      ctx,
    ),
  );
  const addressed = new Set<string>();
  for (const g of doc.goals) for (const id of g.needIds) addressed.add(id);
  for (const s of doc.services) for (const id of s.needIds) addressed.add(id);
  for (const a of doc.accommodations) for (const id of a.needIds) addressed.add(id);
  doc.presentLevels.needs.forEach((n, i) => {
    if ((filled(n.area) || filled(n.description)) && !addressed.has(n.id)) {
      out.push(
        finding(
          "quality.need.unaddressed",
          `/presentLevels/needs/${i}`,
          `The need "${n.area || n.id}" has no goal, service or accommodation.`,
        ),
      );
    }
  });
  const supported = new Set<string>();
  for (const s of doc.services) for (const id of s.goalIds) supported.add(id);
  doc.goals.forEach((g, i) => {
    if (!supported.has(g.id)) {
      out.push(
        finding("quality.goal.unsupported", `/goals/${i}`, `Goal "${goalName(g, i)}" has no service that works on it.`),
      );
    }
  });
  return out;
}

function goalName(g: { area: string; id: string }, i: number): string {
  return g.area || g.id || `goal ${i + 1}`;
}

function serviceName(s: { description: string; area: string; id: string }, i: number): string {
  return s.description || s.area || s.id || `service ${i + 1}`;
}

function listText(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

function signatureFindings(
  attendees: ReadonlyArray<PlanAttendee>,
  signatures: ReadonlyArray<{ attendeeId: string }>,
  meetingDate: IsoDate | null,
  today: IsoDate,
): Finding[] {
  if (!meetingDate || meetingDate > today) return [];
  const signed = new Set(signatures.map((s) => s.attendeeId));
  const out: Finding[] = [];
  attendees.forEach((a, i) => {
    if (PRESENT.has(a.attendance) && !signed.has(a.id)) {
      out.push(
        finding("signature.missing", `/attendees/${i}`, `${a.name || ROLE_NAMES[a.role]} attended and has not signed.`),
      );
    }
  });
  return out;
}

function progressInterval(schedule: ProgressSchedule | null): ProgressInterval | null {
  if (schedule?.kind !== "every") return null;
  const months = { month: 1, quarter: 3, semester: 6, year: 12 }[schedule.per];
  if (months % schedule.times === 0) return { every: months / schedule.times, unit: "month" };
  return { every: Math.max(1, Math.floor((months * 52) / 12 / schedule.times)), unit: "week" };
}

/** Evaluations from the document's history, the record, and the dates it states. */
function iepEvaluations(doc: IepDocument, ctx: CheckContext): Array<{ date: IsoDate; agreed?: boolean | undefined }> {
  const evaluations: Array<{ date: IsoDate; agreed?: boolean | undefined }> = [...(ctx.history?.evaluations ?? [])];
  for (const e of doc.evaluationHistory) {
    if (e.date <= ctx.today && !evaluations.some((x) => x.date === e.date)) {
      evaluations.push({ date: e.date, agreed: e.agreedWithinAYear });
    }
  }
  const documented = doc.dates.lastEvaluation ?? doc.dates.eligibilityDetermination;
  if (documented && documented <= ctx.today && !evaluations.some((e) => e.date === documented)) {
    evaluations.push({ date: documented });
  }
  return evaluations;
}

/** The dates the IEP's clocks run on. */
export function iepClockFacts(doc: IepDocument, ctx: CheckContext): PlanClockFacts {
  const h = ctx.history ?? {};
  const isInitial = doc.meeting.type === "initial";
  const meetingHeld = doc.meeting.date !== null && doc.meeting.date <= ctx.today ? doc.meeting.date : null;
  const reviewMeeting = doc.meeting.type !== "amendment" ? meetingHeld : null;
  const notices = [...(h.safeguardsNoticesOn ?? []), ...(doc.safeguardsNotice.alsoGivenOn ?? [])];
  if (doc.safeguardsNotice.givenOn) notices.push(doc.safeguardsNotice.givenOn);
  // A disciplinary change of placement calls for the notice on the day of the decision (300.504(a)(3)).
  const events: SafeguardsEvent[] = [...(doc.safeguardsNotice.events ?? [])];
  for (const r of doc.disciplineRemovals) {
    const day = r.decisionOn ?? r.startDate;
    if (r.changeOfPlacement === true && day <= ctx.today)
      events.push({ event: "disciplinary-change-of-placement", date: day });
  }
  const extension = doc.dates.evaluationExtension;
  return {
    planKind: "iep",
    birthDate: doc.student.dateOfBirth,
    planStart: doc.dates.planStart ?? meetingHeld,
    planEnd: iepEndDate(doc),
    isInitial,
    referralOn: doc.dates.referral,
    assessmentPlanSentOn: doc.dates.assessmentPlanSentOn,
    consentToEvaluateOn: doc.dates.initialConsentToEvaluate,
    evaluationExtendedTo: extension?.extendedTo ?? null,
    evaluationExtensionBasis: extension?.basis,
    eligibilityDeterminedOn: doc.dates.eligibilityDetermination,
    initialIepMeetingOn: isInitial ? meetingHeld : null,
    lastReviewOn: h.lastAnnualReviewOn ?? reviewMeeting ?? doc.dates.planStart,
    evaluations: iepEvaluations(doc, ctx),
    reevaluationWaivedByAgreement: h.reevaluationWaivedByAgreement,
    reevaluationWaiversOn: doc.reevaluationWaivers.map((w) => w.agreedOn),
    transitionPlanPresent: transitionGaps(doc).length === 0,
    transferOfRightsPresent: doc.transferOfRights?.studentInformedOn != null,
    progressInterval: progressInterval(doc.progressReporting.schedule),
    progressScheduledDates: doc.progressReporting.reportDates,
    progressReportsOn: [
      ...(h.progressReportsOn ?? []),
      ...(doc.progressReporting.reportsSent ?? []).map((r) => r.date).filter((d) => d <= ctx.today),
    ],
    safeguardsNoticesOn: notices,
    safeguardsEvents: events,
  };
}

// ---------------------------------------------------------------------------------------------
// Section 504

function checkSection504(doc: Section504Document, ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  // Each impairment must name a major life activity it substantially limits (34 CFR 104.3(j)(1);
  // 42 USC 12102(1)–(2)): one without is not a basis for the plan, and proposing is refused.
  doc.impairments.forEach((imp, i) => {
    if (imp.limitations.some((l) => filled(l.majorLifeActivity))) return;
    out.push(
      finding(
        "section504.impairment-without-activity",
        `/impairments/${i}/limitations`,
        `${filled(imp.name) ? `“${imp.name.trim()}”` : `Impairment ${i + 1}`} has no major life activity it substantially limits.`,
      ),
    );
  });
  const basis = doc.impairments.some(
    (imp) => filled(imp.name) && imp.limitations.some((l) => filled(l.majorLifeActivity)),
  );
  if (!basis && !out.some((f) => f.code === "section504.impairment-without-activity")) {
    out.push(
      finding(
        "section504.basis-missing",
        "/impairments",
        doc.impairments.some((imp) => filled(imp.name))
          ? "An impairment is recorded but not the major life activity it substantially limits."
          : undefined,
      ),
    );
  }
  const hasSupport =
    doc.accommodations.some((a) => filled(a.text)) || doc.aidsAndServices.some((s) => filled(s.description));
  if (!hasSupport) out.push(finding("section504.accommodations-missing", "/accommodations"));

  const limitationIds = new Set<string>();
  doc.impairments.forEach((imp) => {
    for (const l of imp.limitations) limitationIds.add(l.id);
  });
  out.push(
    ...accommodationQuality(
      doc.accommodations.map((a) => ({
        id: a.id,
        text: a.text,
        providedBy: a.providedBy,
        when: a.when,
        tiedTo: a.limitationIds,
      })),
      limitationIds,
      "/accommodations",
      "limitation",
      ctx,
    ),
  );
  const addressed = new Set<string>();
  for (const a of doc.accommodations) for (const id of a.limitationIds) addressed.add(id);
  for (const s of doc.aidsAndServices) for (const id of s.limitationIds) addressed.add(id);
  doc.impairments.forEach((imp, i) => {
    imp.limitations.forEach((l, j) => {
      if (!addressed.has(l.id)) {
        out.push(
          finding(
            "quality.need.unaddressed",
            `/impairments/${i}/limitations/${j}`,
            `The limitation of ${l.majorLifeActivity || l.id} has no accommodation, aid or service.`,
          ),
        );
      }
    });
  });
  out.push(...evaluationSourceFindings(doc));
  out.push(...placementChangeFindings(doc, ctx));
  out.push(...signatureFindings(doc.attendees, doc.signatures, doc.meeting.date, ctx.today));
  return out;
}

/** 104.35(c)(1): the group draws on information from a variety of sources, documented. */
function evaluationSourceFindings(doc: Section504Document): Finding[] {
  const kinds = new Set(
    doc.evaluationSources.filter((src) => src.kind !== "other" || filled(src.description)).map((src) => src.kind),
  );
  if (kinds.size >= 2) return [];
  return [
    finding(
      "section504.evaluation-sources",
      "/evaluationSources",
      kinds.size === 0
        ? "No information sources are recorded for the 504 decision."
        : "The 504 decision records only one kind of information source.",
    ),
  ];
}

/**
 * 104.35(a): an evaluation before any significant change in placement. A removal for discipline
 * of more than 10 school days (or one marked a change of placement) is one.
 */
function placementChangeFindings(doc: Section504Document, ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  doc.disciplineRemovals.forEach((r, i) => {
    if (r.startDate > ctx.today) return;
    const significant = r.schoolDays > 10 || r.changeOfPlacement === true;
    if (!significant) return;
    if (r.evaluatedBeforeOn && r.evaluatedBeforeOn <= r.startDate) return;
    out.push(
      finding(
        "section504.placement-change-unevaluated",
        `/disciplineRemovals/${i}`,
        `A removal of ${r.schoolDays} school days from ${r.startDate} was made without an evaluation first.`,
      ),
    );
  });
  return out;
}

export function section504ClockFacts(doc: Section504Document, ctx: CheckContext): PlanClockFacts | null {
  if (doc.dates.ended && doc.dates.ended <= ctx.today) return null;
  const evaluations = [...(ctx.history?.evaluations ?? [])];
  const d = doc.dates.eligibilityDetermination;
  if (evaluations.length === 0 && d) evaluations.push({ date: d });
  return { planKind: "section504", evaluations };
}

// ---------------------------------------------------------------------------------------------
// Shared

type AccommodationView = { id: string; text: string; providedBy: string; when: string; tiedTo: readonly string[] };

function accommodationQuality(
  items: AccommodationView[],
  knownIds: Set<string>,
  base: string,
  noun: string,
  ctx: CheckContext,
): Finding[] {
  const out: Finding[] = [];
  items.forEach((a, i) => {
    if (!filled(a.text)) return;
    const vague = vagueAccommodationReason(a);
    if (vague) out.push(finding("quality.accommodation.vague", `${base}/${i}`, `"${clip(a.text)}" ${vague}.`));
    if (!a.tiedTo.some((id) => knownIds.has(id))) {
      out.push(
        finding(
          "quality.accommodation.untied",
          `${base}/${i}`,
          `"${clip(a.text)}" is not linked to any documented ${noun}.`,
        ),
      );
    }
  });
  out.push(...boilerplateFindings(items, ctx.boilerplate ?? [], base));
  return out;
}

/**
 * Findings for a plan's boilerplate matches (34 CFR 300.320(a)(4); 104.33(b)(1)): one per
 * near-duplicate accommodation text, and one for a near-duplicate set. Also used on its own when
 * a neighbouring plan's change alters only these counts.
 */
export function boilerplateFindings(
  accommodations: ReadonlyArray<{ id: string; text: string }>,
  matches: ReadonlyArray<BoilerplateMatch>,
  base = "/accommodations",
): Finding[] {
  const out: Finding[] = [];
  for (const m of matches) {
    const i = m.accommodationId === null ? -1 : accommodations.findIndex((a) => a.id === m.accommodationId);
    const item = accommodations[i];
    out.push(
      finding(
        "quality.accommodation.boilerplate",
        item ? `${base}/${i}` : base,
        item
          ? `"${clip(item.text)}" is worded almost the same in ${m.similarStudents} other students' plans in this school.`
          : `This set of accommodations is almost the same as ${m.similarStudents} other students' in this school.`,
      ),
    );
  }
  return out;
}

function clip(text: string, max = 80): string {
  const t = text.trim().replace(/\s+/g, " ");
  return t.length <= max ? t : `${t.slice(0, max - 1)}…`;
}

const DEADLINE_PLACES: Record<DeadlineKind, string> = {
  "assessment-plan": "/dates/assessmentPlanSentOn",
  "parent-consent-period": "/dates/initialConsentToEvaluate",
  "initial-evaluation": "/dates/initialConsentToEvaluate",
  "iep-after-eligibility": "/dates/eligibilityDetermination",
  "annual-review": "/dates/nextAnnualReview",
  reevaluation: "/dates/nextReevaluation",
  "transition-plan": "/transition",
  "transfer-of-rights": "/transferOfRights",
  "progress-report": "/progressReporting",
  "section504-reevaluation": "/dates/nextReevaluation",
  "safeguards-notice": "/safeguardsNotice/givenOn",
  "safeguards-notice-event": "/safeguardsNotice/events",
};

/** Finding codes that come from deadlines (stored results keep deadlines, not these findings). */
export const DEADLINE_DERIVED_FINDING_CODES: ReadonlySet<string> = new Set([
  "deadline.assessment-plan",
  "deadline.initial-evaluation",
  "deadline.iep-after-eligibility",
  "deadline.annual-review",
  "deadline.reevaluation",
  "deadline.progress-report",
  "section504.reevaluation",
  "notice.safeguards-overdue",
]);

/**
 * Deadlines as findings: `deadline.*` clocks are errors when overdue and warnings when due soon
 * (progress reports: a warning when overdue); the 504 reevaluation and the safeguards notice are
 * warnings when overdue. Transition and transfer of rights are checked on the content instead.
 */
export function findingsFromDeadlines(deadlines: ReadonlyArray<Deadline>): Finding[] {
  const out: Finding[] = [];
  for (const d of deadlines) {
    const severity = deadlineFindingSeverity(d.kind, d.state);
    if (severity === null) continue;
    const message =
      d.state === "overdue"
        ? `${d.label}: due by ${d.dueDate}, ${-d.daysLeft} day${d.daysLeft === -1 ? "" : "s"} late.`
        : `${d.label}: due by ${d.dueDate} (in ${d.daysLeft} day${d.daysLeft === 1 ? "" : "s"}).`;
    out.push(
      finding(d.code as Finding["code"], DEADLINE_PLACES[d.kind], message, {
        severity,
        citation: d.citation,
        dueDate: d.dueDate,
      }),
    );
  }
  return out;
}

/**
 * The severity of the finding a deadline in a given state raises, or null for none. Stored
 * results count findings with the same rule in SQL (see the server's compliance dashboard).
 */
export function deadlineFindingSeverity(kind: DeadlineKind, state: Deadline["state"]): Finding["severity"] | null {
  if (kind === "transition-plan" || kind === "transfer-of-rights" || kind === "parent-consent-period") return null;
  const clock = DEADLINE_FINDING_CODES[kind].startsWith("deadline.") && kind !== "progress-report";
  if (state === "overdue") return clock ? "error" : "warning";
  if (state === "due-soon" && clock) return "warning";
  return null;
}

/** 300.303(b)(1): at most one reevaluation a year unless the parent and the district agree (the document's history and the record). */
function reevaluationFrequencyFindings(doc: PlanDocument, ctx: CheckContext): Finding[] {
  if (doc.type !== "iep") return [];
  const evaluations = iepEvaluations(doc, ctx);
  return tooFrequentReevaluations(evaluations).map((pair) =>
    finding(
      "deadline.reevaluation-too-frequent",
      "/dates/lastEvaluation",
      `Evaluations on ${pair.earlier} and ${pair.later} are less than a year apart without a recorded agreement.`,
    ),
  );
}

function bothActiveFindings(doc: PlanDocument, ctx: CheckContext): Finding[] {
  const other = doc.type === "iep" ? "section-504" : "iep";
  if (!(ctx.otherActivePlans ?? []).some((p) => p.type === other)) return [];
  return [
    finding(
      "plans.both-active",
      "/",
      doc.type === "iep"
        ? "The student also has a Section 504 plan in effect."
        : "The student also has an IEP in effect.",
    ),
  ];
}

// ---------------------------------------------------------------------------------------------
// Plain language for families

/**
 * Sentences for a family: deadlines first ("The annual review of the IEP is due by 12 March
 * 2027."), then one sentence per distinct finding code, errors first.
 */
export function describePlanCheckForGuardian(check: PlanCheck, locale: string = DEFAULT_DATE_LOCALE): string[] {
  const lines = check.deadlines.filter((d) => d.state !== "met").map((d) => describeDeadlineForGuardian(d, locale));
  const seen = new Set<string>();
  for (const f of check.findings) {
    if (f.code.startsWith("deadline.") || f.code === "section504.reevaluation") continue;
    if (seen.has(f.code)) continue;
    seen.add(f.code);
    lines.push(describeFindingForGuardian(f));
  }
  return lines;
}
