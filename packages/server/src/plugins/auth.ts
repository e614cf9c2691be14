/**
 * Sessions and CSRF. The session cookie is HttpOnly and SameSite=Lax and holds a random token
 * whose hash is the session row's id. Every unsafe request must echo the `lantern_csrf` cookie in
 * the `x-csrf-token` header (double-submit), which a cross-site page cannot read or forge.
 */
import { randomBytes, timingSafeEqual } from "node:crypto";
import cookie from "@fastify/cookie";
import type { RoleAssignment, StudentAccessFacts } from "@lantern/core";
import { DomainError } from "@lantern/core";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import type { SessionRepository } from "../repositories/session-repository.ts";

const SESSION_COOKIE = "lantern_session";
export const CSRF_COOKIE = "lantern_csrf";
export const CSRF_HEADER = "x-csrf-token";

export type SignedInPerson = {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  roles: RoleAssignment[];
};

declare module "fastify" {
  interface FastifyRequest {
    person: SignedInPerson | null;
    sessionToken: string | null;
    /**
     * The access policy's facts about the student named in the URL (`:studentId`) and the
     * signed-in person, read with the session in the same query; the access path uses them once.
     */
    prefetchedStudentAccess: { studentId: string; facts: StudentAccessFacts | null } | null;
  }
  interface FastifyInstance {
    auth: {
      startSession(reply: FastifyReply, personId: string): Promise<void>;
      endSession(request: FastifyRequest, reply: FastifyReply): Promise<void>;
      csrfToken(request: FastifyRequest, reply: FastifyReply): string;
      requirePerson(request: FastifyRequest): SignedInPerson;
    };
  }
}

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

type AuthOptions = { sessions: SessionRepository; secureCookies: boolean };

async function authPlugin(app: FastifyInstance, options: AuthOptions): Promise<void> {
  const { sessions, secureCookies } = options;
  await app.register(cookie);
  app.decorateRequest("person", null);
  app.decorateRequest("sessionToken", null);
  app.decorateRequest("prefetchedStudentAccess", null);

  const cookieOptions = { path: "/", sameSite: "lax" as const, secure: secureCookies };

  app.addHook("onRequest", async (request) => {
    if (!request.url.startsWith("/api/")) return;
    if (UNSAFE.has(request.method)) {
      const header = request.headers[CSRF_HEADER];
      const fromCookie = request.cookies[CSRF_COOKIE];
      if (typeof header !== "string" || !fromCookie || !safeEqual(header, fromCookie)) {
        throw new DomainError(
          "forbidden",
          `Missing or wrong ${CSRF_HEADER} header: send the value of the ${CSRF_COOKIE} cookie (from GET /api/auth/session)`,
        );
      }
    }
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    // Routing has run, so a route about one student (/api/students/:studentId/…) names it here.
    const studentId = (request.params as { studentId?: unknown } | undefined)?.studentId;
    const session = await sessions.resolveSession(token, typeof studentId === "string" ? studentId : null);
    if (!session) return;
    request.person = session.person;
    request.sessionToken = token;
    request.prefetchedStudentAccess = session.student ?? null;
  });

  app.decorate("auth", {
    async startSession(reply: FastifyReply, personId: string) {
      const token = await sessions.create(personId);
      reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions, httpOnly: true });
    },
    async endSession(request: FastifyRequest, reply: FastifyReply) {
      if (request.sessionToken) await sessions.destroy(request.sessionToken);
      reply.clearCookie(SESSION_COOKIE, { ...cookieOptions, httpOnly: true });
    },
    csrfToken(request: FastifyRequest, reply: FastifyReply): string {
      const existing = request.cookies[CSRF_COOKIE];
      if (existing && /^[A-Za-z0-9_-]{20,}$/.test(existing)) return existing;
      const token = randomBytes(24).toString("base64url");
      reply.setCookie(CSRF_COOKIE, token, { ...cookieOptions, httpOnly: false });
      return token;
    },
    requirePerson(request: FastifyRequest): SignedInPerson {
      if (!request.person) throw new DomainError("unauthenticated", "Please sign in first");
      return request.person;
    },
  });
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export default fp(authPlugin, { name: "auth" });
