/**
 * Retention and destruction (34 CFR 300.624; docs/decisions/0018-retention-and-destruction.md):
 * the district's schedule per kind of record, each notice to a family that records past it will be
 * destroyed (and, once done, how many were), and families' requests to destroy records.
 *
 * The communication log and saved letters are append-only. Destroying them is the one change
 * allowed, and only for rows a notice covers: the transaction names its notice
 * (`set_config('lantern.destruction_offer', id, true)`), the notice must belong to the row's
 * student and kind, be given in an earlier transaction, not be used yet, and reach past the row's
 * date. Anything else is refused as before. The audit trails are not touched: a destruction adds
 * its tombstone event, so the chain of seals keeps verifying.
 */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table retention_schedules (
      district_id uuid not null references districts(id),
      record_type text not null check (record_type in ('service-log','progress-data','communications','letters')),
      years int not null check (years between 1 and 100),
      updated_by uuid references people(id),
      updated_at timestamptz not null default now(),
      primary key (district_id, record_type)
    );

    create table destruction_offers (
      id uuid primary key default gen_random_uuid(),
      district_id uuid not null references districts(id),
      student_id uuid not null references students(id),
      record_type text not null check (record_type in ('service-log','progress-data','communications','letters')),
      before date not null,
      noticed_at timestamptz not null default now(),
      noticed_by uuid not null references people(id),
      destroyed_at timestamptz,
      destroyed_by uuid references people(id),
      destroyed_count int
    );
    create index destruction_offers_student_idx on destruction_offers (student_id, record_type, noticed_at desc);

    create table destruction_requests (
      id uuid primary key default gen_random_uuid(),
      district_id uuid not null references districts(id),
      student_id uuid not null references students(id),
      requested_by uuid not null references people(id),
      requested_at timestamptz not null default now(),
      record_types text[] not null,
      reason text not null default '' check (length(reason) <= 2000),
      status text not null default 'received' check (status in ('received','granted','refused','completed')),
      status_note text not null default '' check (length(status_note) <= 2000),
      decided_by uuid references people(id),
      decided_at timestamptz
    );
    create index destruction_requests_district_idx on destruction_requests (district_id, status, requested_at desc);
    create index destruction_requests_student_idx on destruction_requests (student_id, requested_at desc);

    create function lantern_forbid_change_but_noticed_destruction() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' and exists (
        select 1 from destruction_offers o
        where o.id::text = current_setting('lantern.destruction_offer', true)
          and o.student_id = old.student_id
          and o.record_type = tg_argv[0]
          and o.noticed_at < now()
          and o.destroyed_at is null
          and (to_jsonb(old) ->> tg_argv[1])::date < o.before) then
        return old;
      end if;
      raise exception '% is append-only: % is not allowed', tg_table_name, tg_op
        using errcode = 'insufficient_privilege';
    end;
    $$;

    drop trigger communications_append_only on communications;
    create trigger communications_append_only before update or delete on communications
      for each row execute function lantern_forbid_change_but_noticed_destruction('communications', 'occurred_on');
    drop trigger family_letters_append_only on family_letters;
    create trigger family_letters_append_only before update or delete on family_letters
      for each row execute function lantern_forbid_change_but_noticed_destruction('letters', 'letter_date');
  `.execute(db);
}
