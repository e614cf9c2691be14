/**
 * Requests to amend a record (34 CFR 300.618-300.621; FERPA 34 CFR 99.20-99.22): the family names
 * the record, what is wrong with it and what it should say; the district may set the date it will
 * decide by, then amends or refuses; after a refusal the family's statement is kept with the
 * record (300.620(c)). Both tables are append-only: the history is evidence, and the statement must
 * last as long as the record.
 */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table amendment_requests (
      id uuid primary key default gen_random_uuid(),
      student_id uuid not null references students(id),
      requested_on date not null,
      requested_by uuid not null references people(id),
      record text not null check (length(record) between 1 and 300),
      problem text not null check (problem in ('inaccurate','misleading','privacy')),
      explanation text not null check (length(explanation) between 1 and 4000),
      proposed text not null check (length(proposed) between 1 and 4000),
      created_at timestamptz not null default now()
    );
    create index amendment_requests_student_idx on amendment_requests (student_id, requested_on desc, id);
    create trigger amendment_requests_append_only before update or delete on amendment_requests
      for each row execute function lantern_forbid_change();

    create table amendment_request_events (
      id uuid primary key default gen_random_uuid(),
      request_id uuid not null references amendment_requests(id),
      kind text not null check (kind in ('deadline-set','amended','refused','statement')),
      occurred_on date not null,
      person_id uuid not null references people(id),
      text text not null default '' check (length(text) <= 4000),
      decide_by date,
      created_at timestamptz not null default now(),
      check ((kind = 'deadline-set') = (decide_by is not null))
    );
    create index amendment_request_events_request_idx on amendment_request_events (request_id, created_at);
    -- One decision and one statement per request; the decision date may be set more than once.
    create unique index amendment_request_events_decision_idx on amendment_request_events (request_id)
      where kind in ('amended','refused');
    create unique index amendment_request_events_statement_idx on amendment_request_events (request_id)
      where kind = 'statement';
    create trigger amendment_request_events_append_only before update or delete on amendment_request_events
      for each row execute function lantern_forbid_change();
  `.execute(db);
}
