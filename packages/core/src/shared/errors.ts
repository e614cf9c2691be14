/**
 * Domain errors with a small, stable set of codes. The server maps each code to an HTTP status
 * in one error handler; the CLI maps them to exit codes. Messages are safe to show to people and
 * never contain a student's personal data.
 */
export const ERROR_CODES = {
  "invalid-input": 400,
  unauthenticated: 401,
  forbidden: 403,
  "not-found": 404,
  conflict: 409,
  "invalid-transition": 409,
  sealed: 409,
  "rate-limited": 429,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export type ErrorIssue = { path: string; message: string };

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly issues: ErrorIssue[];
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options?: { issues?: ErrorIssue[]; details?: Record<string, unknown> },
  ) {
    super(message);
    this.name = "DomainError";
    this.code = code;
    this.issues = options?.issues ?? [];
    this.details = options?.details;
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}

/** Turn zod issues into `{ path, message }` pairs with JSON-pointer-like paths ("/impairments/0/basis"). */
export function issuesFromZod(
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>,
): ErrorIssue[] {
  return issues.map((i) => ({ path: `/${i.path.map(String).join("/")}`, message: i.message }));
}

/** One line naming the first problem, for CLI output: "/impairments/0/basis: Invalid option …". */
export function firstIssueLine(issues: ErrorIssue[]): string {
  const first = issues[0];
  if (!first) return "invalid input";
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
  return `${first.path === "/" ? "(root)" : first.path}: ${first.message}${more}`;
}
