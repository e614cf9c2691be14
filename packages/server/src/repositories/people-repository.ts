/** People and their roles. */
import type { Role, RoleAssignment } from "@lantern/core";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";

export type PersonWithRoles = {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  roles: RoleAssignment[];
};

export function createPeopleRepository(db: Kysely<Database>) {
  async function rolesOf(personId: string): Promise<RoleAssignment[]> {
    const rows = await db
      .selectFrom("role_assignments")
      .select(["role", "district_id", "school_id"])
      .where("person_id", "=", personId)
      .orderBy("created_at")
      .execute();
    return rows.map((r) => ({ role: r.role as Role, districtId: r.district_id, schoolId: r.school_id }));
  }

  return {
    rolesOf,

    async findCredentialsByEmail(email: string) {
      return db
        .selectFrom("people")
        .select(["id", "password_hash", "disabled_at"])
        .where(({ fn, eb }) => eb(fn("lower", ["email"]), "=", email.toLowerCase()))
        .executeTakeFirst();
    },

    async findWithRoles(personId: string): Promise<PersonWithRoles | null> {
      const person = await db
        .selectFrom("people")
        .select(["id", "first_name", "last_name", "email"])
        .where("id", "=", personId)
        .where("disabled_at", "is", null)
        .executeTakeFirst();
      if (!person) return null;
      return {
        id: person.id,
        firstName: person.first_name,
        lastName: person.last_name,
        email: person.email,
        roles: await rolesOf(person.id),
      };
    },
  };
}
