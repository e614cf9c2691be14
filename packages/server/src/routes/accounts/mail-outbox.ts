/**
 * `GET /api/district/mail-outbox`: the district's messages, sent or waiting, for its district
 * administrators. Without a mail server (SMTP_URL) this is where invitations and reset links wait.
 */
import { DomainError, districtSettingsRole, ZErrorBody, ZMailOutboxQuery, ZMailOutboxResponse } from "@lantern/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { readMailOutbox } from "../../use-cases/accounts/read-mail-outbox.ts";

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/district/mail-outbox",
    {
      schema: {
        tags: ["people"],
        summary: "The district's mail outbox (district administrators)",
        querystring: ZMailOutboxQuery,
        response: { 200: ZMailOutboxResponse, 403: ZErrorBody },
      },
    },
    async (request) => {
      const person = app.auth.requirePerson(request);
      const admin = districtSettingsRole({ personId: person.id, roles: person.roles }, "change");
      if (!admin) {
        await app.deps.audit.append({
          action: "access.denied",
          personId: person.id,
          subject: "mail-outbox",
          requestId: request.id,
        });
        throw new DomainError("forbidden", "Only district administrators can read the district's mail");
      }
      return readMailOutbox(app.deps, {
        districtId: admin.districtId,
        limit: request.query.limit,
        sending: app.deps.mail.sending,
      });
    },
  );
};

export default routes;
