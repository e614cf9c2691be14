/**
 * Meeting preparation for families, every route through the access path:
 * - `GET /api/students/:studentId/meeting-preparation`: recent and coming meetings, each with the
 *   family's concerns and questions (the team's agenda), the recording notice, and the shared draft
 *   with its comments and answers (`read-plan`).
 * - `PUT …/meetings/:meetingId/preparation`: the family writes its concerns and questions, and in
 *   California gives its 24-hour recording notice (`prepare-meeting`: guardians, linked advocates).
 * - `POST …/meetings/:meetingId/shared-drafts`: staff share a frozen copy of the draft (`write-plan`).
 * - `POST …/shared-drafts/:shareId/comments`: the family comments on one item (`prepare-meeting`).
 * - `POST …/shared-drafts/:shareId/comments/:commentId/answers`: the team answers (`write-plan`).
 */

import {
  ZDraftAnswerBody,
  ZDraftCommentBody,
  ZDraftCommentParams,
  ZEmptyBody,
  ZMeetingIdParams,
  ZMeetingPreparationBody,
  ZMeetingPreparationList,
  ZSharedDraftParams,
  ZStudentIdParams,
} from "@lantern/core";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { type AuthorizeRequest, authorizeWrite, studentWriteOf } from "../../plugins/access.ts";
import {
  answerDraftComment,
  commentOnDraft,
  listMeetingPreparations,
  saveMeetingPreparation,
  shareDraft,
} from "../../use-cases/plans/meeting-preparation.ts";

const routes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;
  const base = "/api/students/:studentId";

  /** A comment or an answer on one shared draft, checked for that draft: the input its use case takes. */
  const onSharedDraft = async <B>(
    request: FastifyRequest & { params: { studentId: string; shareId: string }; body: B },
    action: AuthorizeRequest["action"],
    purpose: string,
  ) => ({
    ...(await authorizeWrite(app.access, request, {
      action,
      purpose,
      record: `shared-draft:${request.params.shareId}`,
    })),
    shareId: request.params.shareId,
    body: request.body,
  });

  app.get(
    `${base}/meeting-preparation`,
    {
      schema: {
        tags: ["plans"],
        summary:
          "Recent and coming meetings with the family's concerns and questions, the recording notice, and the shared draft with comments and answers",
        params: ZStudentIdParams,
        response: { 200: ZMeetingPreparationList },
      },
    },
    async (request) => {
      const access = await app.access.authorize(request, {
        studentId: request.params.studentId,
        action: "read-plan",
        purpose: "view meeting preparation",
        record: "meeting-preparation",
      });
      return listMeetingPreparations(deps, {
        studentId: access.student.studentId,
        districtId: access.student.districtId,
      });
    },
  );

  app.put(
    `${base}/meetings/:meetingId/preparation`,
    {
      schema: {
        tags: ["plans"],
        summary:
          "The family's concerns and questions for a meeting (34 CFR 300.324(a)(1)(ii)); in California, its notice that it will audio-record the meeting (Ed. Code 56341.1(g)(1))",
        params: ZMeetingIdParams,
        body: ZMeetingPreparationBody,
        response: { 200: ZMeetingPreparationList },
      },
    },
    async (request) => {
      const access = await app.access.authorize(request, {
        studentId: request.params.studentId,
        action: "prepare-meeting",
        purpose: "write concerns and questions for a meeting",
        record: `meeting:${request.params.meetingId}`,
      });
      return saveMeetingPreparation(deps, {
        ...studentWriteOf(access, request),
        meetingId: request.params.meetingId,
        body: request.body,
      });
    },
  );

  app.post(
    `${base}/meetings/:meetingId/shared-drafts`,
    {
      schema: {
        tags: ["plans"],
        summary: "Share a frozen copy of the meeting's draft with the family before the meeting",
        params: ZMeetingIdParams,
        body: ZEmptyBody,
        response: { 200: ZMeetingPreparationList },
      },
    },
    async (request) => {
      const access = await app.access.authorize(request, {
        studentId: request.params.studentId,
        action: "write-plan",
        purpose: "share the draft with the family",
        record: `meeting:${request.params.meetingId}`,
      });
      return shareDraft(deps, {
        ...studentWriteOf(access, request),
        meetingId: request.params.meetingId,
      });
    },
  );

  app.post(
    `${base}/shared-drafts/:shareId/comments`,
    {
      schema: {
        tags: ["plans"],
        summary: "Comment on one goal, service or accommodation of a shared draft (the family, before the meeting)",
        params: ZSharedDraftParams,
        body: ZDraftCommentBody,
        response: { 201: ZMeetingPreparationList },
      },
    },
    async (request, reply) => {
      const list = await commentOnDraft(
        deps,
        await onSharedDraft(request, "prepare-meeting", "comment on the shared draft"),
      );
      return reply.status(201).send(list);
    },
  );

  app.post(
    `${base}/shared-drafts/:shareId/comments/:commentId/answers`,
    {
      schema: {
        tags: ["plans"],
        summary: "Answer a family's comment on the shared draft (staff who run the plan)",
        params: ZDraftCommentParams,
        body: ZDraftAnswerBody,
        response: { 201: ZMeetingPreparationList },
      },
    },
    async (request, reply) => {
      const list = await answerDraftComment(deps, {
        ...(await onSharedDraft(request, "write-plan", "answer a comment on the shared draft")),
        commentId: request.params.commentId,
      });
      return reply.status(201).send(list);
    },
  );
};

export default routes;
