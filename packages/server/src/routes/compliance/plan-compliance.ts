/** One plan's findings and deadlines, for staff and families, through the access path. */
import { ZPlanComplianceView, ZPlanParams } from "@lantern/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { readPlanCompliance } from "../../use-cases/compliance/read-plan-compliance.ts";

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/students/:studentId/plans/:planId/compliance",
    {
      schema: {
        tags: ["compliance"],
        summary:
          "A plan's findings (with the place to fix each) and its legal deadlines, with plain-language sentences",
        params: ZPlanParams,
        response: { 200: ZPlanComplianceView },
      },
    },
    async (request) => {
      const { studentId, planId } = request.params;
      const access = await app.access.authorize(request, {
        studentId,
        action: "read-plan",
        purpose: "view plan findings and deadlines",
        record: `plan:${planId}`,
      });
      return readPlanCompliance(app.deps, {
        studentId: access.student.studentId,
        planId,
        districtId: access.student.districtId,
      });
    },
  );
};

export default routes;
