/**
 * What every use case receives: repositories (the only code that holds SQL), the audit trail and
 * the clock. A use case's signature is `(deps: UseCaseDeps, input)`. A change and its audit events
 * share one transaction: `inTransaction(deps, (tx) => …)` hands the use case the same three,
 * bound to the transaction; it never sees the database itself.
 */
import type { AuditEvent, AuditLog, Clock, IsoDate } from "@lantern/core";
import type { Repositories } from "../repositories/index.ts";

export type UseCaseDeps = { repos: Repositories; audit: AuditLog; clock: Clock };

/** Run `fn` in one transaction (or in the caller's, when already in one). */
export function inTransaction<T>(deps: UseCaseDeps, fn: (tx: UseCaseDeps) => Promise<T>): Promise<T> {
  return deps.repos.transaction(({ repos, audit }) => fn({ ...deps, repos, audit }));
}

/** Today's date in the district's time zone (core's Clock port). */
export async function todayFor(deps: UseCaseDeps, districtId: string): Promise<IsoDate> {
  return deps.clock.today(await deps.repos.districts.timeZone(districtId));
}

/** Who acts, on what basis (the role the access policy matched), in which request. */
export type Actor = {
  personId: string;
  basis: string;
  requestId: string | null;
  /** The name on the actor's account, and how their session was signed in (kept with signatures). */
  name?: string;
  signInMethod?: string;
};

/** An audit trail that fills in the actor and the request of each event. */
export function auditAs(audit: AuditLog, actor: Pick<Actor, "personId" | "requestId">) {
  return (event: Omit<AuditEvent, "personId" | "requestId">) =>
    audit.append({ ...event, personId: actor.personId, requestId: actor.requestId });
}
