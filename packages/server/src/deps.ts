/**
 * Build what use cases receive from an open database: its repositories, its audit trail and a
 * clock. The app builds it once (see app.ts); command-line tools, seeds and benchmarks use it too.
 */
import type { Clock } from "@lantern/core";
import type { Kysely } from "kysely";
import { systemClock } from "./clock.ts";
import type { Database } from "./db/schema.ts";
import { createAuditLog } from "./repositories/access-repository.ts";
import { createRepositories } from "./repositories/index.ts";
import type { UseCaseDeps } from "./use-cases/deps.ts";

/** The due-soon window of a district that has not chosen one, unless DUE_SOON_DAYS says otherwise. */
const DEFAULT_DUE_SOON_DAYS = 30;

export function createUseCaseDeps(
  db: Kysely<Database>,
  options: {
    clock?: Clock | undefined;
    dueSoonDays?: number | undefined;
    /** Where links in mail point (PUBLIC_URL); read when a message is written. */
    publicUrl?: (() => string) | undefined;
  } = {},
): UseCaseDeps {
  return {
    repos: createRepositories(db, {
      defaultDueSoonDays: options.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS,
      publicUrl: options.publicUrl ?? (() => "http://localhost:3000"),
    }),
    audit: createAuditLog(db),
    clock: options.clock ?? systemClock,
  };
}
