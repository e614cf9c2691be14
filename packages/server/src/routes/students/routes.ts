/** Students: the list a person may see (each shown is written to the record of access), and one record. */
import { DomainError, ZStudentDetail, ZStudentIdParams, ZStudentList, ZStudentListQuery } from "@lantern/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { listStudents, readStudent } from "../../use-cases/students/read-students.ts";

const routes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;

  app.get(
    "/api/students",
    {
      schema: {
        tags: ["students"],
        summary: "Students the signed-in person may see (caseload, school, district, or own children)",
        querystring: ZStudentListQuery,
        response: { 200: ZStudentList },
      },
    },
    async (request) => {
      const person = app.auth.requirePerson(request);
      const page = await listStudents(deps, { person, ...request.query });
      await app.access.recordListing(
        request,
        person.id,
        page.items.map((s) => s.id),
        "student list",
      );
      return page;
    },
  );

  app.get(
    "/api/students/:studentId",
    {
      schema: {
        tags: ["students"],
        summary: "One student's record summary",
        params: ZStudentIdParams,
        response: { 200: ZStudentDetail },
      },
    },
    async (request) => {
      const { studentId } = request.params;
      await app.access.authorize(request, { studentId, action: "read-record", purpose: "view student record" });
      const detail = await readStudent(deps, { studentId });
      if (!detail) throw new DomainError("not-found", "No such student, or not one you can see");
      return detail;
    },
  );
};

export default routes;
