/**
 * The one error handler: domain errors map to their HTTP status, request validation to 400 with
 * the fields named, other client errors pass through, and anything else is a 500 whose details
 * stay in the log (never in the response).
 */
import { ERROR_CODES, type ErrorBody, isDomainError } from "@lantern/core";
import type { FastifyError, FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";

const STATUS_TEXT: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  413: "Payload Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Entity",
  429: "Too Many Requests",
  500: "Internal Server Error",
};

/**
 * PostgreSQL's word that two requests changed the same thing at once (a unique key taken a moment
 * earlier, a serialization failure, a deadlock): the request can simply be sent again, so it is a
 * 409 that says so, never a 500.
 */
const CONFLICT_CODES = new Set(["23505", "40001", "40P01"]);
function databaseConflict(err: unknown): string | null {
  const code = (err as { code?: unknown }).code;
  if (typeof code !== "string" || !CONFLICT_CODES.has(code)) return null;
  return "Someone else changed this at the same moment. Please try again.";
}

export function registerErrorHandler(app: FastifyInstance, options: { spaFallback?: boolean } = {}): void {
  app.setErrorHandler(async (err: FastifyError, request, reply) => {
    if (isDomainError(err)) {
      const status = ERROR_CODES[err.code];
      // A request that needed a signed-in person came without one: kept in the audit trail, with
      // the route's pattern only (sign-in's own failures are recorded by sign-in).
      if (err.code === "unauthenticated" && request.routeOptions.url !== "/api/auth/sign-in") {
        await app.deps.audit
          .append({
            action: "access.unauthenticated",
            personId: null,
            requestId: request.id,
            details: { method: request.method, route: request.routeOptions.url ?? null },
          })
          .catch((auditError: unknown) => request.log.error({ err: auditError }, "could not record a refusal"));
      }
      const body: ErrorBody = { error: STATUS_TEXT[status] ?? "Error", message: err.message };
      if (err.issues.length > 0) body.issues = err.issues;
      if (err.details) body.details = err.details;
      if (err.code === "rate-limited" && typeof err.details?.retryAfterSeconds === "number") {
        reply.header("retry-after", String(err.details.retryAfterSeconds));
      }
      return reply.status(status).send(body);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext ?? "request";
      const issues = err.validation.map((v) => ({
        path: v.instancePath === "" ? "/" : v.instancePath,
        message: v.message ?? "is invalid",
      }));
      const first = issues[0];
      const message = first
        ? `Invalid ${where}: ${first.path === "/" ? "" : `${first.path} `}${first.message}`.trim()
        : `Invalid ${where}`;
      return reply.status(400).send({ error: "Bad Request", message, issues } satisfies ErrorBody);
    }
    const conflict = databaseConflict(err);
    if (conflict) {
      request.log.warn({ err, requestId: request.id }, "request conflicted with another");
      return reply.status(409).send({ error: "Conflict", message: conflict } satisfies ErrorBody);
    }
    const status = typeof err.statusCode === "number" ? err.statusCode : 500;
    if (status < 500) {
      const message =
        err.code === "FST_ERR_CTP_INVALID_JSON_BODY" || err.name === "SyntaxError"
          ? "The request body is not valid JSON"
          : err.code === "FST_ERR_CTP_BODY_TOO_LARGE"
            ? "The request body is too large"
            : err.message;
      return reply.status(status).send({ error: STATUS_TEXT[status] ?? "Error", message } satisfies ErrorBody);
    }
    request.log.error({ err, requestId: request.id }, "request failed");
    return reply
      .status(500)
      .send({ error: "Internal Server Error", message: `Something went wrong (request ${request.id})` });
  });

  app.setNotFoundHandler((request, reply) => {
    // The web app routes on the client: any other GET for a page gets its index.html.
    if (options.spaFallback && request.method === "GET" && !request.url.startsWith("/api/")) {
      return reply.type("text/html").sendFile("index.html");
    }
    return reply
      .status(404)
      .send({ error: "Not Found", message: `No route for ${request.method} ${request.url.split("?")[0]}` });
  });
}
