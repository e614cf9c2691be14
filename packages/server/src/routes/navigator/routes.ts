/**
 * The eligibility navigator over HTTP.
 * - `POST /api/navigator`: facts in, result out (with plain-language comparison, next steps, the
 *   letters for them and whose rules were used). No sign-in needed: families use it before any
 *   record exists. Nothing is stored.
 * - `POST /api/navigator/letter` and `POST /api/navigator/letter.pdf`: any letter for a next step
 *   (a request without `kind` is the evaluation request), as text or as a PDF. Nothing is stored.
 * - `POST|GET /api/students/:studentId/navigator-results`: staff save a result to a student's
 *   record, and read the saved results, through the access path (record of access, 34 CFR 300.614).
 * - `POST|GET /api/students/:studentId/letters`, `GET …/letters/:letterId/pdf`: a family saves a
 *   letter to the child's record when it wishes, and reads saved letters, through the access path.
 */

import {
  letterFileName,
  ZLetterIdParams,
  ZLetterRequest,
  ZNavigatorFacts,
  ZNavigatorQuery,
  ZNavigatorReport,
  ZSavedLetter,
  ZSavedLetterList,
  ZSavedNavigatorResult,
  ZSavedNavigatorResults,
  ZSaveLetterBody,
  ZSaveNavigatorResultBody,
  ZStudentIdParams,
  ZWrittenLetter,
} from "@lantern/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { actorOf } from "../../plugins/access.ts";
import { runNavigator } from "../../use-cases/navigator/run-navigator.ts";
import { listNavigatorResults, saveNavigatorResult } from "../../use-cases/navigator/save-navigator-result.ts";
import {
  listLetters,
  printLetter,
  printSavedLetter,
  saveLetter,
  writeLetter,
} from "../../use-cases/navigator/write-letter.ts";

const routes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;

  app.post(
    "/api/navigator",
    {
      schema: {
        tags: ["navigator"],
        summary: "Does the law point to an IEP, a Section 504 plan, an evaluation first, or no plan — and why",
        description:
          "Facts in, recommendation out (see the navigator contract). No sign-in needed; nothing is stored. The response adds a plain-language comparison with the other plan, next steps, the letters for them and whose rules were used. `?lang=es` writes the reasons, the comparison and the next steps in Spanish; the decision, the codes and the citations are the same.",
        querystring: ZNavigatorQuery,
        body: ZNavigatorFacts,
        response: { 200: ZNavigatorReport },
      },
    },
    async (request) => runNavigator(deps, request.body, request.query.lang),
  );

  app.post(
    "/api/navigator/letter",
    {
      schema: {
        tags: ["navigator"],
        summary:
          "A letter for a next step (evaluation, 504 or IEP meeting, records, independent evaluation, prior written notice, partial consent), as text",
        description:
          "Built from the request and the state's rules; nothing is stored. A request without `kind` is the evaluation request.",
        body: ZLetterRequest,
        response: { 200: ZWrittenLetter },
      },
    },
    async (request) => writeLetter(deps, request.body),
  );

  app.post(
    "/api/navigator/letter.pdf",
    {
      schema: {
        tags: ["navigator"],
        summary: "A letter for a next step as a PDF (without `kind`: the evaluation request)",
        body: ZLetterRequest,
        produces: ["application/pdf"],
      },
    },
    async (request, reply) => {
      const pdf = await printLetter(deps, request.body);
      return reply
        .type("application/pdf")
        .header("content-disposition", `attachment; filename="${letterFileName(request.body.kind)}"`)
        .header("cache-control", "no-store")
        .send(pdf);
    },
  );

  app.post(
    "/api/students/:studentId/navigator-results",
    {
      schema: {
        tags: ["navigator"],
        summary: "Save a navigator result to a student's record (staff)",
        params: ZStudentIdParams,
        body: ZSaveNavigatorResultBody,
        response: { 201: ZSavedNavigatorResult },
      },
    },
    async (request, reply) => {
      const access = await app.access.authorize(request, {
        studentId: request.params.studentId,
        action: "write-record",
        purpose: "eligibility navigator result",
        record: "navigator-results",
      });
      const saved = await saveNavigatorResult(deps, {
        studentId: request.params.studentId,
        facts: request.body.facts,
        actor: actorOf(access, request),
      });
      return reply.status(201).send(saved);
    },
  );

  app.get(
    "/api/students/:studentId/navigator-results",
    {
      schema: {
        tags: ["navigator"],
        summary: "Navigator results saved to a student's record, newest first",
        params: ZStudentIdParams,
        response: { 200: ZSavedNavigatorResults },
      },
    },
    async (request) => {
      await app.access.authorize(request, {
        studentId: request.params.studentId,
        action: "read-record",
        purpose: "view eligibility navigator results",
        record: "navigator-results",
      });
      return listNavigatorResults(deps, { studentId: request.params.studentId });
    },
  );

  app.post(
    "/api/students/:studentId/letters",
    {
      schema: {
        tags: ["navigator"],
        summary: "Save a letter to a student's record (the family, or staff helping them)",
        params: ZStudentIdParams,
        body: ZSaveLetterBody,
        response: { 201: ZSavedLetter },
      },
    },
    async (request, reply) => {
      const access = await app.access.authorize(request, {
        studentId: request.params.studentId,
        action: "save-letter",
        purpose: "family letter to the school",
        record: "letters",
      });
      const saved = await saveLetter(deps, {
        studentId: request.params.studentId,
        request: request.body.request,
        actor: actorOf(access, request),
      });
      return reply.status(201).send(saved);
    },
  );

  app.get(
    "/api/students/:studentId/letters",
    {
      schema: {
        tags: ["navigator"],
        summary: "Letters saved to a student's record, newest first",
        params: ZStudentIdParams,
        response: { 200: ZSavedLetterList },
      },
    },
    async (request) => {
      await app.access.authorize(request, {
        studentId: request.params.studentId,
        action: "read-record",
        purpose: "view letters to the school",
        record: "letters",
      });
      return listLetters(deps, { studentId: request.params.studentId });
    },
  );

  app.get(
    "/api/students/:studentId/letters/:letterId/pdf",
    {
      schema: {
        tags: ["navigator"],
        summary: "A saved letter as a PDF",
        params: ZLetterIdParams,
        produces: ["application/pdf"],
      },
    },
    async (request, reply) => {
      await app.access.authorize(request, {
        studentId: request.params.studentId,
        action: "read-record",
        purpose: "download a letter to the school",
        record: "letters",
      });
      const { pdf, kind } = await printSavedLetter(deps, request.params);
      return reply
        .type("application/pdf")
        .header("content-disposition", `attachment; filename="${letterFileName(kind)}"`)
        .header("cache-control", "no-store")
        .send(pdf);
    },
  );
};

export default routes;
