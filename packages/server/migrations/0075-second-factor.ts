/**
 * A second factor at sign-in: each person's authenticator-app secret (TOTP, RFC 6238) with the
 * last time step used (so a code cannot be used twice), their recovery codes (only hashes), the
 * short-lived "password accepted, second factor pending" tokens (only hashes), and how each
 * session was signed in (password, password with a code, or the district's single sign-on).
 */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table second_factors (
      person_id uuid primary key references people(id),
      secret text not null,
      confirmed_at timestamptz,
      last_used_step bigint,
      created_at timestamptz not null default now()
    );

    create table recovery_codes (
      id bigserial primary key,
      person_id uuid not null references people(id),
      code_hash text not null,
      used_at timestamptz
    );
    create index recovery_codes_person_idx on recovery_codes (person_id);

    create table pending_sign_ins (
      id text primary key,
      person_id uuid not null references people(id),
      purpose text not null check (purpose in ('verify', 'enrol')),
      method text not null check (method in ('password', 'oidc')),
      expires_at timestamptz not null,
      created_at timestamptz not null default now()
    );
    create index pending_sign_ins_person_idx on pending_sign_ins (person_id);

    alter table sessions add constraint sessions_sign_in_method_known
      check (sign_in_method in ('password', 'password+totp', 'oidc', 'oidc+totp'));
  `.execute(db);
}
