/**
 * The second factor at sign-in (an authenticator app's six-digit codes, RFC 6238, with recovery
 * codes) and the district's setting that requires it for staff. Staff can read many students'
 * education records, which FERPA lets only school officials with a legitimate interest see
 * (34 CFR 99.31(a)(1)); NIST SP 800-63B counts a one-time-password app as a second factor.
 */
import { z } from "zod";
import { ZSessionResponse } from "./auth-api.ts";
import { ZSessionSettings } from "./session-rules.ts";

/** How a session was signed in; signatures record it. */
export const SIGN_IN_METHODS = ["password", "password+totp", "oidc", "oidc+totp"] as const;
export const ZSignInMethod = z.enum(SIGN_IN_METHODS);
export type SignInMethod = z.infer<typeof ZSignInMethod>;

/** How many recovery codes a person gets at a time (each works once). */
export const RECOVERY_CODE_COUNT = 10;

/** Password accepted; a code (`verify`) or setting up the app first (`enrol`) is still needed. */
export const ZSecondFactorChallenge = z.object({
  step: z.enum(["verify", "enrol"]),
  /** Sent back with the code; good for a few minutes, for this account only. */
  pendingToken: z.string(),
  expiresInSeconds: z.number().int().positive(),
});
export type SecondFactorChallenge = z.infer<typeof ZSecondFactorChallenge>;

/** The answer to a sign-in: the session, or (no session yet) the second step still needed. */
export const ZSignInResponse = ZSessionResponse.extend({ secondFactor: ZSecondFactorChallenge.optional() });
export type SignInResponse = z.infer<typeof ZSignInResponse>;

const ZCode = z
  .string()
  .trim()
  .min(1, "Enter the 6-digit code from your authenticator app, or a recovery code")
  .max(40, "That code is too long");

export const ZSecondFactorVerifyRequest = z.object({
  pendingToken: z.string().min(1).max(200),
  /** The app's six digits, or one recovery code (xxxx-xxxx-xxxx). */
  code: ZCode,
});

export const ZSecondFactorStatus = z.object({
  enabled: z.boolean(),
  /** The district requires a second factor for this person (a staff role). */
  required: z.boolean(),
  recoveryCodesLeft: z.number().int().nonnegative(),
});
export type SecondFactorStatus = z.infer<typeof ZSecondFactorStatus>;

/** Start setting up an app: signed in, or during sign-in with an `enrol` pending token. */
export const ZSecondFactorEnrolRequest = z.object({ pendingToken: z.string().min(1).max(200).optional() });
export const ZSecondFactorEnrolment = z.object({
  /** The secret in base32, to type into the app. */
  secret: z.string(),
  /** The same as an otpauth:// address (what the QR code holds). */
  otpauthUri: z.string(),
});
export type SecondFactorEnrolment = z.infer<typeof ZSecondFactorEnrolment>;

export const ZSecondFactorConfirmRequest = z.object({
  pendingToken: z.string().min(1).max(200).optional(),
  code: ZCode,
});
/** Set up: the recovery codes, shown this once; with a pending token, also the new session. */
export const ZSecondFactorConfirmed = ZSessionResponse.extend({
  recoveryCodes: z.array(z.string()),
});
export type SecondFactorConfirmed = z.infer<typeof ZSecondFactorConfirmed>;

/** The district's setting (district administrators change it). */
export const ZSecondFactorSettings = z.object({ requiredForStaff: z.boolean() });
export type SecondFactorSettings = z.infer<typeof ZSecondFactorSettings>;
export const DEFAULT_SECOND_FACTOR_SETTINGS: SecondFactorSettings = { requiredForStaff: false };

/** The district's sign-in security on one form: the second factor for staff and the idle limits. */
export const ZSecuritySettings = ZSessionSettings.extend(ZSecondFactorSettings.shape);
export type SecuritySettings = z.infer<typeof ZSecuritySettings>;

/** Recovery codes made again: the new ones, shown this once (the earlier ones stop working). */
export const ZRecoveryCodesRequest = z.object({
  /** A current code from the authenticator app, to show it is the account's owner at the screen. */
  code: ZCode,
});
export const ZRecoveryCodesResponse = z.object({ recoveryCodes: z.array(z.string()) });
export type RecoveryCodesResponse = z.infer<typeof ZRecoveryCodesResponse>;

const FAMILY_ROLES = new Set(["guardian", "advocate"]);

/** A second factor is required when any district the person works in as staff requires it. */
export function secondFactorRequired(
  roles: ReadonlyArray<{ role: string; districtId: string }>,
  settingsOf: (districtId: string) => SecondFactorSettings,
): boolean {
  return roles.some((r) => !FAMILY_ROLES.has(r.role) && settingsOf(r.districtId).requiredForStaff);
}
