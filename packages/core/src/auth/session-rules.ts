/**
 * How long a session lasts without activity. Staff can read many students' education records
 * (34 CFR 99.31 allows access only to school officials with a legitimate interest), so an
 * unattended screen is closed sooner for them than for families; each district sets both.
 */
import { z } from "zod";
import type { RoleAssignment } from "../access/roles.ts";

const FAMILY_ROLES = new Set(["guardian", "advocate"]);

export const DEFAULT_STAFF_IDLE_MINUTES = 30;
export const DEFAULT_FAMILY_IDLE_MINUTES = 120;
export const MIN_IDLE_MINUTES = 5;
export const MAX_IDLE_MINUTES = 720;

const idleMinutes = (who: string) =>
  z
    .number()
    .int(`${who} must be a whole number of minutes`)
    .min(MIN_IDLE_MINUTES, `${who} must be at least ${MIN_IDLE_MINUTES} minutes`)
    .max(MAX_IDLE_MINUTES, `${who} can be at most ${MAX_IDLE_MINUTES} minutes (12 hours)`);

/** The district's session settings: minutes without activity before a session ends. */
export const ZSessionSettings = z.object({
  staffIdleMinutes: idleMinutes("The staff time limit"),
  familyIdleMinutes: idleMinutes("The family time limit"),
});
export type SessionSettings = z.infer<typeof ZSessionSettings>;

export const DEFAULT_SESSION_SETTINGS: SessionSettings = {
  staffIdleMinutes: DEFAULT_STAFF_IDLE_MINUTES,
  familyIdleMinutes: DEFAULT_FAMILY_IDLE_MINUTES,
};

/**
 * The idle limit of a new session: the strictest that applies. Anyone with a staff role gets the
 * staff limit of each district they work in (the shortest); families the family limit.
 */
export function idleMinutesFor(
  roles: readonly RoleAssignment[],
  settingsOf: (districtId: string) => SessionSettings,
): number {
  const staff = roles.filter((r) => !FAMILY_ROLES.has(r.role));
  const limits =
    staff.length > 0
      ? staff.map((r) => settingsOf(r.districtId).staffIdleMinutes)
      : roles.map((r) => settingsOf(r.districtId).familyIdleMinutes);
  return limits.length > 0 ? Math.min(...limits) : DEFAULT_STAFF_IDLE_MINUTES;
}

/**
 * A session's expiry moves forward with activity, but at most this often (so reading a page does
 * not write on every request): a tenth of the idle limit, never more than five minutes. The
 * session can therefore end up to this many seconds before `idle minutes` after the last request,
 * and the web warns early enough to cover it.
 */
export function sessionTouchAfterSeconds(idleMinutesLimit: number): number {
  return Math.min(300, idleMinutesLimit * 6);
}

/** Seconds after the last request at which the web warns that the session is about to end. */
export const IDLE_WARNING_SECONDS = 120;
export function idleWarningAfterSeconds(idleMinutesLimit: number): number {
  return Math.max(0, idleMinutesLimit * 60 - sessionTouchAfterSeconds(idleMinutesLimit) - IDLE_WARNING_SECONDS);
}
/** Seconds after the last request at which the web treats the session as ended (it surely has by then, or nearly). */
export function idleEndAfterSeconds(idleMinutesLimit: number): number {
  return idleMinutesLimit * 60 - sessionTouchAfterSeconds(idleMinutesLimit);
}
