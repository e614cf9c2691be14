/**
 * The queue of plans whose stored compliance results are out of date, kept by the database itself.
 *
 * Triggers on plans, plan versions and recorded signatures add every plan a change touches (and
 * the student's other plans, whose "both plans in effect" finding may change) to
 * `compliance_queue`; the refresh takes plans off it in the transaction that stores their new
 * results. A dashboard then finds the plans to re-check with two indexed reads (this queue, and
 * results whose day-dependent `recheck_on` has come) instead of comparing every plan of a district
 * with its stored results on every request. Statement-level triggers with transition tables keep
 * bulk loads cheap (one insert per statement, not per row).
 */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table compliance_queue (
      plan_id uuid primary key references plans(id) on delete cascade,
      district_id uuid not null,
      school_id uuid not null,
      student_id uuid not null,
      queued_at timestamptz not null default now()
    );
    create index compliance_queue_district_idx on compliance_queue (district_id, school_id);
    create index compliance_queue_student_idx on compliance_queue (student_id);
    create index plan_compliance_district_recheck_idx on plan_compliance (district_id, recheck_on);
    create index plan_compliance_district_computed_idx on plan_compliance (district_id, computed_for);

    -- Plans inserted or changed: queue them and the same students' other plans.
    create function lantern_queue_changed_plans() returns trigger language plpgsql as $$
    begin
      insert into compliance_queue (plan_id, district_id, school_id, student_id)
      select p.id, p.district_id, p.school_id, p.student_id
      from plans p where p.student_id in (select distinct student_id from changed_rows)
      on conflict (plan_id) do nothing;
      return null;
    end $$;
    create trigger plans_queue_compliance_insert after insert on plans
      referencing new table as changed_rows for each statement execute function lantern_queue_changed_plans();
    create trigger plans_queue_compliance_update after update on plans
      referencing new table as changed_rows for each statement execute function lantern_queue_changed_plans();

    -- A version written or changed: queue its plan.
    create function lantern_queue_changed_versions() returns trigger language plpgsql as $$
    begin
      insert into compliance_queue (plan_id, district_id, school_id, student_id)
      select p.id, p.district_id, p.school_id, p.student_id
      from plans p where p.id in (select distinct plan_id from changed_rows)
      on conflict (plan_id) do nothing;
      return null;
    end $$;
    create trigger plan_versions_queue_compliance_insert after insert on plan_versions
      referencing new table as changed_rows for each statement execute function lantern_queue_changed_versions();
    create trigger plan_versions_queue_compliance_update after update on plan_versions
      referencing new table as changed_rows for each statement execute function lantern_queue_changed_versions();

    -- A signature recorded beside a version: queue the version's plan.
    create function lantern_queue_signed_versions() returns trigger language plpgsql as $$
    begin
      insert into compliance_queue (plan_id, district_id, school_id, student_id)
      select p.id, p.district_id, p.school_id, p.student_id
      from plans p join plan_versions v on v.plan_id = p.id
      where v.id in (select distinct version_id from changed_rows)
      on conflict (plan_id) do nothing;
      return null;
    end $$;
    create trigger plan_signatures_queue_compliance_insert after insert on plan_signatures
      referencing new table as changed_rows for each statement execute function lantern_queue_signed_versions();

    -- Plans already out of date when this migration runs.
    insert into compliance_queue (plan_id, district_id, school_id, student_id)
    select p.id, p.district_id, p.school_id, p.student_id
    from plans p
    left join plan_compliance c on c.plan_id = p.id
    left join plan_versions v on v.id = coalesce(p.in_effect_version_id, p.current_version_id)
    where (c.plan_id is null and p.status <> 'ended')
      or (c.plan_id is not null and (
        c.plan_updated_at < p.updated_at - interval '1 millisecond'
        or c.version_id is distinct from v.id
        or (v.updated_at is not null
          and (c.version_updated_at is null or c.version_updated_at < v.updated_at - interval '1 millisecond'))));
  `.execute(db);
}
