/**
 * Compliance: each district's school calendar and settings (due-soon window, Section 504
 * reevaluation interval, boilerplate threshold), and the stored results of checking each plan —
 * findings and deadlines — kept up to date when a plan changes, so dashboards read indexed rows
 * instead of re-checking plans per request. Deadline states (due, due soon, overdue) depend on
 * the day, so only due dates are stored and states are computed in the query.
 * Personal calendar feeds (ICS) are reached by a secret token; only its SHA-256 is stored.
 */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table district_calendars (
      district_id uuid primary key references districts(id),
      calendar jsonb not null,
      updated_by uuid references people(id),
      updated_at timestamptz not null default now()
    );

    create table compliance_settings (
      district_id uuid primary key references districts(id),
      due_soon_days integer not null default 30 check (due_soon_days between 0 and 365),
      section504_reevaluation_years integer not null default 3 check (section504_reevaluation_years between 1 and 6),
      boilerplate_min_students integer not null default 10 check (boilerplate_min_students >= 1),
      updated_by uuid references people(id),
      updated_at timestamptz not null default now()
    );

    create table plan_compliance (
      plan_id uuid primary key references plans(id),
      version_id uuid references plan_versions(id),
      district_id uuid not null references districts(id),
      school_id uuid not null references schools(id),
      student_id uuid not null references students(id),
      plan_type text not null check (plan_type in ('iep','section-504')),
      plan_status text not null,
      -- What the results were computed from, to find stale rows.
      plan_updated_at timestamptz not null,
      version_updated_at timestamptz,
      computed_for date not null,
      -- The first day on which the results can change with time alone (a meeting or start date
      -- passing, a new school year); null when only a change to the plan can change them.
      recheck_on date,
      computed_at timestamptz not null default now(),
      error_count integer not null default 0,
      warning_count integer not null default 0,
      info_count integer not null default 0,
      -- MinHash signature of the accommodations (core boilerplate.ts), computed once per version.
      accommodation_signature jsonb
    );
    create index plan_compliance_school_idx on plan_compliance (school_id, plan_status);
    create index plan_compliance_district_idx on plan_compliance (district_id, plan_status);
    create index plan_compliance_student_idx on plan_compliance (student_id);

    create table plan_findings (
      id bigint generated always as identity primary key,
      plan_id uuid not null references plans(id),
      district_id uuid not null,
      school_id uuid not null,
      student_id uuid not null,
      code text not null,
      severity text not null check (severity in ('error','warning','info')),
      citation text not null,
      message text not null,
      place text not null,
      fix text not null
    );
    create index plan_findings_plan_idx on plan_findings (plan_id);
    create index plan_findings_district_code_idx on plan_findings (district_id, code);
    create index plan_findings_school_code_idx on plan_findings (school_id, code);
    create index plan_findings_student_idx on plan_findings (student_id);

    create table plan_deadlines (
      id bigint generated always as identity primary key,
      plan_id uuid not null references plans(id),
      district_id uuid not null,
      school_id uuid not null,
      student_id uuid not null,
      kind text not null,
      code text not null,
      citation text not null,
      label text not null,
      due_date date not null,
      start_date date,
      met_on date,
      basis text not null check (basis in ('federal','state')),
      notes jsonb not null default '[]'::jsonb
    );
    create index plan_deadlines_plan_idx on plan_deadlines (plan_id);
    create index plan_deadlines_district_due_idx on plan_deadlines (district_id, due_date, id) where met_on is null;
    create index plan_deadlines_school_due_idx on plan_deadlines (school_id, due_date, id) where met_on is null;
    create index plan_deadlines_student_due_idx on plan_deadlines (student_id, due_date);

    -- Bumped whenever a district's stored results change: dashboards cache their answers per revision.
    create table compliance_revisions (
      district_id uuid primary key references districts(id),
      revision bigint not null default 0
    );

    -- One row per district (school_id null) or school and day: the dashboard's headline counts, for trends.
    create table compliance_snapshots (
      district_id uuid not null references districts(id),
      school_id uuid references schools(id),
      day date not null,
      plans integer not null,
      plans_with_errors integer not null,
      overdue integer not null,
      due_soon integer not null
    );
    create unique index compliance_snapshots_scope_day_idx
      on compliance_snapshots (district_id, coalesce(school_id, '00000000-0000-0000-0000-000000000000'::uuid), day);

    create table calendar_feeds (
      id uuid primary key default gen_random_uuid(),
      person_id uuid not null references people(id),
      token_sha256 char(64) not null unique,
      created_at timestamptz not null default now(),
      revoked_at timestamptz
    );
    create unique index calendar_feeds_one_active_idx on calendar_feeds (person_id) where revoked_at is null;
  `.execute(db);
}
