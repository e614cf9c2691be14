/**
 * Sign in with email and password. Failures are throttled per account and per address in the
 * database (so every server process sees the same count), and the answer never says which of
 * the two was wrong. Sessions themselves (the cookie) are the auth plugin's.
 */
import { createHash } from "node:crypto";
import { DomainError, homeRoleOf, type SessionUser } from "@lantern/core";
import { verify } from "@node-rs/argon2";
import type { PersonWithRoles } from "../../repositories/people-repository.ts";
import { inTransaction, type UseCaseDeps } from "../deps.ts";
import { idleMinutesForRoles } from "./sessions.ts";

const LOGIN_WINDOW_SECONDS = 15 * 60;
const MAX_FAILURES_PER_ACCOUNT = 5;
const MAX_FAILURES_PER_ADDRESS = 50;

/** A hash that lets a wrong email cost as much as a wrong password. */
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$5Kp3bYmiG7iBv+u6UmsvWG2SmZTq8ZQsv3FB2VnOZlY";

/** Check the password; answers the person's id, or throws (401, or 429 while locked out). */
export async function signIn(
  deps: UseCaseDeps,
  input: { email: string; password: string; address: string; requestId: string },
): Promise<string> {
  const accountKey = `account:${createHash("sha256").update(input.email.toLowerCase()).digest("hex")}`;
  const addressKey = `address:${input.address}`;
  const { sessions, people } = deps.repos;
  const [byAccount, byAddress] = await Promise.all([
    sessions.countRecentFailures(accountKey, LOGIN_WINDOW_SECONDS),
    sessions.countRecentFailures(addressKey, LOGIN_WINDOW_SECONDS),
  ]);
  if (byAccount >= MAX_FAILURES_PER_ACCOUNT || byAddress >= MAX_FAILURES_PER_ADDRESS) {
    // Core's ZSignInLockedBody is this error's body: the web reads details.retryAfterSeconds.
    throw new DomainError("rate-limited", "Too many sign-in attempts. Wait 15 minutes and try again.", {
      details: { retryAfterSeconds: LOGIN_WINDOW_SECONDS },
    });
  }
  const person = await people.findCredentialsByEmail(input.email);
  const ok = await verify(person?.password_hash ?? DUMMY_HASH, input.password).catch(() => false);
  if (!person || !ok || person.disabled_at !== null || !person.password_hash) {
    await inTransaction(deps, async (tx) => {
      await tx.repos.sessions.recordFailure(accountKey);
      await tx.repos.sessions.recordFailure(addressKey);
      await tx.audit.append({
        action: "auth.sign-in-failed",
        personId: person?.id ?? null,
        requestId: input.requestId,
      });
    });
    throw new DomainError("unauthenticated", "Email or password is not right");
  }
  await inTransaction(deps, async (tx) => {
    await tx.repos.sessions.clearFailures(accountKey);
    await tx.audit.append({ action: "auth.signed-in", personId: person.id, requestId: input.requestId });
  });
  return person.id;
}

/** Record a sign-out in the audit trail. */
export async function signOut(deps: UseCaseDeps, input: { personId: string; requestId: string }): Promise<void> {
  await deps.audit.append({ action: "auth.signed-out", personId: input.personId, requestId: input.requestId });
}

/** The signed-in person as the session reply shows them, with their session's idle limit. */
export function sessionUser(person: PersonWithRoles & { idleMinutes: number }): SessionUser {
  return {
    id: person.id,
    name: `${person.firstName} ${person.lastName}`,
    email: person.email,
    roles: person.roles,
    homeRole: homeRoleOf(person.roles),
    idleMinutes: person.idleMinutes,
  };
}

/** Who signed in and the idle limit their new session gets (the district's setting for their roles). */
export async function signedInUser(deps: UseCaseDeps, input: { personId: string }): Promise<SessionUser> {
  const person = await deps.repos.people.findWithRoles(input.personId);
  if (!person) throw new Error("signed-in person vanished");
  return sessionUser({ ...person, idleMinutes: await idleMinutesForRoles(deps, { roles: person.roles }) });
}
