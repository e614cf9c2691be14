/**
 * Single sign-on for staff ("Sign in with your district account"): start sends the browser to
 * the district's OpenID provider; the callback signs the matched account in (after the second
 * factor, when the person has one or the district requires it), or sends the browser to the
 * sign-in page with the reason. Present only when OIDC_* is configured.
 */
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { OidcClient } from "../../oidc/oidc-client.ts";
import { finishSingleSignOn, SINGLE_SIGN_ON_SECONDS, startSingleSignOn } from "../../use-cases/auth/oidc.ts";
import { secondFactorChallenge } from "../../use-cases/auth/second-factor.ts";
import { signedInUser } from "../../use-cases/auth/sign-in.ts";

declare module "fastify" {
  interface FastifyInstance {
    /** The district's OpenID provider, when single sign-on is configured. */
    oidc: OidcClient | null;
  }
}

const STATE_COOKIE = "lantern_sso_state";

const routes: FastifyPluginAsyncZod = async (app) => {
  const { deps, oidc } = app;
  const cookieFor = (request: FastifyRequest) => ({
    path: "/api/auth/oidc",
    sameSite: "lax" as const,
    secure: request.protocol === "https",
    httpOnly: true,
  });

  app.get(
    "/api/auth/oidc",
    {
      schema: {
        tags: ["auth"],
        summary: "Whether staff can sign in with the district's account (single sign-on)",
        response: { 200: z.object({ enabled: z.boolean() }) },
      },
    },
    async () => ({ enabled: oidc !== null }),
  );

  if (!oidc) return;

  app.get(
    "/api/auth/oidc/start",
    {
      schema: {
        tags: ["auth"],
        summary: "Sign in with the district's account: redirects to the district's OpenID provider",
        response: { 302: z.null() },
      },
    },
    async (request, reply) => {
      const { url, state } = await startSingleSignOn(deps, { oidc });
      reply.setCookie(STATE_COOKIE, state, { ...cookieFor(request), maxAge: SINGLE_SIGN_ON_SECONDS });
      return reply.redirect(url, 302);
    },
  );

  app.get(
    "/api/auth/oidc/callback",
    {
      schema: {
        tags: ["auth"],
        summary: "Where the district's OpenID provider sends the browser back; redirects into the app",
        querystring: z.object({ state: z.string().max(500).optional() }).passthrough(),
        response: { 302: z.null() },
      },
    },
    async (request, reply) => {
      const query = request.url.includes("?") ? request.url.slice(request.url.indexOf("?")) : "";
      const result = await finishSingleSignOn(deps, {
        oidc,
        state: request.query.state,
        browserState: request.cookies[STATE_COOKIE],
        callbackUrl: new URL(`${oidc.redirectUrl}${query}`),
        requestId: request.id,
      });
      reply.clearCookie(STATE_COOKIE, cookieFor(request));
      if ("refused" in result) return reply.redirect(`/sign-in?sso=${result.refused}`, 302);
      // With a second factor (or one the district requires), no session yet: the sign-in page
      // asks for the code. The pending sign-in goes in the fragment, which is never sent to a
      // server (nor in a Referer) and which the page removes from the address at once.
      const secondFactor = await secondFactorChallenge(deps, { personId: result.personId, method: "oidc" });
      if (secondFactor) {
        const fragment = new URLSearchParams({ step: secondFactor.step, pending: secondFactor.pendingToken });
        return reply.redirect(`/sign-in#${fragment}`, 302);
      }
      if (request.sessionToken) await app.auth.endSession(request, reply);
      const user = await signedInUser(deps, { personId: result.personId });
      await app.auth.startSession(reply, result.personId, user.idleMinutes, "oidc");
      return reply.redirect("/", 302);
    },
  );
};

export default routes;
