/**
 * Check one plan document (IEP or Section 504) against the law and against quality, and compute
 * its legal clocks. Pure: the caller supplies `today`, the school calendar, the state and what
 * the document itself cannot know (other active plans, earlier evaluations and notices,
 * boilerplate matches from the school index).
 */
import { z } from "zod";
import type { SchoolCalendar } from "../calendar/school-calendar.ts";
import type { IepDocument, ProgressSchedule } from "../plans/iep-document.ts";
import { EXCUSABLE_TEAM_ROLES, type PlanAttendee, type PlanTeamRole } from "../plans/plan-common.ts";
import type { PlanDocument } from "../plans/plan-document.ts";
import { checkPriorWrittenNotice } from "../plans/prior-written-notice.ts";
import type { Section504Document } from "../plans/section-504-document.ts";
import { DEFAULT_DATE_LOCALE } from "../shared/date-format.ts";
import { addDays, addYears, type IsoDate } from "../shared/dates.ts";
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
  /** Two-letter state code ("CA" applies California counting rules). */
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
  if (doc.dates.planEnd) return doc.dates.planEnd;
  if (doc.dates.nextAnnualReview) return doc.dates.nextAnnualReview;
  if (doc.dates.planStart) return addDays(addYears(doc.dates.planStart, 1), -1);
  return null;
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

