/**
 * A family's state complaint drafts (34 CFR 300.153), kept with the student but the family's own:
 * only the student's guardians and the advocates they link read or change them (decision 0020).
 * The chosen chronology entries and their evidence are frozen when the draft is made; the words are
 * the family's to edit (each save a new revision).
 */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table complaint_drafts (
      id uuid primary key default gen_random_uuid(),
      student_id uuid not null references students(id),
      created_by uuid not null references people(id),
      evidence jsonb not null,
      text jsonb not null,
      revision integer not null default 1 check (revision >= 1),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      updated_by uuid not null references people(id)
    );
    create index complaint_drafts_student_idx on complaint_drafts (student_id, created_at desc);
  `.execute(db);
}
