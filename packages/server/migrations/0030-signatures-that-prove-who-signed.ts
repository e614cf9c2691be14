/**
 * Signatures that prove who signed.
 *
 * - A session keeps how its person signed in (`password` until other ways exist), and a signature
 *   keeps the signer's session's sign-in method.
 * - A signature may be given on paper at the meeting (`method = 'paper'`): it names the staff member
 *   who entered it (`entered_by`) and the date written on the page, and its scanned page is kept in
 *   `plan_signature_scans` (PDF, PNG or JPEG found from the file's bytes, at most 5 MB), append-only
 *   like the signature itself.
 * - A signer whose legal name differs from the account's name attests it (`legal_name`).
 */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table sessions add column sign_in_method text not null default 'password'
      check (length(sign_in_method) between 1 and 40);

    alter table plan_signatures drop constraint plan_signatures_method_check;
    alter table plan_signatures add constraint plan_signatures_method_check
      check (method in ('typed','drawn','paper'));
    alter table plan_signatures
      add column legal_name text check (length(legal_name) <= 300),
      add column sign_in_method text check (length(sign_in_method) <= 40),
      add column entered_by uuid references people(id),
      add column paper_signed_on date;
    alter table plan_signatures add constraint plan_signatures_paper_check
      check ((method = 'paper') = (entered_by is not null and paper_signed_on is not null));

    create table plan_signature_scans (
      signature_id uuid primary key references plan_signatures(id),
      content_type text not null check (content_type in ('application/pdf','image/png','image/jpeg')),
      byte_size integer not null check (byte_size between 1 and 5242880),
      sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
      file_name text not null check (length(file_name) between 1 and 200),
      data bytea not null,
      uploaded_by uuid not null references people(id),
      uploaded_at timestamptz not null default now()
    );
    create trigger plan_signature_scans_append_only before update or delete on plan_signature_scans
      for each row execute function lantern_forbid_change();
  `.execute(db);
}
