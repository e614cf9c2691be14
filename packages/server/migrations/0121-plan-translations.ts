/**
 * Human translations of the team's own words in a plan and its notices (decision 0027): one row
 * per translation written, append-only, so what a family was shown on any day can be rebuilt. A
 * row names the plan, the field (a JSON pointer whose list steps are item ids), the language, the
 * translation, the English it translated (so a later change of the English shows it out of date),
 * who wrote it and when. The latest row for a field and language counts. Rows are never changed;
 * they are deleted only with their ended plan, on notice (retention, migration 0115).
 */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table plan_translations (
      id uuid primary key default gen_random_uuid(),
      plan_id uuid not null references plans(id),
      version_id uuid not null references plan_versions(id),
      field text not null check (field ~ '^(/[A-Za-z0-9._:~-]+)+$' and length(field) <= 300),
      language text not null check (language in ('es')),
      text text not null check (length(btrim(text)) between 1 and 20000),
      source_text text not null check (length(source_text) <= 20000),
      translated_by uuid not null references people(id),
      translated_by_name text not null check (length(translated_by_name) <= 300),
      translated_at timestamptz not null default now()
    );
    create index plan_translations_plan_idx on plan_translations (plan_id, field, language, translated_at desc);
    -- Append-only, but a translation goes with its ended plan when a notice of destruction allows
    -- (34 CFR 300.624; the rule of migration 0115, looked up when a row is deleted).
    create function lantern_plan_translations_append_only() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' and coalesce(lantern_plan_destruction_allowed(old.plan_id), false) then
        return old;
      end if;
      raise exception 'plan_translations is append-only: % is not allowed', tg_op
        using errcode = 'insufficient_privilege';
    end $$;
    create trigger plan_translations_append_only before update or delete on plan_translations
      for each row execute function lantern_plan_translations_append_only();

    -- The plan check reads the translations (parts of the plan and notices left in English for a
    -- family that reads Spanish): a new one queues the plan again.
    create function lantern_queue_plan_translation() returns trigger language plpgsql as $$
    begin
      insert into compliance_queue (plan_id, district_id, school_id, student_id)
      select p.id, p.district_id, p.school_id, p.student_id from plans p where p.id = new.plan_id
      on conflict (plan_id) do nothing;
      return null;
    end $$;
    create trigger plan_translations_queue after insert on plan_translations
      for each row execute function lantern_queue_plan_translation();
  `.execute(db);
}
