/** The signed-in person's inbox: messages, the email choice, and guardian links to accept. */
import {
  ZErrorBody,
  ZGuardianLinkDecision,
  ZGuardianLinkParams,
  ZInboxResponse,
  ZNotificationParams,
  ZNotificationPreferences,
} from "@lantern/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  decideGuardianLink,
  markNotificationRead,
  readInbox,
  setNotificationPreferences,
} from "../../use-cases/inbox/inbox.ts";

const routes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;

  app.get(
    "/api/inbox",
    {
      schema: {
        tags: ["inbox"],
        summary: "My messages, my email choice, and guardian links waiting for my answer",
        response: { 200: ZInboxResponse, 401: ZErrorBody },
      },
    },
    async (request) => readInbox(deps, { personId: app.auth.requirePerson(request).id }),
  );

  app.post(
    "/api/inbox/notifications/:notificationId/read",
    {
      schema: {
        tags: ["inbox"],
        summary: "Mark one of my messages read",
        params: ZNotificationParams,
        response: { 204: z.null(), 404: ZErrorBody },
      },
    },
    async (request, reply) => {
      const person = app.auth.requirePerson(request);
      await markNotificationRead(deps, { personId: person.id, notificationId: request.params.notificationId });
      return reply.status(204).send(null);
    },
  );

  app.put(
    "/api/inbox/preferences",
    {
      schema: {
        tags: ["inbox"],
        summary: "Choose messages by email and in Lantern, or in Lantern only",
        body: ZNotificationPreferences,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const person = app.auth.requirePerson(request);
      await setNotificationPreferences(deps, { personId: person.id, ...request.body, requestId: request.id });
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/inbox/guardian-links/:linkId",
    {
      schema: {
        tags: ["inbox"],
        summary: "Accept or decline being linked as a child's parent or guardian in a district",
        params: ZGuardianLinkParams,
        body: ZGuardianLinkDecision,
        response: { 204: z.null(), 404: ZErrorBody },
      },
    },
    async (request, reply) => {
      const person = app.auth.requirePerson(request);
      await decideGuardianLink(deps, {
        personId: person.id,
        linkId: request.params.linkId,
        accept: request.body.accept,
        requestId: request.id,
      });
      return reply.status(204).send(null);
    },
  );
};

export default routes;
