/**
 * Roster import: a school may carry the code the district's student information system (SIS)
 * uses for it, and a student's local (SIS) id is unique within the district, so that loading the
 * roster again updates the same students instead of adding them twice.
 */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table schools add column code text;
    create unique index schools_district_code_idx on schools (district_id, code) where code is not null;
    create unique index students_district_local_id_idx on students (district_id, local_id)
      where local_id is not null;
  `.execute(db);
}