function checkIep(doc: IepDocument, ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  const pl = doc.presentLevels;

  // 300.320(a)(1) present levels
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
  }
  if (!pl.strengths.some(filled)) out.push(finding("iep.strengths.missing", "/presentLevels/strengths"));
  const needs = pl.needs.filter((n) => filled(n.area) || filled(n.description));
  if (needs.length === 0) out.push(finding("iep.needs.missing", "/presentLevels/needs"));

  // 300.320(a)(2) goals
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

  // 300.320(a)(3) progress reporting
  const pr = doc.progressReporting;
  if (!filled(pr.howMeasured) || (pr.schedule === null && pr.reportDates.length === 0)) {
    const what = !filled(pr.howMeasured) ? "how progress is measured" : "when progress reports are given";
    out.push(
      finding(
        "iep.progress-reporting.missing",
        !filled(pr.howMeasured) ? "/progressReporting/howMeasured" : "/progressReporting/schedule",
        `The plan does not say ${what}.`,
      ),
    );
  }

  // 300.320(a)(4), (a)(7) services
  if (!doc.services.some((s) => s.kind === "special-education")) out.push(finding("iep.services.missing", "/services"));
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

  // 300.320(a)(5) LRE
  const p = doc.placement;
  const outsideSetting = p.settingCode !== null && !["RC80", "PPPS"].includes(p.settingCode);
  const outsideTime = p.percentInGeneralEducation !== null && p.percentInGeneralEducation < 100;
  const unknown = p.settingCode === null && p.percentInGeneralEducation === null;
  if ((outsideSetting || outsideTime || unknown) && !filled(p.nonParticipationExplanation)) {
    out.push(
      finding(
        "iep.lre.explanation-missing",
        "/placement/nonParticipationExplanation",
        unknown
          ? "The plan does not say how much time the student spends outside general education, or why."
          : "The student spends time outside general education and the plan does not explain why.",
      ),
    );
  }

  // 300.320(a)(6) assessments
  if (doc.assessments.length === 0) {
    out.push(finding("iep.assessment.missing", "/assessments"));
  }
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

  // 300.324(a)(2) special factors
  const factorNames = {
    behavior: "behavior",
    limitedEnglishProficiency: "English language needs",
    braille: "Braille",
    communication: "communication needs",
    assistiveTechnology: "assistive technology",
  } as const;
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

  // 300.106 ESY
  if (doc.extendedSchoolYear.decision === null)
    out.push(finding("iep.esy.not-addressed", "/extendedSchoolYear/decision"));

  // 300.320(b), (c) transition and transfer of rights
  const birth = doc.student.dateOfBirth;
  const end = iepEndDate(doc);
  if (birth && end) {
    const sixteen = addYears(birth, 16);
    const gaps = transitionGaps(doc);
    if (sixteen <= end && gaps.length > 0) {
      out.push(
        finding(
          "iep.transition.missing",
          "/transition",
          `The student ${sixteen <= ctx.today ? "is 16" : "turns 16 while this IEP is in effect"} and the plan lacks ${listText(gaps)}.`,
        ),
      );
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
  }

  out.push(...teamFindings(doc, ctx));
  out.push(...signatureFindings(doc.attendees, doc.signatures, doc.meeting.date, ctx.today));

  // 300.300(b) consent to initial services
  const initial = doc.meeting.type === "initial";
  const inEffect = doc.dates.planStart !== null && doc.dates.planStart <= ctx.today;
  const consented =
    doc.dates.initialConsentToServices !== null ||
    ((doc.consent.choice === "consent" || doc.consent.choice === "consent-except") && doc.consent.date !== null);
  if (initial && inEffect && !consented) {
    out.push(finding("consent.initial-services-missing", "/consent"));
  }

  // 300.503 prior written notice
  const pwn = checkPriorWrittenNotice(doc.priorWrittenNotice);
  if (doc.priorWrittenNotice === null || !doc.priorWrittenNotice.date) {
    out.push(finding("notice.prior-written-missing", "/priorWrittenNotice", "No prior written notice has been given."));
  } else if (!pwn.complete) {
    out.push(
      finding(
        "notice.prior-written-missing",
        "/priorWrittenNotice",
        `The prior written notice lacks: ${pwn.missing.map((m) => m.requirement.toLowerCase()).join("; ")}.`,
      ),
    );
  }

  // Quality
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
  pl.needs.forEach((n, i) => {
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

function teamFindings(doc: IepDocument, ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  const meetingDate = doc.meeting.date;
  const held = meetingDate !== null && meetingDate <= ctx.today;
  const attendees = doc.attendees;
  const required: PlanTeamRole[] = ["parent", "special-education-teacher", "agency-representative"];
  const p = doc.placement;
  const noRegularEducation =
    p.percentInGeneralEducation === 0 && p.settingCode !== null && ["SS", "RF", "HH", "CF"].includes(p.settingCode);
  if (!noRegularEducation) required.splice(1, 0, "regular-education-teacher");
  if (doc.meeting.type === "initial" || doc.meeting.type === "reevaluation") required.push("evaluation-interpreter");

  const fills = (a: PlanAttendee, role: PlanTeamRole) =>
    a.role === role || (role === "special-education-teacher" && a.role === "related-service-provider");

  for (const role of required) {
    const members = attendees.map((a, i) => ({ a, i })).filter(({ a }) => fills(a, role));
    const first = members[0];
    if (!held) {
      if (!first) {
        out.push(finding("team.role-missing", "/attendees", `No ${ROLE_NAMES[role]} is on the team yet.`));
      }
      continue;
    }
    if (members.some(({ a }) => PRESENT.has(a.attendance))) continue;
    if (role === "parent") {
      const took = doc.meeting.parentParticipation;
      if (took === "phone" || took === "video" || took === "in-person") continue;
      if (doc.meeting.parentContactAttempts.length > 0 && took === "did-not-participate") continue;
    }
    const excused = members.find(
      ({ a }) => a.attendance === "excused" && (EXCUSABLE_TEAM_ROLES as readonly string[]).includes(a.role),
    );
    if (excused) continue; // validity is reported as team.excusal-invalid
    out.push(
      finding(
        "team.role-missing",
        first ? `/attendees/${first.i}` : "/attendees",
        role === "parent"
          ? "The parent did not take part, and no attempts to involve the parent are recorded."
          : `No ${ROLE_NAMES[role]} attended or was properly excused.`,
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
  return null;
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

/** The dates the IEP's clocks run on. */
export function iepClockFacts(doc: IepDocument, ctx: CheckContext): PlanClockFacts {
  const h = ctx.history ?? {};
  const isInitial = doc.meeting.type === "initial";
  const meetingHeld = doc.meeting.date !== null && doc.meeting.date <= ctx.today ? doc.meeting.date : null;
  const reviewMeeting = doc.meeting.type !== "amendment" ? meetingHeld : null;
  const evaluations = [...(h.evaluations ?? [])];
  const documented = doc.dates.lastEvaluation ?? doc.dates.eligibilityDetermination;
  if (documented && documented <= ctx.today && !evaluations.some((e) => e.date === documented)) {
    evaluations.push({ date: documented });
  }
  const notices = [...(h.safeguardsNoticesOn ?? [])];
  if (doc.safeguardsNotice.givenOn) notices.push(doc.safeguardsNotice.givenOn);
  return {
    planKind: "iep",
    birthDate: doc.student.dateOfBirth,
    planStart: doc.dates.planStart ?? meetingHeld,
    planEnd: iepEndDate(doc),
    isInitial,
    consentToEvaluateOn: doc.dates.initialConsentToEvaluate,
    eligibilityDeterminedOn: doc.dates.eligibilityDetermination,
    initialIepMeetingOn: isInitial ? meetingHeld : null,
    lastReviewOn: h.lastAnnualReviewOn ?? reviewMeeting ?? doc.dates.planStart,
    evaluations,
    reevaluationWaivedByAgreement: h.reevaluationWaivedByAgreement,
    transitionPlanPresent: transitionGaps(doc).length === 0,
    transferOfRightsPresent: doc.transferOfRights?.studentInformedOn != null,
    progressInterval: progressInterval(doc.progressReporting.schedule),
    progressScheduledDates: doc.progressReporting.reportDates,
    progressReportsOn: h.progressReportsOn ?? [],
    safeguardsNoticesOn: notices,
  };
}

// ---------------------------------------------------------------------------------------------
// Section 504

function checkSection504(doc: Section504Document, ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  const basis = doc.impairments.some(
    (imp) => filled(imp.name) && imp.limitations.some((l) => filled(l.majorLifeActivity)),
  );
  if (!basis) {
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
  out.push(...signatureFindings(doc.attendees, doc.signatures, doc.meeting.date, ctx.today));
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
  "initial-evaluation": "/dates/initialConsentToEvaluate",
  "iep-after-eligibility": "/dates/eligibilityDetermination",
  "annual-review": "/dates/nextAnnualReview",
  reevaluation: "/dates/nextReevaluation",
  "transition-plan": "/transition",
  "transfer-of-rights": "/transferOfRights",
  "progress-report": "/progressReporting",
  "section504-reevaluation": "/dates/nextReevaluation",
  "safeguards-notice": "/safeguardsNotice/givenOn",
};

/** Finding codes that come from deadlines (stored results keep deadlines, not these findings). */
export const DEADLINE_DERIVED_FINDING_CODES: ReadonlySet<string> = new Set([
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
  if (kind === "transition-plan" || kind === "transfer-of-rights") return null;
  const clock = DEADLINE_FINDING_CODES[kind].startsWith("deadline.") && kind !== "progress-report";
  if (state === "overdue") return clock ? "error" : "warning";
  if (state === "due-soon" && clock) return "warning";
  return null;
}

function reevaluationFrequencyFindings(doc: PlanDocument, ctx: CheckContext): Finding[] {
  if (doc.type !== "iep") return [];
  const evaluations = ctx.history?.evaluations ?? [];
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
