/**
 * Per-school boilerplate indexes (core's `BoilerplateIndex`) over the accommodation signatures
 * stored in `plan_compliance`. Each server process keeps the indexes it has used in memory, but
 * only as a cache: PostgreSQL holds the signatures and one revision number per school
 * (`boilerplate_revisions`, migration 0007). A change to a school's plans takes the school's
 * advisory lock for its transaction, checks the cached copy against the stored revision (reloading
 * it when another server changed the school since), and bumps the revision when it commits. So any
 * number of servers can share one database and agree on who shares near-duplicate accommodations.
 */
import { BoilerplateIndex, type PlanAccommodationSignature } from "@lantern/core";
import { type Kysely, sql } from "kysely";
import type { Database } from "../db/schema.ts";

type Cached = { revision: number; minOtherStudents: number; index: BoilerplateIndex };

/** Per database (the root Kysely instance, not a transaction), per school. */
const caches = new WeakMap<object, Map<string, Cached>>();

function cacheOf(root: Kysely<Database>): Map<string, Cached> {
  let map = caches.get(root);
  if (!map) {
    map = new Map();
    caches.set(root, map);
  }
  return map;
}

function parseSignature(value: unknown): PlanAccommodationSignature | null {
  const s = typeof value === "string" ? JSON.parse(value) : value;
  return (s ?? null) as PlanAccommodationSignature | null;
}

/**
 * `trx` is the transaction a change runs in (the locks are held until it ends); `root`, the
 * database itself, keys the in-memory cache.
 */
export function createBoilerplateIndexStore(trx: Kysely<Database>, root: Kysely<Database>) {
  const cache = cacheOf(root);
  return {
    /**
     * Lock the schools for the rest of the transaction (in a fixed order, so two writers cannot
     * deadlock) and return an up-to-date index for each.
     */
    async open(
      schoolIds: readonly string[],
      minOtherStudents: (schoolId: string) => number,
    ): Promise<Map<string, BoilerplateIndex>> {
      const ids = [...new Set(schoolIds)].sort();
      const out = new Map<string, BoilerplateIndex>();
      if (ids.length === 0) return out;
      await sql`select pg_advisory_xact_lock(hashtextextended('boilerplate:' || s, 0))
        from (select unnest(${ids}::text[]) as s order by 1) as schools`.execute(trx);
      const revisions = new Map(
        (
          await sql<{ school_id: string; revision: string | number }>`
            select school_id, revision from boilerplate_revisions where school_id = any(${ids}::uuid[])`.execute(trx)
        ).rows.map((r) => [r.school_id, Number(r.revision)]),
      );
      const reload: string[] = [];
      for (const id of ids) {
        const cached = cache.get(id);
        const revision = revisions.get(id) ?? 0;
        if (cached && cached.revision === revision && cached.minOtherStudents === minOtherStudents(id)) {
          out.set(id, cached.index);
        } else {
          reload.push(id);
        }
      }
      if (reload.length > 0) {
        const rows = await sql<{ school_id: string; accommodation_signature: unknown }>`
          select school_id, accommodation_signature from plan_compliance
          where school_id = any(${reload}::uuid[]) and accommodation_signature is not null
            and plan_status <> 'ended'`.execute(trx);
        const bySchool = new Map<string, PlanAccommodationSignature[]>();
        for (const r of rows.rows) {
          const sig = parseSignature(r.accommodation_signature);
          if (!sig) continue;
          const list = bySchool.get(r.school_id);
          if (list) list.push(sig);
          else bySchool.set(r.school_id, [sig]);
        }
        for (const id of reload) {
          const index = new BoilerplateIndex({ minOtherStudents: minOtherStudents(id) });
          index.load(bySchool.get(id) ?? []);
          cache.set(id, { revision: revisions.get(id) ?? 0, minOtherStudents: minOtherStudents(id), index });
          out.set(id, index);
        }
      }
      return out;
    },

    /** Record in the transaction that these schools' signatures changed; the cached copies carry the new revision. */
    async bump(schoolIds: readonly string[]): Promise<void> {
      const ids = [...new Set(schoolIds)].sort();
      if (ids.length === 0) return;
      const rows = await sql<{ school_id: string; revision: string | number }>`
        insert into boilerplate_revisions (school_id, revision)
        select s, 1 from unnest(${ids}::uuid[]) as s
        on conflict (school_id) do update set revision = boilerplate_revisions.revision + 1
        returning school_id, revision`.execute(trx);
      for (const r of rows.rows) {
        const cached = cache.get(r.school_id);
        if (cached) cached.revision = Number(r.revision);
      }
    },

    /** Drop cached copies (after a transaction that changed them failed). */
    forget(schoolIds: Iterable<string>): void {
      for (const id of schoolIds) cache.delete(id);
    },
  };
}
