/** Is the server up and its database answering? */
import type { Health } from "@lantern/core";
import type { UseCaseDeps } from "../deps.ts";

export async function checkHealth(
  deps: UseCaseDeps,
  input: { database: Health["database"]; version: string },
): Promise<Health> {
  return { status: "ok", ...input, migrations: await deps.repos.system.migrationCount() };
}
