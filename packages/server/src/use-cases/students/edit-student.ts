/**
 * Correct a student's details after adding them: name, date of birth, grade, school and the
 * district's student number. Who may: the people who may add a student at the student's school
 * (core's student intake policy, decision 0017) who may also change this student's record (the
 * route's `write-record` check: a case manager or 504 coordinator only for a student on their
 * caseload); a new school must be one where they may add students. In one transaction: the new
 * details and a `student.updated` event naming the fields that changed, never their values
 * (decision 0025). A changed date of birth puts the student's plans back on the compliance queue
 * (a trigger, migration 0110): ages, the transition rule and deadlines read it.
 */
import {
  DomainError,
  type EditStudentRequest,
  type RoleAssignment,
  type StudentDetail,
  studentIntakeGrantFor,
} from "@lantern/core";
import type { StudentDetails } from "../../repositories/students-repository.ts";
import { type Actor, auditAs, inTransaction, type UseCaseDeps } from "../deps.ts";
import { checkDateOfBirth, invalid, localIdConflict } from "./add-student.ts";
import { readStudent } from "./read-students.ts";

/** The names of the changed fields, as the roster import's `student.updated` events name them. */
export function changedDetails(before: StudentDetails, after: Omit<StudentDetails, "districtId">): string[] {
  const changes: string[] = [];
  if (before.schoolId !== after.schoolId) changes.push("school");
  if (before.firstName !== after.firstName || before.lastName !== after.lastName) changes.push("name");
  if (before.dateOfBirth !== after.dateOfBirth) changes.push("date of birth");
  if (before.grade !== after.grade) changes.push("grade");
  if (before.localId !== after.localId) changes.push("student number");
  return changes;
}

export async function editStudent(
  deps: UseCaseDeps,
  input: {
    studentId: string;
    body: EditStudentRequest;
    actor: Actor & { roles: RoleAssignment[] };
  },
): Promise<StudentDetail> {
  const { studentId, body, actor } = input;
  const audit = auditAs(deps.audit, actor);
  const current = await deps.repos.students.detailsForUpdate(studentId);
  if (!current) throw new DomainError("not-found", "No such student, or not one you can see");
  const districtId = current.districtId;
  if (!studentIntakeGrantFor(actor, { districtId, schoolId: current.schoolId })) {
    await audit({
      action: "access.denied",
      studentId,
      subject: "student",
      details: { action: "edit-student", reason: "forbidden" },
    });
    throw new DomainError("forbidden", "Only the people who may add students at this school correct their details");
  }
  if (body.schoolId !== current.schoolId) {
    const school = await deps.repos.students.school(body.schoolId);
    if (
      !school ||
      school.districtId !== districtId ||
      !studentIntakeGrantFor(actor, { districtId, schoolId: school.id })
    ) {
      throw invalid("/schoolId", "Choose one of the schools where you may add students");
    }
  }
  if (body.dateOfBirth !== current.dateOfBirth) await checkDateOfBirth(deps, districtId, body.dateOfBirth);

  await inTransaction(deps, async (tx) => {
    // One writer of student numbers per district at a time (as adding a student and the roster import).
    await tx.repos.roster.lockDistrict(districtId);
    const before = await tx.repos.students.detailsForUpdate(studentId);
    if (!before) throw new DomainError("not-found", "No such student, or not one you can see");
    const after = {
      schoolId: body.schoolId,
      firstName: body.firstName,
      lastName: body.lastName,
      dateOfBirth: body.dateOfBirth,
      grade: body.grade,
      localId: body.localId,
    };
    const changes = changedDetails(before, after);
    if (changes.length === 0) return;
    if (after.localId !== null && after.localId !== before.localId) {
      if (await tx.repos.students.localIdTaken(districtId, after.localId, studentId)) throw localIdConflict();
    }
    await tx.repos.students.updateDetails(studentId, after);
    await auditAs(
      tx.audit,
      actor,
    )({
      action: "student.updated",
      studentId,
      subject: "student",
      details: { via: "app", changes },
    });
  });
  const detail = await readStudent(deps, { studentId });
  if (!detail) throw new Error("student vanished after update");
  return detail;
}
