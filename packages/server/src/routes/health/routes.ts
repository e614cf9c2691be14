/** The health check. */
import { ZHealth } from "@lantern/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { checkHealth } from "../../use-cases/system/check-health.ts";

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/health",
    {
      schema: { tags: ["system"], summary: "Is the server up and its database answering?", response: { 200: ZHealth } },
    },
    async () => checkHealth(app.deps, { database: app.deps.databaseKind, version: app.deps.version }),
  );
};

export default routes;
