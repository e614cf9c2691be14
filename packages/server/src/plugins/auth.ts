/**
 * Sessions and CSRF. The session cookie is HttpOnly and SameSite=Lax and holds a random token
 * whose hash is the session row's id. Every unsafe request, whatever its path looks like before
 * decoding, must echo the CSRF cookie in the `x-csrf-token` header (double-submit), which a
 * cross-site page cannot read or forge. Once signed in, the token is derived from the session's
 * own token, so a CSRF cookie planted by another site (a sibling subdomain, a plain-HTTP reply)
 * does not match it; sign-in therefore issues a new one. Behind HTTPS both cookies carry the
 * `__Host-` prefix, which browsers only accept from this host over HTTPS, for the whole site.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import cookie from "@fastify/cookie";
import type { AuditLog, RoleAssignment, SignInMethod, StudentAccessFacts } from "@lantern/core";
import { DomainError } from "@lantern/core";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import type { SessionRepository } from "../repositories/session-repository.ts";

const SESSION_COOKIE = "lantern_session";
export const CSRF_COOKIE = "lantern_csrf";
export const CSRF_HEADER = "x-csrf-token";
/** Cookie names behind HTTPS: a `__Host-` cookie cannot be set by another subdomain or over HTTP. */
export const SECURE_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`;
export const SECURE_CSRF_COOKIE = `__Host-${CSRF_COOKIE}`;

/** The CSRF token of a signed-in session: derived from the session token, which no other site knows. */
export function csrfTokenForSession(sessionToken: string): string {
  return createHash("sha256").update(`lantern-csrf:${sessionToken}`).digest("base64url");
}

export type SignedInPerson = {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  roles: RoleAssignment[];
  /** The session's idle limit in minutes. */
  idleMinutes: number;
  /** How this session was signed in: password, password+totp, oidc or oidc+totp (signatures record it). */
  signInMethod: SignInMethod;
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
    /** A CSRF token issued during this request (a new session's), which the reply returns. */
    issuedCsrfToken: string | null;
  }
  interface FastifyInstance {
    auth: {
      startSession(reply: FastifyReply, personId: string, idleMinutes: number, method?: SignInMethod): Promise<void>;
      endSession(request: FastifyRequest, reply: FastifyReply): Promise<void>;
      csrfToken(request: FastifyRequest, reply: FastifyReply): string;
      requirePerson(request: FastifyRequest): SignedInPerson;
    };
  }
}

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

type AuthOptions = { sessions: SessionRepository; secureCookies: boolean; audit: AuditLog };

async function authPlugin(app: FastifyInstance, options: AuthOptions): Promise<void> {
  const { sessions, secureCookies } = options;
  await app.register(cookie);
  app.decorateRequest("person", null);
  app.decorateRequest("sessionToken", null);
  app.decorateRequest("prefetchedStudentAccess", null);
  app.decorateRequest("issuedCsrfToken", null);

  const cookieOptions = { path: "/", sameSite: "lax" as const, secure: secureCookies };
  const sessionCookie = secureCookies ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
  const csrfCookie = secureCookies ? SECURE_CSRF_COOKIE : CSRF_COOKIE;

  app.addHook("onRequest", async (request) => {
    // Every unsafe request is checked, before anything looks at its path: the router decodes
    // `/%61pi/…` to `/api/…`, so a test on the raw URL would let such a request through.
    if (UNSAFE.has(request.method)) {
      const header = request.headers[CSRF_HEADER];
      const fromCookie = request.cookies[csrfCookie];
      const session = request.cookies[sessionCookie];
      const bound = session ? csrfTokenForSession(session) : null;
      if (
        typeof header !== "string" ||
        !fromCookie ||
        !safeEqual(header, fromCookie) ||
        (bound !== null && !safeEqual(header, bound))
      ) {
        await options.audit.append({
          action: "access.csrf-refused",
          personId: null,
          requestId: request.id,
          details: { method: request.method, route: request.routeOptions.url ?? null },
        });
        throw new DomainError(
          "forbidden",
          `Missing or wrong ${CSRF_HEADER} header: send the value of the ${CSRF_COOKIE} cookie (from GET /api/auth/session)`,
        );
      }
    }
    // Routing has run: the matched route is decoded, unlike request.url.
    if (!request.routeOptions.url?.startsWith("/api/")) return;
    const token = request.cookies[sessionCookie];
    if (!token) return;
    // Routing has run, so a route about one student (/api/students/:studentId/…) names it here.
    const studentId = (request.params as { studentId?: unknown } | undefined)?.studentId;
    // "Stay signed in" moves the session's expiry now; other requests at most every few minutes.
    const touch = request.routeOptions.url === "/api/auth/session/extend";
    const session = await sessions.resolveSession(token, typeof studentId === "string" ? studentId : null, touch);
    if (!session) return;
    request.person = session.person;
    request.sessionToken = token;
    request.prefetchedStudentAccess = session.student ?? null;
  });

  app.decorate("auth", {
    async startSession(reply: FastifyReply, personId: string, idleMinutes: number, method?: SignInMethod) {
      const token = await sessions.create(personId, idleMinutes, method);
      reply.setCookie(sessionCookie, token, { ...cookieOptions, httpOnly: true });
      // A new session, a new CSRF token: one known before sign-in is no longer accepted.
      const csrf = csrfTokenForSession(token);
      reply.setCookie(csrfCookie, csrf, { ...cookieOptions, httpOnly: false });
      reply.request.issuedCsrfToken = csrf;
    },
    async endSession(request: FastifyRequest, reply: FastifyReply) {
      if (request.sessionToken) await sessions.destroy(request.sessionToken);
      reply.clearCookie(sessionCookie, { ...cookieOptions, httpOnly: true });
    },
    csrfToken(request: FastifyRequest, reply: FastifyReply): string {
      if (request.issuedCsrfToken) return request.issuedCsrfToken;
      const existing = request.cookies[csrfCookie];
      const session = request.cookies[sessionCookie];
      // Signed in: the session's own token (replacing a cookie planted by another site).
      const token = session
        ? csrfTokenForSession(session)
        : existing && /^[A-Za-z0-9_-]{20,}$/.test(existing)
          ? existing
          : randomBytes(24).toString("base64url");
      if (token !== existing) reply.setCookie(csrfCookie, token, { ...cookieOptions, httpOnly: false });
      request.issuedCsrfToken = token;
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
