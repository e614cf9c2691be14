/**
 * The eligibility navigator over HTTP.
 * - `POST /api/navigator`: facts in, result out (with plain-language comparison and next steps).
 *   No sign-in needed: families use it before any record exists. Nothing is stored.
 * - `POST /api/navigator/letter.pdf`: the evaluation-request letter as a PDF. Nothing is stored.
 * - `POST|GET /api/students/:studentId/navigator-results`: staff save a result to a student's
 *   record, and read the saved results, through the access path (record of access, 34 CFR 300.614).
 */
import {
  ZEvaluationLetterInput,
  ZNavigatorFacts,
  ZNavigatorReport,
  ZSavedNavigatorResult,
  ZSavedNavigatorResults,
  ZSaveNavigatorResultBody,
  ZStudentIdParams,
} from "@lantern/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { printEvaluationLetter, runNavigator } from "../../use-cases/navigator/run-navigator.ts";
import { listNavigatorResults, saveNavigatorResult } from "../../use-cases/navigator/save-navigator-result.ts";

const routes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;

  app.post(
    "/api/navigator",
    {
      schema: {
        tags: ["navigator"],
        summary: "Does the law point to an IEP, a Section 504 plan, an evaluation first, or no plan — and why",
        description:
          "Facts in, recommendation out (see the navigator contract). No sign-in needed; nothing is stored. The response adds a plain-language comparison with the other plan and next steps.",
        body: ZNavigatorFacts,
        response: { 200: ZNavigatorReport },
      },
    },
    async (request) => runNavigator(deps, request.body),
  );

  app.post(
    "/api/navigator/letter.pdf",
    {
      schema: {
        tags: ["navigator"],
        summary: "The parent's evaluation-request letter as a PDF",
        body: ZEvaluationLetterInput,
        produces: ["application/pdf"],
      },
    },
    async (request, reply) => {
      const pdf = await printEvaluationLetter(deps, request.body);
      return reply
        .type("application/pdf")
        .header("content-disposition", 'attachment; filename="evaluation-request-letter.pdf"')
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
        actor: { personId: access.person.id, basis: access.basis, requestId: request.id },
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
};

export default routes;
