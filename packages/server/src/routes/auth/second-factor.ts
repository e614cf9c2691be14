/**
 * The second factor: its second step at sign-in, setting up an authenticator app (signed in, or
 * during a sign-in the district requires it for), turning it off, and the district's setting.
 */
import {
  ZErrorBody,
  ZRecoveryCodesRequest,
  ZRecoveryCodesResponse,
  ZSecondFactorConfirmed,
  ZSecondFactorConfirmRequest,
  ZSecondFactorEnrolment,
  ZSecondFactorEnrolRequest,
  ZSecondFactorSettings,
  ZSecondFactorStatus,
  ZSecondFactorVerifyRequest,
  ZSessionResponse,
  ZSignInLockedBody,
} from "@lantern/core";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  confirmEnrolment,
  pendingPerson,
  readSecondFactorSettings,
  regenerateRecoveryCodes,
  removeSecondFactor,
  secondFactorStatus,
  startEnrolment,
  updateSecondFactorSettings,
  verifySecondFactor,
} from "../../use-cases/auth/second-factor.ts";
import { signedInUser } from "../../use-cases/auth/sign-in.ts";
import { districtSettingsStaff, type SettingsIntent } from "./district-settings-staff.ts";

const routes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;

  /** Start the session of a completed sign-in (ending any earlier one in this browser). */
  async function startSession(
    request: FastifyRequest,
    reply: FastifyReply,
    personId: string,
    method: "password+totp" | "oidc+totp",
  ) {
    if (request.sessionToken) await app.auth.endSession(request, reply);
    const user = await signedInUser(deps, { personId });
    await app.auth.startSession(reply, personId, user.idleMinutes, method);
    return { user, csrfToken: app.auth.csrfToken(request, reply) };
  }

  app.post(
    "/api/auth/second-factor/verify",
    {
      schema: {
        tags: ["auth"],
        summary: "Second step of a sign-in: a code from the authenticator app, or one recovery code",
        description:
          "The pending token comes from the sign-in reply (`secondFactor.pendingToken`). Each code is accepted once. After five wrong codes within 15 minutes: 429.",
        body: ZSecondFactorVerifyRequest,
        response: { 200: ZSessionResponse, 401: ZErrorBody, 429: ZSignInLockedBody },
      },
    },
    async (request, reply) => {
      const { personId, method } = await verifySecondFactor(deps, { ...request.body, requestId: request.id });
      return startSession(request, reply, personId, method === "oidc+totp" ? "oidc+totp" : "password+totp");
    },
  );

  /** Who is setting up the app: the signed-in person, or the person of an `enrol` pending sign-in. */
  async function enrollee(request: FastifyRequest, pendingToken: string | undefined) {
    if (pendingToken) {
      const pending = await pendingPerson(deps, { pendingToken, purpose: "enrol" });
      const user = await signedInUser(deps, { personId: pending.personId });
      return {
        personId: pending.personId,
        email: user.email,
        pending: { token: pendingToken, method: pending.method },
      };
    }
    const person = app.auth.requirePerson(request);
    return { personId: person.id, email: person.email, pending: null };
  }

  app.get(
    "/api/auth/second-factor",
    {
      schema: {
        tags: ["auth"],
        summary: "Whether the signed-in person has a second factor, and whether the district requires one",
        response: { 200: ZSecondFactorStatus, 401: ZErrorBody },
      },
    },
    async (request) => {
      const person = app.auth.requirePerson(request);
      return secondFactorStatus(deps, { personId: person.id, roles: person.roles });
    },
  );

  app.post(
    "/api/auth/second-factor/enrolment",
    {
      schema: {
        tags: ["auth"],
        summary: "Start setting up an authenticator app: a new secret (as text and as an otpauth address)",
        body: ZSecondFactorEnrolRequest,
        response: { 200: ZSecondFactorEnrolment, 401: ZErrorBody, 409: ZErrorBody },
      },
    },
    async (request) => {
      const who = await enrollee(request, request.body.pendingToken);
      return startEnrolment(deps, { personId: who.personId, email: who.email });
    },
  );

  app.post(
    "/api/auth/second-factor/enrolment/confirm",
    {
      schema: {
        tags: ["auth"],
        summary: "Finish setting up the app with its first code; answers ten recovery codes, shown this once",
        description:
          "During a sign-in (with the pending token), the reply also starts the session. After five wrong codes within 15 minutes: 429.",
        body: ZSecondFactorConfirmRequest,
        response: {
          200: ZSecondFactorConfirmed,
          400: ZErrorBody,
          401: ZErrorBody,
          409: ZErrorBody,
          429: ZSignInLockedBody,
        },
      },
    },
    async (request, reply) => {
      const who = await enrollee(request, request.body.pendingToken);
      const recoveryCodes = await confirmEnrolment(deps, {
        personId: who.personId,
        code: request.body.code,
        requestId: request.id,
        pending: who.pending,
      });
      if (who.pending) {
        const method = who.pending.method === "oidc" ? "oidc+totp" : "password+totp";
        return { ...(await startSession(request, reply, who.personId, method)), recoveryCodes };
      }
      return { user: null, csrfToken: app.auth.csrfToken(request, reply), recoveryCodes };
    },
  );

  app.post(
    "/api/auth/second-factor/recovery-codes",
    {
      schema: {
        tags: ["auth"],
        summary: "Make new recovery codes (the earlier ones stop working); answers them, shown this once",
        description:
          "Needs a current code from the authenticator app, accepted once. After five wrong codes within 15 minutes: 429.",
        body: ZRecoveryCodesRequest,
        response: {
          200: ZRecoveryCodesResponse,
          400: ZErrorBody,
          401: ZErrorBody,
          409: ZErrorBody,
          429: ZSignInLockedBody,
        },
      },
    },
    async (request) => {
      const person = app.auth.requirePerson(request);
      const recoveryCodes = await regenerateRecoveryCodes(deps, {
        actor: { personId: person.id, basis: "self", requestId: request.id },
        code: request.body.code,
      });
      return { recoveryCodes };
    },
  );

  app.delete(
    "/api/auth/second-factor",
    {
      schema: {
        tags: ["auth"],
        summary: "Turn off the second factor (not where the district requires it for staff)",
        response: { 204: z.null(), 401: ZErrorBody, 403: ZErrorBody },
      },
    },
    async (request, reply) => {
      const person = app.auth.requirePerson(request);
      await removeSecondFactor(deps, {
        actor: { personId: person.id, basis: "self", requestId: request.id },
        roles: person.roles,
      });
      return reply.status(204).send(null);
    },
  );

  const districtStaff = (request: FastifyRequest, intent: SettingsIntent) =>
    districtSettingsStaff(app.auth.requirePerson(request), request, intent, {
      read: "Only district staff can see the district's second-factor setting",
      change: "Only district administrators can change whether staff need a second factor",
    });

  app.get(
    "/api/district/second-factor-settings",
    {
      schema: {
        tags: ["auth"],
        summary: "Whether staff must use a second factor to sign in",
        response: { 200: ZSecondFactorSettings },
      },
    },
    async (request) => readSecondFactorSettings(deps, districtStaff(request, "read")),
  );

  app.put(
    "/api/district/second-factor-settings",
    {
      schema: {
        tags: ["auth"],
        summary: "Require a second factor for staff (district administrators); applies from each next sign-in",
        body: ZSecondFactorSettings,
        response: { 200: ZSecondFactorSettings },
      },
    },
    async (request) =>
      updateSecondFactorSettings(deps, { ...districtStaff(request, "change"), settings: request.body }),
  );
};

export default routes;
