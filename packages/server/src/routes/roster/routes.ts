/**
 * The district's student roster. `POST /api/district/roster` takes the roster as CSV
 * (docs/roster-format.md) and adds or updates the district's schools, students, guardians and
 * caseloads in one transaction — district administrators of that district only. A file with
 * problems changes nothing and answers each problem with its line and column; `?dryRun=true`
 * checks the file and counts what would change without saving anything.
 */
import {
  DomainError,
  districtSettingsRole,
  ZErrorBody,
  ZRosterImportQuery,
  ZRosterImportResult,
  ZRosterProblemsResponse,
} from "@lantern/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { importRoster } from "../../use-cases/roster/import-roster.ts";

/** Largest roster accepted over HTTP (about 100,000 students with guardians). */
const ROSTER_BODY_LIMIT = 20 * 1024 * 1024;

const routes: FastifyPluginAsyncZod = async (app) => {
  // CSV arrives as text; this parser applies to the routes of this plugin only.
  app.addContentTypeParser(
    ["text/csv", "application/csv", "application/vnd.ms-excel"],
    { parseAs: "string", bodyLimit: ROSTER_BODY_LIMIT },
    (_request, body, done) => done(null, body),
  );

  app.post(
    "/api/district/roster",
    {
      bodyLimit: ROSTER_BODY_LIMIT,
      schema: {
        tags: ["roster"],
        summary: "Load the district's student roster from CSV (district administrators)",
        description:
          "Body: the roster as text/csv (UTF-8; columns in docs/roster-format.md), up to 20 MB. Adds or updates schools, students (by SIS id), guardians and case managers in one transaction. A file with problems changes nothing: 400 lists each problem's line and column. `dryRun=true` checks and counts without saving. `inviteGuardians=true` emails each guardian it adds a link to choose a password. A guardian whose email belongs to an account with no role in this district (another district's) gets a link waiting for their acceptance, and no access until then.",
        consumes: ["text/csv"],
        querystring: ZRosterImportQuery,
        body: z.string(),
        response: { 200: ZRosterImportResult, 400: z.union([ZRosterProblemsResponse, ZErrorBody]) },
      },
    },
    async (request, reply) => {
      const person = app.auth.requirePerson(request);
      const { dryRun, districtId, inviteGuardians } = request.query;
      const admin = districtSettingsRole({ personId: person.id, roles: person.roles }, "change", districtId);
      if (!admin) {
        await app.deps.audit.append({
          action: "access.denied",
          personId: person.id,
          subject: districtId ? `district:${districtId}:roster` : "roster",
          details: { action: "import-roster" },
          requestId: request.id,
        });
        throw new DomainError("forbidden", "Only the district's administrators can load its roster");
      }
      const outcome = await importRoster(app.deps, {
        districtId: admin.districtId,
        csv: request.body,
        dryRun,
        actor: { personId: person.id, basis: admin.role, name: `${person.firstName} ${person.lastName}` },
        requestId: request.id,
        invite: inviteGuardians ? { baseUrl: app.deps.mail.publicUrl() } : null,
      });
      if (outcome.ok && outcome.result.invitations > 0) app.deps.mail.queued();
      if (!outcome.ok) {
        const { problems, problemCount } = outcome;
        const message =
          problemCount === 1
            ? "The file has a problem; nothing was saved"
            : `The file has ${problemCount} problems${problemCount > problems.length ? ` (the first ${problems.length} are listed)` : ""}; nothing was saved`;
        return reply.status(400).send({ error: "Bad Request", message, problemCount, problems });
      }
      request.log.info(
        { roster: { ...outcome.result, ignoredColumns: outcome.result.ignoredColumns.length } },
        outcome.result.dryRun ? "roster checked" : "roster imported",
      );
      return outcome.result;
    },
  );
};

export default routes;
