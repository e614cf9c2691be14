/**
 * Second factors: authenticator-app secrets with the last time step used, recovery codes (only
 * their SHA-256), the pending sign-ins between the password and the code (only the token's
 * SHA-256), and the attempt counts that throttle codes (in `login_attempts`, shared by every
 * server process).
 */
import { randomBytes } from "node:crypto";
import { type Kysely, sql } from "kysely";
import type { Database } from "../db/schema.ts";
import { hashToken } from "./session-repository.ts";

export type StoredSecondFactor = { secret: string; confirmed: boolean; lastUsedStep: number | null };
export type PendingSignIn = { personId: string; purpose: "verify" | "enrol"; method: "password" | "oidc" };

export function createSecondFactorRepository(db: Kysely<Database>) {
  return {
    async find(personId: string): Promise<StoredSecondFactor | undefined> {
      const row = await db
        .selectFrom("second_factors")
        .select(["secret", "confirmed_at", "last_used_step"])
        .where("person_id", "=", personId)
        .executeTakeFirst();
      return row && { secret: row.secret, confirmed: row.confirmed_at !== null, lastUsedStep: row.last_used_step };
    },

    /** Keep a new secret, not yet confirmed (replacing an earlier unconfirmed one, never a confirmed one). */
    async saveUnconfirmed(personId: string, secret: string): Promise<boolean> {
      const result = await db
        .insertInto("second_factors")
        .values({ person_id: personId, secret })
        .onConflict((oc) =>
          oc
            .column("person_id")
            .doUpdateSet({ secret, created_at: sql`now()` })
            .where("second_factors.confirmed_at", "is", null),
        )
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
    },

    /**
     * Accept a code's time step: only when it is later than the last one accepted (a code is never
     * accepted twice), in one statement so that two requests with the same code cannot both pass.
     * `confirm` also marks a new secret as confirmed.
     */
    async acceptStep(personId: string, step: number, confirm: boolean): Promise<boolean> {
      const result = await db
        .updateTable("second_factors")
        .set({ last_used_step: step, ...(confirm ? { confirmed_at: new Date() } : {}) })
        .where("person_id", "=", personId)
        .where("confirmed_at", confirm ? "is" : "is not", null)
        .where((eb) => eb.or([eb("last_used_step", "is", null), eb("last_used_step", "<", step)]))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async remove(personId: string): Promise<void> {
      await db.deleteFrom("recovery_codes").where("person_id", "=", personId).execute();
      await db.deleteFrom("second_factors").where("person_id", "=", personId).execute();
    },

    async replaceRecoveryCodes(personId: string, hashes: readonly string[]): Promise<void> {
      await db.deleteFrom("recovery_codes").where("person_id", "=", personId).execute();
      await db
        .insertInto("recovery_codes")
        .values(hashes.map((code_hash) => ({ person_id: personId, code_hash, used_at: null })))
        .execute();
    },

    /** Use one recovery code; false when there is no such unused code. */
    async useRecoveryCode(personId: string, hash: string): Promise<boolean> {
      const result = await db
        .updateTable("recovery_codes")
        .set({ used_at: new Date() })
        .where("person_id", "=", personId)
        .where("code_hash", "=", hash)
        .where("used_at", "is", null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async recoveryCodesLeft(personId: string): Promise<number> {
      const row = await db
        .selectFrom("recovery_codes")
        .select(sql<number>`count(*)::int`.as("n"))
        .where("person_id", "=", personId)
        .where("used_at", "is", null)
        .executeTakeFirstOrThrow();
      return row.n;
    },

    async createPending(
      personId: string,
      purpose: PendingSignIn["purpose"],
      method: PendingSignIn["method"],
      seconds: number,
    ): Promise<string> {
      const token = randomBytes(32).toString("base64url");
      await db.deleteFrom("pending_sign_ins").where("expires_at", "<", new Date()).execute();
      await db
        .insertInto("pending_sign_ins")
        .values({
          id: hashToken(token),
          person_id: personId,
          purpose,
          method,
          expires_at: new Date(Date.now() + seconds * 1000),
        })
        .execute();
      return token;
    },

    /** A pending sign-in that has not expired, of a person who is still active. */
    async findPending(token: string): Promise<PendingSignIn | undefined> {
      const row = await db
        .selectFrom("pending_sign_ins as p")
        .innerJoin("people", "people.id", "p.person_id")
        .select(["p.person_id", "p.purpose", "p.method"])
        .where("p.id", "=", hashToken(token))
        .where("p.expires_at", ">", new Date())
        .where("people.disabled_at", "is", null)
        .executeTakeFirst();
      return row && { personId: row.person_id, purpose: row.purpose, method: row.method };
    },

    async endPending(token: string): Promise<void> {
      await db.deleteFrom("pending_sign_ins").where("id", "=", hashToken(token)).execute();
    },

    /**
     * Count this attempt, then answer how many there were in the window (this one included).
     * Counting before checking the code means that many requests at once are all counted.
     */
    async countAttempt(key: string, windowSeconds: number): Promise<number> {
      await db.insertInto("login_attempts").values({ key }).execute();
      const row = await db
        .selectFrom("login_attempts")
        .select(sql<number>`count(*)::int`.as("n"))
        .where("key", "=", key)
        .where("attempted_at", ">", sql<Date>`now() - make_interval(secs => ${windowSeconds})`)
        .executeTakeFirstOrThrow();
      return row.n;
    },

    async clearAttempts(key: string): Promise<void> {
      await db.deleteFrom("login_attempts").where("key", "=", key).execute();
    },
  };
}

export type SecondFactorRepository = ReturnType<typeof createSecondFactorRepository>;
