/**
 * Enforcement: service sessions logged against the plan's services, progress data points for the
 * plan's goals, and each district's compensatory-services policy. Sessions and points name the
 * plan's stable service or goal id (the plan content itself lives in the plan versions); district
 * and school are stored on each row so school- and district-level summaries need no join.
 */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table service_sessions (
      id uuid primary key default gen_random_uuid(),
      district_id uuid not null references districts(id),
      school_id uuid not null references schools(id),
      student_id uuid not null references students(id),
      service_id text not null check (length(service_id) between 1 and 64),
      session_date date not null,
      -- Several sessions of one service on one day are numbered 1, 2, …; the week grid writes slot 1.
      slot smallint not null default 1 check (slot between 1 and 20),
      minutes integer not null check (minutes between 0 and 600),
      delivery text not null check (delivery in ('individual','group')),
      status text not null check (status in ('delivered','student-absent','provider-absent','school-closed',
        'student-unavailable','make-up')),
      note text check (length(note) <= 2000),
      provider_id uuid not null references people(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (student_id, service_id, session_date, slot)
    );
    create index service_sessions_school_date_idx on service_sessions (school_id, session_date);
    create index service_sessions_district_date_idx on service_sessions (district_id, session_date);
    create index service_sessions_provider_date_idx on service_sessions (provider_id, session_date);

    create table progress_data_points (
      id uuid primary key default gen_random_uuid(),
      district_id uuid not null references districts(id),
      school_id uuid not null references schools(id),
      student_id uuid not null references students(id),
      goal_id text not null check (length(goal_id) between 1 and 64),
      point_date date not null,
      value double precision not null,
      note text check (length(note) <= 2000),
      recorded_by uuid not null references people(id),
      created_at timestamptz not null default now()
    );
    create index progress_data_points_student_goal_idx on progress_data_points (student_id, goal_id, point_date);
    create index progress_data_points_school_date_idx on progress_data_points (school_id, point_date);

    create table compensatory_policies (
      district_id uuid primary key references districts(id),
      owed_reasons text[] not null default array['provider-absent','student-unavailable']::text[]
        check (owed_reasons <@ array['provider-absent','student-unavailable','school-closed']::text[]),
      behind_schedule_threshold double precision not null default 0.9
        check (behind_schedule_threshold >= 0 and behind_schedule_threshold <= 1),
      updated_by uuid references people(id),
      updated_at timestamptz not null default now()
    );
  `.execute(db);
}
