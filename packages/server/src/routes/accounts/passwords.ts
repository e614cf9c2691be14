/**
 * Passwords from emailed links (an invitation or a reset), and "forgot password", which answers
 * the same whether or not the address has an account.
 */
import {
  ZErrorBody,
  ZForgotPasswordRequest,
  ZForgotPasswordResponse,
  ZSetPasswordRequest,
  ZSetPasswordResponse,
} from "@lantern/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { requestPasswordReset, setPasswordWithToken } from "../../use-cases/accounts/password-links.ts";

const routes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;

  app.post(
    "/api/auth/password",
    {
      schema: {
        tags: ["auth"],
        summary: "Choose a password with the token from an invitation or reset link (works once, until it expires)",
        body: ZSetPasswordRequest,
        response: { 200: ZSetPasswordResponse, 400: ZErrorBody },
      },
    },
    async (request) => setPasswordWithToken(deps, { ...request.body, requestId: request.id }),
  );

  app.post(
    "/api/auth/forgot-password",
    {
      schema: {
        tags: ["auth"],
        summary: "Email a link to choose a new password (the same answer whether or not the address has an account)",
        body: ZForgotPasswordRequest,
        response: { 202: ZForgotPasswordResponse, 400: ZErrorBody },
      },
    },
    async (request, reply) =>
      reply
        .status(202)
        .send(
          await requestPasswordReset(
            deps,
            { email: request.body.email, requestId: request.id },
            { baseUrl: deps.mail.publicUrl(), queued: deps.mail.queued },
          ),
        ),
  );
};

export default routes;
