/**
 * Caseload, school and district dashboards (counts by finding and by deadline state) and lists of
 * deadlines (keyset pagination), as JSON or CSV. Every student a list shows is written to the
 * record of access.
 */
import { ZComplianceDashboard, ZComplianceQuery, ZDeadlineList, ZDeadlineListQuery } from "@lantern/core";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { z } from "zod";
import { dashboardCsv, deadlinesCsv } from "../../formats/csv.ts";
import { buildDashboard, listDeadlines } from "../../use-cases/compliance/dashboard.ts";

const routes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;

  async function deadlines(request: FastifyRequest, query: z.output<typeof ZDeadlineListQuery>, max: number) {
    const person = app.auth.requirePerson(request);
    const list = await listDeadlines(deps, { person, query, max });
    await app.access.recordListing(
      request,
      person.id,
      [...new Set(list.items.map((i) => i.studentId))],
      "compliance deadline list",
    );
    return list;
  }

  app.get(
    "/api/compliance/dashboard",
    {
      schema: {
        tags: ["compliance"],
        summary: "Caseload, school or district dashboard: plans, findings by code and deadlines by state",
        querystring: ZComplianceQuery,
        response: { 200: ZComplianceDashboard },
      },
    },
    async (request) => buildDashboard(deps, { person: app.auth.requirePerson(request), query: request.query }),
  );

  app.get(
    "/api/compliance/dashboard.csv",
    {
      schema: {
        tags: ["compliance"],
        summary: "The dashboard's counts by finding and by deadline as CSV",
        querystring: ZComplianceQuery,
      },
    },
    async (request, reply) => {
      const view = await buildDashboard(deps, { person: app.auth.requirePerson(request), query: request.query });
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="compliance-${view.scope}-${view.today}.csv"`)
        .send(dashboardCsv(view));
    },
  );

  app.get(
    "/api/compliance/deadlines",
    {
      schema: {
        tags: ["compliance"],
        summary: "Overdue, due-soon or upcoming deadlines in a caseload, school or district, soonest first",
        querystring: ZDeadlineListQuery,
        response: { 200: ZDeadlineList },
      },
    },
    async (request) => deadlines(request, request.query, request.query.limit),
  );

  app.get(
    "/api/compliance/deadlines.csv",
    {
      schema: {
        tags: ["compliance"],
        summary: "The deadline list as CSV (up to 10,000 rows)",
        querystring: ZDeadlineListQuery,
      },
    },
    async (request, reply) => {
      const list = await deadlines(request, { ...request.query, cursor: undefined }, 10_000);
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="deadlines-${request.query.state}.csv"`)
        .send(deadlinesCsv(list));
    },
  );
};

export default routes;
