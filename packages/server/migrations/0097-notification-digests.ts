/**
 * What the daily notifications remember: the day a district's digest went out (so a second run on
 * the same day sends nothing), and the services already reported as behind schedule (so a service
 * is reported when it falls behind, not every day it stays behind; a service that catches up is
 * forgotten, and reported again if it falls behind again).
 */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table notification_digests (
      district_id uuid not null references districts(id),
      day date not null,
      sent_at timestamptz not null default now(),
      primary key (district_id, day)
    );
    create table service_behind_notices (
      student_id uuid not null references students(id),
      service_id text not null,
      since date not null,
      primary key (student_id, service_id)
    );
  `.execute(db);
}
