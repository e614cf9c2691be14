import {
  DomainError,
  readScopesFor,
  ZStudentDetail,
  ZStudentIdParams,
  ZStudentList,
  ZStudentListQuery,
} from "@lantern/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { recordListing } from "../../plugins/access.ts";

const routes: FastifyPluginAsyncZod = async (app) => {
  const { students } = app.deps.repositories;

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
      const page = await students.listAccessible({
        personId: person.id,
        scopes: readScopesFor({ personId: person.id, roles: person.roles }),
        limit: request.query.limit,
        cursor: request.query.cursor,
        q: request.query.q,
        schoolId: request.query.schoolId,
      });
      await recordListing(
        app.deps.db,
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
      await app.access.authorize(request, {
        studentId: request.params.studentId,
        action: "read-record",
        purpose: "view student record",
      });
      const detail = await students.findDetail(request.params.studentId);
      if (!detail) throw new DomainError("not-found", "No such student, or not one you can see");
      return detail;
    },
  );
};

export default routes;
