/**
 * Letters a family saves to the child's record, and the values the law's second pass adds.
 *
 * - `family_letters`: a letter the parent chose to keep with the record (the request as given and
 *   the letter built from it, so its words and citations stay as they were). Append-only, like
 *   navigator results.
 * - Navigator results may say `adult-services` (past the state's age, or after a regular diploma).
 * - Service sessions may be missed for a disciplinary removal or a disability-related absence, and
 *   a district's policy may count a disability-related absence as the school's responsibility.
 */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table family_letters (
      id uuid primary key default gen_random_uuid(),
      student_id uuid not null references students(id),
      saved_by uuid not null references people(id),
      saved_at timestamptz not null default now(),
      kind text not null check (kind in ('evaluation-request','section-504-meeting-request','iep-meeting-request',
        'records-request','independent-evaluation-request','prior-written-notice-request',
        'partial-consent-disagreement')),
      letter_date date not null,
      subject text not null check (length(subject) <= 500),
      request jsonb not null,
      letter jsonb not null
    );
    create index family_letters_student_idx on family_letters (student_id, saved_at desc, id);
    create trigger family_letters_append_only before update or delete on family_letters
      for each row execute function lantern_forbid_change();

    alter table navigator_results drop constraint navigator_results_recommendation_check;
    alter table navigator_results add constraint navigator_results_recommendation_check check (recommendation in
      ('iep','section-504','evaluate','no-plan','early-intervention','adult-services'));
    alter table navigator_results drop constraint navigator_results_likely_check;
    alter table navigator_results add constraint navigator_results_likely_check check (likely in
      ('iep','section-504','no-plan','early-intervention','adult-services'));

    alter table service_sessions drop constraint service_sessions_status_check;
    alter table service_sessions add constraint service_sessions_status_check check (status in
      ('delivered','student-absent','provider-absent','school-closed','student-unavailable','make-up',
       'disciplinary-removal','disability-related-absence'));

    alter table compensatory_policies drop constraint compensatory_policies_owed_reasons_check;
    alter table compensatory_policies add constraint compensatory_policies_owed_reasons_check check (owed_reasons <@
      array['provider-absent','student-unavailable','school-closed','disability-related-absence']::text[]);
  `.execute(db);
}
