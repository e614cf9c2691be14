/**
 * `PUT /api/students/:studentId/guardians/:personId/language`: staff who may change the record
 * (`write-record`) set a guardian's preferred language and interpreter need on the student's
 * record (34 CFR 300.503(c), 300.322(e)). Answers the student's record summary.
 */

import { ZGuardianLanguageBody, ZGuardianLanguageParams, ZStudentDetail } from "@lantern/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { actorOf } from "../../plugins/access.ts";
import { setGuardianLanguage } from "../../use-cases/students/set-guardian-language.ts";

const routes: FastifyPluginAsyncZod = async (app) => {
  app.put(
    "/api/students/:studentId/guardians/:personId/language",
    {
      schema: {
        tags: ["students"],
        summary: "Set a guardian's preferred language and interpreter need on the student's record",
        params: ZGuardianLanguageParams,
        body: ZGuardianLanguageBody,
        response: { 200: ZStudentDetail },
      },
    },
    async (request) => {
      const access = await app.access.authorize(request, {
        studentId: request.params.studentId,
        action: "write-record",
        purpose: "set a guardian's language",
        record: `guardian:${request.params.personId}`,
      });
      return setGuardianLanguage(app.deps, {
        studentId: access.student.studentId,
        personId: request.params.personId,
        body: request.body,
        actor: actorOf(access, request),
      });
    },
  );
};

export default routes;
