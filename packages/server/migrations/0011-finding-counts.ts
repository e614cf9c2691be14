/**
 * Each plan's stored results also keep their findings counted by code and severity
 * (`{"goals.not-measurable|error": 2, …}`), written with the findings. Dashboards add these up over
 * the plans in scope instead of grouping every finding row of a district (about seven rows a plan,
 * each with its message), which is what a cold dashboard spent most of its time on.
 */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table plan_compliance add column finding_counts jsonb not null default '{}'::jsonb;
    update plan_compliance c set finding_counts = coalesce((
      select jsonb_object_agg(k, n) from (
        select f.code || '|' || f.severity as k, count(*) as n
        from plan_findings f where f.plan_id = c.plan_id group by 1
      ) counted), '{}'::jsonb);
  `.execute(db);
}
