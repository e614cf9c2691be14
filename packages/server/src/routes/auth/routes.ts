/** Sign-in, the session (who is signed in, the CSRF token) and sign-out. */
import { ZErrorBody, ZSessionResponse, ZSignInLockedBody, ZSignInRequest } from "@lantern/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { sessionUser, signedInUser, signIn, signOut } from "../../use-cases/auth/sign-in.ts";

const routes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;

  app.get(
    "/api/auth/session",
    {
      schema: {
        tags: ["auth"],
        summary: "Who is signed in, and the CSRF token to send with every change",
        response: { 200: ZSessionResponse },
      },
    },
    async (request, reply) => ({
      user: request.person ? sessionUser(request.person) : null,
      csrfToken: app.auth.csrfToken(request, reply),
    }),
  );

  app.post(
    "/api/auth/sign-in",
    {
      schema: {
        tags: ["auth"],
        summary: "Sign in with email and password",
        description:
          "After five failures for an account (or fifty from one address) within 15 minutes, sign-in is locked: 429 with `details.retryAfterSeconds` and a Retry-After header.",
        body: ZSignInRequest,
        response: { 200: ZSessionResponse, 401: ZErrorBody, 429: ZSignInLockedBody },
      },
    },
    async (request, reply) => {
      const personId = await signIn(deps, { ...request.body, address: request.ip, requestId: request.id });
      if (request.sessionToken) await app.auth.endSession(request, reply);
      await app.auth.startSession(reply, personId);
      return { user: await signedInUser(deps, { personId }), csrfToken: app.auth.csrfToken(request, reply) };
    },
  );

  app.post(
    "/api/auth/sign-out",
    { schema: { tags: ["auth"], summary: "Sign out", response: { 204: z.null() } } },
    async (request, reply) => {
      if (request.person) await signOut(deps, { personId: request.person.id, requestId: request.id });
      await app.auth.endSession(request, reply);
      return reply.status(204).send(null);
    },
  );
};

export default routes;
