/**
 * A personal calendar feed of upcoming deadlines at a secret, revocable address: staff see their
 * dashboard's scope, guardians their own children. The address holds a random token; only its
 * SHA-256 is stored, and a new address ends the old one.
 */
import { createHash, randomBytes } from "node:crypto";
import { type CalendarFeed, DomainError, type IsoDate } from "@lantern/core";
import type { DashboardScope } from "../../repositories/compliance-dashboard-repository.ts";
import { type Actor, auditAs, inTransaction, todayFor, type UseCaseDeps } from "../deps.ts";
import { dashboardScope } from "./dashboard.ts";
import { refreshStalePlans } from "./refresh-plan-compliance.ts";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

export async function createCalendarFeed(deps: UseCaseDeps, input: { actor: Actor }): Promise<CalendarFeed> {
  const token = randomBytes(32).toString("base64url");
  return inTransaction(deps, async (tx) => {
    const createdAt = tx.clock.now();
    await tx.repos.calendarFeeds.replace(input.actor.personId, sha256(token), createdAt);
    await auditAs(
      tx.audit,
      input.actor,
    )({ action: "calendar-feed.created", studentId: null, subject: "calendar-feed", details: {} });
    return { url: `/api/compliance/calendar/${token}.ics`, createdAt: createdAt.toISOString() };
  });
}

export async function revokeCalendarFeed(deps: UseCaseDeps, input: { actor: Actor }): Promise<void> {
  await inTransaction(deps, async (tx) => {
    await tx.repos.calendarFeeds.revoke(input.actor.personId, tx.clock.now());
    await auditAs(
      tx.audit,
      input.actor,
    )({ action: "calendar-feed.revoked", studentId: null, subject: "calendar-feed", details: {} });
  });
}

export type FeedEvent = {
  id: number;
  studentId: string;
  initials: string;
  label: string;
  dueDate: IsoDate;
  citation: string;
};

/**
 * The deadlines of a feed's address: who it belongs to, and their unmet deadlines from a month ago
 * to a year ahead (refreshed first when stale). Unknown or revoked addresses are not found.
 */
export async function readCalendarFeed(
  deps: UseCaseDeps,
  input: { token: string; requestId?: string },
): Promise<{ personId: string; events: FeedEvent[]; stamp: Date }> {
  const personId = await deps.repos.calendarFeeds.personOf(sha256(input.token));
  if (!personId) {
    // Someone may be guessing addresses: the miss is in the audit trail (never the token).
    await deps.audit.append({
      action: "calendar-feed.token-missed",
      personId: null,
      requestId: input.requestId ?? null,
    });
    throw new DomainError("not-found", "No such calendar");
  }
  const roles = await deps.repos.people.rolesOf(personId);
  const staff = roles.some((r) => r.role !== "guardian" && r.role !== "advocate");
  let scope: DashboardScope | null = null;
  if (staff) scope = await dashboardScope(deps, { id: personId, roles }, {});
  else if (roles[0]) {
    const children = await deps.repos.dashboard.childrenOf(personId);
    scope = { kind: "caseload", districtId: roles[0].districtId, schoolId: null, studentIds: children };
  }
  if (!scope) return { personId, events: [], stamp: deps.clock.now() };
  const today = await todayFor(deps, scope.districtId);
  await refreshStalePlans(deps, { scope, today });
  const { dueSoonDays } = await deps.repos.compliance.settings(scope.districtId);
  const rows = await deps.repos.dashboard.feedDeadlines(scope, today, dueSoonDays);
  return {
    personId,
    stamp: deps.clock.now(),
    events: rows.map((r) => ({
      id: r.id,
      studentId: r.studentId,
      initials: `${r.firstName.slice(0, 1)}. ${r.lastName.slice(0, 1)}.`,
      label: r.label,
      dueDate: r.dueDate,
      citation: r.citation,
    })),
  };
}
