/**
 * Sign in with email and password. Failures are throttled per account and per address in the
 * database (so every server process sees the same count), and the answer never says which of
 * the two was wrong.
 */
import { createHash } from "node:crypto";
import { type AuditLog, DomainError } from "@lantern/core";
import { verify } from "@node-rs/argon2";
import type { PeopleRepository } from "../repositories/people-repository.ts";
import type { SessionRepository } from "../repositories/session-repository.ts";

export const LOGIN_WINDOW_SECONDS = 15 * 60;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 50;

/** A hash that lets a wrong email cost as much as a wrong password. */
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$5Kp3bYmiG7iBv+u6UmsvWG2SmZTq8ZQsv3FB2VnOZlY";

export type SignInDeps = { people: PeopleRepository; sessions: SessionRepository; audit: AuditLog };

export async function signIn(
  deps: SignInDeps,
  input: { email: string; password: string; address: string; requestId: string },
): Promise<string> {
  const accountKey = `account:${createHash("sha256").update(input.email.toLowerCase()).digest("hex")}`;
  const addressKey = `address:${input.address}`;
  const [byAccount, byAddress] = await Promise.all([
    deps.sessions.countRecentFailures(accountKey, LOGIN_WINDOW_SECONDS),
    deps.sessions.countRecentFailures(addressKey, LOGIN_WINDOW_SECONDS),
  ]);
  if (byAccount >= MAX_FAILURES_PER_ACCOUNT || byAddress >= MAX_FAILURES_PER_ADDRESS) {
    throw new DomainError("rate-limited", "Too many sign-in attempts. Wait 15 minutes and try again.", {
      details: { retryAfterSeconds: LOGIN_WINDOW_SECONDS },
    });
  }
  const person = await deps.people.findCredentialsByEmail(input.email);
  const ok = await verify(person?.password_hash ?? DUMMY_HASH, input.password).catch(() => false);
  if (!person || !ok || person.disabled_at !== null || !person.password_hash) {
    await deps.sessions.recordFailure(accountKey);
    await deps.sessions.recordFailure(addressKey);
    await deps.audit.append({
      action: "auth.sign-in-failed",
      personId: person?.id ?? null,
      requestId: input.requestId,
    });
    throw new DomainError("unauthenticated", "Email or password is not right");
  }
  await deps.sessions.clearFailures(accountKey);
  await deps.audit.append({ action: "auth.signed-in", personId: person.id, requestId: input.requestId });
  return person.id;
}
