/**
 * A student's date of birth changed (corrected in the app, or by the roster import): the student's
 * plans go back on the compliance queue. Ages, the transition rule (34 CFR 300.320(b): the plan in
 * effect when the student turns 16) and deadlines read it, so their stored results are out of date.
 */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create function lantern_queue_student_birth_date() returns trigger language plpgsql as $$
    begin
      insert into compliance_queue (plan_id, district_id, school_id, student_id)
      select p.id, p.district_id, p.school_id, p.student_id from plans p where p.student_id = new.id
      order by p.id on conflict (plan_id) do nothing;
      return null;
    end $$;
    create trigger students_birth_date_update after update of date_of_birth on students
      for each row when (old.date_of_birth is distinct from new.date_of_birth)
      execute function lantern_queue_student_birth_date();
  `.execute(db);
}
