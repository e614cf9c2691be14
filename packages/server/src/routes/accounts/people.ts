/**
 * People: district administrators (and school administrators, for their school) list staff,
 * invite, resend or revoke an invitation, deactivate and reactivate, change roles, record a
 * related-service provider's discipline and move a caseload. Who may manage whom is core's people policy; each route calls one use case.
 */
import {
  DomainError,
  peopleAdminScope,
  ZCaseloadResponse,
  ZCaseloadStudentParams,
  ZChangeRolesRequest,
  ZErrorBody,
  ZInvitePersonRequest,
  ZPeopleResponse,
  ZPersonParams,
  ZPersonSummary,
  ZSetDisciplineRequest,
  ZTransferCaseloadRequest,
  ZTransferCaseloadResponse,
} from "@lantern/core";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  type AdminActor,
  addCaseloadStudent,
  changeRoles,
  deactivatePerson,
  invitePerson,
  listPeople,
  reactivatePerson,
  readCaseload,
  removeCaseloadStudent,
  resendInvitation,
  revokeInvitation,
  setDiscipline,
  transferCaseload,
} from "../../use-cases/accounts/manage-people.ts";

/** The signed-in administrator and what they may manage; 403 (audited) for anyone else. */
export async function requirePeopleAdmin(app: FastifyInstance, request: FastifyRequest): Promise<AdminActor> {
  const person = app.auth.requirePerson(request);
  const scope = peopleAdminScope({ personId: person.id, roles: person.roles });
  if (!scope) {
    await app.deps.audit.append({
      action: "access.denied",
      personId: person.id,
      subject: "people",
      details: { route: request.routeOptions.url ?? "" },
      requestId: request.id,
    });
    throw new DomainError("forbidden", "Only administrators can manage people's accounts");
  }
  return { personId: person.id, name: `${person.firstName} ${person.lastName}`, scope, requestId: request.id };
}

const routes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;
  const links = () => ({ baseUrl: deps.mail.publicUrl(), queued: deps.mail.queued });
  const errors = { 400: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody, 409: ZErrorBody };

  app.get(
    "/api/people",
    {
      schema: {
        tags: ["people"],
        summary: "Staff accounts an administrator manages, the schools and the roles they may give",
        response: { 200: ZPeopleResponse, 403: ZErrorBody },
      },
    },
    async (request) => listPeople(deps, await requirePeopleAdmin(app, request)),
  );

  app.post(
    "/api/people",
    {
      schema: {
        tags: ["people"],
        summary: "Invite a staff member by email (a one-time link that works for 7 days)",
        body: ZInvitePersonRequest,
        response: { 201: ZPersonSummary, ...errors },
      },
    },
    async (request, reply) => {
      const actor = await requirePeopleAdmin(app, request);
      return reply.status(201).send(await invitePerson(deps, actor, request.body, links()));
    },
  );

  app.post(
    "/api/people/:personId/invitation",
    {
      schema: {
        tags: ["people"],
        summary: "Send a new invitation (the earlier link stops working)",
        params: ZPersonParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await resendInvitation(deps, await requirePeopleAdmin(app, request), request.params.personId, links());
      return reply.status(204).send(null);
    },
  );

  app.delete(
    "/api/people/:personId/invitation",
    {
      schema: {
        tags: ["people"],
        summary: "Revoke the open invitation (its link stops working)",
        params: ZPersonParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await revokeInvitation(deps, await requirePeopleAdmin(app, request), request.params.personId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/people/:personId/deactivate",
    {
      schema: {
        tags: ["people"],
        summary: "Deactivate an account: it cannot sign in, and its sessions end at once",
        params: ZPersonParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await deactivatePerson(deps, await requirePeopleAdmin(app, request), request.params.personId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/people/:personId/reactivate",
    {
      schema: {
        tags: ["people"],
        summary: "Reactivate a deactivated account",
        params: ZPersonParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await reactivatePerson(deps, await requirePeopleAdmin(app, request), request.params.personId);
      return reply.status(204).send(null);
    },
  );

  app.put(
    "/api/people/:personId/roles",
    {
      schema: {
        tags: ["people"],
        summary: "Set a person's staff roles and schools in the district",
        params: ZPersonParams,
        body: ZChangeRolesRequest,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await changeRoles(deps, await requirePeopleAdmin(app, request), request.params.personId, request.body);
      return reply.status(204).send(null);
    },
  );

  app.put(
    "/api/people/:personId/discipline",
    {
      schema: {
        tags: ["people"],
        summary: "Set (or clear) a related-service provider's discipline: the service area they give",
        params: ZPersonParams,
        body: ZSetDisciplineRequest,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await setDiscipline(deps, await requirePeopleAdmin(app, request), request.params.personId, request.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/people/:personId/caseload/transfer",
    {
      schema: {
        tags: ["people"],
        summary: "Move every student on this person's caseload to a colleague",
        params: ZPersonParams,
        body: ZTransferCaseloadRequest,
        response: { 200: ZTransferCaseloadResponse, ...errors },
      },
    },
    async (request) =>
      transferCaseload(deps, await requirePeopleAdmin(app, request), request.params.personId, request.body.toPersonId),
  );

  app.get(
    "/api/people/:personId/caseload",
    {
      schema: {
        tags: ["people"],
        summary: "The students on this person's caseload (in the schools the administrator manages)",
        description: "Each student listed is written to the record of access.",
        params: ZPersonParams,
        response: { 200: ZCaseloadResponse, ...errors },
      },
    },
    async (request) => {
      const actor = await requirePeopleAdmin(app, request);
      const caseload = await readCaseload(deps, actor, request.params.personId);
      await app.access.recordListing(
        request,
        actor.personId,
        caseload.students.map((s) => s.id),
        "caseload",
      );
      return caseload;
    },
  );

  app.put(
    "/api/people/:personId/caseload/:studentId",
    {
      schema: {
        tags: ["people"],
        summary: "Put a student on this person's caseload (the person needs a role with a caseload)",
        params: ZCaseloadStudentParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const { personId, studentId } = request.params;
      await addCaseloadStudent(deps, await requirePeopleAdmin(app, request), personId, studentId);
      return reply.status(204).send(null);
    },
  );

  app.delete(
    "/api/people/:personId/caseload/:studentId",
    {
      schema: {
        tags: ["people"],
        summary: "Take a student off this person's caseload",
        params: ZCaseloadStudentParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const { personId, studentId } = request.params;
      await removeCaseloadStudent(deps, await requirePeopleAdmin(app, request), personId, studentId);
      return reply.status(204).send(null);
    },
  );
};

export default routes;
