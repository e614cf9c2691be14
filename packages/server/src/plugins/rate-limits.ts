/**
 * Rate limits on the requests that cost the most or can be guessed at: the calendar feed (its
 * address is its only secret), the CSV and PDF exports, the service log and the reports. Each
 * signed-in person (or, for the feed, each address) gets `perMinute` of each such route a minute;
 * the next is a 429 with the wait (`details.retryAfterSeconds`, `Retry-After`). Counts are kept
 * in each server process: a limit against floods, not an account of use.
 */
import rateLimit from "@fastify/rate-limit";
import { DomainError } from "@lantern/core";
import type { FastifyInstance, FastifyRequest } from "fastify";

/** Routes (as registered) that are limited. */
const LIMITED = [
  /^\/api\/compliance\/calendar\/:file$/,
  /\.(csv|pdf)$/,
  /\/pdf$/,
  /\/service-log\.json$/,
  /^\/api\/reports\//,
  /^\/api\/caseload\/service-alerts$/,
];

export function isRateLimited(routeUrl: string | undefined): boolean {
  return routeUrl !== undefined && LIMITED.some((pattern) => pattern.test(routeUrl));
}

export async function registerRateLimits(
  app: FastifyInstance,
  options: { perMinute?: number | undefined } = {},
): Promise<void> {
  await app.register(rateLimit, {
    global: true,
    hook: "preHandler",
    max: options.perMinute ?? 30,
    timeWindow: 60_000,
    allowList: (request: FastifyRequest) => !isRateLimited(request.routeOptions.url),
    keyGenerator: (request: FastifyRequest) =>
      request.person ? `person:${request.person.id}` : `address:${request.ip}`,
    addHeadersOnExceeding: { "x-ratelimit-limit": false, "x-ratelimit-remaining": false, "x-ratelimit-reset": false },
    errorResponseBuilder: (_request, context) => {
      const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
      return new DomainError("rate-limited", `Too many requests for this. Wait ${seconds} seconds and try again.`, {
        details: { retryAfterSeconds: seconds },
      });
    },
  });
}
