/** A personal ICS feed of upcoming deadlines at a secret, revocable address (no sign-in to read it). */
import { ZCalendarFeed, ZCalendarFeedParams } from "@lantern/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { icsCalendar } from "../../formats/ics.ts";
import { createCalendarFeed, readCalendarFeed, revokeCalendarFeed } from "../../use-cases/compliance/calendar-feed.ts";

const routes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;

  app.post(
    "/api/compliance/calendar-feed",
    {
      schema: {
        tags: ["compliance"],
        summary: "Create (or replace) your secret calendar-feed address; any earlier address stops working",
        response: { 200: ZCalendarFeed },
      },
    },
    async (request) => {
      const person = app.auth.requirePerson(request);
      return createCalendarFeed(deps, { actor: { personId: person.id, basis: "self", requestId: request.id } });
    },
  );

  app.delete(
    "/api/compliance/calendar-feed",
    { schema: { tags: ["compliance"], summary: "Revoke your calendar-feed address", response: { 204: z.null() } } },
    async (request, reply) => {
      const person = app.auth.requirePerson(request);
      await revokeCalendarFeed(deps, { actor: { personId: person.id, basis: "self", requestId: request.id } });
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/api/compliance/calendar/:file",
    {
      schema: {
        tags: ["compliance"],
        summary: "Your upcoming deadlines as an ICS calendar (secret address; no sign-in)",
        params: ZCalendarFeedParams,
      },
    },
    async (request, reply) => {
      const feed = await readCalendarFeed(deps, {
        token: request.params.file.replace(/\.ics$/, ""),
        requestId: request.id,
      });
      await app.access.recordListing(
        request,
        feed.personId,
        [...new Set(feed.events.map((e) => e.studentId))],
        "calendar feed",
      );
      const body = icsCalendar({
        name: "Lantern deadlines",
        stamp: feed.stamp,
        events: feed.events.map((e) => ({
          uid: `deadline-${e.id}@lantern`,
          date: e.dueDate,
          summary: `${e.label} (${e.initials})`,
          description: `Due by ${e.dueDate}. ${e.citation}.`,
        })),
      });
      return reply
        .type("text/calendar; charset=utf-8")
        .header("cache-control", "private, no-store")
        .header("referrer-policy", "no-referrer")
        .send(body);
    },
  );
};

export default routes;
