import type { TestProject } from "vitest/node";
import { ensurePostgres } from "./postgres-server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await ensurePostgres();
  project.provide("postgresUrl", server.url);
  return () => server.stop();
}
