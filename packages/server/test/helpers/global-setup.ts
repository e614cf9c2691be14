import type { TestProject } from "vitest/node";
import { buildServer } from "../../build.mjs";
import { ensurePostgres } from "./postgres-server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject) {
  // The command-line tests run `bin/lantern.js`, which runs the compiled server: build it first.
  await buildServer();
  const server = await ensurePostgres();
  project.provide("postgresUrl", server.url);
  return () => server.stop();
}
