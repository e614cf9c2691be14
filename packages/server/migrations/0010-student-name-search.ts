/**
 * Name search by the start of a first or last name ("riv" finds Rivera, "ana riv" finds Ana
 * Rivera), answered from indexes at any district size: lower-cased names with `text_pattern_ops`,
 * so `lower(last_name) like 'riv%'` is an index range scan whatever the collation.
 */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create index students_district_last_prefix_idx on students (district_id, lower(last_name) text_pattern_ops);
    create index students_district_first_prefix_idx on students (district_id, lower(first_name) text_pattern_ops);
  `.execute(db);
}
