/**
 * Sign in with email and password. Failures slow down further tries of the same account from the
 * same address (core's sign-in-throttle.ts: waits that double, never a lockout another person can
 * cause), counted in the database so every server process sees them. A try takes its turn before
 * the password is checked: under a lock on its account-and-address, it reads the failures, is
 * refused while a wait is running, and otherwise is written down as a failure first (cleared when
 * the password is right). So tries sent at the same moment are counted one by one, and never more
 * than the free ones are checked. The answer never says whether the email or the password was
 * wrong. Sessions themselves (the cookie) are the auth plugin's.
 */
import { createHash } from "node:crypto";
import {
  addressWaitSeconds,
  DomainError,
  homeRoleOf,
  remainingWait,
  type SessionUser,
  SIGN_IN_WINDOW_SECONDS,
  signInWaitSeconds,
} from "@lantern/core";
import { verify } from "@node-rs/argon2";
import type { PersonWithRoles } from "../../repositories/people-repository.ts";
import { inTransaction, type UseCaseDeps } from "../deps.ts";
import { idleMinutesForRoles } from "./sessions.ts";

/** A hash that lets a wrong email cost as much as a wrong password. */
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$5Kp3bYmiG7iBv+u6UmsvWG2SmZTq8ZQsv3FB2VnOZlY";

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** Check the password; answers the person's id, or throws (401, or 429 while a wait runs). */
export async function signIn(
  deps: UseCaseDeps,
  input: { email: string; password: string; address: string; requestId: string },
): Promise<string> {
  const pairKey = `pair:${sha256(`${input.email.toLowerCase()}\n${input.address}`)}`;
  const addressKey = `address:${sha256(input.address)}`;
  const wait = await inTransaction(deps, async (tx) => {
    const { sessions } = tx.repos;
    await sessions.lockKey(pairKey);
    const [pair, address] = await Promise.all([
      sessions.recentFailures(pairKey, SIGN_IN_WINDOW_SECONDS),
      sessions.recentFailures(addressKey, SIGN_IN_WINDOW_SECONDS),
    ]);
    const left = Math.max(
      remainingWait(signInWaitSeconds(pair.count), pair.secondsSinceLast ?? Number.POSITIVE_INFINITY),
      remainingWait(addressWaitSeconds(address.count), address.secondsSinceLast ?? Number.POSITIVE_INFINITY),
    );
    if (left === 0) await sessions.recordFailure(pairKey);
    return left;
  });
  if (wait > 0) {
    // Core's ZSignInLockedBody is this error's body: the web reads details.retryAfterSeconds.
    throw new DomainError("rate-limited", `Too many sign-in attempts. Wait ${wait} seconds and try again.`, {
      details: { retryAfterSeconds: wait },
    });
  }
  const person = await deps.repos.people.findCredentialsByEmail(input.email);
  const ok = await verify(person?.password_hash ?? DUMMY_HASH, input.password).catch(() => false);
  if (!person || !ok || person.disabled_at !== null || !person.password_hash) {
    await inTransaction(deps, async (tx) => {
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
    await tx.repos.sessions.clearFailures(pairKey);
    await tx.audit.append({ action: "auth.signed-in", personId: person.id, requestId: input.requestId });
  });
  return person.id;
}

/** Record a sign-out in the audit trail. */
export async function signOut(deps: UseCaseDeps, input: { personId: string; requestId: string }): Promise<void> {
  await deps.audit.append({ action: "auth.signed-out", personId: input.personId, requestId: input.requestId });
}

/** The signed-in person as the session reply shows them, with their session's idle limit. */
export function sessionUser(
  person: PersonWithRoles & { idleMinutes: number },
  language: string | null = null,
): SessionUser {
  return {
    id: person.id,
    name: `${person.firstName} ${person.lastName}`,
    email: person.email,
    roles: person.roles,
    homeRole: homeRoleOf(person.roles),
    idleMinutes: person.idleMinutes,
    language,
  };
}

/** Who signed in and the idle limit their new session gets (the district's setting for their roles). */
export async function signedInUser(deps: UseCaseDeps, input: { personId: string }): Promise<SessionUser> {
  const person = await deps.repos.people.findWithRoles(input.personId);
  if (!person) throw new Error("signed-in person vanished");
  const [idleMinutes, language] = await Promise.all([
    idleMinutesForRoles(deps, { roles: person.roles }),
    guardianLanguage(deps, person),
  ]);
  return sessionUser({ ...person, idleMinutes }, language);
}

/** The language a student's record gives for a guardian (families only; staff choose their own). */
export async function guardianLanguage(deps: UseCaseDeps, person: PersonWithRoles): Promise<string | null> {
  if (!person.roles.some((r) => r.role === "guardian")) return null;
  return deps.repos.students.guardianLanguageOf(person.id);
}
