/**
 * The communication log between the family and the school (calls, emails, meetings, notes),
 * written by either side and kept with the record. Append-only: an entry is evidence.
 */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table communications (
      id uuid primary key default gen_random_uuid(),
      student_id uuid not null references students(id),
      occurred_on date not null,
      mode text not null check (mode in ('phone','email','in-person','video','letter','note')),
      with_whom text not null check (length(with_whom) between 1 and 200),
      summary text not null check (length(summary) between 1 and 4000),
      logged_by uuid not null references people(id),
      logged_at timestamptz not null default now()
    );
    create index communications_student_idx on communications (student_id, occurred_on desc, id);
    create trigger communications_append_only before update or delete on communications
      for each row execute function lantern_forbid_change();
  `.execute(db);
}
