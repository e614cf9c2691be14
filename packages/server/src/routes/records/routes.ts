/**
 * The family's case file over HTTP, every route through the access path:
 * - `GET|POST /api/students/:studentId/records-requests`: a student's records requests on the
 *   clock; a family asks in the app (`request-records`), staff log one received on paper or by phone
 *   (`write-record`).
 * - `POST …/records-requests/:requestId/events`: staff acknowledge a request or record that the
 *   records were provided.
 * - `GET /api/students/:studentId/record.zip`: the whole record in one ZIP (`export-record`), itself
 *   written to the record of access before the file is built, so the file lists its own download.
 * - `GET /api/students/:studentId/chronology` (and `chronology.pdf`): the case chronology, filtered
 *   by kind and dates.
 * - `GET|POST /api/students/:studentId/communications`: the communication log between the family
 *   and the school, written by either side (`log-communication`).
 * - `GET /api/records-requests/open`: open requests on the students a person serves (deadlines).
 */

import {
  DomainError,
  ZChronology,
  ZChronologyPdfQuery,
  ZChronologyQuery,
  ZCommunication,
  ZCommunicationList,
  ZCreateCommunicationBody,
  ZCreateRecordsRequestBody,
  ZOpenRecordsRequestList,
  ZRecordsRequest,
  ZRecordsRequestEventBody,
  ZRecordsRequestList,
  ZRecordsRequestParams,
  ZStudentIdParams,
} from "@lantern/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { renderChronologyPdf } from "../../pdf/chronology-pdf.ts";
import { studentWriteOf } from "../../plugins/access.ts";
import { listCommunications, logCommunication } from "../../use-cases/records/communications.ts";
import { exportCaseFile } from "../../use-cases/records/export-case-file.ts";
import { readChronology } from "../../use-cases/records/read-chronology.ts";
import {
  addRecordsRequestEvent,
  createRecordsRequest,
  listOpenRecordsRequests,
  listRecordsRequests,
} from "../../use-cases/records/records-requests.ts";

const STAFF_ROLES = new Set(["district-admin", "school-admin", "case-manager", "section-504-coordinator"]);

