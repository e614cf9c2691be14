/**
 * Records requests (34 CFR 300.613; Cal. Ed. Code 56504): a family's request to inspect or copy the
 * child's records, made in the app or received by the district on paper or by phone, and its
 * history (received, acknowledged, records provided). Both tables are append-only: a request's
 * history is evidence.
 */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table records_requests (
      id uuid primary key default gen_random_uuid(),
      student_id uuid not null references students(id),
      channel text not null check (channel in ('app','written','oral')),
      received_on date not null,
      requester text not null check (length(requester) between 1 and 200),
      requested_by uuid references people(id),
      scope text not null default '' check (length(scope) <= 2000),
      created_by uuid not null references people(id),
      created_at timestamptz not null default now()
    );
    create index records_requests_student_idx on records_requests (student_id, received_on desc, id);
    create trigger records_requests_append_only before update or delete on records_requests
      for each row execute function lantern_forbid_change();

    create table records_request_events (
      id uuid primary key default gen_random_uuid(),
      request_id uuid not null references records_requests(id),
      kind text not null check (kind in ('received','acknowledged','fulfilled')),
      occurred_on date not null,
      person_id uuid not null references people(id),
      note text not null default '' check (length(note) <= 2000),
      created_at timestamptz not null default now(),
      unique (request_id, kind)
    );
    create trigger records_request_events_append_only before update or delete on records_request_events
      for each row execute function lantern_forbid_change();
  `.execute(db);
}
