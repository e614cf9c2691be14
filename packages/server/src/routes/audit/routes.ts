/**
 * The audit-trail viewer, for a district's administrators only:
 * - `GET /api/district/audit-trail`: the audit trail or the record of access, filtered, a page at a time;
 * - `GET /api/district/audit-trail.csv`: the same rows as a CSV file (rate-limited like every export).
 * Anyone else gets a 403, itself written to the audit trail; an administrator of another district
 * sees only their own district's rows.
 */
import {
  DomainError,
  districtSettingsRole,
  ZAuditTrailCsvQuery,
  ZAuditTrailPage,
  ZAuditTrailQuery,
  ZErrorBody,
} from "@lantern/core";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { auditTrailCsv } from "../../formats/csv.ts";
import { exportAuditTrail, readAuditTrail } from "../../use-cases/audit/read-audit-trail.ts";

const routes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;

  async function districtAdmin(request: FastifyRequest) {
    const person = app.auth.requirePerson(request);
    const admin = districtSettingsRole({ personId: person.id, roles: person.roles }, "change");
    if (!admin) {
      await deps.audit.append({
        action: "access.denied",
        personId: person.id,
        subject: "audit-trail",
        requestId: request.id,
      });
      throw new DomainError("forbidden", "Only district administrators can read the district's audit trail");
    }
    return { districtId: admin.districtId, actor: { personId: person.id, requestId: request.id } };
  }

  app.get(
    "/api/district/audit-trail",
    {
      schema: {
        tags: ["audit"],
        summary: "The district's audit trail or record of access, filtered, newest first (district administrators)",
        description:
          "`trail` chooses the audit trail or the record of access; `student` and `person` match part of a name (or email); `from` and `to` are dates in the district (at most a year apart; the last 30 days by default); `before` pages on.",
        querystring: ZAuditTrailQuery,
        response: { 200: ZAuditTrailPage, 403: ZErrorBody },
      },
    },
    async (request) => readAuditTrail(deps, { ...(await districtAdmin(request)), query: request.query }),
  );

  app.get(
    "/api/district/audit-trail.csv",
    {
      schema: {
        tags: ["audit"],
        summary: "The filtered audit trail or record of access as CSV (at most 10,000 rows; district administrators)",
        querystring: ZAuditTrailCsvQuery,
        produces: ["text/csv"],
      },
    },
    async (request, reply) => {
      const result = await exportAuditTrail(deps, { ...(await districtAdmin(request)), query: request.query });
      return reply
        .type("text/csv; charset=utf-8")
        .header("cache-control", "no-store")
        .header(
          "content-disposition",
          `attachment; filename="${request.query.trail}-${result.from}-to-${result.to}.csv"`,
        )
        .header("x-lantern-truncated", result.truncated ? "true" : "false")
        .send(auditTrailCsv(result.entries));
    },
  );
};

export default routes;
