/**
 * Eligibility navigator results saved to a student's record by staff. Each row keeps the facts
 * as given and the result computed from them, so the reasons (with citations) can be shown later
 * exactly as they were. Rows are append-only: a new answer is a new row.
 */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table navigator_results (
      id uuid primary key default gen_random_uuid(),
      student_id uuid not null references students(id),
      saved_by uuid not null references people(id),
      saved_at timestamptz not null default now(),
      recommendation text not null check (recommendation in
        ('iep','section-504','evaluate','no-plan','early-intervention')),
      likely text check (likely in ('iep','section-504','no-plan','early-intervention')),
      facts jsonb not null,
      result jsonb not null
    );
    create index navigator_results_student_idx on navigator_results (student_id, saved_at desc, id);
    create trigger navigator_results_append_only before update or delete on navigator_results
      for each row execute function lantern_forbid_change();
  `.execute(db);
}
