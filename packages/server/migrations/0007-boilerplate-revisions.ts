/**
 * One revision number per school for the boilerplate index. Every server keeps the index of a
 * school's accommodation signatures in memory as a cache; a change to any plan of the school bumps
 * this number in the same transaction, so another server sees its copy is out of date and reloads
 * it from `plan_compliance` (the signatures stay in PostgreSQL; no server holds state another needs).
 */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table boilerplate_revisions (
      school_id uuid primary key references schools(id),
      revision bigint not null default 0
    );
  `.execute(db);
}
