/**
 * What enforcement reads from the plans (migration 0002): every sealed IEP version of some
 * students that took effect, in one query. Which terms apply when is core's rule
 * (`planServiceTerms`, enforcement/plan-service-terms.ts).
 */
import { type PlanServiceTerms, planServiceTerms, type TakenEffectVersion } from "@lantern/core";
import { type Kysely, sql } from "kysely";
import type { Database } from "../db/schema.ts";

/** Read the IEP versions of some students that took effect, in one query. */
async function takenEffect(db: Kysely<Database>, studentIds: string[]): Promise<Map<string, TakenEffectVersion[]>> {
  const out = new Map<string, TakenEffectVersion[]>();
  if (studentIds.length === 0) return out;
  const rows = await sql<TakenEffectVersion & { studentId: string }>`
    select p.student_id as "studentId", p.id as "planId", p.effective_from::text as "planEffectiveFrom",
      p.ended_on::text as "planEndedOn", v.id as "versionId", v.number,
      (v.sealed_at at time zone 'UTC')::date::text as "sealedOn", v.content,
      p.in_effect_version_id as "inEffectVersionId"
    from plans p
    join plan_versions v on v.plan_id = p.id
    where p.student_id in (${sql.join(studentIds)}) and p.type = 'iep'
      and v.sealed_at is not null and v.status in ('in-effect', 'amended', 'ended')
    order by p.student_id, p.effective_from nulls last, p.created_at, v.number
  `.execute(db);
  for (const { studentId, ...r } of rows.rows) {
    const list = out.get(studentId);
    if (list) list.push(r);
    else out.set(studentId, [r]);
  }
  return out;
}

export function createEnforcementPlanSource(db: Kysely<Database>) {
  return {
    async forStudent(studentId: string): Promise<PlanServiceTerms> {
      const rows = await takenEffect(db, [studentId]);
      return planServiceTerms(rows.get(studentId) ?? []);
    },
    async forStudents(studentIds: string[]): Promise<Map<string, PlanServiceTerms>> {
      const out = new Map<string, PlanServiceTerms>();
      for (let i = 0; i < studentIds.length; i += 500) {
        const chunk = studentIds.slice(i, i + 500);
        const rows = await takenEffect(db, chunk);
        for (const id of chunk) out.set(id, planServiceTerms(rows.get(id) ?? []));
      }
      return out;
    },
  };
}
