/**
 * Accounts: people's sign-in state (password set, deactivated), their staff roles, one-time
 * password links (only the token's SHA-256 is stored) and caseload transfers.
 */
import { createHash, randomBytes } from "node:crypto";
import {
  CASELOAD_ROLES,
  type ProviderDiscipline,
  type Role,
  type RoleAssignment,
  STAFF_ROLES,
  ZProviderDiscipline,
} from "@lantern/core";
import { type Kysely, sql } from "kysely";
import type { Database } from "../db/schema.ts";

export type TokenKind = "invitation" | "password-reset";

export type AccountRow = {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  hasPassword: boolean;
  disabledAt: Date | null;
  roles: RoleAssignment[];
};

export type PersonListRow = {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  hasPassword: boolean;
  disabled: boolean;
  roles: RoleAssignment[];
  caseloadSize: number;
  invitationExpiresAt: string | null;
  /** A related-service provider's discipline (a core service area code), or null. */
  discipline: ProviderDiscipline | null;
};

export type TokenRow = {
  id: string;
  personId: string;
  kind: TokenKind;
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
};

/** A stored discipline, read back as a core service area code (null when unknown or none). */
function disciplineOf(stored: string | null): ProviderDiscipline | null {
  const parsed = ZProviderDiscipline.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

const tokenHash = (token: string) => createHash("sha256").update(token).digest("hex");

export function createAccountsRepository(db: Kysely<Database>) {
  async function rolesOf(personId: string): Promise<RoleAssignment[]> {
    const rows = await db
      .selectFrom("role_assignments")
      .select(["role", "district_id", "school_id"])
      .where("person_id", "=", personId)
      .orderBy("created_at")
      .execute();
    return rows.map((r) => ({ role: r.role as Role, districtId: r.district_id, schoolId: r.school_id }));
  }

  async function account(where: { id: string } | { email: string }): Promise<AccountRow | null> {
    let q = db.selectFrom("people").select(["id", "first_name", "last_name", "email", "password_hash", "disabled_at"]);
    q =
      "id" in where
        ? q.where("id", "=", where.id)
        : q.where(({ fn, eb }) => eb(fn("lower", ["email"]), "=", where.email.toLowerCase()));
    const p = await q.executeTakeFirst();
    if (!p) return null;
    return {
      id: p.id,
      firstName: p.first_name,
      lastName: p.last_name,
      email: p.email,
      hasPassword: p.password_hash !== null,
      disabledAt: p.disabled_at,
      roles: await rolesOf(p.id),
    };
  }

  return {
    rolesOf,
    byId: (id: string) => account({ id }),
    byEmail: (email: string) => account({ email }),

    /** Of these emails, the people with no password yet (to invite). */
    async withoutPassword(emails: string[]): Promise<Array<{ id: string; firstName: string; email: string }>> {
      if (emails.length === 0) return [];
      const rows = await sql<{ id: string; first_name: string; email: string }>`
        select id, first_name, email from people
        where lower(email) = any(${emails.map((e) => e.toLowerCase())}::text[]) and password_hash is null
          and disabled_at is null`.execute(db);
      return rows.rows.map((r) => ({ id: r.id, firstName: r.first_name, email: r.email }));
    },

    async districtName(districtId: string): Promise<string> {
      const d = await db.selectFrom("districts").select("name").where("id", "=", districtId).executeTakeFirst();
      return d?.name ?? "";
    },

    async schools(districtId: string, schoolId: string | null): Promise<Array<{ id: string; name: string }>> {
      let q = db.selectFrom("schools").select(["id", "name"]).where("district_id", "=", districtId);
      if (schoolId !== null) q = q.where("id", "=", schoolId);
      return q.orderBy("name").execute();
    },

    async createPerson(p: { firstName: string; lastName: string; email: string }): Promise<string> {
      const row = await db
        .insertInto("people")
        .values({ first_name: p.firstName, last_name: p.lastName, email: p.email })
        .returning("id")
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async addRole(personId: string, role: Pick<RoleAssignment, "role" | "districtId" | "schoolId">): Promise<void> {
      await db
        .insertInto("role_assignments")
        .values({ person_id: personId, role: role.role, district_id: role.districtId, school_id: role.schoolId })
        .execute();
    },

    /** A related-service provider's declared discipline (a core service area code), or null. */
    async discipline(personId: string): Promise<ProviderDiscipline | null> {
      const row = await db.selectFrom("people").select("discipline").where("id", "=", personId).executeTakeFirst();
      return disciplineOf(row?.discipline ?? null);
    },

    /** Set (or clear, with null) a person's discipline. */
    async setDiscipline(personId: string, discipline: ProviderDiscipline | null): Promise<void> {
      await db.updateTable("people").set({ discipline }).where("id", "=", personId).execute();
    },

    /** Replace the person's staff roles in one district (family roles and other districts stay). */
    async replaceStaffRoles(
      personId: string,
      districtId: string,
      roles: Array<{ role: Role; schoolId: string | null }>,
    ): Promise<void> {
      await db
        .deleteFrom("role_assignments")
        .where("person_id", "=", personId)
        .where("district_id", "=", districtId)
        .where("role", "in", [...STAFF_ROLES])
        .execute();
      if (roles.length > 0) {
        await db
          .insertInto("role_assignments")
          .values(
            roles.map((r) => ({ person_id: personId, role: r.role, district_id: districtId, school_id: r.schoolId })),
          )
          .execute();
      }
    },

    /** A new one-time link: answers the token for the message (only its hash is stored). */
    async createToken(
      personId: string,
      kind: TokenKind,
      createdBy: string | null,
      times: { now: Date; expiresAt: Date },
    ): Promise<string> {
      const token = randomBytes(32).toString("base64url");
      await db
        .insertInto("account_tokens")
        .values({
          id: tokenHash(token),
          person_id: personId,
          kind,
          created_by: createdBy,
          created_at: times.now,
          expires_at: times.expiresAt,
        })
        .execute();
      return token;
    },

    async findToken(token: string): Promise<TokenRow | null> {
      const row = await db
        .selectFrom("account_tokens")
        .selectAll()
        .where("id", "=", tokenHash(token))
        .executeTakeFirst();
      return row
        ? {
            id: row.id,
            personId: row.person_id,
            kind: row.kind,
            expiresAt: new Date(row.expires_at),
            usedAt: row.used_at,
            revokedAt: row.revoked_at,
          }
        : null;
    },

    /** Mark a link used, once: false when it was already used, revoked or had expired at `now`. */
    async useToken(id: string, now: Date): Promise<boolean> {
      const rows = await db
        .updateTable("account_tokens")
        .set({ used_at: now })
        .where("id", "=", id)
        .where("used_at", "is", null)
        .where("revoked_at", "is", null)
        .where("expires_at", ">", now)
        .returning("id")
        .execute();
      return rows.length === 1;
    },

    /** Revoke the person's open links (of one kind, or all): answers how many. */
    async revokeTokens(personId: string, now: Date, kind?: TokenKind): Promise<number> {
      let q = db
        .updateTable("account_tokens")
        .set({ revoked_at: now })
        .where("person_id", "=", personId)
        .where("used_at", "is", null)
        .where("revoked_at", "is", null);
      if (kind) q = q.where("kind", "=", kind);
      const rows = await q.returning("id").execute();
      return rows.length;
    },

    /** Links of a kind made for the person since `since` (to limit reset requests). */
    async countTokensSince(personId: string, kind: TokenKind, since: Date): Promise<number> {
      const row = await db
        .selectFrom("account_tokens")
        .select(sql<number>`count(*)::int`.as("n"))
        .where("person_id", "=", personId)
        .where("kind", "=", kind)
        .where("created_at", ">", since)
        .executeTakeFirstOrThrow();
      return row.n;
    },

    async setPassword(personId: string, passwordHash: string): Promise<void> {
      await db.updateTable("people").set({ password_hash: passwordHash }).where("id", "=", personId).execute();
    },

    async setDisabled(personId: string, at: Date | null): Promise<void> {
      await db.updateTable("people").set({ disabled_at: at }).where("id", "=", personId).execute();
    },

    /** End every session of the person at once (every server reads sessions from the database). */
    async endSessions(personId: string): Promise<number> {
      const rows = await db.deleteFrom("sessions").where("person_id", "=", personId).returning("id").execute();
      return rows.length;
    },

    /** Staff of a district (or of one school of it), with their roles there, caseload and open invitation. */
    async listStaff(districtId: string, schoolId: string | null, now: Date): Promise<PersonListRow[]> {
      const rows = await sql<{
        id: string;
        first_name: string;
        last_name: string;
        email: string;
        has_password: boolean;
        disabled: boolean;
        roles: RoleAssignment[] | string;
        caseload: number;
        invitation_expires_at: Date | string | null;
        discipline: string | null;
      }>`
        select p.id, p.first_name, p.last_name, p.email, p.password_hash is not null as has_password,
          p.disabled_at is not null as disabled, p.discipline,
          (select json_agg(json_build_object('role', r.role, 'districtId', r.district_id, 'schoolId', r.school_id)
                           order by r.created_at)
             from role_assignments r where r.person_id = p.id) as roles,
          (select count(*)::int from caseload_members c where c.person_id = p.id) as caseload,
          (select max(t.expires_at) from account_tokens t where t.person_id = p.id and t.kind = 'invitation'
             and t.used_at is null and t.revoked_at is null and t.expires_at > ${now}) as invitation_expires_at
        from people p
        where exists (select 1 from role_assignments r where r.person_id = p.id and r.district_id = ${districtId}
          and r.role in (${sql.join([...STAFF_ROLES])})
          ${schoolId === null ? sql`` : sql`and r.school_id = ${schoolId}`})
        order by p.last_name, p.first_name, p.id
        limit 2000`.execute(db);
      return rows.rows.map((r) => ({
        id: r.id,
        firstName: r.first_name,
        lastName: r.last_name,
        email: r.email,
        hasPassword: r.has_password,
        disabled: r.disabled,
        roles: typeof r.roles === "string" ? JSON.parse(r.roles) : (r.roles ?? []),
        caseloadSize: r.caseload,
        invitationExpiresAt: r.invitation_expires_at ? new Date(r.invitation_expires_at).toISOString() : null,
        discipline: disciplineOf(r.discipline),
      }));
    },

    /**
     * Move every student on `fromId`'s caseload to `toId` (students already on theirs stay once);
     * answers the students moved. The caseload role becomes the new person's.
     */
    async transferCaseload(fromId: string, toId: string, role: Role): Promise<string[]> {
      const moved = await sql<{ student_id: string }>`
        insert into caseload_members (person_id, student_id, role)
        select ${toId}, c.student_id, ${role} from caseload_members c where c.person_id = ${fromId}
        on conflict (person_id, student_id) do nothing
        returning student_id`.execute(db);
      await db.deleteFrom("caseload_members").where("person_id", "=", fromId).execute();
      return moved.rows.map((r) => r.student_id).sort();
    },

    /** The students on a person's caseload in a district (of one school, for a school administrator). */
    async caseload(
      personId: string,
      districtId: string,
      schoolId: string | null,
    ): Promise<Array<{ id: string; firstName: string; lastName: string; schoolName: string }>> {
      let q = db
        .selectFrom("caseload_members as c")
        .innerJoin("students as s", "s.id", "c.student_id")
        .innerJoin("schools as sc", "sc.id", "s.school_id")
        .select(["s.id", "s.first_name", "s.last_name", "sc.name as school_name"])
        .where("c.person_id", "=", personId)
        .where("s.district_id", "=", districtId);
      if (schoolId !== null) q = q.where("s.school_id", "=", schoolId);
      const rows = await q.orderBy("s.last_name").orderBy("s.first_name").orderBy("s.id").limit(2000).execute();
      return rows.map((r) => ({ id: r.id, firstName: r.first_name, lastName: r.last_name, schoolName: r.school_name }));
    },

    /** The student's district and school (null when there is no such student). */
    async studentPlace(studentId: string): Promise<{ districtId: string; schoolId: string } | null> {
      const row = await db
        .selectFrom("students")
        .select(["district_id", "school_id"])
        .where("id", "=", studentId)
        .executeTakeFirst();
      return row ? { districtId: row.district_id, schoolId: row.school_id } : null;
    },

    /** Put a student on a caseload: false when already there. */
    async addToCaseload(personId: string, studentId: string, role: Role): Promise<boolean> {
      const rows = await db
        .insertInto("caseload_members")
        .values({ person_id: personId, student_id: studentId, role })
        .onConflict((oc) => oc.columns(["person_id", "student_id"]).doNothing())
        .returning("student_id")
        .execute();
      return rows.length === 1;
    },

    /** Take a student off a caseload: false when not there. */
    async removeFromCaseload(personId: string, studentId: string): Promise<boolean> {
      const rows = await db
        .deleteFrom("caseload_members")
        .where("person_id", "=", personId)
        .where("student_id", "=", studentId)
        .returning("student_id")
        .execute();
      return rows.length === 1;
    },

    caseloadRoleOf(roles: RoleAssignment[]): Role | null {
      return roles.find((r) => CASELOAD_ROLES.has(r.role))?.role ?? null;
    },
  };
}

export type AccountsRepository = ReturnType<typeof createAccountsRepository>;
