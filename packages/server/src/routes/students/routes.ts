/**
 * Students: the list a person may see (each shown is written to the record of access), one record,
 * and adding one student in the app (case managers, Section 504 coordinators, administrators).
 */
import {
  DomainError,
  ZAddStudentRequest,
  ZAddStudentResponse,
  ZErrorBody,
  ZStudentDetail,
  ZStudentIdParams,
  ZStudentIntakeSchools,
  ZStudentList,
  ZStudentListQuery,
} from "@lantern/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { addStudent, listIntakeSchools } from "../../use-cases/students/add-student.ts";
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
    "/api/student-intake/schools",
    {
      schema: {
        tags: ["students"],
        summary: "The schools where the signed-in person may add a student",
        response: { 200: ZStudentIntakeSchools, 403: ZErrorBody },
      },
    },
    async (request) => {
      const person = app.auth.requirePerson(request);
      return listIntakeSchools(deps, { personId: person.id, roles: person.roles, requestId: request.id });
    },
  );

  app.post(
    "/api/students",
    {
      schema: {
        tags: ["students"],
        summary: "Add one student, with up to two guardians (case managers, 504 coordinators, administrators)",
        description:
          "A case manager's or Section 504 coordinator's new student joins their caseload. 400 names the field that is wrong (`issues[].path`, e.g. `/dateOfBirth`, `/guardians/0/email`); 409 when the student number is taken in the district. A guardian who is another district's person gets a link waiting for their acceptance.",
        body: ZAddStudentRequest,
        response: { 201: ZAddStudentResponse, 400: ZErrorBody, 403: ZErrorBody, 409: ZErrorBody },
      },
    },
    async (request, reply) => {
      const person = app.auth.requirePerson(request);
      const added = await addStudent(
        deps,
        { personId: person.id, roles: person.roles, requestId: request.id },
        request.body,
      );
      return reply.status(201).send(added);
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
