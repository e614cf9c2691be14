/**
 * What enforcement reads from the plans (migration 0002): the dated service terms of every IEP
 * version that took effect, and the goals of the plan in effect.
 *
 * When a version's terms apply (documented in docs/enforcement.md):
 * - a plan or annual-review version: the document's `dates.planStart` (else the plan's
 *   `effective_from`, else the day it was sealed);
 * - an amendment (a version whose document records an amendment): the day it was signed and
 *   sealed, or the parent's written agreement date when that is later (34 CFR 300.324(a)(4));
 * - a plan that ended (`ended_on`: consent revoked, exit) with no later version: its services
 *   stop the day after. An expired plan awaiting its annual review is not treated as ended.
 * The plan year of the version in effect starts at the latest non-amendment version.
 */
import {
  addDays,
  type IsoDate,
  isIsoDate,
  maxDate,
  type ProgressGoal,
  progressGoalFromAnnualGoal,
  type ServiceLogPlanVersion,
  type ServicePrescription,
  ZAnnualGoal,
  ZServicePrescription,
} from "@lantern/core";
import { type Kysely, sql } from "kysely";
import type { Database } from "../db/schema.ts";

type VersionRow = {
  plan_id: string;
  plan_effective_from: string | null;
  plan_end: string | null;
  plan_status: string;
  version_id: string;
  number: number;
  has_parent: boolean;
  sealed_on: string | null;
  content: unknown;
  in_effect_version_id: string | null;
};

export type EnforcementPlanData = {
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

export function readEnforcementContent(content: unknown): EnforcementContent | null {
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

/** Read the IEP versions of some students that took effect, in one query. */
async function versionRows(db: Kysely<Database>, studentIds: string[]): Promise<Map<string, VersionRow[]>> {
  const out = new Map<string, VersionRow[]>();
  if (studentIds.length === 0) return out;
  const rows = await sql<VersionRow & { student_id: string }>`
    select p.student_id, p.id as plan_id, p.effective_from::text as plan_effective_from,
      p.ended_on::text as plan_end, p.status as plan_status,
      v.id as version_id, v.number, (v.parent_version_id is not null) as has_parent,
      (v.sealed_at at time zone 'UTC')::date::text as sealed_on, v.content, p.in_effect_version_id
    from plans p
    join plan_versions v on v.plan_id = p.id
    where p.student_id in (${sql.join(studentIds)}) and p.type = 'iep'
      and v.sealed_at is not null and v.status in ('in-effect', 'amended', 'ended')
    order by p.student_id, p.effective_from nulls last, p.created_at, v.number
  `.execute(db);
  for (const r of rows.rows) {
    const list = out.get(r.student_id);
    if (list) list.push(r);
    else out.set(r.student_id, [r]);
  }
  return out;
}

function toPlanData(rows: VersionRow[]): EnforcementPlanData {
  const planVersions: ServiceLogPlanVersion[] = [];
  let current: EnforcementPlanData["current"] = null;
  let goals: ProgressGoal[] = [];
  let yearStart: IsoDate | null = null;
  for (const r of rows) {
    const doc = readEnforcementContent(r.content);
    if (!doc) continue;
    let from: IsoDate | null;
    let label: string;
    if (doc.amendment) {
      const agreed = doc.amendment.parentWrittenAgreementDate;
      from = r.sealed_on && agreed ? maxDate(agreed, r.sealed_on) : (r.sealed_on ?? agreed);
      label = `Amendment (version ${r.number})`;
    } else {
      from = doc.planStart ?? r.plan_effective_from ?? r.sealed_on;
      label = `Plan (version ${r.number})`;
      yearStart = from;
    }
    if (!from) continue;
    planVersions.push({ label, effectiveFrom: from, services: doc.services });
    if (r.version_id === r.in_effect_version_id) {
      current = {
        planId: r.plan_id,
        versionId: r.version_id,
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
  const endedOn = rows[rows.length - 1]?.plan_end ?? null;
  if (endedOn && lastVersion && addDays(endedOn, 1) > lastVersion.effectiveFrom) {
    planVersions.push({ label: "Plan ended", effectiveFrom: addDays(endedOn, 1), services: [] });
  }
  return { planVersions, goals, current };
}

export function createEnforcementPlanSource(db: Kysely<Database>) {
  return {
    async forStudent(studentId: string): Promise<EnforcementPlanData> {
      const rows = await versionRows(db, [studentId]);
      return toPlanData(rows.get(studentId) ?? []);
    },
    async forStudents(studentIds: string[]): Promise<Map<string, EnforcementPlanData>> {
      const out = new Map<string, EnforcementPlanData>();
      for (let i = 0; i < studentIds.length; i += 500) {
        const chunk = studentIds.slice(i, i + 500);
        const rows = await versionRows(db, chunk);
        for (const id of chunk) out.set(id, toPlanData(rows.get(id) ?? []));
      }
      return out;
    },
  };
}

export type EnforcementPlanSource = ReturnType<typeof createEnforcementPlanSource>;
