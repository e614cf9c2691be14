/**
 * Text at the boundary: before a route's schema sees a request, every string in its body, query
 * and path parameters is put in normal form C, and one holding a NUL character or a lone
 * surrogate is refused with a 400 naming the field (core's `cleanTextInput`). No route can forget
 * it, and no such string reaches a use case or the database.
 */
import { cleanTextInput, DomainError, type ErrorIssue } from "@lantern/core";
import type { FastifyInstance, FastifyRequest } from "fastify";

const PARTS = ["params", "query", "body"] as const;

export function registerTextBoundary(app: FastifyInstance): void {
  app.addHook("preValidation", async (request: FastifyRequest) => {
    const issues: ErrorIssue[] = [];
    const req = request as unknown as Record<(typeof PARTS)[number], unknown>;
    for (const part of PARTS) {
      const input = req[part];
      if (input === undefined || input === null) continue;
      const cleaned = cleanTextInput(input);
      if (cleaned.issues.length > 0) {
        issues.push(...cleaned.issues.map((i) => ({ ...i, path: part === "body" ? i.path : `${part}${i.path}` })));
      } else {
        req[part] = cleaned.value;
      }
    }
    const first = issues[0];
    if (first) {
      throw new DomainError("invalid-input", `Invalid request: ${first.path} ${first.message}`, { issues });
    }
  });
}
