/**
 * Requests to amend a record (34 CFR 300.618-300.621; FERPA 34 CFR 99.20-99.22), every route
 * through the access path:
 * - `GET /api/students/:studentId/amendment-requests`: the requests, their decision date and
 *   history, and the family's statement kept with the record (`read-record`).
 * - `POST …/amendment-requests`: the family (a guardian, or the advocate it linked) asks
 *   (`request-amendment`).
 * - `POST …/amendment-requests/:requestId/deadline`: the district sets the date it will decide by
 *   (`write-record`).
 * - `POST …/amendment-requests/:requestId/decision`: the district amends or refuses (`write-record`).
 * - `POST …/amendment-requests/:requestId/statement`: after a refusal, the family's statement
 *   (`request-amendment`).
 */

import {
  ZAmendmentDeadlineBody,
  ZAmendmentDecisionBody,
  ZAmendmentRequest,
  ZAmendmentRequestList,
  ZAmendmentRequestParams,
  ZAmendmentStatementBody,
  ZCreateAmendmentRequestBody,
  ZStudentIdParams,
} from "@lantern/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { actorOf } from "../../plugins/access.ts";
import {
  decideAmendment,
  listAmendmentRequests,
  placeAmendmentStatement,
  requestAmendment,
  setAmendmentDeadline,
} from "../../use-cases/records/amendment-requests.ts";

const routes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;

  app.get(
    "/api/students/:studentId/amendment-requests",
    {
      schema: {
        tags: ["records"],
        summary: "Requests to amend the record, newest first, each with its decision date and the family's statement",
        params: ZStudentIdParams,
        response: { 200: ZAmendmentRequestList },
      },
    },
    async (request) => {
      const access = await app.access.authorize(request, {
        studentId: request.params.studentId,
        action: "read-record",
        purpose: "view requests to amend the record",
        record: "amendment-requests",
      });
      return listAmendmentRequests(deps, {
        studentId: access.student.studentId,
        districtId: access.student.districtId,
      });
    },
  );

  app.post(
    "/api/students/:studentId/amendment-requests",
    {
      schema: {
        tags: ["records"],
        summary: "Ask the district to amend a record that is inaccurate, misleading or violates the child's privacy",
        params: ZStudentIdParams,
        body: ZCreateAmendmentRequestBody,
        response: { 201: ZAmendmentRequest },
      },
    },
    async (request, reply) => {
      const access = await app.access.authorize(request, {
        studentId: request.params.studentId,
        action: "request-amendment",
        purpose: "ask to amend the record",
        record: "amendment-requests",
      });
      const created = await requestAmendment(deps, {
        studentId: access.student.studentId,
        districtId: access.student.districtId,
        body: request.body,
        actor: actorOf(access, request),
      });
      return reply.status(201).send(created);
    },
  );

  app.post(
    "/api/students/:studentId/amendment-requests/:requestId/deadline",
    {
      schema: {
        tags: ["records"],
        summary: "Set the date by which the district will decide a request to amend",
        params: ZAmendmentRequestParams,
        body: ZAmendmentDeadlineBody,
        response: { 200: ZAmendmentRequest },
      },
    },
    async (request) => {
      const access = await app.access.authorize(request, {
        studentId: request.params.studentId,
        action: "write-record",
        purpose: "set the decision date of a request to amend",
        record: `amendment-request:${request.params.requestId}`,
      });
      return setAmendmentDeadline(deps, {
        studentId: access.student.studentId,
        districtId: access.student.districtId,
        requestId: request.params.requestId,
        body: request.body,
        actor: actorOf(access, request),
      });
    },
  );

  app.post(
    "/api/students/:studentId/amendment-requests/:requestId/decision",
    {
      schema: {
        tags: ["records"],
        summary: "Decide a request to amend: the record amended, or refused with the family told of its rights",
        params: ZAmendmentRequestParams,
        body: ZAmendmentDecisionBody,
        response: { 200: ZAmendmentRequest },
      },
    },
    async (request) => {
      const access = await app.access.authorize(request, {
        studentId: request.params.studentId,
        action: "write-record",
        purpose: "decide a request to amend the record",
        record: `amendment-request:${request.params.requestId}`,
      });
      return decideAmendment(deps, {
        studentId: access.student.studentId,
        districtId: access.student.districtId,
        requestId: request.params.requestId,
        body: request.body,
        actor: actorOf(access, request),
      });
    },
  );

  app.post(
    "/api/students/:studentId/amendment-requests/:requestId/statement",
    {
      schema: {
        tags: ["records"],
        summary: "After a refusal, place the family's statement in the record, kept and disclosed with it",
        params: ZAmendmentRequestParams,
        body: ZAmendmentStatementBody,
        response: { 200: ZAmendmentRequest },
      },
    },
    async (request) => {
      const access = await app.access.authorize(request, {
        studentId: request.params.studentId,
        action: "request-amendment",
        purpose: "place a statement in the record",
        record: `amendment-request:${request.params.requestId}`,
      });
      return placeAmendmentStatement(deps, {
        studentId: access.student.studentId,
        districtId: access.student.districtId,
        requestId: request.params.requestId,
        body: request.body,
        actor: actorOf(access, request),
      });
    },
  );
};

export default routes;
