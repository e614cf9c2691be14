/**
 * Enforcement: progress data and service sessions, the minutes summary (staff and guardians),
 * the caseload logging grid, the service-fidelity report (JSON or CSV), the district's
 * compensatory policy, and the two PDFs. Every student's data goes through the access path; each
 * route then runs one use case.
 */
import {
  DomainError,
  districtSettingsRole,
  reportScopeFor,
  ZCaseloadWeek,
  ZCompensatoryPolicy,
  ZFidelityQuery,
  ZFidelityReport,
  ZLogSessionBody,
  ZMinutesPdfQuery,
  ZMinutesQuery,
  ZProgressBatch,
  ZProgressBatchResult,
  ZProgressPointView,
  ZProgressQuery,
  ZProgressReportQuery,
  ZRecordPointBody,
  ZServiceAlerts,
  ZServiceAlertsQuery,
  ZServiceLog,
  ZSessionList,
  ZSessionListQuery,
  ZStoredSessionView,
  ZStudentIdParams,
  ZStudentProgress,
  ZStudentServiceMinutes,
  ZWeekLog,
  ZWeekLogResult,
  ZWeekQuery,
} from "@lantern/core";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { z } from "zod";
import { serviceFidelityCsv } from "../../formats/csv.ts";
import type { AuthorizedAccess, AuthorizeRequest } from "../../plugins/access.ts";
import type { StudentPlace } from "../../repositories/enforcement-repository.ts";
import { buildServiceFidelityReport } from "../../use-cases/enforcement/build-service-fidelity-report.ts";
import { readCompensatoryPolicy, setCompensatoryPolicy } from "../../use-cases/enforcement/compensatory-policy.ts";
import {
  printProgressReport,
  readProgress,
  recordProgressData,
  recordProgressPoint,
} from "../../use-cases/enforcement/progress.ts";
import { listServiceAlerts } from "../../use-cases/enforcement/service-alerts.ts";
import {
  listServiceSessions,
  logServiceSession,
  logServiceWeek,
  readCaseloadWeek,
} from "../../use-cases/enforcement/service-sessions.ts";
import {
  exportServiceLog,
  printDeliverySummary,
  readServiceMinutes,
} from "../../use-cases/enforcement/summarize-service-minutes.ts";

const placeOf = (access: AuthorizedAccess): StudentPlace => ({
  studentId: access.student.studentId,
  districtId: access.student.districtId,
  schoolId: access.student.schoolId,
});

const actorOf = (access: { person: { id: string }; basis?: string }, request: FastifyRequest) => ({
  personId: access.person.id,
  basis: access.basis ?? "",
  requestId: request.id,
});

