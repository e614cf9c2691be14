/**
 * Administrators manage staff accounts: list, invite by email (a one-time link that expires),
 * resend or revoke an invitation, deactivate (every session ends at once) and reactivate, change
 * roles and schools, and move a caseload to a colleague. Each change and its audit event (and its
 * message, in the outbox) commit together. Who may manage whom is core's people policy.
 */
import {
  CASELOAD_ROLES,
  type CaseloadResponse,
  type ChangeRolesRequest,
  canGiveRole,
  canManagePerson,
  DomainError,
  type InvitePersonRequest,
  type PeopleResponse,
  type PeopleScope,
  type PersonSummary,
  type Role,
  SCHOOL_ROLES,
  type SetDisciplineRequest,
  STAFF_ROLES,
} from "@lantern/core";
import type { AccountRow } from "../../repositories/accounts-repository.ts";
import { inTransaction, type UseCaseDeps } from "../deps.ts";
import { notify } from "../inbox/notify.ts";
import { INVITATION_DAYS, invitationMail, setPasswordLink } from "./account-mail.ts";

export type AdminActor = { personId: string; name: string; scope: PeopleScope; requestId: string };
export type MailLinks = { baseUrl: string; queued(): void };

export async function listPeople(deps: UseCaseDeps, actor: AdminActor): Promise<PeopleResponse> {
  const { districtId, schoolId } = actor.scope;
  const [rows, schools] = await Promise.all([
    deps.repos.accounts.listStaff(districtId, schoolId, deps.clock.now()),
    deps.repos.accounts.schools(districtId, schoolId),
  ]);
  const people: PersonSummary[] = rows.map((r) => ({
    id: r.id,
    firstName: r.firstName,
    lastName: r.lastName,
    email: r.email,
    status: r.disabled ? "deactivated" : r.hasPassword ? "active" : "invited",
    roles: r.roles.filter((x) => x.districtId === districtId).map((x) => ({ role: x.role, schoolId: x.schoolId })),
    caseloadSize: r.caseloadSize,
    invitationExpiresAt: r.invitationExpiresAt,
    discipline: r.discipline,
    manageable: r.id !== actor.personId && canManagePerson(actor.scope, r.roles),
  }));
  const roles = STAFF_ROLES.filter((role) =>
    canGiveRole(actor.scope, { role, districtId, schoolId: actor.scope.schoolId ?? schools[0]?.id ?? null }),
  );
  return { people, schools, roles };
}

/** Check a role choice against the district's schools and the administrator's scope. */
async function checkRoles(
  deps: UseCaseDeps,
  actor: AdminActor,
  roles: Array<{ role: Role; schoolId: string | null }>,
  /** Where the choices sit in the request: the invitation's own fields, or a list of roles. */
  shape: "invitation" | "roles",
) {
  const { districtId } = actor.scope;
  const schoolIds = new Set((await deps.repos.accounts.schools(districtId, null)).map((s) => s.id));
  const at = (i: number, field: "role" | "schoolId") => (shape === "invitation" ? `/${field}` : `/roles/${i}/${field}`);
  roles.forEach((r, i) => {
    const path = at(i, "schoolId");
    if (SCHOOL_ROLES.has(r.role) && r.schoolId === null)
      throw new DomainError("invalid-input", "Choose the school for this role", {
        issues: [{ path, message: "Choose the school for this role" }],
      });
    if (r.schoolId !== null && !schoolIds.has(r.schoolId))
      throw new DomainError("invalid-input", "That school is not in your district", {
        issues: [{ path, message: "Choose one of your district's schools" }],
      });
    if (!canGiveRole(actor.scope, { ...r, districtId }))
      throw new DomainError("forbidden", "You cannot give this role", {
        issues: [{ path: at(i, "role"), message: "You cannot give this role" }],
      });
  });
}

/** The person an administrator acts on: 404 outside their district, 403 when not theirs to manage. */
async function managedPerson(deps: UseCaseDeps, actor: AdminActor, personId: string): Promise<AccountRow> {
  const person = await deps.repos.accounts.byId(personId);
  if (!person?.roles.some((r) => r.districtId === actor.scope.districtId))
    throw new DomainError("not-found", "No such person in your district");
  if (person.id === actor.personId) throw new DomainError("forbidden", "You cannot change your own account here");
  if (!canManagePerson(actor.scope, person.roles))
    throw new DomainError("forbidden", "This account is managed by the district's administrators");
  return person;
}

