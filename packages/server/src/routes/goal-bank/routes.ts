/** The goal bank: staff of the district read its measurable goal patterns; district administrators add and remove the district's own. */
import {
  DomainError,
  districtSettingsRole,
  ZGoalPattern,
  ZGoalPatternList,
  ZGoalPatternParams,
  ZNewGoalPattern,
} from "@lantern/core";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { addGoalPattern, listGoalPatterns, removeGoalPattern } from "../../use-cases/goal-bank/goal-patterns.ts";

const routes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;

  function districtAdmin(request: FastifyRequest) {
    const person = app.auth.requirePerson(request);
    const role = districtSettingsRole({ personId: person.id, roles: person.roles }, "change");
    if (!role)
      throw new DomainError("forbidden", "Only district administrators can change the district's goal patterns");
    return { districtId: role.districtId, actor: { personId: person.id, basis: role.role, requestId: request.id } };
  }

  app.get(
    "/api/district/goal-patterns",
    {
      schema: {
        tags: ["goal-bank"],
        summary: "Measurable goal patterns by area: Lantern's and the district's (district staff)",
        response: { 200: ZGoalPatternList },
      },
    },
    async (request) => {
      const person = app.auth.requirePerson(request);
      const actor = { personId: person.id, roles: person.roles };
      const role = districtSettingsRole(actor, "read");
      if (!role) throw new DomainError("forbidden", "Only district staff can see the district's goal patterns");
      const canChange = districtSettingsRole(actor, "change", role.districtId) !== null;
      return listGoalPatterns(deps, { districtId: role.districtId, canChange });
    },
  );

  app.post(
    "/api/district/goal-patterns",
    {
      schema: {
        tags: ["goal-bank"],
        summary: "Add a measurable goal pattern to the district's bank (district administrators)",
        body: ZNewGoalPattern,
        response: { 201: ZGoalPattern },
      },
    },
    async (request, reply) => {
      const added = await addGoalPattern(deps, { ...districtAdmin(request), pattern: request.body });
      return reply.code(201).send(added);
    },
  );

  app.delete(
    "/api/district/goal-patterns/:patternId",
    {
      schema: {
        tags: ["goal-bank"],
        summary: "Remove one of the district's goal patterns (district administrators; Lantern's own stay)",
        params: ZGoalPatternParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await removeGoalPattern(deps, { ...districtAdmin(request), patternId: request.params.patternId });
      return reply.code(204).send(null);
    },
  );
};

export default routes;
