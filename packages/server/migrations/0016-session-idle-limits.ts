/**
 * Each session keeps the idle limit it was started with (the district's setting for the person's
 * roles, in minutes): it ends that long after its last activity. Sessions started before this
 * kept the old 12-hour limit.
 */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table sessions add column idle_minutes integer not null default 720
      check (idle_minutes between 5 and 720);
  `.execute(db);
}
