/**
 * Retention and destruction over HTTP (34 CFR 300.624).
 * District administrators (their own district only):
 * - `GET|PUT /api/district/retention-schedule`: years each kind of record is kept;
 * - `GET /api/district/records-offered-for-destruction`: records past the schedule, per student and kind;
 * - `POST …/records-offered-for-destruction/notices`: tell the family (inbox and mail);
 * - `POST …/records-offered-for-destruction/destructions`: destroy what an earlier notice covers;
 * - `GET /api/district/destruction-requests`, `POST …/:requestId/decision`: families' requests.
 * A family (through the access path): `GET|POST /api/students/:studentId/destruction-requests`.
 */
import {
  DomainError,
  districtSettingsRole,
  ZCreateDestructionRequestBody,
  ZDestructionNotice,
  ZDestructionRequest,
  ZDestructionRequestDecisionBody,
  ZDestructionRequestList,
  ZDestructionRequestParams,
  ZDestructionRequestQuery,
  ZDestructionResult,
  ZDestructionTargetBody,
  ZErrorBody,
  ZOfferedForDestructionList,
  ZOfferedForDestructionQuery,
  ZPutRetentionScheduleBody,
  ZRetentionSchedule,
  ZStudentIdParams,
} from "@lantern/core";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  decideDestructionRequest,
  destroyRecords,
  listDistrictDestructionRequests,
  listOfferedForDestruction,
  listStudentDestructionRequests,
  noticeDestruction,
  readRetentionSchedule,
  requestDestruction,
  setRetentionSchedule,
} from "../../use-cases/records/retention.ts";

const routes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;

  async function districtAdmin(request: FastifyRequest, what: string) {
    const person = app.auth.requirePerson(request);
    const admin = districtSettingsRole({ personId: person.id, roles: person.roles }, "change");
    if (!admin) {
      await deps.audit.append({ action: "access.denied", personId: person.id, subject: what, requestId: request.id });
      throw new DomainError("forbidden", "Only district administrators manage the retention of records");
    }
    return { districtId: admin.districtId, actor: { personId: person.id, requestId: request.id } };
  }

  app.get(
    "/api/district/retention-schedule",
    {
      schema: {
        tags: ["records"],
        summary: "How many years the district keeps each kind of record (district administrators)",
        response: { 200: ZRetentionSchedule, 403: ZErrorBody },
      },
    },
    async (request) => readRetentionSchedule(deps, await districtAdmin(request, "retention-schedule")),
  );

  app.put(
    "/api/district/retention-schedule",
    {
      schema: {
        tags: ["records"],
        summary: "Set the years each kind of record is kept; the permanent record has none (34 CFR 300.624(b))",
        body: ZPutRetentionScheduleBody,
        response: { 200: ZRetentionSchedule, 403: ZErrorBody },
      },
    },
    async (request) =>
      setRetentionSchedule(deps, { ...(await districtAdmin(request, "retention-schedule")), body: request.body }),
  );

  app.get(
    "/api/district/records-offered-for-destruction",
    {
      schema: {
        tags: ["records"],
        summary: "Records past the retention schedule, per student and kind, with whether the family was told",
        querystring: ZOfferedForDestructionQuery,
        response: { 200: ZOfferedForDestructionList, 403: ZErrorBody },
      },
    },
    async (request) => {
      const admin = await districtAdmin(request, "records-offered-for-destruction");
      return listOfferedForDestruction(deps, { districtId: admin.districtId, ...request.query });
    },
  );

  app.post(
    "/api/district/records-offered-for-destruction/notices",
    {
      schema: {
        tags: ["records"],
        summary:
          "Tell the family that a student's records of one kind past the schedule will be destroyed (34 CFR 300.624(a))",
        body: ZDestructionTargetBody,
        response: { 200: ZDestructionNotice, 403: ZErrorBody },
      },
    },
    async (request) =>
      noticeDestruction(deps, { ...(await districtAdmin(request, "destruction-notice")), ...request.body }),
  );

  app.post(
    "/api/district/records-offered-for-destruction/destructions",
    {
      schema: {
        tags: ["records"],
        summary:
          "Destroy the records an earlier notice covers; the audit trail keeps a tombstone (never the permanent record)",
        body: ZDestructionTargetBody,
        response: { 200: ZDestructionResult, 403: ZErrorBody },
      },
    },
    async (request) => destroyRecords(deps, { ...(await districtAdmin(request, "destruction")), ...request.body }),
  );

  app.get(
    "/api/district/destruction-requests",
    {
      schema: {
        tags: ["records"],
        summary: "Families' requests to destroy records no longer needed, newest first",
        querystring: ZDestructionRequestQuery,
        response: { 200: ZDestructionRequestList, 403: ZErrorBody },
      },
    },
    async (request) => {
      const admin = await districtAdmin(request, "destruction-requests");
      return listDistrictDestructionRequests(deps, { districtId: admin.districtId, ...request.query });
    },
  );

  app.post(
    "/api/district/destruction-requests/:requestId/decision",
    {
      schema: {
        tags: ["records"],
        summary: "Grant, refuse (saying why) or complete a family's request to destroy records",
        params: ZDestructionRequestParams,
        body: ZDestructionRequestDecisionBody,
        response: { 200: ZDestructionRequest, 403: ZErrorBody },
      },
    },
    async (request) =>
      decideDestructionRequest(deps, {
        ...(await districtAdmin(request, "destruction-requests")),
        requestId: request.params.requestId,
        status: request.body.status,
        note: request.body.note,
      }),
  );

  app.get(
    "/api/students/:studentId/destruction-requests",
    {
      schema: {
        tags: ["records"],
        summary: "The family's requests to destroy records about the child, with their status",
        params: ZStudentIdParams,
        response: { 200: ZDestructionRequestList },
      },
    },
    async (request) => {
      const access = await app.access.authorize(request, {
        studentId: request.params.studentId,
        action: "read-record",
        purpose: "view requests to destroy records",
        record: "destruction-requests",
      });
      return listStudentDestructionRequests(deps, { studentId: access.student.studentId });
    },
  );

  app.post(
    "/api/students/:studentId/destruction-requests",
    {
      schema: {
        tags: ["records"],
        summary: "Ask the school to destroy records about the child that are no longer needed (34 CFR 300.624(b))",
        params: ZStudentIdParams,
        body: ZCreateDestructionRequestBody,
        response: { 201: ZDestructionRequest },
      },
    },
    async (request, reply) => {
      const access = await app.access.authorize(request, {
        studentId: request.params.studentId,
        action: "request-destruction",
        purpose: "ask to destroy records",
        record: "destruction-requests",
      });
      const created = await requestDestruction(deps, {
        districtId: access.student.districtId,
        studentId: access.student.studentId,
        actor: { personId: access.person.id, requestId: request.id },
        body: request.body,
      });
      return reply.status(201).send(created);
    },
  );
};

export default routes;
