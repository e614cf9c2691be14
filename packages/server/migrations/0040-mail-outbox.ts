/**
 * The mail outbox (decision 0009): every message Lantern sends is first a row here, written in the
 * same transaction as the change that causes it (an invitation, a reset, a notification), and a
 * worker in the server process sends it through SMTP with retries. A mail server that is down, or
 * none configured, loses nothing: the row stays until it is sent, and district administrators see
 * their district's queue in the app.
 */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table mail_outbox (
      id uuid primary key default gen_random_uuid(),
      district_id uuid references districts(id),
      kind text not null,
      to_address text not null check (length(to_address) <= 254),
      subject text not null check (length(subject) <= 300),
      text_body text not null,
      attachments jsonb not null default '[]'::jsonb,
      created_at timestamptz not null default now(),
      attempts integer not null default 0,
      next_attempt_at timestamptz not null default now(),
      last_error text,
      sent_at timestamptz
    );
    create index mail_outbox_due_idx on mail_outbox (next_attempt_at) where sent_at is null;
    create index mail_outbox_district_idx on mail_outbox (district_id, created_at desc, id);
  `.execute(db);
}