const routes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;

  app.get(
    "/api/students/:studentId/records-requests",
    {
      schema: {
        tags: ["records"],
        summary: "A student's records requests, newest first, each with its due date under the state's rule",
        params: ZStudentIdParams,
        response: { 200: ZRecordsRequestList },
      },
    },
    async (request) => {
      const access = await app.access.authorize(request, {
        studentId: request.params.studentId,
        action: "read-record",
        purpose: "view records requests",
        record: "records-requests",
      });
      return listRecordsRequests(deps, { studentId: access.student.studentId, districtId: access.student.districtId });
    },
  );

  app.post(
    "/api/students/:studentId/records-requests",
    {
      schema: {
        tags: ["records"],
        summary: "Ask for the child's records (the family), or log a request received on paper or by phone (staff)",
        params: ZStudentIdParams,
        body: ZCreateRecordsRequestBody,
        response: { 201: ZRecordsRequest },
      },
    },
    async (request, reply) => {
      const fromFamily = request.body.channel === "app";
      const access = await app.access.authorize(request, {
        studentId: request.params.studentId,
        action: fromFamily ? "request-records" : "write-record",
        purpose: fromFamily ? "request the child's records" : "log a records request",
        record: "records-requests",
      });
      const created = await createRecordsRequest(deps, {
        ...studentWriteOf(access, request),
        body: request.body,
      });
      return reply.status(201).send(created);
    },
  );

  app.post(
    "/api/students/:studentId/records-requests/:requestId/events",
    {
      schema: {
        tags: ["records"],
        summary: "Acknowledge a records request, or record that the records were provided",
        params: ZRecordsRequestParams,
        body: ZRecordsRequestEventBody,
        response: { 200: ZRecordsRequest },
      },
    },
    async (request) => {
      const access = await app.access.authorize(request, {
        studentId: request.params.studentId,
        action: "write-record",
        purpose: `records request ${request.body.kind}`,
        record: `records-request:${request.params.requestId}`,
      });
      return addRecordsRequestEvent(deps, {
        ...studentWriteOf(access, request),
        requestId: request.params.requestId,
        body: request.body,
      });
    },
  );

  app.get(
    "/api/students/:studentId/record.zip",
    {
      schema: {
        tags: ["records"],
        summary:
          "The whole record in one ZIP: every plan version as PDF and JSON, meetings, notices, consent and signatures, services, progress, letters, records requests, the record of access, and SHA256SUMS",
        params: ZStudentIdParams,
        produces: ["application/zip"],
      },
    },
    async (request, reply) => {
      const access = await app.access.authorize(request, {
        studentId: request.params.studentId,
        action: "export-record",
        purpose: "download the whole record",
        record: "record-export",
      });
      // The download is in the record of access it contains.
      await Promise.all(request.pendingAccessWrites ?? []);
      const { stream, fileName } = await exportCaseFile(deps, {
        studentId: access.student.studentId,
        districtId: access.student.districtId,
      });
      return reply
        .type("application/zip")
        .header("content-disposition", `attachment; filename="${fileName}"`)
        .header("cache-control", "no-store")
        .send(stream);
    },
  );

  app.get(
    "/api/students/:studentId/chronology",
    {
      schema: {
        tags: ["records"],
        summary:
          "The case chronology: everything that happened, in date order, with who, what and the rule it concerns",
        description: "`kinds` is a comma-separated list of entry kinds; `from` and `to` limit the dates.",
        params: ZStudentIdParams,
        querystring: ZChronologyQuery,
        response: { 200: ZChronology },
      },
    },
    async (request) => {
      const access = await app.access.authorize(request, {
        studentId: request.params.studentId,
        action: "read-record",
        purpose: "view the case chronology",
        record: "chronology",
      });
      return readChronology(deps, {
        studentId: access.student.studentId,
        districtId: access.student.districtId,
        filter: request.query,
        lang: request.query.lang,
      });
    },
  );

  app.get(
    "/api/students/:studentId/chronology.pdf",
    {
      schema: {
        tags: ["records"],
        summary: "The case chronology as an accessible PDF with citations (lang=es: in Spanish)",
        params: ZStudentIdParams,
        querystring: ZChronologyPdfQuery,
        produces: ["application/pdf"],
      },
    },
    async (request, reply) => {
      const access = await app.access.authorize(request, {
        studentId: request.params.studentId,
        action: "read-record",
        purpose: "download the case chronology",
        record: "chronology",
      });
      const chronology = await readChronology(deps, {
        studentId: access.student.studentId,
        districtId: access.student.districtId,
        filter: request.query,
        lang: request.query.lang,
      });
      return reply
        .type("application/pdf")
        .header("content-disposition", `attachment; filename="chronology-${chronology.today}.pdf"`)
        .header("cache-control", "no-store")
        .send(await renderChronologyPdf(chronology, request.query.lang));
    },
  );

  app.get(
    "/api/students/:studentId/communications",
    {
      schema: {
        tags: ["records"],
        summary: "The communication log between the family and the school, newest first",
        params: ZStudentIdParams,
        response: { 200: ZCommunicationList },
      },
    },
    async (request) => {
      const access = await app.access.authorize(request, {
        studentId: request.params.studentId,
        action: "read-record",
        purpose: "view the communication log",
        record: "communications",
      });
      return listCommunications(deps, { studentId: access.student.studentId });
    },
  );

  app.post(
    "/api/students/:studentId/communications",
    {
      schema: {
        tags: ["records"],
        summary: "Write a call, email, meeting or note in the communication log (the family or the school)",
        params: ZStudentIdParams,
        body: ZCreateCommunicationBody,
        response: { 201: ZCommunication },
      },
    },
    async (request, reply) => {
      const access = await app.access.authorize(request, {
        studentId: request.params.studentId,
        action: "log-communication",
        purpose: "write in the communication log",
        record: "communications",
      });
      const saved = await logCommunication(deps, {
        ...studentWriteOf(access, request),
        body: request.body,
      });
      return reply.status(201).send(saved);
    },
  );

  app.get(
    "/api/records-requests/open",
    {
      schema: {
        tags: ["records"],
        summary: "Records requests not yet fulfilled on the students you serve, soonest due first",
        response: { 200: ZOpenRecordsRequestList },
      },
    },
    async (request) => {
      const person = app.auth.requirePerson(request);
      const districtIds = [...new Set(person.roles.filter((r) => STAFF_ROLES.has(r.role)).map((r) => r.districtId))];
      if (districtIds.length === 0) throw new DomainError("forbidden", "Only district staff see open records requests");
      return listOpenRecordsRequests(deps, {
        districtIds,
        visible: async (ids) =>
          new Set(
            (
              await app.access.permitted(request, ids, {
                action: "write-record",
                purpose: "records requests due",
                record: "records-requests",
              })
            ).map((a) => a.student.studentId),
          ),
      });
    },
  );
};

export default routes;
