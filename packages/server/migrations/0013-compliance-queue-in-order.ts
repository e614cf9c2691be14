/**
 * The compliance queue's triggers insert their plans in id order.
 *
 * Each trigger inserts several plans at once (a student's plans) with `on conflict do nothing`,
 * which waits for another open transaction that inserted the same plan. Two transactions that
 * inserted overlapping plans in different orders could each wait for the other (PostgreSQL then
 * cancels one of them: a user's save failed). Inserting in one order everywhere removes the circle.
 */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create or replace function lantern_queue_changed_plans() returns trigger language plpgsql as $$
    begin
      insert into compliance_queue (plan_id, district_id, school_id, student_id)
      select p.id, p.district_id, p.school_id, p.student_id
      from plans p where p.student_id in (select distinct student_id from changed_rows)
      order by p.id
      on conflict (plan_id) do nothing;
      return null;
    end $$;

    create or replace function lantern_queue_changed_versions() returns trigger language plpgsql as $$
    begin
      insert into compliance_queue (plan_id, district_id, school_id, student_id)
      select p.id, p.district_id, p.school_id, p.student_id
      from plans p where p.id in (select distinct plan_id from changed_rows)
      order by p.id
      on conflict (plan_id) do nothing;
      return null;
    end $$;

    create or replace function lantern_queue_signed_versions() returns trigger language plpgsql as $$
    begin
      insert into compliance_queue (plan_id, district_id, school_id, student_id)
      select p.id, p.district_id, p.school_id, p.student_id
      from plans p join plan_versions v on v.plan_id = p.id
      where v.id in (select distinct version_id from changed_rows)
      order by p.id
      on conflict (plan_id) do nothing;
      return null;
    end $$;
  `.execute(db);
}
