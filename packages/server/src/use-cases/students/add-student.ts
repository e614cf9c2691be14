/**
 * Add one student in the app: a case manager, Section 504 coordinator or administrator enters the
 * student and up to two guardians (the roster import adds many; both write the same rows). Who may
 * add, and at which schools, is core's student intake policy; a case manager's new student joins
 * their caseload. In one transaction: the student, guardians new to Lantern (with their language),
 * the guardian links with each guardian's language and interpreter need on the student's record
 * (34 CFR 300.503(c), 300.322(e); decision 0021) — a guardian who is another district's person
 * waits for their acceptance, as in the roster import, and the link takes the values later —, the
 * caseload, the audit event and the record of access (34 CFR 300.614).
 */
import { randomUUID } from "node:crypto";
import {
  type AddStudentRequest,
  type AddStudentResponse,
  addDays,
  DomainError,
  type RoleAssignment,
  type StudentIntakeSchools,
  studentIntakeGrantFor,
  studentIntakeGrants,
} from "@lantern/core";
import { inTransaction, todayFor, type UseCaseDeps } from "../deps.ts";
import { notify } from "../inbox/notify.ts";

export type IntakeActor = {
  personId: string;
  roles: RoleAssignment[];
  requestId: string | null;
};

/** How long ago a date of birth may be before it is taken for a typo in the year (as the roster). */
const OLDEST_AGE_YEARS = 30;

/** The schools where the person may add a student. */
export async function listIntakeSchools(deps: UseCaseDeps, actor: IntakeActor): Promise<StudentIntakeSchools> {
  const grants = studentIntakeGrants(actor);
  if (grants.length === 0) await refuse(deps, actor);
  const schools = await deps.repos.students.schoolsIn(grants);
  return { schools, joinsCaseload: grants.some((g) => g.caseloadRole !== null) };
}

async function refuse(deps: UseCaseDeps, actor: IntakeActor): Promise<never> {
  await deps.audit.append({
    action: "access.denied",
    personId: actor.personId,
    subject: "students",
    details: { action: "add-student" },
    requestId: actor.requestId,
  });
  throw new DomainError("forbidden", "Only case managers, Section 504 coordinators and administrators add students");
}

export const invalid = (path: string, message: string) =>
  new DomainError("invalid-input", message, { issues: [{ path, message }] });

/** The date of birth is not after today in the district, nor more than 30 years before (as the roster checks it). */
export async function checkDateOfBirth(deps: UseCaseDeps, districtId: string, dateOfBirth: string): Promise<void> {
  const today = await todayFor(deps, districtId);
  if (dateOfBirth > today) throw invalid("/dateOfBirth", "The date of birth is after today");
  if (dateOfBirth < addDays(today, -Math.round(OLDEST_AGE_YEARS * 365.25))) {
    throw invalid("/dateOfBirth", `The date of birth is more than ${OLDEST_AGE_YEARS} years ago: check the year`);
  }
}

/** The 409 for a student number another student of the district has. */
export const localIdConflict = () =>
  new DomainError("conflict", "Another student in the district has this student number", {
    issues: [{ path: "/localId", message: "Another student in the district has this student number" }],
  });

export async function addStudent(
  deps: UseCaseDeps,
  actor: IntakeActor,
  input: AddStudentRequest,
): Promise<AddStudentResponse> {
  if (studentIntakeGrants(actor).length === 0) await refuse(deps, actor);
  const school = await deps.repos.students.school(input.schoolId);
  const grant = school ? studentIntakeGrantFor(actor, { districtId: school.districtId, schoolId: school.id }) : null;
  if (!school || !grant) throw invalid("/schoolId", "Choose one of the schools where you may add students");
  const districtId = school.districtId;
  await checkDateOfBirth(deps, districtId, input.dateOfBirth);
  const [first, second] = input.guardians;
  if (first && second && first.email === second.email) {
    throw invalid("/guardians/1/email", "The second guardian has the same email as the first");
  }

  return inTransaction(deps, async (tx) => {
    const roster = tx.repos.roster;
    await roster.lockDistrict(districtId);
    if (input.localId !== null && (await tx.repos.students.localIdTaken(districtId, input.localId))) {
      throw localIdConflict();
    }
    const emails = input.guardians.map((g) => g.email);
    const people = await roster.peopleByEmail(emails);
    // An account with no role in this district is someone the district does not know yet: the
    // link waits for their acceptance and gives no access before (as in the roster import).
    const known = await roster.withRoleIn(districtId, [...people.values()]);
    const outsiders = new Set([...people.values()].filter((id) => !known.has(id)));
    const added = input.guardians
      .filter((g) => !people.has(g.email))
      .map((g) => ({ id: randomUUID(), firstName: g.firstName, lastName: g.lastName, email: g.email, g }));
    const stored = await roster.insertPeople(added);
    for (const a of added) {
      const id = stored.get(a.email) ?? a.id;
      people.set(a.email, id);
      if (id === a.id) await tx.repos.students.setPreferredLanguage(id, a.g.preferredLanguage);
    }

    const studentId = randomUUID();
    await roster.insertStudents(districtId, [
      {
        id: studentId,
        localId: input.localId as string,
        schoolId: school.id,
        firstName: input.firstName,
        lastName: input.lastName,
        dateOfBirth: input.dateOfBirth,
        grade: input.grade,
      },
    ]);
    const links = input.guardians.map((g) => ({
      studentId,
      personId: people.get(g.email) as string,
      relationship: g.relationship,
      language: g.preferredLanguage,
      interpreterNeeded: g.interpreterNeeded,
    }));
    const direct = links.filter((l) => !outsiders.has(l.personId));
    const pending = links.filter((l) => outsiders.has(l.personId));
    await roster.ensureGuardianRoles(
      districtId,
      direct.map((l) => l.personId),
    );
    await roster.insertGuardianships(direct);
    await roster.setGuardianLanguages(direct);
    const pendingGuardianLinks = await roster.insertPendingGuardianLinks(districtId, pending, actor.personId);
    if (pendingGuardianLinks > 0) {
      const districtName = await tx.repos.accounts.districtName(districtId);
      await notify(
        tx,
        pending.map((l) => l.personId),
        {
          kind: "guardian-link-pending",
          title: `${districtName} asks you to confirm a child`,
          body: `${districtName} lists you as a parent or guardian of a student. Sign in to Lantern and confirm it in your inbox, or decline it. Until you confirm, you do not see the student's record.`,
          link: "/inbox",
          districtId,
        },
      );
      for (const link of pending) {
        await tx.audit.append({
          action: "guardian.link-pending",
          personId: actor.personId,
          studentId,
          subject: `person:${link.personId}`,
          details: { via: "app" },
          requestId: actor.requestId,
        });
      }
    }
    if (grant.caseloadRole) await tx.repos.students.addToCaseload(actor.personId, studentId, grant.caseloadRole);
    await tx.audit.append({
      action: "student.created",
      personId: actor.personId,
      studentId,
      subject: "student",
      details: {
        via: "app",
        guardians: input.guardians.length,
        caseload: grant.caseloadRole !== null,
        guardianLanguages: direct.map((l) => ({
          personId: l.personId,
          language: l.language,
          interpreterNeeded: l.interpreterNeeded,
        })),
      },
      requestId: actor.requestId,
    });
    await roster.recordWrites([studentId], {
      personId: actor.personId,
      basis: grant.role,
      purpose: "student added in the app",
      requestId: actor.requestId,
    });
    return { id: studentId, firstName: input.firstName, lastName: input.lastName, pendingGuardianLinks };
  });
}