async function queueInvitation(
  deps: UseCaseDeps,
  actor: Pick<AdminActor, "personId" | "name"> | null,
  person: { id: string; firstName: string; email: string },
  role: Role,
  districtId: string,
  links: MailLinks,
): Promise<Date> {
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000);
  const token = await deps.repos.accounts.createToken(person.id, "invitation", actor?.personId ?? null, {
    now,
    expiresAt,
  });
  const message = invitationMail({
    firstName: person.firstName,
    districtName: await deps.repos.accounts.districtName(districtId),
    role,
    invitedBy: actor?.name ?? null,
    link: setPasswordLink(links.baseUrl, token),
    expiresAt,
    timeZone: await deps.repos.districts.timeZone(districtId),
  });
  await deps.repos.mail.enqueue({ districtId, kind: "invitation", to: person.email, ...message });
  return expiresAt;
}

export async function invitePerson(
  deps: UseCaseDeps,
  actor: AdminActor,
  input: InvitePersonRequest,
  links: MailLinks,
): Promise<PersonSummary> {
  const { districtId } = actor.scope;
  const schoolId = SCHOOL_ROLES.has(input.role) ? input.schoolId : (input.schoolId ?? null);
  await checkRoles(deps, actor, [{ role: input.role, schoolId }], "invitation");
  const result = await inTransaction(deps, async (tx) => {
    if (await tx.repos.accounts.byEmail(input.email)) {
      throw new DomainError("conflict", "Someone already has an account with this email", {
        issues: [{ path: "/email", message: "Someone already has an account with this email" }],
      });
    }
    const id = await tx.repos.accounts.createPerson(input);
    await tx.repos.accounts.addRole(id, { role: input.role, districtId, schoolId });
    const expiresAt = await queueInvitation(tx, actor, { id, ...input }, input.role, districtId, links);
    await tx.audit.append({
      action: "account.invited",
      personId: actor.personId,
      subject: `person:${id}`,
      details: { role: input.role, schoolId, basis: actor.scope.basis },
      requestId: actor.requestId,
    });
    return { id, expiresAt };
  });
  links.queued();
  return {
    id: result.id,
    firstName: input.firstName,
    lastName: input.lastName,
    email: input.email,
    status: "invited",
    roles: [{ role: input.role, schoolId }],
    caseloadSize: 0,
    invitationExpiresAt: result.expiresAt.toISOString(),
    manageable: true,
    discipline: null,
  };
}

export async function resendInvitation(
  deps: UseCaseDeps,
  actor: AdminActor,
  personId: string,
  links: MailLinks,
): Promise<void> {
  const person = await managedPerson(deps, actor, personId);
  if (person.hasPassword) throw new DomainError("conflict", "This person has already set a password");
  if (person.disabledAt) throw new DomainError("conflict", "Reactivate this account before inviting again");
  const role = person.roles.find((r) => r.districtId === actor.scope.districtId)?.role as Role;
  await inTransaction(deps, async (tx) => {
    await tx.repos.accounts.revokeTokens(person.id, tx.clock.now(), "invitation");
    await queueInvitation(tx, actor, person, role, actor.scope.districtId, links);
    await tx.audit.append({
      action: "account.invitation-resent",
      personId: actor.personId,
      subject: `person:${person.id}`,
      requestId: actor.requestId,
    });
  });
  links.queued();
}

export async function revokeInvitation(deps: UseCaseDeps, actor: AdminActor, personId: string): Promise<void> {
  const person = await managedPerson(deps, actor, personId);
  await inTransaction(deps, async (tx) => {
    const revoked = await tx.repos.accounts.revokeTokens(person.id, tx.clock.now(), "invitation");
    if (revoked === 0) throw new DomainError("conflict", "This person has no open invitation");
    await tx.audit.append({
      action: "account.invitation-revoked",
      personId: actor.personId,
      subject: `person:${person.id}`,
      requestId: actor.requestId,
    });
  });
}

