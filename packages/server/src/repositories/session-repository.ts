/**
 * Server-side sessions and login throttling, kept in the database so that any number of server
 * processes can share them. The cookie holds a random token; the table holds only its SHA-256.
 */
import { createHash, randomBytes } from "node:crypto";
import type { RoleAssignment } from "@lantern/core";
import { type Kysely, sql } from "kysely";
import type { Database } from "../db/schema.ts";

export const SESSION_IDLE_MINUTES = 12 * 60;
/** Refresh last_seen/expiry at most this often, so reads do not write on every request. */
const TOUCH_AFTER_MS = 5 * 60 * 1000;

export type SessionPerson = {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  roles: RoleAssignment[];
};

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function createSessionRepository(db: Kysely<Database>) {
  return {
    async create(personId: string): Promise<string> {
      const token = randomBytes(32).toString("base64url");
      await db
        .insertInto("sessions")
        .values({
          id: hashToken(token),
          person_id: personId,
          expires_at: new Date(Date.now() + SESSION_IDLE_MINUTES * 60_000),
        })
        .execute();
      return token;
    },

    /**
     * The signed-in person of a live session with their roles, in one round trip (every request
     * with a session cookie asks this); slides the expiry at most every few minutes.
     */
    async resolvePerson(token: string): Promise<SessionPerson | null> {
      const id = hashToken(token);
      const row = await db
        .selectFrom("sessions as s")
        .innerJoin("people as p", "p.id", "s.person_id")
        .select([
          "p.id",
          "p.first_name",
          "p.last_name",
          "p.email",
          "s.expires_at",
          "s.last_seen_at",
          sql<SessionPerson["roles"]>`coalesce((
            select json_agg(json_build_object('role', r.role, 'districtId', r.district_id, 'schoolId', r.school_id)
                            order by r.created_at)
            from role_assignments r where r.person_id = p.id), '[]'::json)`.as("roles"),
        ])
        .where("s.id", "=", id)
        .where("p.disabled_at", "is", null)
        .executeTakeFirst();
      if (!row || row.expires_at.getTime() <= Date.now()) return null;
      if (Date.now() - row.last_seen_at.getTime() > TOUCH_AFTER_MS) {
        await db
          .updateTable("sessions")
          .set({ last_seen_at: new Date(), expires_at: new Date(Date.now() + SESSION_IDLE_MINUTES * 60_000) })
          .where("id", "=", id)
          .execute();
      }
      return { id: row.id, firstName: row.first_name, lastName: row.last_name, email: row.email, roles: row.roles };
    },

    async destroy(token: string): Promise<void> {
      await db.deleteFrom("sessions").where("id", "=", hashToken(token)).execute();
    },

    /** Record a failed sign-in and return how many failures the key had in the window. */
    async countRecentFailures(key: string, windowSeconds: number): Promise<number> {
      const row = await db
        .selectFrom("login_attempts")
        .select(sql<number>`count(*)::int`.as("n"))
        .where("key", "=", key)
        .where("attempted_at", ">", sql<Date>`now() - make_interval(secs => ${windowSeconds})`)
        .executeTakeFirstOrThrow();
      return row.n;
    },

    async recordFailure(key: string): Promise<void> {
      await db.insertInto("login_attempts").values({ key }).execute();
      // Keep the table small: forget attempts older than a day.
      await db.deleteFrom("login_attempts").where("attempted_at", "<", sql<Date>`now() - interval '1 day'`).execute();
    },

    async clearFailures(key: string): Promise<void> {
      await db.deleteFrom("login_attempts").where("key", "=", key).execute();
    },
  };
}

export type SessionRepository = ReturnType<typeof createSessionRepository>;
