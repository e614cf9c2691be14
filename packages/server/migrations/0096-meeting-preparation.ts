/**
 * Meeting preparation for families: the family's concerns and questions for a meeting (34 CFR
 * 300.324(a)(1)(ii)) and, in California, its notice that it will audio-record the meeting (Ed. Code
 * 56341.1(g)(1)); a frozen copy of a draft the team shares before the meeting; comments on its
 * goals, services and accommodations, and the team's answers. Shares and comments are append-only.
 */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table meeting_preparations (
      meeting_id uuid primary key references plan_meetings(id),
      student_id uuid not null references students(id),
      concerns text not null default '' check (length(concerns) <= 8000),
      questions text not null default '' check (length(questions) <= 8000),
      will_audio_record boolean not null default false,
      recording_notice_given_at timestamptz,
      recording_notice text,
      updated_by uuid not null references people(id),
      updated_at timestamptz not null default now()
    );
    create index meeting_preparations_student_idx on meeting_preparations (student_id);

    create table shared_drafts (
      id uuid primary key default gen_random_uuid(),
      student_id uuid not null references students(id),
      meeting_id uuid not null references plan_meetings(id),
      plan_id uuid not null references plans(id),
      version_id uuid not null references plan_versions(id),
      version_number integer not null,
      items jsonb not null,
      shared_by uuid not null references people(id),
      shared_at timestamptz not null default now()
    );
    create index shared_drafts_meeting_idx on shared_drafts (meeting_id, shared_at desc);
    create trigger shared_drafts_append_only before update or delete on shared_drafts
      for each row execute function lantern_forbid_change();

    create table draft_comments (
      id uuid primary key default gen_random_uuid(),
      share_id uuid not null references shared_drafts(id),
      student_id uuid not null references students(id),
      item_kind text not null check (item_kind in ('goal','service','accommodation')),
      item_id text not null,
      answers_id uuid references draft_comments(id),
      body text not null check (length(body) between 1 and 4000),
      written_by uuid not null references people(id),
      written_at timestamptz not null default now()
    );
    create index draft_comments_share_idx on draft_comments (share_id, written_at, id);
    create trigger draft_comments_append_only before update or delete on draft_comments
      for each row execute function lantern_forbid_change();
  `.execute(db);
}
