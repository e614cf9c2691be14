/**
 * Read a district's audit trail or record of access for its administrator: dates bounded (at most
 * a year; the last 30 days when no start is given), a bounded page, and the reading itself written
 * to the audit trail (which filters were used, never the names typed into them).
 */
import {
  AUDIT_ACTIONS,
  AUDIT_TRAIL_CSV_MAX,
  AUDIT_TRAIL_DEFAULT_DAYS,
  type AuditTrailCsvQuery,
  type AuditTrailEntry,
  type AuditTrailPage,
  type AuditTrailQuery,
  addDays,
  assertDateWindow,
  STUDENT_ACTIONS,
} from "@lantern/core";
import { type Actor, auditAs, todayFor, type UseCaseDeps } from "../deps.ts";

type Input = { districtId: string; actor: Pick<Actor, "personId" | "requestId"> };

async function read(
  deps: UseCaseDeps,
  input: Input & { query: AuditTrailCsvQuery & { before?: number | undefined }; limit: number },
  action: "audit-trail.viewed" | "audit-trail.exported",
) {
  const { query } = input;
  const today = await todayFor(deps, input.districtId);
  const to = query.to ?? today;
  const from = query.from ?? addDays(to, -AUDIT_TRAIL_DEFAULT_DAYS);
  assertDateWindow(today, { range: { from: ["from", from], through: ["to", to] } });
  const timeZone = await deps.repos.districts.timeZone(input.districtId);
  const rows = await deps.repos.auditTrail.page({
    districtId: input.districtId,
    timeZone,
    trail: query.trail,
    from,
    to,
    student: query.student || undefined,
    person: query.person || undefined,
    action: query.action || undefined,
    before: query.before,
    limit: input.limit + 1,
  });
  await auditAs(
    deps.audit,
    input.actor,
  )({
    action,
    subject: `district:${input.districtId}`,
    details: {
      trail: query.trail,
      from,
      to,
      action: query.action || null,
      byStudent: Boolean(query.student),
      byPerson: Boolean(query.person),
      rows: Math.min(rows.length, input.limit),
    },
  });
  return { from, to, rows };
}

export async function readAuditTrail(
  deps: UseCaseDeps,
  input: Input & { query: AuditTrailQuery },
): Promise<AuditTrailPage> {
  const { from, to, rows } = await read(deps, { ...input, limit: input.query.limit }, "audit-trail.viewed");
  const entries = rows.slice(0, input.query.limit);
  const last = entries.at(-1);
  return {
    trail: input.query.trail,
    from,
    to,
    entries,
    nextBefore: rows.length > input.query.limit && last ? last.id : null,
    actions: [...(input.query.trail === "audit-trail" ? AUDIT_ACTIONS : STUDENT_ACTIONS)],
  };
}

/** The same rows for a CSV file: at most AUDIT_TRAIL_CSV_MAX, and whether there were more. */
export async function exportAuditTrail(
  deps: UseCaseDeps,
  input: Input & { query: AuditTrailCsvQuery },
): Promise<{ from: string; to: string; entries: AuditTrailEntry[]; truncated: boolean }> {
  const { from, to, rows } = await read(deps, { ...input, limit: AUDIT_TRAIL_CSV_MAX }, "audit-trail.exported");
  return { from, to, entries: rows.slice(0, AUDIT_TRAIL_CSV_MAX), truncated: rows.length > AUDIT_TRAIL_CSV_MAX };
}
