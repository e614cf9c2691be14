/**
 * Server-side sessions and login throttling, kept in the database so that any number of server
 * processes can share them. The cookie holds a random token; the table holds only its SHA-256.
 */
import { createHash, randomBytes } from "node:crypto";
import {
  type RoleAssignment,
  type SignInMethod,
  type StudentAccessFacts,
  sessionTouchAfterSeconds,
} from "@lantern/core";
import { type Kysely, sql } from "kysely";
import { prepared } from "../db/prepared-statements.ts";
import type { Database } from "../db/schema.ts";
import {
  isUuid,
  type StudentAccessFactsRow,
  studentAccessFactsQuery,
  toStudentAccessFacts,
} from "./access-repository.ts";

export type SessionPerson = {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  roles: RoleAssignment[];
  /** The session's idle limit in minutes. */
  idleMinutes: number;
  /** How this session was signed in (signatures record it). */
  signInMethod: SignInMethod;
};

/** What a session lookup returns: the person, and the facts about the student the request is about. */
export type ResolvedSession = {
  person: SessionPerson;
  /** Present when the lookup was asked about a student: that id and the policy's facts (null: no such student). */
  student: { studentId: string; facts: StudentAccessFacts | null } | undefined;
};

type SessionRow = {
  id: string;
  first_name: string;
  last_name: string;
  email: string;
  expires_at: Date | string;
  last_seen_at: Date | string;
  idle_minutes: number;
  sign_in_method: SignInMethod;
  roles: RoleAssignment[];
};

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function createSessionRepository(db: Kysely<Database>) {
  return {
    /** A new session that ends `idleMinutes` after its last activity. */
    async create(personId: string, idleMinutes: number, signInMethod: SignInMethod = "password"): Promise<string> {
      const token = randomBytes(32).toString("base64url");
      await db
        .insertInto("sessions")
        .values({
          id: hashToken(token),
          person_id: personId,
          idle_minutes: idleMinutes,
          sign_in_method: signInMethod,
          expires_at: new Date(Date.now() + idleMinutes * 60_000),
        })
        .execute();
      return token;
    },

    /**
     * The signed-in person of a live session with their roles, in one round trip (every request
     * with a session cookie asks this); slides the expiry at most every few minutes. With a
     * `studentId` (a request about one student), the same query also reads the access policy's
     * facts about that student and the person (null when there is no such student), so that an
     * authorized read of a student's record starts with one query, not two. Nothing is kept in
     * memory: a session ended on any server is refused by the next request on every server.
     * An expired session is deleted. `touch` moves the expiry now (the "stay signed in" answer).
     */
    async resolveSession(
      token: string,
      studentId: string | null = null,
      touch = false,
    ): Promise<ResolvedSession | null> {
      const id = hashToken(token);
      const student = studentId !== null && isUuid(studentId) ? studentId : null;
      const query = sql<SessionRow & Partial<StudentAccessFactsRow>>`
        select p.id, p.first_name, p.last_name, p.email, s.expires_at, s.last_seen_at, s.idle_minutes, s.sign_in_method,
          coalesce((
            select json_agg(json_build_object('role', r.role, 'districtId', r.district_id, 'schoolId', r.school_id)
                            order by r.created_at)
            from role_assignments r where r.person_id = p.id), '[]'::json) as roles
          ${student === null ? sql`` : sql`, f.*`}
        from sessions s
        join people p on p.id = s.person_id
        ${student === null ? sql`` : sql`left join lateral (${studentAccessFactsQuery(sql.ref("s.person_id"), student)}) f on true`}
        where s.id = ${id} and p.disabled_at is null`;
      const result = await db.executeQuery(prepared(query.compile(db)));
      const row = result.rows[0];
      if (!row) return null;
      if (new Date(row.expires_at).getTime() <= Date.now()) {
        await db.deleteFrom("sessions").where("id", "=", id).execute();
        return null;
      }
      if (
        touch ||
        Date.now() - new Date(row.last_seen_at).getTime() > sessionTouchAfterSeconds(row.idle_minutes) * 1000
      ) {
        await db
          .updateTable("sessions")
          .set({ last_seen_at: new Date(), expires_at: new Date(Date.now() + row.idle_minutes * 60_000) })
          .where("id", "=", id)
          .execute();
      }
      return {
        person: {
          id: row.id,
          firstName: row.first_name,
          lastName: row.last_name,
          email: row.email,
          roles: row.roles,
          idleMinutes: row.idle_minutes,
          signInMethod: row.sign_in_method,
        },
        student: studentId === null ? undefined : { studentId, facts: toStudentAccessFacts(row) },
      };
    },

    async destroy(token: string): Promise<void> {
      await db.deleteFrom("sessions").where("id", "=", hashToken(token)).execute();
    },

    /** End every session of a person, on every device; answers how many there were. */
    async destroyAllOf(personId: string): Promise<number> {
      const result = await db.deleteFrom("sessions").where("person_id", "=", personId).executeTakeFirst();
      return Number(result.numDeletedRows);
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

    /**
     * Failures under a key in the window, and seconds since the last one (null with none). Run it
     * in a transaction after `lockKey` so that tries at the same moment are counted one by one.
     */
    async recentFailures(
      key: string,
      windowSeconds: number,
    ): Promise<{ count: number; secondsSinceLast: number | null }> {
      const row = await db
        .selectFrom("login_attempts")
        .select([
          sql<number>`count(*)::int`.as("n"),
          sql<number | null>`extract(epoch from clock_timestamp() - max(attempted_at))::float8`.as("since"),
        ])
        .where("key", "=", key)
        .where("attempted_at", ">", sql<Date>`now() - make_interval(secs => ${windowSeconds})`)
        .executeTakeFirstOrThrow();
      return { count: row.n, secondsSinceLast: row.since === null ? null : Number(row.since) };
    },

    /** Hold tries under this key to one at a time until the transaction ends. */
    async lockKey(key: string): Promise<void> {
      await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(db);
    },

    async recordFailure(key: string): Promise<void> {
      await db.insertInto("login_attempts").values({ key, attempted_at: sql<Date>`clock_timestamp()` }).execute();
      // Keep the table small: forget attempts older than a day.
      await db.deleteFrom("login_attempts").where("attempted_at", "<", sql<Date>`now() - interval '1 day'`).execute();
    },

    async clearFailures(key: string): Promise<void> {
      await db.deleteFrom("login_attempts").where("key", "=", key).execute();
    },
  };
}

export type SessionRepository = ReturnType<typeof createSessionRepository>;
