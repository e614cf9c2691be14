/**
 * Families' control over their child's record: link or unlink an advocate (consent to disclose,
 * 34 CFR 300.622(a); FERPA 99.30), and see the record of access (34 CFR 300.614; FERPA 99.32(c)).
 */

import {
  ZAccessLog,
  ZAccessLogQuery,
  ZAdvocateLink,
  ZAdvocateLinkRequest,
  ZAdvocateLinks,
  ZAdvocateParams,
  ZStudentIdParams,
} from "@lantern/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../plugins/access.ts";
import { linkAdvocate, listAdvocates, readAccessLog, unlinkAdvocate } from "../../use-cases/sharing/sharing.ts";

const routes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;

  app.get(
    "/api/students/:studentId/advocates",
    {
      schema: {
        tags: ["sharing"],
        summary: "Advocates a guardian has shared this record with",
        params: ZStudentIdParams,
        response: { 200: ZAdvocateLinks },
      },
    },
    async (request) => {
      const { studentId } = request.params;
      await app.access.authorize(request, { studentId, action: "read-record", purpose: "view sharing" });
      return listAdvocates(deps, { studentId });
    },
  );

  app.post(
    "/api/students/:studentId/advocates",
    {
      schema: {
        tags: ["sharing"],
        summary: "Share this record with an advocate (guardians only)",
        params: ZStudentIdParams,
        body: ZAdvocateLinkRequest,
        response: { 201: ZAdvocateLink },
      },
    },
    async (request, reply) => {
      const { studentId } = request.params;
      const access = await app.access.authorize(request, {
        studentId,
        action: "manage-sharing",
        purpose: "share record with an advocate",
      });
      const actor = actorOf(access, request);
      const link = await linkAdvocate(deps, { studentId, advocateEmail: request.body.advocateEmail, actor });
      return reply.status(201).send(link);
    },
  );

  app.delete(
    "/api/students/:studentId/advocates/:advocateId",
    {
      schema: {
        tags: ["sharing"],
        summary: "Stop sharing this record with an advocate (guardians only)",
        params: ZAdvocateParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const { studentId, advocateId } = request.params;
      const access = await app.access.authorize(request, {
        studentId,
        action: "manage-sharing",
        purpose: "stop sharing record with an advocate",
      });
      const actor = actorOf(access, request);
      await unlinkAdvocate(deps, { studentId, advocateId, actor });
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/students/:studentId/access-log",
    {
      schema: {
        tags: ["sharing"],
        summary: "Who read or changed this student's record, when and why (newest first)",
        params: ZStudentIdParams,
        querystring: ZAccessLogQuery,
        response: { 200: ZAccessLog },
      },
    },
    async (request) => {
      const { studentId } = request.params;
      await app.access.authorize(request, {
        studentId,
        action: "read-access-log",
        purpose: "view record of access",
        record: "record-of-access",
      });
      return readAccessLog(deps, { studentId, ...request.query });
    },
  );
};

export default routes;
