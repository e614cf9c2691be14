/** The district's compliance settings and school calendar: district staff read them, administrators change them. */
import {
  DomainError,
  districtSettingsRole,
  ZComplianceSettings,
  ZSchoolCalendar,
  ZSchoolCalendarView,
} from "@lantern/core";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  readComplianceSettings,
  readSchoolCalendar,
  setSchoolCalendar,
  updateComplianceSettings,
} from "../../use-cases/compliance/settings.ts";

const routes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;

  function districtAdmin(request: FastifyRequest) {
    const person = app.auth.requirePerson(request);
    const role = districtSettingsRole({ personId: person.id, roles: person.roles }, "change");
    if (!role) throw new DomainError("forbidden", "Only district administrators can change compliance settings");
    return { districtId: role.districtId, actor: { personId: person.id, basis: role.role, requestId: request.id } };
  }

  function districtStaff(request: FastifyRequest) {
    const person = app.auth.requirePerson(request);
    const role = districtSettingsRole({ personId: person.id, roles: person.roles }, "read");
    if (!role) throw new DomainError("forbidden", "Only district staff can see the district's settings");
    return { districtId: role.districtId };
  }

  app.get(
    "/api/district/compliance-settings",
    {
      schema: {
        tags: ["compliance"],
        summary: "The district's due-soon window, Section 504 reevaluation interval and boilerplate threshold",
        response: { 200: ZComplianceSettings },
      },
    },
    async (request) => readComplianceSettings(deps, districtStaff(request)),
  );

  app.put(
    "/api/district/compliance-settings",
    {
      schema: {
        tags: ["compliance"],
        summary: "Change the district's compliance settings (district administrators)",
        body: ZComplianceSettings,
        response: { 200: ZComplianceSettings },
      },
    },
    async (request) => updateComplianceSettings(deps, { ...districtAdmin(request), settings: request.body }),
  );

  app.get(
    "/api/district/school-calendar",
    {
      schema: {
        tags: ["compliance"],
        summary: "The district's school calendar (school days, holidays, breaks); the default when none is set",
        response: { 200: ZSchoolCalendarView },
      },
    },
    async (request) => readSchoolCalendar(deps, districtStaff(request)),
  );

  app.put(
    "/api/district/school-calendar",
    {
      schema: {
        tags: ["compliance"],
        summary: "Set the district's school calendar (district administrators)",
        body: ZSchoolCalendar,
        response: { 200: ZSchoolCalendarView },
      },
    },
    async (request) => setSchoolCalendar(deps, { ...districtAdmin(request), calendar: request.body }),
  );
};

export default routes;
