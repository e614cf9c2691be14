/**
 * The record of access keeps its person and student ids without foreign keys.
 *
 * Each foreign key made every insert lock the referenced `people` and `students` rows (`for key
 * share`). Every read by one person locked that person's row, so concurrent reads by the same case
 * manager shared one row lock and PostgreSQL built a multixact for it on every insert: with 50
 * requests in flight the plan read spent more time on those locks than on reading the plan.
 *
 * The ids are still always real: rows are written only by the access path, after the same request
 * read the session's person and the student (see docs/decisions/0004-record-of-access-without-foreign-keys.md).
 * The log is append-only, so nothing can later point it elsewhere.
 */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table record_of_access
      drop constraint if exists record_of_access_person_id_fkey,
      drop constraint if exists record_of_access_student_id_fkey;
  `.execute(db);
}
