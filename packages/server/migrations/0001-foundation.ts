/**
 * Foundation: tenancy (districts, schools, students, people, guardianship, role assignments
 * scoped to district / school / caseload), sessions, login throttling, the record of access
 * (34 CFR 300.614; FERPA 99.32) and the append-only audit trail.
 */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create function lantern_forbid_change() returns trigger language plpgsql as $$
    begin
      raise exception '% is append-only: % is not allowed', tg_table_name, tg_op
        using errcode = 'insufficient_privilege';
    end;
    $$;

    create table app_meta (
      key text primary key,
      value jsonb not null,
      updated_at timestamptz not null default now()
    );

    create table districts (
      id uuid primary key default gen_random_uuid(),
      name text not null,
      state char(2) not null,
      time_zone text not null default 'America/Los_Angeles',
      settings jsonb not null default '{}'::jsonb,
      created_at timestamptz not null default now()
    );

    create table schools (
      id uuid primary key default gen_random_uuid(),
      district_id uuid not null references districts(id),
      name text not null,
      created_at timestamptz not null default now()
    );
    create index schools_district_idx on schools (district_id);

    create table people (
      id uuid primary key default gen_random_uuid(),
      first_name text not null,
      last_name text not null,
      email text not null,
      password_hash text,
      preferred_language text not null default 'en',
      created_at timestamptz not null default now(),
      disabled_at timestamptz
    );
    create unique index people_email_idx on people (lower(email));

    create table role_assignments (
      id uuid primary key default gen_random_uuid(),
      person_id uuid not null references people(id),
      role text not null check (role in ('district-admin','school-admin','case-manager','section-504-coordinator',
        'teacher','related-service-provider','guardian','advocate')),
      district_id uuid not null references districts(id),
      school_id uuid references schools(id),
      created_at timestamptz not null default now()
    );
    create index role_assignments_person_idx on role_assignments (person_id);

    create table students (
      id uuid primary key default gen_random_uuid(),
      district_id uuid not null references districts(id),
      school_id uuid not null references schools(id),
      local_id text,
      first_name text not null,
      last_name text not null,
      date_of_birth date not null,
      grade text not null,
      created_at timestamptz not null default now()
    );
    create index students_school_name_idx on students (school_id, last_name, first_name, id);
    create index students_district_name_idx on students (district_id, last_name, first_name, id);

    create table guardianships (
      student_id uuid not null references students(id),
      person_id uuid not null references people(id),
      relationship text not null default 'parent',
      created_at timestamptz not null default now(),
      primary key (student_id, person_id)
    );
    create index guardianships_person_idx on guardianships (person_id);

    create table advocate_links (
      student_id uuid not null references students(id),
      advocate_id uuid not null references people(id),
      linked_by uuid not null references people(id),
      created_at timestamptz not null default now(),
      revoked_at timestamptz,
      primary key (student_id, advocate_id)
    );
    create index advocate_links_advocate_idx on advocate_links (advocate_id);

    create table caseload_members (
      person_id uuid not null references people(id),
      student_id uuid not null references students(id),
      role text not null,
      created_at timestamptz not null default now(),
      primary key (person_id, student_id)
    );
    create index caseload_members_student_idx on caseload_members (student_id);

    create table classes (
      id uuid primary key default gen_random_uuid(),
      school_id uuid not null references schools(id),
      name text not null,
      teacher_id uuid not null references people(id)
    );
    create index classes_teacher_idx on classes (teacher_id);

    create table class_enrollments (
      class_id uuid not null references classes(id),
      student_id uuid not null references students(id),
      primary key (class_id, student_id)
    );
    create index class_enrollments_student_idx on class_enrollments (student_id);

    create table sessions (
      id text primary key,
      person_id uuid not null references people(id),
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null
    );
    create index sessions_person_idx on sessions (person_id);
    create index sessions_expires_idx on sessions (expires_at);

    create table login_attempts (
      key text not null,
      attempted_at timestamptz not null default now()
    );
    create index login_attempts_key_idx on login_attempts (key, attempted_at);

    create table record_of_access (
      id bigserial primary key,
      accessed_at timestamptz not null default now(),
      person_id uuid not null references people(id),
      student_id uuid not null references students(id),
      record text not null,
      action text not null,
      purpose text not null,
      basis text not null,
      request_id text
    );
    create index record_of_access_student_idx on record_of_access (student_id, accessed_at desc);
    create index record_of_access_person_idx on record_of_access (person_id, accessed_at desc);
    create trigger record_of_access_append_only before update or delete on record_of_access
      for each row execute function lantern_forbid_change();

    create table audit_events (
      id bigserial primary key,
      occurred_at timestamptz not null default now(),
      action text not null,
      person_id uuid references people(id),
      student_id uuid references students(id),
      subject text,
      details jsonb not null default '{}'::jsonb,
      request_id text
    );
    create index audit_events_student_idx on audit_events (student_id, occurred_at desc);
    create index audit_events_action_idx on audit_events (action, occurred_at desc);
    create trigger audit_events_append_only before update or delete on audit_events
      for each row execute function lantern_forbid_change();
  `.execute(db);
}
