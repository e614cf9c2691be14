/**
 * What enforcement reads from a student's IEP versions that took effect: the dated service terms
 * (for the minutes owed), the goals of the plan in effect (for progress) and its report dates.
 *
 * When a version's terms apply (documented in docs/enforcement.md):
 * - a plan or annual-review version: the document's `dates.planStart` (else the plan's
 *   `effective_from`, else the day it was sealed) — 34 CFR 300.323(a), (c);
 * - an amendment (a version whose document records an amendment): the day it was signed and
 *   sealed, or the parent's written agreement date when that is later (34 CFR 300.324(a)(4));
 * - a plan that ended (consent revoked, exit) with no later version: its services stop the day
 *   after (34 CFR 300.300(b)(4)). An expired plan awaiting its annual review is not treated as ended.
 * The plan year of the version in effect starts at the latest non-amendment version.
 */

import { ZAnnualGoal } from "../plans/iep-document.ts";
import { type ServicePrescription, ZServicePrescription } from "../services/service-prescription.ts";
import { addDays, type IsoDate, isIsoDate, maxDate } from "../shared/dates.ts";
import { type ProgressGoal, progressGoalFromAnnualGoal } from "./progress.ts";
import type { ServiceLogPlanVersion } from "./service-log.ts";

export const AMENDMENT_EFFECTIVE_CITATION = "34 CFR 300.324(a)(4)";
export const PLAN_START_CITATION = "34 CFR 300.323(a), (c)";
export const PLAN_ENDED_CITATION = "34 CFR 300.300(b)(4)";

/** One sealed IEP version that took effect (in effect, amended or ended), as stored. */
export type TakenEffectVersion = {
  planId: string;
  /** The plan's `effective_from`. */
  planEffectiveFrom: IsoDate | null;
  /** The plan's `ended_on` (consent revoked, exit). */
  planEndedOn: IsoDate | null;
  versionId: string;
  number: number;
  /** The day the version was signed and sealed. */
  sealedOn: IsoDate | null;
  /** The stored document (read without parsing the whole of it). */
  content: unknown;
  inEffectVersionId: string | null;
};

export type PlanServiceTerms = {
  /** Dated service terms, oldest first (ready for the service-minutes math). */
  planVersions: ServiceLogPlanVersion[];
  /** Goals of the IEP in effect (quantified ones only). */
  goals: ProgressGoal[];
  /** The plan in effect: its id, when its plan year started, its goal ids and report dates. */
  current: {
    planId: string;
    versionId: string;
    effectiveFrom: IsoDate | null;
    goalIds: string[];
    reportDates: IsoDate[];
  } | null;
};

/**
 * Only the parts enforcement needs, read from a sealed version's content without parsing the
 * whole document (thousands of plans are read for a district report): the type, start date,
 * amendment, complete services, goals and report dates.
 */
type EnforcementContent = {
  isIep: boolean;
  planStart: IsoDate | null;
  amendment: { parentWrittenAgreementDate: IsoDate | null } | null;
  services: ServicePrescription[];
  goalIds: string[];
  goals: ProgressGoal[];
  reportDates: IsoDate[];
};

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

function asDate(value: unknown): IsoDate | null {
  return typeof value === "string" && isIsoDate(value) ? value : null;
}

function readEnforcementContent(content: unknown): EnforcementContent | null {
  const doc = asRecord(content);
  if (!doc) return null;
  const isIep = doc.type === "iep";
  const dates = asRecord(doc.dates);
  const amendment = isIep ? asRecord(doc.amendment) : null;
  const list = (v: unknown) => (Array.isArray(v) ? (v as unknown[]) : []);
  const goals: ProgressGoal[] = [];
  const goalIds: string[] = [];
  if (isIep) {
    for (const g of list(doc.goals)) {
      const parsed = ZAnnualGoal.safeParse(g);
      if (!parsed.success) continue;
      goalIds.push(parsed.data.id);
      const goal = progressGoalFromAnnualGoal(parsed.data);
      if (goal) goals.push(goal);
    }
  }
  return {
    isIep,
    planStart: asDate(dates?.planStart),
    amendment: amendment ? { parentWrittenAgreementDate: asDate(amendment.parentWrittenAgreementDate) } : null,
    services: isIep
      ? list(doc.services).flatMap((x) => {
          const parsed = ZServicePrescription.safeParse(x);
          return parsed.success ? [parsed.data] : [];
        })
      : [],
    goalIds,
    goals,
    reportDates: isIep ? list(asRecord(doc.progressReporting)?.reportDates).flatMap((d) => asDate(d) ?? []) : [],
  };
}

/**
 * When an amendment's terms apply: the day it was sealed, or the parent's written agreement when
 * that is later (34 CFR 300.324(a)(4)).
 */
export function amendmentEffectiveDate(sealedOn: IsoDate | null, parentWrittenAgreementDate: IsoDate | null) {
  return sealedOn && parentWrittenAgreementDate
    ? maxDate(parentWrittenAgreementDate, sealedOn)
    : (sealedOn ?? parentWrittenAgreementDate);
}

/** The service terms of one student's IEP versions that took effect (in plan and version order). */
export function planServiceTerms(versions: readonly TakenEffectVersion[]): PlanServiceTerms {
  const planVersions: ServiceLogPlanVersion[] = [];
  let current: PlanServiceTerms["current"] = null;
  let goals: ProgressGoal[] = [];
  let yearStart: IsoDate | null = null;
  for (const r of versions) {
    const doc = readEnforcementContent(r.content);
    if (!doc) continue;
    let from: IsoDate | null;
    let label: string;
    if (doc.amendment) {
      from = amendmentEffectiveDate(r.sealedOn, doc.amendment.parentWrittenAgreementDate);
      label = `Amendment (version ${r.number})`;
    } else {
      from = doc.planStart ?? r.planEffectiveFrom ?? r.sealedOn;
      label = `Plan (version ${r.number})`;
      yearStart = from;
    }
    if (!from) continue;
    planVersions.push({ label, effectiveFrom: from, services: doc.services });
    if (r.versionId === r.inEffectVersionId) {
      current = {
        planId: r.planId,
        versionId: r.versionId,
        effectiveFrom: yearStart ?? from,
        goalIds: doc.goalIds,
        reportDates: doc.reportDates,
      };
      goals = doc.goals;
    }
  }
  planVersions.sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0));
  const lastVersion = planVersions[planVersions.length - 1];
  // A plan that ended (consent revoked, exit) with no later plan: its services stop the day after.
  const endedOn = versions[versions.length - 1]?.planEndedOn ?? null;
  if (endedOn && lastVersion && addDays(endedOn, 1) > lastVersion.effectiveFrom) {
    planVersions.push({ label: "Plan ended", effectiveFrom: addDays(endedOn, 1), services: [] });
  }
  return { planVersions, goals, current };
}
