/**
 * Enforcement: progress data and service sessions, the minutes summary (staff and guardians),
 * the caseload logging grid, the service-fidelity report (JSON or CSV), the district's
 * compensatory policy, and the two PDFs. Every student's data goes through the access path.
 */
import {
  addDays,
  DomainError,
  dayOfWeek,
  districtSettingsRole,
  type FidelityGrouping,
  type IsoDate,
  reportScopeFor,
  type ServiceLogSummary,
  type StudentServiceMinutes,
  ZCaseloadWeek,
  ZCompensatoryPolicy,
  ZFidelityQuery,
  ZFidelityReport,
  ZLogSessionBody,
  ZMinutesQuery,
  ZProgressBatch,
  ZProgressBatchResult,
  ZProgressPointView,
  ZProgressQuery,
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
import { stringify } from "csv-stringify/sync";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { z } from "zod";
import { todayIso } from "../../clock.ts";
import { renderDeliverySummaryPdf, renderProgressReportPdf } from "../../pdf/enforcement-pdf.ts";
import { recordListing } from "../../plugins/access.ts";
import { createComplianceRepository } from "../../repositories/compliance-repository.ts";
import { createEnforcementPlanSource } from "../../repositories/enforcement-plan-source.ts";
import { createEnforcementRepository, type StudentPlace } from "../../repositories/enforcement-repository.ts";
import { buildServiceFidelityReport } from "../../use-cases/build-service-fidelity-report.ts";
import { logServiceSession, logServiceWeek } from "../../use-cases/log-service-sessions.ts";
import { recordProgressData } from "../../use-cases/record-progress-data.ts";
import { calendarForDistrict } from "../../use-cases/refresh-plan-compliance.ts";
import { reportProgress } from "../../use-cases/report-progress.ts";
import { type EnforcementDeps, summarizeServiceMinutes } from "../../use-cases/summarize-service-minutes.ts";

function toView(studentId: string, s: ServiceLogSummary): StudentServiceMinutes {
  return {
    studentId,
    from: s.period.from,
    through: s.through,
    policy: s.policy,
    services: s.services,
    totals: s.totals,
    citations: s.citations,
  };
}

const routes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.db;
  const deps: EnforcementDeps = {
    enforcement: createEnforcementRepository(db),
    plans: createEnforcementPlanSource(db),
    // The district's own school calendar (set on the compliance settings), or the default one.
    calendarFor: (districtId) => calendarForDistrict(createComplianceRepository(db), districtId),
  };

  /** Each student of a batch through the access path (one record-of-access row each). */
  async function authorizeEach(
    request: FastifyRequest,
    entries: ReadonlyArray<{ studentId: string }>,
    what: { action: "log-service" | "record-progress"; purpose: string; record: string },
  ): Promise<Map<string, StudentPlace>> {
    const places = new Map<string, StudentPlace>();
    for (const studentId of new Set(entries.map((e) => e.studentId))) {
      const access = await app.access.authorize(request, { studentId, ...what });
      places.set(studentId, { studentId, districtId: access.student.districtId, schoolId: access.student.schoolId });
    }
    return places;
  }

  async function studentName(studentId: string): Promise<string> {
    const r = await db
      .selectFrom("students")
      .select(["first_name", "last_name"])
      .where("id", "=", studentId)
      .executeTakeFirst();
    return r ? `${r.first_name} ${r.last_name}` : "Student";
  }

  async function minutesFor(
    request: FastifyRequest,
    studentId: string,
    q: { through?: IsoDate | undefined; from?: IsoDate | undefined },
    purpose: string,
  ) {
    const access = await app.access.authorize(request, {
      studentId,
      action: "read-plan",
      purpose,
      record: "service-minutes",
    });
    const place: StudentPlace = { studentId, districtId: access.student.districtId, schoolId: access.student.schoolId };
    const through = q.through ?? todayIso();
    const result = await summarizeServiceMinutes(deps, place, { through, ...(q.from ? { from: q.from } : {}) });
    return toView(studentId, result.summary);
  }

  // ---- Service minutes -------------------------------------------------------------------------

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
    async (request) => minutesFor(request, request.params.studentId, request.query, "view service minutes"),
  );

  app.get(
    "/api/students/:studentId/service-minutes.pdf",
    {
      schema: {
        tags: ["enforcement"],
        summary: "Service delivery summary as a PDF a family can bring to a meeting",
        params: ZStudentIdParams,
        querystring: ZMinutesQuery,
      },
    },
    async (request, reply) => {
      const view = await minutesFor(request, request.params.studentId, request.query, "service delivery summary PDF");
      const pdf = await renderDeliverySummaryPdf(await studentName(request.params.studentId), view);
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
      const items = await deps.enforcement.listSessions([studentId], {
        ...(request.query.from ? { from: request.query.from } : {}),
        ...(request.query.to ? { to: request.query.to } : {}),
      });
      return { items };
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
      const place = { studentId, districtId: access.student.districtId, schoolId: access.student.schoolId };
      const saved = await logServiceSession(deps, place, { ...request.body, studentId }, access.person.id);
      await app.deps.audit.append({
        action: "service.session-logged",
        personId: access.person.id,
        studentId,
        subject: `service-session:${saved.id}`,
        details: { serviceId: saved.serviceId, status: saved.status, minutes: saved.minutes },
        requestId: request.id,
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
      const { studentId } = request.params;
      const access = await app.access.authorize(request, {
        studentId,
        action: "read-plan",
        purpose: "export service log",
        record: "service-sessions",
      });
      const through = request.query.through ?? todayIso();
      const [plan, sessions, policy, calendar] = await Promise.all([
        deps.plans.forStudent(studentId),
        deps.enforcement.listSessions([studentId], { to: through }),
        deps.enforcement.getPolicy(access.student.districtId),
        deps.calendarFor(access.student.districtId),
      ]);
      reply.header("content-disposition", 'attachment; filename="service-log.json"');
      return {
        format: "lantern-service-log" as const,
        version: 1 as const,
        calendar: calendar.data,
        policy,
        planVersions:
          plan.planVersions.length > 0
            ? plan.planVersions
            : [{ label: "No plan in effect", effectiveFrom: through, services: [] }],
        reportingPeriods: [],
        asOf: through,
        sessions: sessions.map(
          ({ studentId: _s, providerId: _p, providerName: _n, slot: _slot, ...session }) => session,
        ),
      };
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
      const person = app.auth.requirePerson(request);
      const through = request.query.through ?? todayIso();
      const members = await db
        .selectFrom("caseload_members as c")
        .innerJoin("students as s", "s.id", "c.student_id")
        .select(["s.id", "s.first_name", "s.last_name"])
        .where("c.person_id", "=", person.id)
        .orderBy("s.last_name")
        .orderBy("s.first_name")
        .execute();
      const alerts: Array<z.infer<typeof ZServiceAlerts>["alerts"][number]> = [];
      for (const m of [...new Map(members.map((x) => [x.id, x])).values()]) {
        let place: StudentPlace;
        try {
          const access = await app.access.authorize(request, {
            studentId: m.id,
            action: "read-plan",
            purpose: "service delivery alerts",
            record: "service-minutes",
          });
          place = { studentId: m.id, districtId: access.student.districtId, schoolId: access.student.schoolId };
        } catch {
          continue;
        }
        const { summary } = await summarizeServiceMinutes(deps, place, { through, segments: false });
        for (const s of summary.services) {
          if (!s.behindSchedule.isBehind) continue;
          alerts.push({
            studentId: m.id,
            studentName: `${m.first_name} ${m.last_name}`,
            serviceId: s.serviceId,
            area: s.area,
            requiredMinutes: s.required.minutes,
            providedMinutes: s.provided,
            ratio: s.behindSchedule.ratio,
            threshold: s.behindSchedule.threshold,
            compensatoryOwedMinutes: s.compensatoryOwed.minutes,
          });
        }
      }
      return { through, alerts };
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
      const person = app.auth.requirePerson(request);
      const { weekOf } = request.query;
      if (dayOfWeek(weekOf) !== 1) {
        throw new DomainError("invalid-input", "weekOf must be a Monday", {
          issues: [{ path: "/weekOf", message: "must be a Monday" }],
        });
      }
      const sunday = addDays(weekOf, 6);
      const members = await db
        .selectFrom("caseload_members as c")
        .innerJoin("students as s", "s.id", "c.student_id")
        .select(["s.id", "s.first_name", "s.last_name"])
        .where("c.person_id", "=", person.id)
        .orderBy("s.last_name")
        .orderBy("s.first_name")
        .execute();
      const allowed: Array<{ id: string; name: string }> = [];
      for (const m of members) {
        try {
          await app.access.authorize(request, {
            studentId: m.id,
            action: "log-service",
            purpose: "service logging grid",
            record: "service-sessions",
          });
          allowed.push({ id: m.id, name: `${m.first_name} ${m.last_name}` });
        } catch {
          // Not a student this person logs services for (e.g. a teacher's caseload).
        }
      }
      const ids = allowed.map((a) => a.id);
      const [plans, sessions, calendar] = await Promise.all([
        deps.plans.forStudents(ids),
        deps.enforcement.listSessions(ids, { from: weekOf, to: sunday }),
        deps.calendarFor(person.roles[0]?.districtId ?? ""),
      ]);
      const days = Array.from({ length: 7 }, (_, i) => addDays(weekOf, i));
      return {
        weekOf,
        days,
        schoolDays: days.filter((d) => calendar.isSchoolDay(d)),
        students: allowed.map((a) => {
          const versions = plans.get(a.id)?.planVersions ?? [];
          // The services in effect during the week: the latest version effective by Sunday.
          const inForce = [...versions].reverse().find((v) => v.effectiveFrom <= sunday);
          const services = (inForce?.services ?? []).filter(
            (s) => s.startDate <= sunday && (s.endDate === null || s.endDate >= weekOf),
          );
          return {
            studentId: a.id,
            name: a.name,
            services: services.map((s) => ({
              serviceId: s.id,
              area: s.area,
              minutesPerSession: s.minutesPerSession,
              frequency: s.frequency,
              delivery: s.delivery,
            })),
            sessions: sessions.filter((s) => s.studentId === a.id),
          };
        }),
      };
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
      const places = await authorizeEach(request, request.body.entries, {
        action: "log-service",
        purpose: "log a week of service sessions",
        record: "service-sessions",
      });
      const saved = await logServiceWeek(deps, places, request.body.entries, person.id);
      for (const studentId of places.keys()) {
        await app.deps.audit.append({
          action: "service.session-logged",
          personId: person.id,
          studentId,
          subject: `service-week:${request.body.weekOf}`,
          details: { cells: request.body.entries.filter((e) => e.studentId === studentId).length },
          requestId: request.id,
        });
      }
      return { saved };
    },
  );

  // ---- Progress --------------------------------------------------------------------------------

  async function progressFor(request: FastifyRequest, studentId: string, asOf: IsoDate | undefined, purpose: string) {
    await app.access.authorize(request, { studentId, action: "read-plan", purpose, record: "progress" });
    const r = await reportProgress(deps, studentId, asOf ? { asOf } : {});
    return { studentId, ...r };
  }

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
    async (request) => progressFor(request, request.params.studentId, request.query.asOf, "view progress"),
  );

  app.get(
    "/api/students/:studentId/progress-report.pdf",
    {
      schema: {
        tags: ["enforcement"],
        summary: "Progress report for the family as a PDF (34 CFR 300.320(a)(3)(ii))",
        params: ZStudentIdParams,
        querystring: ZProgressQuery,
      },
    },
    async (request, reply) => {
      const asOf = request.query.asOf ?? todayIso();
      const progress = await progressFor(request, request.params.studentId, asOf, "progress report PDF");
      const pdf = await renderProgressReportPdf(await studentName(request.params.studentId), progress, asOf);
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
      const places = new Map([
        [studentId, { studentId, districtId: access.student.districtId, schoolId: access.student.schoolId }],
      ]);
      const saved = (await recordProgressData(deps, places, [{ ...request.body, studentId }], access.person.id, ""))[0];
      if (!saved) throw new Error("data point not saved");
      await app.deps.audit.append({
        action: "progress.recorded",
        personId: access.person.id,
        studentId,
        subject: `goal:${request.body.goalId}`,
        details: { points: 1 },
        requestId: request.id,
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
      const places = await authorizeEach(request, request.body.entries, {
        action: "record-progress",
        purpose: "record progress data (batch)",
        record: "progress",
      });
      const items = await recordProgressData(deps, places, request.body.entries, person.id);
      for (const studentId of places.keys()) {
        await app.deps.audit.append({
          action: "progress.recorded",
          personId: person.id,
          studentId,
          subject: "progress-batch",
          details: { points: request.body.entries.filter((e) => e.studentId === studentId).length },
          requestId: request.id,
        });
      }
      return reply.status(201).send({ items });
    },
  );

  // ---- Service fidelity and the district's policy ----------------------------------------------

  function adminScope(request: FastifyRequest, schoolId: string | undefined) {
    const person = app.auth.requirePerson(request);
    const scope = reportScopeFor({ personId: person.id, roles: person.roles }, schoolId);
    if (scope) return { person, ...scope };
    throw new DomainError("forbidden", "Only district and school administrators can see service-fidelity reports");
  }

  async function fidelity(
    request: FastifyRequest,
    query: {
      by: FidelityGrouping;
      from?: IsoDate | undefined;
      through?: IsoDate | undefined;
      schoolId?: string | undefined;
    },
  ) {
    const scope = adminScope(request, query.schoolId);
    const through = query.through ?? todayIso();
    const from = query.from ?? addDays(through, -364);
    let q = db
      .selectFrom("students as s")
      .innerJoin("schools as sc", "sc.id", "s.school_id")
      .select(["s.id", "s.district_id", "s.school_id", "sc.name as school_name"])
      .where("s.district_id", "=", scope.districtId);
    if (scope.schoolId) q = q.where("s.school_id", "=", scope.schoolId);
    const students = (await q.execute()).map((s) => ({
      studentId: s.id,
      districtId: s.district_id,
      schoolId: s.school_id,
      schoolName: s.school_name,
    }));
    const report = await buildServiceFidelityReport(deps, students, {
      by: query.by,
      from,
      through,
      districtId: scope.districtId,
      schoolId: scope.schoolId,
    });
    await recordListing(
      db,
      request,
      scope.person.id,
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
      schema: {
        tags: ["enforcement"],
        summary: "The service-fidelity report as CSV",
        querystring: ZFidelityQuery,
      },
    },
    async (request, reply) => {
      const report = await fidelity(request, request.query);
      const csv = stringify(
        report.groups.map((g) => ({
          group: g.label,
          students: g.students,
          services: g.services,
          required_minutes: g.requiredMinutes,
          delivered_minutes: g.deliveredMinutes,
          made_up_minutes: g.madeUpMinutes,
          missed_minutes: g.missedMinutes,
          compensatory_owed_minutes: g.compensatoryOwedMinutes,
          fidelity_percent: g.fidelity === null ? "" : Math.round(g.fidelity * 1000) / 10,
          services_behind_schedule: g.servicesBehindSchedule,
        })),
        { header: true },
      );
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="service-fidelity-${report.by}-${report.through}.csv"`)
        .send(csv);
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
      return deps.enforcement.getPolicy(role.districtId);
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
      await deps.enforcement.putPolicy(admin.districtId, request.body, person.id);
      await app.deps.audit.append({
        action: "settings.updated",
        personId: person.id,
        subject: "compensatory-policy",
        details: { ...request.body },
        requestId: request.id,
      });
      return deps.enforcement.getPolicy(admin.districtId);
    },
  );
};

export default routes;
