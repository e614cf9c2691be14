/**
 * The sign-in and session API: what it accepts and answers, shared by the server (validation,
 * OpenAPI) and the web app (types).
 */
import { z } from "zod";
import { ZRole } from "../access/roles.ts";
import { ZErrorBody } from "../shared/error-api.ts";

export const ZSignInRequest = z.object({
  email: z.email({ error: "Enter an email address like name@example.org" }).max(254),
  password: z.string().min(1, "Enter your password").max(200),
});

export const ZSessionUser = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  roles: z.array(z.object({ role: ZRole, districtId: z.string(), schoolId: z.string().nullable() })),
  homeRole: ZRole.nullable(),
  /** Minutes without activity after which this session ends (the district's setting for the person's roles). */
  idleMinutes: z.number().int().positive(),
  /**
   * The language a student's record gives for this person as a guardian (a code such as "es"), or
   * null. The app opens in it when the reader has not chosen a language in the switcher.
   */
  language: z.string().nullable().optional(),
  /** How this session was signed in: password, password+totp, oidc or oidc+totp (in the session's answer). */
  signInMethod: z.string().max(40).optional(),
});
export type SessionUser = z.infer<typeof ZSessionUser>;

export const ZSessionResponse = z.object({ user: ZSessionUser.nullable(), csrfToken: z.string() });
export type SessionResponse = z.infer<typeof ZSessionResponse>;

/**
 * The answer to a sign-in while the account or address is locked out after too many failures
 * (HTTP 429, with a Retry-After header of the same number of seconds).
 */
export const ZSignInLockedBody = ZErrorBody.extend({
  details: z.object({
    /** How long until signing in may be tried again: the whole lockout window. */
    retryAfterSeconds: z.number().int().positive(),
  }),
});
export type SignInLockedBody = z.infer<typeof ZSignInLockedBody>;
