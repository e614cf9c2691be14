import { ZHealth } from "@lantern/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { sql } from "kysely";

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/health",
    {
      schema: { tags: ["system"], summary: "Is the server up and its database answering?", response: { 200: ZHealth } },
    },
    async () => {
      const row = await sql<{ n: number }>`select count(*)::int as n from kysely_migration`.execute(app.deps.db);
      return {
        status: "ok" as const,
        database: app.deps.databaseKind,
        version: app.deps.version,
        migrations: row.rows[0]?.n ?? 0,
      };
    },
  );
};

export default routes;
