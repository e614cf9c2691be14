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
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { type AuthorizeRequest, authorizeWrite, studentWriteOf } from "../../plugins/access.ts";
import {
  decideAmendment,
  listAmendmentRequests,
  placeAmendmentStatement,
  requestAmendment,
  setAmendmentDeadline,
} from "../../use-cases/records/amendment-requests.ts";

const routes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;

  /** A write on one request to amend, checked for that request: the input its use case takes. */
  const onRequest = async <B>(
    request: FastifyRequest & { params: { studentId: string; requestId: string }; body: B },
    action: AuthorizeRequest["action"],
    purpose: string,
  ) => ({
    ...(await authorizeWrite(app.access, request, {
      action,
      purpose,
      record: `amendment-request:${request.params.requestId}`,
    })),
    requestId: request.params.requestId,
    body: request.body,
  });

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
      const created = await requestAmendment(deps, { ...studentWriteOf(access, request), body: request.body });
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
    async (request) =>
      setAmendmentDeadline(
        deps,
        await onRequest(request, "write-record", "set the decision date of a request to amend"),
      ),
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
    async (request) =>
      decideAmendment(deps, await onRequest(request, "write-record", "decide a request to amend the record")),
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
    async (request) =>
      placeAmendmentStatement(deps, await onRequest(request, "request-amendment", "place a statement in the record")),
  );
};

export default routes;
