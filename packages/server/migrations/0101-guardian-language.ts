/**
 * Each guardian's preferred language and interpreter need on the student's record (34 CFR
 * 300.503(c), 300.322(e), 300.9): on the guardian's link to the student, set by staff or by the
 * roster. A null language is "not recorded" (never assumed English).
 */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table guardianships
      add column language text check (language ~ '^[a-z]{2,8}(-[a-z0-9]{2,8})*$' and length(language) <= 35),
      add column interpreter_needed boolean not null default false;

    -- The plan check reads the guardians' languages (notices in the native language, 300.503(c);
    -- an interpreter at meetings, 300.322(e)): a change queues the student's plans again.
    create function lantern_queue_guardian_language() returns trigger language plpgsql as $$
    begin
      insert into compliance_queue (plan_id, district_id, school_id, student_id)
      select p.id, p.district_id, p.school_id, p.student_id from plans p where p.student_id = new.student_id
      order by p.id on conflict (plan_id) do nothing;
      return null;
    end $$;
    create trigger guardianships_language_update after update of language, interpreter_needed on guardianships
      for each row when (old.language is distinct from new.language
                         or old.interpreter_needed is distinct from new.interpreter_needed)
      execute function lantern_queue_guardian_language();
    create trigger guardianships_language_insert after insert on guardianships
      for each row when (new.language is not null or new.interpreter_needed)
      execute function lantern_queue_guardian_language();
  `.execute(db);
}
