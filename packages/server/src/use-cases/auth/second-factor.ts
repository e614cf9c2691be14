/**
 * The second factor: setting up an authenticator app (TOTP, RFC 6238) with recovery codes, and the
 * second step of a sign-in. A code is accepted once (its time step is kept), attempts are counted
 * in the database before a code is checked and locked out like passwords, and recovery codes are
 * kept only as hashes and work once each.
 */
import { createHash, randomBytes } from "node:crypto";
import {
  DEFAULT_SECOND_FACTOR_SETTINGS,
  DomainError,
  RECOVERY_CODE_COUNT,
  type RoleAssignment,
  type SecondFactorChallenge,
  type SecondFactorEnrolment,
  type SecondFactorSettings,
  type SecondFactorStatus,
  type SignInMethod,
  secondFactorRequired,
} from "@lantern/core";
import { Secret, TOTP } from "otpauth";
import { type Actor, auditAs, inTransaction, type UseCaseDeps } from "../deps.ts";

/** How long the step between the password and the code may take. */
export const PENDING_SIGN_IN_SECONDS = 10 * 60;
const ATTEMPT_WINDOW_SECONDS = 15 * 60;
/** Wrong codes allowed per account in the window (with six digits, 5 guesses in 10^6 per 15 minutes). */
const MAX_CODE_ATTEMPTS = 5;
const PERIOD = 30;

function totpOf(secret: string, label = "Lantern"): TOTP {
  return new TOTP({
    issuer: "Lantern",
    label,
    algorithm: "SHA1",
    digits: 6,
    period: PERIOD,
    secret: Secret.fromBase32(secret),
  });
}

/** The time step of a six-digit code that matches now (or the step before or after, for clock drift). */
function matchingStep(secret: string, code: string): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const now = Date.now();
  const delta = totpOf(secret).validate({ token: code, timestamp: now, window: 1 });
  return delta === null ? null : TOTP.counter({ period: PERIOD, timestamp: now }) + delta;
}

