import type { TestProject } from "vitest/node";
import { buildServer } from "../../build.mjs";
import { buildDatabaseTemplates, type DatabaseTemplates } from "./database-templates.ts";
import { ensurePostgres } from "./postgres-server.ts";
import { TEST_TODAY } from "./test-today.ts";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
    databaseTemplates: DatabaseTemplates;
  }
}

export default async function setup(project: TestProject) {
  // The command-line tests run `bin/lantern.js`, which runs the compiled server: build it first.
  await buildServer();
  const server = await ensurePostgres();
  project.provide("postgresUrl", server.url);
  // Migrated and seeded once; each suite's database is a copy (see database-templates.ts).
  const templates = await buildDatabaseTemplates(server.url, TEST_TODAY);
  project.provide("databaseTemplates", templates.templates);
  return async () => {
    await templates.remove().catch(() => {});
    server.stop();
  };
}