/** Deactivate: no more sign-in, every session ends now, open links stop working. */
export async function deactivatePerson(deps: UseCaseDeps, actor: AdminActor, personId: string): Promise<void> {
  const person = await managedPerson(deps, actor, personId);
  if (person.disabledAt) return;
  await inTransaction(deps, async (tx) => {
    const now = tx.clock.now();
    await tx.repos.accounts.setDisabled(person.id, now);
    const sessions = await tx.repos.accounts.endSessions(person.id);
    await tx.repos.accounts.revokeTokens(person.id, now);
    await tx.audit.append({
      action: "account.deactivated",
      personId: actor.personId,
      subject: `person:${person.id}`,
      details: { sessionsEnded: sessions },
      requestId: actor.requestId,
    });
  });
}

export async function reactivatePerson(deps: UseCaseDeps, actor: AdminActor, personId: string): Promise<void> {
  const person = await managedPerson(deps, actor, personId);
  if (!person.disabledAt) return;
  await inTransaction(deps, async (tx) => {
    await tx.repos.accounts.setDisabled(person.id, null);
    await tx.audit.append({
      action: "account.reactivated",
      personId: actor.personId,
      subject: `person:${person.id}`,
      requestId: actor.requestId,
    });
  });
}

export async function changeRoles(
  deps: UseCaseDeps,
  actor: AdminActor,
  personId: string,
  input: ChangeRolesRequest,
): Promise<void> {
  const person = await managedPerson(deps, actor, personId);
  const roles = input.roles.map((r) => ({
    role: r.role,
    schoolId: SCHOOL_ROLES.has(r.role) ? r.schoolId : r.schoolId,
  }));
  await checkRoles(deps, actor, roles, "roles");
  const seen = new Set<string>();
  roles.forEach((r, i) => {
    const key = `${r.role}:${r.schoolId ?? ""}`;
    if (seen.has(key))
      throw new DomainError("invalid-input", "This role is listed twice", {
        issues: [{ path: `/roles/${i}/role`, message: "This role at this school is already listed" }],
      });
    seen.add(key);
  });
  const before = person.roles.filter((r) => r.districtId === actor.scope.districtId);
  await inTransaction(deps, async (tx) => {
    await tx.repos.accounts.replaceStaffRoles(person.id, actor.scope.districtId, roles);
    await tx.audit.append({
      action: "account.roles-changed",
      personId: actor.personId,
      subject: `person:${person.id}`,
      details: { before: before.map((r) => ({ role: r.role, schoolId: r.schoolId })), after: roles },
      requestId: actor.requestId,
    });
  });
}

/**
 * Record a related-service provider's discipline (or clear it): only a person who holds the
 * related-service provider role in the administrator's district has one.
 */
export async function setDiscipline(
  deps: UseCaseDeps,
  actor: AdminActor,
  personId: string,
  input: SetDisciplineRequest,
): Promise<void> {
  const person = await managedPerson(deps, actor, personId);
  const provider = person.roles.some(
    (r) => r.role === "related-service-provider" && r.districtId === actor.scope.districtId,
  );
  if (!provider && input.discipline !== null) {
    throw new DomainError("invalid-input", "Only a related-service provider has a discipline", {
      issues: [{ path: "/discipline", message: "Give this person the related-service provider role first" }],
    });
  }
  await inTransaction(deps, async (tx) => {
    const before = await tx.repos.accounts.discipline(person.id);
    await tx.repos.accounts.setDiscipline(person.id, input.discipline);
    await tx.audit.append({
      action: "account.discipline-set",
      personId: actor.personId,
      subject: `person:${person.id}`,
      details: { before, after: input.discipline },
      requestId: actor.requestId,
    });
  });
}

