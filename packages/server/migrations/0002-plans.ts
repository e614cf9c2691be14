/**
 * Plans: an IEP or a Section 504 plan is a series of versions. A draft version is editable (with a
 * revision number for optimistic concurrency); once signed it is sealed: its content and the
 * SHA-256 of its canonical JSON can no longer change, and it cannot be deleted. The database
 * enforces this with a trigger, so no code path (or hand-written SQL) can alter a signed plan.
 * Meetings (34 CFR 300.322), attendance and excusals (300.321), signatures and consent
 * (300.9, 300.300(b)) are kept beside the versions.
 */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table plans (
      id uuid primary key default gen_random_uuid(),
      student_id uuid not null references students(id),
      district_id uuid not null references districts(id),
      school_id uuid not null references schools(id),
      type text not null check (type in ('iep','section-504')),
      status text not null default 'draft'
        check (status in ('draft','proposed','signed','in-effect','amended','ended')),
      created_by uuid not null references people(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      current_version_id uuid,
      in_effect_version_id uuid,
      effective_from date,
      effective_to date,
      ended_on date,
      ended_reason text,
      ended_citation text
    );
    create index plans_student_idx on plans (student_id, created_at desc);
    create index plans_school_status_idx on plans (school_id, status, type);
    create index plans_district_status_idx on plans (district_id, status, type);

    create table plan_versions (
      id uuid primary key default gen_random_uuid(),
      plan_id uuid not null references plans(id),
      number integer not null check (number >= 1),
      parent_version_id uuid references plan_versions(id),
      content jsonb not null,
      status text not null default 'draft'
        check (status in ('draft','proposed','signed','in-effect','amended','ended')),
      revision integer not null default 1 check (revision >= 1),
      sealed_at timestamptz,
      content_sha256 char(64),
      created_by uuid not null references people(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      updated_by uuid references people(id),
      unique (plan_id, number),
      check ((sealed_at is null) = (content_sha256 is null))
    );
    create index plan_versions_plan_idx on plan_versions (plan_id, number desc);

    alter table plans add constraint plans_current_version_fk
      foreign key (current_version_id) references plan_versions(id);
    alter table plans add constraint plans_in_effect_version_fk
      foreign key (in_effect_version_id) references plan_versions(id);

    create function lantern_plan_version_sealed() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        if old.sealed_at is not null then
          raise exception 'plan version % is sealed: DELETE is not allowed', old.id
            using errcode = 'insufficient_privilege';
        end if;
        return old;
      end if;
      if old.sealed_at is not null and (
        new.content is distinct from old.content
        or new.content_sha256 is distinct from old.content_sha256
        or new.sealed_at is distinct from old.sealed_at
        or new.plan_id is distinct from old.plan_id
        or new.number is distinct from old.number
        or new.parent_version_id is distinct from old.parent_version_id
        or new.revision is distinct from old.revision
      ) then
        raise exception 'plan version % is sealed: its content cannot change', old.id
          using errcode = 'insufficient_privilege';
      end if;
      return new;
    end;
    $$;
    create trigger plan_versions_sealed before update or delete on plan_versions
      for each row execute function lantern_plan_version_sealed();

    create table plan_meetings (
      id uuid primary key default gen_random_uuid(),
      plan_id uuid not null references plans(id),
      version_id uuid not null references plan_versions(id),
      scheduled_at timestamptz not null,
      location text not null default '',
      purpose text not null default '',
      meeting_type text,
      notice_sent_on date,
      notice jsonb,
      attendees jsonb not null default '[]'::jsonb,
      excusals jsonb not null default '[]'::jsonb,
      attendance jsonb not null default '[]'::jsonb,
      attendance_recorded_at timestamptz,
      notes text not null default '',
      parent_contact_attempts jsonb not null default '[]'::jsonb,
      created_by uuid not null references people(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index plan_meetings_plan_idx on plan_meetings (plan_id, scheduled_at desc);
    create index plan_meetings_scheduled_idx on plan_meetings (scheduled_at);

    create table plan_signatures (
      id uuid primary key default gen_random_uuid(),
      version_id uuid not null references plan_versions(id),
      attendee_id text not null,
      role text not null,
      method text not null check (method in ('typed','drawn')),
      signature_text text not null default '',
      drawing text,
      meaning text not null default 'attendance' check (meaning in ('attendance','agreement')),
      signer_person_id uuid not null references people(id),
      signed_at timestamptz not null default now(),
      consent_choice text check (consent_choice in ('consent','consent-except','refuse')),
      consent_exclusions jsonb not null default '[]'::jsonb,
      unique (version_id, attendee_id)
    );
    create index plan_signatures_version_idx on plan_signatures (version_id);
    create trigger plan_signatures_append_only before update or delete on plan_signatures
      for each row execute function lantern_forbid_change();
  `.execute(db);
}
