/** Sign-in, the session (who is signed in, the CSRF token) and sign-out. */
import {
  ZErrorBody,
  ZSecuritySettings,
  ZSessionResponse,
  ZSessionSettings,
  ZSignInLockedBody,
  ZSignInRequest,
  ZSignInResponse,
} from "@lantern/core";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { secondFactorChallenge } from "../../use-cases/auth/second-factor.ts";
import {
  readSecuritySettings,
  readSessionSettings,
  signOutEverywhere,
  updateSecuritySettings,
  updateSessionSettings,
} from "../../use-cases/auth/sessions.ts";
import { guardianLanguage, sessionUser, signedInUser, signIn, signOut } from "../../use-cases/auth/sign-in.ts";
import { districtSettingsStaff, type SettingsIntent } from "./district-settings-staff.ts";

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
      user: request.person
        ? {
            ...sessionUser(request.person, await guardianLanguage(deps, request.person)),
            signInMethod: request.person.signInMethod,
          }
        : null,
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
        response: { 200: ZSignInResponse, 401: ZErrorBody, 429: ZSignInLockedBody },
      },
    },
    async (request, reply) => {
      const personId = await signIn(deps, { ...request.body, address: request.ip, requestId: request.id });
      // With a second factor (or one the district requires), no session yet: the code comes next.
      const secondFactor = await secondFactorChallenge(deps, { personId, method: "password" });
      if (secondFactor) return { user: null, csrfToken: app.auth.csrfToken(request, reply), secondFactor };
      if (request.sessionToken) await app.auth.endSession(request, reply);
      const user = await signedInUser(deps, { personId });
      await app.auth.startSession(reply, personId, user.idleMinutes);
      return { user, csrfToken: app.auth.csrfToken(request, reply) };
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

  app.post(
    "/api/auth/session/extend",
    {
      schema: {
        tags: ["auth"],
        summary: "Stay signed in: the session's idle time starts again now",
        response: { 200: ZSessionResponse, 401: ZErrorBody },
      },
    },
    async (request, reply) => {
      const person = app.auth.requirePerson(request);
      return { user: sessionUser(person), csrfToken: app.auth.csrfToken(request, reply) };
    },
  );

  app.post(
    "/api/auth/sign-out-everywhere",
    {
      schema: {
        tags: ["auth"],
        summary: "Sign out on every device: ends all of the signed-in person's sessions, this one included",
        response: { 204: z.null(), 401: ZErrorBody },
      },
    },
    async (request, reply) => {
      const person = app.auth.requirePerson(request);
      await signOutEverywhere(deps, { actor: { personId: person.id, basis: "self", requestId: request.id } });
      await app.auth.endSession(request, reply);
      return reply.status(204).send(null);
    },
  );

  const districtStaff = (request: FastifyRequest, intent: SettingsIntent) =>
    districtSettingsStaff(app.auth.requirePerson(request), request, intent, {
      read: "Only district staff can see the district's session settings",
      change: "Only district administrators can change how long sessions last",
    });

  app.get(
    "/api/district/session-settings",
    {
      schema: {
        tags: ["auth"],
        summary: "How many minutes without activity end a staff member's or a family's session",
        response: { 200: ZSessionSettings },
      },
    },
    async (request) => readSessionSettings(deps, districtStaff(request, "read")),
  );

  app.put(
    "/api/district/session-settings",
    {
      schema: {
        tags: ["auth"],
        summary: "Change how long sessions last without activity (district administrators); new sessions use it",
        body: ZSessionSettings,
        response: { 200: ZSessionSettings },
      },
    },
    async (request) => updateSessionSettings(deps, { ...districtStaff(request, "change"), settings: request.body }),
  );

  app.get(
    "/api/district/security-settings",
    {
      schema: {
        tags: ["auth"],
        summary: "The district's sign-in security: a second factor for staff, and the idle limits",
        response: { 200: ZSecuritySettings, 403: ZErrorBody },
      },
    },
    async (request) => readSecuritySettings(deps, districtStaff(request, "read")),
  );

  app.put(
    "/api/district/security-settings",
    {
      schema: {
        tags: ["auth"],
        summary:
          "Change the district's sign-in security in one step (district administrators); new sessions and each next sign-in use it",
        body: ZSecuritySettings,
        response: { 200: ZSecuritySettings, 400: ZErrorBody, 403: ZErrorBody },
      },
    },
    async (request) => updateSecuritySettings(deps, { ...districtStaff(request, "change"), settings: request.body }),
  );
};

export default routes;
