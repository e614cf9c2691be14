/** Step 1 (migration 0001): the district, schools, staff, students, guardians, caseloads and classes. */
import { hash } from "@node-rs/argon2";
import { sql } from "kysely";
import type { ColumnSpec } from "../../src/db/insert-columns.ts";
import { DEMO_PASSWORD } from "../demo-accounts.ts";
import { FIRST, GUARDIAN_FIRST, LAST, SYNTHETIC_DISTRICT_NAME, SYNTHETIC_EMAIL_DOMAIN } from "./content-banks.ts";
import type { SyntheticStep } from "./loader.ts";
import type { SyntheticSchool } from "./model.ts";

/** Synthetic staff sign in with the demo password. */
export const SYNTHETIC_PASSWORD = DEMO_PASSWORD;

const PEOPLE_SPEC: ColumnSpec = {
  id: "uuid",
  first_name: "text",
  last_name: "text",
  email: "text",
  password_hash: "text",
};
const ROLE_SPEC: ColumnSpec = { id: "uuid", person_id: "uuid", role: "text", district_id: "uuid", school_id: "uuid" };

/** District, schools, staff, students, guardians, caseloads and classes (migration 0001). */
export const tenancyStep: SyntheticStep = {
  name: "students, staff and guardians",
  requires: ["students", "people", "guardianships", "caseload_members", "classes"],
  loads: [
    "people",
    "role_assignments",
    "students",
    "guardianships",
    "caseload_members",
    "classes",
    "class_enrollments",
  ],
  estimateRows(model) {
    const staff = model.schools.reduce(
      (a, k) => a + 2 + k.caseManagerIds.length + k.providerIds.length + k.teacherIds.length,
      2,
    );
    const guardians = model.students.reduce((a, s) => a + s.guardianIds.length, 0);
    const caseload = model.students.reduce(
      (a, s) => a + (s.caseManagerId ? 1 : 0) + (s.coordinatorId ? 1 : 0) + (s.providerId ? 1 : 0),
      0,
    );
    return 2 * staff + 3 * guardians + 2 * model.students.length + caseload;
  },
  async run(ctx) {
    const { model, db } = ctx;
    const passwordHash = await hash(SYNTHETIC_PASSWORD);
    const rng = ctx.rng("people");
    await sql`insert into districts (id, name, state, settings) values (${model.districtId}::uuid, ${SYNTHETIC_DISTRICT_NAME}, ${"CA"}, ${"{}"}::jsonb)`.execute(
      db,
    );
    const schools = ctx.writer("schools", { id: "uuid", district_id: "uuid", name: "text" });
    for (const k of model.schools) await schools.add(k.id, model.districtId, k.name);
    await schools.flush();

    const people = ctx.writer("people", PEOPLE_SPEC);
    const roles = ctx.writer("role_assignments", ROLE_SPEC).after(people);
    let roleIndex = 0;
    const staff = async (id: string, role: string, email: string, schoolId: string | null) => {
      await people.add(id, rng.pick(FIRST), rng.pick(LAST), `${email}@${SYNTHETIC_EMAIL_DOMAIN}`, passwordHash);
      await roles.add(ctx.uuid("role_assignments", roleIndex++), id, role, model.districtId, schoolId);
    };
    for (const [i, id] of model.districtAdminIds.entries()) await staff(id, "district-admin", `admin.${i + 1}`, null);
    for (const [k, school] of model.schools.entries()) {
      await staff(school.adminId, "school-admin", `principal.${k + 1}`, school.id);
      await staff(school.coordinatorId, "section-504-coordinator", `coordinator504.${k + 1}`, null);
      for (const [i, id] of school.caseManagerIds.entries())
        await staff(id, "case-manager", `casemanager.${k + 1}.${i + 1}`, null);
      for (const [i, id] of school.providerIds.entries())
        await staff(id, "related-service-provider", `provider.${k + 1}.${i + 1}`, null);
      for (const [i, id] of school.teacherIds.entries())
        await staff(id, "teacher", `teacher.${k + 1}.${i + 1}`, school.id);
    }

    const students = ctx.writer("students", {
      id: "uuid",
      district_id: "uuid",
      school_id: "uuid",
      local_id: "text",
      first_name: "text",
      last_name: "text",
      date_of_birth: "date",
      grade: "text",
    });
    const guardianships = ctx
      .writer("guardianships", { student_id: "uuid", person_id: "uuid", relationship: "text" })
      .after(people, students);
    for (const s of model.students) {
      const school = model.schools[s.schoolIndex] as SyntheticSchool;
      await students.add(
        s.id,
        model.districtId,
        school.id,
        `SY${String(s.index + 1).padStart(7, "0")}`,
        s.firstName,
        s.lastName,
        s.dateOfBirth,
        s.grade,
      );
    }
    await students.flush();
    for (const s of model.students) {
      for (const [g, gid] of s.guardianIds.entries()) {
        const first = rng.pick(GUARDIAN_FIRST);
        await people.add(gid, first, s.lastName, `family.${s.index + 1}.${g + 1}@${SYNTHETIC_EMAIL_DOMAIN}`, null);
        await roles.add(ctx.uuid("role_assignments", roleIndex++), gid, "guardian", model.districtId, null);
        await guardianships.add(s.id, gid, g === 0 ? "parent" : rng.pick(["parent", "grandparent", "guardian"]));
      }
    }
    // Parents before the rows that reference them.
    await people.flush();
    await roles.flush();
    await guardianships.flush();

    const caseload = ctx.writer("caseload_members", { person_id: "uuid", student_id: "uuid", role: "text" });
    for (const s of model.students) {
      if (s.caseManagerId) await caseload.add(s.caseManagerId, s.id, "case-manager");
      if (s.coordinatorId) await caseload.add(s.coordinatorId, s.id, "section-504-coordinator");
      if (s.providerId) await caseload.add(s.providerId, s.id, "related-service-provider");
    }
    await caseload.flush();

    // One homeroom per teacher; every student is in one.
    const classes = ctx.writer("classes", { id: "uuid", school_id: "uuid", name: "text", teacher_id: "uuid" });
    const enrollments = ctx.writer("class_enrollments", { class_id: "uuid", student_id: "uuid" }).after(classes);
    let classIndex = 0;
    const classIds: string[][] = [];
    for (const school of model.schools) {
      const ids: string[] = [];
      for (const [i, teacherId] of school.teacherIds.entries()) {
        const id = ctx.uuid("classes", classIndex++);
        ids.push(id);
        await classes.add(id, school.id, `Homeroom ${i + 1}`, teacherId);
      }
      classIds.push(ids);
    }
    await classes.flush();
    for (const s of model.students) {
      const ids = classIds[s.schoolIndex] as string[];
      await enrollments.add(ids[s.index % ids.length] as string, s.id);
    }
    await enrollments.flush();
  },
};
