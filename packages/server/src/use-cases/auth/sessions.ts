/**
 * Sessions beyond sign-in: the idle limit a new session gets, "stay signed in", "sign out
 * everywhere", and the district's session settings.
 */
import {
  DEFAULT_SECOND_FACTOR_SETTINGS,
  DEFAULT_SESSION_SETTINGS,
  DomainError,
  idleMinutesFor,
  type RoleAssignment,
  type SecuritySettings,
  type SessionSettings,
} from "@lantern/core";
import { type Actor, auditAs, inTransaction, type UseCaseDeps } from "../deps.ts";

/** The idle limit of a session started now for a person with these roles. */
export async function idleMinutesForRoles(
  deps: UseCaseDeps,
  input: { roles: readonly RoleAssignment[] },
): Promise<number> {
  const settings = await deps.repos.districts.sessionSettings([...new Set(input.roles.map((r) => r.districtId))]);
  return idleMinutesFor(input.roles, (id) => settings.get(id) ?? DEFAULT_SESSION_SETTINGS);
}

/** End every session of the person (this one included) and record it. */
export async function signOutEverywhere(deps: UseCaseDeps, input: { actor: Actor }): Promise<number> {
  return inTransaction(deps, async (tx) => {
    const ended = await tx.repos.sessions.destroyAllOf(input.actor.personId);
    await auditAs(tx.audit, input.actor)({ action: "auth.signed-out-everywhere", details: { sessions: ended } });
    return ended;
  });
}

export async function readSessionSettings(deps: UseCaseDeps, input: { districtId: string }): Promise<SessionSettings> {
  const settings = await deps.repos.districts.sessionSettings([input.districtId]);
  const own = settings.get(input.districtId);
  if (!own) throw new DomainError("not-found", "No such district");
  return own;
}

/** Change the district's idle limits; sessions already started keep theirs until they end. */
export async function updateSessionSettings(
  deps: UseCaseDeps,
  input: { districtId: string; settings: SessionSettings; actor: Actor },
): Promise<SessionSettings> {
  return inTransaction(deps, async (tx) => {
    await tx.repos.districts.saveSessionSettings(input.districtId, input.settings);
    await auditAs(
      tx.audit,
      input.actor,
    )({ action: "settings.updated", studentId: null, subject: "session-settings", details: { ...input.settings } });
    return input.settings;
  });
}

/** The district's sign-in security: the second factor for staff and the idle limits, together. */
export async function readSecuritySettings(
  deps: UseCaseDeps,
  input: { districtId: string },
): Promise<SecuritySettings> {
  const [sessions, factors] = await Promise.all([
    deps.repos.districts.sessionSettings([input.districtId]),
    deps.repos.districts.secondFactorSettings([input.districtId]),
  ]);
  const own = sessions.get(input.districtId);
  if (!own) throw new DomainError("not-found", "No such district");
  return { ...own, ...(factors.get(input.districtId) ?? DEFAULT_SECOND_FACTOR_SETTINGS) };
}

/** Change both in one transaction (one audit event): new sessions and each next sign-in use them. */
export async function updateSecuritySettings(
  deps: UseCaseDeps,
  input: { districtId: string; settings: SecuritySettings; actor: Actor },
): Promise<SecuritySettings> {
  const { staffIdleMinutes, familyIdleMinutes, requiredForStaff } = input.settings;
  return inTransaction(deps, async (tx) => {
    await tx.repos.districts.saveSessionSettings(input.districtId, { staffIdleMinutes, familyIdleMinutes });
    await tx.repos.districts.saveSecondFactorSettings(input.districtId, { requiredForStaff });
    await auditAs(
      tx.audit,
      input.actor,
    )({
      action: "settings.updated",
      studentId: null,
      subject: "security-settings",
      details: { staffIdleMinutes, familyIdleMinutes, requiredForStaff },
    });
    return { staffIdleMinutes, familyIdleMinutes, requiredForStaff };
  });
}
