/**
 * How long a sign-in waits after failures. Failures slow down the one pair they came from (this
 * account from this address): two failures are free, the third makes the next try wait 10
 * seconds, and each further failure doubles the wait, up to 15 minutes. Nothing locks an account, so someone typing a wrong
 * password at a person's account cannot lock the person out from their own computer, and a
 * school behind one address is never locked out: past many failures from one address, tries from
 * it wait a little, at most a minute. Failures are forgotten after 15 minutes (and a pair's on
 * its success).
 */
export const SIGN_IN_WINDOW_SECONDS = 15 * 60;
/** Failures of one account from one address before the first wait. */
export const FREE_SIGN_IN_FAILURES = 2;
/** The first wait, after one failure more than the free ones. */
export const FIRST_SIGN_IN_WAIT_SECONDS = 10;
/** The longest wait for one account from one address. */
export const MAX_SIGN_IN_WAIT_SECONDS = 15 * 60;
/** Failures from one address (any account) before tries from it wait, and that longest wait. */
export const ADDRESS_FAILURES_BEFORE_WAIT = 100;
export const MAX_ADDRESS_WAIT_SECONDS = 60;

/** Seconds the next try must wait after the last failure, given the failures in the window. */
export function signInWaitSeconds(failures: number): number {
  if (failures <= FREE_SIGN_IN_FAILURES) return 0;
  return Math.min(FIRST_SIGN_IN_WAIT_SECONDS * 2 ** (failures - FREE_SIGN_IN_FAILURES - 1), MAX_SIGN_IN_WAIT_SECONDS);
}

/** Seconds the next try from an address must wait after its last failure. */
export function addressWaitSeconds(failures: number): number {
  if (failures < ADDRESS_FAILURES_BEFORE_WAIT) return 0;
  return Math.min(1 + failures - ADDRESS_FAILURES_BEFORE_WAIT, MAX_ADDRESS_WAIT_SECONDS);
}

/** What is left of a wait, in whole seconds (at least 1 while any is left). */
export function remainingWait(waitSeconds: number, secondsSinceLastFailure: number): number {
  const left = waitSeconds - secondsSinceLastFailure;
  return left > 0 ? Math.ceil(left) : 0;
}
