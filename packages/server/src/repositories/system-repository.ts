/** The database about itself: how many migrations it has run. */
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";

export function createSystemRepository(db: Kysely<Database>) {
  return {
    async migrationCount(): Promise<number> {
      const row = await db
        .selectFrom("kysely_migration")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
