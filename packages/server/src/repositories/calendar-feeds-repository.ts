/**
 * Personal calendar feeds (migration 0003): a secret address per person, stored only as the
 * SHA-256 of its token; one live address a person at a time.
 */
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";

export function createCalendarFeedsRepository(db: Kysely<Database>) {
  return {
    /** Revoke the person's live feed (if any) and store a new one (in the caller's transaction). */
    async replace(personId: string, tokenSha256: string, at: Date): Promise<void> {
      await this.revoke(personId, at);
      await db
        .insertInto("calendar_feeds")
        .values({ person_id: personId, token_sha256: tokenSha256, created_at: at })
        .execute();
    },

    async revoke(personId: string, at: Date): Promise<void> {
      await db
        .updateTable("calendar_feeds")
        .set({ revoked_at: at })
        .where("person_id", "=", personId)
        .where("revoked_at", "is", null)
        .execute();
    },

    /** The person whose live feed this is (not revoked, account not disabled), or null. */
    async personOf(tokenSha256: string): Promise<string | null> {
      const row = await db
        .selectFrom("calendar_feeds as f")
        .innerJoin("people as p", "p.id", "f.person_id")
        .select("f.person_id")
        .where("f.token_sha256", "=", tokenSha256)
        .where("f.revoked_at", "is", null)
        .where("p.disabled_at", "is", null)
        .executeTakeFirst();
      return row?.person_id ?? null;
    },
  };
}
