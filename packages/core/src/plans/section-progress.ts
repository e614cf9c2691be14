/**
 * How far a plan is written, section by section: when a section counts as complete (its elements
 * the law requires are there), and when a section does not apply to this student (no transition
 * plan before the state's transition age). The editor shows it as "3 of 14 sections complete";
 * the compliance checks (compliance/check-plan.ts) still judge quality and deadlines.
 *
 * Works on a draft as it is being typed (any field may be missing), so it reads the document
 * loosely. Imports no zod: the web uses it as the person types.
 */
import { FEDERAL_RULES } from "../states/federal.ts";
import type { StateRules } from "../states/state-rules.ts";
import type { IepSectionKey, Section504SectionKey } from "./plan-sections.ts";

type Doc = Record<string, unknown>;
type Item = Record<string, unknown>;

const obj = (v: unknown): Item => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Item) : {});
const list = (v: unknown): Item[] => (Array.isArray(v) ? v.map(obj) : []);
const filled = (v: unknown): boolean => typeof v === "string" && v.trim() !== "";
const present = (v: unknown): boolean => v !== null && v !== undefined && v !== "";

// ---------------------------------------------------------------------------------------------
// Dates (calendar dates as ISO strings; a birthday on February 29 falls on February 28)

function shiftYears(date: string, years: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return `${String(y + years).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}
function dayBefore(date: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}
const ISO = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (v: unknown): v is string => typeof v === "string" && ISO.test(v);

/** The day a person born on `birth` turns `age`. */
export function birthdayAt(birth: string, age: number): string {
  return shiftYears(birth, age);
}

/** The last day the IEP is in effect: its end date, else the next annual review, else a year after it starts. */
export function iepLastDay(doc: { dates?: unknown }): string | null {
  const dates = obj(doc.dates);
  if (isDate(dates.planEnd)) return dates.planEnd;
  if (isDate(dates.nextAnnualReview)) return dates.nextAnnualReview;
  if (isDate(dates.planStart)) return dayBefore(shiftYears(dates.planStart, 1));
  return null;
}

// ---------------------------------------------------------------------------------------------
// Sections that do not apply

/** The state's ages the applicability rules need (from core's state table: `stateRules(code)`). */
export type ProgressRules = {
  transitionAge: { value: number; citation: string };
  ageOfMajority: { value: number; citation: string };
};

/** The ages of a state's rules (`stateRules(code)`), as the progress needs them. */
export function progressRulesOf(rules: Pick<StateRules, "transitionAge" | "ageOfMajority">): ProgressRules {
  return {
    transitionAge: { value: rules.transitionAge.value, citation: rules.transitionAge.citation },
    ageOfMajority: { value: rules.ageOfMajority.value, citation: rules.ageOfMajority.citation },
  };
}

/** The federal ages, until the district's state is known. */
export const FEDERAL_PROGRESS_RULES: ProgressRules = progressRulesOf(FEDERAL_RULES);

export type NotApplicable =
  | { reason: "before-transition-age"; age: number; turnsOn: string; citation: string }
  | { reason: "before-age-of-majority-year"; age: number; turnsOn: string; citation: string };

/**
 * Why a section does not apply to this student, or null when it does (or when it cannot be told:
 * no birth date or no plan dates yet, so it is shown).
 *
 * - Transition (34 CFR 300.320(b); the state's age): required in the IEP in effect when the
 *   student turns the state's transition age (16), so it does not apply when that birthday falls
 *   after the plan ends. The team may still write one earlier, so one already written is shown.
 * - Transfer of rights (34 CFR 300.320(c)): from the IEP in effect a year before the age of majority.
 *
 * A draft without dates yet is taken to run a year from `today` (an IEP is reviewed at least once a
 * year, 34 CFR 300.324(b)(1)(i)).
 */
export function sectionNotApplicable(
  doc: Doc,
  key: IepSectionKey | Section504SectionKey,
  rules: ProgressRules,
  today?: string,
): NotApplicable | null {
  if (doc.type !== "iep") return null;
  const birth = obj(doc.student).dateOfBirth;
  const end = iepLastDay(doc) ?? (today && isDate(today) ? dayBefore(shiftYears(today, 1)) : null);
  if (!isDate(birth) || !end) return null;
  if (key === "transition") {
    if (doc.transition !== null && doc.transition !== undefined) return null;
    const turnsOn = birthdayAt(birth, rules.transitionAge.value);
    if (turnsOn <= end) return null;
    return {
      reason: "before-transition-age",
      age: rules.transitionAge.value,
      turnsOn,
      citation: rules.transitionAge.citation,
    };
  }
  if (key === "transferOfRights") {
    if (doc.transferOfRights !== null && doc.transferOfRights !== undefined) return null;
    const yearBefore = birthdayAt(birth, rules.ageOfMajority.value - 1);
    if (yearBefore <= end) return null;
    return {
      reason: "before-age-of-majority-year",
      age: rules.ageOfMajority.value,
      turnsOn: birthdayAt(birth, rules.ageOfMajority.value),
      citation: rules.ageOfMajority.citation,
    };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// When a section is complete

type CompletionRule = { citation: string; complete: (doc: Doc) => boolean };

/** A goal is measurable with a baseline, a target, a criterion, how it is measured and a date. */
export function goalIsMeasurable(goal: Item): boolean {
  const baseline = obj(goal.baseline);
  const target = obj(goal.target);
  return (
    (typeof baseline.value === "number" || filled(baseline.description)) &&
    (typeof target.value === "number" || filled(target.description)) &&
    filled(goal.criterion) &&
    filled(goal.measurementMethod) &&
    isDate(goal.byDate)
  );
}

const IEP_COMPLETION: Partial<Record<IepSectionKey, CompletionRule>> = {
  student: {
    citation: "34 CFR 300.320; 300.322(e)",
    complete: (d) => {
      const s = obj(d.student);
      return filled(s.firstName) && filled(s.lastName) && isDate(s.dateOfBirth) && filled(s.primaryLanguage);
    },
  },
  primaryDisability: { citation: "34 CFR 300.8(c)", complete: (d) => filled(d.primaryDisability) },
  meeting: { citation: "34 CFR 300.322; 300.324(a)(1)(ii)", complete: (d) => isDate(obj(d.meeting).date) },
  attendees: {
    citation: "34 CFR 300.321(a)",
    complete: (d) => {
      const roles = new Set(
        list(d.attendees)
          .filter((a) => filled(a.name))
          .map((a) => a.role),
      );
      return ["parent", "regular-education-teacher", "special-education-teacher", "agency-representative"].every((r) =>
        roles.has(r),
      );
    },
  },
  dates: {
    citation: "34 CFR 300.320(a)(7); 300.324(b)(1)(i)",
    complete: (d) => {
      const dates = obj(d.dates);
      return isDate(dates.planStart) && (isDate(dates.planEnd) || isDate(dates.nextAnnualReview));
    },
  },
  presentLevels: {
    citation: "34 CFR 300.320(a)(1); 300.324(a)(1)(iv)",
    complete: (d) => {
      const pl = obj(d.presentLevels);
      return (
        filled(pl.academic) &&
        filled(pl.functional) &&
        filled(pl.impactOnGeneralCurriculum) &&
        list(pl.needs).some((n) => filled(n.area) || filled(n.description))
      );
    },
  },
  goals: {
    citation: "34 CFR 300.320(a)(2)",
    complete: (d) => {
      const goals = list(d.goals);
      const alternate = list(d.assessments).some((a) => a.participation === "alternate");
      return (
        goals.length > 0 &&
        goals.every(goalIsMeasurable) &&
        (!alternate || goals.every((g) => list(g.shortTermObjectives).some((o) => filled(o.text))))
      );
    },
  },
  progressReporting: {
    citation: "34 CFR 300.320(a)(3)",
    complete: (d) => {
      const pr = obj(d.progressReporting);
      return (
        filled(pr.howMeasured) && (present(pr.schedule) || (Array.isArray(pr.reportDates) && pr.reportDates.length > 0))
      );
    },
  },
  services: {
    citation: "34 CFR 300.320(a)(4), (a)(7)",
    complete: (d) => {
      const services = list(d.services);
      return (
        services.length > 0 &&
        services.every(
          (s) =>
            isDate(s.startDate) &&
            present(obj(s.frequency).times) &&
            typeof s.minutesPerSession === "number" &&
            filled(s.location) &&
            filled(s.providerRole),
        )
      );
    },
  },
  programModifications: {
    citation: "34 CFR 300.320(a)(4)",
    complete: (d) => {
      const items = list(d.programModifications);
      return items.length > 0 && items.every((m) => filled(m.description));
    },
  },
  accommodations: {
    citation: "34 CFR 300.320(a)(4), (a)(6)",
    complete: (d) => {
      const items = list(d.accommodations);
      return items.length > 0 && items.every((a) => filled(a.text));
    },
  },
  assessments: {
    citation: "34 CFR 300.320(a)(6)",
    complete: (d) => {
      const items = list(d.assessments);
      return (
        items.length > 0 &&
        items.every(
          (a) =>
            filled(a.name) &&
            present(a.participation) &&
            (a.participation !== "alternate" ||
              (filled(a.whyRegularNotAppropriate) && filled(a.whyAlternateAppropriate))),
        )
      );
    },
  },
  placement: {
    citation: "34 CFR 300.320(a)(5); 300.116",
    complete: (d) => {
      const p = obj(d.placement);
      const pct = p.percentInGeneralEducation;
      if (typeof pct !== "number" && !filled(p.settingCode)) return false;
      return (typeof pct === "number" && pct >= 100) || filled(p.nonParticipationExplanation);
    },
  },
  specialFactors: {
    citation: "34 CFR 300.324(a)(2)",
    complete: (d) => {
      const f = obj(d.specialFactors);
      return ["behavior", "limitedEnglishProficiency", "braille", "communication", "assistiveTechnology"].every(
        (k) => obj(f[k]).considered === true,
      );
    },
  },
  extendedSchoolYear: { citation: "34 CFR 300.106", complete: (d) => present(obj(d.extendedSchoolYear).decision) },
  transition: {
    citation: "34 CFR 300.320(b)",
    complete: (d) => {
      const t = obj(d.transition);
      const goals = list(t.postsecondaryGoals).filter((g) => filled(g.text));
      return (
        goals.some((g) => g.area === "education-training") &&
        goals.some((g) => g.area === "employment") &&
        list(t.transitionServices).some((s) => filled(s.description))
      );
    },
  },
  transferOfRights: {
    citation: "34 CFR 300.320(c)",
    complete: (d) => isDate(obj(d.transferOfRights).studentInformedOn),
  },
  priorWrittenNotice: {
    citation: "34 CFR 300.503(b)",
    complete: (d) => {
      const n = obj(d.priorWrittenNotice);
      return (
        isDate(n.date) &&
        filled(n.actionDescription) &&
        filled(n.reasons) &&
        filled(n.safeguardsStatement) &&
        filled(n.otherFactors)
      );
    },
  },
  safeguardsNotice: { citation: "34 CFR 300.504(a)", complete: (d) => isDate(obj(d.safeguardsNotice).givenOn) },
};

const SECTION_504_COMPLETION: Partial<Record<Section504SectionKey, CompletionRule>> = {
  student: {
    citation: "34 CFR 104.33",
    complete: (d) => {
      const s = obj(d.student);
      return filled(s.firstName) && filled(s.lastName) && isDate(s.dateOfBirth);
    },
  },
  meeting: { citation: "34 CFR 104.35(c)", complete: (d) => isDate(obj(d.meeting).date) },
  attendees: {
    citation: "34 CFR 104.35(c)(3)",
    complete: (d) => list(d.attendees).filter((a) => filled(a.name)).length >= 2,
  },
  dates: {
    citation: "34 CFR 104.35(d)",
    complete: (d) => isDate(obj(d.dates).planStart) && isDate(obj(d.dates).reviewDate),
  },
  impairments: {
    citation: "34 CFR 104.3(j)",
    complete: (d) => {
      const items = list(d.impairments);
      return (
        items.length > 0 &&
        items.every(
          (i) => filled(i.name) && (!Array.isArray(i.majorLifeActivities) || i.majorLifeActivities.length > 0),
        )
      );
    },
  },
  evaluationSources: { citation: "34 CFR 104.35(c)(1)", complete: (d) => list(d.evaluationSources).length > 0 },
  accommodations: {
    citation: "34 CFR 104.33(b)",
    complete: (d) => {
      const items = list(d.accommodations);
      return items.length > 0 && items.every((a) => filled(a.text));
    },
  },
  aidsAndServices: {
    citation: "34 CFR 104.33(b)(1)",
    complete: (d) => {
      const items = list(d.aidsAndServices);
      return items.length > 0 && items.every((a) => filled(a.description));
    },
  },
  placement: { citation: "34 CFR 104.34", complete: (d) => filled(d.placement) },
  safeguardsNotice: { citation: "34 CFR 104.36", complete: (d) => isDate(obj(d.safeguardsNotice).givenOn) },
};

export type SectionProgress = {
  key: string;
  /** "complete" and "incomplete" count toward progress; "not-applicable" and "not-counted" do not. */
  state: "complete" | "incomplete" | "not-applicable" | "not-counted";
  citation: string | null;
  notApplicable: NotApplicable | null;
};

/** One section's state: not applicable (with why), complete, incomplete, or not counted (no completeness rule: signatures, consent, amendment). */
export function sectionProgress(
  doc: Doc,
  key: IepSectionKey | Section504SectionKey,
  rules: ProgressRules,
  today?: string,
): SectionProgress {
  const na = sectionNotApplicable(doc, key, rules, today);
  if (na) return { key, state: "not-applicable", citation: na.citation, notApplicable: na };
  const rule =
    doc.type === "iep" ? IEP_COMPLETION[key as IepSectionKey] : SECTION_504_COMPLETION[key as Section504SectionKey];
  if (!rule) return { key, state: "not-counted", citation: null, notApplicable: null };
  return { key, state: rule.complete(doc) ? "complete" : "incomplete", citation: rule.citation, notApplicable: null };
}

/** The progress over the sections the editor shows: how many of those that apply are complete. */
export function planProgress(
  doc: Doc,
  keys: ReadonlyArray<IepSectionKey | Section504SectionKey>,
  rules: ProgressRules,
  today?: string,
): { sections: SectionProgress[]; complete: number; total: number } {
  const sections = [...new Set(keys)].map((k) => sectionProgress(doc, k, rules, today));
  const counted = sections.filter((s) => s.state === "complete" || s.state === "incomplete");
  return { sections, complete: counted.filter((s) => s.state === "complete").length, total: counted.length };
}
