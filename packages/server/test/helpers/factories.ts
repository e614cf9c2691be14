/**
 * Small factories for test data: a district, a school, a student, staff and guardians, and plans,
 * each with defaults that any test may override. Names are fictional and say what they are for.
 */
import { randomUUID } from "node:crypto";
import type { PlanDocument, PlanState, Role } from "@lantern/core";
import { hash } from "@node-rs/argon2";
import { type Kysely, sql } from "kysely";
import type { Database } from "../../src/db/schema.ts";

export const FACTORY_PASSWORD = "factory-password";

let passwordHash: Promise<string> | null = null;

export type Factories = ReturnType<typeof factories>;

export function factories(db: Kysely<Database>) {
  const unique = () => randomUUID().slice(0, 8);

  return {
    async district(over: { name?: string; state?: string; timeZone?: string } = {}) {
      const row = await db
        .insertInto("districts")
        .values({
          name: over.name ?? `Test District ${unique()}`,
          state: over.state ?? "CA",
          ...(over.timeZone ? { time_zone: over.timeZone } : {}),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      return { id: row.id };
    },

    async school(over: { districtId: string; name?: string }) {
      const row = await db
        .insertInto("schools")
        .values({ district_id: over.districtId, name: over.name ?? `Test School ${unique()}` })
        .returning("id")
        .executeTakeFirstOrThrow();
      return { id: row.id, districtId: over.districtId };
    },

    async student(over: {
      districtId: string;
      schoolId: string;
      firstName?: string;
      lastName?: string;
      dateOfBirth?: string;
      grade?: string;
    }) {
      const row = await db
        .insertInto("students")
        .values({
          district_id: over.districtId,
          school_id: over.schoolId,
          first_name: over.firstName ?? "Test",
          last_name: over.lastName ?? `Student ${unique()}`,
          date_of_birth: over.dateOfBirth ?? "2014-05-02",
          grade: over.grade ?? "6",
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      return { id: row.id, districtId: over.districtId, schoolId: over.schoolId };
    },

    /** A person with a role (and a password, FACTORY_PASSWORD), on the caseload of `caseload` students. */
    async staff(over: {
      districtId: string;
      schoolId?: string | null;
      role: Role;
      caseload?: readonly string[];
      email?: string;
      firstName?: string;
      lastName?: string;
    }) {
      passwordHash ??= hash(FACTORY_PASSWORD);
      const email = over.email ?? `${over.role}-${unique()}@test.example`;
      const person = await db
        .insertInto("people")
        .values({
          first_name: over.firstName ?? "Test",
          last_name: over.lastName ?? over.role,
          email,
          password_hash: await passwordHash,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await db
        .insertInto("role_assignments")
        .values({
          person_id: person.id,
          role: over.role,
          district_id: over.districtId,
          school_id: over.schoolId ?? null,
        })
        .execute();
      for (const studentId of over.caseload ?? []) {
        await db
          .insertInto("caseload_members")
          .values({ person_id: person.id, student_id: studentId, role: over.role })
          .execute();
      }
      return { id: person.id, email };
    },

    /** A guardian of these students (a person with the guardian role). */
    async guardian(over: { districtId: string; studentIds: readonly string[]; email?: string }) {
      const person = await this.staff({
        districtId: over.districtId,
        role: "guardian",
        ...(over.email ? { email: over.email } : {}),
      });
      for (const studentId of over.studentIds) {
        await db.insertInto("guardianships").values({ student_id: studentId, person_id: person.id }).execute();
      }
      return person;
    },

    /**
     * A plan of the student with one version holding `doc` (default: in effect). Written straight
     * to the tables, as a plan that existed before the test.
     */
    async plan(over: {
      student: { id: string; districtId: string; schoolId: string };
      doc: PlanDocument;
      createdBy: string;
      status?: PlanState;
    }) {
      const status = over.status ?? "in-effect";
      const plan = await db
        .insertInto("plans")
        .values({
          student_id: over.student.id,
          district_id: over.student.districtId,
          school_id: over.student.schoolId,
          type: over.doc.type,
          status,
          created_by: over.createdBy,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const version = await sql<{ id: string }>`
        insert into plan_versions (plan_id, number, content, status, created_by)
        values (${plan.id}, 1, ${JSON.stringify({ ...over.doc, student: { ...over.doc.student, studentId: over.student.id } })}::jsonb,
          ${status}, ${over.createdBy})
        returning id`.execute(db);
      const versionId = version.rows[0]?.id as string;
      await db
        .updateTable("plans")
        .set({ current_version_id: versionId, in_effect_version_id: status === "in-effect" ? versionId : null })
        .where("id", "=", plan.id)
        .execute();
      return { planId: plan.id, versionId };
    },
  };
}
