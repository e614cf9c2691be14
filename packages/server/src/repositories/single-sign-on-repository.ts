/** Single sign-on: started sign-ins (by the hash of their state) and matching staff accounts. */
import { type Kysely, sql } from "kysely";
import type { Database } from "../db/schema.ts";
import { hashToken } from "./session-repository.ts";

const FAMILY_ROLES = ["guardian", "advocate"] as const;

export function createSingleSignOnRepository(db: Kysely<Database>) {
  return {
    async saveStart(state: string, codeVerifier: string, nonce: string, seconds: number): Promise<void> {
      await db.deleteFrom("single_sign_on_starts").where("expires_at", "<", new Date()).execute();
      await db
        .insertInto("single_sign_on_starts")
        .values({
          id: hashToken(state),
          code_verifier: codeVerifier,
          nonce,
          expires_at: new Date(Date.now() + seconds * 1000),
        })
        .execute();
    },

    /** The started sign-in of this state, used up (a state works once); undefined when unknown or expired. */
    async takeStart(state: string): Promise<{ codeVerifier: string; nonce: string } | undefined> {
      const row = await db
        .deleteFrom("single_sign_on_starts")
        .where("id", "=", hashToken(state))
        .returning(["code_verifier", "nonce", "expires_at"])
        .executeTakeFirst();
      if (!row || new Date(row.expires_at).getTime() <= Date.now()) return undefined;
      return { codeVerifier: row.code_verifier, nonce: row.nonce };
    },

    /**
     * The account with this email, whether it is active, and whether it has a staff role in the
     * district; undefined when there is no such account.
     */
    async staffByEmail(
      email: string,
      districtId: string,
    ): Promise<{ id: string; active: boolean; staff: boolean } | undefined> {
      const row = await db
        .selectFrom("people as p")
        .select([
          "p.id",
          "p.disabled_at",
          sql<boolean>`exists (select 1 from role_assignments r where r.person_id = p.id
            and r.district_id = ${districtId} and r.role not in (${sql.join(FAMILY_ROLES.map((r) => sql.lit(r)))}))`.as(
            "staff",
          ),
        ])
        .where(({ fn, eb }) => eb(fn("lower", ["p.email"]), "=", email.toLowerCase()))
        .executeTakeFirst();
      return row && { id: row.id, active: row.disabled_at === null, staff: row.staff };
    },
  };
}