/** Move every student on a caseload to a colleague in the district who holds a caseload role. */
export async function transferCaseload(
  deps: UseCaseDeps,
  actor: AdminActor,
  personId: string,
  toPersonId: string,
): Promise<{ moved: number }> {
  const from = await managedPerson(deps, actor, personId);
  if (toPersonId === from.id) {
    throw new DomainError("invalid-input", "Choose someone else to take over the caseload", {
      issues: [{ path: "/toPersonId", message: "Choose someone else to take over the caseload" }],
    });
  }
  const to = await deps.repos.accounts.byId(toPersonId);
  const role = to?.roles.find((r) => r.districtId === actor.scope.districtId && CASELOAD_ROLES.has(r.role))?.role;
  if (!to || !role || to.disabledAt) {
    throw new DomainError("invalid-input", "Choose an active colleague in your district who has a caseload role", {
      issues: [{ path: "/toPersonId", message: "Choose an active colleague who has a caseload role" }],
    });
  }
  return inTransaction(deps, async (tx) => {
    const studentIds = await tx.repos.accounts.transferCaseload(from.id, to.id, role);
    await tx.audit.append({
      action: "account.caseload-transferred",
      personId: actor.personId,
      subject: `person:${from.id}`,
      details: { to: to.id, moved: studentIds.length, studentIds },
      requestId: actor.requestId,
    });
    if (studentIds.length > 0) {
      await notify(tx, [to.id], {
        kind: "caseload-received",
        title: `${studentIds.length === 1 ? "A student was" : `${studentIds.length} students were`} added to your caseload`,
        body: `${actor.name} moved the caseload of ${from.firstName} ${from.lastName} to you: ${studentIds.length === 1 ? "1 student" : `${studentIds.length} students`}. Your student list shows them now.`,
        link: "/",
        districtId: actor.scope.districtId,
      });
    }
    return { moved: studentIds.length };
  });
}

/** The caseload role the person holds in the administrator's district (null: none). */
function caseloadRoleIn(person: AccountRow, districtId: string): Role | null {
  return person.roles.find((r) => r.districtId === districtId && CASELOAD_ROLES.has(r.role))?.role ?? null;
}

/** The students on a person's caseload that the administrator manages (their district, or their school). */
export async function readCaseload(deps: UseCaseDeps, actor: AdminActor, personId: string): Promise<CaseloadResponse> {
  const person = await managedPerson(deps, actor, personId);
  const { districtId, schoolId } = actor.scope;
  return {
    holdsCaseloadRole: caseloadRoleIn(person, districtId) !== null,
    students: await deps.repos.accounts.caseload(person.id, districtId, schoolId),
  };
}

/** A student the administrator may place on a caseload: in their district (and school); 404 otherwise. */
async function managedStudent(deps: UseCaseDeps, actor: AdminActor, studentId: string): Promise<void> {
  const place = await deps.repos.accounts.studentPlace(studentId);
  const { districtId, schoolId } = actor.scope;
  if (!place || place.districtId !== districtId || (schoolId !== null && place.schoolId !== schoolId))
    throw new DomainError("not-found", "No such student in the schools you manage");
}

/** Put one student on a person's caseload (the person needs a caseload role); audited. */
export async function addCaseloadStudent(
  deps: UseCaseDeps,
  actor: AdminActor,
  personId: string,
  studentId: string,
): Promise<void> {
  const person = await managedPerson(deps, actor, personId);
  await managedStudent(deps, actor, studentId);
  const role = caseloadRoleIn(person, actor.scope.districtId);
  if (!role) throw new DomainError("conflict", "Give this person a role with a caseload first");
  if (person.disabledAt) throw new DomainError("conflict", "Reactivate this account before giving it students");
  await inTransaction(deps, async (tx) => {
    if (!(await tx.repos.accounts.addToCaseload(person.id, studentId, role))) return;
    await tx.audit.append({
      action: "account.caseload-student-added",
      personId: actor.personId,
      studentId,
      subject: `person:${person.id}`,
      details: { role, basis: actor.scope.basis },
      requestId: actor.requestId,
    });
  });
}

/** Take one student off a person's caseload; audited. */
export async function removeCaseloadStudent(
  deps: UseCaseDeps,
  actor: AdminActor,
  personId: string,
  studentId: string,
): Promise<void> {
  const person = await managedPerson(deps, actor, personId);
  await managedStudent(deps, actor, studentId);
  await inTransaction(deps, async (tx) => {
    if (!(await tx.repos.accounts.removeFromCaseload(person.id, studentId)))
      throw new DomainError("not-found", "This student is not on this person's caseload");
    await tx.audit.append({
      action: "account.caseload-student-removed",
      personId: actor.personId,
      studentId,
      subject: `person:${person.id}`,
      details: { basis: actor.scope.basis },
      requestId: actor.requestId,
    });
  });
}

export { queueInvitation };