const routes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;

  /** Each student of a batch through the access path (one record-of-access row each); any refusal refuses the batch. */
  async function authorizeEach(
    request: FastifyRequest,
    studentIds: Iterable<string>,
    what: Omit<AuthorizeRequest, "studentId">,
  ): Promise<Map<string, StudentPlace>> {
    const places = new Map<string, StudentPlace>();
    for (const studentId of new Set(studentIds)) {
      places.set(studentId, placeOf(await app.access.authorize(request, { studentId, ...what })));
    }
    return places;
  }

  /** The students of a list the person may take the action on (the others are left out, not refused). */
  const permitted =
    (request: FastifyRequest, what: Omit<AuthorizeRequest, "studentId">) => async (ids: readonly string[]) =>
      (await app.access.permitted(request, ids, what)).map(placeOf);

  /** The district a signed-in staff member works in (their first role's). */
  function districtOf(request: FastifyRequest) {
    const person = app.auth.requirePerson(request);
    const districtId = person.roles[0]?.districtId;
    if (!districtId) throw new DomainError("forbidden", "You have no role in a district");
    return { person, districtId };
  }

  // ---- Service minutes -------------------------------------------------------------------------

  const minutesAccess = (request: FastifyRequest, studentId: string, purpose: string) =>
    app.access.authorize(request, { studentId, action: "read-plan", purpose, record: "service-minutes" });

  app.get(
    "/api/students/:studentId/service-minutes",
    {
      schema: {
        tags: ["enforcement"],
        summary:
          "Per service: minutes required by the plan, delivered, missed by reason, made up and compensatory minutes owed",
        params: ZStudentIdParams,
        querystring: ZMinutesQuery,
        response: { 200: ZStudentServiceMinutes },
      },
    },
    async (request) => {
      const access = await minutesAccess(request, request.params.studentId, "view service minutes");
      return readServiceMinutes(deps, { place: placeOf(access), ...request.query });
    },
  );

  app.get(
    "/api/students/:studentId/service-minutes.pdf",
    {
      schema: {
        tags: ["enforcement"],
        summary: "Service delivery summary as a PDF a family can bring to a meeting (lang=es: in Spanish)",
        params: ZStudentIdParams,
        querystring: ZMinutesPdfQuery,
      },
    },
    async (request, reply) => {
      const access = await minutesAccess(request, request.params.studentId, "service delivery summary PDF");
      const pdf = await printDeliverySummary(deps, { place: placeOf(access), ...request.query });
      return reply
        .type("application/pdf")
        .header("content-disposition", 'attachment; filename="service-delivery-summary.pdf"')
        .send(pdf);
    },
  );

  app.get(
    "/api/students/:studentId/service-sessions",
    {
      schema: {
        tags: ["enforcement"],
        summary: "Sessions logged for a student's services",
        params: ZStudentIdParams,
        querystring: ZSessionListQuery,
        response: { 200: ZSessionList },
      },
    },
    async (request) => {
      const { studentId } = request.params;
      await app.access.authorize(request, {
        studentId,
        action: "read-plan",
        purpose: "view service sessions",
        record: "service-sessions",
      });
      return listServiceSessions(deps, { studentId, ...request.query });
    },
  );

  app.post(
    "/api/students/:studentId/service-sessions",
    {
      schema: {
        tags: ["enforcement"],
        summary: "Log one session against a service of the student's plan",
        params: ZStudentIdParams,
        body: ZLogSessionBody,
        response: { 201: ZStoredSessionView },
      },
    },
    async (request, reply) => {
      const { studentId } = request.params;
      const access = await app.access.authorize(request, {
        studentId,
        action: "log-service",
        purpose: "log a service session",
        record: "service-sessions",
      });
      const saved = await logServiceSession(deps, {
        place: placeOf(access),
        entry: { ...request.body, studentId },
        actor: actorOf(access, request),
      });
      return reply.status(201).send(saved);
    },
  );

  app.get(
    "/api/students/:studentId/service-log.json",
    {
      schema: {
        tags: ["enforcement"],
        summary:
          "Export the student's service log (plan versions, calendar, policy, sessions) for `lantern minutes` and audits",
        params: ZStudentIdParams,
        querystring: ZMinutesQuery,
        response: { 200: ZServiceLog },
      },
    },
    async (request, reply) => {
      const access = await app.access.authorize(request, {
        studentId: request.params.studentId,
        action: "read-plan",
        purpose: "export service log",
        record: "service-sessions",
      });
      reply.header("content-disposition", 'attachment; filename="service-log.json"');
      return exportServiceLog(deps, { place: placeOf(access), through: request.query.through });
    },
  );

  app.get(
    "/api/caseload/service-alerts",
    {
      schema: {
        tags: ["enforcement"],
        summary: "Services behind schedule for students on the signed-in person's caseload",
        querystring: ZServiceAlertsQuery,
        response: { 200: ZServiceAlerts },
      },
    },
    async (request) => {
      const { person, districtId } = districtOf(request);
      return listServiceAlerts(deps, {
        personId: person.id,
        districtId,
        through: request.query.through,
        permitted: permitted(request, {
          action: "read-plan",
          purpose: "service delivery alerts",
          record: "service-minutes",
        }),
      });
    },
  );

  // ---- The provider's week grid ----------------------------------------------------------------

  app.get(
    "/api/caseload/service-week",
    {
      schema: {
        tags: ["enforcement"],
        summary: "The signed-in provider's caseload for a week: each student's services and logged sessions",
        querystring: ZWeekQuery,
        response: { 200: ZCaseloadWeek },
      },
    },
    async (request) => {
      const { person, districtId } = districtOf(request);
      return readCaseloadWeek(deps, {
        personId: person.id,
        districtId,
        weekOf: request.query.weekOf,
        permitted: permitted(request, {
          action: "log-service",
          purpose: "service logging grid",
          record: "service-sessions",
        }),
      });
    },
  );

  app.put(
    "/api/caseload/service-week",
    {
      schema: {
        tags: ["enforcement"],
        summary: "Log a week of sessions for a caseload (each cell replaces what was logged for that day)",
        body: ZWeekLog,
        response: { 200: ZWeekLogResult },
      },
    },
    async (request) => {
      const person = app.auth.requirePerson(request);
      const places = await authorizeEach(
        request,
        request.body.entries.map((e) => e.studentId),
        { action: "log-service", purpose: "log a week of service sessions", record: "service-sessions" },
      );
      return logServiceWeek(deps, {
        places,
        weekOf: request.body.weekOf,
        entries: request.body.entries,
        actor: actorOf({ person }, request),
      });
    },
  );

  // ---- Progress --------------------------------------------------------------------------------

  const progressAccess = (request: FastifyRequest, studentId: string, purpose: string) =>
    app.access.authorize(request, { studentId, action: "read-plan", purpose, record: "progress" });

  app.get(
    "/api/students/:studentId/progress",
    {
      schema: {
        tags: ["enforcement"],
        summary: "Progress toward each goal: aim line, trend line, four-point hint and a plain-language statement",
        params: ZStudentIdParams,
        querystring: ZProgressQuery,
        response: { 200: ZStudentProgress },
      },
    },
    async (request) => {
      await progressAccess(request, request.params.studentId, "view progress");
      return readProgress(deps, { studentId: request.params.studentId, asOf: request.query.asOf });
    },
  );

  app.get(
    "/api/students/:studentId/progress-report.pdf",
    {
      schema: {
        tags: ["enforcement"],
        summary: "Progress report for the family as a PDF (34 CFR 300.320(a)(3)(ii); lang=es: in Spanish)",
        params: ZStudentIdParams,
        querystring: ZProgressReportQuery,
      },
    },
    async (request, reply) => {
      const access = await progressAccess(request, request.params.studentId, "progress report PDF");
      const pdf = await printProgressReport(deps, {
        place: placeOf(access),
        asOf: request.query.asOf,
        lang: request.query.lang,
      });
      return reply
        .type("application/pdf")
        .header("content-disposition", 'attachment; filename="progress-report.pdf"')
        .send(pdf);
    },
  );

  app.post(
    "/api/students/:studentId/progress",
    {
      schema: {
        tags: ["enforcement"],
        summary: "Record one data point for a goal of the plan in effect",
        params: ZStudentIdParams,
        body: ZRecordPointBody,
        response: { 201: ZProgressPointView },
      },
    },
    async (request, reply) => {
      const { studentId } = request.params;
      const access = await app.access.authorize(request, {
        studentId,
        action: "record-progress",
        purpose: "record progress data",
        record: "progress",
      });
      const saved = await recordProgressPoint(deps, {
        place: placeOf(access),
        entry: { ...request.body, studentId },
        actor: actorOf(access, request),
      });
      return reply.status(201).send(saved);
    },
  );

  app.post(
    "/api/progress/batch",
    {
      schema: {
        tags: ["enforcement"],
        summary: "Record data points for many goals and students at once (a caseload)",
        body: ZProgressBatch,
        response: { 201: ZProgressBatchResult },
      },
    },
    async (request, reply) => {
      const person = app.auth.requirePerson(request);
      const places = await authorizeEach(
        request,
        request.body.entries.map((e) => e.studentId),
        { action: "record-progress", purpose: "record progress data (batch)", record: "progress" },
      );
      const items = await recordProgressData(deps, {
        places,
        entries: request.body.entries,
        actor: actorOf({ person }, request),
        pathBase: "/entries",
        subject: () => "progress-batch",
      });
      return reply.status(201).send({ items });
    },
  );

  // ---- Service fidelity and the district's policy ----------------------------------------------

  /** The report a district or school administrator may see, its students written to the record of access. */
  async function fidelity(request: FastifyRequest, query: z.output<typeof ZFidelityQuery>) {
    const person = app.auth.requirePerson(request);
    const scope = reportScopeFor({ personId: person.id, roles: person.roles }, query.schoolId);
    if (!scope) {
      throw new DomainError("forbidden", "Only district and school administrators can see service-fidelity reports");
    }
    const report = await buildServiceFidelityReport(deps, {
      by: query.by,
      from: query.from,
      through: query.through,
      ...scope,
    });
    await app.access.recordListing(
      request,
      person.id,
      [...new Set(report.rows.map((r) => r.studentId))],
      "service-fidelity report",
    );
    return { by: report.by, from: report.from, through: report.through, groups: report.groups };
  }

  app.get(
    "/api/reports/service-fidelity",
    {
      schema: {
        tags: ["enforcement"],
        summary: "Service fidelity by provider, school or district: required vs delivered minutes and minutes owed",
        querystring: ZFidelityQuery,
        response: { 200: ZFidelityReport },
      },
    },
    async (request) => fidelity(request, request.query),
  );

  app.get(
    "/api/reports/service-fidelity.csv",
    {
      schema: { tags: ["enforcement"], summary: "The service-fidelity report as CSV", querystring: ZFidelityQuery },
    },
    async (request, reply) => {
      const report = await fidelity(request, request.query);
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="service-fidelity-${report.by}-${report.through}.csv"`)
        .send(serviceFidelityCsv(report));
    },
  );

  app.get(
    "/api/district/compensatory-policy",
    {
      schema: {
        tags: ["enforcement"],
        summary: "The district's compensatory-services policy (which missed sessions the school owes)",
        response: { 200: ZCompensatoryPolicy },
      },
    },
    async (request) => {
      const person = app.auth.requirePerson(request);
      const role = districtSettingsRole({ personId: person.id, roles: person.roles }, "read");
      if (!role) throw new DomainError("forbidden", "Only district staff can see the district's policy here");
      return readCompensatoryPolicy(deps, { districtId: role.districtId });
    },
  );

  app.put(
    "/api/district/compensatory-policy",
    {
      schema: {
        tags: ["enforcement"],
        summary: "Set the district's compensatory-services policy (district administrators)",
        body: ZCompensatoryPolicy,
        response: { 200: ZCompensatoryPolicy },
      },
    },
    async (request) => {
      const person = app.auth.requirePerson(request);
      const admin = districtSettingsRole({ personId: person.id, roles: person.roles }, "change");
      if (!admin) throw new DomainError("forbidden", "Only district administrators can change the policy");
      return setCompensatoryPolicy(deps, {
        districtId: admin.districtId,
        policy: request.body,
        actor: actorOf({ person, basis: admin.role }, request),
      });
    },
  );
};

export default routes;
