/**
 * `PUT /api/students/:studentId/details`: correct a student's name, date of birth, grade, school
 * and student number (the people who may add a student at the school and may change this record;
 * decision 0025). Answers the student's record summary.
 */

import { ZEditStudentRequest, ZErrorBody, ZStudentDetail, ZStudentIdParams } from "@lantern/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { actorOf } from "../../plugins/access.ts";
import { editStudent } from "../../use-cases/students/edit-student.ts";

const routes: FastifyPluginAsyncZod = async (app) => {
  app.put(
    "/api/students/:studentId/details",
    {
      schema: {
        tags: ["students"],
        summary: "Correct a student's details: name, date of birth, grade, school, student number",
        description:
          "The whole set of details, as when adding the student (without guardians). 400 names the field that is wrong (`issues[].path`, e.g. `/dateOfBirth`, `/schoolId`); 409 when the student number is another student's in the district. The audit event names the fields that changed, not their values. A changed date of birth queues the student's plans for a new compliance check.",
        params: ZStudentIdParams,
        body: ZEditStudentRequest,
        response: { 200: ZStudentDetail, 400: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody, 409: ZErrorBody },
      },
    },
    async (request) => {
      const access = await app.access.authorize(request, {
        studentId: request.params.studentId,
        action: "write-record",
        purpose: "correct the student's details",
      });
      return editStudent(app.deps, {
        studentId: access.student.studentId,
        body: request.body,
        actor: { ...actorOf(access, request), roles: access.person.roles },
      });
    },
  );
};

export default routes;
