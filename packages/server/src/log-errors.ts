/**
 * Errors as the log keeps them: without the values they may carry. A database error brings the
 * values of the row it failed on (PostgreSQL's `detail`: "Failing row contains (…)", "Key
 * (email)=(…) already exists"), the SQL of a trigger with its literals (`where`,
 * `internalQuery`), and sometimes the value in its message (`invalid input syntax for type uuid:
 * "…"`); a JSON error quotes the text it failed on. Any of these may be a student's diagnosis or
 * a parent's name. The log keeps what locates the problem — the kind of error, PostgreSQL's code,
 * the constraint, table and column, where in the code it happened — and every quoted value in a
 * message becomes "…". Every error Lantern logs goes through this (the logger's `err`
 * serializer), as do the errors the command line prints.
 */

/** PostgreSQL fields that name things, never values: kept. */
const NAMING_FIELDS = ["code", "severity", "constraint", "table", "column", "schema", "dataType", "routine"] as const;

/** Words before a quoted name (not a value) in PostgreSQL's messages. */
const NAME_WORDS =
  /(relation|constraint|column|table|index|type|function|trigger|schema|sequence|operator|role|database|extension|view|policy|collation|parameter|publication|statistics|tablespace|cursor|savepoint|portal|statement|domain)\s*$/i;

/** The message with every quoted value replaced by "…" (quoted names of relations, columns… stay). */
export function redactValues(message: string): string {
  return message.replace(/(["'])(?:(?!\1)[^\\]|\\.)*\1/gs, (quoted, _quote, offset: number) => {
    const before = message.slice(Math.max(0, offset - 40), offset);
    return NAME_WORDS.test(before) ? quoted : `${quoted[0]}…${quoted[0]}`;
  });
}

export type LoggedError = {
  type: string;
  message: string;
  stack?: string;
  code?: string;
  cause?: LoggedError;
} & Partial<Record<(typeof NAMING_FIELDS)[number], string>>;

/** An error as it may be logged; anything not an Error becomes its type's name only. */
export function errorForLog(error: unknown, depth = 0): LoggedError {
  if (!(error instanceof Error)) {
    return { type: typeof error, message: "(not an Error)" };
  }
  const message = redactValues(error.message);
  const out: LoggedError = { type: error.name || error.constructor?.name || "Error", message };
  const fields = error as unknown as Record<string, unknown>;
  for (const field of NAMING_FIELDS) {
    const value = fields[field];
    if (typeof value === "string" || typeof value === "number") out[field] = String(value);
  }
  if (typeof error.stack === "string") {
    // The stack's first lines repeat the message; keep the frames only.
    const frames = error.stack
      .split("\n")
      .filter((line) => /^\s+at /.test(line))
      .join("\n");
    out.stack = `${out.type}: ${message}${frames ? `\n${frames}` : ""}`;
  }
  if (error.cause !== undefined && depth < 3) out.cause = errorForLog(error.cause, depth + 1);
  return out;
}
