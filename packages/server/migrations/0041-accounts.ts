/**
 * Accounts: one-time links to set a password (an invitation, a reset), kept only as the SHA-256
 * of the random token the message carries; each expires, is used once, and can be revoked.
 * Guardian links waiting for the person's acceptance (a roster row naming an account that belongs
 * to another district). A person's choice of email or in-app notifications, and their inbox.
 */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table account_tokens (
      id text primary key,
      person_id uuid not null references people(id),
      kind text not null check (kind in ('invitation','password-reset')),
      created_by uuid references people(id),
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      used_at timestamptz,
      revoked_at timestamptz
    );
    create index account_tokens_person_idx on account_tokens (person_id, kind, created_at desc);

    create table pending_guardian_links (
      id uuid primary key default gen_random_uuid(),
      student_id uuid not null references students(id),
      person_id uuid not null references people(id),
      district_id uuid not null references districts(id),
      relationship text not null default 'parent',
      created_by uuid references people(id),
      created_at timestamptz not null default now(),
      decided_at timestamptz,
      accepted boolean
    );
    create unique index pending_guardian_links_open_idx on pending_guardian_links (student_id, person_id)
      where decided_at is null;
    create index pending_guardian_links_person_idx on pending_guardian_links (person_id) where decided_at is null;

    alter table people add column email_notifications boolean not null default true;

    create table notifications (
      id uuid primary key default gen_random_uuid(),
      person_id uuid not null references people(id),
      kind text not null,
      title text not null check (length(title) <= 300),
      body text not null,
      link text,
      created_at timestamptz not null default now(),
      read_at timestamptz
    );
    create index notifications_person_idx on notifications (person_id, created_at desc, id);
  `.execute(db);
}
