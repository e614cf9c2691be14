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
  maxDate,
  type PlanDocument,
  type ProgressGoal,
  progressGoalsFromPlan,
  type ServiceLogPlanVersion,
  serviceVersionsFromPlans,
  ZPlanDocument,
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
  /** The plan in effect: its id and when it started (the current plan year), if any. */
  current: { planId: string; versionId: string; effectiveFrom: IsoDate | null; document: PlanDocument } | null;
};

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
  const effective: Array<{ label: string; effectiveFrom: IsoDate; document: PlanDocument }> = [];
  let current: EnforcementPlanData["current"] = null;
  let yearStart: IsoDate | null = null;
  for (const r of rows) {
    const parsed = ZPlanDocument.safeParse(r.content);
    if (!parsed.success) continue;
    const doc = parsed.data;
    const amendment = doc.type === "iep" ? doc.amendment : null;
    let from: IsoDate | null;
    let label: string;
    if (amendment) {
      const agreed = amendment.parentWrittenAgreementDate;
      from = r.sealed_on && agreed ? maxDate(agreed, r.sealed_on) : (r.sealed_on ?? agreed);
      label = `Amendment (version ${r.number})`;
    } else {
      from = doc.dates.planStart ?? r.plan_effective_from ?? r.sealed_on;
      label = `Plan (version ${r.number})`;
      yearStart = from;
    }
    if (!from) continue;
    effective.push({ label, effectiveFrom: from, document: doc });
    if (r.version_id === r.in_effect_version_id) {
      current = { planId: r.plan_id, versionId: r.version_id, effectiveFrom: yearStart ?? from, document: doc };
    }
  }
  const planVersions = serviceVersionsFromPlans(effective);
  const lastVersion = planVersions[planVersions.length - 1];
  // A plan that ended (consent revoked, exit) with no later plan: its services stop the day after.
  const endedOn = rows[rows.length - 1]?.plan_end ?? null;
  if (endedOn && lastVersion && addDays(endedOn, 1) > lastVersion.effectiveFrom) {
    planVersions.push({ label: "Plan ended", effectiveFrom: addDays(endedOn, 1), services: [] });
  }
  return { planVersions, goals: current ? progressGoalsFromPlan(current.document) : [], current };
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