/** A recovery code as people may type it: any case, with or without dashes and spaces. */
function normalizeRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]/g, "");
}
function hashRecoveryCode(code: string): string {
  return createHash("sha256")
    .update(`lantern-recovery:${normalizeRecoveryCode(code)}`)
    .digest("hex");
}
function newRecoveryCode(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  const bytes = randomBytes(12);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join("");
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

async function requiredFor(deps: UseCaseDeps, roles: readonly RoleAssignment[]): Promise<boolean> {
  const settings = await deps.repos.districts.secondFactorSettings([...new Set(roles.map((r) => r.districtId))]);
  return secondFactorRequired(roles, (id) => settings.get(id) ?? DEFAULT_SECOND_FACTOR_SETTINGS);
}

/** Count an attempt at a code before checking it; 429 once there were too many. */
async function throttle(deps: UseCaseDeps, personId: string): Promise<void> {
  const attempts = await deps.repos.secondFactors.countAttempt(`second-factor:${personId}`, ATTEMPT_WINDOW_SECONDS);
  if (attempts > MAX_CODE_ATTEMPTS) {
    throw new DomainError("rate-limited", "Too many codes tried. Wait 15 minutes and try again.", {
      details: { retryAfterSeconds: ATTEMPT_WINDOW_SECONDS },
    });
  }
}

/**
 * After the password (or single sign-on): nothing more (null), a code (`verify`), or, when the
 * district requires a second factor and the person has none yet, setting up the app (`enrol`).
 */
export async function secondFactorChallenge(
  deps: UseCaseDeps,
  input: { personId: string; method: "password" | "oidc" },
): Promise<SecondFactorChallenge | null> {
  const factor = await deps.repos.secondFactors.find(input.personId);
  let step: SecondFactorChallenge["step"] | null = factor?.confirmed ? "verify" : null;
  if (step === null) {
    const person = await deps.repos.people.findWithRoles(input.personId);
    if (person && (await requiredFor(deps, person.roles))) step = "enrol";
  }
  if (step === null) return null;
  const pendingToken = await deps.repos.secondFactors.createPending(
    input.personId,
    step,
    input.method,
    PENDING_SIGN_IN_SECONDS,
  );
  return { step, pendingToken, expiresInSeconds: PENDING_SIGN_IN_SECONDS };
}

/** The person of a pending sign-in of this kind; 401 when it is unknown or expired. */
export async function pendingPerson(
  deps: UseCaseDeps,
  input: { pendingToken: string; purpose: "verify" | "enrol" },
): Promise<{ personId: string; method: "password" | "oidc" }> {
  const pending = await deps.repos.secondFactors.findPending(input.pendingToken);
  if (!pending || pending.purpose !== input.purpose) {
    throw new DomainError("unauthenticated", "This sign-in has expired. Sign in again.");
  }
  return pending;
}

/** The second step of a sign-in: a code from the app or a recovery code. Answers who and how. */
export async function verifySecondFactor(
  deps: UseCaseDeps,
  input: { pendingToken: string; code: string; requestId: string },
): Promise<{ personId: string; method: SignInMethod }> {
  const pending = await pendingPerson(deps, { pendingToken: input.pendingToken, purpose: "verify" });
  const { personId } = pending;
  await throttle(deps, personId);
  const { secondFactors } = deps.repos;
  const factor = await secondFactors.find(personId);
  if (!factor?.confirmed) throw new DomainError("unauthenticated", "This sign-in has expired. Sign in again.");
  const step = matchingStep(factor.secret, input.code);
  let accepted = false;
  let recovery = false;
  if (step !== null) {
    accepted = await secondFactors.acceptStep(personId, step, false);
  } else if (normalizeRecoveryCode(input.code).length === 12) {
    accepted = await secondFactors.useRecoveryCode(personId, hashRecoveryCode(input.code));
    recovery = accepted;
  }
  if (!accepted) {
    await deps.audit.append({ action: "auth.second-factor-failed", personId, requestId: input.requestId });
    throw new DomainError(
      "unauthenticated",
      step !== null ? "That code was already used. Wait for the next code." : "That code is not right",
    );
  }
  const method: SignInMethod = pending.method === "oidc" ? "oidc+totp" : "password+totp";
  await inTransaction(deps, async (tx) => {
    await tx.repos.secondFactors.clearAttempts(`second-factor:${personId}`);
    await tx.repos.secondFactors.endPending(input.pendingToken);
    if (recovery) {
      await tx.audit.append({
        action: "auth.recovery-code-used",
        personId,
        requestId: input.requestId,
        details: { left: await tx.repos.secondFactors.recoveryCodesLeft(personId) },
      });
    }
    await tx.audit.append({ action: "auth.signed-in", personId, requestId: input.requestId, details: { method } });
  });
  return { personId, method };
}

/** Start setting up an app: a new secret, not used until a first code confirms it. */
export async function startEnrolment(
  deps: UseCaseDeps,
  input: { personId: string; email: string },
): Promise<SecondFactorEnrolment> {
  const secret = new Secret({ size: 20 }).base32;
  const saved = await deps.repos.secondFactors.saveUnconfirmed(input.personId, secret);
  if (!saved) {
    throw new DomainError("conflict", "An authenticator app is already set up. Remove it first to set up another.");
  }
  return { secret, otpauthUri: totpOf(secret, input.email).toString() };
}

/**
 * Confirm the app with its first code; answers the recovery codes (shown once, kept as hashes).
 * During a sign-in (`pending`), this also completes the sign-in.
 */
export async function confirmEnrolment(
  deps: UseCaseDeps,
  input: {
    personId: string;
    code: string;
    requestId: string;
    pending: { token: string; method: "password" | "oidc" } | null;
  },
): Promise<string[]> {
  await throttle(deps, input.personId);
  const factor = await deps.repos.secondFactors.find(input.personId);
  if (!factor || factor.confirmed) {
    throw new DomainError("conflict", "Start setting up the authenticator app first");
  }
  const step = matchingStep(factor.secret, input.code);
  if (step === null) {
    throw new DomainError(
      "invalid-input",
      "That code is not right. Check the app shows Lantern and try the newest code.",
    );
  }
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await inTransaction(deps, async (tx) => {
    if (!(await tx.repos.secondFactors.acceptStep(input.personId, step, true))) {
      throw new DomainError("conflict", "Start setting up the authenticator app first");
    }
    await tx.repos.secondFactors.replaceRecoveryCodes(input.personId, codes.map(hashRecoveryCode));
    await tx.repos.secondFactors.clearAttempts(`second-factor:${input.personId}`);
    await tx.audit.append({
      action: "auth.second-factor-enrolled",
      personId: input.personId,
      requestId: input.requestId,
    });
    if (input.pending) {
      await tx.repos.secondFactors.endPending(input.pending.token);
      const method: SignInMethod = input.pending.method === "oidc" ? "oidc+totp" : "password+totp";
      await tx.audit.append({
        action: "auth.signed-in",
        personId: input.personId,
        requestId: input.requestId,
        details: { method },
      });
    }
  });
  return codes;
}

/**
 * New recovery codes for a signed-in person with an app set up, after a current code from the app
 * (accepted once, counted like sign-in codes). The earlier codes stop working in the same
 * transaction; the new ones are answered this once and kept only as hashes.
 */
export async function regenerateRecoveryCodes(
  deps: UseCaseDeps,
  input: { actor: Actor; code: string },
): Promise<string[]> {
  const { personId } = input.actor;
  await throttle(deps, personId);
  const factor = await deps.repos.secondFactors.find(personId);
  if (!factor?.confirmed) throw new DomainError("conflict", "Set up an authenticator app first");
  const step = matchingStep(factor.secret, input.code);
  if (step === null) {
    await auditAs(deps.audit, input.actor)({ action: "auth.second-factor-failed" });
    throw new DomainError("invalid-input", "That code is not right. Enter the newest code from your app.", {
      issues: [{ path: "/code", message: "That code is not right. Enter the newest code from your app." }],
    });
  }
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await inTransaction(deps, async (tx) => {
    if (!(await tx.repos.secondFactors.acceptStep(personId, step, false))) {
      throw new DomainError("invalid-input", "That code was already used. Wait for the next code.", {
        issues: [{ path: "/code", message: "That code was already used. Wait for the next code." }],
      });
    }
    await tx.repos.secondFactors.replaceRecoveryCodes(personId, codes.map(hashRecoveryCode));
    await tx.repos.secondFactors.clearAttempts(`second-factor:${personId}`);
    await auditAs(
      tx.audit,
      input.actor,
    )({ action: "auth.recovery-codes-regenerated", details: { count: codes.length } });
  });
  return codes;
}

export async function secondFactorStatus(
  deps: UseCaseDeps,
  input: { personId: string; roles: readonly RoleAssignment[] },
): Promise<SecondFactorStatus> {
  const factor = await deps.repos.secondFactors.find(input.personId);
  return {
    enabled: factor?.confirmed ?? false,
    required: await requiredFor(deps, input.roles),
    recoveryCodesLeft: factor?.confirmed ? await deps.repos.secondFactors.recoveryCodesLeft(input.personId) : 0,
  };
}

/** Turn the second factor off (not where the district requires it). */
export async function removeSecondFactor(
  deps: UseCaseDeps,
  input: { actor: Actor; roles: readonly RoleAssignment[] },
): Promise<void> {
  if (await requiredFor(deps, input.roles)) {
    throw new DomainError("forbidden", "Your district requires a second factor for staff, so it cannot be turned off");
  }
  await inTransaction(deps, async (tx) => {
    await tx.repos.secondFactors.remove(input.actor.personId);
    await auditAs(tx.audit, input.actor)({ action: "auth.second-factor-removed" });
  });
}

export async function readSecondFactorSettings(
  deps: UseCaseDeps,
  input: { districtId: string },
): Promise<SecondFactorSettings> {
  const settings = await deps.repos.districts.secondFactorSettings([input.districtId]);
  const own = settings.get(input.districtId);
  if (!own) throw new DomainError("not-found", "No such district");
  return own;
}

/** Require (or stop requiring) a second factor for staff; applies from each person's next sign-in. */
export async function updateSecondFactorSettings(
  deps: UseCaseDeps,
  input: { districtId: string; settings: SecondFactorSettings; actor: Actor },
): Promise<SecondFactorSettings> {
  return inTransaction(deps, async (tx) => {
    await tx.repos.districts.saveSecondFactorSettings(input.districtId, input.settings);
    await auditAs(
      tx.audit,
      input.actor,
    )({
      action: "settings.updated",
      studentId: null,
      subject: "second-factor-settings",
      details: { ...input.settings },
    });
    return input.settings;
  });
}
