/**
 * A family's state complaint drafts (34 CFR 300.153), every route through the access path with the
 * action `draft-complaint` (the student's guardians and the advocates they link; never staff —
 * decision 0020):
 * - `GET|POST /api/students/:studentId/complaint-drafts`: the family's drafts; a new one from chosen
 *   chronology entries.
 * - `PUT …/complaint-drafts/:draftId`: save the family's words (409 on a stale revision).
 * - `GET …/complaint-drafts/:draftId/pdf`: the complaint as a tagged PDF (`lang=es`: in Spanish).
 */

import {
  ZComplaintDraft,
  ZComplaintDraftList,
  ZComplaintDraftParams,
  ZComplaintPdfQuery,
  ZCreateComplaintDraftBody,
  ZSaveComplaintDraftBody,
  ZStudentIdParams,
} from "@lantern/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { renderComplaintPdf } from "../../pdf/complaint-pdf.ts";
import { actorOf } from "../../plugins/access.ts";
import { todayFor } from "../../use-cases/deps.ts";
import {
  createComplaintDraft,
  listComplaintDrafts,
  readComplaintDraft,
  saveComplaintDraft,
} from "../../use-cases/records/complaint-drafts.ts";

// The record of access names a family's own paper, not its kind (decision 0020).
const RECORD = "family-draft";

const routes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;

  app.get(
    "/api/students/:studentId/complaint-drafts",
    {
      schema: {
        tags: ["records"],
        summary: "The family's state complaint drafts, newest first (the family and its linked advocate only)",
        params: ZStudentIdParams,
        response: { 200: ZComplaintDraftList },
      },
    },
    async (request) => {
      const access = await app.access.authorize(request, {
        studentId: request.params.studentId,
        action: "draft-complaint",
        purpose: "the family's own drafts",
        record: RECORD,
      });
      return listComplaintDrafts(deps, { studentId: access.student.studentId, districtId: access.student.districtId });
    },
  );

  app.post(
    "/api/students/:studentId/complaint-drafts",
    {
      schema: {
        tags: ["records"],
        summary:
          "Draft a state complaint (34 CFR 300.153(b)) from chosen chronology entries, with their evidence attached",
        params: ZStudentIdParams,
        body: ZCreateComplaintDraftBody,
        response: { 201: ZComplaintDraft },
      },
    },
    async (request, reply) => {
      const access = await app.access.authorize(request, {
        studentId: request.params.studentId,
        action: "draft-complaint",
        purpose: "start a family draft",
        record: RECORD,
      });
      const draft = await createComplaintDraft(deps, {
        studentId: access.student.studentId,
        districtId: access.student.districtId,
        entryIds: request.body.entryIds,
        actor: { ...actorOf(access, request), email: access.person.email },
      });
      return reply.status(201).send(draft);
    },
  );

  app.put(
    "/api/students/:studentId/complaint-drafts/:draftId",
    {
      schema: {
        tags: ["records"],
        summary: "Save the family's words of a complaint draft. Send the revision you edited; a stale one gets 409",
        params: ZComplaintDraftParams,
        body: ZSaveComplaintDraftBody,
        response: { 200: ZComplaintDraft },
      },
    },
    async (request) => {
      const access = await app.access.authorize(request, {
        studentId: request.params.studentId,
        action: "draft-complaint",
        purpose: "save a family draft",
        record: `${RECORD}:${request.params.draftId}`,
      });
      return saveComplaintDraft(deps, {
        studentId: access.student.studentId,
        districtId: access.student.districtId,
        draftId: request.params.draftId,
        body: request.body,
        actor: actorOf(access, request),
      });
    },
  );

  app.get(
    "/api/students/:studentId/complaint-drafts/:draftId/pdf",
    {
      schema: {
        tags: ["records"],
        summary:
          "A complaint draft as an accessible PDF, with its evidence, where to send it, and the one-year limit (lang=es: in Spanish)",
        params: ZComplaintDraftParams,
        querystring: ZComplaintPdfQuery,
        produces: ["application/pdf"],
      },
    },
    async (request, reply) => {
      const access = await app.access.authorize(request, {
        studentId: request.params.studentId,
        action: "draft-complaint",
        purpose: "download a family draft",
        record: `${RECORD}:${request.params.draftId}`,
      });
      const where = { studentId: access.student.studentId, districtId: access.student.districtId };
      const { lang } = request.query;
      const [draft, today] = await Promise.all([
        readComplaintDraft(deps, { ...where, draftId: request.params.draftId, lang }),
        todayFor(deps, where.districtId),
      ]);
      return reply
        .type("application/pdf")
        .header("content-disposition", `attachment; filename="state-complaint-${today}.pdf"`)
        .header("cache-control", "no-store")
        .send(await renderComplaintPdf(draft, today, lang));
    },
  );
};

export default routes;
