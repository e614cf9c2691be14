/**
 * A district's own measurable goal patterns, added to Lantern's built-in bank (core's
 * `BUILT_IN_GOAL_PATTERNS`) for the goal builder. A pattern is removed by marking it, so a goal
 * written from it can still be traced to what it said; removed patterns are no longer offered.
 */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table goal_patterns (
      id uuid primary key default gen_random_uuid(),
      district_id uuid not null references districts(id),
      area text not null check (area in
        ('reading','writing','math','behavior','communication','motor','self-help','transition')),
      title text not null check (length(title) between 1 and 120),
      skill text not null check (length(skill) between 1 and 300 and position('___' in skill) > 0),
      unit text not null check (length(unit) between 1 and 120),
      direction text not null check (direction in ('increase','decrease')),
      criterion text not null check (length(criterion) between 1 and 200),
      measurement_method text not null check (length(measurement_method) between 1 and 200),
      created_by uuid not null references people(id),
      created_at timestamptz not null default now(),
      removed_by uuid references people(id),
      removed_at timestamptz
    );
    create index goal_patterns_district_idx on goal_patterns (district_id, area, created_at) where removed_at is null;
  `.execute(db);
}
