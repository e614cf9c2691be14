/** How the CLI ends on a problem: one line on stderr, exit 2 for bad input and 1 for anything else. */
import { ConfigError } from "../config.ts";
import { BackupError, BackupInputError } from "../db/backup.ts";
import { DatabaseOpenError } from "../db/database.ts";
import { MigrationError } from "../db/migrate.ts";
import { redactValues } from "../log-errors.ts";
import { StartError } from "../server.ts";

export class UsageError extends Error {
  override name = "UsageError";
}

export function failWith(error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof UsageError || error instanceof BackupInputError) {
    process.stderr.write(`lantern: ${message}\n`);
    process.exit(2);
  }
  if (
    error instanceof ConfigError ||
    error instanceof DatabaseOpenError ||
    error instanceof MigrationError ||
    error instanceof BackupError ||
    error instanceof StartError
  ) {
    process.stderr.write(`lantern: ${message}\n`);
    process.exit(1);
  }
  // An unexpected error may be a database error quoting a value: print it without values.
  process.stderr.write(`lantern: unexpected error: ${redactValues(message)}\n`);
  process.exit(1);
}
